//! Long texts in the Markdown subset: lists, emphasis and links printed as such in every format,
//! and whatever else they hold (HTML, `javascript:` links, Typst markup) printed as text.

#[cfg(feature = "pdf")]
use std::process::Command;

use proptest::prelude::*;

use crate::common::Project;

#[cfg(feature = "pdf")]
const ALL: &str = "md,html,pdf";
#[cfg(not(feature = "pdf"))]
const ALL: &str = "md,html";

/// An injection in a list item: HTML, a `javascript:` link and Typst markup.
const INJECTION: &str = "<script>alert(1)</script> [a](javascript:b) #set page(width: 1cm) $x$ @z";

/// The `context` the tests write: a paragraph with emphasis and a link, a bulleted list whose
/// last item is [`INJECTION`], and a numbered list.
fn context() -> String {
    format!(
        "context: |\n  Организации *невелики* и **разрознены**, см. [отчёт](https://example.org/otchet).\n\n  - нет обученных сотрудников;\n  - нет *партнёров* среди органов власти;\n  - {INJECTION}\n\n  3. Первое.\n  4. Второе.\n\n"
    )
}

/// The base programme with [`context`] and a step description made of a paragraph and a list.
fn project() -> Project {
    let p = Project::base();
    let path = p.root().join("programme.yaml");
    let yaml = std::fs::read_to_string(&path).expect("programme.yaml");
    let from = yaml.find("context: |\n").expect("a context");
    let to = yaml.find("implementation:").expect("an implementation");
    let yaml = format!("{}{}{}", &yaml[..from], context(), &yaml[to..]);
    std::fs::write(&path, yaml).expect("write");
    let steps = p.root().join("steps/training.yaml");
    let yaml = std::fs::read_to_string(&steps).expect("steps");
    let yaml = yaml.replacen(
        "  description: Пятидневная школа для сотрудников и добровольцев некоммерческих организаций.\n",
        "  description: |\n    Пятидневная школа, *очно*:\n\n    - управление проектами;\n    - **отчётность**.\n",
        1,
    );
    std::fs::write(&steps, yaml).expect("write");
    p
}

fn output(p: &Project, file: &str) -> String {
    let path = p.root().join("out").join(file);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .replace('\u{a0}', " ")
}

#[test]
fn lists_and_emphasis_in_every_format() {
    let p = project();
    let run = p.run(&["build", "--format", ALL, "--out", "out"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.report());
    let check = p.check(&[]);
    assert!(
        !check.stderr.contains("markdown-dropped"),
        "the subset is not reported:\n{}",
        check.stderr
    );

    let md = output(&p, "programme.md");
    for want in [
        "Организации *невелики* и **разрознены**, см. [отчёт](https://example.org/otchet).\n\n- нет обученных сотрудников;\n- нет *партнёров* среди органов власти;\n- \\<script\\>alert(1)\\</script\\> \\[a\\](javascript:b) \\#set page(width: 1cm) $x$ @z\n\n3. Первое.\n4. Второе.\n",
        "- 1.1. Пятидневная школа, *очно*:\n\n  - управление проектами;\n  - **отчётность**.\n",
    ] {
        assert!(md.contains(want), "no\n{want}\nin\n{md}");
    }

    let html = output(&p, "programme.html");
    for want in [
        "<em>невелики</em>",
        "<strong>разрознены</strong>",
        "<a href=\"https://example.org/otchet\">отчёт</a>",
        "<li>&lt;script&gt;alert(1)&lt;/script&gt; [a](javascript:b) #set page(width: 1cm) $x$ @z</li>",
        "<ol start=\"3\">",
        "<li><strong>отчётность</strong>.</li>",
    ] {
        assert!(html.contains(want), "no {want} in\n{html}");
    }
    assert!(!html.contains("<script>"), "a script tag reached the HTML");
    assert!(
        !html.contains("javascript:b\""),
        "a javascript: link reached the HTML"
    );

    #[cfg(feature = "pdf")]
    {
        let pdf = p.root().join("out/programme.pdf");
        let out = Command::new("pdftotext")
            .args(["-raw"])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext (apt-get install poppler-utils)");
        let text = String::from_utf8_lossy(&out.stdout)
            .replace("\u{ad}\n", "")
            .replace('\u{ad}', "")
            .replace(['\u{a0}', '\n'], " ");
        for want in [
            "Организации невелики и разрознены, см. отчёт.",
            "• нет обученных сотрудников;",
            INJECTION,
            "3. Первое. 4. Второе.",
            "1.1. Пятидневная школа, очно: ‣ управление проектами; ‣ отчётность.",
        ] {
            assert!(text.contains(want), "the PDF has no `{want}`:\n{text}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever a long text holds, the HTML has no element or attribute that came from it: no
    /// tag other than those of the subset, no `javascript:`, no event handler.
    #[test]
    fn any_long_text_makes_no_raw_html(
        text in "([-*#>`<>/=\"'\\[\\]()!: \\n1.a-zа-я]|<script>|<img src=x onerror=y>|javascript:|https://x\\.ru){0,40}"
    ) {
        let p = Project::base();
        let path = p.root().join("programme.yaml");
        let yaml = std::fs::read_to_string(&path).expect("programme.yaml");
        let from = yaml.find("context: |\n").expect("a context");
        let to = yaml.find("implementation:").expect("an implementation");
        let quoted = serde_json::to_string(&format!("Текст. {text}")).expect("JSON");
        let yaml = format!("{}context: {quoted}\n{}", &yaml[..from], &yaml[to..]);
        std::fs::write(&path, yaml).expect("write");
        let run = p.run(&["build", "--format", "md,html", "--out", "out"]);
        prop_assert_eq!(run.code, 0, "build failed:\n{}", run.report());
        let html = output(&p, "programme.html");
        let start = html.find("Текст.").expect("the context");
        let end = start + html[start..].find("</section>").unwrap_or(html.len() - start);
        let section = &html[start..end];
        for tag in section.split('<').skip(1).filter_map(|t| t.split('>').next()) {
            let tag = tag.to_lowercase();
            let name = tag.trim_start_matches('/').split_whitespace().next().unwrap_or("");
            prop_assert!(
                !matches!(name, "script" | "img" | "iframe" | "style" | "object"),
                "`{}` from the text in\n{}", name, section
            );
            // No event handler; a link only to http(s) (an autolinked `https://x.rujavascript:`
            // is an https link).
            prop_assert!(!tag.contains(" on"), "an attribute from the text in\n{}", section);
            if let Some(at) = tag.find("href=\"") {
                let url = &tag[at + 6..];
                prop_assert!(
                    url.starts_with("https://") || url.starts_with("http://"),
                    "a link to `{}` in\n{}", url, section
                );
            }
        }
    }
}
