//! Stage `edit`, the text part for keys: a key of a mapping under an item of the top-level list
//! (`progress: {2027-Q2: …}` of a step, `actual: {2027: 130}` of an indicator) added or set,
//! without changing a byte of anything else.
//!
//! As [`append`](super::append) does, this reads where things are from the positions of the
//! parsed tree and inserts or replaces text; it never re-serialises a file:
//!
//! - the mapping under `parent` is created at the end of the item when the item lacks it;
//! - a new key goes after the mapping's last entry, in its style: a line at the column of its
//!   keys in a block mapping, `, key: value` before the `}` of a flow mapping;
//! - [`Mode::Set`] replaces the value of a key that is there: a scalar in place, and a mapping
//!   key by key, so a comment or a note beside it stays.
//!
//! The result is parsed again and must hold exactly the old values with the change, else the
//! edit is refused with [`AppendError::Unsafe`].

use std::ops::Range;

use super::append::{
    AppendError, Appended, Entry, Lines, Target, Value, finish, id_text, line_ending, parse_body,
    split_bom, value_text,
};
use crate::yaml::emit;
use crate::yaml::scalar::is_plain_text;
use crate::yaml::{Limits, Node, NodeKind, Pos, parse};

/// What to write under the key.
#[derive(Debug, Clone, PartialEq)]
pub enum Child {
    /// A mapping of its own: `2027-Q2: {status: done, …}`, written as a block in a block
    /// mapping.
    Map(Entry),
    /// A mapping whose `value` may stand alone: written as the bare value (`2027: 130`) when it
    /// is its only key and the key holds no mapping yet, else as a mapping (`{value: 130, note:
    /// …}`).
    Valued(Entry),
}

/// Whether a key that is already there may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Add the key; refuse when it is there ([`AppendError::KeyExists`]).
    Insert,
    /// Add the key, or replace its value.
    Set,
}

/// One change of the text: `range` of the old text replaced by `text`.
struct Op {
    range: Range<usize>,
    text: String,
}

/// Sets `key` of the mapping under `parent` of the item whose `id` is `id` in the sequence that
/// is the top level of `text`.
pub fn set_under_item(
    text: &str,
    id: &str,
    parent: &str,
    key: &str,
    child: &Child,
    mode: Mode,
) -> Result<Appended, AppendError> {
    let (bom, body) = split_bom(text);
    let old = parse_body(body)?;
    let lines = Lines::new(body);
    let eol = line_ending(body);
    let NodeKind::Seq(items) = &old.kind else {
        return Err(AppendError::NotASequence {
            what: Target::File,
            pos: old.pos,
        });
    };
    if lines.char_at(old.pos) == Some('[') {
        return Err(AppendError::FlowSequence {
            what: Target::List,
            pos: old.pos,
        });
    }
    let item = items
        .iter()
        .position(|n| n.get("id").and_then(Node::as_str) == Some(id))
        .ok_or(AppendError::Unsafe)?;
    let node = &items[item];
    let NodeKind::Map(entries) = &node.kind else {
        return Err(AppendError::Unsafe);
    };
    if lines.char_at(node.pos) == Some('{') {
        return Err(AppendError::FlowMapping {
            what: Target::List,
            pos: node.pos,
        });
    }
    let dash = lines.dash_col(old.pos, items.first());
    let item_next = items.get(item + 1).map(|n| lines.dash_line(n.pos, dash));
    let key_col = node.pos.col as usize - 1;
    let mut ops = Vec::new();
    match entries.iter().position(|(k, _)| k.as_str() == Some(parent)) {
        None => {
            // `parent:` at the end of the item, the key under it.
            let end = lines.end_of_block(item_next, dash);
            let mut add = format!("{}{parent}:{eol}", " ".repeat(key_col));
            add.push_str(&block_child(key, child, key_col + 2, 2, eol));
            ops.push(insert_after_line(&lines, end, add, eol));
        }
        Some(j) => {
            let (pk, pv) = &entries[j];
            let next = entries.get(j + 1).map(|(k, _)| k.pos.line).or(item_next);
            set_in_map(
                &lines,
                (pk, pv),
                next,
                key_col,
                key,
                child,
                mode,
                eol,
                &mut ops,
            )?;
        }
    }
    let result = apply(bom, body, ops, &lines);
    verify(&old, &result.text, item, parent, key, child, mode)?;
    Ok(result)
}

