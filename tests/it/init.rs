//! `nko-draft init`: it refuses to nest a programme in a programme, names no region it was not
//! given, points only to documentation the user has, and never half-writes or writes through
//! a link.

use std::path::Path;

use crate::common::{Project, Run};

const DATE: &str = "2026-11-28";

/// What a folder holds, links included (not followed): `path` for a folder, `path = bytes`
/// for a file, `path -> target` for a link; sorted, paths relative to `dir`.
fn listing(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("a readable folder") {
            let entry = entry.expect("a directory entry");
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            let kind = entry.file_type().expect("a file type");
            if kind.is_symlink() {
                let to = std::fs::read_link(entry.path()).expect("a link");
                out.push(format!("{name} -> {}", to.display()));
            } else if kind.is_dir() {
                out.push(format!("{name}/"));
                walk(&entry.path(), &format!("{name}/"), out);
            } else {
                let bytes = std::fs::read(entry.path()).expect("a readable file");
                out.push(format!("{name} = {}", String::from_utf8_lossy(&bytes)));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out.sort();
    out
}

/// Every file `init` wrote under `dir`, with its text.
fn texts(dir: &Path) -> Vec<(String, String)> {
    crate::common::snapshot_tree(dir)
        .into_iter()
        .map(|(rel, bytes)| (rel, String::from_utf8(bytes).expect("UTF-8")))
        .collect()
}

fn assert_refused(run: &Run, what: &str) {
    assert_eq!(run.code, 2, "{what}:\n{}", run.report());
    assert!(
        run.stderr.contains("hint: nothing was written"),
        "{what}: no hint saying nothing was written:\n{}",
        run.report()
    );
}

// --- init inside a programme ------------------------------------------------------------------

#[test]
fn init_without_a_folder_inside_a_programme_refuses() {
    let p = Project::empty();
    let first = p.run_from("", &["init", "region", "--session-date", DATE]);
    assert_eq!(first.code, 0, "{}", first.report());
    let before = listing(&p.tmp().join("region"));

    let run = p.run_from("region", &["init", "--session-date", DATE]);
    assert_refused(&run, "init in a programme folder");
    assert_eq!(
        listing(&p.tmp().join("region")),
        before,
        "init changed the programme"
    );
    assert!(!p.tmp().join("region/programme").exists());
    insta::assert_snapshot!("init-inside-a-programme", run.report());
}

#[test]
fn init_into_a_programme_says_it_is_one() {
    let p = Project::base();
    let before = listing(&p.root());
    let run = p.run_from("", &["init", "programme", "--session-date", DATE]);
    assert_refused(&run, "init into a programme");
    assert_eq!(listing(&p.root()), before, "init changed the programme");
    insta::assert_snapshot!("init-into-a-programme", run.report());
}

#[test]
fn init_of_a_new_folder_inside_a_programme_is_allowed_when_named() {
    // Naming the folder is a deliberate choice (a draft for a neighbouring region kept beside
    // this one), so only the implicit default is refused.
    let p = Project::base();
    let run = p.run_from("programme", &["init", "other", "--session-date", DATE]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(p.root().join("other/programme.yaml").is_file());
}

// --- the skeleton of another region -------------------------------------------------------------

#[test]
fn init_for_another_region_names_no_other_place_and_no_readme() {
    for locale in ["ru", "en"] {
        let p = Project::empty();
        let region = "Белгородская область";
        let run = p.run_from(
            "",
            &[
                "init",
                "new",
                "--region",
                region,
                "--locale",
                locale,
                "--session-date",
                DATE,
            ],
        );
        assert_eq!(run.code, 0, "{}", run.report());
        let files = texts(&p.tmp().join("new"));
        // The eleven input files and the seven schemas of `.schema/`.
        assert_eq!(files.len(), 18, "{locale}: {files:?}");
        for (rel, text) in &files {
            for word in ["Курск", "Kursk", "Northfield", "README", "The input"] {
                assert!(
                    !text.contains(word),
                    "{locale}: {rel} mentions `{word}`:\n{text}"
                );
            }
        }
        let programme = &files
            .iter()
            .find(|(rel, _)| rel == "programme.yaml")
            .expect("programme.yaml")
            .1;
        assert!(
            programme.contains(&format!("region: {region}")),
            "{programme}"
        );
        assert!(
            programme.contains("docs/input-format.md") && programme.contains("nko-draft --help"),
            "{locale}: programme.yaml does not point to the documentation:\n{programme}"
        );
        let check = p.run_from("", &["-C", "new", "check"]);
        assert_eq!(check.code, 0, "{}", check.report());
    }
}

#[test]
fn init_without_a_region_names_none() {
    for locale in ["ru", "en"] {
        let p = Project::empty();
        let run = p.run_from(
            "",
            &["init", "new", "--locale", locale, "--session-date", DATE],
        );
        assert_eq!(run.code, 0, "{}", run.report());
        for (rel, text) in texts(&p.tmp().join("new")) {
            for word in ["Курск", "Kursk", "Northfield", "README"] {
                assert!(!text.contains(word), "{locale}: {rel} mentions `{word}`");
            }
        }
    }
}

// --- links and half-writes ----------------------------------------------------------------------

/// Makes `link` (relative to `<tmp>/new`) a symbolic link to `to`, creating folders.
#[cfg(unix)]
fn link(p: &Project, link: &str, to: &str) {
    let path = p.tmp().join("new").join(link);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("create a folder");
    std::os::unix::fs::symlink(to, &path).expect("a symbolic link");
}

#[cfg(unix)]
#[test]
fn a_dangling_link_in_the_target_stops_init_before_it_writes() {
    for rel in [
        "programme.yaml",
        "session.yaml",
        "steps",
        "cases",
        "steps/openness.yaml",
    ] {
        let p = Project::empty();
        link(&p, rel, "../nowhere");
        let before = listing(p.tmp());
        let run = p.run_from("", &["init", "new", "--session-date", DATE]);
        assert_refused(&run, rel);
        assert!(
            run.stderr.contains(&format!("new/{rel}: a link")),
            "{rel}: the link is not named:\n{}",
            run.report()
        );
        assert_eq!(listing(p.tmp()), before, "{rel}: init changed the folder");
    }
}

#[cfg(unix)]
#[test]
fn init_never_writes_through_a_link_to_a_folder() {
    let p = Project::empty();
    std::fs::create_dir(p.tmp().join("elsewhere")).expect("mkdir");
    link(&p, "steps", "../elsewhere");
    let before = listing(p.tmp());
    let run = p.run_from("", &["init", "new", "--session-date", DATE]);
    assert_refused(&run, "steps is a link to a folder");
    assert_eq!(listing(p.tmp()), before, "init changed the folder");
    insta::assert_snapshot!("init-link-in-the-way", run.report());
}

#[cfg(unix)]
#[test]
fn init_into_a_link_to_an_empty_folder_writes_there() {
    // The folder the user names may itself be a link; only links inside it are refused.
    let p = Project::empty();
    std::fs::create_dir(p.tmp().join("real")).expect("mkdir");
    std::os::unix::fs::symlink("real", p.tmp().join("new")).expect("a symbolic link");
    let run = p.run_from("", &["init", "new", "--session-date", DATE]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(p.tmp().join("real/steps/openness.yaml").is_file());
}

#[test]
fn a_file_where_a_folder_belongs_stops_init_before_it_writes() {
    // (file to create, folder to init, what the error names)
    for (file, target, named) in [
        (
            "new/steps",
            "new",
            "new/steps: a file where a folder is needed",
        ),
        ("new", "new", "new: a file where a folder is needed"),
        ("new", "new/sub", "new: a file where a folder is needed"),
    ] {
        let p = Project::empty();
        let path = p.tmp().join(file);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(&path, "not a folder").expect("write");
        let before = listing(p.tmp());
        let run = p.run_from("", &["init", target, "--session-date", DATE]);
        assert_refused(&run, file);
        assert!(run.stderr.contains(named), "{file}:\n{}", run.report());
        assert_eq!(listing(p.tmp()), before, "{file}: init changed the folder");
    }
}

#[cfg(unix)]
#[test]
fn a_target_that_is_a_dangling_link_is_refused() {
    let p = Project::empty();
    std::os::unix::fs::symlink("nowhere", p.tmp().join("new")).expect("a symbolic link");
    let before = listing(p.tmp());
    let run = p.run_from("", &["init", "new", "--session-date", DATE]);
    assert_refused(&run, "a dangling target");
    assert!(run.stderr.contains("new: a link"), "{}", run.report());
    assert_eq!(listing(p.tmp()), before, "init changed the folder");
}

/// Like `assert_refused`, in Russian.
fn assert_refused_ru(run: &Run, what: &str) {
    assert_eq!(run.code, 2, "{what}:\n{}", run.report());
    assert!(
        run.stderr.contains("подсказка: ничего не записано"),
        "{what}: no hint saying nothing was written:\n{}",
        run.report()
    );
}

#[cfg(unix)]
#[test]
fn init_speaks_russian_when_the_user_does() {
    use crate::build::russian_from;
    let p = Project::empty();
    let run = russian_from(&p, "", &["init", "region", "--session-date", DATE]);
    assert_eq!(run.code, 0, "{}", run.report());
    insta::assert_snapshot!("init-ru", run.report());

    let run = russian_from(&p, "", &["init", "region", "--session-date", DATE]);
    assert_refused_ru(&run, "init into a programme, in Russian");
    insta::assert_snapshot!("init-into-a-programme-ru", run.report());

    std::fs::create_dir(p.tmp().join("elsewhere")).expect("mkdir");
    link(&p, "steps", "../elsewhere");
    let run = russian_from(&p, "", &["init", "new", "--session-date", DATE]);
    assert_refused_ru(&run, "steps is a link to a folder, in Russian");
    insta::assert_snapshot!("init-link-in-the-way-ru", run.report());

    let run = russian_from(&p, "", &["init", "other", "--session-date", "2027-02-29"]);
    assert_eq!(run.code, 2, "{}", run.report());
    insta::assert_snapshot!("init-bad-date-ru", run.report());
}
