//! YAML events to a tree of [`Node`]s with positions, with limits against hostile input.
//!
//! The tree is built without recursion, so deep nesting cannot overflow the stack; nesting
//! deeper than [`Limits::max_depth`] is an error, and so is an alias that would make the tree
//! larger than [`Limits::max_nodes`] (an "alias bomb").

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;

use super::scalar::is_null_text;
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError, Span};

use crate::i18n::Message;
use crate::msg;
use crate::quote::excerpt;

/// A position in a file: line and column, both counted from 1, the column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub col: u32,
}

impl Pos {
    fn from_marker(m: &Marker) -> Pos {
        Pos {
            line: u32::try_from(m.line()).unwrap_or(u32::MAX).max(1),
            col: u32::try_from(m.col() + 1).unwrap_or(u32::MAX),
        }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A YAML value with the position where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the value is.
    pub kind: NodeKind,
    /// Where it starts.
    pub pos: Pos,
}

/// The kinds of YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A scalar. `plain` is false for quoted and block scalars, which are always text; a plain
    /// scalar may also read as null, a boolean or a number.
    Scalar {
        /// The text of the scalar, escapes resolved.
        value: String,
        /// Written without quotes and not as a block scalar.
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in the order written. Keys are scalars and unique.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// True for `~`, `null`, or nothing at all, written plain.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar { value, plain: true } if is_null_text(value))
    }

