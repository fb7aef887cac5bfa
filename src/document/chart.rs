//! Charts as plain data: what a picture shows, in words and numbers the locale has finished,
//! with its text alternative. `render::chart` draws each as SVG; every format prints the same
//! numbers as a table next to the picture.
//!
//! Three kinds: the [`Timeline`] (the roadmap of the steps by quarter, built here from the
//! deadlines), and two generic ones a report fills from its own numbers: [`BarChart`] (grouped
//! bars, such as facts in percent of the plan per indicator, the plan a [`Reference`] line) and [`StatusChart`] (how many items have each
//! status).

use serde::Serialize;

use super::assemble::DASH;
use super::{StepGroup, TableFacts};
use crate::deadline::Deadline;
use crate::locale::{Labels, Locale, NBSP, roman, ru};
use crate::model::Date;

/// A roadmap: rows of marks over the quarters of the programme's period, grouped by task.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// Unique in the document, for the HTML marker and the SVG's ids: `roadmap`.
    pub id: String,
    /// The caption: «Дорожная карта реализации Программы».
    pub title: String,
    /// The text alternative: what the picture shows, in one or two sentences.
    pub alt: String,
    /// The years of the period, one per four columns: «2027».
    pub years: Vec<String>,
    /// One per quarter of the period, in order: «I», «II» (ru) or «Q1» (en), under the years.
    pub columns: Vec<String>,
    /// The legend: the words for a stretch of time, a milestone and a recurring deadline.
    pub legend: Legend,
    /// The rows, grouped by task.
    pub groups: Vec<TimelineGroup>,
    /// The data table next to the picture: its id, caption and row groups.
    pub table: TableFacts,
}

/// The words of a timeline's legend, one per kind of mark.
#[derive(Debug, Clone, Serialize)]
pub struct Legend {
    /// [`MarkKind::Span`].
    pub span: String,
    /// [`MarkKind::Milestone`].
    pub milestone: String,
    /// [`MarkKind::Recurring`].
    pub recurring: String,
}

/// The rows of one task.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineGroup {
    /// «Задача 1. Повышение …».
    pub label: String,
    /// Its steps, in the order of the list of steps.
    pub rows: Vec<TimelineRow>,
}

/// One step on the roadmap.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineRow {
    /// «1.2».
    pub number: String,
    /// The step's title.
    pub title: String,
    /// The deadline as the list of steps prints it.
    pub deadline: String,
    /// The marked quarters in words: «II–IV кв. 2027 г.», «–» without marks.
    pub quarters: String,
    /// What is drawn, in order.
    pub marks: Vec<Mark>,
}

/// A mark over consecutive quarters, counted from 0 for the first quarter of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// The first quarter covered.
    pub from: usize,
    /// The last quarter covered (`from` for one quarter).
    pub to: usize,
    /// What kind of deadline it draws.
    pub kind: MarkKind,
}

/// How a mark is drawn: each kind has its own shape, so no colour is needed to tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    /// A stretch of time (a quarter, a year, the whole period): a solid bar.
    Span,
    /// A day the step is due on or by: a diamond in the quarter that day falls in.
    Milestone,
    /// One occurrence of a recurring deadline: a hatched box.
    Recurring,
}

/// Grouped bars: one group per category, one bar per series (such as «План» and «Факт» per
/// indicator), all on one axis starting at zero.
#[derive(Debug, Clone, Serialize)]
pub struct BarChart {
    /// Unique in its document, for the HTML marker and the SVG's ids.
    pub id: String,
    /// The caption.
    pub title: String,
    /// The text alternative.
    pub alt: String,
    /// The unit of the axis, printed under the chart («%», «человек»); empty for none.
    pub unit: String,
    /// The categories, in order: the labels of the groups of bars.
    pub categories: Vec<String>,
    /// The series, in legend order; each has one value per category.
    pub series: Vec<Series>,
    /// A value marked across every group by a dashed line, such as the plan (100 %) when the
    /// bars are facts in percent of their plans; `None` for none.
    pub reference: Option<Reference>,
}