/// The key `key` set in the value `pv` of `pk` (a mapping, empty, or `{}`), which ends before
/// line `next`; `outer` is the column of `pk`.
#[allow(clippy::too_many_arguments)]
fn set_in_map(
    lines: &Lines<'_>,
    (pk, pv): (&Node, &Node),
    next: Option<u32>,
    outer: usize,
    key: &str,
    child: &Child,
    mode: Mode,
    eol: &str,
    ops: &mut Vec<Op>,
) -> Result<(), AppendError> {
    let what = || Target::Key(pk.as_str().unwrap_or_default().to_owned());
    match &pv.kind {
        NodeKind::Scalar { value, plain: true } if value.is_empty() => {
            // `parent:` with nothing after it: the key on the next line.
            let add = block_child(key, child, outer + 2, 2, eol);
            ops.push(insert_after_line(lines, pk.pos.line, add, eol));
            Ok(())
        }
        NodeKind::Map(entries) if lines.char_at(pv.pos) == Some('{') => {
            let open = lines.offset(pv.pos);
            let close = flow_close(lines, open).ok_or(AppendError::Unsafe)?;
            if let Some((_, v)) = entries.iter().find(|(k, _)| k.as_str() == Some(key)) {
                if mode == Mode::Insert {
                    return Err(AppendError::KeyExists {
                        key: key.to_owned(),
                        pos: v.pos,
                    });
                }
                return replace_value(lines, v, None, child, eol, ops);
            }
            let sep = if entries.is_empty() { "" } else { ", " };
            let at = close;
            ops.push(Op {
                range: at..at,
                text: format!("{sep}{}: {}", key_text(key), inline_child(child)),
            });
            Ok(())
        }
        NodeKind::Map(entries) => {
            if let Some(i) = entries.iter().position(|(k, _)| k.as_str() == Some(key)) {
                let (k, v) = &entries[i];
                if mode == Mode::Insert {
                    return Err(AppendError::KeyExists {
                        key: key.to_owned(),
                        pos: k.pos,
                    });
                }
                let vnext = entries.get(i + 1).map(|(k, _)| k.pos.line).or(next);
                return replace_value(lines, v, Some((k, vnext)), child, eol, ops);
            }
            let col = pv.pos.col as usize - 1;
            // The step of nesting the mapping's own mappings use, else two spaces.
            let step = entries
                .iter()
                .find_map(|(k, v)| match &v.kind {
                    NodeKind::Map(_) if lines.char_at(v.pos) != Some('{') => {
                        (v.pos.col as usize).checked_sub(k.pos.col as usize)
                    }
                    _ => None,
                })
                .filter(|s| *s > 0)
                .unwrap_or(2);
            let end = lines.end_of_block(next, outer);
            ops.push(insert_after_line(
                lines,
                end,
                block_child(key, child, col, step, eol),
                eol,
            ));
            Ok(())
        }
        _ => Err(AppendError::NotAMappingAt {
            what: what(),
            pos: pv.pos,
        }),
    }
}

