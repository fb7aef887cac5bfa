//! Findings about the input, as data: severity, file, line and column, YAML path, message and
//! hint; and their three renderings (a snippet with a caret for people, one line each for
//! tools, JSON for editors and CI).

use std::fmt::Write as _;

use serde::Serialize;

use crate::yaml::{Pos, YamlPath};

/// The most findings of one kind that loading a file reports; past it, one more finding says
/// how many were left out. A file of a million wrong values is one mistake, not a million.
pub const MAX_FINDINGS_PER_FILE: usize = 1000;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input is wrong: `check` fails and `build` stops.
    Error,
    /// The input works but is not SMART or is odd: `check --strict` fails.
    Warning,
}

impl Severity {
    fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One finding about the input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable name for the kind of finding (`dangling-reference`), for tools.
    pub code: &'static str,
    /// The file, relative to the programme root, with `/` separators.
    pub file: String,
    /// Line, from 1; absent for findings about a whole file that has no text.
    pub line: Option<u32>,
    /// Column in characters, from 1.
    pub column: Option<u32>,
    /// Where inside the file, e.g. `steps[2].responsible[0]`.
    pub path: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when known.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error about `file`.
    pub fn error(code: &'static str, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.to_owned(),
            line: None,
            column: None,
            path: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning about `file`.
    pub fn warning(code: &'static str, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    /// Sets the position.
    pub fn at(mut self, pos: Pos) -> Self {
        self.line = Some(pos.line);
        self.column = Some(pos.col);
        self
    }

    /// Sets the YAML path.
    pub fn path(mut self, path: &YamlPath) -> Self {
        self.path = Some(path.to_string());
        self
    }

    /// Sets the hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Sets the hint when there is one.
    pub fn maybe_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// `file:line:col`, or the file alone.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            _ => self.file.clone(),
        }
    }
}

/// Sorts findings by file, then position, errors before warnings at the same place, so output
/// is stable whatever order the rules ran in.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
    });
}

/// Counts errors and warnings.
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, diags.len() - errors)
}

/// The terminal styles of the human rendering; all empty when colour is off.
struct Style {
    error: &'static str,
    warning: &'static str,
    bold: &'static str,
    blue: &'static str,
    cyan: &'static str,
    reset: &'static str,
}

const COLOUR: Style = Style {
    error: "\x1b[1;31m",
    warning: "\x1b[1;33m",
    bold: "\x1b[1m",
    blue: "\x1b[1;34m",
    cyan: "\x1b[1;36m",
    reset: "\x1b[0m",
};

const PLAIN: Style = Style {
    error: "",
    warning: "",
    bold: "",
    blue: "",
    cyan: "",
    reset: "",
};

/// Renders one finding for people, with the source line and a caret under the value:
///
/// ```text
/// error: unknown organisation `crdj`
///   --> steps/partnership.yaml:14:17
///    |
/// 14 |   responsible: crdj
///    |                ^^^^ steps[2].responsible
///    = hint: did you mean `crdi`?
/// ```
///
/// `source` is the text of the file, when there is one.
pub fn render_human(d: &Diagnostic, source: Option<&str>, colour: bool) -> String {
    let d = &printable(d);
    let s = if colour { &COLOUR } else { &PLAIN };
    let (sev_style, word) = match d.severity {
        Severity::Error => (s.error, "error"),
        Severity::Warning => (s.warning, "warning"),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{sev_style}{word}{}{}: {}{}",
        s.reset, s.bold, d.message, s.reset
    );
    let line_text = d
        .line
        .and_then(|l| source?.lines().nth(l as usize - 1))
        .map(|t| t.trim_end_matches('\r'));
    let gutter = d.line.map_or(1, |l| l.to_string().len());
    let pad = " ".repeat(gutter);
    let _ = writeln!(out, "{pad}{}-->{} {}", s.blue, s.reset, d.location());
    match (line_text, d.line, d.column) {
        (Some(text), Some(line), Some(col)) => {
            let (shown, col) = snippet_window(text, col as usize);
            let width = token_width(&shown, col - 1).min(shown.chars().count().max(col) + 1 - col);
            let _ = writeln!(out, "{pad} {}|{}", s.blue, s.reset);
            let _ = writeln!(out, "{}{line} |{} {shown}", s.blue, s.reset);
            let path = d
                .path
                .as_deref()
                .map(|p| format!(" {p}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{pad} {}|{} {}{sev_style}{}{path}{}",
                s.blue,
                s.reset,
                " ".repeat(col - 1),
                "^".repeat(width),
                s.reset
            );
        }
        _ => {
            if let Some(path) = &d.path {
                let _ = writeln!(out, "{pad} {}={} at: {path}", s.blue, s.reset);
            }
        }
    }
    if let Some(hint) = &d.hint {
        let _ = writeln!(
            out,
            "{pad} {}={} {}hint{}: {hint}",
            s.blue, s.reset, s.cyan, s.reset
        );
    }
    out
}

/// The part of a source line to show: control characters replaced (a file must not be able to
/// drive the user's terminal), tabs as spaces, and a window of about 100 characters around the
/// column of a long line. Returns the text and the column within it.
fn snippet_window(line: &str, col: usize) -> (String, usize) {
    const WIDTH: usize = 100;
    let chars: Vec<char> = line
        .chars()
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect();
    if chars.len() <= WIDTH {
        return (chars.into_iter().collect(), col);
    }
    let start = col
        .saturating_sub(WIDTH / 2 + 1)
        .min(chars.len().saturating_sub(WIDTH));
    let end = (start + WIDTH).min(chars.len());
    let mut shown = String::new();
    let mut col = col - start;
    if start > 0 {
        shown.push('…');
        col += 1;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, col)
}

/// How many characters the value starting at `start` (in characters) spans: a quoted scalar to
/// its closing quote, a plain one to the next `,`, `]`, `}` or ` #`; at least one.
fn token_width(line: &str, start: usize) -> usize {
    let chars: Vec<char> = line.chars().skip(start).collect();
    let Some(&first) = chars.first() else {
        return 1;
    };
    let len = if first == '"' || first == '\'' {
        let mut i = 1;
        while i < chars.len() {
            if chars[i] == '\\' && first == '"' {
                i += 2;
                continue;
            }
            if chars[i] == first {
                if first == '\'' && chars.get(i + 1) == Some(&'\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i += 1;
        }
        chars.len()
    } else {
        let mut end = chars.len();
        for (i, c) in chars.iter().enumerate() {
            if matches!(c, ',' | ']' | '}') || (*c == '#' && i > 0 && chars[i - 1] == ' ') {
                end = i;
                break;
            }
            if *c == ':' && chars.get(i + 1).is_none_or(|n| *n == ' ') {
                end = i;
                break;
            }
        }
        chars[..end]
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(0, |p| p + 1)
    };
    len.max(1)
}

/// The finding with any control character in its texts replaced, so that nothing taken from a
/// user's files or file names can drive the terminal.
fn printable(d: &Diagnostic) -> Diagnostic {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_control() { '\u{fffd}' } else { c })
            .collect()
    };
    Diagnostic {
        file: clean(&d.file),
        path: d.path.as_deref().map(clean),
        message: clean(&d.message),
        hint: d.hint.as_deref().map(clean),
        ..d.clone()
    }
}

/// Renders one finding on one line: `file:line:col: severity: message [path] (hint: …)`.
pub fn render_short(d: &Diagnostic) -> String {
    let d = &printable(d);
    let mut out = format!("{}: {}: {}", d.location(), d.severity.word(), d.message);
    if let Some(path) = &d.path {
        let _ = write!(out, " [{path}]");
    }
    if let Some(hint) = &d.hint {
        let _ = write!(out, " (hint: {hint})");
    }
    out
}

/// The JSON report: every finding and the counts.
pub fn render_json(diags: &[Diagnostic]) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        errors: usize,
        warnings: usize,
        diagnostics: &'a [Diagnostic],
    }
    let (errors, warnings) = count(diags);
    let mut s = serde_json::to_string_pretty(&Report {
        errors,
        warnings,
        diagnostics: diags,
    })
    .unwrap_or_default();
    s.push('\n');
    s
}

