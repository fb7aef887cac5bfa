//! The programme's life cycle in every format: a draft with its revision under «ПРОЕКТ», the
//! approved programme with its stamp and no «ПРОЕКТ» anywhere, the sign-off sheet as the last
//! annex, where a participant who is not published is never named.

use crate::build::{ALL, build, letters, text};
use crate::common::Project;
use crate::docx::Docx;

/// The approval of the base programme, and the revision it had as a draft.
const APPROVED: &str = "status: approved
approval:
  by: постановлением Администрации Тестовой области
  date: 2027-02-10
  number: 45-па
revision: 2026-12-15";

/// A sign-off sheet: a name as written, a published participant and one who is not.
const SIGN_OFF: &str = "  name: programme

sign_off:
  - organisation: admin
    position: заместитель главы Администрации Тестовой области
    name: Сидоров Сидор Сидорович
  - {organisation: centre, position: директор, participant: ivanova}
  - {organisation: volunteers, position: координатор добровольцев, participant: petrov}";

/// The Markdown, the HTML, the text of the DOCX and (with PDF support) of the PDF of a built programme,
/// named, with no-break spaces as plain ones.
fn outputs(p: &Project) -> Vec<(&'static str, String)> {
    #[allow(unused_mut)] // without PDF support there is nothing to add
    let mut all = vec![
        ("md", text(p, "programme.md")),
        ("html", text(p, "programme.html")),
        ("docx", Docx::read(p, "programme.docx").text()),
    ];
    #[cfg(feature = "pdf")]
    all.push((
        "pdf",
        crate::build::poppler("pdftotext", &["-raw"], &p.root().join("out/programme.pdf")),
    ));
    all.into_iter()
        .map(|(f, t)| (f, t.replace('\u{a0}', " ")))
        .collect()
}

