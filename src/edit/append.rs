//! Stage `edit`, the text part: one new entry added to a YAML block sequence without changing a
//! byte of what is already written.
//!
//! People edit the programme files by hand: they keep comments, blank lines, their own quoting
//! and indentation. Re-serialising a file would lose all of that, so this module never does:
//! it reads where things are from the positions of the parsed tree, and inserts text.
//!
//! - [`append_item`] appends to a file whose top level is a sequence (`steps/<case>.yaml`,
//!   `participants.yaml`): the new item goes at the very end of the file.
//! - [`append_under_key`] appends to the sequence under a key of a file whose top level is a
//!   mapping (`proposals` in `cases/<case>.yaml`): after that sequence's last item, or, when the
//!   key is absent, as a new `key:` at the end of the file.
//!
//! The new item copies the layout of the items already there (the column of the `-`, the
//! column of the keys, a blank line between items or not) and the file's line ending (CRLF
//! stays CRLF). A file without a final newline gets one before the item; an empty file or one
//! holding only comments gets a first item at column 0.
//!
//! The one exception to "every byte stays": an empty flow sequence (`[]`, as in
//! `proposals: []` or a steps file holding only `[]`) cannot take a block item, so the `[]`
//! itself is removed (with the spaces before it on its line, or the whole line when nothing
//! else is on it) and the item is written as a block sequence. [`Appended::replaced`] says when
//! that happened.
//!
//! Every result is checked before it is returned: the new text is parsed again, and unless it
//! holds exactly the old values plus the new item (whose values must read back as given), the
//! edit is refused with [`AppendError::Unsafe`]. So an odd file (a block scalar at the end of a
//! file without a final newline, a flow sequence, tags) is never damaged: at worst it is left
//! alone with a message.

use std::ops::Range;

use crate::i18n::Message;
use crate::msg;

use crate::model::is_valid_id;
use crate::yaml::emit;
use crate::yaml::{Limits, Node, NodeKind, Pos, parse};

/// A value of the new entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text, written plain, double-quoted or as a literal block, whichever reads back the same.
    Text(String),
    /// One id, written plain when it is a valid id.
    Id(String),
    /// A list of ids, written as a flow sequence `[a, b]`.
    Ids(Vec<String>),
    /// A whole number.
    Int(u64),
    /// A boolean.
    Bool(bool),
    /// A number, written as Rust writes it (the shortest text that reads back the same).
    Number(f64),
}

/// The new entry: its keys and values in the order they are written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// Keys and values, in order.
    pub fields: Vec<(&'static str, Value)>,
}

impl Entry {
    /// An entry without keys.
    pub fn new() -> Self {
        Entry::default()
    }

    /// Adds `key: value`.
    pub fn with(mut self, key: &'static str, value: Value) -> Self {
        self.fields.push((key, value));
        self
    }

    /// Adds `key: text` when there is text.
    pub fn text(self, key: &'static str, text: Option<&str>) -> Self {
        match text {
            Some(t) => self.with(key, Value::Text(t.to_owned())),
            None => self,
        }
    }

    /// Adds `key: [a, b]` when the list is not empty.
    pub fn ids(self, key: &'static str, ids: &[String]) -> Self {
        if ids.is_empty() {
            self
        } else {
            self.with(key, Value::Ids(ids.to_vec()))
        }
    }
}

/// The edited file.
#[derive(Debug, Clone, PartialEq)]
pub struct Appended {
    /// The whole new text of the file.
    pub text: String,
    /// Where the added text is in [`Appended::text`], in bytes. Everything before and after it
    /// is the old text, byte for byte, unless [`Appended::replaced`] is set.
    pub inserted: Range<usize>,
    /// The byte range of the old text that was removed: an empty flow sequence `[]` turned
    /// into a block sequence. Always before [`Appended::inserted`].
    pub replaced: Option<Range<usize>>,
}

impl Appended {
    /// The added text.
    pub fn added(&self) -> &str {
        &self.text[self.inserted.clone()]
    }

    /// The first and last line (from 1) of the added text, without the line breaks and blank
    /// lines that only separate it from what was there.
    pub fn lines(&self) -> (u32, u32) {
        let line_at = |offset: usize| self.text[..offset].matches('\n').count() as u32 + 1;
        let added = self.added();
        let lead = added.len() - added.trim_start_matches(['\r', '\n']).len();
        let start = self.inserted.start + lead;
        let end = self.inserted.end.max(start + 1) - 1;
        (line_at(start), line_at(end.max(start)))
    }
}

