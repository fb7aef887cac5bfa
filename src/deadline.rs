//! The deadline grammar of the input format (срок исполнения): parsing, the dates a deadline
//! covers, and its wording in each locale.
//!
//! Every form has a first and a last day, used to sort steps, to check them against the
//! programme's period and the session date, and to draw timelines. Recurring forms (`annually`,
//! `quarterly`, `monthly`, `permanent`) cover the whole period.

use std::fmt;

use crate::locale::{Locale, NBSP, en, roman, ru};
use crate::model::Date;

/// A parsed deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Deadline {
    /// `2027-12-01`: on that day.
    On(Date),
    /// `by 2027-12-01`: до that day.
    By(Date),
    /// `no-later 2027-12-01`: не позднее that day.
    NoLater(Date),
    /// `2027-12`: in that month.
    Month {
        /// Year.
        year: i32,
        /// Month, 1 to 12.
        month: u8,
    },
    /// `2027-Q2`: in that quarter.
    Quarter {
        /// Year.
        year: i32,
        /// Quarter, 1 to 4.
        q: u8,
    },
    /// `2027-Q2..Q4`: from the first quarter to the last, both included.
    Quarters {
        /// Year.
        year: i32,
        /// First quarter.
        from: u8,
        /// Last quarter, after `from`.
        to: u8,
    },
    /// `2027-H1`: in that half-year.
    Half {
        /// Year.
        year: i32,
        /// Half-year, 1 or 2.
        h: u8,
    },
    /// `2027`: in that year.
    Year(i32),
    /// `2027..2029`: over those years, both included.
    Years {
        /// First year.
        from: i32,
        /// Last year, after `from`.
        to: i32,
    },
    /// `annually`.
    Annually,
    /// `annually Q4`.
    AnnuallyQuarter(u8),
    /// `annually by 02-01`: every year by that day.
    AnnuallyBy {
        /// Month.
        month: u8,
        /// Day.
        day: u8,
    },
    /// `quarterly`.
    Quarterly,
    /// `monthly`.
    Monthly,
    /// `permanent`: ongoing, not time-bound.
    Permanent,
}

/// Why a deadline could not be read, and how to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DeadlineError {
    /// What is wrong.
    pub message: String,
    /// How to write it right.
    pub hint: Option<String>,
}

impl fmt::Display for DeadlineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The forms, for hints.
pub(crate) const FORMS: &str = "2027-12-01, by 2027-12-01, no-later 2027-12-01, 2027-12, 2027-Q2, \
2027-Q2..Q4, 2027-H1, 2027, 2027..2029, annually, annually Q4, annually by 02-01, quarterly, \
monthly, permanent";

fn err(message: String, hint: impl Into<Option<String>>) -> DeadlineError {
    DeadlineError {
        message,
        hint: hint.into(),
    }
}

fn year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn two_digits(s: &str) -> Option<u8> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `Q2` to 2, checking the range.
fn quarter(s: &str, whole: &str) -> Result<u8, DeadlineError> {
    let n = s
        .strip_prefix('Q')
        .or_else(|| s.strip_prefix('q'))
        .and_then(|d| (d.len() == 1).then(|| d.parse::<u8>().ok()).flatten());
    match n {
        Some(q @ 1..=4) => Ok(q),
        Some(q) => Err(err(
            format!("there is no quarter Q{q} in `{whole}`"),
            "quarters are Q1 to Q4".to_owned(),
        )),
        None => Err(err(
            format!("`{s}` in `{whole}` is not a quarter"),
            "write quarters as Q1 to Q4, e.g. 2027-Q2".to_owned(),
        )),
    }
}

