//! The command line as a shell user meets it: `-C`, where outputs go, and what happens when
//! standard output or standard error is a closed pipe or a full disk.

use std::path::Path;
use std::process::Stdio;

use crate::common::{PROGRAMME, Project, run_in};

/// Runs `nko-draft --color never ARGS` in `cwd` with standard output (or standard error) sent to
/// a pipe whose reader is already closed, or to /dev/full. Returns the exit code and the other
/// stream.
fn run_with_broken(cwd: &Path, args: &[&str], broken: Broken) -> (i32, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_nko-draft"));
    cmd.current_dir(cwd)
        .env("NO_COLOR", "1")
        .arg("--color")
        .arg("never")
        .args(args)
        .stdin(Stdio::null());
    let sink = || -> Stdio {
        match broken {
            Broken::ClosedPipe(_) => {
                let (reader, writer) = std::io::pipe().expect("a pipe");
                drop(reader);
                writer.into()
            }
            Broken::Full(_) => std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .expect("/dev/full")
                .into(),
        }
    };
    let stdout_broken = matches!(
        broken,
        Broken::ClosedPipe(Stream::Out) | Broken::Full(Stream::Out)
    );
    if stdout_broken {
        cmd.stdout(sink()).stderr(Stdio::piped());
    } else {
        cmd.stderr(sink()).stdout(Stdio::piped());
    }
    let out = cmd.output().expect("the binary runs");
    let other = if stdout_broken {
        out.stderr
    } else {
        out.stdout
    };
    let other = String::from_utf8_lossy(&other).into_owned();
    assert!(
        !other.contains("panicked"),
        "{args:?} with {broken:?} panicked:\n{other}"
    );
    (out.status.code().unwrap_or(-1), other)
}

/// A complete step for `training`, as a secretary types it.
const ADD_STEP: [&str; 11] = [
    "add-step",
    "--case",
    "training",
    "--title",
    "Вебинар",
    "--deadline",
    "2027-Q3",
    "--responsible",
    "centre",
    "--result",
    "Обучено 20 человек",
];

#[derive(Debug, Clone, Copy)]
enum Stream {
    Out,
    Err,
}

#[derive(Debug, Clone, Copy)]
enum Broken {
    ClosedPipe(Stream),
    Full(Stream),
}

#[test]
fn dash_c_works_as_if_started_in_the_folder() {
    let p = Project::base();
    // `output.dir` is unset here, so the default `./out` counts from where the command starts,
    // which `-C` makes the programme folder.
    p.edit("programme.yaml", "  dir: out\n", "");
    let run = run_in(
        p.tmp(),
        &["-C", PROGRAMME, "build", "--format", "md"],
        Some(p.tmp()),
    );
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(
        run.stdout
            .lines()
            .next()
            .unwrap_or_default()
            .split(" (")
            .next(),
        Some("wrote programme/out/programme.md"),
        "{}",
        run.report()
    );
    assert!(p.root().join("out/programme.md").is_file());
    assert!(
        !p.tmp().join("out").exists(),
        "wrote into the folder the command was typed in"
    );

    // `--out` typed after `-C` counts from the `-C` folder too, as in `git -C`.
    let run = run_in(
        p.tmp(),
        &["-C", PROGRAMME, "build", "--format", "md", "--out", "site"],
        Some(p.tmp()),
    );
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(
        run.stdout.starts_with("wrote programme/site/programme.md"),
        "{}",
        run.report()
    );
    assert!(p.root().join("site/programme.md").is_file());

    // A folder that does not exist is a usage error naming the flag.
    let run = run_in(p.tmp(), &["-C", "nowhere", "check"], Some(p.tmp()));
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(run.stderr.contains("-C nowhere"), "{}", run.report());
}

#[test]
fn add_step_names_the_file_from_where_the_user_stands() {
    let p = Project::base();
    let run = p.run(&ADD_STEP);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(
        run.stderr
            .contains("added to programme/steps/training.yaml"),
        "{}",
        run.report()
    );
}

