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

/// The basic Russian letters: `А`–`я` and `Ё`, `ё`.
fn is_russian_letter(c: char) -> bool {
    matches!(c, '\u{410}'..='\u{44f}' | 'Ё' | 'ё')
}

/// [`char::is_alphanumeric`], answered without Unicode's tables for ASCII and the Russian
/// alphabet, which are nearly all of a programme's text: the scans of every word (typography,
/// abbreviations) call it for each character.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_russian_letter(c) || c.is_alphanumeric()
    }
}

/// [`char::is_alphabetic`], with the same shortcut as [`is_alphanumeric`].
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        is_russian_letter(c) || c.is_alphabetic()
    }
}

/// [`char::is_uppercase`], with the same shortcut as [`is_alphanumeric`].
pub(crate) fn is_uppercase(c: char) -> bool {
    match c {
        'A'..='Z' | '\u{410}'..='\u{42f}' | 'Ё' => true,
        'a'..='z' | '\u{430}'..='\u{44f}' | 'ё' => false,
        _ if c.is_ascii() => false,
        _ => c.is_uppercase(),
    }
}

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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The shortcuts answer as the standard library does, for every character.
        #[test]
        fn letters_as_the_standard_library_says(c in any::<char>()) {
            prop_assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric());
            prop_assert_eq!(super::is_alphabetic(c), c.is_alphabetic());
            prop_assert_eq!(super::is_uppercase(c), c.is_uppercase());
        }
    }

    /// Every character of ASCII, Latin-1 and the Cyrillic block, where the shortcuts are.
    #[test]
    fn every_character_near_the_shortcuts() {
        for c in ('\0'..='\u{ff}').chain('\u{400}'..='\u{4ff}') {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(super::is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(super::is_uppercase(c), c.is_uppercase(), "{c:?}");
        }
    }
}
