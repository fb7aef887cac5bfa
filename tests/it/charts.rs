//! The charts in every format: the roadmap of the Kursk programme as inline SVG in the HTML
//! page (named, described, in a focusable region), as a table and a sentence in the Markdown
//! (never raw SVG), as a figure with its alternative text in the tagged PDF, and as a PNG with
//! its `descr` in the DOCX; user text in the picture is text.

use std::io::Read;

use crate::build::{build, text};
use crate::common::Project;
use crate::docx::Docx;

const TITLE: &str = "Дорожная карта реализации Программы";
const TABLE: &str = "Сроки мероприятий по кварталам";

#[test]
fn the_roadmap_in_html_and_markdown() {
    let p = Project::repo_copy("programme");
    build(&p, "md,html");
    let html = text(&p, "programme.html");
    let figure = html
        .split_once("<figure class=\"chart\" id=\"figure-roadmap\">")
        .map(|(_, rest)| rest.split_once("</figure>").map_or(rest, |(f, _)| f))
        .expect("the roadmap's figure");
    assert!(figure.contains(&format!(
        "<figcaption id=\"chart-roadmap-caption\">{TITLE}</figcaption>"
    )));
    assert!(figure.contains(
        "<div class=\"chart-frame\" role=\"region\" tabindex=\"0\" aria-labelledby=\"chart-roadmap-caption\">"
    ));
    assert!(
        figure.contains("role=\"img\" aria-labelledby=\"chart-roadmap-title chart-roadmap-desc\"")
    );
    assert!(figure.contains(&format!(
        "<title id=\"chart-roadmap-title\">{TITLE}</title>"
    )));
    assert!(figure.contains("<desc id=\"chart-roadmap-desc\">Дорожная карта реализации Программы на\u{a0}2027–2029 годы: сроки 15\u{a0}мероприятий по 3\u{a0}задачам"));
    // Every step is on it, and the three years over twelve quarters.
    for step in ["1.1", "2.5", "3.5"] {
        assert!(figure.contains(&format!(">{step}</text>")), "{step}");
    }
    assert_eq!(figure.matches(">IV</text>").count(), 3);
    // The Markdown's stand-in sentence gives way to the picture; the table follows.
    assert!(!html.contains("Схема приведена"));
    assert!(html.contains(&format!(">{TABLE}</caption>")));

    let md = text(&p, "programme.md");
    assert!(!md.contains("<svg"));
    assert!(!md.contains("<!--"));
    assert!(md.contains(&format!("**{TITLE}.** Схема приведена")));
    let table = md.find(TABLE).expect("the table's caption");
    assert!(
        md[table..]
            .replace('\u{a0}', " ")
            .trim_start_matches(TABLE)
            .trim_start()
            .starts_with("| № | Мероприятие | Срок исполнения | Кварталы |")
    );
    // A monthly step is drawn every quarter; «до 1 сентября» in the III quarter.
    assert!(md.contains("| ежемесячно | каждый квартал: 2027–2029\u{a0}гг. |"));
    assert!(md.contains("| до 1\u{a0}сентября 2027\u{a0}г. | III\u{a0}кв. 2027\u{a0}г. |"));
}

/// The texts of the PDF's compressed streams that hold `needle`.
#[cfg(feature = "pdf")]
pub(crate) fn streams_with(pdf: &[u8], needle: &str) -> usize {
    let mut found = 0;
    let mut rest = pdf;
    while let Some(at) = find(rest, b"stream") {
        let body = &rest[at + 6..];
        let body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
        let end = find(body, b"endstream").unwrap_or(body.len());
        let mut text = Vec::new();
        if flate2::read::ZlibDecoder::new(&body[..end])
            .read_to_end(&mut text)
            .is_ok()
            && find(&text, needle.as_bytes()).is_some()
        {
            found += 1;
        }
        rest = &body[(end + b"endstream".len()).min(body.len())..];
    }
    found
}

