//! Abbreviations: the all-caps words of the programme's texts (`СМИ`), which the list of
//! abbreviations must explain, and the texts they are looked for in.

use std::collections::{HashMap, HashSet};

use crate::load::{FileId, Input};
use crate::yaml::{Pos, YamlPath};

/// A word of a text as the scan sees it: its byte offset and the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token<'a> {
    word: &'a str,
    /// Its byte offset in the text.
    at: usize,
    /// Inside quotes («…», „…“, “…”, "…"): part of a name, not to be explained.
    quoted: bool,
}

/// Hyphens that join the parts of a word (`НКО-СОКРАТ`, `7‑ФЗ`).
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// The words of `text` in order, each with whether it stands inside quotes.
fn tokens<'a>(text: &'a str) -> Vec<Token<'a>> {
    let mut out: Vec<Token<'a>> = Vec::new();
    // The closing quote each open quote waits for, innermost last.
    let mut open: Vec<char> = Vec::new();
    let mut start: Option<usize> = None;
    let push = |out: &mut Vec<Token<'a>>, s: usize, e: usize, quoted: bool| {
        let raw = &text[s..e];
        let word = raw.trim_start_matches(is_hyphen);
        let at = s + (raw.len() - word.len());
        let word = word.trim_end_matches(is_hyphen);
        if !word.is_empty() {
            out.push(Token { word, at, quoted });
        }
    };
    for (i, c) in text.char_indices() {
        if crate::locale::is_alphanumeric(c) || is_hyphen(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push(&mut out, s, i, !open.is_empty());
        }
        match c {
            '«' => open.push('»'),
            '„' => open.push('“'),
            '»' | '”' | '“' | '"' if open.last() == Some(&c) => {
                open.pop();
            }
            '“' => open.push('”'),
            '"' => open.push('"'),
            _ => {}
        }
    }
    if let Some(s) = start {
        push(&mut out, s, text.len(), !open.is_empty());
    }
    out
}

/// True when two capitals stand together in `text`, or with only hyphens between them: an
/// abbreviation (two or more capitals, and nothing else but hyphens) cannot be written without,
/// and most texts have none, so their words need not be looked at.
fn has_capitals_together(text: &str) -> bool {
    let mut after_capital = false;
    for c in text.chars() {
        if is_hyphen(c) {
            continue;
        }
        let capital = crate::locale::is_uppercase(c);
        if capital && after_capital {
            return true;
        }
        after_capital = capital;
    }
    false
}

/// True for a Roman numeral written in Latin capitals (`II`, `XIV`).
fn is_roman(word: &str) -> bool {
    word.chars().all(|c| "IVXLCDM".contains(c))
}

/// True for an abbreviation: two or more letters, all capitals, no digit (a word with a digit
/// is a code or an id: `7-ФЗ`, `COVID-19`), not a Roman numeral.
fn is_abbreviation(word: &str) -> bool {
    // Most words fail at their first small letter: that is checked before the letters are
    // counted.
    word.chars()
        .all(|c| crate::locale::is_uppercase(c) || (is_hyphen(c) && !word.starts_with(c)))
        && word
            .chars()
            .filter(|c| crate::locale::is_alphabetic(*c))
            .count()
            >= 2
        && !is_roman(&word.replace(is_hyphen, ""))
}

/// Abbreviations that are explained, of one word (`СМИ`) or several (`СО НКО`), by their first
/// word, so that a text is scanned once whatever the number of organisations.
#[derive(Debug, Default)]
pub(crate) struct Known {
    /// The abbreviations (as words) that start with each word, longest first.
    by_first: HashMap<String, Vec<Vec<String>>>,
    /// Every first word has two capitals together (`СО`, `НКО-СОКРАТ`; not `Точка`): a text
    /// without can hold none of them.
    all_capitals: bool,
}