/// A value a [`BarChart`] marks with a dashed line across its groups, named in its legend.
#[derive(Debug, Clone, Serialize)]
pub struct Reference {
    /// Where the line is, on the chart's axis.
    pub value: f64,
    /// Its name in the legend: «План (100 %)».
    pub label: String,
}

/// One series of a [`BarChart`].
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    /// «План», «Факт».
    pub name: String,
    /// One per category; `None` draws no bar and prints [`Series::shown`] («–»).
    pub values: Vec<Option<f64>>,
    /// The values as printed at the ends of the bars and in the table («104,5»).
    pub shown: Vec<String>,
}

/// How many items have each status: one horizontal bar per status, its count at its end.
#[derive(Debug, Clone, Serialize)]
pub struct StatusChart {
    /// Unique in its document, for the HTML marker and the SVG's ids.
    pub id: String,
    /// The caption.
    pub title: String,
    /// The text alternative.
    pub alt: String,
    /// The statuses in order, with their counts.
    pub parts: Vec<StatusPart>,
}

/// One status of a [`StatusChart`].
#[derive(Debug, Clone, Serialize)]
pub struct StatusPart {
    /// «Выполнено».
    pub label: String,
    /// How many.
    pub count: usize,
}

/// The quarter (from 0 for the first of a period starting in `first_year`) of a day.
fn quarter_of(d: Date, first_year: i32) -> i64 {
    i64::from(d.year - first_year) * 4 + i64::from((d.month - 1) / 3)
}

/// The last day before a deadline «до …»: «до 1 октября» is met in September.
fn day_before(d: Date) -> Date {
    if d.day > 1 {
        return Date {
            day: d.day - 1,
            ..d
        };
    }
    let (year, month) = if d.month == 1 {
        (d.year - 1, 12)
    } else {
        (d.year, d.month - 1)
    };
    Date {
        year,
        month,
        day: crate::model::days_in_month(year, month),
    }
}

/// The marks of a deadline over a period of `years` (first and last year).
///
/// A deadline with a stretch of its own (a month, quarters, a year) is a bar over the quarters
/// it touches; a day (`on`, `by`, `no-later`) is a milestone in the quarter the work must be
/// done in: «до 1 октября 2027 г.» in the III quarter, since the day itself is too late. The
/// roadmap does not draw a bar from the start of the period to such a day: the input says when
/// the work is due, not when it starts, and a bar would claim a start the programme never
/// agreed. `permanent` is a bar over the whole period; the other recurring forms are a mark
/// for each occurrence: every quarter (`quarterly`, `monthly`), every year (`annually`), the
/// given quarter of every year (`annually Q4`, `annually by 02-01`). Marks outside the period
/// are cut to it or left out.
pub(crate) fn marks(deadline: &Deadline, years: (i32, i32)) -> Vec<Mark> {
    let n = i64::from(years.1 - years.0 + 1) * 4;
    let first = years.0;
    let clip = |from: i64, to: i64, kind: MarkKind| -> Option<Mark> {
        let (from, to) = (from.max(0), to.min(n - 1));
        (from <= to).then(|| Mark {
            from: usize::try_from(from).unwrap_or(0),
            to: usize::try_from(to).unwrap_or(0),
            kind,
        })
    };
    let every_year = |q_from: i64, q_to: i64| -> Vec<Mark> {
        (0..n / 4)
            .filter_map(|y| clip(y * 4 + q_from, y * 4 + q_to, MarkKind::Recurring))
            .collect()
    };
    match *deadline {
        Deadline::On(d) | Deadline::NoLater(d) => {
            let q = quarter_of(d, first);
            clip(q, q, MarkKind::Milestone).into_iter().collect()
        }
        Deadline::By(d) => {
            let q = quarter_of(day_before(d), first);
            clip(q, q, MarkKind::Milestone).into_iter().collect()
        }
        Deadline::Annually => every_year(0, 3),
        Deadline::AnnuallyQuarter(q) => every_year(i64::from(q) - 1, i64::from(q) - 1),
        Deadline::AnnuallyBy { month, day } => {
            let d = day_before(Date {
                year: 2027,
                month,
                day,
            });
            // «ежегодно, до 1 января» is met in December of the year before.
            let q = i64::from((d.month - 1) / 3);
            every_year(q, q)
        }
        Deadline::Quarterly | Deadline::Monthly => (0..n)
            .filter_map(|q| clip(q, q, MarkKind::Recurring))
            .collect(),
        Deadline::Permanent => clip(0, n - 1, MarkKind::Span).into_iter().collect(),
        _ => {
            let (start, end) = deadline.span(years);
            clip(
                quarter_of(start, first),
                quarter_of(end, first),
                MarkKind::Span,
            )
            .into_iter()
            .collect()
        }
    }
}

