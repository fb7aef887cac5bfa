//! `nko-draft check`: the valid programmes pass, every invalid fixture is reported with file,
//! line, column, snippet and hint (snapshots), the output formats, `--strict`, the discovery
//! of the programme root, `init` followed by `check`, and hostile inputs generated at run time.

use std::time::Duration;

use crate::common::{self, Project, Run};

/// How long one `check` of a generated hostile input may take, in a debug build on a busy
/// machine: not a speed goal (those are in `benches/`), only a bound that an exponential
/// blow-up (an alias bomb expanded) would exceed by far.
const QUICK: Duration = Duration::from_secs(30);

/// The most a report of one generated hostile input may print, in bytes: a few findings with
/// their snippets, not the input.
const MAX_REPORT: usize = 8 * 1024;

/// Snapshots the exit code and the human output (stderr) of `check` as `name`, with what was
/// checked as the snapshot's description.
fn snapshot(name: &str, description: &str, run: &Run) {
    let mut settings = insta::Settings::clone_current();
    settings.set_description(description);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, run.report()));
}

/// `tests/fixtures/invalid/<name>/: file, file`: the folder and the files it changes.
fn describe_fixture(name: &str) -> String {
    let files: Vec<String> = common::snapshot_tree(&common::invalid_dir().join(name))
        .into_iter()
        .map(|(rel, _)| rel)
        .collect();
    format!("tests/fixtures/invalid/{name}/: {}", files.join(", "))
}

#[test]
fn valid_base_passes_check_and_strict() {
    let p = Project::base();
    for args in [&[][..], &["--strict"][..]] {
        let run = p.check(args);
        assert_eq!(run.code, 0, "check {args:?}:\n{}", run.report());
        assert_eq!(run.stderr, "ok: programme has no problems\n");
        assert_eq!(run.stdout, "");
    }
    let json = p.check(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(v["errors"], 0);
    assert_eq!(
        v["warnings"], 0,
        "base must be SMART-complete:\n{}",
        json.stdout
    );
}

#[test]
fn repository_programme_and_examples_pass() {
    let repo = common::repo();
    let mut roots = vec![repo.join("programme")];
    let mut examples: Vec<_> = std::fs::read_dir(repo.join("examples"))
        .expect("examples/")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.is_dir())
        .collect();
    examples.sort();
    assert!(!examples.is_empty(), "examples/ holds no programme");
    roots.extend(examples);
    for root in roots {
        let dir = root.to_str().expect("a UTF-8 path");
        let run = common::run_in(&repo, &["-C", dir, "check"], None);
        assert_eq!(run.code, 0, "{dir}:\n{}", run.report());
        assert!(run.stderr.starts_with("ok: "), "{dir}:\n{}", run.report());
    }
}

/// Every folder of `tests/fixtures/invalid/`: the human report is snapshotted, and whatever
/// the fixture, `check` does not crash and `check --strict` fails. Every fixture is checked
/// before the test fails, so one wrong report does not hide the others.
#[test]
fn invalid_fixtures() {
    let cases = common::invalid_cases();
    assert!(cases.len() >= 22, "only {} invalid fixtures", cases.len());
    let mut failed = Vec::new();
    for name in &cases {
        let outcome = std::panic::catch_unwind(|| check_invalid_fixture(name));
        if outcome.is_err() {
            failed.push(name.as_str());
        }
    }
    assert!(
        failed.is_empty(),
        "wrong report for the fixtures {failed:?} (see above)"
    );
}