impl Known {
    /// The set of these abbreviations.
    pub(crate) fn new(list: impl IntoIterator<Item = Vec<String>>) -> Known {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for words in list {
            if let Some(first) = words.first() {
                let all = by_first.entry(first.clone()).or_default();
                if !all.contains(&words) {
                    all.push(words);
                }
            }
        }
        for all in by_first.values_mut() {
            all.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        let all_capitals = by_first.keys().all(|w| has_capitals_together(w));
        Known {
            by_first,
            all_capitals,
        }
    }

    /// The longest abbreviation that the words from `i` spell, if any.
    fn at<'k>(&'k self, toks: &[Token<'_>], i: usize) -> Option<&'k [String]> {
        self.by_first.get(toks[i].word)?.iter().find_map(|k| {
            let ws = toks.get(i..i + k.len())?;
            ws.iter()
                .zip(k)
                .all(|(w, k)| w.word == k.as_str())
                .then_some(k.as_slice())
        })
    }

    /// True when `word` alone is an abbreviation of the list.
    fn single(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|all| all.iter().any(|k| k.len() == 1))
    }
}

/// The abbreviations of `known` that the texts use outside quotes.
pub(crate) fn used<'k>(texts: &[&str], known: &'k Known) -> HashSet<&'k [String]> {
    let mut out = HashSet::new();
    for text in texts {
        if known.all_capitals && !has_capitals_together(text) {
            continue;
        }
        let toks = tokens(text);
        for i in 0..toks.len() {
            if !toks[i].quoted
                && let Some(k) = known.at(&toks, i)
            {
                out.insert(k);
            }
        }
    }
    out
}

/// The abbreviations `text` uses outside quotes that `known` lacks, in order, each once.
/// An abbreviation of several words counts where its words stand together, and only there.
#[cfg(test)]
fn unknown<'t>(text: &'t str, known: &Known) -> Vec<&'t str> {
    unknown_at(text, known)
        .into_iter()
        .map(|(w, _)| w)
        .collect()
}

/// [`unknown`], with the byte offset in `text` where each is first used.
pub(crate) fn unknown_at<'t>(text: &'t str, known: &Known) -> Vec<(&'t str, usize)> {
    if !has_capitals_together(text) {
        return Vec::new();
    }
    let toks = tokens(text);
    let mut out: Vec<(&str, usize)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if t.quoted {
            i += 1;
            continue;
        }
        if let Some(k) = known.at(&toks, i) {
            i += k.len();
            continue;
        }
        // A word with lower-case parts (`ИТ-специалист`) is checked part by part.
        let parts: Vec<&str> = if is_abbreviation(t.word) {
            vec![t.word]
        } else if t.word.chars().any(|c| c.is_ascii_digit()) {
            Vec::new()
        } else {
            t.word.split(is_hyphen).collect()
        };
        for part in parts {
            if is_abbreviation(part) && !known.single(part) && !out.iter().any(|(w, _)| *w == part)
            {
                // A part is a subslice of the word, which is one of the text.
                let at = t.at + (part.as_ptr() as usize - t.word.as_ptr() as usize);
                out.push((part, at));
            }
        }
        i += 1;
    }
    out
}

/// Where the `nth` use (from 0) of `word` in a value starting at `value` stands in the file's
/// `text`, as a line and a column in characters: found by searching the file from the value,
/// since a scalar's text may differ from what is written (folded lines, quotes).
pub(crate) fn locate(text: &str, value: Pos, word: &str, nth: usize) -> Option<Pos> {
    let line_start = if value.line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(value.line as usize - 2)
            .map(|(i, _)| i + 1)?
    };
    let from = line_start
        + text[line_start..]
            .char_indices()
            .nth(value.col.saturating_sub(1) as usize)
            .map(|(i, _)| i)?;
    let (found, _) = text[from..].match_indices(word).nth(nth)?;
    let at = from + found;
    let line = text[..at].matches('\n').count() + 1;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    Some(Pos {
        line: u32::try_from(line).ok()?,
        col: u32::try_from(text[start..at].chars().count() + 1).ok()?,
    })
}

/// The words of an abbreviation as the scan compares them (`СО НКО` → `[СО, НКО]`).
pub(crate) fn words_of(short: &str) -> Vec<String> {
    tokens(short)
        .into_iter()
        .map(|t| t.word.to_owned())
        .collect()
}

/// The abbreviations the programme explains: organisations' short names and the
/// `abbreviations` of `programme.yaml`.
pub(crate) fn known(input: &Input) -> Known {
    let orgs = input
        .organisations
        .iter()
        .flat_map(|(_, l)| l.iter().filter_map(|o| o.short.as_deref()));
    let listed = input
        .programme
        .iter()
        .flat_map(|(_, p)| p.abbreviations.iter().map(|a| a.short.as_str()));
    Known::new(orgs.chain(listed).map(words_of))
}

