//! A serde deserializer over [`Node`]s, so the input types derive `Deserialize` and every
//! error they raise comes back with the position and path of the value it is about.
//!
//! Scalars follow YAML 1.2's core schema, with one kindness: where text is expected, a plain
//! scalar that looks like a number is taken as its text (`deadline: 2027`, `id: 2027`).

use std::fmt;

use serde::de::{
    self, DeserializeSeed, EnumAccess, Expected, MapAccess, SeqAccess, Unexpected, VariantAccess,
    Visitor,
};

use super::scalar::{Plain, is_null_text, resolve};
use super::{Node, NodeKind, PathSeg, Pos};
use crate::i18n::Message;
use crate::msg;
use crate::quote::{MAX_FINDINGS_PER_FILE, excerpt};
use crate::suggest;

/// Why a value could not become the type the input format asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct DeError {
    /// What is wrong, in a sentence without a final period.
    pub message: Message,
    /// How to fix it, when known (boxed: errors travel in every `Result` of the deserializer).
    pub hint: Option<Box<Message>>,
    /// What kind of problem it is, for the finding's code.
    pub kind: DeErrorKind,
    /// Where: the innermost value the error is about.
    pub pos: Option<Pos>,
    /// The path of that value below the node deserialized.
    pub path: Vec<PathSeg>,
    /// More problems found at the same time (every unknown key of a mapping, not just the
    /// first), each with its own position and path.
    pub also: Vec<DeError>,
    /// For a value of the wrong type: what was expected and found, so that a number can be
    /// quoted as it is written (see [`as_written`]).
    typed: Option<Box<Typed>>,
}

/// The kinds of [`DeError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeErrorKind {
    /// A key the type does not have.
    UnknownKey,
    /// A required key is missing.
    MissingKey,
    /// A value of the wrong type or not one of the allowed values.
    WrongType,
    /// The count of the problems not shown past [`MAX_FINDINGS_PER_FILE`].
    TooMany,
}

/// The parts of an "expected …, found …" message.
#[derive(Debug, Clone, PartialEq)]
struct Typed {
    expected: Expectation,
    found: Found,
    /// `invalid value: …, expected …` rather than `expected …, found …`.
    invalid_value: bool,
}

/// What a value should have been.
#[derive(Debug, Clone, PartialEq)]
enum Expectation {
    Mapping,
    List,
    WholeFromZero,
    Whole,
    Number,
    Bool,
    Text,
    IdOrList,
    DateOrRevision,
    NumberOrActual,
    OneOf(&'static [&'static str]),
    /// Serde's own words, for a type the input format does not use.
    Other(String),
}

impl Expectation {
    /// Turns serde's names for what it expected into words for people who write YAML.
    fn from_serde(exp: &dyn Expected) -> Self {
        let s = exp.to_string();
        if s.starts_with("struct ") || s == "a map" {
            Expectation::Mapping
        } else if s == "a sequence" || s.starts_with("a sequence") {
            Expectation::List
        } else if matches!(s.as_str(), "u8" | "u16" | "u32" | "u64" | "usize") {
            Expectation::WholeFromZero
        } else if matches!(s.as_str(), "i8" | "i16" | "i32" | "i64" | "isize") {
            Expectation::Whole
        } else if matches!(s.as_str(), "f32" | "f64") {
            Expectation::Number
        } else if s == "a boolean" {
            Expectation::Bool
        } else if s == "a string" || s.starts_with("string") {
            Expectation::Text
        } else if s == crate::model::ID_OR_LIST {
            Expectation::IdOrList
        } else if s == crate::model::DATE_OR_REVISION {
            Expectation::DateOrRevision
        } else if s == crate::model::NUMBER_OR_ACTUAL {
            Expectation::NumberOrActual
        } else {
            Expectation::Other(s)
        }
    }

    fn is_whole(&self) -> bool {
        matches!(self, Expectation::Whole | Expectation::WholeFromZero)
    }