impl Deadline {
    /// Parses a deadline as written in a steps file.
    pub(crate) fn parse(input: &str) -> Result<Deadline, DeadlineError> {
        let s = input.trim();
        let unknown = || {
            let hint = guess_hint(s).unwrap_or_else(|| format!("the forms are: {FORMS}"));
            err(format!("`{s}` is not a deadline"), hint)
        };
        match s {
            "annually" => return Ok(Deadline::Annually),
            "quarterly" => return Ok(Deadline::Quarterly),
            "monthly" => return Ok(Deadline::Monthly),
            "permanent" => return Ok(Deadline::Permanent),
            "" => {
                return Err(err(
                    "the deadline is empty".into(),
                    format!("the forms are: {FORMS}"),
                ));
            }
            _ => {}
        }
        if let Some(rest) = s.strip_prefix("by ") {
            return Date::parse(rest.trim())
                .map(Deadline::By)
                .map_err(|m| err(m, "write `by YYYY-MM-DD`, e.g. by 2027-12-01".to_owned()));
        }
        if let Some(rest) = s.strip_prefix("no-later ") {
            return Date::parse(rest.trim())
                .map(Deadline::NoLater)
                .map_err(|m| err(m, "write `no-later YYYY-MM-DD`".to_owned()));
        }
        if let Some(rest) = s.strip_prefix("annually ") {
            let rest = rest.trim();
            if let Some(md) = rest.strip_prefix("by ") {
                let md = md.trim();
                let parts: Vec<&str> = md.split('-').collect();
                let (Some(month), Some(day)) = (
                    parts.first().and_then(|p| two_digits(p)),
                    parts.get(1).and_then(|p| two_digits(p)),
                ) else {
                    return Err(err(
                        format!("`{md}` in `{s}` is not a day of the year"),
                        "write `annually by MM-DD`, e.g. annually by 02-01".to_owned(),
                    ));
                };
                if parts.len() != 2 {
                    return Err(unknown());
                }
                // A day that exists in every year: 29 February does not.
                if (month, day) == (2, 29) {
                    return Err(err(
                        format!("29 February in `{s}` is not a day of every year"),
                        "write `annually by 02-28` or `annually by 03-01`".to_owned(),
                    ));
                }
                Date::new(2027, month, day)
                    .map_err(|_| err(format!("`{md}` in `{s}` is not a day of the year"), None))?;
                return Ok(Deadline::AnnuallyBy { month, day });
            }
            return quarter(rest, s).map(Deadline::AnnuallyQuarter);
        }
        if let Some((a, b)) = s.split_once("..") {
            if let (Some(from), Some(to)) = (year(a), year(b)) {
                if from >= to {
                    let hint = if from == to {
                        format!("for one year write `{from}`")
                    } else {
                        format!("write the earlier year first: `{to}..{from}`")
                    };
                    return Err(err(
                        format!("the years in `{s}` are reversed or the same"),
                        hint,
                    ));
                }
                return Ok(Deadline::Years { from, to });
            }
            if let Some((y, qa)) = a.split_once('-')
                && let Some(y) = year(y)
            {
                let from = quarter(qa, s)?;
                let to = quarter(b, s)?;
                if from >= to {
                    let hint = if from == to {
                        format!("for one quarter write `{y}-Q{from}`")
                    } else {
                        format!("write the earlier quarter first: `{y}-Q{to}..Q{from}`")
                    };
                    return Err(err(
                        format!("the quarters in `{s}` are reversed or the same"),
                        hint,
                    ));
                }
                return Ok(Deadline::Quarters { year: y, from, to });
            }
            return Err(unknown());
        }
        if let Some(y) = year(s) {
            return Ok(Deadline::Year(y));
        }
        if s.len() == 10 && s.as_bytes().get(4) == Some(&b'-') && s.as_bytes().get(7) == Some(&b'-')
        {
            return Date::parse(s).map(Deadline::On).map_err(|m| err(m, None));
        }
        if let Some((y, rest)) = s.split_once('-')
            && let Some(y) = year(y)
        {
            if let Some(month) = two_digits(rest) {
                if !(1..=12).contains(&month) {
                    return Err(err(format!("there is no month {month} in `{s}`"), None));
                }
                return Ok(Deadline::Month { year: y, month });
            }
            if rest.starts_with(['Q', 'q']) {
                return quarter(rest, s).map(|q| Deadline::Quarter { year: y, q });
            }
            if let Some(h) = rest.strip_prefix(['H', 'h']) {
                return match h {
                    "1" => Ok(Deadline::Half { year: y, h: 1 }),
                    "2" => Ok(Deadline::Half { year: y, h: 2 }),
                    _ => Err(err(
                        format!("there is no half-year H{h} in `{s}`"),
                        "half-years are H1 and H2".to_owned(),
                    )),
                };
            }
        }
        Err(unknown())
    }

