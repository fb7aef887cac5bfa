//! The deadline grammar of the input format (срок исполнения): parsing, the dates a deadline
//! covers, and its wording in each locale.
//!
//! What a document prints for a deadline, in either locale, reads back as the same deadline
//! (`до 1 декабря 2027 г.`, `Q2–Q4 2027`), so that a secretary may copy it from the draft into a
//! file: [`Deadline::parse`] rewrites it in the grammar first. A property test renders every
//! form in both locales and parses it back.
//!
//! Every form has a first and a last day, used to sort steps, to check them against the
//! programme's period and the session date, and to draw timelines. Recurring forms (`annually`,
//! `quarterly`, `monthly`, `permanent`) cover the whole period.

use std::fmt;

use crate::i18n::Message;
use crate::locale::{Locale, NBSP, en, roman, ru};
use crate::model::date::{self, digits};
use crate::model::{Date, days_in_month};
use crate::msg;

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
    pub message: Message,
    /// How to write it right.
    pub hint: Option<Message>,
}

/// English, for logs and tests.
impl fmt::Display for DeadlineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.message, f)
    }
}

fn err(message: Message, hint: impl Into<Option<Message>>) -> DeadlineError {
    DeadlineError {
        message,
        hint: hint.into(),
    }
}

fn year(s: &str) -> Option<i32> {
    digits(s, 4, 4).and_then(|y| i32::try_from(y).ok())
}

fn two_digits(s: &str) -> Option<u8> {
    digits(s, 2, 2).and_then(|n| u8::try_from(n).ok())
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
            msg!(DateDeadlineNoQuarter, q = q.to_string(), whole = whole),
            msg!(DateDeadlineHintQuarters),
        )),
        None => Err(err(
            msg!(DateDeadlineNotQuarter, text = s, whole = whole),
            msg!(DateDeadlineHintQuarterForm),
        )),
    }
}

/// The hint for a date after `by` or `no-later` that does not read: the deadline meant, when it
/// can be told, else the day the month ends, else the form.
fn date_after(keyword: &str, date: &str, form: Message) -> Option<Message> {
    if let Some(meant) = date::meant(date) {
        return Some(msg!(
            DateDeadlineHintWrite,
            value = format!("{keyword} {meant}")
        ));
    }
    past_month_end(date).or(Some(form))
}

/// The day the month ends, when `text` names a day past it (`2027-02-30`, `31 ноября 2027`).
fn past_month_end(text: &str) -> Option<Message> {
    let (year, month, day) = date::read(text)?;
    ((1..=12).contains(&month) && day > days_in_month(year, month))
        .then(|| date::month_ends(year, month))
}

