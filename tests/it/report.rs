//! `report`: the implementation report of a period. `tests/fixtures/report/<case>/` holds the
//! files that differ from `tests/fixtures/valid/base/` (the base programme with its progress);
//! the numbers of the report are checked against values computed by hand in the comments.

use std::path::Path;

use crate::common::{Project, fixtures, overlay};
use crate::docx::Docx;

/// The base programme with the fixture `case` over it.
fn programme(case: &str) -> Project {
    let p = Project::base();
    overlay(&fixtures().join("report").join(case), &p.root());
    p
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
        .replace('\u{a0}', " ")
}

/// The Markdown report of `period` for the fixture `case`, written into `<tmp>/out`.
fn markdown(case: &str, period: &str) -> String {
    let p = programme(case);
    let run = p.run(&[
        "report", "--period", period, "--format", "md", "--out", "../out",
    ]);
    assert_eq!(run.code, 0, "{}", run.report());
    read(&p.tmp().join(format!("out/report-{period}.md")))
}

/// The table row of `md` that starts with `| first |`.
fn row<'a>(md: &'a str, first: &str) -> Vec<&'a str> {
    let start = format!("| {first} |");
    let line = md
        .lines()
        .find(|l| l.starts_with(&start))
        .unwrap_or_else(|| panic!("no row {first}:\n{md}"));
    line.trim_matches('|').split(" | ").map(str::trim).collect()
}

/// The rows of the section headed `heading` (up to the next heading).
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let at = md
        .find(&format!("## {heading}"))
        .unwrap_or_else(|| panic!("no section {heading}:\n{md}"));
    let rest = &md[at + 3..];
    rest.find("\n## ").map_or(rest, |end| &rest[..end])
}

#[test]
fn the_year_report_gives_the_numbers_computed_by_hand() {
    let md = markdown("year-2027", "2027");
    insta::assert_snapshot!("report__year_2027", md);
    assert!(md.starts_with("# Отчёт о ходе реализации Программы за 2027 год\n"));
    // Due in 2027: 1.1 (annually Q2), 1.2 (Q3–Q4), 1.3 (December), 2.1 (by 1 June), 2.3 (Q4);
    // 2.2 (Q1 2028) is not. Done: 1.1, 1.3 (its year's entry comes after its third quarter);
    // late: 2.1; cancelled: 1.2; no information: 2.3.
    assert!(md.contains("Мероприятий со сроком исполнения в отчётном периоде: 5."));
    assert!(md.contains(
        "Из них: выполнено — 2, выполняется с нарушением срока — 1, отменено — 1, сведения не \
         представлены — 1."
    ));
    let steps = section(&md, "2. ");
    for number in ["1.1", "1.2", "1.3", "2.1", "2.3"] {
        row(steps, number);
    }
    assert!(!steps.contains("| 2.2 |"), "{steps}");
    assert_eq!(row(steps, "1.2")[4], "отменено");
    assert_eq!(row(steps, "1.3")[4..6], ["выполнено", "15 декабря 2027 г."]);
    // Overdue: the deadline passed by 31 December and neither done nor cancelled.
    let overdue = section(&md, "3. ");
    let listed: Vec<&str> = overdue
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| №"))
        .filter_map(|l| l.trim_matches('|').split(" | ").next())
        .map(str::trim)
        .collect();
    assert_eq!(listed, ["2.1", "2.3"]);
    assert!(md.contains("Не выполнено в срок мероприятий: 2."));
    // Indicators: 104 / 100 = 104,0 %; 4 / 6 = 66,7 % with its note; less is better:
    // 10 / 8 = 125,0 %, over 5 % without a note.
    let ind = section(&md, "4. ");
    assert_eq!(row(ind, "1")[3..7], ["100", "104", "104,0 %", "–"]);
    assert_eq!(
        row(ind, "2")[3..7],
        [
            "6",
            "4",
            "66,7 %",
            "Два соглашения перенесены на 2028 год по просьбе районов"
        ]
    );
    assert_eq!(
        row(ind, "3")[3..7],
        ["10", "8", "125,0 %", "пояснение не представлено"]
    );
    assert!(row(ind, "3")[1].ends_with("специалистов\\*"));
    // Reached: 1 (104 ≥ 100) and 3 (8 ≤ 10); not 2.
    assert!(md.contains("Достигнуты значения 2 из 3 целевых показателей."));
    // Resources for 2027: regional budget 120,0 (1.2) + 60,0 (1.3) = 180,0 planned, 55,0 spent
    // (1.3's year entry, not its quarter's 20,0 on top): 30,6 %; grants 300,0 and 280,5:
    // 93,5 %; total 480,0 and 335,5: 69,9 %.
    let res = section(&md, "5. ");
    assert_eq!(
        row(res, "областной бюджет")[1..],
        ["180,0", "55,0", "30,6 %"]
    );
    assert_eq!(row(res, "гранты")[1..], ["300,0", "280,5", "93,5 %"]);
    assert_eq!(row(res, "Итого")[1..], ["480,0", "335,5", "69,9 %"]);
    assert!(md.contains(
        "Использовано 335,5 тыс. рублей из 480,0 тыс. рублей, предусмотренных на 2027 год (69,9 %), \
         в том числе: областной бюджет — 55,0 из 180,0 (30,6 %); гранты — 280,5 из 300,0 (93,5 %)."
    ));
}