    /// The first and the last day the deadline covers, for a programme over `period` (years).
    pub(crate) fn span(&self, period: (i32, i32)) -> (Date, Date) {
        let whole = (Date::first_of_year(period.0), Date::last_of_year(period.1));
        match *self {
            Deadline::On(d) | Deadline::By(d) | Deadline::NoLater(d) => (d, d),
            Deadline::Month { year, month } => (
                Date {
                    year,
                    month,
                    day: 1,
                },
                Date::end_of_month(year, month),
            ),
            Deadline::Quarter { year, q } => quarter_span(year, q, q),
            Deadline::Quarters { year, from, to } => quarter_span(year, from, to),
            Deadline::Half { year, h } => quarter_span(year, h * 2 - 1, h * 2),
            Deadline::Year(y) => (Date::first_of_year(y), Date::last_of_year(y)),
            Deadline::Years { from, to } => (Date::first_of_year(from), Date::last_of_year(to)),
            Deadline::Annually
            | Deadline::AnnuallyQuarter(_)
            | Deadline::AnnuallyBy { .. }
            | Deadline::Quarterly
            | Deadline::Monthly
            | Deadline::Permanent => whole,
        }
    }

    /// The first and last day of a deadline with dates of its own; `None` for the recurring
    /// forms (`annually`, `quarterly`, `monthly`, `permanent`), which follow the period.
    pub(crate) fn fixed_span(&self) -> Option<(Date, Date)> {
        match self {
            Deadline::Annually
            | Deadline::AnnuallyQuarter(_)
            | Deadline::AnnuallyBy { .. }
            | Deadline::Quarterly
            | Deadline::Monthly
            | Deadline::Permanent => None,
            // The period does not matter for the other forms.
            _ => Some(self.span((0, 0))),
        }
    }

    /// True for `permanent`, which is not time-bound (a SMART warning).
    pub(crate) fn is_permanent(&self) -> bool {
        matches!(self, Deadline::Permanent)
    }

    /// The deadline in words, as printed in the document.
    pub(crate) fn render(&self, locale: Locale) -> String {
        match locale {
            Locale::Ru => self.render_ru(),
            Locale::En => self.render_en(),
        }
    }

    fn render_ru(&self) -> String {
        let date = |d: &Date| {
            format!(
                "{}{NBSP}{} {}{NBSP}г.",
                d.day,
                ru::MONTHS_GENITIVE[usize::from(d.month - 1)],
                d.year
            )
        };
        match self {
            Deadline::On(d) => date(d),
            Deadline::By(d) => format!("до {}", date(d)),
            Deadline::NoLater(d) => format!("не позднее {}", date(d)),
            Deadline::Month { year, month } => format!(
                "{} {year}{NBSP}г.",
                ru::MONTHS_NOMINATIVE[usize::from(month - 1)]
            ),
            Deadline::Quarter { year, q } => format!("{}{NBSP}квартал {year}{NBSP}г.", roman(*q)),
            Deadline::Quarters { year, from, to } => format!(
                "{}–{}{NBSP}кварталы {year}{NBSP}г.",
                roman(*from),
                roman(*to)
            ),
            Deadline::Half { year, h } => format!("{}{NBSP}полугодие {year}{NBSP}г.", roman(*h)),
            Deadline::Year(y) => format!("{y}{NBSP}г."),
            Deadline::Years { from, to } => format!("{from}–{to}{NBSP}гг."),
            Deadline::Annually => "ежегодно".into(),
            Deadline::AnnuallyQuarter(q) => format!("ежегодно, {}{NBSP}квартал", roman(*q)),
            Deadline::AnnuallyBy { month, day } => format!(
                "ежегодно, до {day}{NBSP}{}",
                ru::MONTHS_GENITIVE[usize::from(month - 1)]
            ),
            Deadline::Quarterly => "ежеквартально".into(),
            Deadline::Monthly => "ежемесячно".into(),
            Deadline::Permanent => "постоянно".into(),
        }
    }

