//! Rich text: the safe subset of Markdown the long prose fields accept (`context`,
//! `implementation`, a step's `description`, a case's `task` and problems, an agreement's
//! `subject`).
//!
//! The text is parsed by comrak into its tree and converted to [`Rich`]: paragraphs, bulleted
//! and numbered lists, emphasis, strong emphasis and `http(s)` links. Everything else (a
//! heading, an image, raw HTML, code, a table, a quote, a rule, a link to anything but
//! `http(s)`) loses its markup and keeps its words as plain text; [`parse`] says which were
//! dropped, so that `check` can warn. Every renderer prints [`Rich`] from data: a text run is
//! always printed literally.

use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, Options, parse_document};
use serde::{Deserialize, Serialize};

use crate::locale::{Locale, typography};

/// A text of the Markdown subset, as blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rich {
    /// The blocks, in order.
    pub blocks: Vec<Block>,
}

/// A block: a paragraph or a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph of inline runs.
    Paragraph {
        /// The runs.
        inlines: Vec<Inline>,
    },
    /// A list; each item is a sequence of blocks.
    List {
        /// Numbered or bulleted.
        ordered: bool,
        /// The number of the first item (1 for bulleted lists).
        start: usize,
        /// The items.
        items: Vec<Vec<Block>>,
    },
}

/// An inline run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Inline {
    /// Literal text.
    Text {
        /// The text.
        text: String,
    },
    /// *Emphasis*.
    Emph {
        /// What is emphasised.
        children: Vec<Inline>,
    },
    /// **Strong emphasis**.
    Strong {
        /// What is emphasised.
        children: Vec<Inline>,
    },
    /// A link to an `http(s)` address.
    Link {
        /// The address.
        url: String,
        /// The link's text.
        children: Vec<Inline>,
    },
}

/// Markup the subset does not accept: its words are kept as plain text, the markup is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Dropped {
    /// `# Heading`.
    Heading,
    /// `![alt](src)`.
    Image,
    /// Raw HTML, inline or as a block.
    Html,
    /// A code span or a code block.
    Code,
    /// A table.
    Table,
    /// A link to anything but `http(s)` (`javascript:`, `mailto:`, a relative address).
    Link,
    /// A block quote.
    Quote,
    /// A thematic break (`---`).
    Rule,
}

impl Dropped {
    /// The key the catalogue selects its words by.
    pub fn key(self) -> &'static str {
        match self {
            Dropped::Heading => "heading",
            Dropped::Image => "image",
            Dropped::Html => "html",
            Dropped::Code => "code",
            Dropped::Table => "table",
            Dropped::Link => "link",
            Dropped::Quote => "quote",
            Dropped::Rule => "rule",
        }
    }
}

/// Where in the text dropped markup starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct At {
    /// Line, from 1.
    pub line: usize,
    /// Column in bytes, from 1.
    pub col: usize,
}

/// Parses `text` as the Markdown subset, typesets its text runs for `locale`, and says which
/// markup was dropped: each kind once, where it is first used, in the order of the text.
pub fn parse(text: &str, locale: Locale) -> (Rich, Vec<(Dropped, At)>) {
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.table = true;
    let root = parse_document(&arena, text, &options);
    let mut cx = Convert {
        locale,
        dropped: Vec::new(),
    };
    let blocks = cx.blocks(root);
    let mut first: Vec<(Dropped, At)> = Vec::new();
    for (kind, at) in cx.dropped {
        match first.iter_mut().find(|(k, _)| *k == kind) {
            Some(seen) => seen.1 = seen.1.min(at),
            None => first.push((kind, at)),
        }
    }
    first.sort_by_key(|&(kind, at)| (at, kind));
    (Rich { blocks }, first)
}

/// The markup [`parse`] would drop from `text`, and where.
pub fn dropped(text: &str) -> Vec<(Dropped, At)> {
    if cannot_drop(text) {
        return Vec::new();
    }
    parse(text, Locale::En).1
}