/// Quarter `q` (from 0) of a period starting in `first_year`: its year and its number 1 to 4.
fn year_quarter(q: usize, first_year: i32) -> (i32, u8) {
    let year = first_year + i32::try_from(q / 4).unwrap_or(0);
    (year, u8::try_from(q % 4).unwrap_or(0) + 1)
}

/// Quarters `from` to `to` in words: «II кв. 2027 г.», «II–IV кв. 2027 г.», «2027 г.»,
/// «2027–2029 гг.», «IV кв. 2027 г. – I кв. 2028 г.»; «Q2 2027», «Q2–Q4 2027» in English.
fn range_words(from: usize, to: usize, first_year: i32, l: &Labels, locale: Locale) -> String {
    let (y1, q1) = year_quarter(from, first_year);
    let (y2, q2) = year_quarter(to, first_year);
    let quarter = |q: u8| match locale {
        Locale::Ru => format!("{}{NBSP}{}", roman(q), l.quarter_short),
        Locale::En => format!("Q{q}"),
    };
    let year = |y: i32| match locale {
        Locale::Ru => format!("{y}{NBSP}г."),
        Locale::En => y.to_string(),
    };
    let whole_years = q1 == 1 && q2 == 4;
    match (y1 == y2, from == to, whole_years) {
        (true, true, _) => format!("{} {}", quarter(q1), year(y1)),
        (true, false, true) => year(y1),
        (true, false, false) => match locale {
            Locale::Ru => format!("{}–{} {}", roman(q1), quarter(q2), year(y1)),
            Locale::En => format!("Q{q1}–Q{q2} {y1}"),
        },
        (false, _, true) => match locale {
            Locale::Ru => format!("{y1}–{y2}{NBSP}гг."),
            Locale::En => format!("{y1}–{y2}"),
        },
        (false, _, false) => format!(
            "{} {} – {} {}",
            quarter(q1),
            year(y1),
            quarter(q2),
            year(y2)
        ),
    }
}