    fn render_en(&self) -> String {
        let date = |d: &Date| {
            format!(
                "{}{NBSP}{} {}",
                d.day,
                en::MONTHS[usize::from(d.month - 1)],
                d.year
            )
        };
        match self {
            Deadline::On(d) => date(d),
            Deadline::By(d) => format!("by {}", date(d)),
            Deadline::NoLater(d) => format!("no later than {}", date(d)),
            Deadline::Month { year, month } => {
                format!("{} {year}", en::MONTHS[usize::from(month - 1)])
            }
            Deadline::Quarter { year, q } => format!("Q{q}{NBSP}{year}"),
            Deadline::Quarters { year, from, to } => format!("Q{from}–Q{to}{NBSP}{year}"),
            Deadline::Half { year, h } => format!("H{h}{NBSP}{year}"),
            Deadline::Year(y) => y.to_string(),
            Deadline::Years { from, to } => format!("{from}–{to}"),
            Deadline::Annually => "annually".into(),
            Deadline::AnnuallyQuarter(q) => format!("annually, Q{q}"),
            Deadline::AnnuallyBy { month, day } => format!(
                "annually, by {day}{NBSP}{}",
                en::MONTHS[usize::from(month - 1)]
            ),
            Deadline::Quarterly => "quarterly".into(),
            Deadline::Monthly => "monthly".into(),
            Deadline::Permanent => "ongoing".into(),
        }
    }
}

fn quarter_span(year: i32, from: u8, to: u8) -> (Date, Date) {
    (
        Date {
            year,
            month: from * 3 - 2,
            day: 1,
        },
        Date::end_of_month(year, to * 3),
    )
}