/// True for a text that holds none of the markup [`parse`] drops: one line, without the
/// characters that start it (`#`, `!`, `<`, `` ` ``, `|`, `>`, `[`, `~`, `=`), not indented,
/// and not a rule (`---`, `***`, `___`). Most texts are such, and `check` looks at every one.
fn cannot_drop(text: &str) -> bool {
    !text.starts_with([' ', '\t'])
        && !text.bytes().any(|b| {
            matches!(
                b,
                b'\n' | b'\r' | b'#' | b'!' | b'<' | b'`' | b'|' | b'>' | b'[' | b'~' | b'='
            )
        })
        && !text
            .chars()
            .all(|c| matches!(c, '-' | '*' | '_' | ' ' | '\t'))
}

/// [`parse`], without what was dropped.
pub fn rich(text: &str, locale: Locale) -> Rich {
    parse(text, locale).0
}

impl Rich {
    /// Paragraphs of plain text, already typeset (the built-in texts).
    pub fn paragraphs(paragraphs: impl IntoIterator<Item = String>) -> Rich {
        Rich {
            blocks: paragraphs
                .into_iter()
                .map(|text| Block::Paragraph {
                    inlines: vec![Inline::Text { text }],
                })
                .collect(),
        }
    }

    /// One line: the runs of every paragraph and list item, joined with «; », for places that
    /// hold one line (a table cell, the text after a label).
    pub fn inline(self) -> Rich {
        let mut runs: Vec<Vec<Inline>> = Vec::new();
        flatten(self.blocks, &mut runs);
        let mut inlines = Vec::new();
        for (i, run) in runs.into_iter().enumerate() {
            if i > 0 {
                let prev = inlines.last().map_or(String::new(), plain_of);
                push_text(&mut inlines, separator(&prev));
            }
            for x in run {
                match x {
                    Inline::Text { text } => push_text(&mut inlines, &text),
                    other => inlines.push(other),
                }
            }
        }
        Rich {
            blocks: if inlines.is_empty() {
                Vec::new()
            } else {
                vec![Block::Paragraph { inlines }]
            },
        }
    }

    /// The words without markup, on one line (a task's label in the tables).
    pub fn plain(&self) -> String {
        let mut runs = Vec::new();
        flatten(self.blocks.clone(), &mut runs);
        let mut out = String::new();
        for (i, run) in runs.iter().enumerate() {
            if i > 0 {
                let sep = separator(&out);
                out.push_str(sep);
            }
            plain_into(run, &mut out);
        }
        out
    }

    /// The first letter in lower case, as [`super::assemble::lower_first`] does to plain text.
    pub fn lower_first(mut self) -> Rich {
        if let Some(Block::Paragraph { inlines }) = self.blocks.first_mut()
            && let Some(Inline::Text { text }) = inlines.first_mut()
        {
            *text = super::assemble::lower_first(text);
        }
        self
    }
}

/// The runs of every paragraph in `blocks`, depth first.
fn flatten(blocks: Vec<Block>, out: &mut Vec<Vec<Inline>>) {
    for b in blocks {
        match b {
            Block::Paragraph { inlines } => out.push(inlines),
            Block::List { items, .. } => {
                for item in items {
                    flatten(item, out);
                }
            }
        }
    }
}

/// What joins two paragraphs on one line: a space after a colon, else «; ».
fn separator(before: &str) -> &'static str {
    if before.ends_with(':') { " " } else { "; " }
}

fn plain_of(x: &Inline) -> String {
    let mut s = String::new();
    plain_into(std::slice::from_ref(x), &mut s);
    s
}

fn plain_into(inlines: &[Inline], out: &mut String) {
    for x in inlines {
        match x {
            Inline::Text { text } => out.push_str(text),
            Inline::Emph { children } | Inline::Strong { children } => plain_into(children, out),
            Inline::Link { children, .. } => plain_into(children, out),
        }
    }
}

