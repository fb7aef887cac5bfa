//! `add-step`, `add-proposal` and `add-participant`: fixtures compared byte for byte, a property
//! test of the text edit, concurrent writers, and refusals that leave every file as it was.
//!
//! # Fixtures
//!
//! In the style of `cargo add`'s tests, `tests/fixtures/add/<name>/` holds:
//!
//! - `cmd`: the arguments after `nko-draft -C programme`, one a line (`\n` in a line is a line
//!   break inside the argument);
//! - `in/`: files laid over a copy of the valid base programme, as for the invalid fixtures
//!   (`<file>.delete` removes a file);
//! - `out/`: every file the command changes or creates, as it must be afterwards, byte for byte;
//! - `stdout`: what the command prints on standard output.
//!
//! The command must succeed, change exactly the files in `out/` (the empty lock file aside) and
//! leave a programme that `check` passes. `NKO_DRAFT_BLESS=1 cargo test --test it add::`
//! rewrites `out/` and `stdout` from what the command does; review the diff before committing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use nko_draft::edit::append::{self, Entry, Value};
use nko_draft::model::Step;
use nko_draft::yaml::{Limits, emit, from_node, parse};
use proptest::prelude::*;

use crate::common::{self, Project, fixtures};

/// The lock file every writer leaves in the programme root (empty).
const LOCK: &str = ".nko-draft.lock";

fn fixture_dir() -> PathBuf {
    fixtures().join("add")
}

fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir())
        .expect("tests/fixtures/add/ is readable")
        .map(|e| e.expect("a directory entry"))
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().into_string().expect("a UTF-8 name"))
        .collect();
    names.sort();
    names
}

/// The files of a programme copy by relative path, without the lock file.
fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    common::snapshot_tree(root)
        .into_iter()
        .filter(|(name, _)| name != LOCK)
        .collect()
}

/// Runs one fixture; returns a description of what is wrong, if anything.
fn run_fixture(name: &str, bless: bool) -> Option<String> {
    let dir = fixture_dir().join(name);
    let cmd = std::fs::read_to_string(dir.join("cmd")).expect("a cmd file");
    let args: Vec<String> = cmd.lines().map(|l| l.replace("\\n", "\n")).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let p = Project::base();
    if dir.join("in").is_dir() {
        common::overlay(&dir.join("in"), &p.root());
    }
    let before = files(&p.root());
    let run = p.run(&args);
    if run.code != 0 {
        return Some(format!("{name}: the command failed\n{}", run.report()));
    }
    let after = files(&p.root());
    let changed: BTreeMap<&String, &Vec<u8>> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .collect();
    let removed: Vec<&String> = before.keys().filter(|k| !after.contains_key(*k)).collect();
    if !removed.is_empty() {
        return Some(format!("{name}: files disappeared: {removed:?}"));
    }
    let out = dir.join("out");
    if bless {
        let _ = std::fs::remove_dir_all(&out);
        for (rel, bytes) in &changed {
            let path = out.join(rel);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("create out/");
            std::fs::write(&path, bytes).expect("write out/");
        }
        std::fs::write(dir.join("stdout"), &run.stdout).expect("write stdout");
        return None;
    }
    let expected: BTreeMap<String, Vec<u8>> = if out.is_dir() {
        common::snapshot_tree(&out).into_iter().collect()
    } else {
        BTreeMap::new()
    };
    let mut problems = Vec::new();
    for (rel, want) in &expected {
        match changed.get(rel) {
            None => problems.push(format!("{rel} was not changed")),
            Some(got) if got != &want => problems.push(format!(
                "{rel} differs\n--- expected\n{}\n--- got\n{}",
                String::from_utf8_lossy(want).replace('\r', "␍"),
                String::from_utf8_lossy(got).replace('\r', "␍")
            )),
            Some(_) => {}
        }
    }
    for rel in changed.keys() {
        if !expected.contains_key(*rel) {
            problems.push(format!("{rel} changed but is not in out/"));
        }
    }
    let stdout = std::fs::read_to_string(dir.join("stdout")).unwrap_or_default();
    if stdout != run.stdout {
        problems.push(format!(
            "stdout differs\n--- expected\n{stdout}--- got\n{}",
            run.stdout
        ));
    }
    let check = p.check(&[]);
    if check.code != 0 {
        problems.push(format!("check fails afterwards\n{}", check.report()));
    }
    (!problems.is_empty()).then(|| format!("{name}:\n{}", problems.join("\n")))
}