/// What an entry could not be appended to, in messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// The file as a whole.
    File,
    /// The list the file holds.
    List,
    /// The value of a key (`proposals`).
    Key(String),
}

impl Target {
    fn message(&self) -> Message {
        match self {
            Target::File => msg!(CmdAppendTheFile),
            Target::List => msg!(CmdAppendTheList),
            Target::Key(key) => msg!(CmdAppendKey, key = key.as_str()),
        }
    }
}

/// Why an entry could not be added.
#[derive(Debug, Clone, PartialEq)]
pub enum AppendError {
    /// The file is not valid YAML.
    Syntax {
        /// Where the first problem is.
        pos: Pos,
    },
    /// The value to append to is not a list.
    NotASequence {
        /// The file, or a key.
        what: Target,
        /// Where it is.
        pos: Pos,
    },
    /// The top level is not a mapping.
    NotAMapping {
        /// Where the top level starts.
        pos: Pos,
    },
    /// The list is written in flow style, `[a, b]`, with entries in it.
    FlowSequence {
        /// The list, or a key.
        what: Target,
        /// Where it is.
        pos: Pos,
    },
    /// The file ends its document with `...`: whatever follows the marker is not part of it.
    DocumentEnd {
        /// Where the marker is.
        pos: Pos,
    },
    /// The item to edit is written as a flow mapping, `{id: …}`.
    FlowMapping {
        /// The list.
        what: Target,
        /// Where it is.
        pos: Pos,
    },
    /// The value of a key to add to is not a mapping.
    NotAMappingAt {
        /// The key.
        what: Target,
        /// Where its value is.
        pos: Pos,
    },
    /// The key to add is already there.
    KeyExists {
        /// The key.
        key: String,
        /// Where it is.
        pos: Pos,
    },
    /// The result would not read back as the old values plus the new entry.
    Unsafe,
}

impl std::fmt::Display for AppendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().en())
    }
}

impl std::error::Error for AppendError {}

impl AppendError {
    /// Where the problem is, when known.
    pub fn pos(&self) -> Option<Pos> {
        match self {
            AppendError::Syntax { pos }
            | AppendError::NotASequence { pos, .. }
            | AppendError::NotAMapping { pos }
            | AppendError::FlowSequence { pos, .. }
            | AppendError::DocumentEnd { pos }
            | AppendError::FlowMapping { pos, .. }
            | AppendError::NotAMappingAt { pos, .. }
            | AppendError::KeyExists { pos, .. } => Some(*pos),
            AppendError::Unsafe => None,
        }
    }