    fn message(&self) -> Message {
        match self {
            Expectation::Mapping => msg!(InputExpectMapping),
            Expectation::List => msg!(InputExpectList),
            Expectation::WholeFromZero => msg!(InputExpectWholeFromZero),
            Expectation::Whole => msg!(InputExpectWhole),
            Expectation::Number => msg!(InputExpectNumber),
            Expectation::Bool => msg!(InputExpectBool),
            Expectation::Text => msg!(InputExpectText),
            Expectation::IdOrList => msg!(InputExpectIdOrList),
            Expectation::DateOrRevision => msg!(InputExpectDateOrRevision),
            Expectation::NumberOrActual => msg!(InputExpectNumberOrActual),
            Expectation::OneOf(values) => msg!(InputExpectOneOf, values = suggest::names(values)),
            Expectation::Other(s) => msg!(InputExpectOther, text = s.as_str()),
        }
    }
}

/// What a value was instead.
#[derive(Debug, Clone, PartialEq)]
enum Found {
    Nothing,
    List,
    Mapping,
    Text(String),
    Bool(bool),
    /// A number, as written (or as read, until [`as_written`] puts back how it is written).
    Number(String),
    Other(String),
}

impl Found {
    fn from_serde(unexp: &Unexpected<'_>) -> Self {
        match unexp {
            Unexpected::Unit | Unexpected::Option => Found::Nothing,
            Unexpected::Seq => Found::List,
            Unexpected::Map => Found::Mapping,
            Unexpected::Str(s) => Found::Text(excerpt(s)),
            Unexpected::Bool(b) => Found::Bool(*b),
            Unexpected::Signed(n) => Found::Number(n.to_string()),
            Unexpected::Unsigned(n) => Found::Number(n.to_string()),
            Unexpected::Float(n) => Found::Number(n.to_string()),
            other => Found::Other(other.to_string()),
        }
    }

    fn message(&self) -> Message {
        match self {
            Found::Nothing => msg!(InputFoundNothing),
            Found::List => msg!(InputFoundList),
            Found::Mapping => msg!(InputFoundMapping),
            Found::Text(s) => msg!(InputFoundText, text = s.as_str()),
            Found::Bool(b) => msg!(InputFoundBool, value = b.to_string()),
            Found::Number(n) => msg!(InputFoundNumber, number = n.as_str()),
            Found::Other(s) => msg!(InputFoundOther, text = s.as_str()),
        }
    }
}

impl Typed {
    fn message(&self) -> Message {
        let (expected, found) = (self.expected.message(), self.found.message());
        if self.invalid_value {
            msg!(InputInvalidValue, expected = expected, found = found)
        } else {
            msg!(InputExpectedFound, expected = expected, found = found)
        }
    }
}

impl DeError {
    fn new(kind: DeErrorKind, message: Message, hint: Option<Message>) -> Self {
        DeError {
            message,
            hint: hint.map(Box::new),
            kind,
            pos: None,
            path: Vec::new(),
            also: Vec::new(),
            typed: None,
        }
    }

    fn typed(typed: Typed) -> Self {
        DeError {
            typed: Some(Box::new(typed.clone())),
            ..DeError::new(DeErrorKind::WrongType, typed.message(), None)
        }
    }

    /// Sets the position, unless an inner value already did.
    fn at(mut self, pos: Pos) -> Self {
        self.pos.get_or_insert(pos);
        self
    }

    /// Puts `seg` in front of the path, on the way out of a container.
    fn under(mut self, seg: PathSeg) -> Self {
        self.path.insert(0, seg.clone());
        self.also = self
            .also
            .into_iter()
            .map(|e| e.under(seg.clone()))
            .collect();
        self
    }