/// Appends text, joined to a text run before it.
fn push_text(inlines: &mut Vec<Inline>, s: &str) {
    if let Some(Inline::Text { text }) = inlines.last_mut() {
        text.push_str(s);
    } else {
        inlines.push(Inline::Text { text: s.to_owned() });
    }
}

/// Whether a link's address is one the subset keeps.
fn is_web(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && lower.len() > 8
}

struct Convert {
    locale: Locale,
    dropped: Vec<(Dropped, At)>,
}

impl Convert {
    /// Notes markup of `kind` dropped at `node`.
    fn drop<'a>(&mut self, kind: Dropped, node: &'a AstNode<'a>) {
        let start = node.data.borrow().sourcepos.start;
        self.dropped.push((
            kind,
            At {
                line: start.line.max(1),
                col: start.column.max(1),
            },
        ));
    }

    /// The blocks made of the children of `node`.
    fn blocks<'a>(&mut self, node: &'a AstNode<'a>) -> Vec<Block> {
        let mut out = Vec::new();
        for child in node.children() {
            self.block(child, &mut out);
        }
        out
    }

    fn block<'a>(&mut self, node: &'a AstNode<'a>, out: &mut Vec<Block>) {
        let value = node.data.borrow().value.clone();
        match value {
            NodeValue::Paragraph => {
                let inlines = self.inlines(node);
                self.paragraph(inlines, out);
            }
            NodeValue::List(list) => {
                let items = node.children().map(|item| self.blocks(item)).collect();
                let ordered = list.list_type == ListType::Ordered;
                out.push(Block::List {
                    ordered,
                    start: if ordered { list.start } else { 1 },
                    items,
                });
            }
            NodeValue::Heading(_) => {
                self.drop(Dropped::Heading, node);
                let inlines = self.inlines(node);
                self.paragraph(inlines, out);
            }
            NodeValue::CodeBlock(code) => {
                self.drop(Dropped::Code, node);
                self.literal_lines(&code.literal, out);
            }
            NodeValue::HtmlBlock(html) => {
                self.drop(Dropped::Html, node);
                self.literal_lines(&html.literal, out);
            }
            NodeValue::BlockQuote => {
                self.drop(Dropped::Quote, node);
                out.extend(self.blocks(node));
            }
            NodeValue::ThematicBreak => self.drop(Dropped::Rule, node),
            NodeValue::Table(_) => {
                self.drop(Dropped::Table, node);
                // Each row a paragraph, its cells joined.
                for row in node.children() {
                    let mut inlines = Vec::new();
                    for (i, cell) in row.children().enumerate() {
                        if i > 0 {
                            push_text(&mut inlines, " | ");
                        }
                        for x in self.inlines(cell) {
                            match x {
                                Inline::Text { text } => push_text(&mut inlines, &text),
                                other => inlines.push(other),
                            }
                        }
                    }
                    self.paragraph(inlines, out);
                }
            }
            _ => out.extend(self.blocks(node)),
        }
    }

    /// A paragraph of `inlines`, typeset, unless it is empty.
    fn paragraph(&self, mut inlines: Vec<Inline>, out: &mut Vec<Block>) {
        self.typeset(&mut inlines);
        trim_ends(&mut inlines);
        if !inlines.is_empty() {
            out.push(Block::Paragraph { inlines });
        }
    }

    /// Literal text of a dropped block: a paragraph of its lines joined.
    fn literal_lines(&self, text: &str, out: &mut Vec<Block>) {
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        self.paragraph(vec![Inline::Text { text: joined }], out);
    }

    fn inlines<'a>(&mut self, node: &'a AstNode<'a>) -> Vec<Inline> {
        let mut out = Vec::new();
        for child in node.children() {
            self.inline(child, &mut out);
        }
        out
    }

    fn inline<'a>(&mut self, node: &'a AstNode<'a>, out: &mut Vec<Inline>) {
        let value = node.data.borrow().value.clone();
        match value {
            NodeValue::Text(t) => push_text(out, &t),
            NodeValue::SoftBreak | NodeValue::LineBreak => push_text(out, " "),
            NodeValue::Emph => out.push(Inline::Emph {
                children: self.inlines(node),
            }),
            NodeValue::Strong => out.push(Inline::Strong {
                children: self.inlines(node),
            }),
            NodeValue::Link(link) if is_web(&link.url) => out.push(Inline::Link {
                url: link.url.trim().to_owned(),
                children: self.inlines(node),
            }),
            NodeValue::Link(_) => {
                self.drop(Dropped::Link, node);
                for x in self.inlines(node) {
                    match x {
                        Inline::Text { text } => push_text(out, &text),
                        other => out.push(other),
                    }
                }
            }
            NodeValue::Image(_) => {
                self.drop(Dropped::Image, node);
                for x in self.inlines(node) {
                    match x {
                        Inline::Text { text } => push_text(out, &text),
                        other => out.push(other),
                    }
                }
            }
            NodeValue::Code(code) => {
                self.drop(Dropped::Code, node);
                push_text(out, &code.literal);
            }
            NodeValue::HtmlInline(html) => {
                self.drop(Dropped::Html, node);
                push_text(out, &html);
            }
            _ => {
                for x in self.inlines(node) {
                    match x {
                        Inline::Text { text } => push_text(out, &text),
                        other => out.push(other),
                    }
                }
            }
        }
    }

    /// Typesets every text run, keeping one space where the run had white space at an end.
    fn typeset(&self, inlines: &mut [Inline]) {
        for x in inlines {
            match x {
                Inline::Text { text } => *text = typeset_run(text, self.locale),
                Inline::Emph { children }
                | Inline::Strong { children }
                | Inline::Link { children, .. } => self.typeset(children),
            }
        }
    }
}

