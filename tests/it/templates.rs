//! A programme's own templates are untrusted (CI builds what a pull request holds): they stay
//! inside the programme folder, cannot hang the run, and their mistakes name file and line.

use std::time::Duration;

use crate::common::Project;

/// Text only the file outside the programme holds: it must never reach the output or a message.
const SECRET: &str = "TOP-SECRET-7f3a";

/// The build failed with exit code 2, printed `want`, wrote nothing and showed no secret.
fn refused(p: &Project, args: &[&str], want: &str) -> crate::common::Run {
    stopped(p, args, 2, want)
}

/// A template that cannot be read or does not compile is a finding, which `check` reports as
/// well as `build` (exit code 1, nothing written, no secret shown, `want` printed by both).
fn found(p: &Project, args: &[&str], want: &str) -> crate::common::Run {
    let check = stopped(p, &["check"], 1, want);
    assert!(check.stderr.contains("1 error"), "{}", check.report());
    stopped(p, args, 1, want)
}

/// The command failed with exit code `code`, printed `want`, wrote nothing and showed no secret.
fn stopped(p: &Project, args: &[&str], code: i32, want: &str) -> crate::common::Run {
    let run = p.run(args);
    assert_eq!(run.code, code, "{}", run.report());
    assert!(run.stderr.contains(want), "{}", run.report());
    assert!(!run.stdout.contains(SECRET) && !run.stderr.contains(SECRET));
    assert!(!p.root().join("out").exists(), "something was written");
    run.assert_no_crash(want);
    run
}