#[test]
fn fixtures_byte_for_byte() {
    let bless = std::env::var_os("NKO_DRAFT_BLESS").is_some();
    let names = fixture_names();
    assert!(names.len() >= 10, "fixtures: {names:?}");
    let failures: Vec<String> = names.iter().filter_map(|n| run_fixture(n, bless)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A step for the base programme's `partnership` case, every key given.
pub(crate) const FULL: &[&str] = &[
    "add-step",
    "--case",
    "partnership",
    "--title",
    "Ярмарка социальных проектов",
    "--deadline",
    "2027-Q3",
    "--responsible",
    "centre",
    "--partner",
    "admin",
    "--result",
    "Не менее 20 проектов",
    "--indicator",
    "agreements",
    "--proposal",
    "partnership-pr1",
];

#[test]
fn prints_the_id_and_the_number_and_keeps_permissions() {
    let p = Project::base();
    let steps = p.root().join("steps/partnership.yaml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&steps, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let run = p.run(FULL);
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(run.stdout, "partnership-2 → 2.2\n");
    assert_eq!(run.stderr, "added to programme/steps/partnership.yaml\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&steps).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(p.root().join("steps"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn rejected_add_step_leaves_every_file_byte_identical() {
    let p = Project::base();
    let before = files(&p.root());
    let mut args = FULL.to_vec();
    args[8] = "centr"; // --responsible
    let run = p.run(&args);
    assert_eq!(run.code, 1, "{}", run.report());
    // The error names the flag (the entry's line is not in the file), and nothing else is said.
    assert_eq!(
        run.stderr,
        "error: --responsible centr: unknown organisation `centr`\n --> (command line)\n  \
         = hint: did you mean `centre`?\n\n\
         refused: 1 error with the new step; nothing was written\n",
        "{}",
        run.report()
    );
    assert!(run.stdout.is_empty());
    assert_eq!(files(&p.root()), before);
    // The lock file is the only new file, and it is empty.
    let lock = std::fs::read(p.root().join(LOCK)).expect("the lock file");
    assert!(lock.is_empty());
}

#[test]
fn each_kind_of_error_is_refused_with_a_hint() {
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["--case", "partnershp"],
            "unknown case `partnershp`",
            "did you mean `partnership`?",
        ),
        (
            &["--indicator", "agreement"],
            "unknown indicator `agreement`",
            "did you mean `agreements`?",
        ),
        (
            &["--proposal", "partnership-pr2"],
            "unknown proposal `partnership-pr2` in case `partnership`",
            "did you mean `partnership-pr1`?",
        ),
        (
            &["--deadline", "2027-Q5"],
            "there is no quarter Q5 in `2027-Q5`",
            "quarters are Q1 to Q4",
        ),
        (
            &["--deadline", "2031"],
            "the deadline ends after the period 2027–2028",
            "the programme runs until 31 December 2028",
        ),
        (
            &["--case", "../steps/x"],
            "`../steps/x` is not a valid case id",
            "case ids use lowercase latin letters",
        ),
        (
            &["--id", "partnership-1"],
            "step id `partnership-1` is used twice",
            "it is first defined at steps/partnership.yaml:1",
        ),
    ];
    for (change, message, hint) in cases {
        let p = Project::base();
        let before = files(&p.root());
        let mut args = FULL.to_vec();
        for pair in change.chunks(2) {
            match args.iter().position(|a| *a == pair[0]) {
                Some(i) => args[i + 1] = pair[1],
                None => args.extend_from_slice(pair),
            }
        }
        let run = p.run(&args);
        assert_eq!(run.code, 1, "{change:?}\n{}", run.report());
        assert!(run.stderr.contains(message), "{change:?}\n{}", run.report());
        assert!(run.stderr.contains(hint), "{change:?}\n{}", run.report());
        assert!(
            run.stderr.contains("nothing was written"),
            "{}",
            run.report()
        );
        assert_eq!(files(&p.root()), before, "{change:?}");
    }
}

#[test]
fn refused_values_are_reported_against_their_flags() {
    let p = Project::base();
    let before = files(&p.root());
    // Without a deadline or a result: the refused step's warnings are not printed.
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "add-step",
                "--case",
                "partnership",
                "--title",
                "Без срока",
                "--responsible",
                "centre,centr",
                "--deadline",
                "2027-Q5",
            ],
            "error: --deadline 2027-Q5: there is no quarter Q5 in `2027-Q5`\n --> (command line)\n  \
             = hint: quarters are Q1 to Q4\n\n\
             error: --responsible centr: unknown organisation `centr`\n --> (command line)\n  \
             = hint: did you mean `centre`?\n\n\
             refused: 2 errors with the new step; nothing was written\n",
        ),
        (
            &[
                "add-proposal",
                "--case",
                "training",
                "--text",
                "Наставничество",
                "--problem",
                "training-p9",
            ],
            "error: --problem training-p9: unknown problem `training-p9` in case `training`\n \
             --> (command line)\n  = hint: did you mean `training-p1`?\n\n\
             refused: 1 error with the new proposal; nothing was written\n",
        ),
        (
            &[
                "add-participant",
                "--name",
                "Петров Пётр",
                "--organisation",
                "centr",
                "--case",
                "trainin",
            ],
            "error: --organisation centr: unknown organisation `centr`\n --> (command line)\n  \
             = hint: did you mean `centre`?\n\n\
             error: --case trainin: unknown case `trainin`\n --> (command line)\n  \
             = hint: did you mean `training`?\n\n\
             refused: 2 errors with the new participant; nothing was written\n",
        ),
    ];
    for (args, stderr) in cases {
        let run = p.run(args);
        assert_eq!(run.code, 1, "{args:?}\n{}", run.report());
        assert_eq!(run.stderr, *stderr, "{args:?}\n{}", run.report());
        assert!(run.stdout.is_empty(), "{}", run.report());
        assert_eq!(files(&p.root()), before, "{args:?}");
    }
}