/// A word that stands for the emphasis or link beside a run while it is typeset, so that the
/// run's end gets the no-break space a word there would get («в *Курске*»).
const NEIGHBOUR: &str = "Ж";

/// Typesets a text run that may begin or end beside emphasis or a link.
fn typeset_run(text: &str, locale: Locale) -> String {
    if text.trim().is_empty() {
        // Only white space, between two runs of emphasis: one space.
        return if text.is_empty() {
            String::new()
        } else {
            " ".to_owned()
        };
    }
    let lead = text.starts_with(char::is_whitespace);
    let trail = text.ends_with(char::is_whitespace);
    let mut s = String::with_capacity(text.len() + 8);
    if lead {
        s.push_str(NEIGHBOUR);
        s.push(' ');
    }
    s.push_str(text.trim());
    if trail {
        s.push(' ');
        s.push_str(NEIGHBOUR);
    }
    let t = typography::text(&s, locale);
    let t = if lead {
        t.strip_prefix(NEIGHBOUR)
    } else {
        Some(t.as_str())
    }
    .and_then(|t| {
        if trail {
            t.strip_suffix(NEIGHBOUR)
        } else {
            Some(t)
        }
    });
    match t {
        Some(t) => t.to_owned(),
        // Typography changed the stand-in: fall back to the run alone, with plain spaces.
        None => {
            let mut t = typography::text(text, locale);
            if lead {
                t.insert(0, ' ');
            }
            if trail {
                t.push(' ');
            }
            t
        }
    }
}

