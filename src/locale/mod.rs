//! Language of the output: labels, dates, numbers, plurals and typography, for `ru` and `en`.
//!
//! Everything that depends on the language is formatted here, once, for the view model; the
//! templates only print what they are given.

pub mod en;
pub mod labels;
pub mod ru;
pub mod typography;

pub use labels::{Labels, words};

/// The language of the output, a key of `programme.yaml`; defined with the input types.
pub use crate::model::Locale;

/// No-break space, used where a line must not break (number and unit, initials, «№ 1»).
pub const NBSP: char = '\u{a0}';

/// Roman numerals for quarters and half-years (1 to 4).
pub fn roman(n: u8) -> &'static str {
    match n {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => "?",
    }
}
