//! `nko-draft build`: the Markdown of every bundled programme (snapshots), accessible and
//! self-contained HTML, the PDF (parsed, measured and read back with poppler), the same
//! headings and step titles in all three formats, user text printed literally everywhere,
//! unpublished names nowhere, identical bytes from identical input, template overrides, and
//! nothing written when the input has errors.

#[cfg(feature = "pdf")]
use std::path::Path;
#[cfg(feature = "pdf")]
use std::process::Command;

use crate::common::{self, Project};

/// Every format this build of nko-draft writes: PDF only with the `pdf` feature, so that
/// `cargo test --no-default-features` tests the rest.
#[cfg(feature = "pdf")]
pub(crate) const ALL: &str = "md,html,pdf,docx";
#[cfg(not(feature = "pdf"))]
pub(crate) const ALL: &str = "md,html,docx";

/// Reads an output file of a build, `<tmp>/out/programme.<ext>` unless named otherwise.
fn read(p: &Project, file: &str) -> Vec<u8> {
    let path = p.root().join("out").join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An output's text with no-break spaces as plain ones: for tests about words and structure,
/// not typography (`typography.rs` tests that).
fn plain_text(p: &Project, file: &str) -> String {
    text(p, file).replace('\u{a0}', " ")
}

pub(crate) fn text(p: &Project, file: &str) -> String {
    String::from_utf8(read(p, file)).expect("UTF-8 output")
}

/// Builds the programme of `p` into `<tmp>/out` and checks it succeeded.
pub(crate) fn build(p: &Project, formats: &str) {
    let run = p.run(&["build", "--format", formats, "--out", "out"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.report());
}

/// Runs a poppler tool on a PDF; the tests need poppler-utils (`.ci/run` installs it).
#[cfg(feature = "pdf")]
pub(crate) fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run {tool} ({e}): install poppler-utils (apt-get install poppler-utils)")
        });
    assert!(out.status.success(), "{tool} failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Letters and digits only, lower-cased: what survives line breaks, hyphenation and spacing in
/// any format, so texts can be compared across them.
pub(crate) fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Headings (`#`, `##`, `###`) and step titles (the second cell of the steps table's rows) of
/// the Markdown, in order.
pub(crate) fn markdown_outline(md: &str) -> (Vec<String>, Vec<String>) {
    let headings = md
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().replace('\\', ""))
        .collect();
    let steps = md
        .lines()
        .filter(|l| {
            l.starts_with("| ")
                && l.split(" | ").next().is_some_and(|n| {
                    let n = n.trim_start_matches("| ");
                    n.contains('.')
                        && n.split('.')
                            .all(|d| d.chars().all(|c| c.is_ascii_digit()) && !d.is_empty())
                })
        })
        .filter_map(|l| l.split(" | ").nth(1).map(|t| t.replace('\\', "")))
        .collect();
    (headings, steps)
}

/// Asserts that every item occurs in `haystack` (both reduced to [`letters`]) in order,
/// starting at `from`.
pub(crate) fn assert_in_order(what: &str, items: &[String], haystack: &str, from: usize) {
    let hay = letters(haystack);
    let mut at = from;
    for item in items {
        let needle = letters(item);
        match hay[at..].find(&needle) {
            Some(i) => at += i + needle.len(),
            None => panic!("{what}: `{item}` is missing, or out of order"),
        }
    }
}

#[test]
fn markdown_of_every_bundled_programme() {
    for rel in ["programme", "examples/minimal", "examples/english"] {
        let p = Project::repo_copy(rel);
        let run = p.run(&["build", "--format", "md", "--out", "out"]);
        assert_eq!(run.code, 0, "{rel}:\n{}", run.report());
        let name = std::fs::read_dir(p.root().join("out"))
            .expect("out/")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .into_string()
                    .expect("UTF-8")
            })
            .find(|n| n.ends_with(".md"))
            .expect("a Markdown file");
        let mut settings = insta::Settings::clone_current();
        settings.set_description(format!("nko-draft build --format md, {rel}"));
        settings.set_omit_expression(true);
        settings.set_snapshot_suffix(rel.replace('/', "-"));
        settings.bind(|| insta::assert_snapshot!("markdown", text(&p, &name)));
    }
}

#[test]
fn html_is_accessible_and_self_contained() {
    let p = Project::repo_copy("programme");
    build(&p, "md,html");
    let html = text(&p, "programme.html");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ru\">"));
    assert_eq!(html.matches("<h1").count(), 1, "exactly one h1");
    assert!(html.contains("<a class=\"skip\" href=\"#content\">"));
    assert!(html.contains("<main id=\"content\""));
    // No scripts, no external resources of any kind.
    for bad in [
        "<script", "src=", "<link", "@import", "url(", "http://", "https://",
    ] {
        assert!(!html.contains(bad), "the page holds `{bad}`");
    }
    // Every header cell has a scope; every table a caption or a heading right before it.
    assert_eq!(html.matches("<th>").count(), 0, "a <th> without scope");
    assert_eq!(
        html.matches("<th ").count(),
        html.matches("<th scope=").count()
    );
    for (i, chunk) in html.split("<table>").enumerate().skip(1) {
        let before = html.split("<table>").nth(i - 1).expect("the text before");
        let labelled = chunk.trim_start().starts_with("<caption")
            || before.trim_end().ends_with("aria-labelledby=\"")
            || before.contains("aria-labelledby=");
        assert!(labelled, "table {i} has neither a caption nor a label");
    }
    // Headings never skip a level.
    let levels: Vec<u8> = html
        .match_indices("<h")
        .filter_map(|(i, _)| html.as_bytes().get(i + 2).copied())
        .filter(|b| b.is_ascii_digit())
        .map(|b| b - b'0')
        .collect();
    for pair in levels.windows(2) {
        assert!(pair[1] <= pair[0] + 1, "heading levels jump: {levels:?}");
    }
    // The contents links all lead somewhere.
    for (i, _) in html.match_indices("href=\"#") {
        let id = &html[i + 7..][..html[i + 7..].find('"').expect("closing quote")];
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "link to #{id} leads nowhere"
        );
    }
}

