//! The interface language: nothing English is printed under Russian. Every Russian snapshot
//! (see [`is_russian_snapshot`]) is scanned for Latin
//! words; those allowed are the data (ids, keys and values of the fixtures and bundled
//! programmes, text inside «ёлочки», the source lines of a snippet, paths, flags) and a short
//! list of names that stay as they are (commands, formats, variables).

use std::collections::BTreeSet;

use crate::common;

/// Names printed as they are in every language: the tool, its commands and formats, file
/// kinds and the variables of the environment.
const NAMES: &[&str] = &[
    "nko",
    "draft",
    "Markdown",
    "HTML",
    "PDF",
    "DOCX",
    "YAML",
    "JSON",
    "UTF",
    "Fluent",
    "Typst",
    "Tera",
    "CI",
    "GitHub",
    "Unicode",
    "KiB",
    "MiB",
    "B",
    "check",
    "build",
    "init",
    "templates",
    "diff",
    "watch",
    "since",
    "git",
    "HEAD",
    "add",
    "step",
    "proposal",
    "participant",
    "help",
    "human",
    "short",
    "json",
    "github",
    "Actions",
    "bash",
    "zsh",
    "fish",
    "PowerShell",
    "powershell",
    "completions",
    "man",
    "schema",
    // VS Code, the editor `schema` is for (its name, not an English word).
    "Code",
    "md",
    "html",
    "pdf",
    "yaml",
    "yml",
    "ru",
    "en",
    "auto",
    "always",
    "never",
    "git",
    "by",
    "typ",
    "ftl",
];

/// Every word made of Latin letters in the data a Russian message may quote: the YAML keys and
/// values of the fixtures, the bundled programme and the examples (comments left out: they are
/// prose, not data), the built-in templates' file names, and the keys, values and codes of the
/// input format (its documentation's `code spans`).
fn data_words() -> BTreeSet<String> {
    let repo = common::repo();
    let mut words: BTreeSet<String> = NAMES.iter().map(|w| (*w).to_owned()).collect();
    let doc = std::fs::read_to_string(repo.join("docs/input-format.md")).expect("the input format");
    for span in doc.split('`').skip(1).step_by(2) {
        words.extend(latin_words(span));
    }
    let mut stack = vec![
        repo.join("tests/fixtures"),
        repo.join("programme"),
        repo.join("examples"),
        repo.join("templates"),
    ];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            words.extend(latin_words(&name.unwrap_or_default()));
            if !matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            ) {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            for line in text.lines() {
                let data = match line.find(" #") {
                    Some(at) => &line[..at],
                    None if line.trim_start().starts_with('#') => "",
                    None => line,
                };
                words.extend(latin_words(data));
            }
        }
    }
    words
}

fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The Latin words of `report` that are neither data nor allowed names.
fn english_in(report: &str, allowed: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    for line in report.lines() {
        let trimmed = line.trim_start();
        // The frame of a snapshot (`exit code: 1`, `--- stderr`), and an id printed alone.
        if trimmed.starts_with("exit code:")
            || trimmed.starts_with("--- std")
            || !trimmed.is_empty() && !trimmed.contains(char::is_whitespace) && trimmed.is_ascii()
        {
            continue;
        }
        // An example command: what is typed, up to the two spaces before its description.
        let line = match trimmed
            .strip_prefix("$ ")
            .unwrap_or(trimmed)
            .strip_prefix("nko-draft ")
        {
            Some(rest) => rest.split_once("  ").map_or("", |(_, said)| said),
            None => line,
        };
        // A snippet's source lines, the caret line with its YAML path, and the location line
        // show the file, not a message.
        let is_snippet = trimmed.starts_with("-->")
            || trimmed.starts_with('|')
            || trimmed
                .split_once(" |")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if is_snippet {
            continue;
        }
        let mut quoted = 0usize;
        for token in line.split_whitespace() {
            let opens = token.matches('«').count();
            let closes = token.matches('»').count();
            let inside = quoted > 0 || opens > 0;
            quoted = (quoted + opens).saturating_sub(closes);
            if inside {
                continue;
            }
            let bare = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            // Paths, flags, ids with digits or separators, variables and value names.
            let is_data_shaped = bare.starts_with('-')
                || token.contains(['/', '.', '_', '=', '[', '<', '$', '`', '@'])
                    && !token.ends_with('.')
                || bare.chars().any(|c| c.is_ascii_digit())
                || bare.contains('-')
                || bare.chars().all(|c| !c.is_lowercase());
            if is_data_shaped {
                continue;
            }
            for word in latin_words(bare) {
                if !allowed.contains(&word) {
                    found.push(word);
                }
            }
        }
    }
    found
}

/// A snapshot of Russian output: its name (after the test module's `it__<module>__`) ends in
/// `-ru` or `@ru`, starts with `ru-`, or holds `-ru-`.
fn is_russian_snapshot(file: &str) -> bool {
    let stem = file.strip_suffix(".snap").unwrap_or(file);
    let name = stem.rsplit("__").next().unwrap_or(stem);
    name.ends_with("-ru")
        || name.ends_with("@ru")
        || name.starts_with("ru-")
        || name.contains("-ru-")
        || name.contains("-ru@")
}

/// The content of a snapshot: what follows its `---` header.
fn snapshot_body(text: &str) -> &str {
    text.splitn(3, "---\n").nth(2).unwrap_or(text)
}

#[test]
fn russian_snapshots_print_no_english() {
    let dir = common::repo().join("tests/it/snapshots");
    let allowed = data_words();
    let mut scanned = 0;
    let mut leaks = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/it/snapshots")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".snap") && is_russian_snapshot(n))
        .collect();
    names.sort();
    for name in names {
        let text = std::fs::read_to_string(dir.join(&name)).expect("a snapshot");
        scanned += 1;
        let english = english_in(snapshot_body(&text), &allowed);
        if !english.is_empty() {
            leaks.push(format!("{name}: {english:?}"));
        }
    }
    assert!(scanned >= 20, "only {scanned} Russian snapshots found");
    assert!(
        leaks.is_empty(),
        "English under --lang ru:\n{}",
        leaks.join("\n")
    );
}

/// The scan finds English in a Russian report and passes data, paths and snippets.
#[test]
fn the_scan_tells_english_from_data() {
    let allowed: BTreeSet<String> = ["crdi", "responsible", "check"]
        .iter()
        .map(|w| (*w).to_owned())
        .collect();
    let russian = "ошибка: неизвестная организация «crdj centre»\n \
                   --> programme/steps/x.yaml:4:16\n  |\n4 |   responsible: crdj\n  \
                   |                ^^^^ steps[0].responsible\n  = подсказка: возможно, \
                   имелось в виду «crdi»? ключ responsible, флаг --responsible, \
                   nko-draft check, 2027-Q3\n";
    assert_eq!(english_in(russian, &allowed), Vec::<String>::new());
    let mixed = "ошибка: unknown organisation «crdj»\n  = hint: did you mean crdi?\n";
    assert_eq!(
        english_in(mixed, &allowed),
        ["unknown", "organisation", "hint", "did", "you", "mean"]
    );
    assert!(is_russian_snapshot("it__check__tab-indent-ru.snap"));
    assert!(is_russian_snapshot("it__help__add-step@ru.snap"));
    assert!(is_russian_snapshot("it__help__ru-add-step.snap"));
    assert!(is_russian_snapshot("it__help__error-ru-missing-value.snap"));
    assert!(!is_russian_snapshot(
        "it__build__markdown@examples-russian.snap"
    ));
    assert!(!is_russian_snapshot("it__check__truncated.snap"));
}
