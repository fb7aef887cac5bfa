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
