//! The DOCX: read back with an independent ZIP reader and searched as XML (styles of the
//! headings, the repeated header row, the landscape section, the properties, user text as
//! literal text, the same bytes from the same input), then opened by LibreOffice and converted
//! to PDF, whose text must hold the Markdown's headings and step titles in order.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::build::{assert_in_order, letters, markdown_outline};
use crate::common::Project;

/// The parts of a DOCX, by name.
pub(crate) struct Docx {
    bytes: Vec<u8>,
}

impl Docx {
    pub(crate) fn read(p: &Project, file: &str) -> Docx {
        Docx::at(&p.root().join("out").join(file))
    }

    /// The DOCX at `path`.
    pub(crate) fn at(path: &Path) -> Docx {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Docx { bytes }
    }

    /// The text of a part.
    pub(crate) fn part(&self, name: &str) -> String {
        let mut zip =
            zip::ZipArchive::new(std::io::Cursor::new(&self.bytes)).expect("a ZIP archive");
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .read_to_string(&mut text)
            .expect("UTF-8");
        text
    }

    /// Names of the parts, in archive order.
    pub(crate) fn names(&self) -> Vec<String> {
        let zip = zip::ZipArchive::new(std::io::Cursor::new(&self.bytes)).expect("ZIP");
        zip.file_names().map(str::to_owned).collect()
    }
}

