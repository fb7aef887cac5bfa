//! Markdown: the document through the Tera templates `programme.md` and `body.md`, with every
//! printed value escaped for Markdown so that user text always reads literally.

use std::io::{self, Write};
use std::sync::Arc;

use anyhow::Result;
use tera::{Context, Tera};

use super::html::strip_markers;
use super::{Limits, Templates, render_tera, tera_failure};
use crate::document::rich::{Block, Inline, Rich};

/// Template names as Tera knows them: the path relative to the programme root, so that errors
/// in a programme's own template name the file to open.
const PROGRAMME: &str = "templates/programme.md";
const BODY: &str = "templates/body.md";

/// A Tera instance for Markdown: the two templates, escaping with [`escape`].
pub struct MarkdownRenderer {
    /// Shared with the thread that renders (see [`super::run_limited`]).
    tera: Arc<Tera>,
    /// Which templates are the programme's own, for error messages.
    user_programme: bool,
    user_body: bool,
    limits: Limits,
}

impl MarkdownRenderer {
    /// Prepares the templates; a syntax error in one is reported with its file and line.
    pub fn new(templates: &Templates) -> Result<Self> {
        let (_, user_body) = templates.get("body.md");
        let (_, user_programme) = templates.get("programme.md");
        let tera = compile(templates)
            .map_err(|e| tera_failure(e, user_body || user_programme, &sources(templates)))?;
        Ok(MarkdownRenderer {
            tera: Arc::new(tera),
            user_programme,
            user_body,
            limits: templates.limits(),
        })
    }
}

/// The Markdown templates as Tera knows them: name and text.
pub(crate) fn sources(templates: &Templates) -> [(&'static str, &str); 2] {
    [
        (BODY, templates.get("body.md").0),
        (PROGRAMME, templates.get("programme.md").0),
    ]
}

/// The Tera instance of the Markdown templates, compiled; `check` calls it too, so a broken
/// template is found before anything is rendered.
pub(crate) fn compile(templates: &Templates) -> Result<Tera, tera::Error> {
    let mut tera = Tera::new();
    tera.set_escape_fn(escape);
    tera.autoescape_on([".md"]);
    super::html::register_functions(&mut tera);
    tera.register_function("rich", RichFunction);
    // Both at once, so that one may extend or include the other.
    tera.add_raw_templates(sources(templates))?;
    Ok(tera)
}

impl MarkdownRenderer {
    /// The body (every section and annex, without title block and contents), from a context
    /// holding `doc` (see [`super::context`]). The HTML page is made from it too, so it keeps
    /// the markers of `html_table` and `html_annex`.
    pub fn body(&self, ctx: &Context) -> Result<String> {
        let out = render_tera(&self.tera, BODY, ctx, self.user_body, self.limits, 0)?;
        Ok(tidy(&out))
    }

    /// The whole programme: title block and contents around `body`, without the markers
    /// that only the HTML renderer reads (see [`super::html`]).
    pub fn programme(&self, ctx: &mut Context, body: &str) -> Result<String> {
        ctx.insert("body", body);
        // The title block and the contents around the body: a few kilobytes.
        let size = body.len().saturating_add(64 * 1024);
        let out = render_tera(
            &self.tera,
            PROGRAMME,
            ctx,
            self.user_programme,
            self.limits,
            size,
        );
        // Each copy of a large programme's text is let go as soon as the next one is made.
        ctx.remove("body");
        let stripped = strip_markers(&out?);
        Ok(tidy(&stripped))
    }
}

/// Collapses runs of blank lines left by template control flow, and ends with one newline.
pub(crate) fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Start as if after a blank line, so leading blank lines are dropped too.
    let mut blank = 1;
    for line in s.lines() {
        let line = line.trim_end_matches([' ', '\t']);
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// Escapes text for Markdown so that it reads literally in any place a template may put it: a
/// paragraph, a heading, a list item, a table cell or a link's text.
///
/// - Characters that start inline markup (`\ ` * _ [ ] < > | ~ & #`) get a backslash.
/// - A line start that would begin a block (`-`, `+`, `=`, `1.` / `1)` followed by a space) is
///   escaped too.
/// - Line breaks become spaces (a table row is one line), and white space at either end is kept
///   as character references, which Markdown would otherwise drop.
pub fn escape(input: &str, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(escape_str(input).as_bytes())
}

/// [`escape`] to a `String`.
pub fn escape_str(input: &str) -> String {
    let joined;
    let input = if input.contains(['\r', '\n']) {
        joined = input.replace(['\r', '\n'], " ");
        joined.as_str()
    } else {
        input
    };
    let mut buf = String::with_capacity(input.len() + 8);
    let body_start = input.len() - input.trim_start_matches([' ', '\t']).len();
    let body_end = input.trim_end_matches([' ', '\t']).len().max(body_start);
    for c in input[..body_start].chars() {
        buf.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
    }
    let body = &input[body_start..body_end];
    let marker_len = block_marker_len(body);
    push_escaped(&mut buf, body, marker_len);
    for c in input[body_end..].chars() {
        buf.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
    }
    buf
}

/// `{{ rich(t=…, indent=N) }}`: a [`Rich`] text as Markdown, its lines after the first indented
/// by `N` spaces (the width of the list marker it follows, if any). Safe: every text run is
/// already escaped.
struct RichFunction;

#[derive(serde::Deserialize)]
struct RichArgs {
    t: Rich,
    #[serde(default)]
    indent: usize,
}

impl tera::Function<tera::TeraResult<String>> for RichFunction {
    fn call(&self, kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
        let args = kwargs.deserialize::<RichArgs>().map_err(|_| {
            tera::Error::message(
                "rich needs `t=`, a long text of the document, such as `rich(t=doc.implementation.text)`",
            )
        })?;
        Ok(rich(&args.t, args.indent.min(16)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// A [`Rich`] text as Markdown: paragraphs one a line, lists with their items indented, every
/// text run escaped (see [`escape_str`]) so that it reads literally; lines after the first are
/// indented by `indent` spaces.
pub fn rich(r: &Rich, indent: usize) -> String {
    let text = blocks(&r.blocks);
    let mut out = String::with_capacity(text.len());
    push_indented(&mut out, &text, indent);
    out
}

/// Appends `text` with every line after the first indented by `indent` spaces (blank lines
/// stay blank).
fn push_indented(out: &mut String, text: &str, indent: usize) {
    let pad = " ".repeat(indent);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&pad);
            }
        }
        out.push_str(line);
    }
}

/// Blocks, separated by blank lines. Two lists of the same kind one after the other take
/// different markers, so that Markdown does not join them.
fn blocks(list: &[Block]) -> String {
    let mut out = String::new();
    let mut last_marker: Option<&str> = None;
    for (i, b) in list.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        match b {
            Block::Paragraph { inlines } => {
                out.push_str(&paragraph(inlines));
                last_marker = None;
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                let (a, b) = if *ordered { (".", ")") } else { ("-", "*") };
                let marker = if last_marker == Some(a) { b } else { a };
                last_marker = Some(marker);
                let loose = items.iter().any(|item| item.len() > 1);
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push_str(if loose { "\n\n" } else { "\n" });
                    }
                    let head = if *ordered {
                        format!("{}{marker} ", start.saturating_add(n).min(999_999_999))
                    } else {
                        format!("{marker} ")
                    };
                    out.push_str(&head);
                    push_indented(&mut out, &blocks(item), head.len());
                }
            }
        }
    }
    out
}

