//! Language of the output: labels, dates, numbers, plurals and typography, for `ru` and `en`.
//!
//! Everything that depends on the language is formatted here, once, for the view model; the
//! templates only print what they are given.

pub mod en;
pub mod labels;
pub mod ru;
pub mod typography;

pub use labels::{Labels, words};

crate::model::keyword_enum! {
    /// The language of every label, date and number in the output.
    #[derive(Default)]
    pub enum Locale {
        /// Russian, the default.
        #[default]
        Ru = "ru",
        /// English.
        En = "en",
    }
}

impl Locale {
    /// The language tag used in HTML `lang` and PDF metadata.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Ru => "ru",
            Locale::En => "en",
        }
    }
}

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
