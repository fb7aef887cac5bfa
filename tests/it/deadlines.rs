//! Deadlines and dates as the documents print them: what a secretary copies from the draft
//! into a file or a flag reads back as the same deadline or date, and what does not read is
//! refused with the value meant, in English and in Russian.

use crate::common::{self, Project, Run};

/// `add-step` with every flag of `add.rs`'s full step, the deadline changed.
fn step_with_deadline(deadline: &str) -> Vec<&str> {
    let mut args = crate::add::FULL.to_vec();
    if let Some(at) = args.iter().position(|a| *a == "--deadline") {
        args[at + 1] = deadline;
    }
    args
}

fn add_step(p: &Project, deadline: &str) -> Run {
    p.run(&step_with_deadline(deadline))
}

/// Runs `nko-draft -C programme ARGS` with a Russian locale.
fn run_ru(p: &Project, args: &[&str]) -> Run {
    let mut all = vec!["--color", "never", "-C", "programme"];
    all.extend_from_slice(args);
    common::run_env(p.tmp(), &all, &[("LANG", "ru_RU.UTF-8")], Some(p.tmp()))
}

/// The Markdown document of the programme.
fn markdown(p: &Project) -> String {
    let run = p.run(&["build", "--format", "md", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.report());
    std::fs::read_to_string(p.root().join("out/programme.md")).expect("the Markdown output")
}

#[test]
fn add_step_takes_the_deadline_as_the_document_prints_it() {
    let printed = Project::base();
    let run = add_step(&printed, "до 1 декабря 2027 г.");
    assert_eq!(run.code, 0, "{}", run.report());
    // The deadline is kept as written.
    let steps = std::fs::read_to_string(printed.root().join("steps/partnership.yaml"))
        .expect("the steps file");
    assert!(
        steps.contains("deadline: до 1 декабря 2027 г.\n"),
        "{steps}"
    );
    let doc = markdown(&printed);
    let row = doc
        .lines()
        .find(|l| l.contains("Ярмарка социальных проектов"))
        .expect("the new step in the list of steps");
    assert!(row.contains("| до 1\u{a0}декабря 2027\u{a0}г. |"), "{row}");
    // The same document as with the deadline in the grammar of the input format.
    let canonical = Project::base();
    let run = add_step(&canonical, "by 2027-12-01");
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(doc, markdown(&canonical));
}

#[test]
fn every_printed_form_passes_check_and_prints_the_same() {
    // (as written, the same deadline in the grammar of the input format)
    let forms = [
        ("II квартал 2027", "2027-Q2"),
        ("II\u{a0}квартал 2027\u{a0}г.", "2027-Q2"),
        ("II–IV кварталы 2027 г.", "2027-Q2..Q4"),
        ("I полугодие 2028 г.", "2028-H1"),
        ("декабрь 2027 г.", "2027-12"),
        ("не позднее 1 марта 2028 г.", "no-later 2028-03-01"),
        ("1 декабря 2027", "2027-12-01"),
        ("01.12.2027", "2027-12-01"),
        ("2027–2028 гг.", "2027..2028"),
        ("ежегодно, до 1 февраля", "annually by 02-01"),
        ("ЕЖЕГОДНО, IV КВАРТАЛ", "annually Q4"),
        ("ежеквартально", "quarterly"),
        ("Q3–Q4 2027", "2027-Q3..Q4"),
        ("by 1 December 2027", "by 2027-12-01"),
        ("annually, Q2", "annually Q2"),
    ];
    let reference = Project::base();
    for (written, canonical) in forms {
        let p = Project::base();
        p.edit(
            "steps/training.yaml",
            "deadline: 2027-Q3..Q4",
            &format!("deadline: \"{written}\""),
        );
        let run = p.check(&["--strict"]);
        assert_eq!(run.code, 0, "{written}\n{}", run.report());
        reference.edit(
            "steps/training.yaml",
            "deadline: 2027-Q3..Q4",
            &format!("deadline: {canonical}"),
        );
        assert_eq!(markdown(&p), markdown(&reference), "{written}");
        reference.edit(
            "steps/training.yaml",
            &format!("deadline: {canonical}"),
            "deadline: 2027-Q3..Q4",
        );
    }
}

#[test]
fn dates_may_be_written_day_first() {
    let p = Project::base();
    let reference = markdown(&p);
    p.edit("session.yaml", "date: 2026-11-28", "date: 28.11.2026");
    let run = p.check(&["--strict"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(markdown(&p), reference);
    p.edit(
        "session.yaml",
        "date: 28.11.2026",
        "date: 28 ноября 2026 г.",
    );
    let run = p.check(&["--strict"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(markdown(&p), reference);
}

/// A deadline and a date that do not exist, in both languages: the message says what is
/// wrong, the hint what to write.
#[test]
fn what_does_not_read_is_refused_with_the_value_meant() {
    let p = Project::base();
    p.edit("session.yaml", "date: 2026-11-28", "date: 31.11.2026");
    p.edit(
        "steps/training.yaml",
        "deadline: 2027-Q3..Q4",
        "deadline: до 31 ноября 2027 г.",
    );
    p.edit(
        "steps/training.yaml",
        "deadline: annually Q2",
        "deadline: by 2027-6-1",
    );
    insta::assert_snapshot!("check-en", p.check(&[]).report());
    insta::assert_snapshot!("check-ru", run_ru(&p, &["check"]).report());
}

#[test]
fn add_step_refuses_a_deadline_that_does_not_exist() {
    let p = Project::base();
    let before = std::fs::read(p.root().join("steps/partnership.yaml")).expect("the steps");
    let run = add_step(&p, "IV–II кварталы 2027 г.");
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        run.stderr
            .contains("the quarters in `IV–II кварталы 2027 г.` are reversed or the same"),
        "{}",
        run.report()
    );
    assert!(
        run.stderr
            .contains("hint: write the earlier quarter first: `2027-Q2..Q4`"),
        "{}",
        run.report()
    );
    let ru = run_ru(&p, &step_with_deadline("2027-Q5"));
    assert_eq!(ru.code, 1, "{}", ru.report());
    assert!(
        ru.stderr
            .contains("в сроке «2027-Q5» указан квартал Q5, а их всего четыре"),
        "{}",
        ru.report()
    );
    assert!(
        ru.stderr.contains("укажите квартал от Q1 до Q4"),
        "{}",
        ru.report()
    );
    let after = std::fs::read(p.root().join("steps/partnership.yaml")).expect("the steps");
    assert_eq!(before, after);
}