/// Every text of the programme that the document prints, with where it is written, in the
/// order of the files.
pub(crate) fn texts(input: &Input) -> Vec<(FileId, YamlPath, &str)> {
    let mut out: Vec<(FileId, YamlPath, &str)> = Vec::new();
    if let Some((file, p)) = &input.programme {
        let root = input.path(*file);
        out.push((*file, root.key("title"), &p.title));
        if let Some(s) = &p.short_title {
            out.push((*file, root.key("short_title"), s));
        }
        for (key, list) in [
            ("legal_basis", &p.legal_basis),
            ("goals", &p.goals),
            ("expected_results", &p.expected_results),
        ] {
            for (i, s) in list.iter().enumerate() {
                out.push((*file, root.key(key).index(i), s));
            }
        }
        for (key, s) in [
            ("context", &p.context),
            ("implementation", &p.implementation),
        ] {
            if let Some(s) = s {
                out.push((*file, root.key(key), s));
            }
        }
        for (i, r) in p.risks.iter().enumerate() {
            let path = root.key("risks").index(i);
            out.push((*file, path.key("risk"), &r.risk));
            out.push((*file, path.key("mitigation"), &r.mitigation));
        }
    }
    if let Some((file, s)) = &input.session {
        let root = input.path(*file);
        out.push((*file, root.key("title"), &s.title));
        // `programme` is a name, printed in quotes.
        for (key, v) in [("venue", &s.venue), ("purpose", &s.purpose)] {
            if let Some(v) = v {
                out.push((*file, root.key(key), v));
            }
        }
        for (i, a) in s.agreements.iter().enumerate() {
            let path = root.key("agreements").index(i);
            out.push((*file, path.key("title"), &a.title));
            if let Some(subject) = &a.subject {
                out.push((*file, path.key("subject"), subject));
            }
        }
    }
    if let Some((file, list)) = &input.organisations {
        let root = input.path(*file);
        for (i, o) in list.iter().enumerate() {
            out.push((*file, root.index(i).key("name"), &o.name));
        }
    }
    if let Some((file, list)) = &input.participants {
        let root = input.path(*file);
        for (i, p) in list.iter().enumerate().filter(|(_, p)| p.publish) {
            if let Some(position) = &p.position {
                out.push((*file, root.index(i).key("position"), position));
            }
        }
    }
    for c in &input.cases {
        let root = input.path(c.file);
        out.push((c.file, root.key("title"), &c.case.title));
        out.push((c.file, root.key("task"), &c.case.task));
        if let Some(m) = &c.case.moderated_by {
            out.push((c.file, root.key("moderated_by"), m));
        }
        for (i, p) in c.case.problems.iter().enumerate() {
            out.push((c.file, root.key("problems").index(i).key("text"), &p.text));
        }
        for (i, p) in c.case.proposals.iter().enumerate() {
            let path = root.key("proposals").index(i);
            out.push((c.file, path.key("text"), &p.text));
            if let Some(reason) = &p.reason {
                out.push((c.file, path.key("reason"), reason));
            }
        }
    }
    if let Some((file, list)) = &input.indicators {
        let root = input.path(*file);
        for (i, ind) in list.iter().enumerate() {
            let path = root.index(i);
            out.push((*file, path.key("name"), &ind.name));
            for (key, v) in [("source", &ind.source), ("method", &ind.method)] {
                if let Some(v) = v {
                    out.push((*file, path.key(key), v));
                }
            }
        }
    }
    for sf in &input.steps {
        let root = input.path(sf.file);
        for (i, s) in sf.steps.iter().enumerate() {
            let path = root.index(i);
            out.push((sf.file, path.key("title"), &s.title));
            for (key, v) in [("description", &s.description), ("result", &s.result)] {
                if let Some(v) = v {
                    out.push((sf.file, path.key(key), v));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A text the shortcut passes over holds no abbreviation, whole or as a part.
        #[test]
        fn no_capitals_together_no_abbreviation(
            text in "[ АБВГДЕЁЖабвгдеёжABCIVXabc0-9«»\"„“-]{0,24}"
        ) {
            if !has_capitals_together(&text) {
                for t in tokens(&text) {
                    proptest::prop_assert!(!is_abbreviation(t.word), "{:?}", t.word);
                    for part in t.word.split(is_hyphen) {
                        proptest::prop_assert!(!is_abbreviation(part), "{:?}", part);
                    }
                }
            }
        }
    }

    fn known(list: &[&str]) -> Known {
        Known::new(list.iter().map(|s| words_of(s)))
    }

    #[test]
    fn finds_capitals_the_list_lacks() {
        let k = known(&["АСИ", "СО НКО"]);
        assert_eq!(
            unknown("Встречи АСИ с журналистами СМИ и ТВ, снова СМИ", &k),
            ["СМИ", "ТВ"]
        );
        assert_eq!(unknown("NGO and PDF", &k), ["NGO", "PDF"]);
        // One capital letter, or a word with lower-case letters, is not an abbreviation.
        assert!(unknown("В Курске Я и Мы, Москва", &k).is_empty());
    }

    #[test]
    fn an_abbreviation_of_several_words_counts_only_as_a_whole() {
        let k = known(&["СО НКО"]);
        assert!(unknown("поддержка СО НКО региона", &k).is_empty());
        assert!(unknown("поддержка СО\u{a0}НКО региона", &k).is_empty());
        assert_eq!(unknown("работа НКО", &k), ["НКО"]);
        let k = known(&["СО НКО", "НКО"]);
        assert!(unknown("СО НКО и НКО", &k).is_empty());
    }

    #[test]
    fn a_word_is_located_in_the_file() {
        let file = "a: 1\ntext: >-\n  «СМИ» и\n  СМИ тоже\n";
        let value = Pos { line: 3, col: 3 };
        assert_eq!(
            unknown_at("«СМИ» и СМИ тоже", &known(&[])),
            [("СМИ", "«СМИ» и ".len())]
        );
        assert_eq!(locate(file, value, "СМИ", 1), Some(Pos { line: 4, col: 3 }));
        assert_eq!(locate(file, value, "СМИ", 2), None);
    }

    #[test]
    fn used_finds_whole_abbreviations_outside_quotes() {
        let k = known(&["СО\u{a0}НКО", "АСИ", "ЦРОИ"]);
        let used = used(&["поддержка СО НКО", "поддержка НКО", "«АСИ»", "ЦРОИ"], &k);
        let mut used: Vec<String> = used.into_iter().map(|w| w.join(" ")).collect();
        used.sort();
        assert_eq!(used, ["СО НКО", "ЦРОИ"]);
    }

    #[test]
    fn roman_numerals_are_not_abbreviations() {
        let k = known(&[]);
        assert!(unknown("II квартал, IV–XII века, XXI век, MCMXCIV", &k).is_empty());
        // Cyrillic letters are never a numeral.
        assert_eq!(unknown("ХХ век", &k), ["ХХ"]);
    }

    #[test]
    fn ids_and_codes_with_digits_are_skipped() {
        let k = known(&[]);
        assert!(unknown("Федеральный закон № 7-ФЗ, 44‑ФЗ, COVID-19, ISO9001, i1", &k).is_empty());
        // A hyphenated word of capitals is one abbreviation; a part of a mixed word is checked.
        assert_eq!(unknown("программа НКО-СОКРАТ", &k), ["НКО-СОКРАТ"]);
        assert_eq!(unknown("ИТ-специалисты", &k), ["ИТ"]);
    }

    #[test]
    fn words_inside_quotes_are_names() {
        let k = known(&[]);
        assert!(unknown("программа «НКО-СОКРАТ», «Точка кипения – ЮЗГУ»", &k).is_empty());
        assert!(unknown("«Фонд „ВОС“ и ВОС»", &k).is_empty());
        assert!(unknown("the \"NGO SOCRAT\" programme, “WWF”", &k).is_empty());
        // After the quotes close, words count again.
        assert_eq!(unknown("«НКО-СОКРАТ» для СМИ", &k), ["СМИ"]);
        // An unclosed quote hides the rest of the text, not more.
        assert!(unknown("«СМИ", &k).is_empty());
    }
}