    /// The text of a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The value under `key` when this is a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The key node (not the value) for `key` when this is a mapping.
    pub fn get_key(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(k, _)| k),
            _ => None,
        }
    }

    /// Follows a path from this node; `None` where a step does not exist.
    pub fn lookup(&self, segs: &[super::PathSeg]) -> Option<&Node> {
        let mut node = self;
        for seg in segs {
            node = match (seg, &node.kind) {
                (super::PathSeg::Key(k), NodeKind::Map(_)) => node.get(k)?,
                (super::PathSeg::Index(i), NodeKind::Seq(items)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The position of the value at `segs`, or of the nearest ancestor that exists.
    pub fn pos_of(&self, segs: &[super::PathSeg]) -> Pos {
        let mut node = self;
        for seg in segs {
            let next = match (seg, &node.kind) {
                (super::PathSeg::Key(k), NodeKind::Map(_)) => node.get(k),
                (super::PathSeg::Index(i), NodeKind::Seq(items)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node.pos
    }
}

/// Bounds on what one file may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Deepest nesting of sequences and mappings.
    pub max_depth: usize,
    /// Most nodes in the tree, counting every alias as a copy of what it names and every 64
    /// bytes of a long scalar as one more node (so a repeated long text counts by its size).
    /// A million is some fifty thousand steps in one file, and about 50 MB of tree.
    pub max_nodes: usize,
    /// Most characters the scanner may read past the end of the last complete value: the
    /// length of the longest flow collection or text. The scanner keeps about a hundred bytes
    /// of tokens for each character of a flow collection, so this bounds its memory.
    pub max_lookahead: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 64,
            max_nodes: 1_000_000,
            max_lookahead: 1 << 18,
        }
    }
}

/// A problem that stopped the YAML from being read, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    /// Where the problem is.
    pub pos: Pos,
    /// What is wrong, in a sentence without a final period.
    pub message: Message,
    /// How to fix it, when known.
    pub hint: Option<Message>,
    /// A key written twice in one mapping (every other problem is a syntax error).
    pub duplicate: bool,
}

impl ParseError {
    fn new(pos: Pos, message: Message) -> Self {
        ParseError {
            pos,
            message,
            hint: None,
            duplicate: false,
        }
    }

    fn with_hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The parser reports a tab at the start of the scalar before it; point at the tab.
    fn refine(mut self, text: &str) -> Self {
        let tab_in_indent = |(i, line): (usize, &str)| {
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            line[..indent].find('\t').map(|at| Pos {
                line: i as u32 + 1,
                col: line[..at].chars().count() as u32 + 1,
            })
        };
        let from = self.pos.line.saturating_sub(1) as usize;
        let found = text
            .lines()
            .enumerate()
            .skip(from)
            .find_map(tab_in_indent)
            .or_else(|| text.lines().enumerate().find_map(tab_in_indent));
        if let Some(pos) = found {
            self.pos = pos;
        }
        self
    }

    fn from_scan(e: &ScanError, text: &str) -> Self {
        let info = e.info();
        let err = ParseError::new(
            Pos::from_marker(e.marker()),
            msg!(InputYamlInvalid, detail = scan_detail(info)),
        );
        if info.contains("tab") {
            err.with_hint(msg!(InputYamlTabHint)).refine(text)
        } else if info.contains("mapping values are not allowed") {
            err.with_hint(msg!(InputYamlColonHint))
        } else if info.contains("unexpected character") {
            err.with_hint(msg!(InputYamlQuoteHint))
        } else if info.contains("recursion limit") {
            ParseError::new(err.pos, msg!(InputYamlTooDeep)).with_hint(msg!(InputYamlDepthHint))
        } else if info.contains("unprintable") {
            err.with_hint(msg!(InputYamlUnprintableHint))
        } else {
            err
        }
    }
}

/// What the parser says, in the interface's language: each text `saphyr-parser` 0.3 can give
/// has a message; one it does not know is quoted as it is.
fn scan_detail(info: &str) -> Message {
    if let Some(c) = info
        .strip_prefix("unexpected character: `")
        .and_then(|rest| rest.strip_suffix('\''))
    {
        return msg!(InputYamlUnexpectedChar, char = excerpt(c));
    }
    match info {
        "'-' must be followed by a valid YAML whitespace" => msg!(InputYamlDashSpace),
        "':' may not precede any of `[{` in flow mapping" => msg!(InputYamlColonBeforeBracket),
        "':' must be followed by a valid YAML whitespace" => msg!(InputYamlColonSpace),
        "\"-\" is only valid inside a block" => msg!(InputYamlDashInFlow),
        "a block scalar content cannot start with a tab" => msg!(InputYamlBlockTab),
        "a byte order mark must not appear inside a document" => msg!(InputYamlBomInside),
        "block sequence entries are not allowed in this context" => msg!(InputYamlDashHere),
        "comment intercepting the multiline text" => msg!(InputYamlCommentInText),
        "did not find expected <document start>" => msg!(InputYamlNoDocumentStart),
        "did not find expected <document-start>" => msg!(InputYamlNoDocumentStartMark),
        "did not find expected <stream-start>" => msg!(InputYamlNoStreamStart),
        "did not find expected next token" => msg!(InputYamlNoNextToken),
        "duplicate version directive" => msg!(InputYamlVersionTwice),
        "expected whitespace" => msg!(InputYamlSpaceExpected),
        "found unprintable character" => msg!(InputYamlUnprintable),
        "illegal placement of ':' indicator" => msg!(InputYamlColonPlacement),
        "invalid content after document end marker" => msg!(InputYamlAfterDocumentEnd),
        "invalid global tag character" => msg!(InputYamlGlobalTagChar),
        "invalid indentation" => msg!(InputYamlIndentation),
        "invalid indentation for anchor" => msg!(InputYamlAnchorIndentation),
        "invalid indentation in flow construct" => msg!(InputYamlFlowIndentation),
        "invalid indentation in quoted scalar" => msg!(InputYamlQuotedIndentation),
        "invalid trailing content after double-quoted scalar" => msg!(InputYamlAfterQuote),
        "mapping keys are not allowed in this context" => msg!(InputYamlKeyHere),
        "mapping values are not allowed in this context" => msg!(InputYamlValueHere),
        "misplaced bracket" => msg!(InputYamlMisplacedBracket),
        "missing explicit document end marker before directive" => msg!(InputYamlNoDocumentEnd),
        "plain scalar cannot start with '-' followed by ,[]{}" => msg!(InputYamlPlainDash),
        "simple key expect ':'" => msg!(InputYamlKeyColon),
        "simple key expected" => msg!(InputYamlKeyExpected),
        "tab cannot be used as indentation" => msg!(InputYamlTabIndent),
        "tabs disallowed in this context" => msg!(InputYamlTabHere),
        "tabs disallowed within this context (block indentation)" => msg!(InputYamlTabBlock),
        "the TAG directive must only be given at most once per handle in the same document" => {
            msg!(InputYamlTagDirectiveTwice)
        }
        "the handle wasn't declared" => msg!(InputYamlTagHandle),
        "unexpected end of plain scalar" => msg!(InputYamlPlainEnd),
        "unexpected eof" => msg!(InputYamlEof),
        "while parsing a block collection, did not find expected '-' indicator" => {
            msg!(InputYamlBlockDash)
        }
        "while parsing a block mapping, did not find expected key" => msg!(InputYamlBlockKey),
        "while parsing a flow mapping, did not find expected ',' or '}'" => {
            msg!(InputYamlFlowMappingEnd)
        }
        "while parsing a flow sequence, expected ',' or ']'" => msg!(InputYamlFlowSequenceEnd),
        "while parsing a node, did not find expected node content" => msg!(InputYamlNodeContent),
        "while parsing a quoted scalar, did not find expected hexadecimal number" => {
            msg!(InputYamlQuotedHex)
        }
        "while parsing a quoted scalar, found invalid Unicode character escape code" => {
            msg!(InputYamlQuotedUnicode)
        }
        "while parsing a quoted scalar, found unknown escape character" => {
            msg!(InputYamlQuotedEscape)
        }
        "while parsing a tag directive, did not find expected '!'" => {
            msg!(InputYamlTagDirectiveBang)
        }
        "while parsing a tag, did not find expected tag URI" => msg!(InputYamlTagUri),
        "while parsing a tag, found an incorrect leading UTF-8 byte" => {
            msg!(InputYamlTagLeadingByte)
        }
        "while parsing a tag, found an incorrect trailing UTF-8 byte" => {
            msg!(InputYamlTagTrailingByte)
        }
        "while parsing a tag, found an invalid UTF-8 codepoint" => msg!(InputYamlTagCodepoint),
        "while parsing a tag, found an invalid escape sequence" => msg!(InputYamlTagEscape),
        "while parsing node, found unknown anchor" => msg!(InputYamlUnknownAnchor),
        "while scanning TAG, did not find expected whitespace or line break" => {
            msg!(InputYamlTagDirectiveSpace)
        }
        "while scanning a YAML directive, did not find expected digit or '.' character" => {
            msg!(InputYamlVersionDigit)
        }
        "while scanning a YAML directive, did not find expected version number" => {
            msg!(InputYamlVersionMissing)
        }
        "while scanning a YAML directive, found extremely long version number" => {
            msg!(InputYamlVersionLong)
        }
        "while scanning a block scalar, did not find expected comment or line break" => {
            msg!(InputYamlBlockHeader)
        }
        "while scanning a block scalar, found an indentation indicator equal to 0" => {
            msg!(InputYamlBlockZero)
        }
        "while scanning a directive, could not find expected directive name" => {
            msg!(InputYamlDirectiveName)
        }
        "while scanning a directive, did not find expected comment or line break" => {
            msg!(InputYamlDirectiveEnd)
        }
        "while scanning a directive, found unexpected non-alphabetical character" => {
            msg!(InputYamlDirectiveChar)
        }
        "while scanning a plain scalar, found a tab" => msg!(InputYamlPlainTab),
        "while scanning a quoted scalar, found unexpected document indicator" => {
            msg!(InputYamlQuotedDocument)
        }
        "while scanning a quoted scalar, found unexpected end of stream" => {
            msg!(InputYamlQuotedEof)
        }
        "while scanning a tag, did not find expected '!'" => msg!(InputYamlTagBang),
        "while scanning a tag, did not find expected whitespace or line break" => {
            msg!(InputYamlTagSpace)
        }
        "while scanning a verbatim tag, did not find the expected '>'" => {
            msg!(InputYamlVerbatimTag)
        }
        "while scanning an anchor or alias, did not find expected alphabetic or numeric character" =>
        {
            msg!(InputYamlAnchorChar)
        }
        "wrongly indented line in block scalar" => msg!(InputYamlBlockLineIndent),
        "comments must be separated from other tokens by whitespace" => msg!(InputYamlCommentSpace),
        "unbalanced collection end" => msg!(InputYamlUnbalancedEnd),
        other => msg!(InputYamlOther, text = excerpt(other)),
    }
}

/// A tag as written: `!!binary` for the core schema's, `!name` for local ones.
fn tag_text(tag: &saphyr_parser::Tag) -> String {
    if tag.handle == "tag:yaml.org,2002:" {
        excerpt(&format!("!!{}", tag.suffix))
    } else {
        excerpt(&format!("{}{}", tag.handle, tag.suffix))
    }
}

/// A container being built.
struct Frame {
    pos: Pos,
    anchor: usize,
    /// Nodes counted before this container started, to know its size when it ends.
    nodes_before: usize,
    body: Body,
}

enum Body {
    Seq(Vec<Node>),
    Map {
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        /// Built once a mapping has many keys, so duplicate detection stays linear.
        seen: Option<HashMap<String, Pos>>,
    },
}

/// Parses one YAML document into a tree.
///
/// An empty document (nothing but comments) gives a null node. Returns every duplicate key of
/// the file at once; any other problem stops at the first.
pub fn parse(text: &str, limits: Limits) -> Result<Node, Vec<ParseError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(err) = find_control_char(text) {
        return Err(vec![err]);
    }
    let mut builder = Builder {
        limits,
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        root: None,
        documents: 0,
        duplicates: Vec::new(),
        aliases: false,
    };
    // The scanner reads a whole flow collection (`[a, b, …]`) before its first event, keeping
    // every token: about a hundred bytes of memory per character of it. So it is fed only up to
    // `limits.max_lookahead` characters past the last event, and a value that runs on further
    // is refused (see `Lookahead`).
    let feed = Lookahead {
        fed: Cell::new(0),
        until: Cell::new(limits.max_lookahead),
        cut: Cell::new(false),
    };
    let chars = text.chars().map_while(|c| feed.next(c));
    let mut parser = Parser::new_from_iter(chars);
    let mut read_up_to = 0;
    while let Some(event) = parser.next_event() {
        let scanned = event.map_err(|e| vec![ParseError::from_scan(&e, text)]);
        if feed.cut.get() {
            return Err(vec![runaway(text, read_up_to, limits.max_lookahead)]);
        }
        let (event, span) = scanned?;
        read_up_to = span.end.index();
        feed.until
            .set(read_up_to.saturating_add(limits.max_lookahead));
        builder.event(event, span).map_err(|e| vec![e])?;
    }
    if feed.cut.get() {
        return Err(vec![runaway(text, read_up_to, limits.max_lookahead)]);
    }
    if !builder.duplicates.is_empty() {
        return Err(builder.duplicates);
    }
    Ok(builder.root.unwrap_or(Node {
        kind: NodeKind::Scalar {
            value: String::new(),
            plain: true,
        },
        pos: Pos { line: 1, col: 1 },
    }))
}

/// The characters handed to the scanner so far, and how far it may read.
struct Lookahead {
    fed: Cell<usize>,
    until: Cell<usize>,
    /// Set once the scanner asked for more than it may read; it then sees the end of the text.
    cut: Cell<bool>,
}

impl Lookahead {
    fn next(&self, c: char) -> Option<char> {
        if self.cut.get() || self.fed.get() >= self.until.get() {
            self.cut.set(true);
            return None;
        }
        self.fed.set(self.fed.get() + 1);
        Some(c)
    }
}

/// The error for a value that runs on for more than `max` characters from character `from`
/// (where the last complete value ended): a long flow collection or one enormous text.
fn runaway(text: &str, from: usize, max: usize) -> ParseError {
    let mut pos = Pos { line: 1, col: 1 };
    let mut next = None;
    let mut comment = false;
    for (i, c) in text.chars().enumerate() {
        // The value starts at the first character after `from` that is not blank, punctuation
        // between values, nor in a comment.
        comment = (comment || (i >= from && c == '#')) && c != '\n';
        if i >= from && !comment && !matches!(c, ' ' | '\t' | '\r' | '\n' | ':' | ',' | '-') {
            next = Some(c);
            break;
        }
        if c == '\n' {
            pos.line += 1;
            pos.col = 1;
        } else {
            pos.col += 1;
        }
    }
    if matches!(next, Some('[' | '{')) {
        ParseError::new(pos, msg!(InputYamlLongFlow, n = max))
            .with_hint(msg!(InputYamlLongFlowHint))
    } else {
        ParseError::new(pos, msg!(InputYamlLongValue, n = max))
            .with_hint(msg!(InputYamlLongValueHint))
    }
}

/// A character that has no place in text: a control character other than tab, line feed and
/// carriage return, or a non-character.
fn is_bad_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}'
}