#[test]
fn a_closed_pipe_or_a_full_disk_never_turns_a_failure_into_success() {
    let p = Project::case("dangling-organisation");
    for (args, broken) in [
        (&["check"][..], Broken::ClosedPipe(Stream::Err)),
        (&["check"][..], Broken::Full(Stream::Err)),
        (
            &["check", "--format", "json"][..],
            Broken::ClosedPipe(Stream::Out),
        ),
        (
            &["check", "--format", "short"][..],
            Broken::Full(Stream::Out),
        ),
        (
            &["build", "--format", "md"][..],
            Broken::ClosedPipe(Stream::Err),
        ),
    ] {
        let mut all = vec!["-C", PROGRAMME];
        all.extend_from_slice(args);
        let (code, _) = run_with_broken(p.tmp(), &all, broken);
        assert_eq!(code, 1, "{args:?} with {broken:?}");
    }
    assert!(!p.root().join("out").exists());
}

#[test]
fn output_that_cannot_be_printed_does_not_undo_the_work() {
    let p = Project::base();
    // The files are written even when nobody reads the list of them.
    let (code, _) = run_with_broken(
        p.tmp(),
        &["-C", PROGRAMME, "build", "--format", "md"],
        Broken::ClosedPipe(Stream::Out),
    );
    assert_eq!(code, 0);
    assert!(p.root().join("out/programme.md").is_file());

    // A step that was added is exit 0 even if its id could not be printed: a script that
    // retries on failure must not add it twice. The user is told once.
    let steps = p.root().join("steps/training.yaml");
    let before = std::fs::read_to_string(&steps).unwrap();
    let (code, stderr) = run_with_broken(
        p.tmp(),
        &[&["-C", PROGRAMME][..], &ADD_STEP[..]].concat(),
        Broken::Full(Stream::Out),
    );
    assert_eq!(code, 0, "{stderr}");
    let after = std::fs::read_to_string(&steps).unwrap();
    assert_eq!(after.matches("Вебинар").count(), 1, "{after}");
    assert!(after.starts_with(&before));
    assert!(stderr.contains("added to"), "{stderr}");
    assert_eq!(stderr.matches("could not print").count(), 1, "{stderr}");

    let (code, _) = run_with_broken(
        p.tmp(),
        &["-C", PROGRAMME, "check", "--format", "json"],
        Broken::ClosedPipe(Stream::Out),
    );
    assert_eq!(code, 0);
}

