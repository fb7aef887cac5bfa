//! Writing YAML scalars: text in the simplest form that reads back as the same text.
//!
//! Plain where that is safe (most Russian prose is), double-quoted where a plain scalar would be
//! read as something else or break the line (a `: `, a leading `-`, `#`, quotes, a number), and
//! a literal block (`|-`) for text of several lines, so people can still read and edit it.

use super::scalar::is_plain_text;

/// `s` as a YAML scalar to put after `key: ` or `- ` on a line indented by `indent` spaces.
/// Multi-line text becomes a literal block whose lines are indented by `indent + 2`.
pub fn scalar(s: &str, indent: usize) -> String {
    if is_plain_safe(s) {
        return s.to_owned();
    }
    if s.contains('\n') && block_safe(s) {
        let pad = " ".repeat(indent + 2);
        let mut out = String::from(if s.ends_with('\n') { "|" } else { "|-" });
        for line in s.strip_suffix('\n').unwrap_or(s).split('\n') {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&pad);
                out.push_str(line);
            }
        }
        return out;
    }
    double_quoted(s)
}

/// True when `s` can be written without quotes and reads back as the same text.
pub fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let last = s.chars().last().unwrap_or(first);
    if first.is_whitespace() || last.is_whitespace() || last == ':' {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        // `-`, `?` and `:` are fine when followed by a non-space, but keep it simple and quote.
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.contains('\t') {
        return false;
    }
    if s.chars()
        .any(|c| c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}')
    {
        return false;
    }
    // Flow indicators would end the scalar inside `[a, b]`; plain text here is only used in
    // block context, where they are fine, but a leading one was excluded above.
    is_plain_text(s)
}

/// A literal block keeps every character but cannot hold control characters, trailing spaces
/// it would lose, or a first line starting with spaces (that would set the indentation). Nor
/// U+2028 and U+2029: YAML 1.1 readers (libyaml, and so many editors' tools) take them for line
/// breaks, YAML 1.2 readers for text; escaped in double quotes they read the same everywhere.
fn block_safe(s: &str) -> bool {
    !s.starts_with([' ', '\t'])
        && !s.starts_with('\n')
        && !s.chars().any(|c| {
            (c.is_control() && c != '\n') || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}')
        })
        && s.lines().all(|l| !l.ends_with([' ', '\t']))
        && !s.ends_with("\n\n")
}

/// `s` in double quotes with YAML escapes.
pub fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{feff}' => out.push_str("\\uFEFF"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{85}' => out.push_str("\\N"),
            '\u{a0}' => out.push_str("\\_"),
            c if c.is_control() => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02X}"));
                } else {
                    out.push_str(&format!("\\u{n:04X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{Limits, parse};

    fn round_trip(s: &str) -> String {
        let text = format!("k: {}\n", scalar(s, 0));
        let node = parse(&text, Limits::default()).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        node.get("k").unwrap().as_str().unwrap().to_owned()
    }

    #[test]
    fn plain_when_safe() {
        assert_eq!(scalar("Форум НКО «Вместе»", 0), "Форум НКО «Вместе»");
        assert_eq!(scalar("a-b, c", 0), "a-b, c");
    }

    #[test]
    fn quoted_when_needed() {
        for s in [
            "Итоги: 2027",
            "- dash",
            "# hash",
            "a #b",
            "'single'",
            "\"double\"",
            "2027",
            "true",
            "null",
            "~",
            "",
            " lead",
            "trail ",
            "3.5",
            "*alias",
            "&anchor",
            "key:",
            "[x]",
            "{x}",
            "@at",
            "tab\there",
        ] {
            let out = scalar(s, 0);
            assert!(out.starts_with('"'), "{s:?} -> {out}");
            assert_eq!(round_trip(s), s, "{s:?}");
        }
    }

    #[test]
    fn multi_line_becomes_a_block() {
        assert_eq!(scalar("one\ntwo", 2), "|-\n    one\n    two");
        assert_eq!(round_trip("one\n\ntwo"), "one\n\ntwo");
        assert_eq!(round_trip("one\ntwo\n"), "one\ntwo\n");
        assert_eq!(round_trip(" lead\nx"), " lead\nx");
        assert_eq!(round_trip("x \ny"), "x \ny");
    }

    #[test]
    fn control_characters_are_escaped() {
        // The loader refuses control characters in text, but the writer still never lets one
        // through raw.
        assert_eq!(scalar("a\u{1}b", 0), "\"a\\x01b\"");
        assert_eq!(round_trip("a\rb"), "a\rb");
        assert_eq!(round_trip("nb\u{a0}sp"), "nb\u{a0}sp");
    }
}