    /// What is wrong.
    pub fn message(&self) -> Message {
        match self {
            AppendError::Syntax { .. } => msg!(CmdAppendSyntax),
            AppendError::NotASequence { what, .. } => {
                msg!(CmdAppendNotAList, what = what.message())
            }
            AppendError::NotAMapping { .. } => msg!(CmdAppendNotAMapping),
            AppendError::FlowSequence { what, .. } => {
                msg!(CmdAppendFlow, what = what.message())
            }
            AppendError::DocumentEnd { .. } => msg!(CmdAppendDocumentEnd),
            AppendError::FlowMapping { .. } => msg!(CmdAppendFlowMapping),
            AppendError::NotAMappingAt { what, .. } => {
                msg!(CmdAppendNotAMappingAt, what = what.message())
            }
            AppendError::KeyExists { key, .. } => msg!(CmdAppendKeyExists, key = key.as_str()),
            AppendError::Unsafe => msg!(CmdAppendUnsafe),
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> Message {
        match self {
            AppendError::Syntax { .. } | AppendError::NotAMapping { .. } => {
                msg!(CmdAppendFixFirstHint)
            }
            AppendError::NotASequence { .. } => msg!(CmdAppendNotAListHint),
            AppendError::FlowSequence { .. } => msg!(CmdAppendFlowHint),
            AppendError::DocumentEnd { .. } => msg!(CmdAppendDocumentEndHint),
            AppendError::FlowMapping { .. } => msg!(CmdAppendFlowMappingHint),
            AppendError::NotAMappingAt { .. } => msg!(CmdAppendNotAMappingAtHint),
            AppendError::KeyExists { .. } => msg!(CmdAppendKeyExistsHint),
            AppendError::Unsafe => msg!(CmdAppendUnsafeHint),
        }
    }
}

/// How the items of a sequence are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Layout {
    /// Column of the `-`, from 0.
    dash: usize,
    /// Column of the item's keys, from 0; more than `dash`.
    key: usize,
    /// A blank line between items.
    blank: bool,
}

impl Layout {
    const TOP: Layout = Layout {
        dash: 0,
        key: 2,
        blank: true,
    };
}

/// Appends `entry` as the last item of the sequence that is the top level of `text`. An empty
/// file, or one holding only comments, becomes a sequence of one item.
pub fn append_item(text: &str, entry: &Entry) -> Result<Appended, AppendError> {
    let (bom, body) = split_bom(text);
    let old = parse_body(body)?;
    let lines = Lines::new(body);
    let mut removed = None;
    let layout = match &old.kind {
        NodeKind::Scalar { value, plain: true } if value.is_empty() => Layout::TOP,
        NodeKind::Seq(items) if lines.char_at(old.pos) == Some('[') => {
            if !items.is_empty() {
                return Err(AppendError::FlowSequence {
                    what: Target::List,
                    pos: old.pos,
                });
            }
            removed = Some(lines.empty_flow(old.pos, false)?);
            Layout::TOP
        }
        NodeKind::Seq(items) => lines.layout(old.pos, items, true),
        _ => {
            return Err(AppendError::NotASequence {
                what: Target::File,
                pos: old.pos,
            });
        }
    };
    let (body, _) = remove(body, removed.clone());
    let eol = line_ending(&body);
    let mut add = String::new();
    if !body.is_empty() && !body.ends_with('\n') {
        add.push_str(eol);
    }
    let has_items = matches!(&old.kind, NodeKind::Seq(items) if !items.is_empty());
    let last = last_line(&body);
    let comment_before = !has_items && last.trim_start().starts_with('#');
    if (has_items && layout.blank || comment_before) && !last.trim().is_empty() {
        add.push_str(eol);
    }
    add.push_str(&render(entry, layout, eol));
    let at = body.len();
    let result = finish(bom, &body, at, &add, removed);
    verify(&old, &result.text, None, entry)?;
    Ok(result)
}

/// Appends `entry` to the sequence under `key` in the mapping that is the top level of `text`:
/// after its last item, or as a new `key:` at the end of the file when the key is absent.
/// `key:` with nothing after it, and `key: []`, take the entry as their first item.
pub fn append_under_key(text: &str, key: &str, entry: &Entry) -> Result<Appended, AppendError> {
    let (bom, body) = split_bom(text);
    let old = parse_body(body)?;
    let lines = Lines::new(body);
    let empty = Vec::new();
    let entries = match &old.kind {
        NodeKind::Map(entries) if lines.char_at(old.pos) != Some('{') => entries,
        NodeKind::Scalar { value, plain: true } if value.is_empty() => &empty,
        _ => return Err(AppendError::NotAMapping { pos: old.pos }),
    };
    let what = Target::Key(key.to_owned());
    let found = entries.iter().position(|(k, _)| k.as_str() == Some(key));
    let Some(index) = found else {
        // A new `key:` at the end of the file, its items laid out like the file's other lists.
        let key_col = entries.first().map_or(0, |(k, _)| k.pos.col as usize - 1);
        let layout = entries
            .iter()
            .find_map(|(k, v)| match &v.kind {
                NodeKind::Seq(items) if !items.is_empty() && lines.char_at(v.pos) != Some('[') => {
                    let l = lines.layout(v.pos, items, false);
                    let dash = key_col + l.dash.saturating_sub(k.pos.col as usize - 1);
                    Some(Layout {
                        dash,
                        key: dash + (l.key - l.dash),
                        blank: false,
                    })
                }
                _ => None,
            })
            .unwrap_or(Layout {
                dash: key_col + 2,
                key: key_col + 4,
                blank: false,
            });
        let eol = line_ending(body);
        let mut add = String::new();
        if !body.is_empty() && !body.ends_with('\n') {
            add.push_str(eol);
        }
        if !last_line(body).trim().is_empty() {
            add.push_str(eol);
        }
        add.push_str(&" ".repeat(key_col));
        add.push_str(key);
        add.push(':');
        add.push_str(eol);
        add.push_str(&render(entry, layout, eol));
        let result = finish(bom, body, body.len(), &add, None);
        verify(&old, &result.text, Some(key), entry)?;
        return Ok(result);
    };
    let (k, v) = &entries[index];
    let key_col = k.pos.col as usize - 1;
    let default = Layout {
        dash: key_col + 2,
        key: key_col + 4,
        blank: false,
    };
    let (removed, layout, at_line_end, separate) = match &v.kind {
        NodeKind::Scalar { value, plain: true } if value.is_empty() => {
            (None, default, k.pos.line, false)
        }
        NodeKind::Seq(items) if lines.char_at(v.pos) == Some('[') => {
            if !items.is_empty() {
                return Err(AppendError::FlowSequence { what, pos: v.pos });
            }
            (
                Some(lines.empty_flow(v.pos, true)?),
                default,
                v.pos.line,
                false,
            )
        }
        NodeKind::Seq(items) => {
            let layout = lines.layout(v.pos, items, false);
            // The sequence ends where the next key starts, less the blank lines and comments
            // before that key which are not indented into the sequence.
            let next = entries.get(index + 1).map(|(k, _)| k.pos.line);
            let end = lines.end_of_block(next, layout.dash);
            (None, layout, end, layout.blank)
        }
        _ => return Err(AppendError::NotASequence { what, pos: v.pos }),
    };
    // Offset of the end of line `at_line_end` (after its line break), before any removal.
    let at_old = lines.line_end(at_line_end);
    let (body_new, shift) = remove(body, removed.clone());
    let at = at_old - shift;
    let eol = line_ending(&body_new);
    let mut add = String::new();
    if !body_new[..at].ends_with('\n') {
        add.push_str(eol);
    }
    if separate {
        add.push_str(eol);
    }
    add.push_str(&render(entry, layout, eol));
    let result = finish(bom, &body_new, at, &add, removed);
    verify(&old, &result.text, Some(key), entry)?;
    Ok(result)
}

/// Splits a leading BOM off: positions of the parsed tree count from after it.
pub(super) fn split_bom(text: &str) -> (&str, &str) {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    }
}