    /// This error and those found with it, one by one.
    pub fn all(self) -> Vec<DeError> {
        let mut first = self;
        let also = std::mem::take(&mut first.also);
        std::iter::once(first)
            .chain(also.into_iter().flat_map(DeError::all))
            .collect()
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.en())
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    /// Serde's own words, for a problem of a kind the input format does not produce.
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::new(
            DeErrorKind::WrongType,
            msg!(InputCustom, text = excerpt(&msg.to_string())),
            None,
        )
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        DeError::typed(Typed {
            expected: Expectation::from_serde(exp),
            found: Found::from_serde(&unexp),
            invalid_value: false,
        })
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        DeError::typed(Typed {
            expected: Expectation::from_serde(exp),
            found: Found::from_serde(&unexp),
            invalid_value: true,
        })
    }

    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        DeError::new(
            DeErrorKind::WrongType,
            msg!(
                InputWrongLength,
                expected = Expectation::from_serde(exp).message(),
                n = len
            ),
            None,
        )
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let hint = match suggest::nearest(variant, expected.iter().copied()) {
            Some(near) => msg!(
                InputUnknownValueNear,
                near = near,
                allowed = suggest::names(expected)
            ),
            None => msg!(InputUnknownValueAllowed, allowed = suggest::names(expected)),
        };
        DeError::new(
            DeErrorKind::WrongType,
            msg!(InputUnknownValue, value = excerpt(variant)),
            Some(hint),
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let hint = match suggest::nearest(field, expected.iter().copied()) {
            Some(near) => msg!(InputDidYouMean, near = near),
            None => msg!(InputKeysAllowed, keys = suggest::names(expected)),
        };
        DeError::new(
            DeErrorKind::UnknownKey,
            msg!(InputUnknownKey, key = excerpt(field)),
            Some(hint),
        )
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::new(
            DeErrorKind::MissingKey,
            msg!(InputMissingKey, key = field),
            Some(msg!(InputMissingKeyHint, key = field)),
        )
    }

    fn duplicate_field(field: &'static str) -> Self {
        DeError::new(
            DeErrorKind::WrongType,
            msg!(InputDuplicateKey, key = field),
            None,
        )
    }
}

/// Deserializes a `T` from a node, moving the text of scalar values out of the tree (it is not
/// copied: a large programme would otherwise hold every string twice). Keys, kinds and positions
/// stay, so the tree still locates any value for later findings.
pub fn from_node<T: de::DeserializeOwned>(node: &mut Node) -> Result<T, DeError> {
    T::deserialize(NodeDe(node))
}

/// Deserializes each item of a sequence on its own, so that every item with a problem is
/// reported, not only the first. A node that is not a sequence gives the usual error.
pub fn from_items<T: de::DeserializeOwned>(node: &mut Node) -> Result<Vec<T>, Vec<DeError>> {
    let NodeKind::Seq(items) = &mut node.kind else {
        return from_node::<Vec<T>>(node).map_err(DeError::all);
    };
    let mut values = Vec::with_capacity(items.len());
    let mut errors = Capped::default();
    for (i, item) in items.iter_mut().enumerate() {
        match T::deserialize(NodeDe(item)) {
            Ok(v) if errors.found == 0 => values.push(v),
            Ok(_) => {}
            Err(e) => errors.extend(e.under(PathSeg::Index(i)).all()),
        }
    }
    if errors.found == 0 {
        Ok(values)
    } else {
        Err(errors.finish())
    }
}

/// Errors collected up to [`MAX_FINDINGS_PER_FILE`], and how many there were: a file of a
/// million wrong values must not take a million findings' memory, nor print them all.
#[derive(Default)]
struct Capped {
    kept: Vec<DeError>,
    found: usize,
    /// The first error left out: where the count of the rest is placed.
    first_left_out: Option<DeError>,
}

impl Capped {
    fn extend(&mut self, errors: impl IntoIterator<Item = DeError>) {
        for e in errors {
            self.found += 1;
            if self.kept.len() < MAX_FINDINGS_PER_FILE {
                self.kept.push(e);
            } else if self.first_left_out.is_none() {
                self.first_left_out = Some(e);
            }
        }
    }

    /// The errors kept, then one at the first left out that says how many more there are.
    fn finish(mut self) -> Vec<DeError> {
        if let Some(first) = self.first_left_out {
            let more = self.found - self.kept.len();
            self.kept.push(DeError {
                message: msg!(InputMoreProblems, n = more),
                hint: Some(Box::new(msg!(InputMoreProblemsHint))),
                kind: DeErrorKind::TooMany,
                also: Vec::new(),
                typed: None,
                ..first
            });
        }
        self.kept
    }
}