#[test]
fn the_third_quarter_report_covers_nine_months() {
    let md = markdown("year-2027", "2027-Q3");
    assert!(
        md.starts_with("# Отчёт о ходе реализации Программы за 9 месяцев 2027 года\n"),
        "{md}"
    );
    assert!(md.contains("Отчётный период: с 1 января 2027 г. по 30 сентября 2027 г."));
    // Due by 30 September: 1.1, 1.2 (from July), 2.1; 1.3 (December) and 2.3 (Q4) not yet.
    let steps = section(&md, "2. ");
    assert!(
        !steps.contains("| 1.3 |") && !steps.contains("| 2.3 |"),
        "{steps}"
    );
    assert!(md.contains("Мероприятий со сроком исполнения в отчётном периоде: 3."));
    assert!(md.contains("Не выполнено в срок мероприятий: 1."));
    // Spent by 30 September: grants 280,5; regional budget 20,0 (1.3's third quarter; its
    // year's entry ends later). The plan is the year's: 480,0; 300,5 / 480 = 62,6 %.
    let res = section(&md, "5. ");
    assert_eq!(
        row(res, "областной бюджет")[1..],
        ["180,0", "20,0", "11,1 %"]
    );
    assert_eq!(row(res, "Итого")[1..], ["480,0", "300,5", "62,6 %"]);
}

#[test]
fn a_step_not_done_stays_in_the_next_years_report() {
    let md = markdown("year-2027", "2028");
    let steps = section(&md, "2. ");
    // 2.1 (by 1 June 2027) is still late: carried over, marked, and overdue; 1.2 was cancelled
    // and 1.3 done in 2027, so they are gone.
    assert_eq!(row(steps, "2.1\\*")[4], "выполняется с нарушением срока");
    assert!(
        !steps.contains("| 1.2 |") && !steps.contains("| 1.3 |"),
        "{steps}"
    );
    assert!(steps.contains("\\* Мероприятие прошлых лет, не выполненное в срок."));
    // Due in 2028: 1.1 (annually Q2) and 2.2 (Q1 2028), neither reported; and 2.1 and 2.3 of
    // 2027, still not done.
    assert!(md.contains(
        "Мероприятий со сроком исполнения в отчётном периоде: 2; кроме того, не выполнено в срок \
         мероприятий прошлых лет: 2."
    ));
    assert!(md.contains(
        "С учётом мероприятий прошлых лет: выполняется с нарушением срока — 1, сведения не \
         представлены — 3."
    ));
    let overdue = section(&md, "3. ");
    row(overdue, "2.1\\*");
    // 1.1 recurs: done in 2027 is not done in 2028.
    assert_eq!(row(steps, "1.1")[4], "сведения не представлены");
    // No actual values for 2028 yet.
    assert_eq!(row(section(&md, "4. "), "1")[4..6], ["нет данных", "–"]);
}

#[test]
fn the_fourth_quarter_is_the_years_report_and_quarters_have_their_titles() {
    for (period, title) in [
        ("2027-Q4", "за 2027 год"),
        ("2027-Q1", "за I квартал 2027 года"),
        ("2027-Q2", "за полугодие 2027 года"),
    ] {
        let md = markdown("year-2027", period);
        assert!(
            md.starts_with(&format!("# Отчёт о ходе реализации Программы {title}\n")),
            "{period}: {md}"
        );
    }
}