/// Replaces the value `v` (of the key `k`, written in block style and ending before line
/// `next`, when `block` is given) by `child`: a scalar in place; a mapping key by key.
fn replace_value(
    lines: &Lines<'_>,
    v: &Node,
    block: Option<(&Node, Option<u32>)>,
    child: &Child,
    eol: &str,
    ops: &mut Vec<Op>,
) -> Result<(), AppendError> {
    let entry = match child {
        Child::Map(e) | Child::Valued(e) => e,
    };
    match &v.kind {
        NodeKind::Scalar { .. } => {
            let range = scalar_range(lines, v).ok_or(AppendError::Unsafe)?;
            ops.push(Op {
                range,
                text: inline_child(child),
            });
            Ok(())
        }
        NodeKind::Map(entries) => {
            let flow = lines.char_at(v.pos) == Some('{');
            let mut missing = Vec::new();
            for (key, value) in &entry.fields {
                match entries.iter().find(|(k, _)| k.as_str() == Some(*key)) {
                    Some((_, old)) => {
                        let range = scalar_range(lines, old).ok_or(AppendError::Unsafe)?;
                        ops.push(Op {
                            range,
                            text: inline_value(value),
                        });
                    }
                    None => missing.push((*key, value)),
                }
            }
            if missing.is_empty() {
                return Ok(());
            }
            if flow {
                let close = flow_close(lines, lines.offset(v.pos)).ok_or(AppendError::Unsafe)?;
                let text: String = missing
                    .iter()
                    .map(|(k, val)| format!(", {k}: {}", inline_value(val)))
                    .collect();
                ops.push(Op {
                    range: close..close,
                    text,
                });
                return Ok(());
            }
            let (k, next) = block.ok_or(AppendError::Unsafe)?;
            let col = v.pos.col as usize - 1;
            let end = lines.end_of_block(next, k.pos.col as usize - 1);
            let mut add = String::new();
            for (key, val) in missing {
                add.push_str(&" ".repeat(col));
                add.push_str(&format!("{key}: {}{eol}", value_text(val, col)));
            }
            ops.push(insert_after_line(lines, end, add, eol));
            Ok(())
        }
        NodeKind::Seq(_) => Err(AppendError::Unsafe),
    }
}

/// An insertion after line `line` (after its line break; one is added at the end of a text
/// without a final one).
fn insert_after_line(lines: &Lines<'_>, line: u32, text: String, eol: &str) -> Op {
    let at = lines.line_end(line);
    let text = if at > 0 && !lines.text()[..at].ends_with('\n') {
        format!("{eol}{text}")
    } else {
        text
    };
    Op {
        range: at..at,
        text,
    }
}

/// A key as written: plain when it reads back as the same text (or year), else quoted.
fn key_text(key: &str) -> String {
    if emit::is_plain_safe(key) || key.bytes().all(|b| b.is_ascii_digit()) {
        key.to_owned()
    } else {
        emit::double_quoted(key)
    }
}

/// `key:` and the child in block style at column `col`; a mapping's keys `step` further in.
fn block_child(key: &str, child: &Child, col: usize, step: usize, eol: &str) -> String {
    let pad = " ".repeat(col);
    match child {
        Child::Valued(e) if bare(e).is_some() => {
            let v = bare(e).unwrap_or(&Value::Bool(false));
            format!("{pad}{}: {}{eol}", key_text(key), value_text(v, col))
        }
        Child::Map(e) | Child::Valued(e) => {
            let inner = col + step;
            let mut out = format!("{pad}{}:{eol}", key_text(key));
            for (k, v) in &e.fields {
                out.push_str(&" ".repeat(inner));
                out.push_str(&format!("{k}: {}", value_text(v, inner).replace('\n', eol)));
                out.push_str(eol);
            }
            out
        }
    }
}

/// The value alone, when a [`Child::Valued`] is only its `value`.
fn bare(e: &Entry) -> Option<&Value> {
    match e.fields.as_slice() {
        [("value", v)] => Some(v),
        _ => None,
    }
}

