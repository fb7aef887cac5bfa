//! Typography over the text of every output format of the bundled programme: no line ends in a
//! one-letter word or in the first half of an abbreviation pair, no personal name, date or
//! heading is hyphenated at a line break, and dashes have one style.
//!
//! Markdown and HTML do not decide their own line breaks (the reader's screen does), so there
//! the test checks what makes a break impossible: a no-break space after every one-letter word
//! and inside every abbreviation pair. The PDF does decide them, so its text (`pdftotext
//! -layout`, one line of a table cell per column segment) is checked line by line.

#![cfg_attr(not(feature = "pdf"), allow(dead_code))]

use std::path::Path;

use crate::common::Project;

const NBSP: char = '\u{a0}';
const SOFT_HYPHEN: char = '\u{ad}';
const ONE_LETTER: &str = "вскиоуаяВСКИОУАЯ";
const MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// The text of the HTML page as a reader gets it: without the style sheet and the tags, with
/// the entities for spaces and dashes decoded.
fn html_text(html: &str) -> String {
    let body = match (html.find("</style>"), html.find("<body")) {
        (_, Some(b)) => &html[b..],
        (Some(s), None) => &html[s..],
        (None, None) => html,
    };
    let mut out = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push('\n');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", "\u{a0}")
        .replace("&#160;", "\u{a0}")
        .replace("&ndash;", "–")
        .replace("&mdash;", "—")
        .replace("&amp;", "&")
}

/// The places in `text` where a one-letter word is followed by a breakable space.
fn loose_one_letter_words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for i in 0..chars.len() {
        let word_alone = ONE_LETTER.contains(chars[i])
            && i.checked_sub(1)
                .is_none_or(|p| chars[p].is_whitespace() || "(«„\"".contains(chars[p]))
            && chars.get(i + 1) == Some(&' ');
        if word_alone {
            found.push(context(&chars, i));
        }
    }
    found
}

/// The abbreviation pairs (two capitalised words, the first of two to five letters) of `text`
/// that are joined by a breakable space.
fn loose_pairs(text: &str) -> Vec<String> {
    pairs(text, ' ')
        .into_iter()
        .map(|(a, b)| format!("{a} {b}"))
        .collect()
}

/// Pairs of all-capital words joined by `joiner`: «СО» and «НКО».
fn pairs(text: &str, joiner: char) -> Vec<(String, String)> {
    let words: Vec<&str> = text.split(joiner).collect();
    let mut found = Vec::new();
    for w in words.windows(2) {
        let first = w[0]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        let second: String = w[1].chars().take_while(|c| c.is_alphabetic()).collect();
        let caps = |s: &str| s.chars().all(char::is_uppercase);
        let ends_word = w[0].ends_with(first) && !first.is_empty();
        if ends_word
            && (2..=5).contains(&first.chars().count())
            && caps(first)
            && second.chars().count() >= 2
            && caps(&second)
            && !w[1][second.len()..].starts_with(char::is_lowercase)
        {
            found.push((first.to_owned(), second));
        }
    }
    found
}

/// Dashes of the wrong style: a hyphen or an en dash with spaces around between words (a list
/// item's `- ` starts a line, an empty cell's `| – |` has no word around).
fn wrong_dashes(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for i in 2..chars.len().saturating_sub(2) {
        let word = |c: char| c.is_alphanumeric() || ",.»)".contains(c);
        if matches!(chars[i], '-' | '–')
            && matches!(chars[i - 1], ' ' | NBSP)
            && matches!(chars[i + 1], ' ' | NBSP)
            && word(chars[i - 2])
            && (chars[i + 2].is_alphanumeric() || chars[i + 2] == '«')
        {
            found.push(context(&chars, i));
        }
    }
    found
}

fn context(chars: &[char], i: usize) -> String {
    let from = i.saturating_sub(30);
    let to = (i + 30).min(chars.len());
    chars[from..to].iter().collect()
}