/// Drops white space at the ends of a paragraph.
fn trim_ends(inlines: &mut Vec<Inline>) {
    if let Some(Inline::Text { text }) = inlines.first_mut() {
        *text = text.trim_start().to_owned();
    }
    if let Some(Inline::Text { text }) = inlines.last_mut() {
        *text = text.trim_end().to_owned();
    }
    inlines.retain(|x| !matches!(x, Inline::Text { text } if text.is_empty()));
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The shortcut of [`dropped`] says nothing is dropped only where parsing agrees:
        /// texts of words, Markdown's inline marks, dashes, rules and the characters it looks
        /// for.
        #[test]
        fn the_shortcut_agrees_with_parsing(
            text in "[ \t\n\r#!<>`|\\[\\]()~=*_a-zА-я0-9.,:;«»\"'&/+%-]{0,40}"
        ) {
            if cannot_drop(&text) {
                proptest::prop_assert!(parse(&text, Locale::En).1.is_empty(), "{:?}", text);
            }
        }
    }

    fn text(s: &str) -> Inline {
        Inline::Text { text: s.to_owned() }
    }

    #[test]
    fn paragraphs_lists_and_emphasis() {
        let (r, dropped) = parse(
            "Первый *абзац*\nпродолжение.\n\n1. раз\n2. **два**\n\n- [сайт](https://x.ru)",
            Locale::Ru,
        );
        assert!(dropped.is_empty());
        assert_eq!(
            r.blocks,
            vec![
                Block::Paragraph {
                    inlines: vec![
                        text("Первый "),
                        Inline::Emph {
                            children: vec![text("абзац")]
                        },
                        text(" продолжение."),
                    ]
                },
                Block::List {
                    ordered: true,
                    start: 1,
                    items: vec![
                        vec![Block::Paragraph {
                            inlines: vec![text("раз")]
                        }],
                        vec![Block::Paragraph {
                            inlines: vec![Inline::Strong {
                                children: vec![text("два")]
                            }]
                        }],
                    ]
                },
                Block::List {
                    ordered: false,
                    start: 1,
                    items: vec![vec![Block::Paragraph {
                        inlines: vec![Inline::Link {
                            url: "https://x.ru".into(),
                            children: vec![text("сайт")]
                        }]
                    }]]
                },
            ]
        );
    }

    #[test]
    fn drops_markup_and_keeps_words() {
        let (r, dropped) = parse(
            "# Заголовок\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![картинка](a.png) `код`",
            Locale::Ru,
        );
        let at = |line, col| At { line, col };
        assert_eq!(
            dropped,
            [
                (Dropped::Heading, at(1, 1)),
                (Dropped::Html, at(3, 1)),
                (Dropped::Link, at(5, 1)),
                (Dropped::Image, at(5, 26)),
                (Dropped::Code, at(5, 53)),
            ]
        );
        assert_eq!(
            r.plain(),
            "Заголовок; <script>alert(1)</script>; x картинка код"
        );
        assert_eq!(
            dropped_kinds("| a | b |\n|---|---|\n| 1 | 2 |\n\n> q\n\n---"),
            [Dropped::Table, Dropped::Quote, Dropped::Rule]
        );
        // Each kind once, at its first use.
        assert_eq!(dropped_kinds("<b>x</b> <i>y</i>"), [Dropped::Html]);
        assert!(
            dropped_kinds("Текст, *курсив*, **жирный**, [сайт](http://x.ru)\n\n1. раз").is_empty()
        );
    }

    fn dropped_kinds(text: &str) -> Vec<Dropped> {
        dropped(text).into_iter().map(|(k, _)| k).collect()
    }

    #[test]
    fn typesets_runs() {
        let r = rich("Встреча - в \"Доме\" *НКО*", Locale::Ru);
        let Some(Block::Paragraph { inlines }) = r.blocks.first() else {
            panic!("a paragraph");
        };
        assert_eq!(inlines[0], text("Встреча\u{a0}— в\u{a0}«Доме» "));
        // The space after a short word before emphasis, and before a dash after it, do not break.
        let r = rich("Школа в *Курске* - ежегодно", Locale::Ru);
        let Some(Block::Paragraph { inlines }) = r.blocks.first() else {
            panic!("a paragraph");
        };
        assert_eq!(inlines[0], text("Школа в\u{a0}"));
        assert_eq!(inlines[2], text("\u{a0}— ежегодно"));
    }

    #[test]
    fn inline_joins_blocks() {
        let r = rich("Итог:\n\n- раз\n- два", Locale::En).inline();
        assert_eq!(r.plain(), "Итог: раз; два");
        assert_eq!(r.blocks.len(), 1);
        assert!(rich("", Locale::En).inline().blocks.is_empty());
    }
}