/// The text of an HTML page, without its head and tags.
fn page_text(html: &str) -> String {
    let body = &html[html.find("<body").unwrap_or(0)..];
    let mut out = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// True when `needle` is in `hay`, whatever the line breaks, hyphenation and spacing.
fn has(hay: &str, needle: &str) -> bool {
    letters(hay).contains(&letters(needle))
}

#[test]
fn an_approved_programme_prints_its_stamp_and_no_draft_mark() {
    let p = Project::base();
    p.edit("programme.yaml", "status: draft", APPROVED);
    p.edit("programme.yaml", "  name: programme", SIGN_OFF);
    let run = p.check(&["--strict"]);
    assert_eq!(run.code, 0, "{}", run.report());
    build(&p, ALL);
    for (format, out) in outputs(&p) {
        for line in [
            "УТВЕРЖДЕНА",
            "постановлением Администрации Тестовой области",
            "от 10 февраля 2027 г. № 45-па",
            "Приложение № 4 к Программе",
            "Лист согласования",
            "Ф. И. О.",
            "Подпись",
            "заместитель главы Администрации Тестовой области",
            "Сидоров Сидор Сидорович",
            "Иванова Анна Петровна",
        ] {
            assert!(has(&out, line), "{format}: `{line}` is missing");
        }
        // The stamp, in this order, above the title (of the page, not of the HTML head).
        let page = letters(&page_text(&out));
        let stamp = page.find(&letters(
            "УТВЕРЖДЕНА постановлением Администрации Тестовой области от 10 февраля 2027 г. № 45-па",
        ));
        let title = page.find(&letters("Программа развития некоммерческого сектора"));
        assert!(
            stamp.is_some() && stamp < title,
            "{format}: the stamp is not above the title"
        );
        assert!(!out.contains("ПРОЕКТ"), "{format}: «ПРОЕКТ» is printed");
        assert!(
            !has(&out, "редакция от"),
            "{format}: the revision is printed"
        );
        // Petrov is not published: neither the sheet nor anything else names him.
        assert!(
            !has(&out, "Петров Пётр"),
            "{format}: an unpublished name is printed"
        );
        assert!(
            has(&out, "Приложение № 4. Лист согласования")
                && out.matches("Лист согласования").count() >= 2,
            "{format}: the sign-off sheet is not in the contents"
        );
    }
    let md = text(&p, "programme.md");
    // The typography of the stamp: no-break spaces inside the date and after «№».
    assert!(
        md.contains("от 10\u{a0}февраля 2027\u{a0}г. №\u{a0}45-па"),
        "{md}"
    );
    // The sheet's last row: organisation and position, the name, date and signature left to be
    // written by hand.
    assert!(
        md.contains("| 3 | АВТО | координатор добровольцев |  |  |  |"),
        "{md}"
    );
    insta::assert_snapshot!("approved-base-markdown", md);
    let html = text(&p, "programme.html");
    for header in [
        "№",
        "Организация",
        "Должность",
        "Ф.\u{a0}И.\u{a0}О.",
        "Дата",
        "Подпись",
    ] {
        assert!(
            html.contains(&format!("<th scope=\"col\">{header}</th>"))
                || html.contains(&format!("<th scope=\"col\" class=\"num\">{header}</th>")),
            "the HTML table has no header `{header}`"
        );
    }
}

#[test]
fn a_draft_prints_its_revision_under_the_draft_mark() {
    let p = Project::base();
    p.edit(
        "programme.yaml",
        "status: draft",
        "status: draft\nrevision: {date: 15.12.2026, label: По итогам обсуждения с Администрацией}\n\
         approval: {by: постановлением Администрации Тестовой области, date: 2027-02-10, number: 45-па}",
    );
    // The approval of a draft is a warning, and its stamp is not printed.
    let run = p.run(&["build", "--format", ALL, "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(
        run.stderr.contains("approval-of-draft") || run.stderr.contains("the stamp is not printed"),
        "{}",
        run.report()
    );
    let revision = "(редакция от 15 декабря 2026 г. по итогам обсуждения с Администрацией)";
    for (format, out) in outputs(&p) {
        assert!(out.contains("ПРОЕКТ"), "{format}: no «ПРОЕКТ»");
        assert!(has(&out, revision), "{format}: no revision line");
        let (draft, rev) = (out.find("ПРОЕКТ"), letters(&out).find(&letters(revision)));
        assert!(
            letters(&out[..draft.unwrap_or(0)]).len() < rev.unwrap_or(0),
            "{format}: the revision is not under «ПРОЕКТ»"
        );
        assert!(
            !out.contains("УТВЕРЖДЕНА"),
            "{format}: a draft prints the stamp"
        );
        assert!(
            !has(&out, "Лист согласования"),
            "{format}: a sheet without sign_off"
        );
    }
    let md = text(&p, "programme.md");
    assert!(
        md.starts_with(
            "**ПРОЕКТ**\\\n(редакция от 15\u{a0}декабря 2026\u{a0}г. по итогам обсуждения с\u{a0}Администрацией)\n\n# "
        ),
        "{md}"
    );
}

#[test]
fn the_english_stamp_and_revision() {
    let p = Project::repo_copy("examples/english");
    p.edit(
        "programme.yaml",
        "status: draft",
        "status: draft\nrevision: {date: 2026-12-15, label: following the discussion with the Administration}",
    );
    build(&p, "md");
    let md = text(&p, "northfield-programme.md");
    assert!(
        md.contains("**DRAFT**\\\n(revision of 15\u{a0}December 2026, following the discussion with the Administration)\n"),
        "{md}"
    );
    p.edit(
        "programme.yaml",
        "status: draft",
        "status: approved\napproval: {by: by resolution of the Northfield Region Administration, date: 2027-02-10, number: 45-p}",
    );
    build(&p, "md");
    let md = text(&p, "northfield-programme.md");
    assert!(
        md.starts_with(
            "**APPROVED**\\\nby resolution of the Northfield Region Administration\\\nof 10\u{a0}February 2027 No.\u{a0}45-p\n\n# "
        ),
        "{md}"
    );
    assert!(!md.contains("DRAFT") && !md.contains("revision of"), "{md}");
}

#[test]
fn dates_out_of_order_and_names_that_must_not_be_printed_are_found() {
    let p = Project::base();
    p.edit(
        "programme.yaml",
        "status: draft",
        "status: approved\nrevision: 2027-03-01\n\
         approval: {by: постановлением Администрации Тестовой области, date: 2026-11-27, number: 45-па}",
    );
    p.edit(
        "programme.yaml",
        "  name: programme",
        "  name: programme\nsign_off:\n\
         \x20 - {organisation: centre, position: директор, participant: ivanova, name: Иванова А. П.}\n\
         \x20 - {organisation: volunteers, position: координатор, name: петров пётр  петрович}",
    );
    let run = p.check(&["--format", "short"]);
    assert_eq!(run.code, 1, "{}", run.report());
    for expected in [
        "error: the approval is dated 2026-11-27, before the session (2026-11-28) [approval.date]",
        "error: the row gives both `name` and `participant` [sign_off[0].name]",
        "error: this is the name of the participant `petrov`, who is not published [sign_off[1].name]",
    ] {
        assert!(
            run.stdout.contains(expected),
            "no `{expected}`:\n{}",
            run.stdout
        );
    }
    // A revision after an approval that is itself wrong is not compared with it.
    assert!(!run.stdout.contains("revision-order") && !run.stdout.contains("after the approval"));
    p.edit("programme.yaml", "date: 2026-11-27", "date: 2027-02-10");
    let run = p.check(&["--format", "short"]);
    assert!(
        run.stdout.contains(
            "warning: the revision is dated 2027-03-01, after the approval (2027-02-10) [revision]"
        ),
        "{}",
        run.stdout
    );
}