/// The lines of the PDF's text, each column of a table on its own: `pdftotext -layout` puts the
/// cells of a row side by side with two or more spaces between them.
fn pdf_segments(text: &str) -> Vec<String> {
    text.lines()
        .flat_map(|line| line.split("  ").map(str::trim).filter(|s| !s.is_empty()))
        .map(str::to_owned)
        .collect()
}

/// `pdftotext -layout` of `pdf`.
fn pdftotext(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run pdftotext ({e}): install poppler-utils (apt-get install poppler-utils)"
            )
        });
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The word a line ends with, and whether it ends hyphenated (the word goes on next line).
fn last_word(segment: &str) -> (&str, bool) {
    let word = segment.rsplit([' ', NBSP]).next().unwrap_or_default();
    match word
        .strip_suffix(SOFT_HYPHEN)
        .or_else(|| word.strip_suffix('-'))
    {
        Some(head) => (head, true),
        None => (word, false),
    }
}

/// The participants' names and the headings of the Markdown: what the PDF must not hyphenate.
fn names_and_headings(md: &str) -> (Vec<String>, Vec<String>) {
    let mut names = Vec::new();
    let mut in_participants = false;
    for line in md.lines() {
        if line.starts_with('#') {
            in_participants = line.contains("Список участников");
        }
        if in_participants && line.starts_with("| ") {
            let cells: Vec<&str> = line.split(" | ").collect();
            if let Some(name) = cells.get(1)
                && cells[0].trim_start_matches("| ").parse::<u32>().is_ok()
                && !name.starts_with("представитель")
            {
                names.push((*name).to_owned());
            }
        }
    }
    let headings = md
        .lines()
        .filter_map(|l| l.strip_prefix("## ").or_else(|| l.strip_prefix("### ")))
        .map(str::to_owned)
        .collect();
    (names, headings)
}