/// The child on one line: the bare value, or a flow mapping.
fn inline_child(child: &Child) -> String {
    match child {
        Child::Valued(e) if bare(e).is_some() => {
            inline_value(bare(e).unwrap_or(&Value::Bool(false)))
        }
        Child::Map(e) | Child::Valued(e) => {
            let fields: Vec<String> = e
                .fields
                .iter()
                .map(|(k, v)| format!("{k}: {}", inline_value(v)))
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
    }
}

/// A value on one line, safe inside a flow mapping: text double-quoted.
fn inline_value(value: &Value) -> String {
    match value {
        Value::Text(t) => emit::double_quoted(t),
        Value::Id(id) => id_text(id),
        other => value_text(other, 0),
    }
}

/// The byte offset of the `}` or `]` that closes the flow collection opening at `open`.
fn flow_close(lines: &Lines<'_>, open: usize) -> Option<usize> {
    let text = lines.text();
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'\'' => {
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    i += 1;
                }
            }
            b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The bytes a one-line scalar takes: plain, single- or double-quoted. `None` for a block
/// scalar or a plain scalar over several lines.
fn scalar_range(lines: &Lines<'_>, node: &Node) -> Option<Range<usize>> {
    let NodeKind::Scalar { value, plain } = &node.kind else {
        return None;
    };
    let text = lines.text();
    let start = lines.offset(node.pos);
    let rest = &text[start..];
    if *plain {
        if value.is_empty() || !rest.starts_with(value.as_str()) {
            return None;
        }
        return Some(start..start + value.len());
    }
    let quote = rest.bytes().next().filter(|b| matches!(b, b'"' | b'\''))?;
    let bytes = rest.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => return None,
            b'\\' if quote == b'"' => i += 1,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
            b if b == quote => return Some(start..start + i + 1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Applies the changes (sorted, not overlapping) and reports the lines they touch as the
/// inserted span, the old lines as the replaced one.
fn apply(bom: &str, body: &str, mut ops: Vec<Op>, lines: &Lines<'_>) -> Appended {
    ops.sort_by_key(|o| o.range.start);
    let first = ops.first().map_or(body.len(), |o| o.range.start);
    let last = ops.last().map_or(body.len(), |o| o.range.end);
    let replaced_any = ops.iter().any(|o| !o.range.is_empty());
    let mut new = String::with_capacity(body.len() + 64);
    let mut at = 0;
    for op in &ops {
        new.push_str(&body[at..op.range.start]);
        new.push_str(&op.text);
        at = op.range.end;
    }
    new.push_str(&body[at..]);
    // Whole lines: from the start of the first line changed to the end of the last.
    let start = body[..first].rfind('\n').map_or(0, |i| i + 1);
    let start = if replaced_any { start } else { first };
    let old_end = if replaced_any {
        body[last..].find('\n').map_or(body.len(), |i| last + i + 1)
    } else {
        last
    };
    let tail = body.len() - old_end;
    let new_end = new.len() - tail;
    let _ = lines;
    let mut result = finish(bom, &new[..start], start, &new[start..new_end], None);
    result.text.push_str(&new[new_end..]);
    if replaced_any {
        result.replaced = Some(bom.len() + start..bom.len() + old_end);
    }
    result
}

/// Checks that `new` parses to the old values with `key` set under `parent` of item `item`.
fn verify(
    old: &Node,
    new: &str,
    item: usize,
    parent: &str,
    key: &str,
    child: &Child,
    mode: Mode,
) -> Result<(), AppendError> {
    let (_, body) = split_bom(new);
    let new = parse(body, Limits::default()).map_err(|_| AppendError::Unsafe)?;
    let mut expected = old.clone();
    expect(&mut expected, item, parent, key, child, mode).ok_or(AppendError::Unsafe)?;
    if equivalent(&expected, &new) {
        Ok(())
    } else {
        Err(AppendError::Unsafe)
    }
}

/// `old` changed as the edit should change it; `None` when it cannot be.
fn expect(
    old: &mut Node,
    item: usize,
    parent: &str,
    key: &str,
    child: &Child,
    mode: Mode,
) -> Option<()> {
    let NodeKind::Seq(items) = &mut old.kind else {
        return None;
    };
    let NodeKind::Map(entries) = &mut items.get_mut(item)?.kind else {
        return None;
    };
    let pv = match entries.iter().position(|(k, _)| k.as_str() == Some(parent)) {
        Some(j) => &mut entries[j].1,
        None => {
            entries.push((scalar(parent), empty_map()));
            &mut entries.last_mut()?.1
        }
    };
    if matches!(&pv.kind, NodeKind::Scalar { value, plain: true } if value.is_empty()) {
        *pv = empty_map();
    }
    let NodeKind::Map(children) = &mut pv.kind else {
        return None;
    };
    let entry = match child {
        Child::Map(e) | Child::Valued(e) => e,
    };
    match children.iter().position(|(k, _)| k.as_str() == Some(key)) {
        None => children.push((parse_key(key)?, node_of(child)?)),
        Some(_) if mode == Mode::Insert => return None,
        Some(i) => {
            let v = &mut children[i].1;
            match &mut v.kind {
                NodeKind::Map(fields) => {
                    for (k, val) in &entry.fields {
                        let node = parse_inline(&inline_value(val))?;
                        match fields.iter().position(|(fk, _)| fk.as_str() == Some(*k)) {
                            Some(f) => fields[f].1 = node,
                            None => fields.push((scalar(k), node)),
                        }
                    }
                }
                _ => *v = node_of(child)?,
            }
        }
    }
    Some(())
}

fn scalar(s: &str) -> Node {
    Node {
        kind: NodeKind::Scalar {
            value: s.to_owned(),
            plain: true,
        },
        pos: Pos { line: 1, col: 1 },
    }
}

fn empty_map() -> Node {
    Node {
        kind: NodeKind::Map(Vec::new()),
        pos: Pos { line: 1, col: 1 },
    }
}

/// Equal values, wherever and however they are written: a text quoted in one and plain in the
/// other is the same text (the edit quotes differently in flow and block style).
fn equivalent(a: &Node, b: &Node) -> bool {
    match (&a.kind, &b.kind) {
        (NodeKind::Scalar { value: x, plain: p }, NodeKind::Scalar { value: y, plain: q }) => {
            x == y && (p == q || is_plain_text(x))
        }
        (NodeKind::Seq(x), NodeKind::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| equivalent(a, b))
        }
        (NodeKind::Map(x), NodeKind::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, va), (kb, vb))| equivalent(ka, kb) && equivalent(va, vb))
        }
        _ => false,
    }
}