/// A node seen as a serde deserializer.
struct NodeDe<'a>(&'a mut Node);

/// What a node is, for "expected …, found …" messages.
fn unexpected(node: &Node) -> Unexpected<'_> {
    match &node.kind {
        NodeKind::Seq(_) => Unexpected::Seq,
        NodeKind::Map(_) => Unexpected::Map,
        NodeKind::Scalar {
            value,
            plain: false,
        } => Unexpected::Str(value),
        NodeKind::Scalar { value, plain: true } => match resolve(value) {
            Plain::Null => Unexpected::Unit,
            Plain::Bool(b) => Unexpected::Bool(b),
            Plain::Int(n) => Unexpected::Signed(n),
            Plain::UInt(n) => Unexpected::Unsigned(n),
            Plain::Float(f) => Unexpected::Float(f),
            Plain::Str(s) => Unexpected::Str(s),
        },
    }
}

fn mismatch<'de, V: Visitor<'de>>(node: &Node, visitor: &V) -> DeError {
    as_written(de::Error::invalid_type(unexpected(node), visitor), node)
}

/// A number from a plain scalar.
fn number<'de, V: Visitor<'de>>(node: &Node, visitor: V) -> Result<V::Value, DeError> {
    match &node.kind {
        NodeKind::Scalar { value, plain: true } => match resolve(value) {
            Plain::Int(n) => visitor.visit_i64(n),
            Plain::UInt(n) => visitor.visit_u64(n),
            Plain::Float(f) => visitor.visit_f64(f),
            _ => Err(mismatch(node, &visitor)),
        }
        .map_err(|e| as_written(e, node)),
        _ => Err(mismatch(node, &visitor)),
    }
}

/// The error about a number, saying the number as it is written in the file rather than as it
/// was read: `2027.0`, not `2027`; `99999999999999999999999`, not the float it became. A
/// whole number written with a decimal part gets the hint of it without one, and an integer
/// too large for any type is said to be too large.
fn as_written(mut e: DeError, node: &Node) -> DeError {
    let NodeKind::Scalar { value, plain: true } = &node.kind else {
        return e;
    };
    let (read, float) = match resolve(value) {
        Plain::Int(n) => (n.to_string(), None),
        Plain::UInt(n) => (n.to_string(), None),
        Plain::Float(f) => (f.to_string(), Some(f)),
        _ => return e,
    };
    let Some(mut typed) = e.typed.take() else {
        return e;
    };
    let written = excerpt(value);
    let wants_whole = !typed.invalid_value && typed.expected.is_whole();
    let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
    if wants_whole && float.is_some() && digits.bytes().all(|b| b.is_ascii_digit()) {
        e.message = msg!(InputNumberTooLarge, number = written);
        return e;
    }
    if typed.found == Found::Number(read) {
        typed.found = Found::Number(written);
    }
    e.message = typed.message();
    e.typed = Some(typed);
    if let Some(f) = float
        && wants_whole
        && e.hint.is_none()
        && f.is_finite()
        && f.fract() == 0.0
        && f.abs() < 1e15
    {
        e.hint = Some(Box::new(msg!(
            InputWithoutDecimals,
            number = (f as i64).to_string()
        )));
    }
    e
}

macro_rules! numbers {
    ($($name:ident)*) => {
        $(
            fn $name<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                number(self.0, visitor).map_err(|e| e.at(self.0.pos))
            }
        )*
    };
}

/// Moves a scalar's text out of the tree.
fn take(value: &mut String) -> String {
    std::mem::take(value)
}