#[test]
fn earlier_errors_also_refuse_and_are_told_apart() {
    let p = Project::base();
    // An error that has nothing to do with the new step.
    p.write(
        "indicators.yaml",
        std::fs::read_to_string(p.root().join("indicators.yaml"))
            .unwrap()
            .replace(
                "responsible: centre\n  case: training",
                "responsible: centr\n  case: training",
            ),
    );
    let before = files(&p.root());
    let mut args = FULL.to_vec();
    args[8] = "centr";
    let run = p.run(&args);
    assert_eq!(run.code, 1, "{}", run.report());
    let old = run
        .stderr
        .find("already in the programme before this step was added:")
        .expect("a heading for the earlier errors");
    let new_error = run
        .stderr
        .find("--responsible centr: unknown organisation")
        .unwrap();
    let old_error = run.stderr.find("indicators.yaml:").unwrap();
    assert!(new_error < old && old < old_error, "{}", run.report());
    assert!(
        run.stderr.contains(
            "refused: 1 error with the new step; 1 error already in the programme (fix it: \
             `nko-draft check` lists them); nothing was written"
        ),
        "{}",
        run.report()
    );
    assert_eq!(files(&p.root()), before);

    // A valid step is refused too while the programme has an error.
    let run = p.run(FULL);
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        run.stderr
            .contains("refused: 1 error already in the programme"),
        "{}",
        run.report()
    );
    assert_eq!(files(&p.root()), before);
}