impl Docx {
    /// The text of the document and its headers, a paragraph a line: what a reader sees.
    pub(crate) fn text(&self) -> String {
        let mut parts = vec!["word/document.xml".to_owned()];
        parts.extend(
            self.names()
                .into_iter()
                .filter(|n| n.starts_with("word/header")),
        );
        parts
            .iter()
            .flat_map(|part| paragraphs(&self.part(part)))
            .map(|(_, text)| text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The paragraphs of `xml` (`<w:p>…</w:p>`), each as its style id and its text (the `w:t`
/// runs joined, entities decoded).
pub(crate) fn paragraphs(xml: &str) -> Vec<(String, String)> {
    xml.split("<w:p>")
        .skip(1)
        .map(|p| {
            let p = &p[..p.find("</w:p>").unwrap_or(p.len())];
            let style = p
                .split("<w:pStyle w:val=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or_default()
                .to_owned();
            (style, text_of(p))
        })
        .collect()
}

/// The text of the `w:t` elements in `xml`, entities decoded.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    for piece in xml.split("<w:t").skip(1) {
        let Some(start) = piece.find('>') else {
            continue;
        };
        if piece[..start].ends_with('/') {
            continue;
        }
        let body = &piece[start + 1..];
        out.push_str(&body[..body.find("</w:t>").unwrap_or(0)]);
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn build(p: &Project, formats: &str) {
    let run = p.run(&["build", "--format", formats, "--out", "out"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.report());
}

#[test]
fn the_docx_has_word_styles_a_repeated_header_a_landscape_section_and_properties() {
    let p = Project::repo_copy("programme");
    build(&p, "md,docx");
    let docx = Docx::read(&p, "programme.docx");
    assert_eq!(docx.names()[0], "[Content_Types].xml");
    let doc = docx.part("word/document.xml");
    let paras = paragraphs(&doc);
    let styled = |style: &str, text: &str| paras.iter().any(|(s, t)| s == style && t == text);

    // The headings of the Markdown are Word's Heading1 and Heading2, the title is Title.
    let md = std::fs::read_to_string(p.root().join("out/programme.md")).expect("md");
    assert!(
        styled("Heading1", "1.\u{a0}Паспорт Программы")
            || styled("Heading1", "1. Паспорт Программы")
    );
    for line in md.lines() {
        let (style, text) = if let Some(t) = line.strip_prefix("### ") {
            ("Heading2", t)
        } else if let Some(t) = line.strip_prefix("## ") {
            ("Heading1", t)
        } else {
            continue;
        };
        let text = text.replace('\\', "");
        if text == "Содержание" {
            assert!(styled("TOCHeading", &text));
            continue;
        }
        assert!(styled(style, &text), "`{text}` is not a {style}");
    }
    assert!(
        paras
            .iter()
            .any(|(s, t)| s == "Title" && t.starts_with("Программа по увеличению"))
    );
    let styles = docx.part("word/styles.xml");
    for (id, level) in [("Heading1", 0), ("Heading2", 1), ("Heading3", 2)] {
        let at = styles.find(&format!("w:styleId=\"{id}\"")).expect(id);
        let def = &styles[at..at + styles[at..].find("</w:style>").expect("end")];
        assert!(
            def.contains(&format!("<w:outlineLvl w:val=\"{level}\"/>")),
            "{def}"
        );
    }
    assert!(styles.contains("<w:lang w:val=\"ru-RU\"/>"));
    assert!(
        docx.part("word/settings.xml")
            .contains("<w:updateFields w:val=\"true\"/>")
    );

    // «ПРОЕКТ» first, on the title page; the header of the other pages says it too.
    assert_eq!(paras[0], ("DraftMark".to_owned(), "ПРОЕКТ".to_owned()));
    assert!(text_of(&docx.part("word/header1.xml")).contains("ПРОЕКТ"));
    assert!(doc.contains("<w:titlePg/>"));

    // The list of steps: its header row repeats, the task rows span the table.
    let steps = doc
        .split("<w:tbl>")
        .find(|t| text_of(t).contains("Наименование мероприятия"))
        .expect("the steps table");
    let first_row =
        &steps[steps.find("<w:tr>").expect("a row")..steps.find("</w:tr>").expect("end")];
    assert!(first_row.contains("<w:tblHeader/>"), "{first_row}");
    assert_eq!(
        doc.matches("<w:tblHeader/>").count(),
        doc.matches("<w:tbl>").count()
    );
    assert!(steps.contains("<w:gridSpan w:val=\"8\"/>"));
    // The table sits in a landscape section, the only one.
    let at = doc.find("Наименование мероприятия").expect("steps");
    let section_end = at + doc[at..].find("<w:sectPr>").expect("the section's end");
    let section =
        &doc[section_end..section_end + doc[section_end..].find("</w:sectPr>").expect("end")];
    assert!(section.contains("w:orient=\"landscape\""), "{section}");
    assert_eq!(doc.matches("w:orient=\"landscape\"").count(), 1);

    // Each annex from a new page, its mark top right.
    for n in 1..=3 {
        let mark = format!("Приложение №\u{a0}{n} к\u{a0}Программе");
        let plain = mark.replace('\u{a0}', " ");
        assert!(
            paras
                .iter()
                .any(|(s, t)| s == "AnnexMark" && (t == &mark || t == &plain)),
            "no mark {plain}"
        );
    }
    assert!(doc.matches("<w:pageBreakBefore/>").count() >= 3);

    // The properties.
    let core = docx.part("docProps/core.xml");
    assert!(
        core.contains("<dc:title>Программа по увеличению вклада"),
        "{core}"
    );
    assert!(
        core.contains(
            "<dc:creator>Комитет внутренней политики Администрации Курской области</dc:creator>"
        ),
        "{core}"
    );
    assert!(core.contains("<dc:language>ru-RU</dc:language>"), "{core}");
    assert!(core.contains("<cp:keywords>"), "{core}");
    assert!(core.contains(">2026-"), "{core}");
}

#[test]
fn an_english_programme_is_in_british_english() {
    let p = Project::repo_copy("examples/english");
    build(&p, "docx");
    let name = std::fs::read_dir(p.root().join("out"))
        .expect("out")
        .map(|e| e.expect("entry").file_name().into_string().expect("UTF-8"))
        .find(|n| n.ends_with(".docx"))
        .expect("a DOCX");
    let docx = Docx::read(&p, &name);
    assert!(
        docx.part("docProps/core.xml")
            .contains("<dc:language>en-GB</dc:language>")
    );
    assert!(
        docx.part("word/styles.xml")
            .contains("<w:lang w:val=\"en-GB\"/>")
    );
}

/// A title that would be a field, a hyperlink, a template or a heading if it were read as
/// anything but text.
const INJECTION: &str =
    "<w:fldSimple w:instr=\"HYPERLINK\"/> {{x}} #heading [a](https://e.org) *b*";

#[test]
fn user_text_is_text_in_the_docx() {
    let p = Project::base();
    let path = p.root().join("programme.yaml");
    let yaml = std::fs::read_to_string(&path).expect("programme.yaml");
    let title_line = yaml
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("a title line");
    let quoted = format!("title: {}", serde_json::to_string(INJECTION).expect("JSON"));
    std::fs::write(&path, yaml.replace(title_line, &quoted)).expect("write");
    build(&p, "docx");
    let docx = Docx::read(&p, "programme.docx");
    let doc = docx.part("word/document.xml");
    // Literal, but for the typography of every format (quotes, no-break spaces).
    assert!(
        paragraphs(&doc).iter().any(|(s, t)| s == "Title"
            && t.replace('\u{a0}', " ").replace(['«', '»'], "\"") == INJECTION),
        "the title is not printed literally:\n{doc}"
    );
    // The only fields are the ones the writer puts there: the contents, the page numbers.
    assert_eq!(doc.matches("<w:fldSimple").count(), 0);
    assert_eq!(doc.matches("<w:hyperlink").count(), 0);
    assert_eq!(doc.matches("<w:instrText").count(), 1);
    assert!(doc.contains("> TOC \\o &quot;1-2&quot; \\h \\z \\u </w:instrText>"));
    for header in ["word/header1.xml", "word/header2.xml"] {
        let h = docx.part(header);
        assert_eq!(h.matches("<w:instrText").count(), 1, "{h}");
        assert!(h.contains("> PAGE </w:instrText>"));
    }
    let core = docx.part("docProps/core.xml");
    assert!(
        core.contains("<dc:title>&lt;w:fldSimple w:instr=")
            && core.contains("«HYPERLINK»/&gt; {{x}} #heading [a](https://e.org) *b*</dc:title>"),
        "{core}"
    );
}

#[test]
fn two_docx_builds_give_identical_bytes() {
    let p = Project::repo_copy("examples/minimal");
    build(&p, "docx");
    let first = Docx::read(&p, "programme.docx").bytes;
    build(&p, "docx");
    assert!(
        first == Docx::read(&p, "programme.docx").bytes,
        "the DOCX changed"
    );
}

/// LibreOffice, when installed: `.ci/run` installs it, and there (with `CI` set) a missing
/// `soffice` fails the test; elsewhere it is skipped with a note, as the conversion needs a
/// program of a few hundred megabytes that a contributor may not have.
fn soffice() -> Option<&'static str> {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some("soffice");
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "soffice is missing: install libreoffice-writer-nogui (.ci/run does)"
    );
    eprintln!("note: soffice not found, the LibreOffice test is skipped");
    None
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} ({e}): install poppler-utils"));
    assert!(out.status.success(), "{tool} failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn libreoffice_opens_the_kursk_docx() {
    let Some(soffice) = soffice() else { return };
    let p = Project::repo_copy("programme");
    build(&p, "md,docx");
    let out = p.tmp().join("lo");
    // A profile of its own, so that runs in parallel (and a LibreOffice the user has open)
    // do not collide.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        p.tmp().join("lo-profile").display()
    );
    let run = Command::new(soffice)
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .arg(p.root().join("out/programme.docx"))
        .output()
        .expect("soffice runs");
    let pdf = out.join("programme.pdf");
    assert!(
        run.status.success() && pdf.exists(),
        "LibreOffice did not convert the DOCX:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let info = poppler("pdfinfo", &["-f", "1", "-l", "999"], &pdf);
    assert!(info.contains(" x 841.89 pts"), "no portrait page:\n{info}");
    assert!(
        info.contains("size:  841.89 x "),
        "no landscape page:\n{info}"
    );

    let text = poppler("pdftotext", &["-raw"], &pdf).replace('\u{ad}', "");
    let first_page = text.split('\u{c}').next().unwrap_or_default();
    assert!(first_page.contains("ПРОЕКТ"), "{first_page}");
    let md = std::fs::read_to_string(p.root().join("out/programme.md")).expect("md");
    let (headings, steps) = markdown_outline(&md);
    assert!(steps.len() >= 15, "{steps:?}");
    let hay = letters(&text);
    let after_contents = hay
        .match_indices(&letters(&headings[2]))
        .nth(1)
        .map(|(i, _)| i)
        .expect("a heading after the contents");
    assert_in_order("headings", &headings[2..], &text, after_contents);
    assert_in_order("step titles", &steps, &text, after_contents);
}