#[test]
fn unpublished_participants_are_never_named() {
    let p = Project::repo_copy("programme");
    // Mark a named participant unpublished: their name must vanish from every output.
    let path = p.root().join("participants.yaml");
    let yaml = std::fs::read_to_string(&path).expect("participants.yaml");
    let yaml = yaml.replacen("  role: speaker", "  role: speaker\n  publish: false", 1);
    std::fs::write(&path, yaml).expect("write");
    build(&p, ALL);
    #[allow(unused_mut)] // without PDF support there is nothing to add
    let mut outputs = vec![text(&p, "programme.md"), text(&p, "programme.html")];
    #[cfg(feature = "pdf")]
    outputs.push(poppler(
        "pdftotext",
        &[],
        &p.root().join("out/programme.pdf"),
    ));
    for output in &outputs {
        for hidden in ["Тополева", "Солдунова", "Елена Андреевна"] {
            assert!(
                !letters(output).contains(&letters(hidden)),
                "`{hidden}` is printed"
            );
        }
        assert!(
            output.contains("представитель АСИ"),
            "no «представитель АСИ»"
        );
        // The other named participants are still there.
        assert!(letters(output).contains(&letters("Терновцов Александр Валерьевич")));
    }
}

/// A title made of Markdown, HTML and Typst markup, which every format must print as text.
const INJECTION: &str =
    "*x* <script>alert(1)</script> | [a](javascript:b) # y #set page(width: 1cm) $x$ <y> @z";

#[test]
fn user_text_is_printed_literally_in_every_format() {
    let p = Project::base();
    let path = p.root().join("programme.yaml");
    let yaml = std::fs::read_to_string(&path).expect("programme.yaml");
    let title_line = yaml
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("a title line");
    let quoted = format!(
        "title: {}",
        serde_json::to_string(INJECTION).expect("JSON string")
    );
    std::fs::write(&path, yaml.replace(title_line, &quoted)).expect("write");
    let step_title = "Шаг с | чертой и **звёздами**";
    let steps = p.root().join("steps/training.yaml");
    let yaml = std::fs::read_to_string(&steps).expect("steps");
    let first_title = yaml
        .lines()
        .find(|l| l.trim_start().starts_with("title:"))
        .expect("title");
    let indent = &first_title[..first_title.len() - first_title.trim_start().len()];
    std::fs::write(
        &steps,
        yaml.replacen(first_title, &format!("{indent}title: \"{step_title}\""), 1),
    )
    .expect("write");
    build(&p, ALL);

    let md = text(&p, "programme.md");
    assert!(
        md.contains("# \\*x\\* \\<script\\>alert(1)\\</script\\> \\| \\[a\\](javascript:b) \\# y"),
        "{md}"
    );
    let html = text(&p, "programme.html");
    assert!(!html.contains("<script>"), "a script tag reached the HTML");
    assert!(
        !html.contains("javascript:b\""),
        "a javascript: link reached the HTML"
    );
    assert!(html.contains("*x* &lt;script&gt;alert(1)&lt;/script&gt; | [a](javascript:b) # y"));
    assert!(
        html.contains("Шаг с\u{a0}| чертой и\u{a0}**звёздами**"),
        "the step title lost characters"
    );
    // The steps table kept its eight columns despite the `|` in a title.
    assert!(
        md.lines()
            .any(|l| l.contains("Шаг с\u{a0}\\| чертой") && l.matches(" | ").count() == 7)
    );

    #[cfg(feature = "pdf")]
    {
        let pdf = p.root().join("out/programme.pdf");
        let info = poppler("pdfinfo", &[], &pdf);
        assert!(
            info.contains("Page size:       595.276 x 841.89 pts (A4)"),
            "{info}"
        );
        // In content order: a cell's lines follow each other, not the lines of the cells beside.
        let pdf_text = poppler("pdftotext", &["-raw"], &pdf);
        for fragment in [
            "#set page(width: 1cm) $x$ <y> @z",
            "<script>alert(1)</script>",
            "**звёздами**",
        ] {
            assert!(
                pdf_text
                    .replace("\u{ad}\n", "")
                    .replace('\u{ad}', "")
                    .replace('\n', " ")
                    .contains(fragment),
                "the PDF does not print `{fragment}` literally:\n{pdf_text}"
            );
        }
    }
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_of_the_kursk_programme() {
    let p = Project::repo_copy("programme");
    build(&p, "md,pdf");
    let pdf = p.root().join("out/programme.pdf");
    assert!(read(&p, "programme.pdf").starts_with(b"%PDF-"));

    let info = poppler("pdfinfo", &[], &pdf);
    let field = |name: &str| {
        info.lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_owned())
            .unwrap_or_default()
    };
    assert!(
        field("Title:").starts_with("Программа по увеличению вклада"),
        "{info}"
    );
    assert_eq!(
        field("Author:"),
        "Комитет внутренней политики Администрации Курской области"
    );
    assert_eq!(field("Tagged:"), "yes");
    let pages: usize = field("Pages:").parse().expect("a page count");
    assert!((10..60).contains(&pages), "{pages} pages");
    let meta = poppler("pdfinfo", &["-meta"], &pdf);
    assert!(
        meta.contains("<dc:language><rdf:Bag><rdf:li>ru</rdf:li>"),
        "no language: {meta}"
    );
    assert!(
        meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "not PDF/UA-1: {meta}"
    );
    let sizes = poppler("pdfinfo", &["-f", "1", "-l", "999"], &pdf);
    assert!(
        sizes.contains("size:  595.276 x 841.89 pts (A4)"),
        "no A4 portrait page"
    );
    assert!(
        sizes.contains("size:  841.89 x 595.276 pts (A4)"),
        "no landscape page"
    );
    let fonts = poppler("pdffonts", &[], &pdf);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes yes yes ")),
        "a font not embedded:\n{fonts}"
    );
    assert!(
        fonts.lines().skip(2).all(|l| l.contains("LiberationSerif")),
        "the text is not all in Liberation Serif:\n{fonts}"
    );
    assert_eq!(no_page_half_empty(&pdf), pages);
    // A draft: «ПРОЕКТ» on the title page and in the header of every other page.
    let paged = poppler("pdftotext", &["-layout"], &pdf);
    let marked = paged.split('\u{c}').filter(|page| !page.trim().is_empty());
    for (n, page) in marked.enumerate() {
        let first = page
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        assert!(first.contains("ПРОЕКТ"), "page {} starts {first:?}", n + 1);
    }

    // The same headings and step titles as the Markdown, in the same order, after the contents.
    let md = text(&p, "programme.md");
    let (headings, steps) = markdown_outline(&md);
    assert!(steps.len() >= 15, "{steps:?}");
    let pdf_text = poppler("pdftotext", &["-raw"], &pdf).replace('\u{ad}', "");
    let hay = letters(&pdf_text);
    let first = letters(&headings[2]);
    let after_contents = hay
        .match_indices(&first)
        .nth(1)
        .map(|(i, _)| i)
        .expect("a heading after the contents");
    assert_in_order("PDF headings", &headings[2..], &pdf_text, after_contents);
    assert_in_order("PDF step titles", &steps, &pdf_text, after_contents);
}