#[cfg(unix)]
#[test]
fn a_template_linked_outside_the_programme_is_refused() {
    let p = Project::base();
    std::fs::write(p.tmp().join("secret.md"), SECRET).expect("write");
    std::fs::create_dir(p.root().join("templates")).expect("mkdir");
    std::os::unix::fs::symlink("../../secret.md", p.root().join("templates/body.md"))
        .expect("link");
    let run = found(
        &p,
        &["build", "--format", "md,html", "--out", "out"],
        "error: templates/body.md (a link to ../../secret.md) leads outside the programme folder",
    );
    assert!(
        run.stderr
            .contains("hint: templates are read only from inside")
    );

    // The same file through a link inside the programme is fine.
    std::fs::remove_file(p.root().join("templates/body.md")).expect("remove");
    p.write("common/body.md", "Своё: {{ doc.passport.heading.title }}\n");
    std::os::unix::fs::symlink("../common/body.md", p.root().join("templates/body.md"))
        .expect("link");
    let run = p.run(&["build", "--format", "md", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.report());
    let md = std::fs::read_to_string(p.root().join("out/programme.md")).expect("programme.md");
    assert!(md.contains("Своё: Паспорт Программы"), "{md}");
}

#[cfg(unix)]
#[test]
fn a_templates_folder_linked_outside_the_programme_is_refused() {
    let p = Project::base();
    std::fs::create_dir(p.tmp().join("elsewhere")).expect("mkdir");
    std::fs::write(p.tmp().join("elsewhere/body.md"), SECRET).expect("write");
    std::os::unix::fs::symlink("../elsewhere", p.root().join("templates")).expect("link");
    found(
        &p,
        &["build", "--format", "md", "--out", "out"],
        "error: templates (a link to ../elsewhere) leads outside the programme folder",
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_template_is_refused_without_waiting() {
    let p = Project::base();
    std::fs::create_dir(p.root().join("templates")).expect("mkdir");
    let made = std::process::Command::new("mkfifo")
        .arg(p.root().join("templates/page.html"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let run = found(
        &p,
        &["build", "--format", "html", "--out", "out"],
        "error: templates/page.html is not a regular file but a named pipe (FIFO)",
    );
    assert!(run.elapsed < Duration::from_secs(20), "{:?}", run.elapsed);
}

#[test]
fn a_tera_template_that_loops_too_long_is_stopped() {
    let p = Project::base();
    // 10¹⁰ iterations that print nothing: nothing but the time limit ends it.
    p.write(
        "templates/body.md",
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}\n",
    );
    let run = refused(
        &p,
        &[
            "build",
            "--format",
            "md",
            "--out",
            "out",
            "--template-timeout",
            "1",
        ],
        "error: templates/body.md ran longer than the limit of 1 s (--template-timeout) and was stopped; nothing was written",
    );
    assert!(
        run.stderr
            .contains("or raise the limit: --template-timeout 4"),
        "{}",
        run.report()
    );
    assert!(run.elapsed < Duration::from_secs(10), "{:?}", run.elapsed);
}

#[cfg(feature = "pdf")]
#[test]
fn a_typst_template_that_loops_too_long_is_stopped() {
    let p = Project::base();
    p.write(
        "templates/programme.typ",
        "#for i in range(100000) { for j in range(100000) { } }\n",
    );
    // The Markdown is made (and staged) first: the failure takes it back, and the folder made
    // for it.
    let run = refused(
        &p,
        &[
            "build",
            "--format",
            "md,pdf",
            "--out",
            "out",
            "--template-timeout",
            "1",
        ],
        "error: templates/programme.typ ran longer than the limit of 1 s",
    );
    assert!(run.elapsed < Duration::from_secs(10), "{:?}", run.elapsed);
}

#[test]
fn the_template_timeout_must_be_a_positive_number_of_seconds() {
    let p = Project::base();
    let run = p.run(&["build", "--template-timeout", "0"]);
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(
        run.stderr.contains("--template-timeout"),
        "{}",
        run.report()
    );
    run.assert_no_crash("--template-timeout 0");
}

#[test]
fn a_missing_or_circular_extends_names_file_and_line() {
    let p = Project::base();
    p.write("templates/body.md", "{% extends \"nope\" %}\n");
    let run = found(
        &p,
        &["build", "--format", "md", "--out", "out"],
        "`templates/body.md` extends `nope`, which is not a template\n --> programme/templates/body.md:1:12",
    );
    assert!(
        run.stderr
            .contains("the templates here are named `templates/body.md`, `templates/programme.md`"),
        "{}",
        run.report()
    );

    p.write(
        "templates/body.md",
        "Раздел\n\n{% include \"templates/body.md\" %}\n",
    );
    found(
        &p,
        &["build", "--format", "md", "--out", "out"],
        "`templates/body.md` includes itself: templates/body.md → templates/body.md\n --> programme/templates/body.md:3:12",
    );
}

#[test]
fn check_reports_a_broken_tera_template_at_its_line() {
    let p = Project::base();
    p.write("templates/body.md", "Раздел\n{{ doc.x\n");
    p.write("templates/page.html", "<p>\n  {% if %}\n</p>\n");
    for args in [&["check"][..], &["check", "--strict"][..]] {
        let run = p.run(args);
        assert_eq!(run.code, 1, "{}", run.report());
        // The line itself is quoted under the place, as for the YAML files.
        assert!(
            run.stderr
                .contains(" --> programme/templates/body.md:2:9\n  |\n2 | {{ doc.x\n"),
            "{}",
            run.report()
        );
        assert!(
            run.stderr.contains(" --> programme/templates/page.html:2:"),
            "{}",
            run.report()
        );
        assert!(
            run.stderr
                .contains("hint: `nko-draft templates --out DIR` shows the built-in template"),
            "{}",
            run.report()
        );
        run.assert_no_crash("broken tera template");
    }
    let run = p.run(&["check", "--format", "short"]);
    assert_eq!(run.code, 1, "{}", run.report());
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.report());
    assert!(
        lines[0].starts_with("programme/templates/body.md:2:9: error: "),
        "{}",
        run.report()
    );
    assert!(
        lines[1].starts_with("programme/templates/page.html:2:"),
        "{}",
        run.report()
    );
    let run = p.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(json["errors"], 2, "{}", run.stdout);
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| d["code"].as_str().expect("a code"))
        .collect();
    assert_eq!(codes, ["template", "template"], "{}", run.stdout);
}

#[cfg(feature = "pdf")]
#[test]
fn check_reports_a_typst_syntax_error_at_its_line() {
    let p = Project::base();
    p.write("templates/programme.typ", "#let doc = 1\n#let x = (\n");
    let run = p.run(&["check", "--format", "short"]);
    assert_eq!(run.code, 1, "{}", run.report());
    assert_eq!(
        run.stdout,
        "programme/templates/programme.typ:2:10: error: template error: unclosed delimiter (hint: `nko-draft templates --out DIR` shows the built-in template)\n",
        "{}",
        run.report()
    );
    let run = p.run(&["check"]);
    assert!(
        run.stderr.contains("2 | #let x = (\n  |          ^\n"),
        "{}",
        run.report()
    );
}

#[test]
fn check_passes_a_programme_with_valid_templates_of_its_own() {
    let p = Project::base();
    let run = p.run(&["templates", "--out", "templates"]);
    assert_eq!(run.code, 0, "{}", run.report());
    let run = p.run(&["check", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(run.stderr.contains("has no problems"), "{}", run.report());
}

/// Typst's warnings while making the PDF are findings at the template's line, printed like the
/// others, and do not stop the build.
#[cfg(feature = "pdf")]
#[test]
fn typst_warnings_are_findings_at_the_templates_line() {
    let p = Project::base();
    let run = p.run(&["templates", "--out", "templates"]);
    assert_eq!(run.code, 0, "{}", run.report());
    let path = p.root().join("templates/programme.typ");
    let mut typ = std::fs::read_to_string(&path).expect("programme.typ");
    let line = typ.lines().count() + 1;
    typ.push_str("#text(font: \"NoSuchFont\")[x]\n");
    std::fs::write(&path, typ).expect("write");
    let run = p.run(&["build", "--format", "pdf"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(
        run.stderr
            .contains("warning: unknown font family: nosuchfont")
            && run
                .stderr
                .contains(&format!("--> programme/templates/programme.typ:{line}:")),
        "{}",
        run.report()
    );
    assert!(p.root().join("out/programme.pdf").is_file());
}

/// `templates` in Russian: what it wrote, what to do next; and a failure whose cause (an I/O
/// error) is in words of the catalogue, on its own line, in both languages.
#[test]
fn templates_and_its_failures_speak_the_users_language() {
    use crate::build::russian;
    let p = Project::base();
    let run = russian(&p, &["templates", "--out", "own"]);
    assert_eq!(run.code, 0, "{}", run.report());
    insta::assert_snapshot!("templates-ru", run.report());
    let run = russian(&p, &["templates", "--out", "own"]);
    assert_eq!(run.code, 2, "{}", run.report());
    insta::assert_snapshot!("templates-exist-ru", run.report());

    std::fs::write(p.root().join("a-file"), "").expect("write");
    let run = russian(&p, &["templates", "--out", "a-file/own"]);
    assert_eq!(run.code, 2, "{}", run.report());
    insta::assert_snapshot!("templates-caused-by-ru", run.report());
    let run = p.run(&["templates", "--out", "a-file/own"]);
    assert_eq!(run.code, 2, "{}", run.report());
    insta::assert_snapshot!("templates-caused-by", run.report());
}

/// A template the programme cannot have is a finding of `check` in the user's language, and a
/// refusal of `build` with the same words.
#[test]
fn template_findings_speak_the_users_language() {
    use crate::build::russian;
    let p = Project::base();
    std::fs::create_dir(p.root().join("templates")).expect("mkdir");
    std::fs::write(p.root().join("templates/bdy.md"), "x").expect("write");
    let run = russian(&p, &["check"]);
    assert_eq!(run.code, 1, "{}", run.report());
    insta::assert_snapshot!("template-finding-ru", run.report());
    std::fs::remove_file(p.root().join("templates/bdy.md")).expect("remove");
    std::fs::write(
        p.root().join("templates/body.md"),
        "{% extends \"nothing.md\" %}\n",
    )
    .expect("write");
    let run = russian(&p, &["build", "--format", "md", "--out", "out"]);
    assert_ne!(run.code, 0, "{}", run.report());
    insta::assert_snapshot!("template-failure-ru", run.report());
}
