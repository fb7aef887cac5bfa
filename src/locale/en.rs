//! English: month names and the forms the English document uses.

/// Month names.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English plural: one for exactly 1, other for everything else.
pub fn plural<'a>(n: u64, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 { one } else { other }
}