/// A key as the edit writes it, as the parser reads it.
fn parse_key(key: &str) -> Option<Node> {
    let doc = parse(&format!("{}: x\n", key_text(key)), Limits::default()).ok()?;
    match doc.kind {
        NodeKind::Map(mut e) if e.len() == 1 => Some(e.remove(0).0),
        _ => None,
    }
}

/// The child as the edit writes it, as the parser reads it.
fn node_of(child: &Child) -> Option<Node> {
    parse_inline(&inline_child(child))
}

fn parse_inline(text: &str) -> Option<Node> {
    let doc = parse(&format!("k: {text}\n"), Limits::default()).ok()?;
    match doc.kind {
        NodeKind::Map(mut e) if e.len() == 1 => Some(e.remove(0).1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn progress() -> Child {
        Child::Map(
            Entry::new()
                .with("status", Value::Id("done".into()))
                .with("comment", Value::Text("Итоги: 4 семинара".into())),
        )
    }

    fn actual(value: f64, note: Option<&str>) -> Child {
        let e = Entry::new().with("value", Value::Number(value));
        Child::Valued(match note {
            Some(n) => e.with("note", Value::Text(n.into())),
            None => e,
        })
    }

    fn set(text: &str, item: &str, parent: &str, key: &str, child: &Child, mode: Mode) -> String {
        let a = set_under_item(text, item, parent, key, child, mode)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        // Every byte outside the span reported is the old text.
        let old_end = a.replaced.clone().map_or(a.inserted.start, |r| r.end);
        assert_eq!(&a.text[..a.inserted.start], &text[..a.inserted.start]);
        assert_eq!(&a.text[a.inserted.end..], &text[old_end..]);
        a.text
    }

    #[test]
    fn adds_a_period_to_a_step() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "- id: a\n  title: A\n\n- id: b\n  title: B\n",
                "a",
                "- id: a\n  title: A\n  progress:\n    2027-Q2:\n      status: done\n      comment: \"Итоги: 4 семинара\"\n\n- id: b\n  title: B\n",
            ),
            (
                "- id: a\n  title: A\n# about b\n- id: b\n  title: B",
                "b",
                "- id: a\n  title: A\n# about b\n- id: b\n  title: B\n  progress:\n    2027-Q2:\n      status: done\n      comment: \"Итоги: 4 семинара\"\n",
            ),
            (
                "- id: a\n  progress:\n    2027-Q1:   # first\n        status: late\n  # kept\n  title: A\n",
                "a",
                "- id: a\n  progress:\n    2027-Q1:   # first\n        status: late\n    2027-Q2:\n        status: done\n        comment: \"Итоги: 4 семинара\"\n  # kept\n  title: A\n",
            ),
            (
                "- id: a\n  progress:\n  title: A\n",
                "a",
                "- id: a\n  progress:\n    2027-Q2:\n      status: done\n      comment: \"Итоги: 4 семинара\"\n  title: A\n",
            ),
        ];
        for (input, item, want) in cases {
            assert_eq!(
                &set(
                    input,
                    item,
                    "progress",
                    "2027-Q2",
                    &progress(),
                    Mode::Insert
                ),
                want,
                "{input:?}"
            );
        }
        let crlf = set(
            "- id: a\r\n  t: x\r\n",
            "a",
            "progress",
            "2027",
            &progress(),
            Mode::Insert,
        );
        assert_eq!(
            crlf,
            "- id: a\r\n  t: x\r\n  progress:\r\n    2027:\r\n      status: done\r\n      comment: \"Итоги: 4 семинара\"\r\n"
        );
    }

    #[test]
    fn refuses_a_period_already_there() {
        let text = "- id: a\n  progress:\n    2027-Q2: {status: late}\n";
        let e = set_under_item(text, "a", "progress", "2027-Q2", &progress(), Mode::Insert);
        assert!(matches!(e, Err(AppendError::KeyExists { .. })), "{e:?}");
    }

    #[test]
    fn sets_actual_values_in_place() {
        let cases: &[(&str, Child, &str)] = &[
            (
                "- id: i\n  targets: {2027: 10}\n  actual: {2027: 9}  # preliminary\n",
                actual(12.5, None),
                "- id: i\n  targets: {2027: 10}\n  actual: {2027: 12.5}  # preliminary\n",
            ),
            (
                "- id: i\n  actual: {2027: 9}\n",
                actual(130.0, Some("рост, 5%")),
                "- id: i\n  actual: {2027: {value: 130, note: \"рост, 5%\"}}\n",
            ),
            (
                "- id: i\n  actual: {2027: 9}\n",
                actual(7.0, None).clone(),
                "- id: i\n  actual: {2027: 7}\n",
            ),
            (
                "- id: i\n  actual: {}\n",
                actual(7.0, None),
                "- id: i\n  actual: {2028: 7}\n",
            ),
            (
                "- id: i\n  actual:\n    2027:\n      value: 9\n      note: старое\n  source: x\n",
                actual(11.0, Some("новое")),
                "- id: i\n  actual:\n    2027:\n      value: 11\n      note: \"новое\"\n  source: x\n",
            ),
            (
                "- id: i\n  actual:\n    2027:\n      value: 9\n  source: x\n",
                actual(11.0, Some("новое")),
                "- id: i\n  actual:\n    2027:\n      value: 11\n      note: новое\n  source: x\n",
            ),
            (
                "- id: i\n  unit: ед.\n",
                actual(3.0, None),
                "- id: i\n  unit: ед.\n  actual:\n    2027: 3\n",
            ),
        ];
        for (i, (input, child, want)) in cases.iter().enumerate() {
            let key = if i == 3 { "2028" } else { "2027" };
            assert_eq!(
                &set(input, "i", "actual", key, child, Mode::Set),
                want,
                "{input:?}"
            );
        }
    }

    #[test]
    fn refuses_what_it_cannot_edit() {
        let e = set_under_item(
            "- {id: a}\n",
            "a",
            "progress",
            "2027",
            &progress(),
            Mode::Insert,
        );
        assert!(matches!(e, Err(AppendError::FlowMapping { .. })), "{e:?}");
        let e = set_under_item(
            "- id: a\n  progress: [x]\n",
            "a",
            "progress",
            "2027",
            &progress(),
            Mode::Insert,
        );
        assert!(matches!(e, Err(AppendError::NotAMappingAt { .. })), "{e:?}");
        let e = set_under_item(
            "- id: i\n  actual:\n    2027:\n      value: 9\n      note: >-\n        длинное\n",
            "i",
            "actual",
            "2027",
            &actual(1.0, Some("x")),
            Mode::Set,
        );
        assert_eq!(e, Err(AppendError::Unsafe));
    }
}