pub(super) fn parse_body(body: &str) -> Result<Node, AppendError> {
    let node = parse(body, Limits::default()).map_err(|errors| AppendError::Syntax {
        pos: errors.first().map_or(Pos { line: 1, col: 1 }, |e| e.pos),
    })?;
    // A line `...` (the document end marker) at the top level: text appended at the end of the
    // file would come after it, outside the document.
    let marker = body.lines().position(|line| {
        let line = line.trim_end_matches('\r');
        line == "..." || line.starts_with("... ") || line.starts_with("...\t")
    });
    if let Some(i) = marker {
        return Err(AppendError::DocumentEnd {
            pos: Pos {
                line: i as u32 + 1,
                col: 1,
            },
        });
    }
    Ok(node)
}

/// The file's line ending: CRLF when its first line ends so, else LF.
pub(super) fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if text[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// The text of the last line (after the last line break; empty when the text ends with one).
fn last_line(text: &str) -> &str {
    let body = text.strip_suffix('\n').unwrap_or(text);
    let body = body.strip_suffix('\r').unwrap_or(body);
    if text.ends_with('\n') {
        body.rsplit('\n').next().unwrap_or("")
    } else {
        text.rsplit('\n').next().unwrap_or("")
    }
}

/// `body` without the bytes of `range`, and how many bytes were removed.
pub(super) fn remove(body: &str, range: Option<Range<usize>>) -> (String, usize) {
    match range {
        Some(r) => {
            let mut out = String::with_capacity(body.len());
            out.push_str(&body[..r.start]);
            out.push_str(&body[r.end..]);
            (out, r.len())
        }
        None => (body.to_owned(), 0),
    }
}

/// Puts the pieces together: `add` inserted into `body` at byte `at`, the BOM in front.
pub(super) fn finish(
    bom: &str,
    body: &str,
    at: usize,
    add: &str,
    removed: Option<Range<usize>>,
) -> Appended {
    let mut text = String::with_capacity(bom.len() + body.len() + add.len());
    text.push_str(bom);
    text.push_str(&body[..at]);
    text.push_str(add);
    text.push_str(&body[at..]);
    let start = bom.len() + at;
    Appended {
        text,
        inserted: start..start + add.len(),
        replaced: removed.map(|r| r.start + bom.len()..r.end + bom.len()),
    }
}

/// The lines of the item, each ending with `eol`.
fn render(entry: &Entry, layout: Layout, eol: &str) -> String {
    let mut out = String::new();
    for (i, (key, value)) in entry.fields.iter().enumerate() {
        if i == 0 {
            out.push_str(&" ".repeat(layout.dash));
            out.push('-');
            out.push_str(&" ".repeat((layout.key - layout.dash - 1).max(1)));
        } else {
            out.push_str(&" ".repeat(layout.key));
        }
        out.push_str(key);
        out.push(':');
        out.push(' ');
        out.push_str(&value_text(value, layout.key).replace('\n', eol));
        out.push_str(eol);
    }
    out
}

/// A value as YAML text, for a key at column `indent`.
pub(super) fn value_text(value: &Value, indent: usize) -> String {
    match value {
        Value::Text(t) => emit::scalar(t, indent),
        Value::Id(id) => id_text(id),
        Value::Ids(ids) => {
            let items: Vec<String> = ids.iter().map(|id| id_text(id)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Int(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
    }
}

/// An id: plain when it is a valid id that reads back as text, else double-quoted (so a wrong
/// id given on the command line stays one value, and validation can say what is wrong with it).
pub(super) fn id_text(id: &str) -> String {
    if is_valid_id(id) && emit::is_plain_safe(id) {
        id.to_owned()
    } else {
        emit::double_quoted(id)
    }
}

/// The text seen as lines, to turn tree positions into byte offsets.
pub(super) struct Lines<'a> {
    text: &'a str,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// The whole text.
    pub(super) fn text(&self) -> &'a str {
        self.text
    }

    /// Line `n` (from 1) without its line break.
    pub(super) fn line(&self, n: u32) -> &'a str {
        let i = n as usize - 1;
        let Some(&start) = self.starts.get(i) else {
            return "";
        };
        let end = self.starts.get(i + 1).map_or(self.text.len(), |e| e - 1);
        let line = &self.text[start..end.max(start)];
        line.strip_suffix('\r').unwrap_or(line)
    }

    fn count(&self) -> u32 {
        // A final line break does not start another line.
        let n = self.starts.len();
        if self.text.ends_with('\n') {
            n as u32 - 1
        } else {
            n as u32
        }
    }

    /// Byte offset of a position (column in characters).
    pub(super) fn offset(&self, pos: Pos) -> usize {
        let start = self.starts[(pos.line as usize - 1).min(self.starts.len() - 1)];
        let line = &self.text[start..];
        start
            + line
                .char_indices()
                .nth(pos.col as usize - 1)
                .map_or(line.len(), |(i, _)| i)
    }

    pub(super) fn char_at(&self, pos: Pos) -> Option<char> {
        self.text[self.offset(pos)..].chars().next()
    }

    /// Byte offset just after the line break that ends line `n` (or the end of the text).
    pub(super) fn line_end(&self, n: u32) -> usize {
        self.starts
            .get(n as usize)
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The bytes of an empty flow sequence `[ ]` starting at `pos`, to remove: with the spaces
    /// before it on its line when `after_key` (`key: []` becomes `key:`), or the whole line when
    /// nothing else is on it.
    pub(super) fn empty_flow(
        &self,
        pos: Pos,
        after_key: bool,
    ) -> Result<Range<usize>, AppendError> {
        let start = self.offset(pos);
        let rest = &self.text[start + 1..];
        let inner = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if !rest[inner..].starts_with(']') {
            // A comment or a line break inside the brackets: too odd to edit.
            return Err(AppendError::FlowSequence {
                what: Target::List,
                pos,
            });
        }
        let end = start + 1 + inner + 1;
        let line_start = self.starts[pos.line as usize - 1];
        let before = &self.text[line_start..start];
        let after = self.line(pos.line);
        let after_len = after.len() - (end - line_start);
        let tail = &self.text[end..end + after_len];
        if !after_key && before.trim().is_empty() && tail.trim().is_empty() {
            return Ok(line_start..self.line_end(pos.line));
        }
        if after_key {
            let spaces = before.len() - before.trim_end_matches([' ', '\t']).len();
            return Ok(start - spaces..end);
        }
        // `[]  # comment`: drop the brackets and the spaces after them.
        let spaces = tail.len() - tail.trim_start_matches([' ', '\t']).len();
        Ok(start..end + spaces)
    }

    /// The layout of a block sequence starting at `pos` with `items`. With one item there is
    /// no spacing to copy: `spaced` says whether to leave a blank line after it.
    fn layout(&self, pos: Pos, items: &[Node], spaced: bool) -> Layout {
        let dash = self.dash_col(pos, items.first());
        let key = items
            .iter()
            .rev()
            .find(|n| matches!(n.kind, NodeKind::Map(_)))
            .map_or(dash + 2, |n| n.pos.col as usize - 1)
            .max(dash + 2);
        let blank = match items {
            [] => false,
            [_] => spaced,
            [.., last] => {
                // Walk up from the last item's `-` over comments: a blank line means the items
                // are spaced.
                let mut line = self.dash_line(last.pos, dash);
                let mut blank = false;
                while line > 1 {
                    line -= 1;
                    let text = self.line(line);
                    if text.trim().is_empty() {
                        blank = true;
                        break;
                    }
                    if !text.trim_start().starts_with('#') {
                        break;
                    }
                }
                blank
            }
        };
        Layout { dash, key, blank }
    }

    /// The column of the `-` of a block sequence that starts at `pos`. The parser puts the
    /// start of a sequence written at its key's indentation (`key:` then `- a` below it) at
    /// the first item rather than at its `-`, so look for the `-` before that item.
    pub(super) fn dash_col(&self, pos: Pos, first: Option<&Node>) -> usize {
        let fallback = pos.col as usize - 1;
        if self.char_at(pos) == Some('-') {
            return fallback;
        }
        let Some(first) = first else {
            return fallback;
        };
        let before: Vec<char> = self
            .line(first.pos.line)
            .chars()
            .take(first.pos.col as usize - 1)
            .collect();
        if let Some(i) = before.iter().rposition(|&c| c == '-')
            && before[..i].iter().all(|&c| c == ' ')
        {
            return i;
        }
        // `-` alone on a line above the item.
        for line in (1..first.pos.line).rev() {
            let text = self.line(line);
            match text.trim() {
                "-" => return text.len() - text.trim_start().len(),
                t if t.is_empty() || t.starts_with('#') => {}
                _ => break,
            }
        }
        fallback
    }

    /// The line of the `-` of the item that starts at `pos`.
    pub(super) fn dash_line(&self, pos: Pos, dash: usize) -> u32 {
        let mut line = pos.line;
        while line > 1 {
            let text = self.line(line);
            let mut chars = text.chars();
            if chars.by_ref().take(dash).all(|c| c == ' ') && chars.next() == Some('-') {
                return line;
            }
            line -= 1;
        }
        line
    }

    /// The last line of a block sequence whose items' `-` is at column `dash`, when the next
    /// thing after it is on line `next` (or the end of the text): blank lines and comments not
    /// indented past the `-` are left to what follows.
    pub(super) fn end_of_block(&self, next: Option<u32>, dash: usize) -> u32 {
        let mut line = next.map_or(self.count(), |n| n - 1);
        while line > 1 {
            let text = self.line(line);
            let trimmed = text.trim_start();
            let indent = text.len() - trimmed.len();
            if trimmed.is_empty() || (trimmed.starts_with('#') && indent <= dash) {
                line -= 1;
            } else {
                break;
            }
        }
        line
    }
}

/// Checks that `new` parses to the old values plus `entry`, appended to the top-level sequence
/// (`key` is `None`) or to the sequence under `key`.
fn verify(old: &Node, new: &str, key: Option<&str>, entry: &Entry) -> Result<(), AppendError> {
    let (_, body) = split_bom(new);
    let new = parse(body, Limits::default()).map_err(|_| AppendError::Unsafe)?;
    let ok = match key {
        None => appended(Some(old), &new, entry),
        Some(key) => {
            let old_entries: &[(Node, Node)] = match &old.kind {
                NodeKind::Map(e) => e,
                _ => &[],
            };
            let NodeKind::Map(new_entries) = &new.kind else {
                return Err(AppendError::Unsafe);
            };
            let had = old_entries.iter().any(|(k, _)| k.as_str() == Some(key));
            let expected_len = old_entries.len() + usize::from(!had);
            new_entries.len() == expected_len
                && new_entries.iter().enumerate().all(|(i, (k, v))| {
                    if k.as_str() == Some(key) {
                        let before = old_entries.get(i).map(|(_, v)| v);
                        (had || i == old_entries.len()) && appended(before, v, entry)
                    } else {
                        old_entries
                            .get(i)
                            .is_some_and(|(ok, ov)| same(ok, k) && same(ov, v))
                    }
                })
        }
    };
    if ok { Ok(()) } else { Err(AppendError::Unsafe) }
}

/// True when `new` is the sequence `old` (absent, null, or a sequence) plus `entry`.
fn appended(old: Option<&Node>, new: &Node, entry: &Entry) -> bool {
    let old_items: &[Node] = match old.map(|n| &n.kind) {
        None => &[],
        Some(NodeKind::Seq(items)) => items,
        Some(NodeKind::Scalar { value, plain: true }) if value.is_empty() => &[],
        Some(_) => return false,
    };
    let NodeKind::Seq(items) = &new.kind else {
        return false;
    };
    let Some((last, before)) = items.split_last() else {
        return false;
    };
    before.len() == old_items.len()
        && before.iter().zip(old_items).all(|(a, b)| same(a, b))
        && holds(last, entry)
}

/// True when `node` is a mapping of exactly the keys and values of `entry`.
pub(super) fn holds(node: &Node, entry: &Entry) -> bool {
    let NodeKind::Map(pairs) = &node.kind else {
        return false;
    };
    let str_of = |n: &Node| n.as_str().map(str::to_owned);
    pairs.len() == entry.fields.len()
        && pairs
            .iter()
            .zip(&entry.fields)
            .all(|((k, v), (key, value))| {
                k.as_str() == Some(*key)
                    && match value {
                        Value::Text(t) | Value::Id(t) => v.as_str() == Some(t),
                        Value::Int(n) => v.as_str() == Some(&n.to_string()),
                        Value::Bool(b) => v.as_str() == Some(&b.to_string()),
                        Value::Number(n) => v.as_str() == Some(&n.to_string()),
                        Value::Ids(ids) => match &v.kind {
                            NodeKind::Seq(items) => {
                                items.iter().map(str_of).collect::<Vec<_>>()
                                    == ids.iter().cloned().map(Some).collect::<Vec<_>>()
                            }
                            _ => false,
                        },
                    }
            })
}

/// Equal values, wherever they are written.
pub(super) fn same(a: &Node, b: &Node) -> bool {
    match (&a.kind, &b.kind) {
        (NodeKind::Scalar { value: x, plain: p }, NodeKind::Scalar { value: y, plain: q }) => {
            x == y && p == q
        }
        (NodeKind::Seq(x), NodeKind::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (NodeKind::Map(x), NodeKind::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, va), (kb, vb))| same(ka, kb) && same(va, vb))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Entry {
        Entry::new()
            .with("id", Value::Id("p-2".into()))
            .with("title", Value::Text("Форум: итоги".into()))
            .with("partners", Value::Ids(vec!["asi".into(), "crdi".into()]))
    }

    const ITEM: &str = "- id: p-2\n  title: \"Форум: итоги\"\n  partners: [asi, crdi]\n";

    fn top(text: &str) -> String {
        append_item(text, &entry())
            .unwrap_or_else(|e| panic!("{text:?}: {e}"))
            .text
    }

    #[test]
    fn a_document_end_marker_is_named_in_the_refusal() {
        for text in ["- id: p-1\n...\n", "- id: p-1\r\n... # end\r\n\n"] {
            let err = append_item(text, &entry()).unwrap_err();
            assert_eq!(
                err,
                AppendError::DocumentEnd {
                    pos: Pos { line: 2, col: 1 }
                }
            );
            assert!(
                err.hint().en().contains("remove the `...` line"),
                "{text:?}"
            );
        }
        let err = append_under_key("title: x\n...\n", "proposals", &entry()).unwrap_err();
        assert!(matches!(err, AppendError::DocumentEnd { .. }), "{err:?}");
        assert!(append_item("- id: p-1\n  title: \"...\"\n", &entry()).is_ok());
    }

    #[test]
    fn appends_at_the_top_level() {
        let cases: &[(&str, String)] = &[
            ("", ITEM.to_owned()),
            ("# only a comment\n", format!("# only a comment\n\n{ITEM}")),
            ("# no newline", format!("# no newline\n\n{ITEM}")),
            ("[]\n", ITEM.to_owned()),
            ("# c\n[]  # none yet\n", format!("# c\n# none yet\n\n{ITEM}")),
            ("- id: a\n  title: A\n", format!("- id: a\n  title: A\n\n{ITEM}")),
            ("- id: a\n  title: A", format!("- id: a\n  title: A\n\n{ITEM}")),
            (
                "- id: a\n- id: b\n",
                format!("- id: a\n- id: b\n{ITEM}"),
            ),
            (
                "- id: a\n\n# b:\n- id: b\n",
                format!("- id: a\n\n# b:\n- id: b\n\n{ITEM}"),
            ),
            (
                "  - id: a\n  - id: b\n",
                "  - id: a\n  - id: b\n  - id: p-2\n    title: \"Форум: итоги\"\n    partners: [asi, crdi]\n".to_owned(),
            ),
            (
                "-   id: a\n    t: x\n-   id: b\n",
                "-   id: a\n    t: x\n-   id: b\n-   id: p-2\n    title: \"Форум: итоги\"\n    partners: [asi, crdi]\n".to_owned(),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(&top(input), want, "input {input:?}");
        }
    }

    #[test]
    fn keeps_crlf_and_bom() {
        let out = top("\u{feff}- id: a\r\n- id: b\r\n");
        assert_eq!(
            out,
            "\u{feff}- id: a\r\n- id: b\r\n- id: p-2\r\n  title: \"Форум: итоги\"\r\n  partners: [asi, crdi]\r\n"
        );
    }

    #[test]
    fn reports_the_inserted_span_and_lines() {
        let a = append_item("- id: a\n  t: x\n", &entry()).unwrap();
        assert_eq!(&a.text[..a.inserted.start], "- id: a\n  t: x\n");
        assert_eq!(a.added(), format!("\n{ITEM}"));
        assert_eq!(a.lines(), (4, 6));
        assert_eq!(a.replaced, None);
        let a = append_item("[]\n", &entry()).unwrap();
        assert_eq!(a.replaced, Some(0..3));
    }

    #[test]
    fn multi_line_text_is_a_block() {
        let e = Entry::new()
            .with("id", Value::Id("x".into()))
            .with("description", Value::Text("one\ntwo".into()));
        let out = append_item("- id: a\r\n", &e).unwrap().text;
        assert_eq!(
            out,
            "- id: a\r\n\r\n- id: x\r\n  description: |-\r\n    one\r\n    two\r\n"
        );
    }

    #[test]
    fn odd_ids_are_quoted() {
        let e = Entry::new().with("id", Value::Id("Bad Id".into())).with(
            "r",
            Value::Ids(vec!["a, b".into(), "null".into(), "ok".into()]),
        );
        let out = append_item("", &e).unwrap().text;
        assert_eq!(
            out,
            "- id: Bad Id\n  r: [\"a, b\", \"null\", ok]\n".replace("Bad Id", "\"Bad Id\"")
        );
    }

    #[test]
    fn refuses_what_it_cannot_append_to() {
        assert!(matches!(
            append_item("a: 1\n", &entry()),
            Err(AppendError::NotASequence { .. })
        ));
        assert!(matches!(
            append_item("[{id: a}]\n", &entry()),
            Err(AppendError::FlowSequence { .. })
        ));
        assert!(matches!(
            append_item("- a: [\n", &entry()),
            Err(AppendError::Syntax { .. })
        ));
        assert!(matches!(
            append_item("~\n", &entry()),
            Err(AppendError::NotASequence { .. })
        ));
        // A kept block scalar at the end of a file without a final newline would grow a line.
        assert_eq!(
            append_item("- id: a\n  d: |+\n    x", &entry()),
            Err(AppendError::Unsafe)
        );
    }

    fn under(text: &str) -> String {
        append_under_key(text, "proposals", &entry())
            .unwrap_or_else(|e| panic!("{text:?}: {e}"))
            .text
    }

    const NESTED: &str = "  - id: p-2\n    title: \"Форум: итоги\"\n    partners: [asi, crdi]\n";

    #[test]
    fn appends_under_a_key() {
        let cases: &[(&str, String)] = &[
            (
                "number: 1\nproposals:\n  - id: a\n  - id: b\n\n# next\nq: 1\n",
                format!("number: 1\nproposals:\n  - id: a\n  - id: b\n{NESTED}\n# next\nq: 1\n"),
            ),
            (
                "proposals:\n  - id: a\n    text: |\n      x\n\n      # not a comment\n",
                format!("proposals:\n  - id: a\n    text: |\n      x\n\n      # not a comment\n{NESTED}"),
            ),
            (
                "number: 1\nproposals: []  # none\nq: 1\n",
                format!("number: 1\nproposals:  # none\n{NESTED}q: 1\n"),
            ),
            (
                "number: 1\nproposals:\nq: 1",
                format!("number: 1\nproposals:\n{NESTED}q: 1"),
            ),
            (
                "number: 1\nproblems:\n- id: x\n  text: y",
                "number: 1\nproblems:\n- id: x\n  text: y\n\nproposals:\n- id: p-2\n  title: \"Форум: итоги\"\n  partners: [asi, crdi]\n".to_owned(),
            ),
            (
                "number: 1\n",
                format!("number: 1\n\nproposals:\n{NESTED}"),
            ),
            (
                "proposals:\n- id: a\nq: 1\n",
                "proposals:\n- id: a\n- id: p-2\n  title: \"Форум: итоги\"\n  partners: [asi, crdi]\nq: 1\n".to_owned(),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(&under(input), want, "input {input:?}");
        }
    }

    #[test]
    fn refuses_odd_keys() {
        assert!(matches!(
            append_under_key("proposals: ~\n", "proposals", &entry()),
            Err(AppendError::NotASequence { .. })
        ));
        assert!(matches!(
            append_under_key("proposals: [{id: a}]\n", "proposals", &entry()),
            Err(AppendError::FlowSequence { .. })
        ));
        assert!(matches!(
            append_under_key("- a\n", "proposals", &entry()),
            Err(AppendError::NotAMapping { .. })
        ));
    }
}