/// Control characters other than tab, line feed and carriage return are not text: such a file
/// is binary, or damaged. The YAML parser would say "unprintable character"; this says where.
fn find_control_char(text: &str) -> Option<ParseError> {
    let bad = is_bad_char;
    if !text.chars().any(bad) {
        return None;
    }
    let mut pos = Pos { line: 1, col: 1 };
    for c in text.chars() {
        if bad(c) {
            return Some(
                ParseError::new(
                    pos,
                    msg!(InputControlInFile, code = format!("U+{:04X}", c as u32)),
                )
                .with_hint(msg!(InputControlInFileHint)),
            );
        }
        if c == '\n' {
            pos.line += 1;
            pos.col = 1;
        } else {
            pos.col += 1;
        }
    }
    None
}

struct Builder {
    limits: Limits,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Node, usize)>,
    nodes: usize,
    root: Option<Node>,
    documents: usize,
    duplicates: Vec<ParseError>,
    /// Whether an alias was met: then a tree too large is likely an alias bomb.
    aliases: bool,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), ParseError> {
        let pos = Pos::from_marker(&span.start);
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(ParseError::new(pos, msg!(InputYamlTwoDocuments))
                        .with_hint(msg!(InputYamlTwoDocumentsHint)));
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                let mut plain = style == ScalarStyle::Plain;
                if let Some(tag) = tag {
                    if tag.suffix == "str" {
                        plain = false;
                    } else {
                        return Err(
                            ParseError::new(pos, msg!(InputYamlTag, tag = tag_text(&tag)))
                                .with_hint(msg!(InputYamlTagHint)),
                        );
                    }
                }
                // Escapes (`"\e"`) can make control characters the raw text did not have.
                if let Some(c) = value.chars().find(|c| is_bad_char(*c)) {
                    return Err(ParseError::new(
                        pos,
                        msg!(InputControlInText, code = format!("U+{:04X}", c as u32)),
                    )
                    .with_hint(msg!(InputControlInTextHint)));
                }
                // Long text weighs more, so an alias repeating it cannot blow up memory.
                let weight = 1 + value.len() / 64;
                self.count(pos, weight)?;
                let node = Node {
                    kind: NodeKind::Scalar {
                        value: value.into_owned(),
                        plain,
                    },
                    pos,
                };
                if anchor != 0 {
                    self.anchors.insert(anchor, (node.clone(), weight));
                }
                self.complete(node)?;
            }
            Event::Alias(id) => {
                let Some((node, size)) = self.anchors.get(&id) else {
                    return Err(ParseError::new(pos, msg!(InputYamlUnknownAlias)));
                };
                let (mut node, size) = (node.clone(), *size);
                self.aliases = true;
                self.count(pos, size)?;
                node.pos = pos;
                self.complete(node)?;
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                if tag.is_some() {
                    return Err(ParseError::new(pos, msg!(InputYamlTagHere))
                        .with_hint(msg!(InputYamlTagHereHint)));
                }
                if self.stack.len() >= self.limits.max_depth {
                    return Err(ParseError::new(
                        pos,
                        msg!(InputYamlDeeper, n = self.limits.max_depth),
                    )
                    .with_hint(msg!(InputYamlDepthHint)));
                }
                self.count(pos, 1)?;
                let body = if matches!(event, Event::SequenceStart(..)) {
                    Body::Seq(Vec::new())
                } else {
                    Body::Map {
                        entries: Vec::new(),
                        key: None,
                        seen: None,
                    }
                };
                self.stack.push(Frame {
                    pos,
                    anchor,
                    nodes_before: self.nodes - 1,
                    body,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Err(ParseError::new(
                        pos,
                        msg!(InputYamlInvalid, detail = msg!(InputYamlUnbalancedEnd)),
                    ));
                };
                // Without the spare capacity of a growing list: a large tree is mostly lists.
                let kind = match frame.body {
                    Body::Seq(mut items) => {
                        items.shrink_to_fit();
                        NodeKind::Seq(items)
                    }
                    Body::Map { mut entries, .. } => {
                        entries.shrink_to_fit();
                        NodeKind::Map(entries)
                    }
                };
                let node = Node {
                    kind,
                    pos: frame.pos,
                };
                if frame.anchor != 0 {
                    let size = self.nodes - frame.nodes_before;
                    self.anchors.insert(frame.anchor, (node.clone(), size));
                }
                self.complete(node)?;
            }
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
        }
        Ok(())
    }

    /// Counts `n` more nodes, failing once the tree would be too large.
    fn count(&mut self, pos: Pos, n: usize) -> Result<(), ParseError> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes <= self.limits.max_nodes {
            return Ok(());
        }
        let max = self.limits.max_nodes;
        Err(if self.aliases {
            ParseError::new(pos, msg!(InputYamlExpands, n = max))
                .with_hint(msg!(InputYamlExpandsHint))
        } else {
            ParseError::new(pos, msg!(InputYamlTooManyValues, n = max))
                .with_hint(msg!(InputYamlTooManyValuesHint))
        })
    }

    /// Puts a finished node into its parent, or makes it the root.
    fn complete(&mut self, node: Node) -> Result<(), ParseError> {
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        match &mut frame.body {
            Body::Seq(items) => items.push(node),
            Body::Map { entries, key, seen } => match key.take() {
                None => {
                    let NodeKind::Scalar { value, plain } = &node.kind else {
                        return Err(ParseError::new(node.pos, msg!(InputYamlKeyNotText))
                            .with_hint(msg!(InputYamlKeyNotTextHint)));
                    };
                    // `2029`, `02029` and `+2029` are the same key (the same year).
                    let canonical = super::scalar::canonical_key(value, *plain);
                    let first = if let Some(seen) = seen {
                        seen.get(canonical.as_ref()).copied()
                    } else {
                        entries
                            .iter()
                            .find(|(k, _)| match &k.kind {
                                NodeKind::Scalar { value, plain } => {
                                    super::scalar::canonical_key(value, *plain) == canonical
                                }
                                _ => false,
                            })
                            .map(|(k, _)| k.pos)
                    };
                    if let Some(first) = first {
                        let key = excerpt(value);
                        let mut e = ParseError::new(node.pos, msg!(InputDuplicateKey, key = &key))
                            .with_hint(msg!(
                                InputDuplicateKeyHint,
                                key = key,
                                line = first.line.to_string()
                            ));
                        e.duplicate = true;
                        self.duplicates.push(e);
                    }
                    if seen.is_none() && entries.len() >= 16 {
                        *seen = Some(
                            entries
                                .iter()
                                .filter_map(|(k, _)| match &k.kind {
                                    NodeKind::Scalar { value, plain } => Some((
                                        super::scalar::canonical_key(value, *plain).into_owned(),
                                        k.pos,
                                    )),
                                    _ => None,
                                })
                                .collect(),
                        );
                    }
                    if let Some(seen) = seen {
                        seen.entry(canonical.into_owned()).or_insert(node.pos);
                    }
                    *key = Some(node);
                }
                Some(k) => entries.push((k, node)),
            },
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Node, Vec<ParseError>> {
        parse(text, Limits::default())
    }

    #[test]
    fn positions_are_one_based() {
        let n = p("a: 1\nb:\n  - x\n  - \"y\"\n").unwrap();
        assert_eq!(n.get("a").unwrap().pos, Pos { line: 1, col: 4 });
        let b = n.get("b").unwrap();
        let NodeKind::Seq(items) = &b.kind else {
            panic!()
        };
        assert_eq!(items[1].pos, Pos { line: 4, col: 5 });
        assert_eq!(items[1].as_str(), Some("y"));
        assert!(matches!(
            items[1].kind,
            NodeKind::Scalar { plain: false, .. }
        ));
    }

    #[test]
    fn empty_document_is_null() {
        assert!(p("").unwrap().is_null());
        assert!(p("# only a comment\n").unwrap().is_null());
    }

    #[test]
    fn bom_and_crlf() {
        let n = p("\u{feff}a: 1\r\nb: 2\r\n").unwrap();
        assert_eq!(n.get("b").unwrap().pos, Pos { line: 2, col: 4 });
    }

    #[test]
    fn all_duplicate_keys_are_reported() {
        let errs = p("a: 1\nb: 2\na: 3\nb: 4\n").unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].pos, Pos { line: 3, col: 1 });
        assert_eq!(errs[0].message.en(), "duplicate key `a`");
        assert!(errs[0].hint.as_ref().unwrap().en().contains("line 1"));
    }

    #[test]
    fn keys_that_mean_the_same_number_are_duplicates() {
        let errs = p("a: {2029: 5, 02029: 7}\n").unwrap_err();
        assert_eq!(errs[0].message.en(), "duplicate key `02029`");
        assert!(
            p("a: {'2029': 5, 2029: 7}\n").is_err(),
            "the same year, quoted or not"
        );
        assert!(p("a: {x: 5, 'y': 7}\n").is_ok());
    }

    #[test]
    fn escaped_control_characters_are_refused() {
        let errs = p("title: \"\\e[2Jboom\"\n").unwrap_err();
        assert!(errs[0].message.en().contains("U+001B"), "{errs:?}");
        assert_eq!(errs[0].pos, Pos { line: 1, col: 8 });
        assert!(p("t: \"tab\\there\\nline\"\n").is_ok());
    }

    #[test]
    fn long_text_repeated_by_aliases_is_refused() {
        let big = "x".repeat(200 * 1024);
        let aliases = vec!["*big"; 3000].join(", ");
        let text = format!("k: [&big \"{big}\", {aliases}]\n");
        let errs = p(&text).unwrap_err();
        assert!(errs[0].message.en().contains("expands"), "{errs:?}");
    }

    #[test]
    fn duplicates_in_large_mappings() {
        let mut text: String = (0..40).map(|i| format!("k{i}: {i}\n")).collect();
        text.push_str("k7: again\n");
        let errs = p(&text).unwrap_err();
        assert_eq!(errs[0].pos.line, 41);
    }

    #[test]
    fn tab_indent_is_an_error_with_a_hint() {
        let errs = p("a:\n\t- b\n").unwrap_err();
        assert_eq!(errs[0].pos, Pos { line: 2, col: 1 });
        let errs = p("a: x\nb: y\n\tc: z\n").unwrap_err();
        assert_eq!(errs[0].pos, Pos { line: 3, col: 1 }, "{errs:?}");
        assert!(errs[0].hint.as_ref().unwrap().en().contains("tabs"));
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let text = "[".repeat(100_000);
        let errs = p(&text).unwrap_err();
        assert!(errs[0].message.en().contains("nesting is"), "{errs:?}");
        let text: String = (0..100)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        let errs = p(&text).unwrap_err();
        assert!(errs[0].message.en().contains("deeper than 64"), "{errs:?}");
        assert_eq!(errs[0].pos.line, 65);
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = format!("*a{}", i - 1);
            let items = vec![prev; 10].join(", ");
            text.push_str(&format!("a{i}: &a{i} [{items}]\n"));
        }
        let errs = p(&text).unwrap_err();
        assert!(errs[0].message.en().contains("expands"), "{errs:?}");
    }

    #[test]
    fn a_runaway_flow_collection_or_text_is_refused() {
        let limits = Limits {
            max_lookahead: 1000,
            ..Limits::default()
        };
        // At the top, the scanner reads a flow collection whole before its first event.
        let items = vec!["a"; 600].join(", ");
        let errs = parse(&format!("# c\n\n  [{items}]\n"), limits).unwrap_err();
        assert_eq!(errs[0].pos, Pos { line: 3, col: 3 }, "{:?}", errs[0]);
        assert!(
            errs[0].message.en().contains("in brackets"),
            "{:?}",
            errs[0]
        );
        let long = "y".repeat(1500);
        let errs = parse(&format!("k: \"{long}\"\n"), limits).unwrap_err();
        assert!(
            errs[0].message.en().starts_with("a value runs on"),
            "{:?}",
            errs[0]
        );
        let errs = parse(&format!("k: {long}\n"), limits).unwrap_err();
        assert!(
            errs[0].message.en().starts_with("a value runs on"),
            "{:?}",
            errs[0]
        );
        // Many short values, and a long text in a large file, are fine.
        let many: String = (0..2000).map(|i| format!("- [{i}, {i}]\n")).collect();
        assert!(parse(&many, limits).is_ok());
        assert!(parse(&format!("k: {}\n", "y".repeat(900)), limits).is_ok());
    }

    #[test]
    fn too_many_values_without_aliases_is_not_called_a_bomb() {
        let limits = Limits {
            max_nodes: 100,
            ..Limits::default()
        };
        let text: String = (0..200).map(|i| format!("- {i}\n")).collect();
        let errs = parse(&text, limits).unwrap_err();
        assert_eq!(errs[0].message.en(), "the file holds more than 100 values");
        assert!(!errs[0].hint.as_ref().unwrap().en().contains("alias"));
    }

    #[test]
    fn small_aliases_work() {
        let n = p("a: &x [1, 2]\nb: *x\n").unwrap();
        assert_eq!(n.get("a").unwrap().kind, n.get("b").unwrap().kind);
    }

    #[test]
    fn binary_is_refused_with_position() {
        let errs = p("a: 1\nb: \u{0}\u{1}\n").unwrap_err();
        assert_eq!(errs[0].pos, Pos { line: 2, col: 4 });
        assert!(errs[0].message.en().contains("U+0000"));
    }

    #[test]
    fn two_documents_are_refused() {
        let errs = p("a: 1\n---\nb: 2\n").unwrap_err();
        assert!(errs[0].message.en().contains("more than one"));
    }

    #[test]
    fn lookup_follows_paths() {
        use crate::yaml::PathSeg;
        let n = p("s:\n  - id: a\n    r: [x, y]\n").unwrap();
        let segs = [
            PathSeg::Key("s".into()),
            PathSeg::Index(0),
            PathSeg::Key("r".into()),
            PathSeg::Index(1),
        ];
        assert_eq!(n.lookup(&segs).unwrap().pos, Pos { line: 3, col: 12 });
        let missing = [PathSeg::Key("s".into()), PathSeg::Index(5)];
        assert!(n.lookup(&missing).is_none());
        assert_eq!(n.pos_of(&missing).line, 2);
    }

    /// Every text the parser gives has its own message in both languages, the English one
    /// word for word the parser's; a text it does not know is quoted as it is.
    #[test]
    fn parser_texts_are_translated() {
        use crate::i18n::Lang;
        let errs = p("a: b: c\n").unwrap_err();
        assert_eq!(
            errs[0].message.en(),
            "invalid YAML: mapping values are not allowed in this context"
        );
        assert_eq!(
            errs[0].message.text(Lang::Ru),
            "нарушен синтаксис YAML: здесь не может быть пары «ключ: значение»"
        );
        for info in [
            "unexpected eof",
            "while parsing a flow sequence, expected ',' or ']'",
            "while parsing a flow mapping, did not find expected ',' or '}'",
            "plain scalar cannot start with '-' followed by ,[]{}",
            "':' may not precede any of `[{` in flow mapping",
            "did not find expected <document start>",
        ] {
            let m = scan_detail(info);
            assert_eq!(m.en(), info);
            assert_ne!(m.id(), crate::i18n::Msg::InputYamlOther, "{info}");
            assert!(!m.text(Lang::Ru).contains("expected"), "{info}");
        }
        assert_eq!(
            scan_detail("unexpected character: `%'").en(),
            "unexpected character: `%'"
        );
        assert_eq!(
            scan_detail("unexpected character: `%'").text(Lang::Ru),
            "неожиданный символ «%»"
        );
        assert_eq!(scan_detail("something new").text(Lang::Ru), "something new");
        let deeper = |n: usize| msg!(InputYamlDeeper, n = n).text(Lang::Ru);
        assert_eq!(deeper(64), "вложенность глубже 64 уровней");
        assert_eq!(deeper(21), "вложенность глубже 21 уровня");
        assert_eq!(
            msg!(InputYamlTooManyValues, n = 1_000_000).en(),
            "the file holds more than 1000000 values"
        );
    }
}