/// A targeted hint for common slips: Russian words, a quarter written first, a date in the
/// European order.
fn guess_hint(s: &str) -> Option<String> {
    let lower = s.to_lowercase();
    let words = [
        ("ежегодно", "annually"),
        ("ежеквартально", "quarterly"),
        ("ежемесячно", "monthly"),
        ("постоянно", "permanent"),
        ("до ", "by YYYY-MM-DD"),
        ("не позднее", "no-later YYYY-MM-DD"),
        ("квартал", "YYYY-Qn, e.g. 2027-Q2"),
        ("полугодие", "YYYY-Hn, e.g. 2027-H1"),
        ("yearly", "annually"),
        ("ongoing", "permanent"),
        ("no later", "no-later YYYY-MM-DD"),
        ("until", "by YYYY-MM-DD"),
    ];
    for (word, form) in words {
        if lower.starts_with(word) {
            return Some(format!(
                "write `{form}`: deadlines use the English keywords of the spec"
            ));
        }
    }
    let b = s.as_bytes();
    if b.len() == 7 && (b[0] == b'Q' || b[0] == b'H') && b[2] == b' ' {
        return Some(format!("write the year first: {}-{}", &s[3..], &s[..2]));
    }
    if b.len() == 10 && b[2] == b'.' && b[5] == b'.' {
        return Some(format!(
            "write dates as YYYY-MM-DD: {}-{}-{}",
            &s[6..],
            &s[3..5],
            &s[..2]
        ));
    }
    if s.split('-').count() == 3 && s.len() < 10 && s.split('-').all(|p| !p.is_empty()) {
        return Some("write dates with two-digit months and days, e.g. 2027-03-01".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// Every row of the spec's table: input, ru, en (with no-break spaces shown as `~`).
    const TABLE: &[(&str, &str, &str)] = &[
        ("2027-12-01", "1~декабря 2027~г.", "1~December 2027"),
        (
            "by 2027-12-01",
            "до 1~декабря 2027~г.",
            "by 1~December 2027",
        ),
        (
            "no-later 2027-12-01",
            "не позднее 1~декабря 2027~г.",
            "no later than 1~December 2027",
        ),
        ("2027-12", "декабрь 2027~г.", "December 2027"),
        ("2027-Q2", "II~квартал 2027~г.", "Q2~2027"),
        ("2027-Q2..Q4", "II–IV~кварталы 2027~г.", "Q2–Q4~2027"),
        ("2027-H1", "I~полугодие 2027~г.", "H1~2027"),
        ("2027", "2027~г.", "2027"),
        ("2027..2029", "2027–2029~гг.", "2027–2029"),
        ("annually", "ежегодно", "annually"),
        ("annually Q4", "ежегодно, IV~квартал", "annually, Q4"),
        (
            "annually by 02-01",
            "ежегодно, до 1~февраля",
            "annually, by 1~February",
        ),
        ("quarterly", "ежеквартально", "quarterly"),
        ("monthly", "ежемесячно", "monthly"),
        ("permanent", "постоянно", "ongoing"),
    ];

    #[test]
    fn every_form_of_the_spec_renders_in_both_locales() {
        for (input, ru, en) in TABLE {
            let dl = Deadline::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(dl.render(Locale::Ru).replace(NBSP, "~"), *ru, "{input}");
            assert_eq!(dl.render(Locale::En).replace(NBSP, "~"), *en, "{input}");
        }
    }

    #[test]
    fn spans() {
        let period = (2027, 2029);
        let span = |s: &str| Deadline::parse(s).unwrap().span(period);
        assert_eq!(span("2027-12-01"), (d("2027-12-01"), d("2027-12-01")));
        assert_eq!(span("by 2027-12-01").1, d("2027-12-01"));
        assert_eq!(span("2028-02"), (d("2028-02-01"), d("2028-02-29")));
        assert_eq!(span("2027-Q2"), (d("2027-04-01"), d("2027-06-30")));
        assert_eq!(span("2027-Q2..Q4"), (d("2027-04-01"), d("2027-12-31")));
        assert_eq!(span("2027-H2"), (d("2027-07-01"), d("2027-12-31")));
        assert_eq!(span("2028"), (d("2028-01-01"), d("2028-12-31")));
        assert_eq!(span("2027..2029"), (d("2027-01-01"), d("2029-12-31")));
        for recurring in [
            "annually",
            "annually Q4",
            "annually by 02-01",
            "quarterly",
            "monthly",
        ] {
            assert_eq!(span(recurring), (d("2027-01-01"), d("2029-12-31")));
        }
    }

    #[test]
    fn fixed_spans() {
        assert_eq!(Deadline::parse("annually Q2").unwrap().fixed_span(), None);
        assert_eq!(
            Deadline::parse("2027-Q1").unwrap().fixed_span(),
            Some((d("2027-01-01"), d("2027-03-31")))
        );
    }

    #[test]
    fn surrounding_space_is_ignored() {
        assert_eq!(Deadline::parse(" 2027 "), Ok(Deadline::Year(2027)));
    }

    #[test]
    fn errors_say_what_and_how() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "2027-02-30",
                "`2027-02-30` is not a real date: February 2027 has 28 days",
                None,
            ),
            (
                "2027-Q5",
                "there is no quarter Q5 in `2027-Q5`",
                Some("quarters are Q1 to Q4"),
            ),
            (
                "2027-Q4..Q2",
                "the quarters in `2027-Q4..Q2` are reversed or the same",
                None,
            ),
            (
                "2029..2027",
                "the years in `2029..2027` are reversed or the same",
                None,
            ),
            (
                "2027..2027",
                "the years in `2027..2027` are reversed or the same",
                None,
            ),
            ("2027-H3", "there is no half-year H3 in `2027-H3`", None),
            ("2027-13", "there is no month 13 in `2027-13`", None),
            (
                "2027-Q2..Q2",
                "the quarters in `2027-Q2..Q2` are reversed or the same",
                Some("for one quarter write `2027-Q2`"),
            ),
            (
                "annually by 02-29",
                "29 February in `annually by 02-29` is not a day of every year",
                Some("write `annually by 02-28` or `annually by 03-01`"),
            ),
            (
                "annually by 02-30",
                "`02-30` in `annually by 02-30` is not a day of the year",
                None,
            ),
            (
                "annually Q0",
                "there is no quarter Q0 in `annually Q0`",
                None,
            ),
            ("soon", "`soon` is not a deadline", None),
            ("", "the deadline is empty", None),
            (
                "by 2027-12",
                "`2027-12` is not a date in the form YYYY-MM-DD",
                None,
            ),
            (
                "ежегодно",
                "`ежегодно` is not a deadline",
                Some("write `annually`: deadlines use the English keywords of the spec"),
            ),
            (
                "Q2 2027",
                "`Q2 2027` is not a deadline",
                Some("write the year first: 2027-Q2"),
            ),
            (
                "01.12.2027",
                "`01.12.2027` is not a deadline",
                Some("write dates as YYYY-MM-DD: 2027-12-01"),
            ),
            (
                "2027-3-1",
                "`2027-3-1` is not a deadline",
                Some("write dates with two-digit months and days, e.g. 2027-03-01"),
            ),
        ];
        for (input, message, hint) in cases {
            let e = Deadline::parse(input).unwrap_err();
            assert_eq!(e.message, *message, "{input}");
            if let Some(hint) = hint {
                assert_eq!(e.hint.as_deref(), Some(*hint), "{input}");
            }
        }
    }

    #[test]
    fn permanent_is_flagged() {
        assert!(Deadline::parse("permanent").unwrap().is_permanent());
        assert!(!Deadline::parse("annually").unwrap().is_permanent());
    }
}
