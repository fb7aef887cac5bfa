//! Calendar dates as the input writes them (`2026-11-28`, also `28.11.2026` and as the
//! documents print them, `28 ноября 2026 г.`), without time zones.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::Message;
use crate::locale::ru;
use crate::msg;

/// English month names: for the hints of dates here, and the English document.
pub const MONTHS_EN: [&str; 12] = [
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

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, four digits in the input.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, from 1.
    pub day: u8,
}

/// True in a leap year of the Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month of a year; 0 for a month outside 1..=12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, or why it does not exist (`February 2027 has 28 days`).
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, Message> {
        if !(1..=12).contains(&month) {
            return Err(msg!(DateNoMonth, month = month));
        }
        let days = days_in_month(year, month);
        if day == 0 || day > days {
            return Err(msg!(
                DateMonthDays,
                month = msg!(DateMonthIn, month = month),
                year = year.to_string(),
                days = days
            ));
        }
        Ok(Date { year, month, day })
    }

    /// Parses a date as the input may write it: `2026-11-28` (four-digit year, two-digit month
    /// and day), `28.11.2026` or `1.12.2027` (day first, as Russian writes it), or as the
    /// documents print it, `28 ноября 2026 г.` or `28 November 2026`, in any case of letters,
    /// with any spaces.
    pub fn parse(s: &str) -> Result<Date, Message> {
        let Some((year, month, day)) = read(s) else {
            return Err(msg!(DateNotADate, text = s));
        };
        Date::new(year, month, day).map_err(|why| msg!(DateNotReal, text = s, why = why))
    }

    /// The first day of a year.
    pub fn first_of_year(year: i32) -> Date {
        Date {
            year,
            month: 1,
            day: 1,
        }
    }

    /// The last day of a year.
    pub fn last_of_year(year: i32) -> Date {
        Date {
            year,
            month: 12,
            day: 31,
        }
    }

    /// The last day of a month (the month must be valid).
    pub fn end_of_month(year: i32, month: u8) -> Date {
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_epoch_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_epoch_days(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date field as written: the date, or the text when it is not one (`2026-11-31`).
///
/// Reading it never fails on a date that does not exist, so one bad date does not stop the rest
/// of its file from loading (the other dates, the agreements): `validate` reports every bad date
/// on its own, at its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateField {
    /// A real date.
    Date(Date),
    /// Text that is not one, as written.
    Invalid(String),
}

impl DateField {
    /// The date, when it is one.
    pub fn get(&self) -> Option<Date> {
        match self {
            DateField::Date(d) => Some(*d),
            DateField::Invalid(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for DateField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match Date::parse(&s) {
            Ok(date) => DateField::Date(date),
            Err(_) => DateField::Invalid(s),
        })
    }
}

/// `s` folded for reading: trimmed, every kind of space (no-break, narrow, tab) made one
/// ordinary space, letters in lower case.
pub(crate) fn fold(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    spaced
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `t` (folded) without the word for "year" that follows a year in Russian (`2027 г.`,
/// `2027г`, `2027 года`).
pub(crate) fn without_year_word(t: &str) -> &str {
    for word in [
        " года",
        " год",
        " гг.",
        " гг",
        " г.",
        " г",
        "гг.",
        "гг",
        "г.",
        "г",
    ] {
        if let Some(rest) = t.strip_suffix(word)
            && rest.ends_with(|c: char| c.is_ascii_digit())
        {
            return rest;
        }
    }
    t
}

/// A number of `min` to `max` ASCII digits.
pub(crate) fn digits(s: &str, min: usize, max: usize) -> Option<u32> {
    ((min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The month (1 to 12) a word names after a day: Russian genitive (`декабря`) or English
/// (`december`), folded.
pub(crate) fn month_of_day(word: &str) -> Option<u8> {
    position(&ru::MONTHS_GENITIVE, word).or_else(|| english_month(word))
}

/// The month (1 to 12) a word names on its own: Russian nominative (`декабрь`) or English
/// (`december`), folded.
pub(crate) fn month_alone(word: &str) -> Option<u8> {
    position(&ru::MONTHS_NOMINATIVE, word).or_else(|| english_month(word))
}

fn english_month(word: &str) -> Option<u8> {
    MONTHS_EN
        .iter()
        .position(|m| m.eq_ignore_ascii_case(word))
        .and_then(|i| u8::try_from(i + 1).ok())
}

fn position(names: &[&str; 12], word: &str) -> Option<u8> {
    names
        .iter()
        .position(|m| *m == word)
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// The year, month and day of `s` when it is written as a date (`2026-11-28`, `28.11.2026`,
/// `28 ноября 2026 г.`, `28 November 2026`), whether or not that day exists.
pub(crate) fn read(s: &str) -> Option<(i32, u8, u8)> {
    let folded = fold(s);
    let t = without_year_word(&folded);
    let b = t.as_bytes();
    let ymd = |y: u32, m: u32, d: u32| {
        Some((
            i32::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        ))
    };
    // The form of the input: four-digit year, two-digit month and day.
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let (y, m, d) = (
            digits(&t[..4], 4, 4)?,
            digits(&t[5..7], 2, 2)?,
            digits(&t[8..], 2, 2)?,
        );
        return ymd(y, m, d);
    }
    let dotted: Vec<&str> = t.split('.').collect();
    if let [d, m, y] = dotted.as_slice() {
        return ymd(digits(y, 4, 4)?, digits(m, 1, 2)?, digits(d, 1, 2)?);
    }
    let words: Vec<&str> = t.split(' ').collect();
    if let [d, m, y] = words.as_slice() {
        return ymd(
            digits(y, 4, 4)?,
            u32::from(month_of_day(m)?),
            digits(d, 1, 2)?,
        );
    }
    None
}

/// The year, month and day that `t` (folded) most likely means, read loosely: numbers of any
/// width separated by `-`, `.` or `/`, year first or last (a two-digit year last is this
/// century's), or a date in words.
fn guess(t: &str) -> Option<(i32, u32, u32)> {
    let t = without_year_word(t);
    let parts: Vec<&str> = t.split(['-', '.', '/']).collect();
    let num = |p: &str| digits(p, 1, 4);
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (num(y)?, num(m)?, num(d)?),
        [d, m, y] if y.len() == 4 => (num(y)?, num(m)?, num(d)?),
        [d, m, y] if y.len() == 2 && d.len() <= 2 && t.contains('.') => {
            (2000 + num(y)?, num(m)?, num(d)?)
        }
        _ => {
            let words: Vec<&str> = t.split(' ').collect();
            let [d, m, y] = words.as_slice() else {
                return None;
            };
            (
                digits(y, 4, 4)?,
                u32::from(month_of_day(m)?),
                digits(d, 1, 2)?,
            )
        }
    };
    Some((i32::try_from(y).ok()?, m, d))
}

/// The date `s` most likely means, in the form of the input, when it can be told: the same
/// day written `2026-1-5` or `28/11/2026`.
pub(crate) fn meant(s: &str) -> Option<Date> {
    let (year, month, day) = guess(&fold(s))?;
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(day).ok()?;
    Date::new(year, month, day).ok()
}

/// What to do about `s`, which is not a date: write the same day in `YYYY-MM-DD` when it was
/// written another way (`2026-1-5`, `28/11/2026`), the last day of the month when the day is
/// past it; else the form with an example.
pub fn date_hint(s: &str) -> Message {
    if let Some((year, month @ 1..=12, day)) = guess(&fold(s)) {
        let month = month as u8;
        if day > u32::from(days_in_month(year, month)) {
            return month_ends(year, month);
        }
        if let Some(date) = meant(s).filter(|d| d.to_string() != s.trim()) {
            return msg!(DateHintWrite, date = date.to_string());
        }
    }
    msg!(DateHintForm)
}

/// The hint for a day past the end of its month: `November 2026 ends on 2026-11-30; …`.
pub(crate) fn month_ends(year: i32, month: u8) -> Message {
    msg!(
        DateHintMonthEnds,
        month = msg!(DateMonthOf, month = month),
        year = year.to_string(),
        end = Date::end_of_month(year, month).to_string()
    )
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Locale;

    fn en(r: Result<Date, Message>) -> Result<Date, String> {
        r.map_err(|m| m.en())
    }

    fn ymd(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(Date::parse("2026-11-28"), Ok(ymd(2026, 11, 28)));
        assert!(Date::parse("2028-02-29").is_ok());
        assert_eq!(
            en(Date::parse("2027-02-30")).unwrap_err(),
            "`2027-02-30` is not a real date: February 2027 has 28 days"
        );
        assert_eq!(
            en(Date::parse("2027-13-01")).unwrap_err(),
            "`2027-13-01` is not a real date: there is no month 13"
        );
        for bad in [
            "2027-1-01",
            "27-01-01",
            "2027/01/01",
            "2027-01-01x",
            "",
            "2027-0a-01",
            "28.11.26",
            "28.11.2026.1",
            "123.11.2026",
            "28 ноябрь 2026",
            "28 nov 2026",
            "завтра",
        ] {
            assert_eq!(
                en(Date::parse(bad)),
                Err(format!("`{bad}` is not a date in the form YYYY-MM-DD")),
                "{bad}"
            );
        }
    }

    /// Day first with dots, as Russian writes dates, and dates as the documents print them.
    #[test]
    fn reads_dates_day_first_and_in_words() {
        for written in [
            "28.11.2026",
            "28.11.2026 г.",
            " 28.11.2026 ",
            "28 ноября 2026 г.",
            "28\u{a0}ноября 2026\u{a0}г.",
            "28 НОЯБРЯ 2026",
            "28 ноября 2026 года",
            "28 November 2026",
            "28\u{202f}november 2026",
        ] {
            assert_eq!(Date::parse(written), Ok(ymd(2026, 11, 28)), "{written}");
        }
        assert_eq!(Date::parse("1.12.2027"), Ok(ymd(2027, 12, 1)));
        assert_eq!(Date::parse("01.2.2027"), Ok(ymd(2027, 2, 1)));
        assert_eq!(
            en(Date::parse("31.11.2026")).unwrap_err(),
            "`31.11.2026` is not a real date: November 2026 has 30 days"
        );
        assert_eq!(
            en(Date::parse("29 февраля 2027 г.")).unwrap_err(),
            "`29 февраля 2027 г.` is not a real date: February 2027 has 28 days"
        );
    }

    #[test]
    fn errors_read_in_russian() {
        let ru = |s: &str| Date::parse(s).unwrap_err().text(Locale::Ru);
        assert_eq!(
            ru("2026-11-31"),
            "даты «2026-11-31» не существует: в ноябре 2026 г. 30 дней"
        );
        assert_eq!(
            ru("2027-12-32"),
            "даты «2027-12-32» не существует: в декабре 2027 г. 31 день"
        );
        assert_eq!(
            ru("2027-13-01"),
            "даты «2027-13-01» не существует: месяца с номером 13 нет"
        );
        assert_eq!(
            ru("завтра"),
            "«завтра» — не дата: даты пишутся в виде ГГГГ-ММ-ДД или ДД.ММ.ГГГГ"
        );
        assert_eq!(
            date_hint("2026-11-31").text(Locale::Ru),
            "последний день ноября 2026 г. — 2026-11-30; укажите тот день, который имелся в виду"
        );
        assert_eq!(
            date_hint("28/11/2026").text(Locale::Ru),
            "укажите дату так: «2026-11-28»"
        );
        assert_eq!(
            date_hint("завтра").text(Locale::Ru),
            "укажите дату в виде ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, например 2026-11-28 или 28.11.2026"
        );
    }

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(Date::parse("1970-01-01").unwrap().to_epoch_days(), 0);
        assert_eq!(Date::parse("2026-11-28").unwrap().to_epoch_days(), 20_785);
        for days in [-800_000, -1, 0, 59, 60, 11_016, 20_785, 2_000_000] {
            assert_eq!(Date::from_epoch_days(days).to_epoch_days(), days);
        }
    }

    #[test]
    fn a_bad_date_field_keeps_its_text() {
        let field = |s: &str| {
            DateField::deserialize(
                serde::de::value::StrDeserializer::<serde::de::value::Error>::new(s),
            )
            .unwrap()
        };
        assert_eq!(field("2026-11-28").get(), Date::parse("2026-11-28").ok());
        assert_eq!(field("2026-11-31"), DateField::Invalid("2026-11-31".into()));
        assert_eq!(field("2026-11-31").get(), None);
    }

    #[test]
    fn hints_give_the_date_meant() {
        let hint = |s: &str| date_hint(s).en();
        assert_eq!(hint("28/11/2026"), "write `2026-11-28`");
        assert_eq!(hint("2026/11/28"), "write `2026-11-28`");
        assert_eq!(hint("2026-1-5"), "write `2026-01-05`");
        assert_eq!(hint("28.11.26"), "write `2026-11-28`");
        assert_eq!(
            hint("2026-11-31"),
            "November 2026 ends on 2026-11-30; write the day that was meant"
        );
        assert_eq!(
            hint("31.11.2026"),
            "November 2026 ends on 2026-11-30; write the day that was meant"
        );
        assert_eq!(
            hint("31 ноября 2026 г."),
            "November 2026 ends on 2026-11-30; write the day that was meant"
        );
        assert_eq!(
            hint("2027-02-29"),
            "February 2027 ends on 2027-02-28; write the day that was meant"
        );
        for vague in ["2026-13-01", "2026-11-00", "завтра", "", "2026"] {
            assert_eq!(
                hint(vague),
                "write the date as YYYY-MM-DD, e.g. 2026-11-28",
                "{vague}"
            );
        }
    }

    #[test]
    fn orders_by_day() {
        assert!(Date::parse("2027-01-31").unwrap() < Date::parse("2027-02-01").unwrap());
    }
}