/// A paragraph on one line.
fn paragraph(inlines: &[Inline]) -> String {
    let mut out = String::new();
    runs(inlines, true, &mut out);
    out
}

fn runs(inlines: &[Inline], mut line_start: bool, out: &mut String) {
    for x in inlines {
        match x {
            Inline::Text { text } => {
                let text = text.replace(['\r', '\n'], " ");
                out.push_str(&escape_run(&text, line_start));
            }
            Inline::Emph { children } => {
                out.push('*');
                runs(children, false, out);
                out.push('*');
            }
            Inline::Strong { children } => {
                out.push_str("**");
                runs(children, false, out);
                out.push_str("**");
            }
            Inline::Link { url, children } => {
                out.push('[');
                runs(children, false, out);
                out.push_str("](");
                for c in url.chars() {
                    match c {
                        ' ' => out.push_str("%20"),
                        '(' | ')' | '<' | '>' | '\\' => {
                            out.push('\\');
                            out.push(c);
                        }
                        c if c.is_control() => {}
                        c => out.push(c),
                    }
                }
                out.push(')');
            }
        }
        line_start = false;
    }
}

/// Appends `text` with every Markdown markup character backslash-escaped, the character that
/// ends a block marker of `marker_len` bytes too, and a byte order mark as an entity.
fn push_escaped(buf: &mut String, text: &str, marker_len: usize) {
    for (i, c) in text.char_indices() {
        match c {
            '\u{feff}' => buf.push_str("&#xFEFF;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' => {
                buf.push('\\');
                buf.push(c);
            }
            _ if i + c.len_utf8() == marker_len => {
                buf.push('\\');
                buf.push(c);
            }
            _ => buf.push(c),
        }
    }
}

/// Escapes a text run inside a line: markup characters get a backslash, and a block marker
/// too when the run starts the line. White space is kept as it is.
fn escape_run(s: &str, line_start: bool) -> String {
    let mut buf = String::with_capacity(s.len() + 8);
    let marker_len = if line_start { block_marker_len(s) } else { 0 };
    push_escaped(&mut buf, s, marker_len);
    buf
}

