//! What fits the tools people already use: GitHub Actions annotations, `--version`, the shell
//! completion scripts (and the ids they complete) and the manual pages.

use std::path::Path;

use crate::common::{PROGRAMME, Project, run_in};

#[test]
fn github_annotations_point_at_the_line_from_where_the_user_stands() {
    let p = Project::case("dangling-organisation");
    let run = p.check(&["--format", "github"]);
    assert_eq!(run.code, 1, "{}", run.report());
    assert_eq!(run.stderr, "", "annotations go to stdout only");
    // `-C programme`: the path is the one from the current folder, as GitHub opens it.
    assert!(
        run.stdout
            .starts_with("::error file=programme/steps/partnership.yaml,line="),
        "{}",
        run.stdout
    );
    insta::assert_snapshot!("format-github", run.stdout);
    let run = Project::case("smart-missing").check(&["--format", "github", "--strict"]);
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        run.stdout.lines().all(|l| l.starts_with("::warning file=")),
        "{}",
        run.stdout
    );
    insta::assert_snapshot!("format-github-warnings", run.stdout);
}

#[test]
fn version_names_the_commit_and_pdf_support() {
    let p = Project::empty();
    let run = run_in(p.tmp(), &["--version"], None);
    assert_eq!(run.code, 0, "{}", run.report());
    let line = run.stdout.trim_end();
    let rest = line
        .strip_prefix(&format!("nko-draft {} (commit ", env!("CARGO_PKG_VERSION")))
        .unwrap_or_else(|| panic!("{line}"));
    let (commit, tail) = rest.split_once(", ").expect("commit, then PDF");
    assert!(
        commit == "unknown" || (commit.len() >= 7 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "{line}"
    );
    let pdf = if cfg!(feature = "pdf") {
        "PDF support built in)"
    } else {
        "without PDF support)"
    };
    assert_eq!(tail, pdf, "{line}");
    let run = run_in(p.tmp(), &["--lang", "ru", "-V"], None);
    assert!(run.stdout.contains("(коммит "), "{}", run.report());
}

#[test]
fn every_shell_gets_a_script_with_every_command() {
    let p = Project::empty();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = run_in(p.tmp(), &["completions", shell], None);
        assert_eq!(run.code, 0, "{shell}: {}", run.report());
        for command in [
            "check",
            "build",
            "init",
            "diff",
            "add-step",
            "completions",
            "man",
        ] {
            assert!(run.stdout.contains(command), "{shell}: no {command}");
        }
        if shell != "powershell" {
            assert!(
                run.stdout.contains("__complete $") || run.stdout.contains("__complete \"$"),
                "{shell}: the ids are not asked for"
            );
        }
    }
    // The markers that become the id lists are all replaced.
    let zsh = run_in(p.tmp(), &["completions", "zsh"], None).stdout;
    assert!(!zsh.contains(":_users") && !zsh.contains(":_hosts"));
    assert!(zsh.contains(":CASE:__nko_draft_ids cases'"), "{zsh}");
    let fish = run_in(p.tmp(), &["completions", "fish"], None).stdout;
    assert!(!fish.contains("__fish_complete_users") && !fish.contains("__fish_print_hostnames"));
    assert!(fish.contains("-l partner -d 'Partner organisation id (repeat, or separate with commas)' -r -f -a \"(__nko_draft_ids organisations)\""), "{fish}");
    // The help texts are in the interface language.
    let ru = run_in(p.tmp(), &["--lang", "ru", "completions", "fish"], None).stdout;
    assert!(ru.contains("Проверить программу"), "{ru}");
}

