//! Language of the output: labels, dates, numbers, plurals and typography, for `ru` and `en`.
//!
//! Everything that depends on the language is formatted here, once, for the view model; the
//! templates only print what they are given.

pub(crate) mod en;
pub(crate) mod labels;
pub(crate) mod ru;
pub(crate) mod typography;

pub(crate) use labels::{Labels, words};

/// The language of the output, a key of `programme.yaml`; defined with the input types.
pub(crate) use crate::model::Locale;

/// No-break space, used where a line must not break (number and unit, initials, «№ 1»).
pub(crate) const NBSP: char = '\u{a0}';

/// Roman numerals for quarters and half-years (1 to 4).
pub(crate) fn roman(n: u8) -> &'static str {
    match n {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => "?",
    }
}
