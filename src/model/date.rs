//! Calendar dates as the input writes them (`2026-11-28`), without time zones.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, String> {
        if !(1..=12).contains(&month) {
            return Err(format!("there is no month {month}"));
        }
        let days = days_in_month(year, month);
        if day == 0 || day > days {
            return Err(format!(
                "{} {year} has {days} days",
                MONTHS_EN[usize::from(month - 1)]
            ));
        }
        Ok(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` strictly: four-digit year, two-digit month and day.
    pub fn parse(s: &str) -> Result<Date, String> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return Err(format!("`{s}` is not a date in the form YYYY-MM-DD"));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
        let year = i32::try_from(num(0..4)).unwrap_or(0);
        Date::new(year, num(5..7) as u8, num(8..10) as u8)
            .map_err(|why| format!("`{s}` is not a real date: {why}"))
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

/// How to write `s`, which is not a date, as one: the same day in `YYYY-MM-DD` when it was
/// written `DD.MM.YYYY` or with one-digit parts, the last day of the month when the day is past
/// it; else the form with an example.
pub fn date_hint(s: &str) -> String {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['-', '.', '/']).collect();
    let num = |p: &str| {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let ymd = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (num(y), num(m), num(d)),
        [d, m, y] if y.len() == 4 => (num(y), num(m), num(d)),
        _ => (None, None, None),
    };
    if let (Some(year), Some(month @ 1..=12), Some(day)) = ymd {
        let (year, month) = (year as i32, month as u8);
        let last = days_in_month(year, month);
        let fixed = if day == 0 {
            None
        } else if day > u32::from(last) {
            let end = Date::end_of_month(year, month);
            return format!(
                "{} {year} ends on {end}; write the day that was meant",
                MONTHS_EN[usize::from(month - 1)]
            );
        } else {
            Some(Date {
                year,
                month,
                day: day as u8,
            })
        };
        if let Some(date) = fixed.filter(|d| d.to_string() != s) {
            return format!("write `{date}`");
        }
    }
    "write the date as YYYY-MM-DD, e.g. 2026-11-28".to_owned()
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(
            Date::parse("2026-11-28"),
            Ok(Date {
                year: 2026,
                month: 11,
                day: 28
            })
        );
        assert!(Date::parse("2028-02-29").is_ok());
        assert_eq!(
            Date::parse("2027-02-30").unwrap_err(),
            "`2027-02-30` is not a real date: February 2027 has 28 days"
        );
        assert_eq!(
            Date::parse("2027-13-01").unwrap_err(),
            "`2027-13-01` is not a real date: there is no month 13"
        );
        for bad in [
            "2027-1-01",
            "27-01-01",
            "2027/01/01",
            "2027-01-01x",
            "",
            "2027-0a-01",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
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
        assert_eq!(date_hint("28.11.2026"), "write `2026-11-28`");
        assert_eq!(date_hint("2026-1-5"), "write `2026-01-05`");
        assert_eq!(
            date_hint("2026-11-31"),
            "November 2026 ends on 2026-11-30; write the day that was meant"
        );
        assert_eq!(
            date_hint("2027-02-29"),
            "February 2027 ends on 2027-02-28; write the day that was meant"
        );
        for vague in ["2026-13-01", "2026-11-00", "завтра", "", "2026"] {
            assert_eq!(
                date_hint(vague),
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
