//! What a scalar means, shared by the tree (duplicate keys), the deserializer (types) and the
//! writer (when text needs quotes): YAML's core schema for plain scalars, in one place, so
//! that none of the three depends on another.

/// True for the plain scalars that YAML's core schema reads as null.
pub(crate) fn is_null_text(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

/// What a plain scalar reads as under the core schema.
pub(super) enum Plain<'a> {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(&'a str),
}

pub(super) fn resolve(value: &str) -> Plain<'_> {
    if is_null_text(value) {
        return Plain::Null;
    }
    match value {
        "true" | "True" | "TRUE" => return Plain::Bool(true),
        "false" | "False" | "FALSE" => return Plain::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Plain::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Plain::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Plain::Float(f64::NAN),
        _ => {}
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = value.strip_prefix('+').unwrap_or(value);
    if digits(unsigned)
        && let Ok(n) = unsigned.parse::<u64>()
    {
        return Plain::UInt(n);
    }
    if let Some(rest) = value.strip_prefix('-')
        && digits(rest)
        && let Ok(n) = value.parse::<i64>()
    {
        return Plain::Int(n);
    }
    if let Some(hex) = value.strip_prefix("0x")
        && let Ok(n) = u64::from_str_radix(hex, 16)
    {
        return Plain::UInt(n);
    }
    if let Some(oct) = value.strip_prefix("0o")
        && let Ok(n) = u64::from_str_radix(oct, 8)
    {
        return Plain::UInt(n);
    }
    let floaty = value
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
        && value.bytes().any(|b| b.is_ascii_digit());
    if floaty && let Ok(f) = value.parse::<f64>() {
        return Plain::Float(f);
    }
    Plain::Str(value)
}

/// The form of a mapping key that tells keys apart: a plain integer in decimal (`02029`, `+2029`
/// and `0x7ED` are all `2029`), anything else as written.
pub(crate) fn canonical_key(value: &str, plain: bool) -> std::borrow::Cow<'_, str> {
    if plain {
        match resolve(value) {
            Plain::Int(n) => return n.to_string().into(),
            Plain::UInt(n) => return n.to_string().into(),
            _ => {}
        }
    }
    value.into()
}

/// True when a plain scalar with this text reads as text (not null, a boolean or a number).
pub(crate) fn is_plain_text(s: &str) -> bool {
    matches!(resolve(s), Plain::Str(_))
}