#[test]
fn every_format_is_written_and_says_the_same() {
    let p = programme("year-2027");
    let run = p.run(&["report", "--period", "2027", "--out", "../out"]);
    assert_eq!(run.code, 0, "{}", run.report());
    let out = p.tmp().join("out");
    let html = read(&out.join("report-2027.html"));
    assert!(html.contains("<caption id="), "{html}");
    assert!(html.contains("125,0 %"));
    let docx = Docx::at(&out.join("report-2027.docx"))
        .text()
        .replace('\u{a0}', " ");
    assert!(docx.contains("Отчёт о ходе реализации Программы за 2027 год"));
    assert!(docx.contains("пояснение не представлено"));
    #[cfg(feature = "pdf")]
    {
        let pdf = crate::build::poppler("pdftotext", &[], &out.join("report-2027.pdf"))
            .replace('\u{a0}', " ");
        assert!(
            pdf.contains("Отчёт о ходе реализации Программы за 2027 год"),
            "{pdf}"
        );
        assert!(pdf.contains("69,9 %"), "{pdf}");
        let info = crate::build::poppler("pdfinfo", &[], &out.join("report-2027.pdf"));
        assert!(info.contains("Tagged:          yes"), "{info}");
    }
    // The deviation without a note is said on the terminal too.
    assert!(
        run.stderr.contains("programme/indicators.yaml:32:18")
            && run.stderr.contains("indicators[2].actual.2027"),
        "{}",
        run.report()
    );
}

#[test]
fn a_period_outside_the_programme_is_refused() {
    let p = programme("year-2027");
    let run = p.run(&[
        "--lang", "en", "report", "--period", "2029", "--out", "../out",
    ]);
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(
        run.stderr
            .contains("--period 2029: the programme runs 2027–2028"),
        "{}",
        run.report()
    );
    assert!(run.stderr.contains("--period 2027"), "{}", run.report());
    assert!(!p.tmp().join("out").exists());
}

#[test]
fn a_period_written_otherwise_is_refused_with_the_form_meant() {
    let p = programme("year-2027");
    let run = p.run(&["--lang", "en", "report", "--period", "2027-q3"]);
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(run.stderr.contains("--period"), "{}", run.report());
    assert!(run.stderr.contains("write `2027-Q3`"), "{}", run.report());
}

#[test]
fn the_programmes_own_report_template_is_used() {
    let p = programme("year-2027");
    p.write(
        "templates/report.md",
        "Своё: {{ r.title }} — {{ r.indicators.rows | length }}\n",
    );
    let run = p.run(&[
        "report", "--period", "2027", "--format", "md", "--out", "../out",
    ]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(
        read(&p.tmp().join("out/report-2027.md")),
        "Своё: Отчёт о ходе реализации Программы за 2027 год — 3\n"
    );
}

#[test]
fn check_finds_a_broken_report_template_at_its_line() {
    let p = programme("year-2027");
    p.write("templates/report.md", "# {{ r.title }}\n{{ r.title \n");
    p.write("templates/report.typ", "#let r = 1\n= Раздел #f(\n");
    let run = p.run(&["--lang", "en", "check"]);
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        run.stderr.contains("programme/templates/report.md:2:"),
        "{}",
        run.report()
    );
    #[cfg(feature = "pdf")]
    assert!(
        run.stderr.contains("programme/templates/report.typ:2:"),
        "{}",
        run.report()
    );
}