#[test]
fn the_hidden_command_prints_the_ids_of_the_programme() {
    let p = Project::base();
    let run = p.run(&["__complete", "cases"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(run.stdout, "partnership\ntraining\n");
    let run = p.run(&["__complete", "organisations"]);
    assert_eq!(run.stdout, "admin\ncentre\nvolunteers\nuniversity\n");
    // Nowhere near a programme: nothing, and no error for the shell to show.
    let run = run_in(Project::empty().tmp(), &["__complete", "cases"], None);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
}

/// Bash itself completes `--case` and `--responsible` with the programme's ids (under
/// `-C programme`), and the flags of a subcommand through clap_complete's function.
#[cfg(unix)]
#[test]
fn bash_completes_the_ids_of_the_programme() {
    if std::process::Command::new("bash")
        .arg("-c")
        .arg("true")
        .status()
        .is_err()
    {
        panic!("bash is needed for this test");
    }
    let p = Project::base();
    let script = p.tmp().join("nko-draft.bash");
    let run = run_in(p.tmp(), &["completions", "bash"], None);
    std::fs::write(&script, run.stdout).expect("write the script");
    let complete = |words: &[&str]| -> Vec<String> {
        let bin = Path::new(env!("CARGO_BIN_EXE_nko-draft"));
        let path = format!(
            "{}:{}",
            bin.parent().expect("the binary's folder").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let n = words.len() - 1;
        let line = format!(
            "source '{}'; COMP_WORDS=({}); COMP_CWORD={n}; \
             _nko_draft_ids nko-draft '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display(),
            quoted.join(" "),
            words[n],
            words[n - 1]
        );
        let out = std::process::Command::new("bash")
            .arg("--norc")
            .arg("-c")
            .arg(line)
            .current_dir(p.tmp())
            .env("PATH", path)
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        complete(&["nko-draft", "-C", PROGRAMME, "add-step", "--case", ""]),
        ["partnership", "training"]
    );
    assert_eq!(
        complete(&[
            "nko-draft",
            "add-step",
            "-C",
            PROGRAMME,
            "--responsible",
            "u"
        ]),
        ["university"]
    );
    assert_eq!(complete(&["nko-draft", "add-step", "--ca"]), ["--case"]);
    assert_eq!(complete(&["nko-draft", "che"]), ["check"]);
    assert!(complete(&["nko-draft", "__com"]).is_empty());
}

#[test]
fn man_writes_a_page_for_the_tool_and_each_command() {
    let p = Project::empty();
    let run = run_in(p.tmp(), &["man", "--out", "pages"], None);
    assert_eq!(run.code, 0, "{}", run.report());
    let dir = p.tmp().join("pages");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    for command in ["", "-check", "-build", "-add-step", "-completions", "-man"] {
        assert!(
            names.contains(&format!("nko-draft{command}.1")),
            "{names:?}"
        );
    }
    assert!(
        !names
            .iter()
            .any(|n| n.contains("complete.") || n.contains("-help")),
        "{names:?}"
    );
    for name in &names {
        let page = std::fs::read_to_string(dir.join(name)).expect("a page");
        let title = name.trim_end_matches(".1");
        let th = format!(".TH {title} 1  \"nko-draft {}", env!("CARGO_PKG_VERSION"));
        assert!(page.contains(&th), "{name}: no {th}:\n{page}");
        assert!(
            page.contains(".SH NAME") && page.contains(".SH SYNOPSIS"),
            "{name}"
        );
        assert!(
            run.stdout.contains(&format!("wrote pages/{name}")),
            "{}",
            run.stdout
        );
    }
    let page = std::fs::read_to_string(dir.join("nko-draft-check.1")).expect("check");
    assert!(page.contains("github"), "the values of --format: {page}");
}

/// Starts `nko-draft --lang en -C programme ARGS` in `p` on a pseudo-terminal.
#[cfg(unix)]
fn on_terminal(p: &Project, args: &[&str]) -> rexpect::session::PtySession {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_nko-draft"));
    cmd.current_dir(p.tmp())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .args(["--lang", "en", "-C", PROGRAMME])
        .args(args);
    rexpect::session::spawn_command(cmd, Some(60_000)).expect("nko-draft starts on a terminal")
}

#[cfg(unix)]
fn exited(s: &rexpect::session::PtySession) -> i32 {
    match s.process().wait().expect("nko-draft ends") {
        rexpect::process::WaitStatus::Exited(_, code) => code,
        other => panic!("nko-draft did not exit by itself: {other:?}"),
    }
}

/// The programme's lock, held by the test as another writer would hold it.
fn hold_lock(p: &Project) -> std::fs::File {
    let lock = std::fs::File::create(p.root().join(".nko-draft.lock")).expect("the lock file");
    lock.lock().expect("the test takes the lock");
    lock
}

const ADD: [&str; 7] = [
    "add-step",
    "--case",
    "partnership",
    "--title",
    "Форум",
    "--deadline",
    "2027-Q2",
];

/// On a terminal, `add-step` says that another writer holds the lock, waits, and adds the
/// step once the lock is released.
#[cfg(unix)]
#[test]
fn a_writer_waiting_for_the_lock_says_so_on_a_terminal() {
    let p = Project::base();
    let lock = hold_lock(&p);
    let mut s = on_terminal(&p, &ADD);
    s.exp_string("another nko-draft is changing this programme (it holds .nko-draft.lock)")
        .expect("the line about the lock");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let steps = std::fs::read_to_string(p.root().join("steps/partnership.yaml")).expect("read");
    assert!(!steps.contains("Форум"), "written while the lock was held");
    drop(lock);
    s.exp_string("partnership-").expect("the new id");
    s.exp_eof().expect("the end");
    assert_eq!(exited(&s), 0);
    let steps = std::fs::read_to_string(p.root().join("steps/partnership.yaml")).expect("read");
    assert!(steps.contains("Форум"));
}

/// Off a terminal (a pipe, a log, CI) the same wait prints nothing more than the result.
#[test]
fn off_a_terminal_the_wait_is_silent() {
    let p = Project::base();
    let lock = hold_lock(&p);
    let root = p.tmp().to_path_buf();
    let writer = std::thread::spawn(move || {
        let mut args = vec!["-C", PROGRAMME];
        args.extend_from_slice(&ADD);
        run_in(&root, &args, None)
    });
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(
        !writer.is_finished(),
        "the writer did not wait for the lock"
    );
    drop(lock);
    let run = writer.join().expect("the writer");
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(
        !run.stderr.contains("another nko-draft"),
        "{}",
        run.report()
    );
    assert!(!run.stderr.contains('\r'), "{}", run.report());
}

/// On a terminal, a PDF that takes more than a second shows a status line, wiped before the
/// list of files written; off a terminal the build prints no such line.
#[cfg(all(unix, feature = "pdf"))]
#[test]
fn typesetting_the_pdf_shows_a_status_line_on_a_terminal() {
    let p = Project::repo_copy(PROGRAMME);
    let mut s = on_terminal(&p, &["build", "--format", "pdf", "--out", "out"]);
    // The pseudo-terminal is read a byte a character: «…» is three of them.
    let ellipsis: String = "…".bytes().map(char::from).collect();
    s.exp_string(&format!("typesetting the PDF{ellipsis}"))
        .expect("the status line");
    let before = s.exp_string("wrote ").expect("the file written");
    assert!(before.ends_with("\r\u{1b}[2K"), "not wiped: {before:?}");
    s.exp_eof().expect("the end");
    assert_eq!(exited(&s), 0);
    let run = p.run(&["build", "--format", "pdf", "--out", "out2"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(!run.stderr.contains("typesetting"), "{}", run.report());
    assert!(!run.stderr.contains('\r'), "{}", run.report());
}