/// `1 error`, `2 errors`: counts in the tool's own (English) messages.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `2 errors, 1 warning`.
pub fn summary(errors: usize, warnings: usize) -> String {
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Diagnostic {
        Diagnostic::error(
            "dangling-reference",
            "steps/partnership.yaml",
            "unknown organisation `crdj`",
        )
        .at(Pos { line: 2, col: 16 })
        .path(&YamlPath::root("steps").index(0).key("responsible"))
        .hint("did you mean `crdi`?")
    }

    #[test]
    fn human_rendering_has_snippet_and_caret() {
        let src = "- id: p-1\n  responsible: crdj # lead\n";
        let out = render_human(&sample(), Some(src), false);
        assert_eq!(
            out,
            "error: unknown organisation `crdj`\n \
             --> steps/partnership.yaml:2:16\n  \
             |\n\
             2 |   responsible: crdj # lead\n  \
             |                ^^^^ steps[0].responsible\n  \
             = hint: did you mean `crdi`?\n"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        assert!(!render_human(&sample(), None, false).contains('\x1b'));
        assert!(render_human(&sample(), None, true).contains("\x1b[1;31merror"));
    }

    #[test]
    fn short_rendering() {
        assert_eq!(
            render_short(&sample()),
            "steps/partnership.yaml:2:16: error: unknown organisation `crdj` \
             [steps[0].responsible] (hint: did you mean `crdi`?)"
        );
    }

    #[test]
    fn long_lines_are_windowed_and_control_characters_hidden() {
        let line = format!("{}X{}", "[".repeat(5000), "]".repeat(5000));
        let d = Diagnostic::error("yaml-syntax", "a.yaml", "deep").at(Pos { line: 1, col: 5001 });
        let out = render_human(&d, Some(&line), false);
        assert!(out.len() < 1000, "{}", out.len());
        let caret_line = out.lines().nth(4).unwrap();
        let text_line = out.lines().nth(3).unwrap();
        let x = text_line.chars().position(|c| c == 'X').unwrap();
        assert_eq!(caret_line.chars().position(|c| c == '^'), Some(x), "{out}");
        let d = Diagnostic::error("yaml-syntax", "a.yaml", "esc").at(Pos { line: 1, col: 1 });
        let out = render_human(&d, Some("\u{1b}[2Jboom"), false);
        assert!(!out.contains('\u{1b}'));
    }

    #[test]
    fn token_widths() {
        assert_eq!(token_width("  a: [x, yy]", 9), 2);
        assert_eq!(token_width("  a: \"q, r\" # c", 5), 6);
        assert_eq!(token_width("  a: 'it''s'", 5), 7);
        assert_eq!(token_width("  title: Итоги", 9), 5);
        assert_eq!(token_width("  key: value", 2), 3);
        assert_eq!(token_width("", 0), 1);
    }

    #[test]
    fn json_has_counts() {
        let json = render_json(&[sample()]);
        assert!(json.contains("\"errors\": 1"));
        assert!(json.contains("\"line\": 2"));
    }

    #[test]
    fn summaries() {
        assert_eq!(summary(1, 0), "1 error, 0 warnings");
        assert_eq!(summary(2, 1), "2 errors, 1 warning");
    }
}
