//! English: month names and the forms the English document uses.

/// Month names.
pub(crate) use crate::model::MONTHS_EN as MONTHS;

/// English plural: one for exactly 1, other for everything else.
pub(crate) fn plural<'a>(n: u64, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 { one } else { other }
}