impl<'de> de::Deserializer<'de> for NodeDe<'_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let pos = self.0.pos;
        let r = match &mut self.0.kind {
            NodeKind::Seq(items) => visitor.visit_seq(Seq {
                items: items.iter_mut(),
                next: 0,
            }),
            NodeKind::Map(entries) => visitor.visit_map(Map {
                entries: entries.iter_mut(),
                value: None,
            }),
            NodeKind::Scalar {
                value,
                plain: false,
            } => visitor.visit_string(take(value)),
            NodeKind::Scalar { value, plain: true } => match resolve(value) {
                Plain::Null => visitor.visit_unit(),
                Plain::Bool(b) => visitor.visit_bool(b),
                Plain::Int(n) => visitor.visit_i64(n),
                Plain::UInt(n) => visitor.visit_u64(n),
                Plain::Float(f) => visitor.visit_f64(f),
                Plain::Str(_) => visitor.visit_string(take(value)),
            },
        };
        r.map_err(|e| e.at(pos))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let r = match &self.0.kind {
            NodeKind::Scalar { value, plain: true } => match resolve(value) {
                Plain::Bool(b) => visitor.visit_bool(b),
                _ => Err(mismatch(self.0, &visitor)),
            },
            _ => Err(mismatch(self.0, &visitor)),
        };
        r.map_err(|e| e.at(self.0.pos))
    }

    numbers!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
             deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
             deserialize_f32 deserialize_f64);

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let pos = self.0.pos;
        let text = match &mut self.0.kind {
            NodeKind::Scalar { value, plain } if !*plain || !is_null_text(value) => {
                Some(take(value))
            }
            _ => None,
        };
        let r = match text {
            Some(text) => visitor.visit_string(text),
            None => Err(mismatch(self.0, &visitor)),
        };
        r.map_err(|e| e.at(pos))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        Err(mismatch(self.0, &visitor).at(self.0.pos))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.0.is_null() {
            visitor.visit_none().map_err(|e: DeError| e.at(self.0.pos))
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let r = if self.0.is_null() {
            visitor.visit_unit()
        } else {
            Err(mismatch(self.0, &visitor))
        };
        r.map_err(|e| e.at(self.0.pos))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let pos = self.0.pos;
        let r = match &mut self.0.kind {
            NodeKind::Seq(items) => visitor.visit_seq(Seq {
                items: items.iter_mut(),
                next: 0,
            }),
            _ => Err(mismatch(self.0, &visitor)),
        };
        r.map_err(|e| e.at(pos))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let pos = self.0.pos;
        let r = match &mut self.0.kind {
            NodeKind::Map(entries) => visitor.visit_map(Map {
                entries: entries.iter_mut(),
                value: None,
            }),
            _ => Err(mismatch(self.0, &visitor)),
        };
        r.map_err(|e| e.at(pos))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        // Every key the type does not know, at once: serde would stop at the first.
        if let NodeKind::Map(entries) = &self.0.kind {
            let mut unknown = Capped::default();
            unknown.extend(
                entries
                    .iter()
                    .filter_map(|(k, _)| Some((k, k.as_str()?)))
                    .filter(|(_, name)| !fields.contains(name))
                    .map(|(k, name)| {
                        <DeError as de::Error>::unknown_field(name, fields)
                            .at(k.pos)
                            .under(PathSeg::Key(name.to_owned()))
                    }),
            );
            let mut unknown = unknown.finish().into_iter();
            if let Some(mut first) = unknown.next() {
                first.also = unknown.collect();
                return Err(first);
            }
        }
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let r = match &self.0.kind {
            NodeKind::Scalar { value, .. } if !self.0.is_null() => {
                visitor.visit_enum(UnitVariant(value))
            }
            _ => Err(DeError::typed(Typed {
                expected: Expectation::OneOf(variants),
                found: Found::from_serde(&unexpected(self.0)),
                invalid_value: false,
            })),
        };
        r.map_err(|e| e.at(self.0.pos))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

/// A mapping key: read, never moved (the tree keeps its keys to locate values).
struct KeyDe<'a>(&'a Node);