fn check_invalid_fixture(name: &str) {
    let p = Project::case(name);
    let run = p.check(&[]);
    run.assert_no_crash(name);
    assert_eq!(
        run.stdout, "",
        "{name}: the human format writes to stderr only"
    );

    let strict = p.check(&["--strict"]);
    assert_eq!(strict.code, 1, "{name}: check --strict must fail");
    assert_eq!(
        strict.stderr, run.stderr,
        "{name}: --strict changes only the exit code"
    );

    // Every finding names a file and says something.
    let json = p.check(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout)
        .unwrap_or_else(|e| panic!("{name}: JSON: {e}\n{}", json.stdout));
    let diags = v["diagnostics"].as_array().expect("a list of diagnostics");
    assert!(!diags.is_empty(), "{name}: no finding");
    for d in diags {
        assert!(
            d["file"].as_str().is_some_and(|f| !f.is_empty()),
            "{name}: {d}"
        );
        assert!(
            d["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{name}: {d}"
        );
    }

    snapshot(name, &describe_fixture(name), &run);
}

/// Fixtures whose only findings are warnings: `check` passes, `check --strict` fails.
#[test]
fn strict_turns_warnings_into_failure() {
    for name in [
        "invisible-control",
        "smart-missing",
        "smart-permanent",
        "yml-ignored",
    ] {
        let p = Project::case(name);
        let run = p.check(&[]);
        assert_eq!(run.code, 0, "{name}:\n{}", run.report());
        assert!(
            run.stderr.contains("warning: "),
            "{name}:\n{}",
            run.report()
        );
        assert!(
            run.stderr.contains(": 0 errors, "),
            "{name}:\n{}",
            run.report()
        );
        let strict = p.check(&["--strict"]);
        assert_eq!(strict.code, 1, "{name}:\n{}", strict.report());
    }
}

#[test]
fn smart_warnings_name_each_missing_part() {
    let run = Project::case("smart-missing").check(&[]);
    for what in [
        "no deadline",
        "no responsible organisation",
        "no expected result",
    ] {
        assert!(
            run.stderr
                .contains(&format!("step `partnership-1` has {what}")),
            "{what}:\n{}",
            run.stderr
        );
    }
}

#[test]
fn short_format() {
    let p = Project::case("dangling-organisation");
    let run = p.check(&["--format", "short"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "", "the short format writes to stdout only");
    insta::assert_snapshot!("format-short", run.stdout);
}

#[test]
fn json_format() {
    let p = Project::case("dangling-organisation");
    let run = p.check(&["--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "", "the JSON format writes to stdout only");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(v["errors"], 1);
    assert_eq!(v["warnings"], 0);
    let d = &v["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "dangling-reference");
    assert_eq!(d["file"], "steps/partnership.yaml");
    assert_eq!(d["path"], "steps[0].responsible");
    insta::assert_snapshot!("format-json", run.stdout);
}

#[test]
fn json_counts_match_the_findings() {
    let run = Project::case("smart-missing").check(&["--format", "json"]);
    assert_eq!(run.code, 0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let diags = v["diagnostics"].as_array().expect("a list");
    let count = |sev: &str| diags.iter().filter(|d| d["severity"] == sev).count();
    assert_eq!(v["errors"], count("error"));
    assert_eq!(v["warnings"], count("warning"));
    assert_eq!(v["warnings"], 3);
}

/// Several fixtures at once, each breaking a different file: every problem is reported, not
/// the first.
#[test]
fn several_errors_are_all_reported() {
    let fixtures = [
        ("agreement-one-party", "agreement-parties"),
        ("case-number-zero", "bad-number"),
        ("dangling-organisation", "dangling-reference"),
        ("deadline-q5", "bad-deadline"),
        ("id-capital-letters", "invalid-id"),
        ("target-outside-period", "target-outside-period"),
        ("wrong-type-text-for-number", "wrong-type"),
    ];
    let p = Project::base();
    for (name, _) in fixtures {
        p.apply(name);
    }
    let json = p.check(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| d["code"].as_str().expect("a code"))
        .collect();
    for (name, code) in fixtures {
        assert!(codes.contains(&code), "{name}: no `{code}` in {codes:?}");
    }
    assert_eq!(v["errors"], fixtures.len(), "{}", json.stdout);
    let run = p.check(&[]);
    assert_eq!(run.code, 1);
    let names: Vec<&str> = fixtures.iter().map(|(name, _)| *name).collect();
    let description = format!(
        "base with the fixtures {} applied together",
        names.join(", ")
    );
    snapshot("several-errors", &description, &run);
}

/// A BOM and CRLF line endings are accepted, and do not move positions.
#[test]
fn bom_and_crlf() {
    fn to_crlf_with_bom(dir: &std::path::Path) {
        for (rel, bytes) in common::snapshot_tree(dir) {
            let text = String::from_utf8(bytes).expect("UTF-8 fixture");
            let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
            std::fs::write(dir.join(rel), crlf).expect("write");
        }
    }
    let p = Project::base();
    to_crlf_with_bom(&p.root());
    let run = p.check(&["--strict"]);
    assert_eq!(run.code, 0, "{}", run.report());

    let lf = Project::case("dangling-organisation").check(&[]);
    let p = Project::case("dangling-organisation");
    to_crlf_with_bom(&p.root());
    let crlf = p.check(&[]);
    assert_eq!(crlf.code, 1);
    assert_eq!(crlf.stderr, lf.stderr, "same report with CRLF and a BOM");
}

#[test]
fn colour_only_when_asked() {
    let p = Project::case("dangling-organisation");
    assert!(!p.check(&[]).stderr.contains('\x1b'));
    let args = ["-C", common::PROGRAMME, "--color", "always", "check"];
    let forced = common::run_raw(p.tmp(), &args, Some(p.tmp()));
    assert_eq!(forced.code, 1);
    assert!(
        forced.stderr.contains("\x1b[1;31merror"),
        "{}",
        forced.stderr
    );
}

/// A session held during the first year of the period: recurring deadlines (`annually Q2`)
/// cover the years of the period, and their occurrences after the session are not "before the
/// session".
#[test]
fn recurring_deadlines_with_a_session_inside_the_period() {
    let p = Project::base();
    let session = std::fs::read_to_string(p.root().join("session.yaml")).expect("session.yaml");
    p.write("session.yaml", session.replace("2026-11-28", "2027-03-01"));
    let run = p.check(&[]);
    assert_eq!(run.code, 0, "{}", run.report());
}

// --- discovery of the programme root ------------------------------------------------------

#[test]
fn discovery_current_folder_holds_programme_yaml() {
    let p = Project::empty();
    common::copy_dir(&common::base_dir(), p.tmp());
    let run = p.run_from("", &["check"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(run.stderr, "ok: [TMP] has no problems\n");
}

#[test]
fn discovery_programme_subfolder() {
    let p = Project::base();
    let run = p.run_from("", &["check"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(run.stderr, "ok: programme has no problems\n");
}

#[test]
fn discovery_prefers_the_current_folder() {
    // ./programme/ is broken, ./programme.yaml is a valid programme: the current folder wins.
    let p = Project::case("empty-programme");
    common::copy_dir(&common::base_dir(), p.tmp());
    let run = p.run_from("", &["check"]);
    assert_eq!(run.code, 0, "{}", run.report());
}

#[test]
fn discovery_empty_folder_fails_with_a_hint() {
    let p = Project::empty();
    let run = p.run_from("", &["check"]);
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(run.stderr.contains("hint: "), "{}", run.report());
    insta::assert_snapshot!("discovery-empty-folder", run.report());
}

#[test]
fn dir_without_programme_yaml_fails_with_a_hint() {
    let p = Project::empty();
    std::fs::create_dir(p.tmp().join("elsewhere")).expect("mkdir");
    let run = p.run_from("", &["-C", "elsewhere", "check"]);
    assert_eq!(run.code, 2, "{}", run.report());
    insta::assert_snapshot!("discovery-dir-without-programme", run.report());
}

// --- init, then check ----------------------------------------------------------------------

#[test]
fn init_then_check_passes() {
    for locale in ["ru", "en"] {
        let p = Project::empty();
        let run = p.run_from(
            "",
            &[
                "init",
                "new",
                "--locale",
                locale,
                "--session-date",
                "2026-11-28",
            ],
        );
        assert_eq!(run.code, 0, "init --locale {locale}:\n{}", run.report());
        let check = p.run_from("", &["-C", "new", "check"]);
        assert_eq!(
            check.code,
            0,
            "check after init --locale {locale}:\n{}",
            check.report()
        );
        assert!(
            check.stderr.starts_with("ok: new has no problems"),
            "{}",
            check.report()
        );
    }
}

#[test]
fn init_with_today_passes_check() {
    let p = Project::empty();
    let run = p.run_from("", &["init", "new"]);
    assert_eq!(run.code, 0, "{}", run.report());
    let check = p.run_from("", &["-C", "new", "check"]);
    assert_eq!(check.code, 0, "{}", check.report());
}

#[test]
fn init_twice_refuses_and_writes_nothing() {
    let p = Project::empty();
    let first = p.run_from("", &["init", "new", "--session-date", "2026-11-28"]);
    assert_eq!(first.code, 0, "{}", first.report());
    // Make the folder differ from a fresh skeleton: an edit to keep, a file init could
    // otherwise write back.
    let dir = p.tmp().join("new");
    let programme = dir.join("programme.yaml");
    let mut text = std::fs::read_to_string(&programme).expect("programme.yaml");
    text.push_str("# edited by hand\n");
    std::fs::write(&programme, text).expect("write");
    std::fs::remove_file(dir.join("steps").join("openness.yaml")).expect("rm");
    let before = common::snapshot_tree(&dir);

    let second = p.run_from("", &["init", "new", "--session-date", "2026-11-28"]);
    assert_eq!(second.code, 2, "{}", second.report());
    assert_eq!(
        common::snapshot_tree(&dir),
        before,
        "init changed the folder"
    );
    insta::assert_snapshot!("init-twice", second.report());
}

// --- hostile inputs, generated at run time ---------------------------------------------------

/// Writes `bytes` as `rel` into a copy of base, checks it, and asserts a quick, clean failure
/// that names the file.
fn generated(name: &str, rel: &str, bytes: &[u8]) -> Run {
    let p = Project::base();
    p.write(rel, bytes);
    let run = p.check(&[]);
    eprintln!(
        "{name}: {} bytes, check took {:?}",
        bytes.len(),
        run.elapsed
    );
    run.assert_no_crash(name);
    assert_eq!(run.code, 1, "{name}:\n{}", run.report());
    assert!(
        run.stderr.contains(&format!("--> programme/{rel}")),
        "{name}: the report does not name {rel}:\n{}",
        run.report()
    );
    assert!(
        run.elapsed < QUICK,
        "{name}: check took {:?} (limit {QUICK:?})",
        run.elapsed
    );
    assert!(
        run.stderr.len() < MAX_REPORT,
        "{name}: the report is {} bytes long; a snippet should show a window of a long line",
        run.stderr.len()
    );
    run
}

/// Deterministic bytes that look random (xorshift), with NUL bytes sprinkled in.
fn garbage(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if i % 97 == 3 { 0 } else { (x >> 24) as u8 }
        })
        .collect()
}

#[test]
fn generated_binary_garbage() {
    let run = generated("binary-garbage", "organisations.yaml", &garbage(64 * 1024));
    snapshot(
        "generated-binary-garbage",
        "generated: 64 KiB of random bytes with NULs as organisations.yaml",
        &run,
    );
}

#[test]
fn generated_nul_in_utf8_text() {
    let mut text = std::fs::read(common::base_dir().join("organisations.yaml")).expect("base");
    text.extend_from_slice(b"- id: nul\n  name: \"a\0b\"\n");
    let run = generated("nul-in-text", "organisations.yaml", &text);
    assert!(
        run.stderr.starts_with(
            "error: the file holds a control character (U+0000)\n  --> programme/organisations.yaml:21:11\n"
        ),
        "{}",
        run.report()
    );
    assert!(
        run.stderr.contains("hint: is this a binary file?"),
        "{}",
        run.report()
    );
}

/// The snippet of a line that holds control characters shows them escaped, never raw: an
/// escape sequence of a binary file must not reach the terminal.
#[test]
fn snippet_does_not_print_control_characters() {
    let mut text = std::fs::read(common::base_dir().join("organisations.yaml")).expect("base");
    text.extend_from_slice(b"- id: esc\n  name: \"\x1b[2J\x1b]0;pwned\x07\"\n");
    let run = generated("escape-in-text", "organisations.yaml", &text);
    assert!(
        !run.stderr.contains('\x1b') && !run.stderr.contains('\x07'),
        "raw control characters in the report: {:?}",
        run.stderr
    );
}

#[test]
fn generated_alias_bomb() {
    // The "billion laughs": 9 levels of 10 aliases to the level below, 10^9 values expanded.
    let mut text =
        String::from("- id: a0\n  name: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..=9 {
        let items = vec![format!("*a{}", i - 1); 10].join(", ");
        text.push_str(&format!("- id: a{i}\n  name: &a{i} [{items}]\n"));
    }
    let run = generated("alias-bomb", "participants.yaml", text.as_bytes());
    snapshot(
        "generated-alias-bomb",
        "generated: 9 levels of 10 aliases in participants.yaml",
        &run,
    );
}

#[test]
fn generated_deep_flow_nesting() {
    let depth = 100_000;
    let text = format!("{}{}\n", "[".repeat(depth), "]".repeat(depth));
    let run = generated("deep-flow", "steps/training.yaml", text.as_bytes());
    assert!(run.stderr.contains("nesting"), "{}", run.report());
}

#[test]
fn generated_deep_block_nesting() {
    // `- - - - … x`: 100 000 block sequences, each nested in the one before.
    let text = format!("{}x\n", "- ".repeat(100_000));
    let run = generated("deep-block", "steps/training.yaml", text.as_bytes());
    assert!(run.stderr.contains("nesting"), "{}", run.report());
}

#[test]
fn generated_huge_file() {
    // 50 MB of well-formed participants.
    let one = "- id: p\n  name: Иванова Анна Петровна\n  position: координатор добровольцев\n";
    let text = one.repeat(50 * 1024 * 1024 / one.len() + 1);
    let run = generated("huge-file", "participants.yaml", text.as_bytes());
    snapshot(
        "generated-huge-file",
        "generated: a 50 MB participants.yaml",
        &run,
    );
}

#[test]
fn every_bad_step_and_every_unknown_key_of_a_file_is_reported() {
    let p = Project::base();
    let path = p.root().join("steps/training.yaml");
    let yaml = std::fs::read_to_string(&path).expect("steps");
    let yaml = yaml
        .replacen("  deadline: annually Q2", "  dedline: annually Q2", 1)
        .replacen("  partners: [volunteers]", "  partnrs: [volunteers]", 1)
        .replacen("  deadline: 2027-Q3..Q4", "  deadline: [2027]", 1);
    std::fs::write(&path, yaml).expect("write");
    let run = p.check(&["--format", "short"]);
    assert_eq!(run.code, 1, "{}", run.report());
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.report());
    assert!(
        lines[0].contains("steps/training.yaml:4:3: error: unknown key `dedline`"),
        "{}",
        run.stdout
    );
    assert!(
        lines[1].contains("steps/training.yaml:6:3: error: unknown key `partnrs`"),
        "{}",
        run.stdout
    );
    assert!(
        lines[2].contains("steps/training.yaml:16:13: error: expected text, found a list"),
        "{}",
        run.stdout
    );
}

// --- inputs that are not regular files of the programme --------------------------------------

/// A programme folder may be someone else's (a pull request checked in CI): a link that leads
/// out of it is refused by name, and what it points at is never read nor printed.
#[cfg(unix)]
#[test]
fn links_out_of_the_programme_are_refused_unread() {
    use std::os::unix::fs::symlink;
    let p = Project::base();
    let secret = p.tmp().join("secret.yaml");
    std::fs::write(
        &secret,
        "- id: secret\n  name: SECRET-VALUE\n  extra: SECRET-KEY\n",
    )
    .expect("write");
    let outside = p.tmp().join("outside");
    std::fs::create_dir(&outside).expect("mkdir");
    std::fs::write(outside.join("leak.yaml"), "SECRET-CASE: 1\n").expect("write");
    symlink(&secret, p.root().join("steps/x.yaml")).expect("symlink");
    std::fs::remove_file(p.root().join("participants.yaml")).expect("rm");
    symlink("../secret.yaml", p.root().join("participants.yaml")).expect("symlink");
    // A whole folder linked out: its files are outside too.
    std::fs::remove_dir_all(p.root().join("cases")).expect("rm");
    symlink(&outside, p.root().join("cases")).expect("symlink");

    let run = p.check(&[]);
    run.assert_no_crash("links out");
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(!run.stderr.contains("SECRET"), "{}", run.report());
    for rel in ["steps/x.yaml", "participants.yaml", "cases/leak.yaml"] {
        assert!(
            run.stderr.contains(&format!(
                "error: {rel} is a link to a file outside the programme\n"
            )),
            "{rel}:\n{}",
            run.report()
        );
    }
    let json = p.check(&["--format", "json"]);
    assert!(!json.stdout.contains("SECRET"), "{}", json.stdout);
    assert!(json.stdout.contains("\"code\": \"outside-programme\""));
}

/// Links that stay inside the programme are read as usual.
#[cfg(unix)]
#[test]
fn links_inside_the_programme_are_followed() {
    use std::os::unix::fs::symlink;
    let p = Project::base();
    std::fs::create_dir(p.root().join("data")).expect("mkdir");
    std::fs::rename(
        p.root().join("participants.yaml"),
        p.root().join("data/participants.yaml"),
    )
    .expect("move");
    symlink("data/participants.yaml", p.root().join("participants.yaml")).expect("symlink");
    let run = p.check(&["--strict"]);
    assert_eq!(run.code, 0, "{}", run.report());
}

/// A named pipe, a folder or a dangling link where a file is expected is an error, never a
/// hang: nothing writes to the pipe, so reading it would wait forever.
#[cfg(unix)]
#[test]
fn pipes_folders_and_dangling_links_are_not_files() {
    let p = Project::base();
    std::fs::remove_file(p.root().join("participants.yaml")).expect("rm");
    for rel in ["participants.yaml", "steps/x.yaml"] {
        let status = std::process::Command::new("mkfifo")
            .arg(p.root().join(rel))
            .status()
            .expect("mkfifo runs");
        assert!(status.success(), "mkfifo {rel}");
    }
    std::fs::create_dir(p.root().join("steps/folder.yaml")).expect("mkdir");
    std::os::unix::fs::symlink("nowhere.yaml", p.root().join("steps/dangling.yaml"))
        .expect("symlink");
    let run = p.check(&[]);
    run.assert_no_crash("fifo");
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(run.elapsed < QUICK, "check took {:?}", run.elapsed);
    for message in [
        "participants.yaml is a named pipe (FIFO), not a file",
        "steps/x.yaml is a named pipe (FIFO), not a file",
        "steps/folder.yaml is a folder, not a file",
        "steps/dangling.yaml is a link to a file that does not exist",
    ] {
        assert!(
            run.stderr.contains(&format!("error: {message}\n")),
            "{message}:\n{}",
            run.report()
        );
    }
    snapshot(
        "not-a-file",
        "generated: participants.yaml and steps/x.yaml are named pipes, steps/folder.yaml a \
         folder, steps/dangling.yaml a link to nothing",
        &run,
    );
}

/// A 4 MB flow sequence as participants.yaml: the YAML scanner would keep a token for each
/// item before the first value (1.45 GB before), so the flow collection is refused once it runs
/// past the scanner's limit; quickly, and with a short report.
#[test]
fn generated_huge_flow_sequence() {
    let items = vec!["a"; 4 * 1024 * 1024 / 3].join(", ");
    let run = generated(
        "huge-flow",
        "participants.yaml",
        format!("[{items}]\n").as_bytes(),
    );
    assert!(
        run.stderr.starts_with(
            "error: a list or mapping in brackets runs on for more than 262144 characters\n"
        ),
        "{}",
        run.report()
    );
}

/// Thousands of wrong items in one file: the first 1000 are reported, then one finding counts
/// the rest.
#[test]
fn findings_of_a_file_stop_at_a_thousand() {
    let p = Project::base();
    p.write("participants.yaml", "- a\n".repeat(1500));
    let run = p.check(&["--format", "short"]);
    assert_eq!(run.code, 1, "{}", run.report());
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1001, "{}", lines.len());
    assert_eq!(
        lines[1000],
        "programme/participants.yaml:1001:3: error: 500 more problems, from here on, not shown \
         [participants[1000]] (hint: fix the problems above, then check again)"
    );
    // In Russian, the count takes its plural form.
    let run = russian(&p, &["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("ошибка: ещё 500 ошибок дальше не показаны\n"),
        "{:?}",
        run.stderr.lines().rev().take(6).collect::<Vec<_>>()
    );
    assert!(
        run.stderr
            .contains("подсказка: исправьте ошибки выше и запустите проверку снова")
    );
    assert!(
        run.stderr
            .ends_with("programme: 1001 ошибка, 0 предупреждений\n")
    );
}

/// A long text where a short value belongs: the findings quote an excerpt of it, not the text
/// (a 27.5 MB value was printed whole before).
#[test]
fn generated_long_value_in_the_wrong_place() {
    let long = "Ж\u{202e}".repeat(100 * 1024);
    let mut text =
        std::fs::read_to_string(common::base_dir().join("organisations.yaml")).expect("base");
    text.push_str(&format!(
        "- id: long\n  name: Длинная\n  kind: \"{long}\"\n"
    ));
    text.push_str(&format!(
        "- {{id: long2, name: Длинная, kind: nko, \"{long}\": 1}}\n"
    ));
    let run = generated("long-enum-value", "organisations.yaml", text.as_bytes());
    assert!(
        run.stderr
            .contains(&format!("unknown value `{}Ж…`", "Ж\\u{202E}".repeat(8))),
        "{}",
        run.report()
    );
    assert!(run.stderr.contains("unknown key `"), "{}", run.report());

    let mut text =
        std::fs::read_to_string(common::base_dir().join("participants.yaml")).expect("base");
    text.push_str(&format!(
        "- id: long\n  name: Длинный\n  organisation: \"{long}\"\n"
    ));
    let run = generated("long-reference", "participants.yaml", text.as_bytes());
    assert!(
        run.stderr.contains("unknown organisation `"),
        "{}",
        run.report()
    );
}

// --- the same findings in Russian ----------------------------------------------------------

/// Runs `nko-draft -C programme ARGS` with a Russian system locale.
fn russian(p: &Project, args: &[&str]) -> Run {
    let mut all = vec!["-C", common::PROGRAMME];
    all.extend_from_slice(args);
    common::run_env(p.tmp(), &all, &[("LANG", "ru_RU.UTF-8")], Some(p.tmp()))
}

/// Every folder of `tests/fixtures/invalid/` checked under `LANG=ru_RU.UTF-8`: the report is
/// snapshotted as `<fixture>@ru` beside the English one (`language.rs` scans it for English
/// words), and the exit code does not depend on the language.
#[test]
fn invalid_fixtures_in_russian() {
    let cases = common::invalid_cases();
    let mut failed = Vec::new();
    for name in &cases {
        let outcome = std::panic::catch_unwind(|| {
            let p = Project::case(name);
            let run = russian(&p, &["check"]);
            run.assert_no_crash(name);
            let english = p.check(&[]);
            assert_eq!(
                run.code, english.code,
                "{name}: the exit code depends on the language"
            );
            assert!(run.stderr.contains("ошибк") || run.stderr.contains("предупрежден"));
            snapshot(&format!("{name}@ru"), &describe_fixture(name), &run);
        });
        if outcome.is_err() {
            failed.push(name.as_str());
        }
    }
    assert!(
        failed.is_empty(),
        "wrong Russian report for the fixtures {failed:?} (see above)"
    );
}

/// The machine formats do not follow the interface language: `--format short` and `json` print
/// the same bytes under `--lang ru` as under `--lang en` (and as with a Russian locale).
#[test]
fn short_and_json_are_the_same_in_every_language() {
    let p = Project::base();
    for name in [
        "dangling-proposal",
        "duplicate-organisation-id",
        "funding-outside-period",
        "invisible-control",
        "smart-missing",
        "unknown-enum-value",
        "wrong-type-text-for-number",
        "yml-ignored",
    ] {
        p.apply(name);
    }
    p.write("participants.yaml", b"- id: a\n  name: [\n");
    for format in ["short", "json"] {
        let en = p.check(&["--lang", "en", "--format", format]);
        let ru = p.check(&["--lang", "ru", "--format", format]);
        let locale = russian(&p, &["check", "--format", format]);
        assert_eq!(en.code, 1, "{}", en.report());
        assert!(en.stdout.lines().count() >= 8, "{format}:\n{}", en.stdout);
        assert_eq!(ru.stdout, en.stdout, "--format {format} under --lang ru");
        assert_eq!(
            locale.stdout, en.stdout,
            "--format {format} under LANG=ru_RU"
        );
        assert_eq!((ru.code, locale.code), (en.code, en.code));
    }
    let human_ru = p.check(&["--lang", "ru"]);
    assert!(human_ru.stderr.contains("неизвестн"), "{}", human_ru.stderr);
}