impl Deadline {
    /// Parses a deadline as written in a steps file or given to `--deadline`: the grammar of
    /// the input format (`by 2027-12-01`, `2027-Q2`), or the deadline as a document prints it,
    /// in Russian or English (`до 1 декабря 2027 г.`, `II квартал 2027 г.`, `Q2 2027`), in any
    /// case of letters, with or without «г.», with any spaces and dashes.
    pub(crate) fn parse(input: &str) -> Result<Deadline, DeadlineError> {
        let s = input.trim();
        let error = match grammar(s, s) {
            Ok(d) => return Ok(d),
            Err(e) => e,
        };
        match printed(s) {
            Some(canonical) if canonical != s => grammar(&canonical, s),
            _ => Err(error),
        }
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

/// Parses `s` by the grammar of the input format; messages quote `shown`, the deadline as the
/// user wrote it.
fn grammar(s: &str, shown: &str) -> Result<Deadline, DeadlineError> {
    let unknown = || {
        err(
            msg!(DateDeadlineUnknown, text = shown),
            guess_hint(shown).unwrap_or_else(|| msg!(DateDeadlineHintForms)),
        )
    };
    match s {
        "annually" => return Ok(Deadline::Annually),
        "quarterly" => return Ok(Deadline::Quarterly),
        "monthly" => return Ok(Deadline::Monthly),
        "permanent" => return Ok(Deadline::Permanent),
        "" => {
            return Err(err(msg!(DateDeadlineEmpty), msg!(DateDeadlineHintForms)));
        }
        _ => {}
    }
    if let Some(rest) = s.strip_prefix("by ") {
        let rest = rest.trim();
        return Date::parse(rest)
            .map(Deadline::By)
            .map_err(|m| err(m, date_after("by", rest, msg!(DateDeadlineHintBy))));
    }
    if let Some(rest) = s.strip_prefix("no-later ") {
        let rest = rest.trim();
        return Date::parse(rest).map(Deadline::NoLater).map_err(|m| {
            err(
                m,
                date_after("no-later", rest, msg!(DateDeadlineHintNoLater)),
            )
        });
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
                    msg!(DateDeadlineNotDayOfYear, text = md, whole = shown),
                    msg!(DateDeadlineHintAnnuallyBy),
                ));
            };
            if parts.len() != 2 {
                return Err(unknown());
            }
            // A day that exists in every year: 29 February does not.
            if (month, day) == (2, 29) {
                return Err(err(
                    msg!(DateDeadlineFeb29, whole = shown),
                    msg!(DateDeadlineHintFeb29),
                ));
            }
            Date::new(2027, month, day).map_err(|_| {
                err(
                    msg!(DateDeadlineNotDayOfYear, text = md, whole = shown),
                    None,
                )
            })?;
            return Ok(Deadline::AnnuallyBy { month, day });
        }
        return quarter(rest, shown).map(Deadline::AnnuallyQuarter);
    }
    if let Some((a, b)) = s.split_once("..") {
        if let (Some(from), Some(to)) = (year(a), year(b)) {
            if from >= to {
                let hint = if from == to {
                    msg!(DateDeadlineHintOneYear, value = from.to_string())
                } else {
                    msg!(DateDeadlineHintYearsOrder, value = format!("{to}..{from}"))
                };
                return Err(err(msg!(DateDeadlineYearsReversed, whole = shown), hint));
            }
            return Ok(Deadline::Years { from, to });
        }
        if let Some((y, qa)) = a.split_once('-')
            && let Some(y) = year(y)
        {
            let from = quarter(qa, shown)?;
            let to = quarter(b, shown)?;
            if from >= to {
                let hint = if from == to {
                    msg!(DateDeadlineHintOneQuarter, value = format!("{y}-Q{from}"))
                } else {
                    msg!(
                        DateDeadlineHintQuartersOrder,
                        value = format!("{y}-Q{to}..Q{from}")
                    )
                };
                return Err(err(msg!(DateDeadlineQuartersReversed, whole = shown), hint));
            }
            return Ok(Deadline::Quarters { year: y, from, to });
        }
        return Err(unknown());
    }
    if let Some(y) = year(s) {
        return Ok(Deadline::Year(y));
    }
    if s.len() == 10 && s.as_bytes().get(4) == Some(&b'-') && s.as_bytes().get(7) == Some(&b'-') {
        return Date::parse(s)
            .map(Deadline::On)
            .map_err(|m| err(m, past_month_end(s)));
    }
    if let Some((y, rest)) = s.split_once('-')
        && let Some(y) = year(y)
    {
        if let Some(month) = two_digits(rest) {
            if !(1..=12).contains(&month) {
                return Err(err(
                    msg!(
                        DateDeadlineNoMonth,
                        month = month.to_string(),
                        whole = shown
                    ),
                    None,
                ));
            }
            return Ok(Deadline::Month { year: y, month });
        }
        if rest.starts_with(['Q', 'q']) {
            return quarter(rest, shown).map(|q| Deadline::Quarter { year: y, q });
        }
        if let Some(h) = rest.strip_prefix(['H', 'h']) {
            return match h {
                "1" => Ok(Deadline::Half { year: y, h: 1 }),
                "2" => Ok(Deadline::Half { year: y, h: 2 }),
                _ => Err(err(
                    msg!(DateDeadlineNoHalf, h = h, whole = shown),
                    msg!(DateDeadlineHintHalves),
                )),
            };
        }
    }
    // A day written as the documents print it or day first: `1 декабря 2027 г.`, `01.12.2027`.
    if date::read(s).is_some() {
        return Date::parse(s)
            .map(Deadline::On)
            .map_err(|m| err(m, past_month_end(s)));
    }
    Err(unknown())
}