#[test]
fn headings_and_step_titles_agree_across_formats() {
    let p = Project::repo_copy("examples/english");
    build(&p, ALL);
    let name = "northfield-programme";
    let md = text(&p, &format!("{name}.md"));
    let (headings, steps) = markdown_outline(&md);
    let html = text(&p, &format!("{name}.html"));
    let main = &html[html.find("<main").expect("main")..];
    let tags = regex_free_text(main);
    assert_in_order("HTML headings", &headings[2..], &tags, 0);
    assert_in_order("HTML step titles", &steps, &tags, 0);
    #[cfg(feature = "pdf")]
    {
        let pdf_text = poppler(
            "pdftotext",
            &["-raw"],
            &p.root().join(format!("out/{name}.pdf")),
        )
        .replace('\u{ad}', "");
        let hay = letters(&pdf_text);
        let after_contents = hay
            .match_indices(&letters(&headings[2]))
            .nth(1)
            .map(|(i, _)| i)
            .expect("after contents");
        assert_in_order("PDF headings", &headings[2..], &pdf_text, after_contents);
        assert_in_order("PDF step titles", &steps, &pdf_text, after_contents);
    }
}

/// The text of HTML with its tags removed and the few entities the page uses decoded.
fn regex_free_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn two_builds_give_identical_bytes() {
    let p = Project::repo_copy("examples/minimal");
    build(&p, ALL);
    let first: Vec<Vec<u8>> = ALL
        .split(',')
        .map(|e| read(&p, &format!("programme.{e}")))
        .collect();
    build(&p, ALL);
    for (i, ext) in ALL.split(',').enumerate() {
        assert!(
            first[i] == read(&p, &format!("programme.{ext}")),
            "programme.{ext} changed between builds"
        );
    }
}