/// The byte length of a block marker at the start of `s` whose last character must be escaped:
/// `-`, `+` or `=` (1), or an ordered list marker `123.` / `123)` followed by a space or the end.
fn block_marker_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    match bytes.first() {
        Some(b'-' | b'+' | b'=') => 1,
        Some(b'0'..=b'9') => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits) {
                Some(b'.' | b')')
                    if digits <= 9
                        && matches!(bytes.get(digits + 1), None | Some(b' ' | b'\t')) =>
                {
                    digits + 1
                }
                _ => 0,
            }
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape_str("*x* <script>alert(1)</script> | [a](javascript:b) # y"),
            "\\*x\\* \\<script\\>alert(1)\\</script\\> \\| \\[a\\](javascript:b) \\# y"
        );
        assert_eq!(
            escape_str("a_b & c~d `e` \\"),
            "a\\_b \\& c\\~d \\`e\\` \\\\"
        );
    }

    #[test]
    fn escapes_block_starts() {
        assert_eq!(escape_str("- item"), "\\- item");
        assert_eq!(escape_str("+1"), "\\+1");
        assert_eq!(escape_str("==="), "\\===");
        assert_eq!(escape_str("2027. Итоги"), "2027\\. Итоги");
        assert_eq!(escape_str("1) x"), "1\\) x");
        assert_eq!(escape_str("1.1"), "1.1");
        assert_eq!(escape_str("2027"), "2027");
        assert_eq!(escape_str("г. Курск"), "г. Курск");
    }

    #[test]
    fn keeps_outer_white_space_and_joins_lines() {
        assert_eq!(escape_str("  a\nb "), "&#32;&#32;a b&#32;");
        assert_eq!(escape_str("\ta"), "&#9;a");
        assert_eq!(escape_str("   "), "&#32;&#32;&#32;");
    }

    /// The text comrak reads back from `markdown`, over the whole document.
    fn read_back(markdown: &str) -> String {
        let arena = comrak::Arena::new();
        let mut options = comrak::Options::default();
        options.extension.table = true;
        let root = comrak::parse_document(&arena, markdown, &options);
        root.collect_text()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Any text, escaped and placed where templates place text, reads back as itself
        /// (line breaks become spaces: a value is printed on one line).
        #[test]
        fn escaped_text_reads_back_literally(s in "[^\\p{Cc}]{0,40}|[-+=#>*_`|\\\\\\[\\]<&!~0-9. \\t\\nа-яa-z:()]{0,24}") {
            let want = s.replace(['\n', '\r'], " ");
            let e = escape_str(&s);
            for (markdown, prefix, suffix) in [
                (format!("{e}\n"), "", ""),
                (format!("## {e}\n"), "", ""),
                (format!("- {e}\n"), "", ""),
                (format!("1. {e}\n"), "", ""),
                (format!("| {e} |\n|---|\n| x |\n"), "", "x"),
                (format!("| h |\n|---|\n| {e} |\n"), "h", ""),
                (format!("[{e}](#anchor)\n"), "", ""),
                (format!("Label: {e}\n"), "Label: ", ""),
            ] {
                if s.is_empty() && prefix == "Label: " {
                    continue;
                }
                let got = read_back(&markdown);
                proptest::prop_assert_eq!(got, format!("{prefix}{want}{suffix}"), "markdown: {:?}", markdown);
            }
        }
    }

    /// The tags in HTML that comrak makes of `markdown` with raw HTML allowed: raw HTML that the
    /// escaping let through would show here.
    fn tags(markdown: &str) -> Vec<String> {
        let mut options = comrak::Options::default();
        options.render.r#unsafe = true;
        let html = comrak::markdown_to_html(markdown, &options);
        html.split('<')
            .skip(1)
            .filter_map(|t| t.split(['>', ' ']).next())
            .map(|t| t.trim_start_matches('/').to_owned())
            .collect()
    }

    #[test]
    fn rich_text_as_markdown() {
        use crate::document::rich::rich as parse;
        use crate::locale::Locale;
        let r = parse(
            "Текст *курсив* **жирный** [сайт](https://x.ru/a_(b)).\n\n- раз\n- два <b>\n\n  1. вложенный\n\n- [x](javascript:y)",
            Locale::En,
        );
        assert_eq!(
            rich(&r, 2),
            "Текст *курсив* **жирный** [сайт](https://x.ru/a_\\(b\\)).\n\n  - раз\n\n  - два \\<b\\>\n\n    1. вложенный\n\n  - x"
        );
        // Two lists of one kind in a row keep apart.
        let r = parse("- a\n\n<!-- -->\n\n- b", Locale::En);
        assert_eq!(tags(&rich(&r, 0)).iter().filter(|t| *t == "ul").count(), 4);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Whatever a long text holds, its Markdown makes only the elements of the subset, even
        /// where raw HTML is allowed.
        #[test]
        fn rich_text_makes_no_raw_html(s in "[^\\p{Cc}]{0,40}|([-+*_#>`<>/=\"'\\[\\]()!:&;| \t\n1.a-zа-я]|<script>|<img src=x>|javascript:|https://x\\.ru|\n\n|\n- |\n1\\. |    ){0,30}") {
            for locale in [crate::locale::Locale::Ru, crate::locale::Locale::En] {
                let md = rich(&crate::document::rich::rich(&s, locale), 0);
                for tag in tags(&md) {
                    proptest::prop_assert!(
                        ["p", "ul", "ol", "li", "em", "strong", "a"].contains(&tag.as_str()),
                        "<{}> from {:?}: {:?}", tag, s, md
                    );
                }
            }
        }
    }

    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(tidy("a\n\n\n\nb  \n\n"), "a\n\nb\n");
    }
}