impl<'de> de::Deserializer<'de> for KeyDe<'_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let r = match &self.0.kind {
            NodeKind::Scalar { value, plain: true } => match resolve(value) {
                Plain::Int(n) => visitor.visit_i64(n),
                Plain::UInt(n) => visitor.visit_u64(n),
                _ => visitor.visit_str(value),
            },
            NodeKind::Scalar {
                value,
                plain: false,
            } => visitor.visit_str(value),
            _ => Err(mismatch(self.0, &visitor)),
        };
        r.map_err(|e| e.at(self.0.pos))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let r = match self.0.as_str() {
            Some(text) => visitor.visit_str(text),
            None => Err(mismatch(self.0, &visitor)),
        };
        r.map_err(|e| e.at(self.0.pos))
    }

    /// A key that is a keyword (`spent: {grants: 40}`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let r = match self.0.as_str() {
            Some(text) => visitor.visit_enum(UnitVariant(text)),
            None => Err(mismatch(self.0, &visitor)),
        };
        r.map_err(|e| e.at(self.0.pos))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct ignored_any
    }
}

struct Seq<'a> {
    items: std::slice::IterMut<'a, Node>,
    next: usize,
}

impl<'de> SeqAccess<'de> for Seq<'_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.next;
        self.next += 1;
        seed.deserialize(NodeDe(item))
            .map(Some)
            .map_err(|e| e.under(PathSeg::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'a> {
    entries: std::slice::IterMut<'a, (Node, Node)>,
    /// The value of the key just read, with the key's path step.
    value: Option<(&'a mut Node, PathSeg)>,
}

fn key_seg(key: &Node) -> PathSeg {
    PathSeg::Key(key.as_str().unwrap_or_default().to_owned())
}

impl<'de> MapAccess<'de> for Map<'_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        let result = seed
            .deserialize(KeyDe(key))
            .map(Some)
            .map_err(|e| e.at(key.pos).under(key_seg(key)));
        self.value = Some((value, key_seg(key)));
        result
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let (value, seg) = self
            .value
            .take()
            .ok_or_else(|| <DeError as de::Error>::custom("a value without a key"))?;
        seed.deserialize(NodeDe(value)).map_err(|e| e.under(seg))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An enum written as its variant's name (`status: draft`).
struct UnitVariant<'a>(&'a str);

impl<'de, 'a> EnumAccess<'de> for UnitVariant<'a> {
    type Error = DeError;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self), DeError> {
        let de = de::value::StrDeserializer::<DeError>::new(self.0);
        Ok((seed.deserialize(de)?, self))
    }
}