/// The marks of a row in words, for the table next to the picture.
fn marks_words(marks: &[Mark], n: usize, first_year: i32, l: &Labels, locale: Locale) -> String {
    if marks.is_empty() {
        return DASH.to_owned();
    }
    let every_quarter = n > 1
        && marks.len() == n
        && marks
            .iter()
            .enumerate()
            .all(|(i, m)| m.from == i && m.to == i && m.kind == MarkKind::Recurring);
    if every_quarter {
        return format!(
            "{}: {}",
            l.every_quarter,
            range_words(0, n - 1, first_year, l, locale)
        );
    }
    marks
        .iter()
        .map(|m| range_words(m.from, m.to, first_year, l, locale))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text alternative of the roadmap: «Дорожная карта на 2027–2029 годы: сроки 14
/// мероприятий по 3 задачам по кварталам; те же сведения — в таблице «…».»
fn roadmap_alt(
    steps: usize,
    tasks: usize,
    years: (i32, i32),
    l: &Labels,
    locale: Locale,
) -> String {
    let period = crate::locale::words::period(years.0, years.1, locale);
    match locale {
        Locale::Ru => {
            let steps_word = ru::plural(
                steps as u64,
                ru::Forms {
                    one: "мероприятия",
                    few: "мероприятий",
                    many: "мероприятий",
                },
            );
            let tasks_word = ru::plural(
                tasks as u64,
                ru::Forms {
                    one: "задаче",
                    few: "задачам",
                    many: "задачам",
                },
            );
            format!(
                "{} на{NBSP}{period}: сроки {steps}{NBSP}{steps_word} по {tasks}{NBSP}{tasks_word} по кварталам; те{NBSP}же сведения{NBSP}— в{NBSP}таблице «{}».",
                l.roadmap, l.roadmap_table
            )
        }
        Locale::En => {
            let steps_word = crate::locale::en::plural(steps as u64, "step", "steps");
            let tasks_word = crate::locale::en::plural(tasks as u64, "task", "tasks");
            format!(
                "{}, {period}: the quarters of {steps}{NBSP}{steps_word} under {tasks}{NBSP}{tasks_word}; the table “{}” gives the same facts.",
                l.roadmap, l.roadmap_table
            )
        }
    }
}

/// The most steps the roadmap draws a row for, one each. A larger programme's roadmap has a
/// row per task instead ([`task_row`]): a picture of thousands of rows can be neither read
/// nor printed on a page, and each step's deadline is in the list of steps after it.
pub(crate) const ROADMAP_MAX_STEPS: usize = 60;

/// The one row of a task on the roadmap of a large programme: «1.1–1.1250», «Все мероприятия
/// задачи (1 250)», the stretch from the first to the last quarter any of them is due in, and a
/// bar over each run of quarters in which at least one of them is due. `None` for a task
/// without steps.
fn task_row(
    g: &StepGroup,
    marks_of: &dyn Fn(&str) -> Vec<Mark>,
    n: usize,
    first_year: i32,
    l: &Labels,
    locale: Locale,
) -> Option<TimelineRow> {
    let (first, last) = (g.steps.first()?, g.steps.last()?);
    let mut busy = vec![false; n];
    for s in &g.steps {
        for m in marks_of(&s.id) {
            busy[m.from..=m.to.min(n - 1)].fill(true);
        }
    }
    let marks = busy_runs(&busy);
    let deadline = match (marks.first(), marks.last()) {
        (Some(a), Some(b)) => range_words(a.from, b.to, first_year, l, locale),
        _ => DASH.to_owned(),
    };
    Some(TimelineRow {
        number: format!("{}–{}", first.number, last.number),
        title: format!(
            "{} ({})",
            l.roadmap_all_steps,
            crate::locale::typography::number(g.steps.len() as f64, 0, locale)
        ),
        deadline,
        quarters: marks_words(&marks, n, first_year, l, locale),
        marks,
    })
}

/// A bar over each run of quarters marked in `busy`.
fn busy_runs(busy: &[bool]) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut q = 0;
    while q < busy.len() {
        if busy[q] {
            let from = q;
            while busy.get(q + 1) == Some(&true) {
                q += 1;
            }
            marks.push(Mark {
                from,
                to: q,
                kind: MarkKind::Span,
            });
        }
        q += 1;
    }
    marks
}

