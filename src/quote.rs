//! How the tool's messages quote and count what a file holds: short, escaped excerpts of values
//! and the cap on findings per file. A leaf that the YAML reader and the findings both use, so neither
//! depends on the other for it.

/// The most findings of one kind that loading a file reports; past it, one more finding says
/// how many were left out. A file of a million wrong values is one mistake, not a million.
pub(crate) const MAX_FINDINGS_PER_FILE: usize = 1000;

/// The most characters of a value that a finding quotes.
pub(crate) const EXCERPT_CHARS: usize = 80;

/// True for the characters that change how text around them is shown without being seen
/// themselves: the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
/// U+061C), which can make a line read differently from what it holds, and the line and
/// paragraph separators (U+2028, U+2029), which break a line where none is seen.
pub(crate) fn is_invisible_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{061c}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// How a character is shown in a finding: control characters (they can drive a terminal)
/// and invisible controls (see [`is_invisible_control`]) as an escape such as `\u{202E}`,
/// a tab, line feed and carriage return as `\t`, `\n`, `\r`; `None` for any other character,
/// which is shown as it is.
pub(crate) fn escape(c: char) -> Option<String> {
    match c {
        '\t' => Some("\\t".into()),
        '\n' => Some("\\n".into()),
        '\r' => Some("\\r".into()),
        c if c.is_control() || is_invisible_control(c) => Some(format!("\\u{{{:X}}}", c as u32)),
        _ => None,
    }
}

/// `text` with every character that [`escape`] escapes escaped.
pub(crate) fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match escape(c) {
            Some(e) => out.push_str(&e),
            None => out.push(c),
        }
    }
    out
}

/// A value as a finding quotes it: control, bidirectional and line-separator characters
/// escaped, and at most [`EXCERPT_CHARS`] characters of that (then `…`). Every value a message or a
/// hint repeats goes through this, so a file cannot make a report huge (a 27 MB text in the
/// wrong place) nor drive or reorder the user's terminal.
pub(crate) fn excerpt(value: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in value.chars() {
        let shown = escape(c).unwrap_or_else(|| c.to_string());
        width += shown.chars().count();
        if width > EXCERPT_CHARS {
            out.push('…');
            break;
        }
        out.push_str(&shown);
    }
    out
}
