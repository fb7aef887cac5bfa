//! `diff`: the comparison of two drafts. Each folder of `tests/fixtures/diff/<case>/` holds the
//! files of the new draft that differ from `tests/fixtures/valid/base/` (the old draft); its
//! comparison table is snapshotted in Markdown. `--since` runs on a temporary git repository.

use std::path::Path;
use std::process::Command;

use crate::common::{Project, base_dir, copy_dir, fixtures, overlay, run_env};
use crate::docx::{Docx, paragraphs};

/// The names of the folders of `tests/fixtures/diff/`, sorted.
fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("diff"))
        .expect("tests/fixtures/diff/ is readable")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .into_string()
                .expect("UTF-8")
        })
        .collect();
    names.sort();
    names
}

/// The base programme as the old draft in `<tmp>/old`, and base with the case applied as the
/// new one in `<tmp>/programme`.
fn pair(case: &str) -> Project {
    let p = Project::base();
    copy_dir(&base_dir(), &p.tmp().join("old"));
    overlay(&fixtures().join("diff").join(case), &p.root());
    p
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

#[test]
fn every_fixture_pair_gives_its_comparison_table() {
    for case in cases() {
        let p = pair(&case);
        let run = p.run(&["diff", "../old", "--out", "cmp", "--format", "md,html"]);
        assert_eq!(run.code, 0, "{case}:\n{}", run.report());
        let md = read(&p.root().join("cmp/comparison.md"));
        let stdout = without_html_size(&run.stdout);
        insta::assert_snapshot!(format!("diff__{case}"), format!("{stdout}\n{md}"));
    }
}

/// The HTML's size depends on the page's style sheet, which the table does not: leave it out.
fn without_html_size(stdout: &str) -> String {
    stdout
        .lines()
        .map(|line| match line.split_once(".html (") {
            Some((path, _)) => format!("{path}.html (…)\n"),
            None => format!("{line}\n"),
        })
        .collect()
}

#[test]
fn renumbering_alone_is_no_change() {
    let p = pair("renumbering");
    let run = p.run(&["diff", "../old", "--out", "cmp", "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(
        run.stdout
            .starts_with("no changes: the two drafts print the same\n"),
        "{}",
        run.report()
    );
    let md = read(&p.root().join("cmp/comparison.md"));
    assert!(md.contains("Редакции не различаются"), "{md}");
    assert!(!md.contains("| № |"), "{md}");
}

#[test]
fn an_unpublished_participant_is_never_named() {
    let p = pair("unpublished-participant");
    let run = p.run(&[
        "diff",
        "../old",
        "--out",
        "cmp",
        "--format",
        crate::build::ALL,
    ]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(run.stdout.contains("представитель АВТО"), "{}", run.stdout);
    let docx = Docx::at(&p.root().join("cmp/comparison.docx")).text();
    assert!(docx.contains("представитель АВТО"), "{docx}");
    // Without PDF support there is no PDF to add.
    #[cfg_attr(not(feature = "pdf"), allow(unused_mut, clippy::useless_vec))]
    let mut outputs = vec![
        run.stdout.clone(),
        run.stderr.clone(),
        read(&p.root().join("cmp/comparison.md")),
        read(&p.root().join("cmp/comparison.html")),
        docx,
    ];
    #[cfg(feature = "pdf")]
    {
        let pdf = p.root().join("cmp/comparison.pdf");
        let text = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs (poppler-utils)");
        let pdf_text = String::from_utf8_lossy(&text.stdout).into_owned();
        assert!(pdf_text.contains("представитель АВТО"), "{pdf_text}");
        outputs.push(pdf_text);
    }
    for (i, out) in outputs.iter().enumerate() {
        for word in ["Скрытова", "skrytova", "бухгалтер"] {
            assert!(!out.contains(word), "output {i} names {word}:\n{out}");
        }
    }
}

#[test]
fn the_docx_table_holds_every_row_of_the_markdown_one() {
    let p = pair("step-added");
    p.edit(
        "steps/training.yaml",
        "Стажировки сотрудников НКО в ресурсном центре",
        "Стажировки <w:fldSimple w:instr=\"HYPERLINK\"/> {{x}}",
    );
    let run = p.run(&["diff", "../old", "--out", "cmp", "--format", "md,docx"]);
    assert_eq!(run.code, 0, "{}", run.report());
    let docx = Docx::at(&p.root().join("cmp/comparison.docx"));
    let xml = docx.part("word/document.xml");
    // A landscape page, the table's header row on every page, the title a heading.
    assert!(xml.contains("w:orient=\"landscape\""), "{xml}");
    assert!(xml.contains("<w:tblHeader/>"), "{xml}");
    let paragraphs = paragraphs(&xml);
    assert!(paragraphs.contains(&(
        "Heading1".to_owned(),
        "Сравнительная таблица изменений проекта Программы".to_owned()
    )));
    // Every row of the Markdown table: its number, element and values, in the same order.
    let md = read(&p.root().join("cmp/comparison.md"));
    let text = docx.text().replace('\u{a0}', " ");
    let mut at = 0;
    for row in md
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| №"))
    {
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        let element = cells[1].replace('\u{a0}', " ");
        let found = text[at..]
            .find(&element)
            .unwrap_or_else(|| panic!("`{element}` is not in the DOCX after {at}:\n{text}"));
        at += found;
    }
    assert!(
        text.contains("Стажировки <w:fldSimple w:instr=«HYPERLINK»/> {{x}}"),
        "{text}"
    );
    assert!(!xml.contains("<w:fldSimple w:instr="), "{xml}");
}

#[test]
fn the_html_table_is_accessible_and_user_text_is_text() {
    let p = pair("step-added");
    p.edit(
        "steps/training.yaml",
        "Стажировки сотрудников НКО в ресурсном центре",
        "Стажировки <script>alert(1)</script> | *x* [a](javascript:b)",
    );
    let run = p.run(&["diff", "../old", "--out", "cmp", "--format", "md,html"]);
    assert_eq!(run.code, 0, "{}", run.report());
    let html = read(&p.root().join("cmp/comparison.html"));
    assert_eq!(html.matches("<h1").count(), 1, "{html}");
    assert!(html.contains("<html lang=\"ru\">"), "{html}");
    for want in [
        "<th scope=\"col\">Элемент</th>",
        "<th scope=\"row\"",
        "<ul class=\"cell-list\">",
        "Стажировки &lt;script&gt;alert(1)&lt;/script&gt; | *x* [a](javascript:b)",
    ] {
        assert!(html.contains(want), "no {want}:\n{html}");
    }
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("href=\"javascript"), "{html}");
    let md = read(&p.root().join("cmp/comparison.md"));
    assert!(
        md.contains(
            "Стажировки \\<script\\>alert(1)\\</script\\> \\| \\*x\\* \\[a\\](javascript:b)"
        ),
        "{md}"
    );
}

#[test]
fn the_summary_is_in_the_interface_language() {
    let p = pair("deadline-responsible");
    let args = ["-C", "programme", "--color", "never", "diff", "../old"];
    let run = run_env(p.tmp(), &args, &[("LANG", "ru_RU.UTF-8")], Some(p.tmp()));
    assert_eq!(run.code, 0, "{}", run.report());
    // No-break spaces as the document puts them, shown as ordinary ones here.
    insta::assert_snapshot!(run.stdout.replace('\u{a0}', " "), @r"
    Изменений: 2 (добавлено мероприятий: 0, удалено: 0, изменено: 2)
    1. Мероприятие 1.2, срок исполнения: III–IV кварталы 2027 г. → до 1 октября 2027 г.
    2. Мероприятие 1.2, ответственный исполнитель: Центр (по согласованию) → ТГУ (по согласованию), Центр (по согласованию)
    ");
}

/// Runs git in `dir` with a configuration of its own (none of the machine's or the user's).
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("HOME", dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn since_compares_with_a_git_revision() {
    // The repository is the temporary folder; the programme is its `programme/`.
    let p = Project::base();
    git(p.tmp(), &["init", "-q"]);
    git(p.tmp(), &["add", "."]);
    git(p.tmp(), &["commit", "-q", "-m", "first draft"]);
    overlay(&fixtures().join("diff").join("indicator-target"), &p.root());
    git(p.tmp(), &["commit", "-q", "-am", "second draft"]);
    overlay(&fixtures().join("diff").join("funding"), &p.root());

    let since_first = p.run(&["diff", "--since", "HEAD~1"]);
    assert_eq!(since_first.code, 0, "{}", since_first.report());
    assert!(
        since_first.stdout.contains("Indicator 2, 2028: 12 → 15"),
        "{}",
        since_first.report()
    );
    assert!(
        since_first.stdout.contains("Step 1.1, funding"),
        "{}",
        since_first.stdout
    );
    let written = p.run(&[
        "diff", "--since", "HEAD~1", "--out", "cmp", "--format", "md",
    ]);
    assert_eq!(written.code, 0, "{}", written.report());
    let md = read(&p.root().join("cmp/comparison.md"));
    assert!(
        md.contains("Предыдущая редакция: проект от 28\u{a0}ноября 2026\u{a0}г. (HEAD\\~1, "),
        "{md}"
    );

    // Against HEAD: only what is not committed yet.
    let since_head = p.run(&["diff", "--since", "HEAD"]);
    assert_eq!(since_head.code, 0, "{}", since_head.report());
    assert!(
        !since_head.stdout.contains("Indicator"),
        "{}",
        since_head.stdout
    );
    assert!(
        since_head.stdout.contains("Step 1.1, funding"),
        "{}",
        since_head.stdout
    );

    // From inside the programme, without -C, and with the new draft named.
    let here = p.run_from("programme", &["diff", "--since", "HEAD~1"]);
    assert_eq!(here.stdout, since_first.stdout, "{}", here.report());
    let named = p.run_from(".", &["diff", "--since", "HEAD", "programme"]);
    assert_eq!(named.stdout, since_head.stdout, "{}", named.report());

    // A revision that does not exist, and one before the programme existed.
    let unknown = p.run(&["diff", "--since", "no-such-branch"]);
    assert_eq!(unknown.code, 2, "{}", unknown.report());
    assert!(
        unknown
            .stderr
            .contains("--since no-such-branch: no such revision in the repository"),
        "{}",
        unknown.report()
    );
    assert!(
        unknown.stderr.contains("hint: name a commit"),
        "{}",
        unknown.report()
    );
}

#[test]
fn since_outside_a_repository_and_errors_of_a_revision_are_said() {
    let p = Project::base();
    let outside = p.run(&["diff", "--since", "HEAD"]);
    assert_eq!(outside.code, 2, "{}", outside.report());
    assert!(
        outside.stderr.contains("is not inside a git repository"),
        "{}",
        outside.report()
    );

    // The old draft, at a revision, had an error: reported as a file of that revision.
    git(p.tmp(), &["init", "-q"]);
    p.edit(
        "steps/training.yaml",
        "responsible: centre\n  partners",
        "responsible: centr\n  partners",
    );
    git(p.tmp(), &["add", "."]);
    git(p.tmp(), &["commit", "-q", "-m", "broken"]);
    p.edit(
        "steps/training.yaml",
        "responsible: centr\n  partners",
        "responsible: centre\n  partners",
    );
    let broken = p.run(&["diff", "--since", "HEAD"]);
    assert_eq!(broken.code, 1, "{}", broken.report());
    insta::assert_snapshot!(broken.stderr.replace(&short_head(p.tmp()), "[COMMIT]"));
}

fn short_head(dir: &Path) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["rev-parse", "--short=7", "HEAD"])
        .output()
        .expect("git runs");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[test]
fn an_old_draft_that_is_missing_or_invalid_is_reported_as_the_old_one() {
    let p = Project::base();
    let missing = p.run(&["diff", "../nowhere"]);
    assert_eq!(missing.code, 2, "{}", missing.report());
    assert!(
        missing
            .stderr
            .contains("the old draft: ../nowhere holds no programme.yaml"),
        "{}",
        missing.report()
    );

    copy_dir(&base_dir(), &p.tmp().join("old"));
    std::fs::write(p.tmp().join("old/indicators.yaml"), "- id: x\n  nme: y\n").expect("write");
    let invalid = p.run(&["diff", "../old"]);
    assert_eq!(invalid.code, 1, "{}", invalid.report());
    assert!(invalid.stdout.is_empty(), "{}", invalid.report());
    insta::assert_snapshot!(invalid.stderr);
}