#[test]
fn output_dir_in_the_programme_stays_inside_it() {
    let p = Project::base();
    let yaml = std::fs::read_to_string(p.root().join("programme.yaml")).unwrap();
    for dir in ["../victim", "/tmp/nko-draft-victim-absolute"] {
        p.write(
            "programme.yaml",
            yaml.replace("  dir: out\n", &format!("  dir: \"{dir}\"\n")),
        );
        let run = p.check(&["--format", "short"]);
        assert_eq!(run.code, 1, "{}", run.report());
        let line = yaml.lines().position(|l| l == "  dir: out").unwrap() + 1;
        assert!(
            run.stdout.contains(&format!(
                "programme.yaml:{line}:8: error: `{dir}` is outside the programme folder"
            )),
            "{}",
            run.report()
        );
        assert!(run.stdout.contains("--out"), "{}", run.report());
        let run = p.run(&["build"]);
        assert_eq!(run.code, 1, "{}", run.report());
    }
    assert!(!p.tmp().join("victim").exists());
    assert!(!Path::new("/tmp/nko-draft-victim-absolute").exists());

    // A folder inside the root that is a link to somewhere else leads out too.
    #[cfg(unix)]
    {
        let victim = p.tmp().join("victim");
        std::fs::create_dir(&victim).unwrap();
        std::os::unix::fs::symlink(&victim, p.root().join("site")).unwrap();
        p.write(
            "programme.yaml",
            yaml.replace("  dir: out\n", "  dir: site/docs\n"),
        );
        let run = p.run(&["build"]);
        assert_eq!(run.code, 2, "{}", run.report());
        assert!(
            run.stderr.contains("leads outside the programme folder"),
            "{}",
            run.report()
        );
        assert_eq!(std::fs::read_dir(&victim).unwrap().count(), 0);
    }

    // `--out`, typed by the user, may point anywhere.
    let elsewhere = p.tmp().join("elsewhere");
    let run = p.run(&[
        "build",
        "--format",
        "md",
        "--out",
        elsewhere.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(elsewhere.join("programme.md").is_file());
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_replaced_not_written_through() {
    let p = Project::base();
    let target = p.tmp().join("precious.txt");
    std::fs::write(&target, "keep me").unwrap();
    std::fs::create_dir_all(p.root().join("out")).unwrap();
    std::os::unix::fs::symlink(&target, p.root().join("out/programme.md")).unwrap();
    let run = p.run(&["build", "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(
        std::fs::read_to_string(&target).unwrap() == "keep me",
        "wrote through the link"
    );
    let meta = std::fs::symlink_metadata(p.root().join("out/programme.md")).unwrap();
    assert!(meta.file_type().is_file());
}

#[test]
fn a_failed_build_leaves_every_output_as_it_was() {
    let p = Project::base();
    let run = p.run(&["build", "--format", "md,html"]);
    assert_eq!(run.code, 0, "{}", run.report());
    let md = p.root().join("out/programme.md");
    let before = std::fs::read(&md).unwrap();
    // Change the programme, and put a folder where the HTML goes: the HTML cannot be written,
    // so the Markdown must not be replaced either.
    p.edit(
        "programme.yaml",
        "short_title: Программа",
        "short_title: Другая",
    );
    let html = p.root().join("out/programme.html");
    std::fs::remove_file(&html).unwrap();
    std::fs::create_dir(&html).unwrap();
    let run = p.run(&["build", "--format", "md,html"]);
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(
        run.stderr.contains("a folder of that name is in the way"),
        "{}",
        run.report()
    );
    assert!(
        std::fs::read(&md).unwrap() == before,
        "programme.md was replaced"
    );
    let leftovers: Vec<_> = std::fs::read_dir(p.root().join("out"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    // A dangling link where an output goes is replaced by the output.
    #[cfg(unix)]
    {
        std::fs::remove_dir(&html).unwrap();
        std::os::unix::fs::symlink(p.tmp().join("nowhere"), &html).unwrap();
        let run = p.run(&["build", "--format", "md,html"]);
        assert_eq!(run.code, 0, "{}", run.report());
        assert!(std::fs::symlink_metadata(&html).unwrap().is_file());
        assert!(std::fs::read(&md).unwrap() != before);
    }
}

#[test]
fn an_output_name_too_long_for_a_file_system_is_refused_by_check() {
    let p = Project::base();
    let long = "п".repeat(130);
    p.edit(
        "programme.yaml",
        "  name: programme\n",
        &format!("  name: {long}\n"),
    );
    let run = p.check(&["--format", "short"]);
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        run.stdout.contains("is not a file name"),
        "{}",
        run.report()
    );
}

#[test]
fn an_empty_list_of_formats_is_an_error_not_a_silent_success() {
    let p = Project::base();
    p.edit(
        "programme.yaml",
        "  formats: [md, html]\n",
        "  formats: []\n",
    );
    let run = p.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        run.stderr.contains("no formats to write"),
        "{}",
        run.report()
    );
    assert!(!p.root().join("out").exists());
}

#[test]
fn a_malformed_source_date_epoch_is_a_usage_error() {
    let p = Project::base();
    let out = assert_cmd::Command::cargo_bin("nko-draft")
        .expect("the binary")
        .current_dir(p.tmp())
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["-C", PROGRAMME, "build", "--format", "md"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("`yesterday` is not a whole number of seconds"),
        "{stderr}"
    );
    assert!(!p.root().join("out").exists());
}

#[test]
fn init_dates_the_session_in_the_users_time_zone() {
    // UTC+14 and UTC−12 are 26 hours apart: whatever the hour, their dates differ, while a
    // date taken in UTC would be the same for both.
    let date_in = |tz: &str| {
        let p = Project::empty();
        let out = assert_cmd::Command::cargo_bin("nko-draft")
            .expect("the binary")
            .current_dir(p.tmp())
            .env("TZ", tz)
            .args(["init", "here"])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let session = std::fs::read_to_string(p.tmp().join("here/session.yaml")).unwrap();
        session
            .lines()
            .find_map(|l| l.strip_prefix("date: "))
            .map(|d| d.trim().to_owned())
            .expect("a date line")
    };
    let east = date_in("KIR-14");
    let west = date_in("BIT+12");
    assert_ne!(east, west, "both dates are {east}: not the local date");
    assert!(east > west);
}