#[cfg(feature = "pdf")]
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
#[cfg(feature = "pdf")]
fn the_roadmap_in_the_pdf_is_a_figure_with_its_alternative() {
    let p = Project::repo_copy("programme");
    build(&p, "pdf");
    let pdf = p.root().join("out/programme.pdf");
    let tree = crate::build::poppler("pdfinfo", &["-struct-text"], &pdf);
    let at = tree.find(TITLE).expect("the chart's caption");
    let after = &tree[at..];
    let figure = after.find("Figure").expect("a figure after the caption");
    assert!(figure < after.find(TABLE).expect("the table after the figure"));
    // The figure's /Alt: the alternative text, UTF-16 in hex («Дорожная»).
    let alt: String = "Дорожная карта"
        .encode_utf16()
        .map(|u| format!("{u:04X}"))
        .collect();
    let bytes = std::fs::read(&pdf).expect("the PDF");
    assert_eq!(streams_with(&bytes, &format!("/Alt<FEFF{alt}")), 1);
}

#[test]
fn the_roadmap_in_the_docx_is_a_png_with_its_description() {
    let p = Project::repo_copy("programme");
    build(&p, "docx");
    let docx = Docx::read(&p, "programme.docx");
    assert!(docx.names().contains(&"word/media/image1.png".to_owned()));
    assert!(
        docx.part("[Content_Types].xml")
            .contains("<Default Extension=\"png\" ContentType=\"image/png\"/>")
    );
    assert!(docx.part("word/_rels/document.xml.rels").contains(
        "Id=\"rIdImage1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.png\""
    ));
    let xml = docx.part("word/document.xml");
    assert!(xml.contains("<a:blip r:embed=\"rIdImage1\"/>"));
    assert!(xml.contains(
        "<wp:docPr id=\"1\" name=\"image1.png\" descr=\"Дорожная карта реализации Программы на\u{a0}2027–2029 годы"
    ));
    // The caption before the picture, the table after it.
    let text = docx.text();
    let caption = text.find(TITLE).expect("caption");
    assert!(caption < text.find(TABLE).expect("table"));
    let bytes = std::fs::read(p.root().join("out/programme.docx")).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut png = Vec::new();
    zip.by_name("word/media/image1.png")
        .expect("png")
        .read_to_end(&mut png)
        .expect("read");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
}

#[test]
fn a_step_title_is_text_in_the_picture() {
    let p = Project::base();
    p.edit(
        "steps/training.yaml",
        "title: Школа проектного управления для НКО",
        "title: \"<script>alert(1)</script> & Школа\"",
    );
    build(&p, "md,html,docx");
    let html = text(&p, "programme.html");
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Школа</text>"));
    // The same drawing twice: the same bytes.
    let first = std::fs::read(p.root().join("out/programme.docx")).expect("docx");
    build(&p, "docx");
    let second = std::fs::read(p.root().join("out/programme.docx")).expect("docx");
    assert!(first == second, "the DOCX changed between two builds");
}

/// A programme of more steps than a picture can show one to a row has a roadmap row per task:
/// all its steps, their numbers, and the quarters any of them is due in; a smaller one has a
/// row per step.
#[test]
fn a_large_programme_has_a_roadmap_row_per_task() {
    use crate::synthetic::{CASES, Profile, generate};
    for (steps, per_task) in [(60, false), (200, true)] {
        let p = Project::empty();
        generate(&p.root(), steps, Profile::Short).expect("a synthetic programme");
        build(&p, "md,html");
        let md = text(&p, "programme.md").replace('\u{a0}', " ");
        let table = md.split_once(TABLE).expect("the roadmap's table").1;
        let table = table.split("\n\n").nth(1).expect("the table's rows");
        let rows = table.lines().filter(|l| l.starts_with("| ")).count();
        if per_task {
            // The header, then a task's label and its one row, per task.
            assert_eq!(rows, 1 + 2 * CASES, "{table}");
            let n = steps / CASES;
            assert!(
                table.contains(&format!(
                    "| 1.1–1.{n} | Все мероприятия задачи ({n}) | 2027–2031 гг. |"
                )),
                "{table}"
            );
            let html = text(&p, "programme.html");
            assert!(
                html.contains("Все мероприятия задачи (25)</text>"),
                "the picture's rows"
            );
        } else {
            assert_eq!(rows, 1 + CASES + steps, "{table}");
            assert!(!table.contains("Все мероприятия"));
        }
    }
}