#[test]
fn a_report_dated_before_a_step_it_reports_was_done_is_refused() {
    let p = programme("year-2027");
    let run = p.run(&[
        "--lang",
        "en",
        "report",
        "--period",
        "2027",
        "--date",
        "2027-12-01",
        "--out",
        "../out",
    ]);
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(
        run.stderr.contains(
            "--date 2027-12-01: step `training-3` was done on 2027-12-15, after the date of the \
             report"
        ),
        "{}",
        run.report()
    );
    assert!(!p.tmp().join("out").exists());
    // Dated after it, the report prints its date.
    let run = p.run(&[
        "report",
        "--period",
        "2027",
        "--date",
        "2028-01-20",
        "--format",
        "md",
        "--out",
        "../out",
    ]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(read(&p.tmp().join("out/report-2027.md")).contains("- Дата отчёта: 20 января 2028 г."));
}

#[test]
fn a_comment_prints_literally_in_every_format() {
    let p = programme("year-2027");
    let hostile = "*x* <script>alert(1)</script> | [a](b) {{ r.title }}";
    p.edit(
        "steps/training.yaml",
        "Курсы проводит федеральный оператор, дублировать их не нужно",
        &format!("'{hostile}'"),
    );
    let run = p.run(&[
        "report",
        "--period",
        "2027",
        "--format",
        "md,html,docx",
        "--out",
        "../out",
    ]);
    assert_eq!(run.code, 0, "{}", run.report());
    let out = p.tmp().join("out");
    let md = read(&out.join("report-2027.md"));
    let cells = row(section(&md, "2. "), "1.2");
    assert_eq!(cells.len(), 7, "{cells:?}");
    let html = read(&out.join("report-2027.html"));
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | [a](b) {{ r.title }}"));
    let docx = Docx::at(&out.join("report-2027.docx")).text();
    assert!(docx.contains(hostile), "{docx}");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let p = programme("year-2027");
    for out in ["../a", "../b"] {
        let run = p.run(&["report", "--period", "2027-Q3", "--out", out]);
        assert_eq!(run.code, 0, "{}", run.report());
    }
    let mut formats = vec!["md", "html", "docx"];
    if cfg!(feature = "pdf") {
        formats.push("pdf");
    }
    for ext in formats {
        let name = format!("report-2027-Q3.{ext}");
        let a = std::fs::read(p.tmp().join("a").join(&name)).expect("the first");
        let b = std::fs::read(p.tmp().join("b").join(&name)).expect("the second");
        assert!(a == b, "{name} differs between two runs");
    }
}

#[test]
fn the_kursk_sample_reports_its_year() {
    let p = Project::repo_copy("examples/kursk-2027-report");
    let run = p.run(&[
        "report", "--period", "2027", "--format", "md", "--out", "../out",
    ]);
    assert_eq!(run.code, 0, "{}", run.report());
    insta::assert_snapshot!(
        "report__kursk_2027",
        read(&p.tmp().join("out/report-2027.md"))
    );
}

/// The part of `html` from the figure of the chart `id` to the end of the table after it.
fn figure_and_table<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("<figure class=\"chart\" id=\"figure-{id}\">"))
        .unwrap_or_else(|| panic!("no figure {id}"));
    let rest = &html[at..];
    rest.find("</table>").map_or(rest, |end| &rest[..end])
}