#[test]
fn warnings_do_not_stop_the_write() {
    let p = Project::base();
    let run = p.run(&["add-step", "--case", "partnership", "--title", "Без срока"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(
        run.stderr
            .contains("warning: step `partnership-2` has no deadline"),
        "{}",
        run.report()
    );
    assert!(
        run.stderr
            .contains("warning: step `partnership-2` has no expected result")
    );
    assert_eq!(run.stdout, "partnership-2 → 2.2\n");
}

#[test]
fn dry_run_prints_the_text_and_writes_nothing() {
    let p = Project::base();
    let before = files(&p.root());
    let mut args = FULL.to_vec();
    args.push("--dry-run");
    let run = p.run(&args);
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(
        run.stdout,
        "\n- id: partnership-2\n  title: Ярмарка социальных проектов\n  deadline: 2027-Q3\n  \
         responsible: centre\n  partners: [admin]\n  result: Не менее 20 проектов\n  \
         indicators: [agreements]\n  proposals: [partnership-pr1]\n"
    );
    assert!(
        run.stderr
            .contains("dry run: would add partnership-2 → 2.2 to programme/steps/partnership.yaml")
    );
    assert_eq!(files(&p.root()), before);
    assert!(!p.root().join(LOCK).exists(), "a dry run takes no lock");
}

#[test]
fn a_missing_required_flag_is_a_usage_error_without_a_terminal() {
    let p = Project::base();
    for (args, flag) in [
        (
            &["add-step", "--case", "partnership"][..],
            "--title is required",
        ),
        (&["add-step", "--title", "x"][..], "--case is required"),
        (
            &["add-proposal", "--case", "partnership"][..],
            "--text is required",
        ),
        (&["add-participant"][..], "--name is required"),
    ] {
        // The harness gives the binary no terminal; CI set makes doubly sure.
        let run = p.run(args);
        assert_eq!(run.code, 2, "{args:?}\n{}", run.report());
        assert!(run.stderr.contains(flag), "{}", run.report());
        assert!(run.stderr.contains("Usage: nko-draft"), "{}", run.report());
    }
    let help = p.run(&["add-step", "--help"]);
    assert!(
        help.stdout.contains("Funding is not a flag"),
        "{}",
        help.stdout
    );
}

#[test]
fn add_proposal_and_add_participant() {
    let p = Project::base();
    let run = p.run(&[
        "add-proposal",
        "--case",
        "training",
        "--text",
        "Наставничество для новых НКО",
        "--problem",
        "training-p1",
        "--votes",
        "3",
        "--status",
        "deferred",
        "--reason",
        "Нет наставников",
    ]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(run.stdout, "training-pr4\n");
    let text = std::fs::read_to_string(p.root().join("cases/training.yaml")).unwrap();
    assert!(
        text.ends_with(
            "    reason: Нет помещения и финансирования; вернуться к вопросу в 2028 году\n  \
             - id: training-pr4\n    text: Наставничество для новых НКО\n    \
             problems: [training-p1]\n    votes: 3\n    status: deferred\n    \
             reason: Нет наставников\n"
        ),
        "{text}"
    );

    let run = p.run(&[
        "add-participant",
        "--name",
        "Иванова Мария Сергеевна",
        "--organisation",
        "university",
        "--case",
        "training",
    ]);
    assert_eq!(run.code, 0, "{}", run.report());
    // `ivanova` is taken: surname and first name.
    assert_eq!(run.stdout, "ivanova-mariya\n");
    let run = p.run(&[
        "add-participant",
        "--name",
        "Сидоров Иван",
        "--organisation",
        "centr",
    ]);
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        run.stderr.contains("did you mean `centre`?"),
        "{}",
        run.report()
    );
    let run = p.run(&["add-proposal", "--case", "nope", "--text", "x"]);
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        run.stderr.contains("unknown case `nope`"),
        "{}",
        run.report()
    );
}

#[test]
fn sixteen_concurrent_writers_all_land() {
    let p = Project::base();
    let bin = assert_cmd::cargo::cargo_bin("nko-draft");
    let children: Vec<_> = (0..16)
        .map(|i| {
            Command::new(&bin)
                .current_dir(p.tmp())
                .env("NO_COLOR", "1")
                .env("CI", "true")
                .args(["-C", common::PROGRAMME, "add-step", "--case", "partnership"])
                .args(["--title", &format!("Шаг номер {i}")])
                .args(["--deadline", "2027-Q4", "--responsible", "centre"])
                .args(["--result", "Сделано"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start nko-draft")
        })
        .collect();
    let mut printed = Vec::new();
    for child in children {
        let out = child.wait_with_output().expect("wait for nko-draft");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        printed.push(String::from_utf8_lossy(&out.stdout).trim().to_owned());
    }
    printed.sort();
    printed.dedup();
    assert_eq!(printed.len(), 16, "{printed:?}");

    let text = std::fs::read_to_string(p.root().join("steps/partnership.yaml")).unwrap();
    let steps: Vec<Step> = from_node(&mut parse(&text, Limits::default()).unwrap()).unwrap();
    assert_eq!(steps.len(), 17);
    let mut titles: Vec<&str> = steps[1..].iter().map(|s| s.title.as_str()).collect();
    titles.sort();
    let mut want: Vec<String> = (0..16).map(|i| format!("Шаг номер {i}")).collect();
    want.sort();
    assert_eq!(titles, want);
    let ids: Vec<&str> = steps.iter().map(|s| s.id.as_str()).collect();
    let expected: Vec<String> = (1..=17).map(|n| format!("partnership-{n}")).collect();
    assert_eq!(ids, expected);
    let check = p.check(&[]);
    assert_eq!(check.code, 0, "{}", check.report());
}

#[test]
fn killed_writers_leave_the_old_file_or_the_new_one() {
    let p = Project::base();
    let bin = assert_cmd::cargo::cargo_bin("nko-draft");
    for round in 0..6u64 {
        let mut children: Vec<_> = (0..4)
            .map(|i| {
                Command::new(&bin)
                    .current_dir(p.tmp())
                    .env("CI", "true")
                    .args(["-C", common::PROGRAMME, "add-step", "--case", "training"])
                    .args(["--title", &format!("Раунд {round}, шаг {i}")])
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("start nko-draft")
            })
            .collect();
        std::thread::sleep(std::time::Duration::from_millis(5 + 15 * round));
        for (i, child) in children.iter_mut().enumerate() {
            if i % 2 == 0 {
                let _ = child.kill();
            }
        }
        for mut child in children {
            let _ = child.wait();
        }
        // Whatever was killed where, the file is whole: it parses, and check passes.
        let check = p.check(&[]);
        assert_eq!(check.code, 0, "round {round}\n{}", check.report());
    }
}

// --- the text edit, as a property -------------------------------------------------------------

/// Text a secretary might type, with the characters that need quoting in YAML.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[а-яА-Я ]{1,20}",
        "[-#:'\"a-z0-9 ]{1,12}",
        "[а-я]{1,5}(: |#| #|\n|\n\n|\\\\|, |\\[|\\{)[а-я]{1,5}",
        "\\PC{1,10}",
    ]
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

/// The layout of a generated steps file.
#[derive(Debug, Clone)]
struct Layout {
    dash: usize,
    gap: usize,
    crlf: bool,
    blank_between: bool,
    final_newline: bool,
    header: bool,
    trailing_comment: bool,
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        0usize..3,
        1usize..4,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(dash, gap, crlf, blank_between, final_newline, header, trailing_comment)| Layout {
                dash: dash * 2,
                gap,
                crlf,
                blank_between,
                final_newline,
                header,
                trailing_comment,
            },
        )
}

/// A steps file holding `titles` as steps, written with `layout` (by hand, not by the code
/// under test).
fn steps_file(titles: &[String], l: &Layout) -> String {
    let eol = if l.crlf { "\r\n" } else { "\n" };
    let key = " ".repeat(l.dash + 1 + l.gap);
    let mut out = String::new();
    if l.header {
        out.push_str(&format!("# Мероприятия: заголовок{eol}{eol}"));
    }
    for (i, title) in titles.iter().enumerate() {
        if i > 0 && l.blank_between {
            out.push_str(eol);
        }
        out.push_str(&format!(
            "{}-{}id: s-{i}{eol}{key}title: {}{eol}{key}responsible: [a, b]  # note{eol}",
            " ".repeat(l.dash),
            " ".repeat(l.gap),
            emit::double_quoted(title),
        ));
    }
    if l.trailing_comment {
        out.push_str(&format!("# конец{eol}"));
    }
    if !l.final_newline {
        while out.ends_with(['\n', '\r']) {
            out.pop();
        }
    }
    out
}

fn steps_of(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut node = parse(text, Limits::default()).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
    if node.is_null() {
        return Vec::new();
    }
    let steps: Vec<Step> = from_node(&mut node).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
    steps.iter().map(|s| format!("{s:?}")).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn appending_keeps_every_old_byte_and_step(
        titles in prop::collection::vec(text(), 0..4),
        l in layout(),
        title in text(),
        description in prop::option::of(text()),
        result in prop::option::of(text()),
        partners in prop::collection::vec("[a-z][a-z0-9-]{0,8}", 0..3),
    ) {
        let old = steps_file(&titles, &l);
        let entry = Entry::new()
            .with("id", Value::Id("new-1".into()))
            .with("title", Value::Text(title.clone()))
            .text("description", description.as_deref())
            .ids("partners", &partners)
            .text("result", result.as_deref());
        let edited = append::append_item(&old, &entry).unwrap();
        // Every old byte is still there, before the added span.
        prop_assert_eq!(&edited.text[..edited.inserted.start], old.as_str());
        prop_assert_eq!(edited.inserted.end, edited.text.len());
        // The new text reads as the old steps plus the new one.
        let before = steps_of(&old);
        let after = steps_of(&edited.text);
        prop_assert_eq!(after.len(), before.len() + 1);
        prop_assert_eq!(&after[..before.len()], &before[..]);
        let mut node = parse(&edited.text, Limits::default()).unwrap();
        let steps: Vec<Step> = from_node(&mut node).unwrap();
        let new = steps.last().unwrap();
        prop_assert_eq!(&new.title, &title);
        prop_assert_eq!(&new.description, &description);
        prop_assert_eq!(&new.result, &result);
        prop_assert_eq!(&new.partners, &partners);
        // The file's line ending is kept.
        if l.crlf && !titles.is_empty() {
            prop_assert!(!edited.added().replace("\r\n", "").contains('\n'));
        }
    }
}

/// A steps file with `n` steps laid out by `l`, step `i` holding the progress `progress[i]`:
/// none, one entry in block style, or one in flow style (by hand, not by the code under test).
fn steps_with_progress(n: usize, l: &Layout, progress: &[u8]) -> String {
    let eol = if l.crlf { "\r\n" } else { "\n" };
    let key = " ".repeat(l.dash + 1 + l.gap);
    let mut out = String::new();
    if l.header {
        out.push_str(&format!("# Мероприятия{eol}{eol}"));
    }
    for i in 0..n {
        if i > 0 && l.blank_between {
            out.push_str(eol);
        }
        out.push_str(&format!(
            "{}-{}id: s-{i}{eol}{key}title: Шаг {i}{eol}",
            " ".repeat(l.dash),
            " ".repeat(l.gap)
        ));
        match progress.get(i).copied().unwrap_or(0) % 3 {
            1 => out.push_str(&format!(
                "{key}progress:  # ход{eol}{key}  2027-Q1:{eol}{key}    status: late{eol}{key}    comment: \"Итог: нет\"{eol}"
            )),
            2 => out.push_str(&format!(
                "{key}progress: {{2027-Q1: {{status: in_progress, comment: \"a, b\"}}}}{eol}"
            )),
            _ => {}
        }
        out.push_str(&format!("{key}responsible: [a, b]  # note{eol}"));
    }
    if l.trailing_comment {
        out.push_str(&format!("# конец{eol}"));
    }
    if !l.final_newline {
        while out.ends_with(['\n', '\r']) {
            out.pop();
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// `add-progress`'s text edit: every byte outside the lines it reports is the old text, the
    /// other steps read back unchanged, and the step gains exactly the new entry.
    #[test]
    fn adding_progress_keeps_every_other_byte_and_step(
        n in 1usize..4,
        l in layout(),
        progress in prop::collection::vec(any::<u8>(), 4),
        target in 0usize..4,
        comment in text(),
        quarter in 2u8..5,
    ) {
        use nko_draft::edit::nested::{self, Child, Mode};
        use nko_draft::model::{PeriodKey, ReportPeriod};
        let target = target % n;
        let old = steps_with_progress(n, &l, &progress);
        let period = ReportPeriod::quarter(2027, quarter);
        let entry = Entry::new()
            .with("status", Value::Text("done".into()))
            .with("comment", Value::Text(comment.clone()));
        let id = format!("s-{target}");
        let edited = nested::set_under_item(
            &old, &id, "progress", &period.to_string(), &Child::Map(entry), Mode::Insert,
        ).unwrap_or_else(|e| panic!("{old:?}: {e}"));
        let old_end = edited.replaced.clone().map_or(edited.inserted.start, |r| r.end);
        prop_assert_eq!(&edited.text[..edited.inserted.start], &old[..edited.inserted.start]);
        prop_assert_eq!(&edited.text[edited.inserted.end..], &old[old_end..]);
        let before = steps_of(&old);
        let after = steps_of(&edited.text);
        prop_assert_eq!(after.len(), before.len());
        for i in (0..n).filter(|i| *i != target) {
            prop_assert_eq!(&after[i], &before[i]);
        }
        let mut node = parse(&edited.text, Limits::default()).unwrap();
        let steps: Vec<Step> = from_node(&mut node).unwrap();
        let new = &steps[target];
        let had = usize::from(progress[target] % 3 != 0);
        prop_assert_eq!(new.progress.len(), had + 1);
        let got = &new.progress[&PeriodKey::Period(period)];
        prop_assert_eq!(got.comment.as_deref(), Some(comment.as_str()));
        if l.crlf {
            prop_assert!(!edited.added().replace("\r\n", "").contains('\n'));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// `set-actual`'s text edit, over the ways an `actual` is written (absent, flow, block, a
    /// value with a note, `{}`): the other indicators and years read back unchanged, the year holds
    /// the new value, and its note is the new one when given, else the old one.
    #[test]
    fn setting_an_actual_value_changes_only_that_year(
        style in 0u8..5,
        year in 2027i32..2030,
        value in prop_oneof![(0u32..100_000).prop_map(f64::from), (0u32..10_000).prop_map(|n| f64::from(n) / 8.0)],
        note in prop::option::of(text()),
        crlf in any::<bool>(),
    ) {
        use nko_draft::edit::nested::{self, Child, Mode};
        use nko_draft::model::Indicator;
        let eol = if crlf { "\r\n" } else { "\n" };
        let actual = match style {
            0 => String::new(),
            1 => format!("  actual: {{2027: 12, 2028: 13.5}}  # оценка{eol}"),
            2 => format!("  actual:{eol}    2027: 12{eol}    2028:{eol}      value: 13.5{eol}      note: \"старое: да\"{eol}"),
            3 => format!("  actual: {{2028: {{value: 13.5, note: старое}}}}{eol}"),
            _ => format!("  # пока нет{eol}  actual: {{}}{eol}"),
        };
        let old = format!(
            "- id: a{eol}  name: A{eol}  unit: ед.{eol}{actual}  source: S{eol}{eol}- id: b{eol}  name: B{eol}  unit: ед.{eol}  actual: {{2027: 1}}{eol}"
        );
        let read = |text: &str| -> Vec<Indicator> {
            let mut node = parse(text, Limits::default()).unwrap();
            from_node(&mut node).unwrap()
        };
        let mut entry = Entry::new().with("value", Value::Number(value));
        entry = entry.text("note", note.as_deref());
        let edited = nested::set_under_item(
            &old, "a", "actual", &year.to_string(), &Child::Valued(entry), Mode::Set,
        ).unwrap_or_else(|e| panic!("{old:?}: {e}"));
        let old_end = edited.replaced.clone().map_or(edited.inserted.start, |r| r.end);
        prop_assert_eq!(&edited.text[..edited.inserted.start], &old[..edited.inserted.start]);
        prop_assert_eq!(&edited.text[edited.inserted.end..], &old[old_end..]);
        let before = read(&old);
        let after = read(&edited.text);
        prop_assert_eq!(&format!("{:?}", after[1]), &format!("{:?}", before[1]));
        prop_assert_eq!(&after[0].source, &before[0].source);
        for (y, a) in &before[0].actual {
            if *y != year {
                prop_assert_eq!(&after[0].actual[y], a);
            }
        }
        let got = &after[0].actual[&year];
        prop_assert_eq!(got.value, value);
        let old_note = before[0].actual.get(&year).and_then(|a| a.note.clone());
        prop_assert_eq!(&got.note, &note.clone().or(old_note));
    }
}

// --- a programme that is not the user's own ---------------------------------------------------

/// A steps file linked out of the programme is refused, naming the link; its target stays as it
/// was. A link inside the programme is edited where it leads, and stays a link.
#[cfg(unix)]
#[test]
fn links_out_of_the_programme_are_refused_and_links_inside_followed() {
    use std::os::unix::fs::symlink;
    let p = Project::base();
    let steps = p.root().join("steps/partnership.yaml");
    let victim = p.tmp().join("victim.yaml");
    std::fs::rename(&steps, &victim).unwrap();
    symlink(&victim, &steps).unwrap();
    let old = std::fs::read(&victim).unwrap();
    let run = p.run(FULL);
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        run.stderr
            .contains("steps/partnership.yaml is a link that leads outside the programme folder"),
        "{}",
        run.report()
    );
    assert_eq!(std::fs::read(&victim).unwrap(), old);

    // Inside the programme: the target gets the step, the link stays.
    std::fs::create_dir(p.root().join("common")).unwrap();
    let inside = p.root().join("common/partnership.yaml");
    std::fs::rename(&victim, &inside).unwrap();
    std::fs::remove_file(&steps).unwrap();
    symlink("../common/partnership.yaml", &steps).unwrap();
    let run = p.run(FULL);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(
        std::fs::symlink_metadata(&steps)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = std::fs::read_to_string(&inside).unwrap();
    assert!(text.contains("- id: partnership-2\n"), "{text}");
}

/// A lock file linked out of the programme is refused and its target never created; a FIFO as
/// the lock file is refused at once instead of waiting forever.
#[cfg(unix)]
#[test]
fn the_lock_file_must_be_a_regular_file_inside_the_programme() {
    let p = Project::base();
    let lock = p.root().join(LOCK);
    let victim = p.tmp().join("created-by-the-lock");
    let steps = p.root().join("steps/partnership.yaml");
    let before = std::fs::read(&steps).unwrap();
    std::os::unix::fs::symlink(&victim, &lock).unwrap();
    let run = p.run(FULL);
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(
        run.stderr.contains(LOCK) && run.stderr.contains("leads outside the programme folder"),
        "{}",
        run.report()
    );
    assert!(!victim.exists(), "the link's target was created");
    assert_eq!(std::fs::read(&steps).unwrap(), before);

    std::fs::remove_file(&lock).unwrap();
    let status = Command::new("mkfifo").arg(&lock).status().expect("mkfifo");
    assert!(status.success());
    let run = p.run(FULL);
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(
        run.stderr.contains("is not a regular file"),
        "{}",
        run.report()
    );
    assert!(run.elapsed < std::time::Duration::from_secs(30));
    assert_eq!(std::fs::read(&steps).unwrap(), before);
}

/// Root adding a step to someone else's file leaves it theirs, with its mode.
#[cfg(unix)]
#[test]
fn the_owner_and_group_of_the_file_are_kept() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let p = Project::base();
    let steps = p.root().join("steps/partnership.yaml");
    std::fs::set_permissions(&steps, std::fs::Permissions::from_mode(0o640)).unwrap();
    let root = std::fs::metadata(&steps).unwrap().uid() == 0;
    if root {
        std::os::unix::fs::chown(&steps, Some(65534), Some(65534)).unwrap();
    }
    let before = std::fs::metadata(&steps).unwrap();
    let run = p.run(FULL);
    assert_eq!(run.code, 0, "{}", run.report());
    let after = std::fs::metadata(&steps).unwrap();
    assert!(
        std::fs::read_to_string(&steps)
            .unwrap()
            .contains("partnership-2")
    );
    // Only root may give a file away; as anyone else the file simply stays the writer's.
    if root {
        assert_eq!((after.uid(), after.gid()), (65534, 65534));
    }
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    assert_eq!(after.permissions().mode() & 0o777, 0o640);
}

/// Each add command, written and refused, as a Russian-speaking user sees it (the findings
/// themselves are elided: they have snapshots of their own).
#[test]
fn add_commands_speak_russian_when_the_user_does() {
    use crate::build::{russian, without_findings};
    let p = Project::base();
    let cases: &[(&str, &[&str], i32)] = &[
        (
            "add-step-ru",
            &[
                "add-step",
                "--case",
                "partnership",
                "--title",
                "Круглый стол",
                "--responsible",
                "centre",
                "--deadline",
                "2027-Q2",
                "--result",
                "Проведён круглый стол",
            ],
            0,
        ),
        (
            "add-step-refused-ru",
            &[
                "add-step",
                "--case",
                "partnership",
                "--title",
                "Без ответственного",
                "--responsible",
                "centr",
            ],
            1,
        ),
        (
            "add-step-unknown-case-ru",
            &["add-step", "--case", "partnershp", "--title", "Шаг"],
            1,
        ),
        (
            "add-proposal-ru",
            &[
                "add-proposal",
                "--case",
                "training",
                "--text",
                "Наставничество для новых НКО",
            ],
            0,
        ),
        (
            "add-proposal-refused-ru",
            &[
                "add-proposal",
                "--case",
                "training",
                "--text",
                "Наставничество",
                "--problem",
                "training-p9",
            ],
            1,
        ),
        (
            "add-participant-ru",
            &["add-participant", "--name", "Петрова Мария Ивановна"],
            0,
        ),
        (
            "add-participant-refused-ru",
            &[
                "add-participant",
                "--name",
                "Сидоров Пётр",
                "--organisation",
                "nowhere",
            ],
            1,
        ),
    ];
    for (name, args, code) in cases {
        let before = files(&p.root());
        let run = russian(&p, args);
        assert_eq!(run.code, *code, "{name}: {}", run.report());
        if *code != 0 {
            assert_eq!(files(&p.root()), before, "{name}: a refusal changed a file");
            assert!(
                run.stderr.contains("ничего не записано"),
                "{}",
                run.report()
            );
        }
        insta::assert_snapshot!(*name, without_findings(&run, &run.stdout));
        if *name == "add-step-unknown-case-ru" {
            // This finding is the command's own: its words are checked here.
            assert!(
                run.stderr.contains(
                    "ошибка: неизвестный кейс «partnershp»: файла cases/partnershp.yaml нет\n \
                     --> (командная строка)\n  = подсказка: может быть, «partnership»?"
                ),
                "{}",
                run.report()
            );
        }
    }
    // A dry run.
    let run = russian(
        &p,
        &[
            "add-step",
            "--case",
            "training",
            "--title",
            "Ещё",
            "--dry-run",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.report());
    let last = run.stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("пробный запуск: training-") && last.ends_with("; ничего не записано"),
        "{}",
        run.report()
    );
}

/// `add-progress` and `set-actual` refuse what `check` would refuse, naming the flag, and
/// leave every file as it was.
#[test]
fn refused_progress_and_actual_values_leave_every_file_byte_identical() {
    let p = Project::base();
    let progress = [
        "add-progress",
        "--step",
        "training-1",
        "--period",
        "2027-Q2",
    ];
    let first = p.run(
        &[
            &progress[..],
            &["--status", "done", "--done-on", "2027-06-18"],
        ]
        .concat(),
    );
    assert_eq!(first.code, 0, "{}", first.report());
    let before = files(&p.root());
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "add-progress",
                "--step",
                "trainig-1",
                "--period",
                "2027",
                "--status",
                "done",
            ],
            "error: --step trainig-1: there is no such step\n --> (command line)\n  \
             = hint: did you mean `training-1`?\n\n\
             refused: 1 error with the new progress entry; nothing was written\n",
        ),
        (
            &[
                "add-progress",
                "--step",
                "training-1",
                "--period",
                "2027-Q5",
                "--status",
                "done",
            ],
            "error: --period 2027-Q5: there is no quarter Q5 in `2027-Q5`\n --> (command line)\n  \
             = hint: quarters are Q1 to Q4\n\n\
             refused: 1 error with the new progress entry; nothing was written\n",
        ),
        (
            &[&progress[..], &["--status", "late"]].concat(),
            "error: progress for 2027-Q2 is already recorded for step `training-1`\n \
             --> (command line)\n  = hint: change that entry in steps/training.yaml by hand (a \
             replacement would drop its comment and amounts unseen), or record another period\n\n\
             refused: 1 error with the new progress entry; nothing was written\n",
        ),
        (
            &[
                "add-progress",
                "--step",
                "training-1",
                "--period",
                "2029",
                "--status",
                "done",
            ],
            "error: --period 2029: progress for 2029, outside the period 2027–2028\n \
             --> (command line)\n  = hint: progress is recorded for the years 2027 to 2028\n\n\
             refused: 1 error with the new progress entry; nothing was written\n",
        ),
        (
            &[
                "add-progress",
                "--step",
                "training-1",
                "--period",
                "2027-Q3",
                "--status",
                "done",
                "--done-on",
                "2026-11-01",
            ],
            "error: --done-on 2026-11-01: `done_on` is dated 2026-11-01, before the session \
             (2026-11-28)\n --> (command line)\n  = hint: steps are agreed at the session, so \
             they are done after it: check the date\n\n\
             refused: 1 error with the new progress entry; nothing was written\n",
        ),
        (
            &[
                "set-actual",
                "--indicator",
                "traned",
                "--year",
                "2027",
                "--value",
                "96",
            ],
            "error: --indicator traned: there is no such indicator\n --> (command line)\n  \
             = hint: did you mean `trained`?\n\n\
             refused: 1 error with the new actual value; nothing was written\n",
        ),
        (
            &[
                "set-actual",
                "--indicator",
                "trained",
                "--year",
                "2027",
                "--value",
                "inf",
            ],
            "error: --value inf: `inf` is not a usable number\n --> (command line)\n  \
             = hint: give a finite number of at most a trillion\n\n\
             refused: 1 error with the new actual value; nothing was written\n",
        ),
        (
            &[
                "set-actual",
                "--indicator",
                "trained",
                "--year",
                "2026",
                "--value",
                "96",
            ],
            "error: --year 2026: an actual value for 2026, outside the period 2027–2028\n \
             --> (command line)\n  = hint: values are recorded for the years 2027 to 2028\n\n\
             refused: 1 error with the new actual value; nothing was written\n",
        ),
        (
            &[
                "set-actual",
                "--indicator",
                "trained",
                "--year",
                "2027",
                "--value",
                "96",
                "--note",
                " ",
            ],
            "error: --note  : the note is empty\n --> (command line)\n\n\
             refused: 1 error with the new actual value; nothing was written\n",
        ),
    ];
    for (args, stderr) in cases {
        let run = p.run(args);
        assert_eq!(run.code, 1, "{args:?}\n{}", run.report());
        assert_eq!(&run.stderr, stderr, "{args:?}\n{}", run.report());
        assert!(run.stdout.is_empty(), "{args:?}");
        assert_eq!(files(&p.root()), before, "{args:?}");
    }
}

/// `--dry-run` of both commands prints the lines that would change and writes nothing; a
/// second `set-actual` for the same year replaces the value in place.
#[test]
fn progress_and_actual_dry_run_and_correction() {
    let p = Project::base();
    let before = files(&p.root());
    let run = p.run(&[
        "add-progress",
        "--step",
        "training-2",
        "--period",
        "2027",
        "--status",
        "late",
        "--comment",
        "Курсы перенесены",
        "--dry-run",
    ]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(
        run.stdout,
        "  progress:\n    2027:\n      status: late\n      comment: Курсы перенесены\n"
    );
    assert_eq!(files(&p.root()), before);
    let set = |value: &str| {
        p.run(&[
            "set-actual",
            "--indicator",
            "trained",
            "--year",
            "2027",
            "--value",
            value,
        ])
    };
    assert_eq!(set("90").code, 0);
    let corrected = set("96.5");
    assert_eq!(corrected.code, 0, "{}", corrected.report());
    assert_eq!(corrected.stdout, "trained 2027\n");
    let text = std::fs::read_to_string(p.root().join("indicators.yaml")).unwrap();
    assert!(text.contains("  actual:\n    2027: 96.5\n"), "{text}");
    let dry = p.run(&[
        "set-actual",
        "--indicator",
        "trained",
        "--year",
        "2027",
        "--value",
        "97",
        "--note",
        "уточнено",
        "--dry-run",
    ]);
    assert_eq!(
        dry.stdout,
        "    2027: {value: 97, note: \"уточнено\"}\n",
        "{}",
        dry.report()
    );
    assert_eq!(
        std::fs::read_to_string(p.root().join("indicators.yaml")).unwrap(),
        text
    );
}