/// A number of a quarter or a half-year as the documents print it: Roman (`II`) or Arabic.
fn numeral(s: &str) -> Option<u8> {
    match s {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        "v" | "5" => Some(5),
        "vi" | "6" => Some(6),
        _ => None,
    }
}

/// `q2` (or `2`, `ii`) to 2, not checking the range; `None` when it is no numeral.
fn quarter_number(s: &str) -> Option<u8> {
    numeral(s.strip_prefix('q').unwrap_or(s))
}

/// A deadline as a document prints it (`до 1 декабря 2027 г.`, `II–IV кварталы 2027 г.`,
/// `ежегодно, до 1 февраля`, `Q2 2027`, `annually, by 1 February`), rewritten in the grammar of
/// the input format, with a date left as written for [`Date::parse`]: `by 1 декабря 2027`.
/// Letters in any case, «г.»/«гг.» or not, any spaces, hyphens or dashes in ranges, commas.
/// `None` when `s` has none of these shapes.
fn printed(s: &str) -> Option<String> {
    let mut t: String = s
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            ',' => ' ',
            c => c,
        })
        .collect();
    t = date::fold(&t);
    for (spaced, tight) in [(" -", "-"), ("- ", "-"), (" ..", ".."), (".. ", "..")] {
        while t.contains(spaced) {
            t = t.replace(spaced, tight);
        }
    }
    // «г.», «гг.», «года» after a year, as a word or stuck to it.
    let mut words: Vec<&str> = Vec::new();
    for word in t.split(' ') {
        let after_year = words
            .last()
            .is_some_and(|w| w.ends_with(|c: char| c.is_ascii_digit()));
        let year_word = ["г", "г.", "гг", "гг.", "год", "года", "годы", "годов"].contains(&word);
        if !(after_year && year_word) {
            words.push(date::without_year_word(word));
        }
    }
    if let Some(last) = words.last_mut() {
        *last = last.strip_suffix('.').unwrap_or(last);
    }
    let quarter_word = |w: &str| ["квартал", "кварталы", "квартала", "кв", "кв."].contains(&w);
    let by = |w: &str| w == "до" || w == "by";
    let keyword = |w: &str| match w {
        "ежегодно" | "annually" => Some("annually"),
        "ежеквартально" | "quarterly" => Some("quarterly"),
        "ежемесячно" | "monthly" => Some("monthly"),
        "постоянно" | "ongoing" | "permanent" => Some("permanent"),
        _ => None,
    };
    let quarters = |range: &str, y: &str| -> Option<String> {
        year(y)?;
        match range.split_once('-') {
            Some((a, b)) => Some(format!(
                "{y}-Q{}..Q{}",
                quarter_number(a)?,
                quarter_number(b)?
            )),
            None => Some(format!("{y}-Q{}", quarter_number(range)?)),
        }
    };
    let rest = |from: usize| words[from..].join(" ");
    // A date begins with a digit, whichever way it is written.
    let numeric = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    Some(match words.as_slice() {
        [w] if keyword(w).is_some() => keyword(w)?.to_owned(),
        [a, w, ..] if keyword(a) == Some("annually") && !by(w) => {
            let q = match &words[1..] {
                [n, k] if quarter_word(k) => numeral(n)?,
                [q] => quarter_number(q.strip_prefix('q')?)?,
                _ => return None,
            };
            format!("annually Q{q}")
        }
        [a, b, day, month] if keyword(a) == Some("annually") && by(b) => {
            let day = digits(day, 1, 2)?;
            format!("annually by {:02}-{day:02}", date::month_of_day(month)?)
        }
        [a, b, md] if keyword(a) == Some("annually") && by(b) => format!("annually by {md}"),
        [b, d, ..] if by(b) && numeric(d) => format!("by {}", rest(1)),
        ["не", "позднее", d, ..] if numeric(d) => format!("no-later {}", rest(2)),
        ["no", "later", "than", d, ..] if numeric(d) => format!("no-later {}", rest(3)),
        ["no", "later", d, ..] if numeric(d) => format!("no-later {}", rest(2)),
        ["no-later", d, ..] if numeric(d) => format!("no-later {}", rest(1)),
        [n, k, y] if quarter_word(k) => quarters(n, y)?,
        [n, "полугодие", y] => format!("{}-H{}", year(y)?, numeral(n)?),
        [q, y] if q.starts_with('q') => quarters(q, y)?,
        [h, y] if h.starts_with('h') && year(y).is_some() => {
            format!("{y}-H{}", numeral(&h[1..])?)
        }
        [m, y] if year(y).is_some() => format!("{y}-{:02}", date::month_alone(m)?),
        [range] => match range.split_once('-') {
            Some((a, b)) if year(a).is_some() && year(b).is_some() => format!("{a}..{b}"),
            _ => (*range).to_owned(),
        },
        _ => words.join(" "),
    })
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