impl<'de> VariantAccess<'de> for UnitVariant<'_> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value, DeError> {
        Err(DeError::new(
            DeErrorKind::WrongType,
            msg!(InputVariantNeedsValue, value = excerpt(self.0)),
            None,
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value, DeError> {
        Err(DeError::new(
            DeErrorKind::WrongType,
            msg!(InputVariantNeedsList, value = excerpt(self.0)),
            None,
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, DeError> {
        Err(DeError::new(
            DeErrorKind::WrongType,
            msg!(InputVariantNeedsMapping, value = excerpt(self.0)),
            None,
        ))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::*;
    use crate::yaml::{Limits, parse};

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        id: String,
        #[serde(default)]
        tags: Vec<String>,
        count: Option<u32>,
        #[serde(default)]
        status: Status,
        #[serde(default)]
        amounts: BTreeMap<u16, f64>,
    }

    #[derive(Debug, Deserialize, PartialEq, Default)]
    #[serde(rename_all = "lowercase")]
    enum Status {
        #[default]
        Agreed,
        Proposed,
    }

    fn load<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DeError> {
        let mut node = parse(text, Limits::default()).unwrap();
        from_node(&mut node)
    }

    #[test]
    fn reads_typed_values() {
        let items: Vec<Item> = load(
            "- id: 2027\n  tags: [a, 'b']\n  count: 3\n  status: proposed\n  amounts: {2027: 1.5, 2028: 2}\n",
        )
        .unwrap();
        assert_eq!(items[0].id, "2027");
        assert_eq!(items[0].tags, ["a", "b"]);
        assert_eq!(items[0].count, Some(3));
        assert_eq!(items[0].status, Status::Proposed);
        assert_eq!(items[0].amounts[&2028], 2.0);
    }

    #[test]
    fn unknown_key_has_position_path_and_hint() {
        let err = load::<Vec<Item>>("- id: a\n- id: b\n  cuont: 2\n").unwrap_err();
        assert_eq!(err.message.en(), "unknown key `cuont`");
        assert_eq!(
            err.hint.as_ref().map(|h| h.en()).as_deref(),
            Some("did you mean `count`?")
        );
        assert_eq!(err.pos, Some(Pos { line: 3, col: 3 }));
        assert_eq!(
            err.path,
            vec![PathSeg::Index(1), PathSeg::Key("cuont".into())]
        );
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let err = load::<Vec<Item>>("- id: a\n  count: many\n").unwrap_err();
        assert_eq!(
            err.message.en(),
            "expected a whole number of 0 or more, found the text `many`"
        );
        assert_eq!(err.pos, Some(Pos { line: 2, col: 10 }));
        let err = load::<Vec<Item>>("- id: [a]\n").unwrap_err();
        assert_eq!(err.message.en(), "expected text, found a list");
        let err = load::<Vec<Item>>("id: a\n").unwrap_err();
        assert_eq!(err.message.en(), "expected a list, found a mapping");
    }

    #[test]
    fn every_unknown_key_and_every_bad_item_is_reported() {
        let mut node = parse(
            "- id: a\n  cuont: 2\n  tgas: []\n- id: b\n- id: [c]\n",
            Limits::default(),
        )
        .unwrap();
        let errs = from_items::<Item>(&mut node).unwrap_err();
        let messages: Vec<String> = errs
            .iter()
            .map(|e| format!("{} {:?}", e.message.en(), e.path))
            .collect();
        assert_eq!(
            messages,
            [
                "unknown key `cuont` [Index(0), Key(\"cuont\")]",
                "unknown key `tgas` [Index(0), Key(\"tgas\")]",
                "expected text, found a list [Index(2), Key(\"id\")]",
            ]
        );
        assert_eq!(errs[1].pos, Some(Pos { line: 3, col: 3 }));
    }

    #[test]
    fn findings_stop_at_the_cap_with_a_count_of_the_rest() {
        let text = "- a\n".repeat(MAX_FINDINGS_PER_FILE + 500);
        let mut node = parse(&text, Limits::default()).unwrap();
        let errs = from_items::<Item>(&mut node).unwrap_err();
        assert_eq!(errs.len(), MAX_FINDINGS_PER_FILE + 1);
        let more = &errs[MAX_FINDINGS_PER_FILE];
        assert_eq!(
            more.message.en(),
            "500 more problems, from here on, not shown"
        );
        assert_eq!(more.pos, Some(Pos { line: 1001, col: 3 }));
        let keys: String = (0..MAX_FINDINGS_PER_FILE + 2)
            .map(|i| format!("k{i}: 1\n"))
            .collect();
        let err = load::<Item>(&format!("id: a\n{keys}")).unwrap_err();
        let all = err.all();
        assert_eq!(all.len(), MAX_FINDINGS_PER_FILE + 1);
        let more = &all[MAX_FINDINGS_PER_FILE];
        assert_eq!(
            more.message.en(),
            "2 more problems, from here on, not shown"
        );
        assert_eq!(more.pos, Some(Pos { line: 1002, col: 1 }));
    }

    #[test]
    fn numbers_are_quoted_as_written() {
        #[derive(Debug, Deserialize)]
        struct Period {
            #[allow(dead_code)]
            from: i32,
        }
        let err = load::<Period>("from: 2027.0\n").unwrap_err();
        assert_eq!(
            err.message.en(),
            "expected a whole number, found the number 2027.0"
        );
        assert_eq!(
            err.hint.as_ref().map(|h| h.en()).as_deref(),
            Some("write it without the decimal part: `2027`")
        );
        let err = load::<Period>("from: 99999999999999999999999\n").unwrap_err();
        assert_eq!(
            err.message.en(),
            "the number 99999999999999999999999 is too large"
        );
        let err = load::<Period>("from: 1.5e3\n").unwrap_err();
        assert_eq!(
            err.message.en(),
            "expected a whole number, found the number 1.5e3"
        );
        let err = load::<Period>("from: [1]\n").unwrap_err();
        assert_eq!(err.message.en(), "expected a whole number, found a list");
        let err = load::<Vec<Item>>("- id: a\n  tags: 0x10\n").unwrap_err();
        assert_eq!(err.message.en(), "expected a list, found the number 0x10");
        let err = load::<Vec<Item>>("- id: a\n  count: 9999999999\n").unwrap_err();
        assert!(
            err.message.en().contains("the number 9999999999,"),
            "{}",
            err.message.en()
        );
    }

    #[test]
    fn missing_key_points_at_the_mapping() {
        let err = load::<Vec<Item>>("- tags: []\n").unwrap_err();
        assert_eq!(err.message.en(), "missing required key `id`");
        assert_eq!(err.pos, Some(Pos { line: 1, col: 3 }));
        assert_eq!(err.path, vec![PathSeg::Index(0)]);
    }

    #[test]
    fn unknown_variant_lists_allowed_values() {
        let err = load::<Vec<Item>>("- id: a\n  status: propsed\n").unwrap_err();
        assert_eq!(err.message.en(), "unknown value `propsed`");
        assert_eq!(
            err.hint.as_ref().map(|h| h.en()).as_deref(),
            Some("did you mean `proposed`? allowed: `agreed`, `proposed`")
        );
        assert_eq!(err.pos, Some(Pos { line: 2, col: 11 }));
    }

    #[test]
    fn null_is_not_text() {
        let err = load::<Vec<Item>>("- id:\n").unwrap_err();
        assert_eq!(err.message.en(), "expected text, found nothing");
        assert_eq!(load::<Vec<Item>>("- id: '~'\n").unwrap()[0].id, "~");
    }

    /// The count of the problems not shown takes the Russian plural forms, and the kinds of
    /// values read as Russian words.
    #[test]
    fn counts_and_kinds_in_russian() {
        use crate::i18n::Lang;
        let more = |n: usize| msg!(InputMoreProblems, n = n).text(Lang::Ru);
        assert_eq!(more(1), "ещё 1 ошибка дальше не показана");
        assert_eq!(more(3), "ещё 3 ошибки дальше не показаны");
        assert_eq!(more(5), "ещё 5 ошибок дальше не показаны");
        assert_eq!(more(21), "ещё 21 ошибка дальше не показана");
        assert_eq!(
            msg!(InputMoreProblems, n = 1).en(),
            "1 more problem, from here on, not shown"
        );
        let err = load::<Vec<Item>>("- id: a\n  count: many\n").unwrap_err();
        assert_eq!(
            err.message.text(Lang::Ru),
            "ожидается целое число не меньше 0, а здесь текст «many»"
        );
        let err = load::<Vec<Item>>("- id: a\n  status: propsed\n").unwrap_err();
        assert_eq!(err.message.text(Lang::Ru), "неизвестное значение «propsed»");
        assert_eq!(
            err.hint.unwrap().text(Lang::Ru),
            "возможно, имелось в виду «proposed»? Допустимые значения: «agreed», «proposed»"
        );
        let err = load::<Vec<Item>>("- id: a\n  status: [x]\n").unwrap_err();
        assert_eq!(
            err.message.en(),
            "expected one of `agreed`, `proposed`, found a list"
        );
        assert_eq!(
            err.message.text(Lang::Ru),
            "ожидается одно из значений: «agreed», «proposed», а здесь список"
        );
        let err = load::<Vec<Item>>("- id: a\n  cuont: 2\n").unwrap_err();
        assert_eq!(err.message.text(Lang::Ru), "неизвестный ключ «cuont»");
        assert_eq!(
            err.hint.unwrap().text(Lang::Ru),
            "возможно, имелось в виду «count»?"
        );
        let length = |n: usize| {
            msg!(InputWrongLength, expected = msg!(InputExpectList), n = n).text(Lang::Ru)
        };
        assert_eq!(length(2), "ожидается список, а здесь 2 элемента");
        assert_eq!(length(11), "ожидается список, а здесь 11 элементов");
    }
}
