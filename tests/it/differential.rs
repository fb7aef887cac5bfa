//! Our YAML reader and writer checked against an independent implementation: `serde_yaml`
//! (libyaml's grammar underneath). Every valid file of the repository reads the same through
//! both, and so does every document and every scalar our writer produces.

use std::path::{Path, PathBuf};

use nko_draft::yaml::{Limits, Node, NodeKind, emit, parse};
use proptest::prelude::*;

use crate::common::{fixtures, repo};

/// A YAML value reduced to what both readers must agree on.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Null,
    /// A scalar's text. Plain numbers and booleans are compared by their text too, after
    /// `serde_yaml` turned them into values: see [`from_serde`].
    Text(String),
    Seq(Vec<Value>),
    Map(Vec<(String, Value)>),
}

fn from_ours(node: &Node) -> Value {
    match &node.kind {
        _ if node.is_null() => Value::Null,
        NodeKind::Scalar { value, .. } => Value::Text(value.clone()),
        NodeKind::Seq(items) => Value::Seq(items.iter().map(from_ours).collect()),
        NodeKind::Map(pairs) => Value::Map(
            pairs
                .iter()
                .map(|(k, v)| (k.as_str().unwrap_or_default().to_owned(), from_ours(v)))
                .collect(),
        ),
    }
}

/// `serde_yaml`'s value; a number or boolean becomes the text it was written as, which our
/// reader keeps (the typed layer decides later what a plain scalar means).
fn from_serde(value: &serde_yaml::Value, source_text: &dyn Fn(&str) -> bool) -> Value {
    use serde_yaml::Value as V;
    match value {
        V::Null => Value::Null,
        V::Bool(b) => Value::Text(b.to_string()),
        V::Number(n) => {
            let text = n.to_string();
            // `2027.0` comes back as `2027.0`, `1e3` as `1000.0`: accept the form written.
            if source_text(&text) {
                Value::Text(text)
            } else {
                Value::Text(format!("number {text}"))
            }
        }
        V::String(s) => Value::Text(s.clone()),
        V::Sequence(items) => {
            Value::Seq(items.iter().map(|v| from_serde(v, source_text)).collect())
        }
        V::Mapping(map) => Value::Map(
            map.iter()
                .map(|(k, v)| {
                    let key = match k {
                        V::String(s) => s.clone(),
                        other => serde_yaml::to_string(other)
                            .unwrap_or_default()
                            .trim()
                            .to_owned(),
                    };
                    (key, from_serde(v, source_text))
                })
                .collect(),
        ),
        V::Tagged(t) => from_serde(&t.value, source_text),
    }
}

/// Both readers on one text; panics with the file's name when they disagree.
fn assert_same(name: &str, text: &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let ours = parse(text, Limits::default())
        .unwrap_or_else(|e| panic!("{name}: our reader refused a valid file: {e:?}"));
    let theirs: serde_yaml::Value =
        serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{name}: serde_yaml refused it: {e}"));
    let ours = from_ours(&ours);
    // A plain scalar that serde_yaml read as a number must have been written that way.
    let theirs = from_serde(&theirs, &|t| contains_scalar(&ours, t));
    assert_eq!(ours, theirs, "{name}: the two readers disagree");
}

fn contains_scalar(v: &Value, text: &str) -> bool {
    match v {
        Value::Text(t) => t == text,
        Value::Null => false,
        Value::Seq(items) => items.iter().any(|i| contains_scalar(i, text)),
        Value::Map(pairs) => pairs.iter().any(|(_, v)| contains_scalar(v, text)),
    }
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

#[test]
fn every_valid_file_reads_the_same_through_both_readers() {
    let mut files = Vec::new();
    for dir in [
        repo().join("programme"),
        repo().join("examples"),
        fixtures().join("valid"),
    ] {
        yaml_files(&dir, &mut files);
    }
    files.sort();
    assert!(files.len() >= 20, "too few files found: {files:?}");
    let mut compared = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).expect("a UTF-8 file");
        assert_same(&path.display().to_string(), &text);
        compared += 1;
    }
    assert!(compared >= 20, "only {compared} files compared");
}

/// Text as people type it into a programme: Cyrillic, punctuation YAML cares about, quotes,
/// numbers, line breaks, tabs, no-break spaces. (Other control characters are refused by our
/// reader on purpose, so `add-*` never writes them.)
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            6 => "[а-яА-ЯёЁ]{1,8}".boxed(),
            2 => "[a-zA-Z0-9]{1,6}".boxed(),
            3 => prop::sample::select(vec![
                " ", ": ", " #", "#", "-", "- ", "?", ",", "[", "]", "{", "}", "'", "\"", "\\",
                "«", "»", "—", "–", "\n", "\n\n", "\t", "\u{a0}", "%", "@", "`", "|", ">", "*",
                "&", "!", "~", "null", "true", "yes", "2027", "0.25", "1e3", "0x1F", ".inf",
                "---", "...", "\u{2028}", "\u{feff}",
            ])
            .prop_map(str::to_owned)
            .boxed(),
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// A scalar written by `add-*` reads back as the same text through both readers.
    #[test]
    fn every_written_scalar_reads_back_identically_through_both(s in text(), indent in 0usize..6) {
        let pad = " ".repeat(indent);
        let doc = format!("{pad}k: {}\n", emit::scalar(&s, indent));
        let ours = parse(&doc, Limits::default()).map_err(|e| TestCaseError::fail(format!("{doc:?}: {e:?}")))?;
        prop_assert_eq!(ours.get("k").and_then(Node::as_str), Some(s.as_str()), "ours, {:?}", doc);
        let theirs: serde_yaml::Mapping = serde_yaml::from_str(&doc).map_err(|e| TestCaseError::fail(format!("{doc:?}: {e}")))?;
        prop_assert_eq!(theirs.get("k").and_then(serde_yaml::Value::as_str), Some(s.as_str()), "serde_yaml, {:?}", doc);
    }

    /// A generated document (a list of entries with text and lists of text, as the steps
    /// files are) reads the same through both readers.
    #[test]
    fn generated_documents_read_the_same_through_both(
        entries in prop::collection::vec(
            (text(), prop::option::of(text()), prop::collection::vec(text(), 0..3)),
            0..4,
        ),
    ) {
        let mut doc = String::new();
        for (title, description, tags) in &entries {
            doc.push_str(&format!("- title: {}\n", emit::scalar(title, 2)));
            if let Some(d) = description {
                doc.push_str(&format!("  description: {}\n", emit::scalar(d, 2)));
            }
            if !tags.is_empty() {
                doc.push_str("  tags:\n");
                for t in tags {
                    doc.push_str(&format!("    - {}\n", emit::scalar(t, 4)));
                }
            }
        }
        if doc.is_empty() {
            doc.push_str("[]\n");
        }
        assert_same(&format!("{doc:?}"), &doc);
    }
}