#[test]
fn every_format_of_the_bundled_programme_is_typeset() {
    let p = Project::repo_copy("programme");
    let run = p.run(&["build", "--out", "out"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.report());
    let out = p.root().join("out");
    let read = |name: &str| std::fs::read_to_string(out.join(name)).expect(name);
    let md = read("programme.md");
    let html = html_text(&read("programme.html"));

    for (format, text) in [("Markdown", &md), ("HTML", &html)] {
        let loose = loose_one_letter_words(text);
        assert!(
            loose.is_empty(),
            "{format}: one-letter words that may end a line: {loose:#?}"
        );
        let loose = loose_pairs(text);
        assert!(
            loose.is_empty(),
            "{format}: abbreviation pairs that may break: {loose:#?}"
        );
        let wrong = wrong_dashes(text);
        assert!(
            wrong.is_empty(),
            "{format}: dashes of another style: {wrong:#?}"
        );
    }
    // The pairs the PDF must keep together are the document's own.
    let firsts: Vec<String> = pairs(&md, NBSP).into_iter().map(|(a, _)| a).collect();
    assert!(firsts.iter().any(|a| a == "СО"), "{firsts:?}");

    #[cfg(feature = "pdf")]
    {
        let text = pdftotext(&out.join("programme.pdf"));
        let segments = pdf_segments(&text);
        let (names, headings) = names_and_headings(&md);
        assert!(names.len() >= 3, "{names:?}");
        let name_words: Vec<&str> = names
            .iter()
            .flat_map(|n| n.split([' ', NBSP, '-']))
            .filter(|w| w.chars().count() > 2)
            .collect();
        let mut problems = Vec::new();
        for s in &segments {
            let (word, hyphenated) = last_word(s);
            let bare = word.trim_start_matches(|c: char| "(«„".contains(c));
            if !hyphenated && bare.chars().count() == 1 && ONE_LETTER.contains(bare) {
                problems.push(format!("ends in a one-letter word: {s}"));
            }
            if !hyphenated && firsts.iter().any(|a| a == bare) {
                problems.push(format!(
                    "ends in the first half of an abbreviation pair: {s}"
                ));
            }
            if hyphenated && bare.chars().count() >= 2 {
                if name_words.iter().any(|w| {
                    w.starts_with(bare) && *w != bare && bare.starts_with(char::is_uppercase)
                }) {
                    problems.push(format!("a name is hyphenated: {s}"));
                }
                let before = s.rsplit_once([' ', NBSP]).map_or("", |(b, _)| b).trim_end();
                if before.ends_with(|c: char| c.is_ascii_digit())
                    && MONTHS.iter().any(|m| m.starts_with(bare) && *m != bare)
                {
                    problems.push(format!("a date is hyphenated: {s}"));
                }
            }
            if s.contains(" - ") || s.contains(" – ") {
                let wrong = wrong_dashes(s);
                if !wrong.is_empty() {
                    problems.push(format!("a dash of another style: {s}"));
                }
            }
        }
        // A heading (in the contents or in the body) broken inside a word.
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        for h in &headings {
            let h: Vec<char> = h.chars().filter(|c| !c.is_whitespace()).collect();
            for k in 1..h.len() {
                if h[k - 1].is_alphabetic() && h[k].is_alphabetic() {
                    let broken: String =
                        h[..k].iter().chain(&[SOFT_HYPHEN]).chain(&h[k..]).collect();
                    if squeezed.contains(&broken) {
                        problems.push(format!("a heading is hyphenated: {broken}"));
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}\n{text}");
    }
}

/// The smallest programme prints mostly the tool's own texts (the built-in section 8, labels):
/// they are typeset like the user's.
#[test]
fn the_built_in_texts_are_typeset() {
    let p = Project::repo_copy("examples/minimal");
    let run = p.run(&["build", "--format", "md,html", "--out", "out"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.report());
    let out = p.root().join("out");
    let read = |name: &str| std::fs::read_to_string(out.join(name)).expect(name);
    for (format, text) in [
        ("Markdown", read("programme.md")),
        ("HTML", html_text(&read("programme.html"))),
    ] {
        let loose = loose_one_letter_words(&text);
        assert!(
            loose.is_empty(),
            "{format}: one-letter words that may end a line: {loose:#?}"
        );
        let wrong = wrong_dashes(&text);
        assert!(
            wrong.is_empty(),
            "{format}: dashes of another style: {wrong:#?}"
        );
    }
}

#[test]
fn the_checks_find_what_they_look_for() {
    assert_eq!(loose_one_letter_words("работа в Курске").len(), 1);
    assert!(loose_one_letter_words("работа в\u{a0}Курске, пункт а)").is_empty());
    assert_eq!(loose_pairs("для СО НКО региона"), ["СО НКО"]);
    assert!(loose_pairs("для СО\u{a0}НКО, АСИ Курской").is_empty());
    assert_eq!(wrong_dashes("НКО - это, 2027 – 2029").len(), 2);
    assert!(wrong_dashes("пункт\n- пункт").is_empty());
    assert!(wrong_dashes("НКО\u{a0}— это, 2027–2029, | – |, НКО-СОКРАТ").is_empty());
    assert_eq!(last_word("работники и добро\u{ad}"), ("добро", true));
    assert_eq!(last_word("Курской области и"), ("и", false));
    assert_eq!(
        html_text("<style>a - b</style><body><p>в&nbsp;Курске</p></body>"),
        "\n\nв\u{a0}Курске\n\n"
    );
    let md = "## Приложение № 1. Список участников\n\n| № | ФИО |\n|---|---|\n| 1 | Ларина Ольга Григорьевна | x |\n| 2 | представитель АСИ | y |\n";
    let (names, headings) = names_and_headings(md);
    assert_eq!(names, ["Ларина Ольга Григорьевна"]);
    assert_eq!(headings, ["Приложение № 1. Список участников"]);
}
