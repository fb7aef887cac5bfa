//! Report periods: a year (`2027`) or a quarter (`2027-Q2`), the keys of a step's `progress`,
//! the `--period` of `add-progress` and of the implementation report.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer};

use crate::deadline::Deadline;
use crate::i18n::Message;
use crate::model::Date;
use crate::msg;

/// A year or a quarter of a year: what progress is recorded for and what a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReportPeriod {
    /// The year, four digits.
    pub year: i32,
    /// The quarter, 1 to 4; `None` for the whole year.
    pub quarter: Option<u8>,
}

/// Why a text is not a report period, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError {
    /// What is wrong.
    pub message: Message,
    /// How to write it: the corrected period when it can be told, else the forms.
    pub hint: Message,
}

/// English, for logs, tests and clap.
impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.hint)
    }
}

impl std::error::Error for PeriodError {}

impl ReportPeriod {
    /// A whole year.
    pub fn year(year: i32) -> ReportPeriod {
        ReportPeriod {
            year,
            quarter: None,
        }
    }

    /// A quarter of a year (`quarter` 1 to 4).
    pub fn quarter(year: i32, quarter: u8) -> ReportPeriod {
        debug_assert!((1..=4).contains(&quarter));
        ReportPeriod {
            year,
            quarter: Some(quarter),
        }
    }

    /// Reads a period written exactly as the input writes it, `2027` or `2027-Q2`. Anything
    /// else is an error whose hint gives the period meant when it can be told (`2027-q2`,
    /// `Q2 2027`, `II квартал 2027 г.` → `2027-Q2`), else the two forms; a quarter out of
    /// range (`2027-Q5`) says that quarters are Q1 to Q4.
    pub fn parse(text: &str) -> Result<ReportPeriod, PeriodError> {
        let not_period = |hint: Message| PeriodError {
            message: msg!(DatePeriodNotPeriod, text = text),
            hint,
        };
        match Deadline::parse(text) {
            Ok(Deadline::Year(year)) => Self::canonical(ReportPeriod::year(year), text),
            Ok(Deadline::Quarter { year, q }) => {
                Self::canonical(ReportPeriod::quarter(year, q), text)
            }
            _ => Err(match no_quarter(text) {
                Some(q) => PeriodError {
                    message: msg!(DatePeriodNoQuarter, q = q, text = text),
                    hint: msg!(DateDeadlineHintQuarters),
                },
                None => not_period(msg!(DatePeriodHintForms)),
            }),
        }
    }

    /// `period` when `text` is its canonical spelling, else the hint to write that.
    fn canonical(period: ReportPeriod, text: &str) -> Result<ReportPeriod, PeriodError> {
        if period.to_string() == text {
            Ok(period)
        } else {
            Err(PeriodError {
                message: msg!(DatePeriodNotPeriod, text = text),
                hint: msg!(DatePeriodHintWrite, value = period.to_string()),
            })
        }
    }

    /// The first day of the period.
    pub fn start_date(self) -> Date {
        match self.quarter {
            None => Date::first_of_year(self.year),
            Some(q) => Date {
                year: self.year,
                month: q * 3 - 2,
                day: 1,
            },
        }
    }

    /// The last day of the period.
    pub fn end_date(self) -> Date {
        match self.quarter {
            None => Date::last_of_year(self.year),
            Some(q) => Date::end_of_month(self.year, q * 3),
        }
    }

    /// True when `date` falls within the period, both ends included.
    pub fn contains(self, date: Date) -> bool {
        self.start_date() <= date && date <= self.end_date()
    }

    /// True when every day of `other` is within this period (a year covers its quarters).
    pub fn covers(self, other: ReportPeriod) -> bool {
        self.start_date() <= other.start_date() && other.end_date() <= self.end_date()
    }
}

/// The quarter of `YYYY-Qn` when it is out of range (`2027-Q5`, `2027-Q0`, `2027-Q12`).
fn no_quarter(text: &str) -> Option<&str> {
    let (year, q) = text.trim().split_once('-')?;
    let q = q.strip_prefix(['Q', 'q'])?;
    let whole_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    let number = !q.is_empty() && q.bytes().all(|b| b.is_ascii_digit());
    (whole_year && number && !matches!(q, "1" | "2" | "3" | "4")).then_some(q)
}

/// `2027` or `2027-Q2`: the form the input writes.
impl fmt::Display for ReportPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.quarter {
            None => write!(f, "{}", self.year),
            Some(q) => write!(f, "{}-Q{q}", self.year),
        }
    }
}

/// In time: by the last day, and of two periods ending on the same day the shorter first, so
/// a year comes after its fourth quarter: `2027-Q1`, …, `2027-Q4`, `2027`, `2028-Q1`.
impl Ord for ReportPeriod {
    fn cmp(&self, other: &Self) -> Ordering {
        self.end_date()
            .cmp(&other.end_date())
            .then_with(|| other.start_date().cmp(&self.start_date()))
    }
}