#[test]
fn the_reports_charts_in_every_format_with_their_numbers() {
    let p = programme("year-2027");
    let run = p.run(&["report", "--period", "2027", "--out", "../out"]);
    assert_eq!(run.code, 0, "{}", run.report());
    let out = p.tmp().join("out");
    // The statuses of the five steps listed (see the year's report above): done 2, late 1,
    // cancelled 1, no information 1. The indicators in percent of the plan: 104 / 100 =
    // 104,0 %, 4 / 6 = 66,7 %, and 10 / 8 = 125,0 % where less is better.
    let status_alt = "Мероприятия, включённые в отчёт, по статусу выполнения: выполнено — 2, \
                      выполняется с нарушением срока — 1, отменено — 1, сведения не представлены \
                      — 1; всего — 5. Те же сведения — в таблице ниже.";
    let plan_alt = "Факт в процентах от плана по 3 целевым показателям за 2027 год; план — 100 %; \
                    для показателей, где лучше меньшее значение (*), — отношение плана к факту. \
                    План выполнен или перевыполнен по 2, не выполнен по 1; от 66,7 % (показатель \
                    2) до 125,0 % (показатель 3). Те же сведения — в таблице ниже.";

    // HTML: two inline pictures, named and described, each with its table right after it.
    let html = read(&out.join("report-2027.html"));
    assert_eq!(html.matches("<svg ").count(), 2);
    assert!(
        !html.contains("Диаграмма приведена"),
        "the stand-in gives way"
    );
    for (id, title, alt) in [
        (
            "report-status",
            "Мероприятия отчётного периода по статусу выполнения",
            status_alt,
        ),
        (
            "report-plan-fact",
            "Выполнение плана по целевым показателям",
            plan_alt,
        ),
    ] {
        let part = figure_and_table(&html, id);
        assert!(part.contains(&format!(
            "role=\"img\" aria-labelledby=\"chart-{id}-title chart-{id}-desc\""
        )));
        assert!(part.contains(&format!(
            "<figcaption id=\"chart-{id}-caption\">{title}</figcaption>"
        )));
        assert!(part.contains(&format!("<title id=\"chart-{id}-title\">{title}</title>")));
        assert!(
            part.contains(&format!("<desc id=\"chart-{id}-desc\">{alt}</desc>")),
            "{part}"
        );
        let after = &part[part.find("</figure>").expect("the figure's end")..];
        assert!(
            after
                .trim_start_matches("</figure>")
                .trim_start()
                .starts_with("<div class=\"table-wrap\""),
            "{id}: the table follows the picture"
        );
    }
    let status = figure_and_table(&html, "report-status");
    let status_svg = &status[..status.find("</svg>").expect("svg")];
    for (label, count) in [
        ("Выполнено", 2),
        ("Выполняется с нарушением срока", 1),
        ("Отменено", 1),
        ("Сведения не представлены", 1),
    ] {
        assert!(status_svg.contains(&format!(">{label}</text>")), "{label}");
        assert!(
            status.contains(&format!(
                "<th scope=\"row\" data-label=\"Статус\">{label}</th>\n<td class=\"num\" data-label=\"Количество мероприятий\">{count}</td>"
            )),
            "{label}: {count}"
        );
    }
    assert!(
        status
            .contains("<caption id=\"table-1\">Число мероприятий по статусу выполнения</caption>")
    );
    let plan = figure_and_table(&html, "report-plan-fact");
    for shown in ["104,0 %", "66,7 %", "125,0 %", "План (100 %)"] {
        assert!(plan.contains(&format!(">{shown}</text>")), "{shown}");
    }
    // The table after it prints the same percents.
    assert!(plan.contains("<td class=\"num\" data-label=\"Выполнение плана\">125,0 %</td>"));

    // Markdown: a sentence and the table, never the picture.
    let md = read(&out.join("report-2027.md"));
    assert!(!md.contains("<svg") && !md.contains("<!--"));
    assert!(md.contains(
        "**Мероприятия отчётного периода по статусу выполнения.** Диаграмма приведена в HTML-, PDF- и DOCX-версиях отчёта; ниже те же сведения таблицей."
    ));
    assert!(md.contains("**Выполнение плана по целевым показателям.** Диаграмма приведена"));
    let steps = section(&md, "2. ");
    assert_eq!(row(steps, "Выполнено")[1], "2");
    assert_eq!(row(steps, "Сведения не представлены")[1], "1");
    assert_eq!(row(steps, "Итого")[1], "5");

    // DOCX: two pictures, each with its alternative text, the status chart first.
    let docx = Docx::at(&out.join("report-2027.docx"));
    for n in [1, 2] {
        assert!(docx.names().contains(&format!("word/media/image{n}.png")));
    }
    let xml = docx.part("word/document.xml").replace('\u{a0}', " ");
    assert!(xml.contains(&format!(
        "<wp:docPr id=\"1\" name=\"image1.png\" descr=\"{}\"",
        status_alt
    )));
    assert!(xml.contains(&format!(
        "<wp:docPr id=\"2\" name=\"image2.png\" descr=\"{}\"",
        plan_alt
    )));
    // Two tables in a row stay apart.
    assert!(!xml.contains("</w:tbl><w:tbl>"));

    // PDF: both pictures are figures with their alternative text.
    #[cfg(feature = "pdf")]
    {
        let pdf = out.join("report-2027.pdf");
        let tree = crate::build::poppler("pdfinfo", &["-struct-text"], &pdf);
        assert_eq!(tree.matches("Figure").count(), 2, "{tree}");
        let bytes = std::fs::read(&pdf).expect("the PDF");
        for alt in ["Мероприятия, включённые", "Факт в"] {
            let hex: String = alt.encode_utf16().map(|u| format!("{u:04X}")).collect();
            assert_eq!(
                crate::charts::streams_with(&bytes, &format!("/Alt<FEFF{hex}")),
                1,
                "{alt}"
            );
        }
    }
}