#[test]
fn errors_stop_the_build_and_nothing_is_written() {
    let p = Project::case("dangling-organisation");
    let run = p.run(&["build", "--format", "md,html", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        run.stderr.contains("unknown organisation"),
        "{}",
        run.report()
    );
    assert!(
        run.stderr.contains("nothing was written"),
        "{}",
        run.report()
    );
    assert!(
        !p.root().join("out").exists(),
        "an output folder was created"
    );
}

#[test]
fn warnings_are_printed_and_the_build_goes_on() {
    let p = Project::case("smart-missing");
    let run = p.run(&["build", "--format", "md", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(run.stderr.contains("warning:"), "{}", run.report());
    assert!(
        run.stdout.contains("wrote programme/out/programme.md"),
        "{}",
        run.report()
    );
}

#[test]
fn a_programme_template_overrides_the_built_in_one() {
    let p = Project::base();
    let dir = p.root().join("tpl");
    let run = p.run(&["templates", "--out", "tpl"]);
    assert_eq!(run.code, 0, "{}", run.report());
    for name in ["programme.md", "body.md", "page.html", "programme.typ"] {
        assert!(dir.join(name).is_file(), "templates did not write {name}");
    }
    // Written twice: refused, nothing changed.
    let again = p.run(&["templates", "--out", "tpl"]);
    assert_eq!(again.code, 2, "{}", again.report());

    let body = std::fs::read_to_string(dir.join("body.md")).expect("body.md");
    p.write(
        "templates/body.md",
        format!("Своя вставка: {{{{ doc.passport.heading.title }}}}\n\n{body}"),
    );
    build(&p, "md,html");
    assert!(text(&p, "programme.md").contains("Своя вставка: Паспорт Программы"));
    assert!(text(&p, "programme.html").contains("Своя вставка: Паспорт Программы"));

    // A broken template: a finding at its file and line, exit 1 as for any error in the
    // input, nothing written, no panic.
    p.write("templates/body.md", "ok\n{{ doc.passport.heading.title\n");
    let run = p.run(&["build", "--format", "md", "--out", "out2"]);
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        run.stderr.contains(" --> programme/templates/body.md:2:"),
        "no file and line:\n{}",
        run.report()
    );
    assert!(
        run.stderr.contains("nothing was written"),
        "{}",
        run.report()
    );
    assert!(!p.root().join("out2").exists());

    // A file that is not a template's name is refused rather than ignored.
    std::fs::remove_file(p.root().join("templates/body.md")).expect("remove");
    p.write("templates/programme.html", "x");
    let run = p.run(&["build", "--format", "md", "--out", "out3"]);
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        run.stderr.contains("not the name of a template"),
        "{}",
        run.report()
    );
}

#[cfg(feature = "pdf")]
#[test]
fn a_broken_typst_template_names_file_and_line() {
    let p = Project::base();
    p.write(
        "templates/programme.typ",
        "#let doc = json(\"/programme.json\")\n#doc.title_block.title\n#nosuchfunction()\n",
    );
    let run = p.run(&["build", "--format", "pdf", "--out", "out"]);
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(
        run.stderr.contains("templates/programme.typ:3:"),
        "{}",
        run.report()
    );
    assert!(
        run.stderr.contains("unknown variable: nosuchfunction"),
        "{}",
        run.report()
    );
    run.assert_no_crash("broken typst template");
}

#[test]
fn default_build_in_a_folder_holding_programme() {
    let p = Project::repo_copy("examples/minimal");
    let run = common::run_in(p.tmp(), &["build", "--format", "md"], Some(p.tmp()));
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(
        p.tmp().join("out/programme.md").is_file(),
        "{}",
        run.report()
    );
}

#[cfg(feature = "pdf")]
#[test]
fn a_step_too_long_for_one_page_is_printed_whole() {
    let p = Project::base();
    let steps = p.root().join("steps/training.yaml");
    let yaml = std::fs::read_to_string(&steps).expect("steps");
    let long: Vec<String> = (1..=120).map(|i| format!("этап {i} выполнен")).collect();
    let result_line = yaml
        .lines()
        .find(|l| l.trim_start().starts_with("result:"))
        .expect("result");
    let yaml = yaml.replacen(result_line, &format!("  result: {}", long.join(", ")), 1);
    std::fs::write(&steps, yaml).expect("write");
    build(&p, "pdf");
    let text =
        poppler("pdftotext", &["-raw"], &p.root().join("out/programme.pdf")).replace('\u{ad}', "");
    let hay = letters(&text);
    for i in [1, 60, 120] {
        assert!(
            hay.contains(&letters(&format!("этап {i} выполнен"))),
            "«этап {i}» is missing from the PDF"
        );
    }
}

#[cfg(feature = "pdf")]
#[test]
fn the_pdf_date_comes_from_the_programme_or_source_date_epoch() {
    let p = Project::repo_copy("examples/minimal");
    build(&p, "pdf");
    let pdf = p.root().join("out/programme.pdf");
    let info = poppler("pdfinfo", &["-isodates"], &pdf);
    // examples/minimal has no `date`: the session's, 28 November 2026.
    let created = |info: &str| {
        info.lines()
            .find(|l| l.starts_with("CreationDate:"))
            .map(|l| l["CreationDate:".len()..].trim().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(created(&info), "2026-11-28T00:00:00Z", "{info}");
    let out = assert_cmd::Command::cargo_bin("nko-draft")
        .expect("the binary")
        .current_dir(p.tmp())
        .env("SOURCE_DATE_EPOCH", "1798761600")
        .args([
            "-C",
            "programme",
            "build",
            "--format",
            "pdf",
            "--out",
            "epoch",
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = poppler(
        "pdfinfo",
        &["-isodates"],
        &p.root().join("epoch/programme.pdf"),
    );
    assert_eq!(created(&info), "2027-01-01T00:00:00Z", "{info}");
}

#[cfg(not(feature = "pdf"))]
#[test]
fn without_pdf_support_asking_for_a_pdf_is_refused_with_a_hint() {
    let p = Project::base();
    let run = p.run(&["build", "--format", "pdf"]);
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(
        run.stderr.contains("built without PDF support"),
        "{}",
        run.report()
    );
    assert!(run.stderr.contains("--format md,html"), "{}", run.report());
    assert!(!p.root().join("out").exists());
}

/// A word of `pdftotext -bbox`: its page (from 1), left and right edges in points, and text.
#[cfg(feature = "pdf")]
#[derive(Debug)]
struct Word {
    page: usize,
    x_min: f64,
    x_max: f64,
    text: String,
}

/// The words of a PDF with their boxes, read back with `pdftotext -bbox`.
#[cfg(feature = "pdf")]
fn words(pdf: &Path) -> Vec<Word> {
    let xml = poppler("pdftotext", &["-bbox"], pdf);
    let attr = |tag: &str, name: &str| -> f64 {
        let from = tag.find(&format!("{name}=\"")).expect("an attribute") + name.len() + 2;
        let len = tag[from..].find('"').expect("a closing quote");
        tag[from..from + len].parse().expect("a number")
    };
    let mut out = Vec::new();
    for (page, chunk) in xml.split("<page ").skip(1).enumerate() {
        for word in chunk.split("<word ").skip(1) {
            let (tag, rest) = word.split_once('>').expect("a word tag");
            let text = rest.split("</word>").next().expect("a word");
            out.push(Word {
                page: page + 1,
                x_min: attr(tag, "xMin"),
                x_max: attr(tag, "xMax"),
                text: text.replace("&amp;", "&"),
            });
        }
    }
    out
}

/// A URL ending in a long run of digits, where Typst itself finds no break: the PDF breaks it
/// inside its cell. Every piece ends left of the next column, and the whole URL is in the text
/// with nothing added between its characters. A long Russian word beside it breaks only where
/// hyphenation allows.
#[cfg(feature = "pdf")]
#[test]
fn a_long_url_in_a_step_title_stays_in_its_cell() {
    const WORD: &str = "информационно-телекоммуникационной";
    let url = format!("https://example.org/{}", "1234567890".repeat(25));
    assert_eq!(url.len(), 270);
    let p = Project::base();
    let steps = p.root().join("steps/training.yaml");
    let yaml = std::fs::read_to_string(&steps).expect("steps");
    let title = "Школа проектного управления для НКО";
    assert!(yaml.contains(title));
    let yaml = yaml.replacen(
        &format!("title: {title}"),
        &format!("title: \"{title} в {WORD} сети, материалы: {url}\""),
        1,
    );
    std::fs::write(&steps, yaml).expect("write");
    build(&p, "pdf");
    let pdf = p.root().join("out/programme.pdf");

    let text = poppler("pdftotext", &["-raw"], &pdf);
    assert!(!text.contains('\u{200b}'), "zero-width spaces in the text");
    let squeezed: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .collect();
    assert!(
        squeezed.contains(&url),
        "the URL is not whole in the PDF's text; its end: {}",
        &url[250..]
    );

    // Joined across line ends after a hyphen or a soft hyphen only, the word is whole.
    let joined = text.replace("\u{ad}\n", "").replace("-\n", "-");
    assert!(
        joined.contains(WORD),
        "`{WORD}` was broken where hyphenation does not allow:\n{text}"
    );

    let words = words(&pdf);
    let pieces: Vec<&Word> = words
        .iter()
        .filter(|w| w.text.len() >= 5 && url.contains(&w.text))
        .collect();
    assert!(!pieces.is_empty(), "no piece of the URL in the PDF");
    // The list of steps: the first page the URL is on (the roadmap and its table have columns
    // of their own).
    let page = pieces[0].page;
    let pieces: Vec<&Word> = pieces.into_iter().filter(|w| w.page == page).collect();
    // The header of the column right of the step titles, on the same page.
    let next_column = words
        .iter()
        .find(|w| w.page == page && w.text == "Срок")
        .expect("the deadline column's header")
        .x_min;
    for piece in &pieces {
        assert!(
            piece.x_max < next_column,
            "`{}` runs to x = {:.0} pt, into the next column at {next_column:.0} pt",
            piece.text,
            piece.x_max
        );
    }
}

/// Runs `nko-draft --color never ARGS` from `cwd` (a folder of `p`) under a Russian locale
/// (`LANG=ru_RU.UTF-8`), as a Russian-speaking user would.
pub(crate) fn russian_from(p: &Project, cwd: &str, args: &[&str]) -> common::Run {
    let mut all = vec!["--color", "never"];
    all.extend_from_slice(args);
    common::run_env(
        &p.tmp().join(cwd),
        &all,
        &[("LANG", "ru_RU.UTF-8")],
        Some(p.tmp()),
    )
}

/// [`russian_from`] with `-C programme`, from the temporary folder.
pub(crate) fn russian(p: &Project, args: &[&str]) -> common::Run {
    let mut all = vec!["-C", common::PROGRAMME];
    all.extend_from_slice(args);
    russian_from(p, "", &all)
}

/// The report of a run (exit code, standard output as `stdout` has it, standard error) with
/// each finding replaced by its location line: the words of findings are another part's
/// snapshots; here what matters is what the command itself says around them.
pub(crate) fn without_findings(run: &common::Run, stdout: &str) -> String {
    let mut out = format!("exit code: {}\n", run.code);
    if !stdout.is_empty() {
        out.push_str("--- stdout\n");
        out.push_str(stdout);
    }
    out.push_str("--- stderr\n");
    for block in run.stderr.split_inclusive("\n\n") {
        match block.lines().find(|l| l.trim_start().starts_with("--> ")) {
            Some(at) => {
                out.push_str("[находка]");
                out.push_str(at.trim_start().trim_start_matches("-->"));
                out.push_str("\n\n");
            }
            None => out.push_str(block),
        }
    }
    out
}

/// `записан out/x.md (12,3 КиБ)` with the number replaced, after checking it has one digit
/// after a decimal comma: sizes change with the templates, the form must not.
fn sizes_redacted(stdout: &str) -> String {
    stdout
        .lines()
        .map(|line| match line.rsplit_once(" (") {
            Some((head, size)) => {
                let (number, unit) = size
                    .trim_end_matches(')')
                    .split_once(' ')
                    .unwrap_or_else(|| panic!("a size with a unit: {line}"));
                let (whole, tenth) = number
                    .split_once(',')
                    .unwrap_or_else(|| panic!("a decimal comma: {line}"));
                assert!(
                    whole.chars().all(|c| c.is_ascii_digit()) && tenth.len() == 1,
                    "{line}"
                );
                format!("{head} (N,N {unit})\n")
            }
            None => format!("{line}\n"),
        })
        .collect()
}

#[test]
fn build_speaks_russian_when_the_user_does() {
    let p = Project::base();
    let run = russian(&p, &["build", "--format", "md,html", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert_eq!(run.stderr, "");
    insta::assert_snapshot!("build-ru", sizes_redacted(&run.stdout));
    // The same build in English keeps its words and its decimal point.
    let run = p.run(&["build", "--format", "md", "--out", "out"]);
    assert!(
        run.stdout.starts_with("wrote programme/out/programme.md (")
            && run.stdout.trim_end().ends_with(" KiB)")
            && run.stdout.contains('.'),
        "{}",
        run.report()
    );
}

#[test]
fn build_with_errors_and_with_warnings_in_russian() {
    let p = Project::case("dangling-organisation");
    let run = russian(&p, &["build", "--format", "md,html", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", run.report());
    assert!(
        !p.root().join("out").exists(),
        "an output folder was created"
    );
    insta::assert_snapshot!("build-errors-ru", without_findings(&run, &run.stdout));

    let p = Project::case("smart-missing");
    let run = russian(&p, &["build", "--format", "md", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.report());
    let stdout = sizes_redacted(&run.stdout);
    insta::assert_snapshot!("build-warnings-ru", without_findings(&run, &stdout));
}

/// The cells of a Markdown table row, unescaped, no-break spaces as spaces (what is tested
/// here is the content, not the typography).
fn md_cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_start_matches('|')
        .trim_end_matches('|')
        .split(" | ")
        .map(|c| c.trim().replace('\\', "").replace('\u{a0}', " "))
        .collect()
}

/// The rows of the Markdown table whose header row starts with `header`: header first.
fn md_table(md: &str, header: &str) -> Vec<Vec<String>> {
    md.lines()
        .skip_while(|l| !l.starts_with(header))
        .take_while(|l| l.starts_with('|'))
        .filter(|l| !l.starts_with("|---"))
        .map(md_cells)
        .collect()
}

/// An amount as the Russian document prints it («1 400,0») in hundredths of a thousand.
fn hundredths(s: &str) -> i64 {
    let digits: String = s
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    let value: f64 = digits
        .replace(',', ".")
        .parse()
        .unwrap_or_else(|_| panic!("not an amount: `{s}`"));
    (value * 100.0).round() as i64
}

/// Splits «гранты — 620,0 (…)» at its dash.
fn at_dash(line: &str) -> (String, &str) {
    let (name, rest) = line
        .split_once("— ")
        .unwrap_or_else(|| panic!("no dash in `{line}`"));
    (name.trim_end().to_owned(), rest)
}

/// Sums the funding column of the list of steps by source and year and checks them against
/// the table of section 7 of the same Markdown: every source, every year and the total.
fn funding_of_steps_adds_up(md: &str, rel: &str) {
    use std::collections::BTreeMap;
    let steps = md_table(md, "| № п/п |");
    let column = steps[0]
        .iter()
        .position(|c| c.starts_with("Объём финансирования"))
        .expect("a funding column in the list of steps");
    let mut sums: BTreeMap<(String, String), i64> = BTreeMap::new();
    let mut steps_with_money = 0;
    for row in steps.iter().skip(1).filter(|r| r.len() > column) {
        let cell = &row[column];
        if cell.is_empty() || cell == "–" {
            continue;
        }
        steps_with_money += 1;
        let mut step_total = None;
        let mut of_sources = 0;
        for line in cell.split("; ") {
            let (name, rest) = at_dash(line);
            if name == "Всего" {
                step_total = Some(hundredths(rest));
                continue;
            }
            let (sum, years) = rest.split_once(" (").expect("years in parentheses");
            let years = years.trim_end_matches(')');
            let sum = hundredths(sum);
            of_sources += sum;
            let mut of_years = 0;
            if years.contains('—') {
                for part in years.split(", ") {
                    let (year, amount) = at_dash(part);
                    let year: String = year.chars().filter(char::is_ascii_digit).collect();
                    of_years += hundredths(amount);
                    *sums.entry((name.clone(), year)).or_default() += hundredths(amount);
                }
            } else {
                of_years = sum;
                let year: String = years.chars().filter(char::is_ascii_digit).collect();
                *sums.entry((name.clone(), year)).or_default() += sum;
            }
            assert_eq!(of_years, sum, "{rel}, step {}: `{line}`", row[0]);
        }
        if let Some(total) = step_total {
            assert_eq!(total, of_sources, "{rel}, step {}: `{cell}`", row[0]);
        }
    }
    assert!(steps_with_money > 0, "{rel}: no step has money");
    let resources = md_table(md, "| Источник финансирования |");
    let years: Vec<String> = resources[0][1..resources[0].len() - 1]
        .iter()
        .map(|y| y.trim_end_matches(" год").to_owned())
        .collect();
    let mut grand = 0;
    for row in &resources[1..] {
        if row[0] == "Итого" {
            assert_eq!(hundredths(&row[row.len() - 1]), grand, "{rel}: the total");
            continue;
        }
        for (year, printed) in years.iter().zip(&row[1..]) {
            let of_steps = sums
                .remove(&(row[0].clone(), year.clone()))
                .unwrap_or_default();
            assert_eq!(
                hundredths(printed),
                of_steps,
                "{rel}: {} in {year}: section 7 and the list of steps differ",
                row[0]
            );
            grand += of_steps;
        }
    }
    assert!(
        sums.values().all(|v| *v == 0),
        "{rel}: money of the steps missing from section 7: {sums:?}"
    );
}

#[test]
fn the_funding_of_the_steps_adds_up_to_section_7() {
    let p = Project::repo_copy("programme");
    build(&p, "md");
    funding_of_steps_adds_up(&plain_text(&p, "programme.md"), "programme");

    // A step with two sources prints its total first.
    let p = Project::base();
    let steps = p.root().join("steps/training.yaml");
    let yaml = std::fs::read_to_string(&steps).expect("steps");
    let line = "      amounts: {2027: 300.0, 2028: 320.0}\n";
    assert!(yaml.contains(line));
    let yaml = yaml.replacen(
        line,
        &format!("{line}    - source: business\n      amounts: {{2028: 1250.25}}\n"),
        1,
    );
    std::fs::write(&steps, yaml).expect("write");
    build(&p, "md");
    let md = plain_text(&p, "programme.md");
    let steps = md_table(&md, "| № п/п |");
    let step = steps.iter().find(|r| r[0] == "1.1").expect("step 1.1");
    assert_eq!(
        step[5],
        "Всего — 1 870,25; гранты — 620,00 (2027 г. — 300,00, 2028 г. — 320,00); \
         средства организаций бизнеса — 1 250,25 (2028 г.)"
    );
    funding_of_steps_adds_up(&md, "base");

    // Without money anywhere, the list of steps has no funding column.
    let p = Project::repo_copy("examples/minimal");
    build(&p, "md");
    let md = plain_text(&p, "programme.md");
    let steps = md_table(&md, "| № п/п |");
    assert_eq!(steps[0].len(), 7, "{:?}", steps[0]);
    assert!(md.contains("Реализация Программы не требует дополнительного финансирования."));
}

#[test]
fn joint_responsibility_agrees_in_the_list_of_steps_and_annex_3() {
    // Step 1.1 of the fixture has two responsible organisations, the Centre and ТГУ.
    let p = Project::base();
    build(&p, "md");
    let md = plain_text(&p, "programme.md");
    let steps = md_table(&md, "| № п/п |");
    let step = steps.iter().find(|r| r[0] == "1.1").expect("step 1.1");
    assert_eq!(step[3], "Центр (по согласованию), ТГУ (по согласованию)");
    assert_eq!(step[4], "АВТО (по согласованию)");
    let matrix = md_table(&md, "| Организация |");
    let row = |org: &str| {
        matrix
            .iter()
            .find(|r| r[0] == org)
            .unwrap_or_else(|| panic!("{org} is not in Annex 3"))
            .clone()
    };
    assert_eq!(row("Центр")[1..], ["1.1, 1.2", "2.1"]);
    assert_eq!(row("ТГУ")[1..], ["1.1", "–"]);
    assert_eq!(row("АВТО")[1..], ["–", "1.1, 1.2"]);
}

#[test]
fn a_proposed_step_is_marked_once_and_explained_under_the_table() {
    let p = Project::base();
    build(&p, "md,html");
    let md = plain_text(&p, "programme.md");
    assert!(!md.contains("(предложение)"), "{md}");
    assert!(md.contains("| 1.2 | Онлайн-курсы для НКО сельских районов\\* |"));
    let note = "\\* — мероприятие предложено рабочей группой стратегической сессии и \
                требует согласования с исполнителями.";
    assert_eq!(md.replace('\u{a0}', " ").matches(note).count(), 1, "{md}");
    let html = plain_text(&p, "programme.html");
    assert!(html.contains("Онлайн-курсы для НКО сельских районов*</td>"));

    // When every step is proposed, one sentence says so and no step is marked.
    let p = Project::repo_copy("programme");
    build(&p, "md");
    let md = plain_text(&p, "programme.md");
    assert!(md.contains(
        "\nВсе мероприятия предложены рабочими группами стратегической сессии и \
         требуют согласования с исполнителями.\n"
    ));
    let steps = md_table(&md, "| № п/п |");
    assert!(steps.iter().all(|r| !r[1].ends_with('*')), "{steps:?}");
}

#[test]
fn the_passport_lists_each_item_on_a_line_of_its_own() {
    let p = Project::base();
    build(&p, ALL);
    let md = plain_text(&p, "programme.md");
    let passport = md_table(&md, "| Параметр |");
    let row = |label: &str| {
        passport
            .iter()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("the passport has no row «{label}»"))[1]
            .clone()
    };
    // The rows of a real passport, in its order.
    let labels: Vec<&str> = passport.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        labels,
        [
            "Параметр",
            "Наименование Программы",
            "Основания для разработки",
            "Разработчики Программы",
            "Ответственный исполнитель",
            "Соисполнители",
            "Участники Программы",
            "Цели Программы",
            "Задачи Программы",
            "Сроки и этапы реализации",
            "Целевые показатели",
            "Объёмы и источники финансирования",
            "Ожидаемые конечные результаты",
        ]
    );
    // The organisations of the steps that are neither the executor nor co-executors.
    assert!(
        row("Участники Программы").starts_with("АВТО; Тестовский государственный университет"),
        "{md}"
    );
    assert_eq!(
        row("Сроки и этапы реализации"),
        "2027–2028 годы, в один этап"
    );
    assert!(
        row("Задачи Программы").starts_with(
            "1) Повышение квалификации сотрудников и добровольцев некоммерческих организаций; \
             2) Устойчивое партнёрство"
        ),
        "{md}"
    );
    assert!(row("Объёмы и источники финансирования").contains(
        "в том числе по годам: 2027 год — 420,0 тыс. рублей; 2028 год — 320,0 тыс. рублей; \
         по источникам финансирования: областной"
    ));

    // In HTML, a list inside the cell: numbered for tasks, plain lines for the others.
    let html = plain_text(&p, "programme.html");
    assert!(
        html.contains(
            "<th scope=\"row\" data-label=\"Параметр\">Задачи Программы</th>\n\
             <td data-label=\"Значение\"><ol class=\"cell-list\">\
             <li>Повышение квалификации сотрудников и добровольцев некоммерческих организаций</li>\
             <li>Устойчивое партнёрство"
        ),
        "{html}"
    );
    assert!(html.contains(
        "<th scope=\"row\" data-label=\"Параметр\">Участники Программы</th>\n\
         <td data-label=\"Значение\"><ul class=\"cell-list\"><li>АВТО</li>"
    ));
    assert!(
        !html.contains("1) Повышение"),
        "Markdown numbering reached the HTML"
    );

    #[cfg(feature = "pdf")]
    {
        let pdf_text = poppler("pdftotext", &["-raw"], &p.root().join("out/programme.pdf"))
            .replace("\u{ad}\n", "")
            .replace('\u{ad}', "");
        for line in [
            "2027 год — 420,0 тыс. рублей",
            "по источникам финансирования:",
        ] {
            assert!(
                pdf_text
                    .lines()
                    .any(|l| l.replace('\u{a0}', " ").ends_with(line)),
                "the PDF has no line ending in «{line}»:\n{pdf_text}"
            );
        }
        let flat = pdf_text.replace('\n', " ");
        assert!(flat.contains("1) Повышение квалификации"), "{pdf_text}");
        assert!(flat.contains("2) Устойчивое партнёрство"), "{pdf_text}");
    }
}

/// No page of the PDF more than half empty, except before an annex or a change of
/// orientation. Returns the number of pages.
#[cfg(feature = "pdf")]
fn no_page_half_empty(pdf: &Path) -> usize {
    let fills = page_fill(&poppler("pdftotext", &["-bbox"], pdf));
    for (n, pair) in fills.windows(2).enumerate() {
        let ((landscape, fill, _), (next_landscape, _, next_annex)) = (pair[0], pair[1]);
        if landscape == next_landscape && !next_annex {
            assert!(
                fill >= 0.5,
                "page {} is {:.0}% empty",
                n + 1,
                (1.0 - fill) * 100.0
            );
        }
    }
    fills.len()
}

/// Each page of `pdftotext -bbox` output: whether it is landscape, how far down its text
/// reaches (0 to 1), and whether it starts an annex («Приложение №» among its first words).
#[cfg(feature = "pdf")]
fn page_fill(bbox: &str) -> Vec<(bool, f64, bool)> {
    let attr = |tag: &str, name: &str| -> f64 {
        let from = tag.find(&format!("{name}=\"")).expect("an attribute") + name.len() + 2;
        tag[from..tag[from..].find('"').expect("a closing quote") + from]
            .parse()
            .expect("a number")
    };
    bbox.split("<page ")
        .skip(1)
        .map(|page| {
            let (width, height) = (attr(page, "width"), attr(page, "height"));
            let words: Vec<&str> = page.split("<word ").skip(1).collect();
            let bottom = words.iter().map(|w| attr(w, "yMax")).fold(0.0, f64::max);
            let first: String = words
                .iter()
                .take(8)
                .filter_map(|w| w.split('>').nth(1)?.split('<').next())
                .collect::<Vec<_>>()
                .join(" ");
            (
                width > height,
                bottom / height,
                first.contains("Приложение №"),
            )
        })
        .collect()
}

/// `1234567.8` as the document prints thousands of roubles: `1 234 567,8`.
#[cfg(feature = "pdf")]
fn roubles(tenths: u64) -> String {
    let whole = (tenths / 10).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    format!("{grouped},{}", tenths % 10)
}

/// A real 13-year programme (2013–2025) with amounts of six and seven digits, approved: its
/// resources table is split by years rather than squeezed, so every amount reads whole on its
/// source's line, in year order; no page says «ПРОЕКТ»; the text is set in Liberation Serif;
/// no page is more than half empty.
#[cfg(feature = "pdf")]
#[test]
fn a_thirteen_year_programme_prints_every_amount_whole() {
    let p = Project::base();
    let years = 2013..=2025_u64;
    let series = |start: u64, step: u64| -> Vec<u64> {
        years.clone().map(|y| start + step * (y - 2013)).collect()
    };
    let yaml = |tenths: &[u64]| {
        let items: Vec<String> = years
            .clone()
            .zip(tenths)
            .map(|(y, t)| format!("{y}: {}.{}", t / 10, t % 10))
            .collect();
        format!("{{{}}}", items.join(", "))
    };
    let (grants, budget) = (series(12_345_678, 1_111_111), series(4_567_895, 123_456));
    p.edit(
        "programme.yaml",
        "status: draft",
        "status: approved\napproval: {by: постановлением Администрации, date: 2013-02-10, number: 1}",
    );
    p.edit(
        "programme.yaml",
        "{from: 2027, to: 2028}",
        "{from: 2013, to: 2025}",
    );
    for _ in 0..2 {
        p.edit("session.yaml", "2026-11-28", "2012-11-28");
    }
    p.edit("steps/partnership.yaml", "by 2027-06-01", "by 2013-06-01");
    p.edit(
        "steps/training.yaml",
        "{2027: 300.0, 2028: 320.0}",
        &yaml(&grants),
    );
    p.edit("steps/training.yaml", "{2027: 120.0}", &yaml(&budget));
    p.edit("steps/training.yaml", "2027-Q3..Q4", "2013..2025");
    p.edit("indicators.yaml", "year: 2026", "year: 2012");
    p.edit("indicators.yaml", "year: 2026", "year: 2012");
    let targets: Vec<String> = years
        .clone()
        .map(|y| format!("{y}: {}", y - 2000))
        .collect();
    let targets = format!("{{{}}}", targets.join(", "));
    p.edit("indicators.yaml", "{2027: 100, 2028: 120}", &targets);
    p.edit("indicators.yaml", "{2027: 6, 2028: 12}", &targets);
    build(&p, "pdf");
    let pdf = p.root().join("out/programme.pdf");

    let layout: String = poppler("pdftotext", &["-layout"], &pdf)
        .replace('\u{ad}', "")
        .chars()
        .map(|c| {
            if c.is_whitespace() && c != '\n' {
                ' '
            } else {
                c
            }
        })
        .collect();
    assert!(
        !layout.contains("ПРОЕКТ"),
        "an approved programme marked «ПРОЕКТ»"
    );
    let section = &layout[layout
        .rfind("Объёмы финансирования")
        .expect("the resources table")..];
    let section = &section[..section
        .find("8. ")
        .expect("the section after the resources")];
    // The amounts of a row, read off every line that starts with its source, across the parts.
    let row = |source: &str| -> String {
        let amounts: Vec<&str> = section
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix(source))
            .flat_map(str::split_whitespace)
            .collect();
        amounts.join(" ")
    };
    let total: Vec<u64> = grants.iter().zip(&budget).map(|(g, b)| g + b).collect();
    for (source, tenths) in [
        ("гранты", &grants),
        ("областной бюджет", &budget),
        ("Итого", &total),
    ] {
        let mut want: Vec<String> = tenths.iter().map(|t| roubles(*t)).collect();
        want.push(roubles(tenths.iter().sum()));
        assert_eq!(
            row(source),
            want.join(" "),
            "the row «{source}» in:\n{section}"
        );
    }
    for year in years {
        assert!(
            section.contains(&format!("{year} год")),
            "no column {year}:\n{section}"
        );
    }

    let fonts = poppler("pdffonts", &[], &pdf);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains("LiberationSerif")),
        "a font other than Liberation Serif:\n{fonts}"
    );
    // Its short contents share their page with the text.
    assert!(no_page_half_empty(&pdf) > 5);
}