impl PartialOrd for ReportPeriod {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::str::FromStr for ReportPeriod {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReportPeriod::parse(s)
    }
}

/// A key of a step's `progress` as written: a period, or the text when it is not one
/// (`2027-Q5`).
///
/// Reading it never fails, so one bad key does not stop its steps file from loading: `validate`
/// reports it at the key, with the period meant as the hint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodKey {
    /// A real period.
    Period(ReportPeriod),
    /// Text that is not one, as written.
    Invalid(String),
}

impl PeriodKey {
    /// The period, when it is one.
    pub fn get(&self) -> Option<ReportPeriod> {
        match self {
            PeriodKey::Period(p) => Some(*p),
            PeriodKey::Invalid(_) => None,
        }
    }

    /// The key as written in the file (to place findings at it).
    pub fn written(&self) -> String {
        match self {
            PeriodKey::Period(p) => p.to_string(),
            PeriodKey::Invalid(s) => s.clone(),
        }
    }
}

impl<'de> Deserialize<'de> for PeriodKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = PeriodKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a year or a quarter")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PeriodKey, E> {
                Ok(match ReportPeriod::parse(v) {
                    Ok(p) => PeriodKey::Period(p),
                    Err(_) => PeriodKey::Invalid(v.to_owned()),
                })
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PeriodKey, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PeriodKey, E> {
                self.visit_str(&v.to_string())
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).unwrap()
    }

    #[test]
    fn reads_years_and_quarters_as_written() {
        assert_eq!(ReportPeriod::parse("2027"), Ok(ReportPeriod::year(2027)));
        assert_eq!(
            ReportPeriod::parse("2027-Q2"),
            Ok(ReportPeriod::quarter(2027, 2))
        );
        for p in [ReportPeriod::year(2028), ReportPeriod::quarter(2027, 4)] {
            assert_eq!(ReportPeriod::parse(&p.to_string()), Ok(p));
        }
    }

    #[test]
    fn hints_give_the_period_meant() {
        for (text, meant) in [
            ("2027-q2", "2027-Q2"),
            ("II квартал 2027 г.", "2027-Q2"),
            ("Q3 2027", "2027-Q3"),
            ("2027 г.", "2027"),
        ] {
            let e = ReportPeriod::parse(text).unwrap_err();
            assert_eq!(e.message.en(), format!("`{text}` is not a report period"));
            assert_eq!(e.hint.en(), format!("write `{meant}`"), "{text}");
        }
        let q5 = ReportPeriod::parse("2027-Q5").unwrap_err();
        assert_eq!(q5.message.en(), "there is no quarter Q5 in `2027-Q5`");
        let q12 = ReportPeriod::parse("2027-q12").unwrap_err();
        assert_eq!(q12.message.en(), "there is no quarter Q12 in `2027-q12`");
        assert_eq!(q5.hint.en(), "quarters are Q1 to Q4");
        for other in ["2027-H1", "2027-12", "annually", "soon", ""] {
            let e = ReportPeriod::parse(other).unwrap_err();
            assert_eq!(e.message.en(), format!("`{other}` is not a report period"));
            assert_eq!(
                e.hint.en(),
                "write a year (`2027`) or a quarter (`2027-Q2`)",
                "{other}"
            );
        }
    }

    #[test]
    fn spans_contain_their_days() {
        let q1 = ReportPeriod::quarter(2028, 1);
        assert_eq!(q1.start_date(), date(2028, 1, 1));
        assert_eq!(q1.end_date(), date(2028, 3, 31));
        let q4 = ReportPeriod::quarter(2027, 4);
        assert_eq!(q4.end_date(), date(2027, 12, 31));
        assert!(q4.contains(date(2027, 10, 1)));
        assert!(!q4.contains(date(2027, 9, 30)));
        let y = ReportPeriod::year(2027);
        assert_eq!(
            (y.start_date(), y.end_date()),
            (date(2027, 1, 1), date(2027, 12, 31))
        );
        assert!(y.contains(date(2027, 6, 30)) && !y.contains(date(2028, 1, 1)));
        assert!(y.covers(q4) && !q4.covers(y) && y.covers(y));
    }

    #[test]
    fn orders_in_time_a_year_after_its_quarters() {
        let mut ps = [
            ReportPeriod::year(2028),
            ReportPeriod::year(2027),
            ReportPeriod::quarter(2027, 4),
            ReportPeriod::quarter(2028, 1),
            ReportPeriod::quarter(2027, 1),
        ];
        ps.sort();
        let shown: Vec<String> = ps.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["2027-Q1", "2027-Q4", "2027", "2028-Q1", "2028"].map(String::from)
        );
    }
}