/// The roadmap of the steps in `groups` (the list of steps, already numbered), over the
/// period `years`. `deadlines` gives each step's deadline by its id (a step without one has
/// no marks). `heading` is the section the roadmap opens.
pub(crate) fn roadmap(
    groups: &[StepGroup],
    deadlines: &dyn Fn(&str) -> Option<Deadline>,
    years: (i32, i32),
    heading: &super::Heading,
    l: &'static Labels,
    locale: Locale,
) -> Timeline {
    let n = usize::try_from((years.1 - years.0 + 1).max(1)).unwrap_or(1) * 4;
    let steps: usize = groups.iter().map(|g| g.steps.len()).sum();
    let marks_of = |id: &str| {
        deadlines(id)
            .map(|d| self::marks(&d, years))
            .unwrap_or_default()
    };
    let groups: Vec<TimelineGroup> = groups
        .iter()
        .map(|g| TimelineGroup {
            label: g.label.clone(),
            rows: if steps > ROADMAP_MAX_STEPS {
                task_row(g, &marks_of, n, years.0, l, locale)
                    .into_iter()
                    .collect()
            } else {
                g.steps
                    .iter()
                    .map(|s| {
                        let marks = marks_of(&s.id);
                        TimelineRow {
                            number: s.number.clone(),
                            title: s.title.clone(),
                            deadline: s.deadline.clone(),
                            quarters: marks_words(&marks, n, years.0, l, locale),
                            marks,
                        }
                    })
                    .collect()
            },
        })
        .collect();
    let table = TableFacts {
        row_groups: groups.iter().map(|g| g.label.clone()).collect(),
        ..TableFacts::new("roadmap", heading, Some(l.roadmap_table))
    };
    Timeline {
        id: "roadmap".into(),
        title: l.roadmap.into(),
        alt: roadmap_alt(steps, groups.len(), years, l, locale),
        years: (years.0..=years.1).map(|y| y.to_string()).collect(),
        columns: (0..n)
            .map(|q| {
                let (_, q) = year_quarter(q, years.0);
                match locale {
                    Locale::Ru => roman(q).to_owned(),
                    Locale::En => format!("Q{q}"),
                }
            })
            .collect(),
        legend: Legend {
            span: l.roadmap_span.into(),
            milestone: l.roadmap_milestone.into(),
            recurring: l.roadmap_recurring.into(),
        },
        groups,
        table,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks_of(text: &str) -> Vec<(usize, usize, MarkKind)> {
        let d = Deadline::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        marks(&d, (2027, 2029))
            .into_iter()
            .map(|m| (m.from, m.to, m.kind))
            .collect()
    }

    #[test]
    fn quarters_of_each_form() {
        use MarkKind::*;
        assert_eq!(marks_of("2027-Q2"), [(1, 1, Span)]);
        assert_eq!(marks_of("2027-Q2..Q4"), [(1, 3, Span)]);
        assert_eq!(marks_of("2028-H2"), [(6, 7, Span)]);
        assert_eq!(marks_of("2027-05"), [(1, 1, Span)]);
        assert_eq!(marks_of("2028"), [(4, 7, Span)]);
        assert_eq!(marks_of("2027..2029"), [(0, 11, Span)]);
        assert_eq!(marks_of("permanent"), [(0, 11, Span)]);
        // A day: the quarter the work must be done in.
        assert_eq!(marks_of("by 2027-10-01"), [(2, 2, Milestone)]);
        assert_eq!(marks_of("by 2027-10-15"), [(3, 3, Milestone)]);
        assert_eq!(marks_of("no-later 2027-10-01"), [(3, 3, Milestone)]);
        assert_eq!(marks_of("2029-12-31"), [(11, 11, Milestone)]);
        // «до 1 января 2028 г.» is met in 2027.
        assert_eq!(marks_of("by 2028-01-01"), [(3, 3, Milestone)]);
        // Recurring: one mark per occurrence.
        assert_eq!(
            marks_of("annually Q4"),
            [(3, 3, Recurring), (7, 7, Recurring), (11, 11, Recurring)]
        );
        assert_eq!(
            marks_of("annually by 02-01"),
            [(0, 0, Recurring), (4, 4, Recurring), (8, 8, Recurring)]
        );
        assert_eq!(
            marks_of("annually by 01-01"),
            [(3, 3, Recurring), (7, 7, Recurring), (11, 11, Recurring)]
        );
        assert_eq!(
            marks_of("annually"),
            [(0, 3, Recurring), (4, 7, Recurring), (8, 11, Recurring)]
        );
        let quarterly = marks_of("quarterly");
        assert_eq!(quarterly.len(), 12);
        assert_eq!(quarterly[5], (5, 5, Recurring));
        assert_eq!(marks_of("monthly"), quarterly);
    }

    #[test]
    fn outside_the_period_is_cut_or_left_out() {
        use MarkKind::*;
        assert_eq!(marks_of("2026..2028"), [(0, 7, Span)]);
        assert_eq!(marks_of("2030-Q1"), []);
        assert_eq!(marks_of("by 2026-12-01"), []);
    }

    #[test]
    fn marks_in_words() {
        let l = &crate::locale::labels::RU;
        let w = |text: &str| {
            let d = Deadline::parse(text).unwrap_or_else(|e| panic!("{e}"));
            marks_words(&marks(&d, (2027, 2029)), 12, 2027, l, Locale::Ru).replace(NBSP, " ")
        };
        assert_eq!(w("2027-Q2"), "II кв. 2027 г.");
        assert_eq!(w("2027-Q2..Q4"), "II–IV кв. 2027 г.");
        assert_eq!(w("2028"), "2028 г.");
        assert_eq!(w("2027..2029"), "2027–2029 гг.");
        assert_eq!(w("by 2027-10-01"), "III кв. 2027 г.");
        assert_eq!(
            w("annually Q4"),
            "IV кв. 2027 г., IV кв. 2028 г., IV кв. 2029 г."
        );
        assert_eq!(w("annually"), "2027 г., 2028 г., 2029 г.");
        assert_eq!(w("quarterly"), "каждый квартал: 2027–2029 гг.");
        let en = &crate::locale::labels::EN;
        let d = Deadline::parse("2027-Q4..Q4").ok();
        assert_eq!(d, None);
        assert_eq!(
            range_words(3, 4, 2027, en, Locale::En).replace(NBSP, " "),
            "Q4 2027 – Q1 2028"
        );
        assert_eq!(range_words(1, 3, 2027, en, Locale::En), "Q2–Q4 2027");
        assert_eq!(marks_words(&[], 12, 2027, l, Locale::Ru), DASH);
    }

    #[test]
    fn a_task_row_has_a_bar_over_each_run_of_busy_quarters() {
        let runs = |busy: &[u8]| -> Vec<(usize, usize)> {
            busy_runs(&busy.iter().map(|b| *b == 1).collect::<Vec<_>>())
                .into_iter()
                .map(|m| {
                    assert_eq!(m.kind, MarkKind::Span);
                    (m.from, m.to)
                })
                .collect()
        };
        assert_eq!(runs(&[]), vec![]);
        assert_eq!(runs(&[0, 0, 0]), vec![]);
        assert_eq!(runs(&[1, 1, 1, 1]), vec![(0, 3)]);
        assert_eq!(runs(&[1, 0, 1, 1, 0, 0, 1]), vec![(0, 0), (2, 3), (6, 6)]);
    }

    #[test]
    fn the_alternative_counts_steps_and_tasks() {
        let l = &crate::locale::labels::RU;
        assert_eq!(
            roadmap_alt(14, 3, (2027, 2029), l, Locale::Ru).replace(NBSP, " "),
            "Дорожная карта реализации Программы на 2027–2029 годы: сроки 14 мероприятий по 3 задачам по кварталам; те же сведения — в таблице «Сроки мероприятий по кварталам»."
        );
        assert!(
            roadmap_alt(1, 1, (2027, 2027), l, Locale::Ru)
                .replace(NBSP, " ")
                .contains("сроки 1 мероприятия по 1 задаче")
        );
    }
}