/// The deadline most likely meant by `s`, which is not one, when it can be told: a date with
/// one-digit parts or slashes (`2027-3-1`, `01/12/2027`), the end of a year (`до конца 2027
/// года`), a quarter or half-year before its year (`Q2-2027`), `yearly`, `until …`.
fn guess_hint(s: &str) -> Option<Message> {
    let t = date::fold(s);
    let write = |value: String| Some(msg!(DateDeadlineHintWrite, value = value));
    if t == "yearly" || t == "every year" {
        return write("annually".to_owned());
    }
    for end in [
        "до конца ",
        "к концу ",
        "by the end of ",
        "end of ",
        "until the end of ",
    ] {
        if let Some(y) = t
            .strip_prefix(end)
            .map(date::without_year_word)
            .and_then(year)
        {
            return write(format!("by {y}-12-31"));
        }
    }
    let (first, rest) = t.split_once(' ').unwrap_or((&t, ""));
    if ["until", "till", "по", "до", "by"].contains(&first) {
        return match date::meant(rest) {
            Some(d) => write(format!("by {d}")),
            None => Some(msg!(DateDeadlineHintBy)),
        };
    }
    if let Some(rest) = t.strip_prefix("не позднее") {
        return match date::meant(rest) {
            Some(d) => write(format!("no-later {d}")),
            None => Some(msg!(DateDeadlineHintNoLater)),
        };
    }
    if let Some(d) = date::meant(&t) {
        return write(d.to_string());
    }
    // `Q2-2027`, `h1/2027`: the year goes first.
    let b = t.as_bytes();
    if b.len() == 7
        && matches!(b[0], b'q' | b'h')
        && matches!(b[2], b'-' | b'/' | b'.')
        && let Some(y) = year(&t[3..])
    {
        return write(format!("{y}-{}", t[..2].to_uppercase()));
    }
    None
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

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
        assert_eq!(
            Deadline::parse("\u{a0}2027\u{a0}"),
            Ok(Deadline::Year(2027))
        );
        assert_eq!(Deadline::parse(" 2027 "), Ok(Deadline::Year(2027)));
    }

    #[test]
    fn errors_say_what_and_how() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "2027-02-30",
                "`2027-02-30` is not a real date: February 2027 has 28 days",
                Some("February 2027 ends on 2027-02-28; write the day that was meant"),
            ),
            (
                "2027-Q5",
                "there is no quarter Q5 in `2027-Q5`",
                Some("quarters are Q1 to Q4"),
            ),
            (
                "2027-Q4..Q2",
                "the quarters in `2027-Q4..Q2` are reversed or the same",
                Some("write the earlier quarter first: `2027-Q2..Q4`"),
            ),
            (
                "2029..2027",
                "the years in `2029..2027` are reversed or the same",
                Some("write the earlier year first: `2027..2029`"),
            ),
            (
                "2027..2027",
                "the years in `2027..2027` are reversed or the same",
                Some("for one year write `2027`"),
            ),
            (
                "2027-H3",
                "there is no half-year H3 in `2027-H3`",
                Some("half-years are H1 and H2"),
            ),
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
                Some("quarters are Q1 to Q4"),
            ),
            (
                "soon",
                "`soon` is not a deadline",
                Some("write a deadline such as `2027-Q2`, `by 2027-12-01` or `annually Q4`"),
            ),
            (
                "",
                "the deadline is empty",
                Some("write a deadline such as `2027-Q2`, `by 2027-12-01` or `annually Q4`"),
            ),
            (
                "by 2027-12",
                "`2027-12` is not a date in the form YYYY-MM-DD",
                Some("write `by YYYY-MM-DD`, e.g. by 2027-12-01"),
            ),
            (
                "by 2027-3-1",
                "`2027-3-1` is not a date in the form YYYY-MM-DD",
                Some("write `by 2027-03-01`"),
            ),
            (
                "no-later 1/12/2027",
                "`1/12/2027` is not a date in the form YYYY-MM-DD",
                Some("write `no-later 2027-12-01`"),
            ),
            (
                "2027-3-1",
                "`2027-3-1` is not a deadline",
                Some("write `2027-03-01`"),
            ),
            (
                "01/12/2027",
                "`01/12/2027` is not a deadline",
                Some("write `2027-12-01`"),
            ),
            (
                "Q2-2027",
                "`Q2-2027` is not a deadline",
                Some("write `2027-Q2`"),
            ),
            (
                "yearly",
                "`yearly` is not a deadline",
                Some("write `annually`"),
            ),
            (
                "до конца 2027 года",
                "`до конца 2027 года` is not a deadline",
                Some("write `by 2027-12-31`"),
            ),
            // What the documents print, with a slip in it.
            (
                "до 31 ноября 2027 г.",
                "`31 ноября 2027` is not a real date: November 2027 has 30 days",
                Some("November 2027 ends on 2027-11-30; write the day that was meant"),
            ),
            (
                "до 1.12.27",
                "`1.12.27` is not a date in the form YYYY-MM-DD",
                Some("write `by 2027-12-01`"),
            ),
            (
                "31.11.2027",
                "`31.11.2027` is not a real date: November 2027 has 30 days",
                Some("November 2027 ends on 2027-11-30; write the day that was meant"),
            ),
            (
                "V квартал 2027 г.",
                "there is no quarter Q5 in `V квартал 2027 г.`",
                Some("quarters are Q1 to Q4"),
            ),
            (
                "IV–II кварталы 2027 г.",
                "the quarters in `IV–II кварталы 2027 г.` are reversed or the same",
                Some("write the earlier quarter first: `2027-Q2..Q4`"),
            ),
            (
                "2029–2027 гг.",
                "the years in `2029–2027 гг.` are reversed or the same",
                Some("write the earlier year first: `2027..2029`"),
            ),
            (
                "ежегодно, до 29 февраля",
                "29 February in `ежегодно, до 29 февраля` is not a day of every year",
                Some("write `annually by 02-28` or `annually by 03-01`"),
            ),
            (
                "III полугодие 2027",
                "there is no half-year H3 in `III полугодие 2027`",
                Some("half-years are H1 and H2"),
            ),
            (
                "до",
                "`до` is not a deadline",
                Some("write `by YYYY-MM-DD`, e.g. by 2027-12-01"),
            ),
            (
                "до 1 декабрь 2027",
                "`1 декабрь 2027` is not a date in the form YYYY-MM-DD",
                Some("write `by YYYY-MM-DD`, e.g. by 2027-12-01"),
            ),
        ];
        for (input, message, hint) in cases {
            let e = Deadline::parse(input).unwrap_err();
            assert_eq!(e.message.en(), *message, "{input}");
            assert_eq!(
                e.hint.as_ref().map(Message::en).as_deref(),
                *hint,
                "{input}"
            );
        }
    }

    #[test]
    fn errors_read_in_russian() {
        let ru = |input: &str| {
            let e = Deadline::parse(input).unwrap_err();
            (
                e.message.text(Locale::Ru),
                e.hint.map(|h| h.text(Locale::Ru)).unwrap_or_default(),
            )
        };
        assert_eq!(
            ru("до 31 ноября 2027"),
            (
                "даты «31 ноября 2027» не существует: в ноябре 2027 г. 30 дней".to_owned(),
                "последний день ноября 2027 г. — 2027-11-30; укажите тот день, который имелся \
                 в виду"
                    .to_owned()
            )
        );
        assert_eq!(
            ru("2027-Q5"),
            (
                "в сроке «2027-Q5» указан квартал Q5, а их всего четыре".to_owned(),
                "укажите квартал от Q1 до Q4 (от I до IV)".to_owned()
            )
        );
        assert_eq!(
            ru("by 2027-3-1").1,
            "укажите срок так: «by 2027-03-01»".to_owned()
        );
        let (message, hint) = ru("soon");
        assert_eq!(message, "не удаётся прочитать срок «soon»");
        assert!(
            hint.starts_with("укажите срок в виде 2027-Q2, by 2027-12-01"),
            "{hint}"
        );
        assert_eq!(
            ru("2027-02-31").0,
            "даты «2027-02-31» не существует: в феврале 2027 г. 28 дней"
        );
        assert_eq!(
            ru("2027-03-32").0,
            "даты «2027-03-32» не существует: в марте 2027 г. 31 день"
        );
        assert_eq!(ru("2027-H3").1, "укажите полугодие H1 или H2 (I или II)");
    }

    /// What the documents print, and the ways people retype it, reads back as the deadline.
    #[test]
    fn printed_forms_read_back() {
        let cases: &[(&str, &str)] = &[
            ("до 1 декабря 2027 г.", "by 2027-12-01"),
            (
                "до\u{a0}1\u{a0}декабря\u{202f}2027\u{a0}г.",
                "by 2027-12-01",
            ),
            ("ДО 1 ДЕКАБРЯ 2027 Г.", "by 2027-12-01"),
            ("до 1 декабря 2027", "by 2027-12-01"),
            ("до 1 декабря 2027 года", "by 2027-12-01"),
            ("до 01.12.2027", "by 2027-12-01"),
            ("до 1.12.2027", "by 2027-12-01"),
            ("by 1.12.2027", "by 2027-12-01"),
            ("  до   1 декабря   2027г. ", "by 2027-12-01"),
            ("не позднее 1 декабря 2027 г.", "no-later 2027-12-01"),
            ("no later than 1 December 2027", "no-later 2027-12-01"),
            ("No later than 1 december 2027", "no-later 2027-12-01"),
            ("1 декабря 2027 г.", "2027-12-01"),
            ("01.12.2027", "2027-12-01"),
            ("1 December 2027", "2027-12-01"),
            ("декабрь 2027 г.", "2027-12"),
            ("Декабрь 2027", "2027-12"),
            ("December 2027", "2027-12"),
            ("II квартал 2027 г.", "2027-Q2"),
            ("2 квартал 2027 года", "2027-Q2"),
            ("II кв. 2027 г.", "2027-Q2"),
            ("Q2 2027", "2027-Q2"),
            ("q2\u{a0}2027", "2027-Q2"),
            ("II–IV кварталы 2027 г.", "2027-Q2..Q4"),
            ("II-IV кварталы 2027", "2027-Q2..Q4"),
            ("II — IV кварталы 2027 г.", "2027-Q2..Q4"),
            ("Q2–Q4 2027", "2027-Q2..Q4"),
            ("Q2-Q4 2027", "2027-Q2..Q4"),
            ("I полугодие 2027 г.", "2027-H1"),
            ("H1 2027", "2027-H1"),
            ("2027 г.", "2027"),
            ("2027г.", "2027"),
            ("2027–2029 гг.", "2027..2029"),
            ("2027 - 2029", "2027..2029"),
            ("2027—2029 гг", "2027..2029"),
            ("2027–2029", "2027..2029"),
            ("ежегодно", "annually"),
            ("Ежегодно", "annually"),
            ("ANNUALLY", "annually"),
            ("ежегодно, IV квартал", "annually Q4"),
            ("ежегодно IV квартал", "annually Q4"),
            ("annually, Q4", "annually Q4"),
            ("ежегодно, до 1 февраля", "annually by 02-01"),
            ("annually, by 1 February", "annually by 02-01"),
            ("Annually By 02-01", "annually by 02-01"),
            ("ежеквартально", "quarterly"),
            ("ежемесячно", "monthly"),
            ("постоянно", "permanent"),
            ("ongoing", "permanent"),
            ("By 2027-12-01", "by 2027-12-01"),
        ];
        let schema = deadline_schema();
        for (written, canonical) in cases {
            let want = Deadline::parse(canonical).unwrap_or_else(|e| panic!("{canonical}: {e}"));
            assert_eq!(Deadline::parse(written), Ok(want), "{written}");
            // The editor's schema takes it too.
            assert!(schema.is_valid(&(*written).into()), "{written}");
            assert!(schema.is_valid(&(*canonical).into()), "{canonical}");
        }
        for bad in [
            "soon",
            "yearly",
            "2027-3-1",
            "01/12/2027",
            "Q2-2027",
            "2027-Q5",
            "2027-13x",
        ] {
            assert!(!schema.is_valid(&bad.into()), "{bad}");
        }
    }

    /// A validator of the deadline's JSON Schema pattern (`crate::schema`).
    fn deadline_schema() -> jsonschema::Validator {
        jsonschema::validator_for(
            &serde_json::json!({ "pattern": crate::schema::deadline_pattern() }),
        )
        .expect("the pattern compiles")
    }

    fn deadlines() -> impl Strategy<Value = Deadline> {
        let date = (2000..2100i32, 1..=12u8, 1..=31u8)
            .prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d).ok());
        let y = 2000..2100i32;
        prop_oneof![
            date.clone().prop_map(Deadline::On),
            date.clone().prop_map(Deadline::By),
            date.prop_map(Deadline::NoLater),
            (y.clone(), 1..=12u8).prop_map(|(year, month)| Deadline::Month { year, month }),
            (y.clone(), 1..=4u8).prop_map(|(year, q)| Deadline::Quarter { year, q }),
            (y.clone(), 1..=4u8, 1..=4u8)
                .prop_filter("from before to", |(_, a, b)| a < b)
                .prop_map(|(year, from, to)| Deadline::Quarters { year, from, to }),
            (y.clone(), 1..=2u8).prop_map(|(year, h)| Deadline::Half { year, h }),
            y.clone().prop_map(Deadline::Year),
            (y.clone(), y)
                .prop_filter("from before to", |(a, b)| a < b)
                .prop_map(|(from, to)| Deadline::Years { from, to }),
            Just(Deadline::Annually),
            (1..=4u8).prop_map(Deadline::AnnuallyQuarter),
            (1..=12u8, 1..=31u8).prop_filter_map("a day of every year", |(month, day)| {
                ((month, day) != (2, 29) && Date::new(2027, month, day).is_ok())
                    .then_some(Deadline::AnnuallyBy { month, day })
            }),
            Just(Deadline::Quarterly),
            Just(Deadline::Monthly),
            Just(Deadline::Permanent),
        ]
    }

    proptest! {
        /// Every deadline, printed in either language, reads back as itself; so does the
        /// printing with ordinary spaces, without «г.»/«гг.», in upper or lower case, and with
        /// a hyphen for the dash.
        #[test]
        fn every_printed_deadline_reads_back(dl in deadlines()) {
            let schema = deadline_schema();
            for locale in [Locale::Ru, Locale::En] {
                let printed = dl.render(locale);
                let spaced = printed.replace([NBSP, '\u{202f}'], " ");
                let variants = [
                    printed.clone(),
                    spaced.clone(),
                    printed.replace('\u{a0}', "\u{202f}"),
                    spaced.replace(" гг.", "").replace(" г.", ""),
                    spaced.replace("г.", "г"),
                    printed.to_uppercase(),
                    spaced.to_lowercase(),
                    spaced.replace('–', "-"),
                    spaced.replace('–', " — "),
                    format!("  {}  ", spaced.replace(' ', "  ")),
                ];
                for v in variants {
                    prop_assert_eq!(Deadline::parse(&v), Ok(dl), "{:?} ({:?})", v, printed);
                    // The editor's schema takes every one of them.
                    prop_assert!(schema.is_valid(&v.as_str().into()), "{:?}", v);
                }
            }
        }

        /// Whatever is written, reading it never panics, and an error always says something.
        #[test]
        fn any_text_reads_or_is_refused_with_a_message(s in "\\PC{0,30}") {
            if let Err(e) = Deadline::parse(&s) {
                prop_assert!(!e.message.en().is_empty());
                prop_assert!(!e.message.text(Locale::Ru).is_empty());
            }
        }
    }

    #[test]
    fn permanent_is_flagged() {
        assert!(Deadline::parse("permanent").unwrap().is_permanent());
        assert!(!Deadline::parse("annually").unwrap().is_permanent());
    }
}
