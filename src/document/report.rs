//! The implementation report (`nko-draft report --period 2027`): the view model of «Отчёт о
//! ходе реализации Программы», assembled from a valid input and a report period.
//!
//! A report covers the year of its period from 1 January to the period's end, as Russian
//! reports on programmes do: `2027-Q1` is «за I квартал», `2027-Q2` «за полугодие», `2027-Q3`
//! «за 9 месяцев», `2027-Q4` and `2027` the whole year. What it says:
//!
//! - **Steps due.** A step is due when its deadline covers a day of the report's span (1
//!   January to the period's end). A recurring deadline is read as its occurrence in the
//!   report's year (`annually Q2`: the second quarter; `annually by 02-01`: 1 February;
//!   `annually`, `quarterly`, `monthly`, `permanent` or none: the whole year), so it is due in
//!   every report of every year it recurs in. A step with a deadline of its own that ended in an
//!   earlier year and was never done or cancelled is carried over: it stays in the report,
//!   marked, until it is.
//! - **Status.** The latest progress entry whose period ends by the report's end
//!   ([`Step::progress_as_of`]); for a recurring step only the entries of the report's year
//!   count (being done last year is not being done this year). No entry: «сведения не
//!   представлены».
//! - **Overdue.** A step listed in the report whose deadline (its occurrence) has ended by the
//!   report's end and that is neither done nor cancelled, or whose status is `late` (its
//!   executor says it is behind its deadline). `permanent` and a step without a
//!   deadline are never overdue. Overdue steps are listed again in a table of their own, never
//!   dropped.
//! - **Indicators.** Plan: the target for the year; fact: the `actual` value for the year.
//!   Percent of plan: fact ÷ plan for an indicator where more is better, plan ÷ fact where less
//!   is better (`direction: down`), printed «104,0 %». A deviation over 5 % from 100 % needs the
//!   year's `note`; without one the report prints «пояснение не представлено» and says so.
//! - **Resources.** Plan: the steps' funding for the year, by source. Spent: what the progress
//!   entries of the year say was spent (`spent` is money spent in the entry's period): a year's
//!   entry when it gives `spent`, else the sum of the quarters up to the period's end.
//!
//! - **Charts.** Plan against fact per indicator with a plan for the year, in percent of the
//!   plan: the fact a bar, the plan a dashed line at 100 %. Indicators in different units share
//!   one axis, and a bar past the line reads as the plan exceeded whichever way the indicator
//!   counts. And the steps listed in section 2, counted by status, with a
//!   compact table of the same counts. [`ReportCharts`] holds both as [`BarChart`] and
//!   [`StatusChart`] with their text alternatives; `render::chart` draws them.

use std::collections::BTreeMap;

use serde::Serialize;

use super::assemble::{Assembler, DASH};
use super::chart::{BarChart, Reference, Series, StatusChart, StatusPart};
use super::{Fact, Heading, TableFacts};
use crate::deadline::Deadline;
use crate::error::Failure;
use crate::i18n::Message;
use crate::load::Input;
use crate::locale::labels::ReportLabels;
use crate::locale::{Locale, NBSP, ru, typography, words};
use crate::model::{
    AMOUNT_DECIMALS, Date, Direction, FundingSource, Progress, ProgressStatus, ReportPeriod,
    Status, Step, decimals,
};
use crate::msg;

/// A deviation from the plan larger than this (in percent of the plan) must be explained.
pub const DEVIATION: f64 = 5.0;

/// The implementation report as it will be printed.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Language tag: `ru` or `en`.
    pub lang: &'static str,
    /// Language and region: `ru-RU` (the DOCX's).
    pub language: &'static str,
    /// Fixed words of the report.
    pub labels: &'static ReportLabels,
    /// «Отчёт о ходе реализации Программы за 9 месяцев 2027 года».
    pub title: String,
    /// The programme's title.
    pub programme: String,
    /// The period as the command line and the file names write it: `2027-Q3`.
    pub period: String,
    /// The date of the report.
    pub date: Date,
    /// The responsible organisation's full name: the author in the PDF's and DOCX's properties.
    pub author: String,
    /// Whether the programme is still a draft.
    pub draft: bool,
    /// 1. Общие сведения.
    pub summary: Summary,
    /// 2. Сведения о выполнении мероприятий.
    pub steps: StepTable,
    /// 3. Мероприятия, не выполненные в срок.
    pub overdue: StepTable,
    /// 4. Сведения о достижении значений целевых показателей.
    pub indicators: IndicatorTable,
    /// 5. Сведения об использовании ресурсов.
    pub resources: ResourceTable,
    /// The numbers the charts draw.
    pub charts: ReportCharts,
    /// What the report found missing in the input, for the terminal: each indicator (by its
    /// position in indicators.yaml) whose deviation over 5 % has no note, with the message and
    /// the hint.
    #[serde(skip)]
    pub warnings: Vec<(usize, Message, Message)>,
}

/// 1. Общие сведения: facts about the programme and the report, and the counts.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Heading.
    pub heading: Heading,
    /// The programme, its responsible executor, its status, the period, the date.
    pub facts: Vec<Fact>,
    /// The counts as sentences: steps by status, overdue, indicators reached, money spent.
    pub lines: Vec<String>,
}

/// A table of steps: the steps due, or the overdue ones.
#[derive(Debug, Clone, Serialize)]
pub struct StepTable {
    /// Heading.
    pub heading: Heading,
    /// One row per step, in the order of the programme.
    pub rows: Vec<StepProgressRow>,
    /// Printed in place of the table when there are no rows.
    pub empty: Option<&'static str>,
    /// Notes under the table.
    pub notes: Vec<String>,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// A step in the report.
#[derive(Debug, Clone, Serialize)]
pub struct StepProgressRow {
    /// Step id, for tools.
    pub id: String,
    /// «1.2», as in the programme; «1.2*» when carried over from an earlier year.
    pub number: String,
    /// Title.
    pub title: String,
    /// The deadline as the programme prints it.
    pub deadline: String,
    /// The status: `not_started`, `in_progress`, `done`, `late`, `cancelled` or `no_data`.
    pub status: &'static str,
    /// The status as printed.
    pub status_text: String,
    /// «15 мая 2027 г.», or «–».
    pub done_on: String,
    /// What was done, or why not; «–» without a comment.
    pub comment: String,
    /// The responsible executor (lead), as tables name it.
    pub responsible: String,
    /// The deadline has passed by the end of the period and the step is neither done nor
    /// cancelled.
    pub overdue: bool,
    /// Carried over from an earlier year, not done.
    pub carried_over: bool,
}

/// 4. Целевые показатели: plan against fact.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorTable {
    /// Heading.
    pub heading: Heading,
    /// One row per indicator, in the order of indicators.yaml.
    pub rows: Vec<IndicatorProgressRow>,
    /// Printed in place of the table when there are no indicators.
    pub empty: Option<&'static str>,
    /// Notes under the table (what «*» means).
    pub notes: Vec<String>,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// An indicator in the report.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorProgressRow {
    /// The indicator's id.
    pub id: String,
    /// «1», as in the programme.
    pub number: String,
    /// Name, with «*» when less is better.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// The target for the year, or «–».
    pub plan: String,
    /// The value reached, or «нет данных».
    pub fact: String,
    /// «104,0 %», or «–» when it cannot be computed.
    pub percent: String,
    /// The explanation of the deviation; «пояснение не представлено» when over 5 % without
    /// one; «–» otherwise.
    pub note: String,
    /// Reached (`true`), missed (`false`), or not known.
    pub reached: Option<bool>,
}

/// 5. Ресурсы: plan and spent per source.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceTable {
    /// Heading.
    pub heading: Heading,
    /// «тыс. рублей».
    pub unit: &'static str,
    /// The caption: «Ресурсное обеспечение в 2027 году, тыс. рублей».
    pub caption: String,
    /// Column header of the plan: «План на 2027 год».
    pub col_plan: String,
    /// One row per source with money planned or spent, in the order of the sources.
    pub rows: Vec<ResourceRow>,
    /// The totals, with more than one source.
    pub total: Option<ResourceRow>,
    /// Printed in place of the table without money.
    pub empty: Option<&'static str>,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// A row of the resources table.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceRow {
    /// The source's name, or «Итого».
    pub source: String,
    /// Planned for the year.
    pub plan: String,
    /// Spent by the end of the period.
    pub spent: String,
    /// Spent in percent of the plan, or «–» without a plan.
    pub percent: String,
}

/// The report's charts: plan against fact per indicator, and the steps listed by status; their
/// numbers unformatted, and the charts as the renderers draw them.
#[derive(Debug, Clone, Serialize)]
pub struct ReportCharts {
    /// One bar pair per indicator with a plan for the year.
    pub indicators: Vec<IndicatorBars>,
    /// The steps listed in section 2, counted by status, in the order of [`STATUSES`];
    /// statuses with no step are left out.
    pub statuses: Vec<StatusCount>,
    /// Plan and fact per indicator in percent of the plan, opening section 4 (its table is
    /// the data table); `None` when no indicator has a plan for the year.
    pub plan_fact: Option<BarChart>,
    /// The steps of section 2 by status, opening section 2 above [`Self::status_table`];
    /// `None` when no step is listed.
    pub status: Option<StatusChart>,
    /// The data table of [`Self::status`]: the statuses as the chart labels them, their counts
    /// and the total.
    pub status_table: TableFacts,
    /// The number of steps listed in section 2: the total row of that table.
    pub status_total: usize,
}

/// Plan and fact of one indicator.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorBars {
    /// «1».
    pub number: String,
    /// The indicator's name (without the mark).
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// The target for the year.
    pub plan: f64,
    /// The value reached, when known.
    pub fact: Option<f64>,
    /// Less is better.
    pub down: bool,
    /// Percent of plan, when computed.
    pub percent: Option<f64>,
}

/// How many steps have a status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    /// The status key (see [`StepProgressRow::status`]).
    pub status: &'static str,
    /// The status as printed.
    pub label: String,
    /// The number of steps.
    pub count: usize,
}

/// The statuses in the order the report counts them; `no_data` for a step without progress.
pub const STATUSES: [&str; 6] = [
    "done",
    "in_progress",
    "late",
    "not_started",
    "cancelled",
    "no_data",
];

/// «за 2027 год», «за 9 месяцев 2027 года»: what the title says the report covers. The fourth
/// quarter closes the year, so `2027-Q4` is the year's report.
pub(crate) fn period_words(period: ReportPeriod, locale: Locale) -> String {
    let y = period.year;
    match (locale, period.quarter) {
        (Locale::Ru, None | Some(4)) => format!("за {y}{NBSP}год"),
        (Locale::Ru, Some(1)) => format!("за I{NBSP}квартал {y}{NBSP}года"),
        (Locale::Ru, Some(2)) => format!("за полугодие {y}{NBSP}года"),
        (Locale::Ru, Some(_)) => format!("за 9{NBSP}месяцев {y}{NBSP}года"),
        (Locale::En, None | Some(4)) => format!("for {y}"),
        (Locale::En, Some(1)) => format!("for the first quarter of {y}"),
        (Locale::En, Some(2)) => format!("for the first half of {y}"),
        (Locale::En, Some(_)) => format!("for the first nine months of {y}"),
    }
}

/// The first day a report for `period` covers: 1 January of its year.
fn span_start(period: ReportPeriod) -> Date {
    Date::first_of_year(period.year)
}

/// Assembles the report for `period` on `date`. The input must have passed validation
/// without errors, and the period must lie within the programme's (the caller checks it, to
/// name the flag).
pub fn assemble_report(input: &Input, period: ReportPeriod, date: Date) -> Result<Report, Failure> {
    let mut a = Assembler::new(input)?;
    let locale = a.locale;
    let rl = locale.report_labels();
    let title = match locale {
        Locale::Ru => format!(
            "Отчёт о{NBSP}ходе реализации Программы {}",
            period_words(period, locale)
        ),
        Locale::En => format!(
            "Report on the implementation of the Programme {}",
            period_words(period, locale)
        ),
    };
    a.heads.anchor(&title);
    let programme = a.t(&a.p.title);
    let draft = a.p.status == Status::Draft;

    let summary_heading = a.next_section(rl.summary);
    let steps_heading = a.next_section(rl.steps);
    let overdue_heading = a.next_section(rl.overdue);
    let indicators_heading = a.next_section(rl.indicators);
    let resources_heading = a.next_section(rl.resources);

    // Steps.
    let end = period.end_date();
    let mut rows = Vec::new();
    let mut due_count = 0;
    let mut carried = 0;
    for c in a.cases.clone() {
        let Some(sf) = a.steps_of.get(c.id.as_str()).copied() else {
            continue;
        };
        for step in &sf.steps {
            let Some(seen) = Seen::of(step, period) else {
                continue;
            };
            if seen.carried_over {
                carried += 1;
            } else {
                due_count += 1;
            }
            let number = a
                .step_numbers
                .get(step.id.as_str())
                .cloned()
                .unwrap_or_default();
            let (status, status_text) = match seen.progress {
                Some(p) => (
                    p.status.as_str(),
                    rl.statuses[status_index(p.status)].to_owned(),
                ),
                None => ("no_data", rl.status_no_data.to_owned()),
            };
            let done_on = seen
                .progress
                .and_then(|p| p.done_on.as_ref())
                .and_then(|d| d.get())
                .map_or_else(|| DASH.to_owned(), |d| Deadline::On(d).render(locale));
            let comment = seen
                .progress
                .and_then(|p| p.comment.as_deref())
                .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|c| !c.is_empty())
                .map_or_else(|| DASH.to_owned(), |c| a.t(&c));
            let responsible = step
                .responsible()
                .first()
                .map_or_else(|| DASH.to_owned(), |id| a.names.table(id));
            rows.push(StepProgressRow {
                id: step.id.clone(),
                number: if seen.carried_over {
                    format!("{number}{}", rl.mark_down)
                } else {
                    number
                },
                title: a.t(&step.title),
                deadline: seen
                    .deadline
                    .map_or_else(|| DASH.to_owned(), |d| d.render(locale)),
                status,
                status_text,
                done_on,
                comment,
                responsible,
                overdue: seen.overdue,
                carried_over: seen.carried_over,
            });
        }
    }
    let statuses: Vec<StatusCount> = STATUSES
        .iter()
        .map(|s| StatusCount {
            status: s,
            label: status_label(s, rl),
            count: rows.iter().filter(|r| r.status == *s).count(),
        })
        .filter(|c| c.count > 0)
        .collect();
    let overdue_rows: Vec<StepProgressRow> = rows.iter().filter(|r| r.overdue).cloned().collect();
    let carried_note = match locale {
        Locale::Ru => format!(
            "{} Мероприятие прошлых лет, не выполненное в{NBSP}срок.",
            rl.mark_down
        ),
        Locale::En => format!(
            "{} A step of an earlier year, not done on time.",
            rl.mark_down
        ),
    };
    let step_notes = if carried > 0 {
        vec![carried_note]
    } else {
        Vec::new()
    };

    // Indicators.
    let mut ind_rows = Vec::new();
    let mut bars = Vec::new();
    let mut warnings = Vec::new();
    let mut any_down = false;
    for (i, ind) in a.indicators.iter().enumerate() {
        let number = (i + 1).to_string();
        let down = ind.direction == Direction::Down;
        any_down |= down;
        let plan = ind.targets.get(&period.year).copied();
        let actual = ind.actual.get(&period.year);
        let fact = actual.map(|x| x.value);
        let percent = match (plan, fact) {
            (Some(p), Some(f)) => percent_of_plan(p, f, ind.direction),
            _ => None,
        };
        let reached = match (plan, fact) {
            (Some(p), Some(f)) => Some(if down { f <= p } else { f >= p }),
            _ => None,
        };
        let deviates = percent.is_some_and(|x| (x - 100.0).abs() > DEVIATION);
        let given_note = actual
            .and_then(|x| x.note.as_deref())
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| !n.is_empty());
        let note = match (given_note, deviates) {
            (Some(n), _) => a.t(&n),
            (None, true) => {
                let year = period.year.to_string();
                warnings.push((
                    i,
                    msg!(
                        CmdReportNoNote,
                        indicator = ind.id.as_str(),
                        year = year.as_str()
                    ),
                    msg!(CmdReportNoNoteHint, year = year),
                ));
                rl.no_note.to_owned()
            }
            (None, false) => DASH.to_owned(),
        };
        let name = a.t(&ind.name);
        if let Some(p) = plan {
            bars.push(IndicatorBars {
                number: number.clone(),
                name: name.clone(),
                unit: a.t(&ind.unit),
                plan: p,
                fact,
                down,
                percent,
            });
        }
        ind_rows.push(IndicatorProgressRow {
            id: ind.id.clone(),
            number,
            name: if down {
                format!("{name}{}", rl.mark_down)
            } else {
                name
            },
            unit: a.t(&ind.unit),
            plan: plan.map_or_else(|| DASH.to_owned(), |v| typography::number(v, 2, locale)),
            fact: fact.map_or_else(
                || rl.no_fact.to_owned(),
                |v| typography::number(v, 2, locale),
            ),
            percent: percent.map_or_else(|| DASH.to_owned(), |v| typography::percent(v, locale)),
            note,
            reached,
        });
    }

    // Resources.
    let money = Money::of(&a, period);
    let res_rows: Vec<ResourceRow> = money
        .by_source
        .iter()
        .map(|(source, (plan, spent))| {
            money.row(
                a.funding.source_name(*source, locale),
                *plan,
                *spent,
                locale,
            )
        })
        .collect();
    let (plan_total, spent_total) = money.totals();
    let total = (res_rows.len() > 1)
        .then(|| money.row(rl.total.to_owned(), plan_total, spent_total, locale));

    // Summary.
    let responsible = a.names.text(&a.p.responsible);
    let status = match a.p.approval.as_ref().filter(|_| !draft) {
        Some(ap) => {
            let when = ap
                .date
                .get()
                .map(|d| Deadline::On(d).render(locale))
                .unwrap_or_default();
            let by = a.t(&ap.by);
            let number = a.t(&ap.number);
            format!(
                "{} {by} {}",
                a.l.approved.to_lowercase(),
                words::approval_date_number(&when, &number, locale)
            )
        }
        None => rl.programme_draft.to_owned(),
    };
    let period_text = match locale {
        Locale::Ru => format!(
            "с {} по {}",
            Deadline::On(span_start(period)).render(locale),
            Deadline::On(end).render(locale)
        ),
        Locale::En => format!(
            "{} to {}",
            Deadline::On(span_start(period)).render(locale),
            Deadline::On(end).render(locale)
        ),
    };
    let facts = vec![
        Fact {
            label: rl.f_programme,
            value: programme.clone(),
        },
        Fact {
            label: rl.f_responsible,
            value: responsible,
        },
        Fact {
            label: rl.f_status,
            value: status,
        },
        Fact {
            label: rl.f_period,
            value: period_text,
        },
        Fact {
            label: rl.f_date,
            value: Deadline::On(date).render(locale),
        },
    ];
    let measured = ind_rows.iter().filter(|r| r.reached.is_some()).count();
    let reached = ind_rows.iter().filter(|r| r.reached == Some(true)).count();
    let lines = summary_lines(&SummaryCounts {
        due: due_count,
        carried,
        statuses: &statuses,
        overdue: overdue_rows.len(),
        indicators: ind_rows.len(),
        measured,
        reached,
        plan: money.print(plan_total, locale),
        spent: money.print(spent_total, locale),
        percent: (plan_total > 0)
            .then(|| typography::percent(spent_total as f64 / plan_total as f64 * 100.0, locale)),
        funded: !money.by_source.is_empty(),
        sources: if res_rows.len() > 1 { &res_rows } else { &[] },
        year: period.year,
        locale,
        rl,
    });

    let steps_table = TableFacts::new("report-steps", &steps_heading, None);
    let status_table = TableFacts::new("report-status", &steps_heading, Some(rl.status_table));
    let overdue_table = TableFacts::new("report-overdue", &overdue_heading, None);
    let indicators_table = TableFacts::new("report-indicators", &indicators_heading, None);
    let caption = match locale {
        Locale::Ru => format!(
            "Ресурсное обеспечение в{NBSP}{}{NBSP}году, {}",
            period.year, rl.unit
        ),
        Locale::En => format!("Resources in {}, {}", period.year, rl.unit),
    };
    let resources_table = TableFacts::new("report-resources", &resources_heading, Some(&caption));
    Ok(Report {
        lang: locale.tag(),
        language: locale.region_tag(),
        labels: rl,
        title,
        programme,
        period: period.to_string(),
        date,
        author: a.names.full(&a.p.responsible),
        draft,
        summary: Summary {
            heading: summary_heading,
            facts,
            lines,
        },
        steps: StepTable {
            empty: rows.is_empty().then_some(rl.no_steps),
            heading: steps_heading,
            rows,
            notes: step_notes,
            table: steps_table,
        },
        overdue: StepTable {
            empty: overdue_rows.is_empty().then_some(rl.no_overdue),
            heading: overdue_heading,
            rows: overdue_rows,
            notes: Vec::new(),
            table: overdue_table,
        },
        indicators: IndicatorTable {
            empty: ind_rows.is_empty().then_some(rl.no_indicators),
            heading: indicators_heading,
            rows: ind_rows,
            notes: if any_down {
                vec![rl.note_down.to_owned()]
            } else {
                Vec::new()
            },
            table: indicators_table,
        },
        resources: ResourceTable {
            heading: resources_heading,
            unit: rl.unit,
            col_plan: match locale {
                Locale::Ru => format!("План на{NBSP}{}{NBSP}год", period.year),
                Locale::En => format!("Plan for {}", period.year),
            },
            caption,
            empty: res_rows.is_empty().then_some(rl.no_funding),
            rows: res_rows,
            total,
            table: resources_table,
        },
        charts: ReportCharts {
            plan_fact: plan_fact_chart(&bars, period, rl, locale),
            status: status_chart(&statuses, rl, locale),
            status_table,
            status_total: statuses.iter().map(|s| s.count).sum(),
            indicators: bars,
            statuses,
        },
        warnings,
    })
}

/// `s` with its first letter in capitals: a status as a chart labels it («Выполнено»).
fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The chart of plan against fact: per indicator with a plan for the year, a bar of the fact in
/// percent of the plan, as the indicators table computes it (plan ÷ fact where less is better),
/// against the plan, a dashed line at 100 %; no bar («–») where the percent cannot be computed.
/// `None` without indicators.
fn plan_fact_chart(
    bars: &[IndicatorBars],
    period: ReportPeriod,
    rl: &'static ReportLabels,
    locale: Locale,
) -> Option<BarChart> {
    if bars.is_empty() {
        return None;
    }
    let percent =
        |x: Option<f64>| x.map_or_else(|| DASH.to_owned(), |v| typography::percent(v, locale));
    let fact_values: Vec<Option<f64>> = bars.iter().map(|b| b.percent).collect();
    let computed: Vec<(&IndicatorBars, f64)> = bars
        .iter()
        .filter_map(|b| b.percent.map(|p| (b, p)))
        .collect();
    let met = computed.iter().filter(|(_, p)| *p >= 100.0).count();
    let missed = computed.len() - met;
    let unknown = bars.len() - computed.len();
    let any_down = bars.iter().any(|b| b.down);
    let low = computed
        .iter()
        .copied()
        .reduce(|m, x| if x.1 < m.1 { x } else { m });
    let high = computed
        .iter()
        .copied()
        .reduce(|m, x| if x.1 > m.1 { x } else { m });
    // The lowest and the highest, when there are two to compare.
    let range = low.zip(high).filter(|_| computed.len() > 1);
    let n = bars.len();
    let when = period_words(period, locale);
    let alt = match locale {
        Locale::Ru => {
            let what = ru::plural(
                n as u64,
                ru::Forms {
                    one: "целевому показателю",
                    few: "целевым показателям",
                    many: "целевым показателям",
                },
            );
            let mut alt = format!(
                "Факт в{NBSP}процентах от{NBSP}плана по{NBSP}{n}{NBSP}{what} {when}; план{NBSP}— 100{NBSP}%"
            );
            if any_down {
                alt.push_str(&format!(
                    "; для показателей, где лучше меньшее значение ({}), — отношение плана к{NBSP}факту",
                    rl.mark_down
                ));
            }
            alt.push_str(&format!(
                ". План выполнен или перевыполнен по{NBSP}{met}, не{NBSP}выполнен по{NBSP}{missed}"
            ));
            if unknown > 0 {
                alt.push_str(&format!(", процент не{NBSP}рассчитан по{NBSP}{unknown}"));
            }
            if let Some((lo, hi)) = range {
                alt.push_str(&format!(
                    "; от{NBSP}{} (показатель {}) до{NBSP}{} (показатель {})",
                    percent(Some(lo.1)),
                    lo.0.number,
                    percent(Some(hi.1)),
                    hi.0.number
                ));
            }
            alt.push_str(&format!(
                ". Те{NBSP}же сведения{NBSP}— в{NBSP}таблице ниже."
            ));
            alt
        }
        Locale::En => {
            let what = crate::locale::en::plural(n as u64, "target indicator", "target indicators");
            let mut alt = format!(
                "Actual values in percent of the plan for {n}{NBSP}{what} {when}; the plan is 100%"
            );
            if any_down {
                alt.push_str(&format!(
                    "; where less is better ({}), the plan divided by the actual value",
                    rl.mark_down
                ));
            }
            alt.push_str(&format!(
                ". The plan was met or exceeded for {met}, missed for {missed}"
            ));
            if unknown > 0 {
                alt.push_str(&format!(", not computed for {unknown}"));
            }
            if let Some((lo, hi)) = range {
                alt.push_str(&format!(
                    "; from {} (indicator {}) to {} (indicator {})",
                    percent(Some(lo.1)),
                    lo.0.number,
                    percent(Some(hi.1)),
                    hi.0.number
                ));
            }
            alt.push_str(". The table below gives the same figures.");
            alt
        }
    };
    Some(BarChart {
        id: "report-plan-fact".into(),
        title: rl.chart_plan_fact.into(),
        alt,
        unit: rl.chart_percent_unit.into(),
        categories: bars
            .iter()
            .map(|b| {
                let mark = if b.down { rl.mark_down } else { "" };
                // The mark by the number, where cutting a long name cannot drop it.
                format!("{}{mark}. {}", b.number, b.name)
            })
            .collect(),
        series: vec![Series {
            name: rl.col_fact.into(),
            shown: fact_values.iter().map(|v| percent(*v)).collect(),
            values: fact_values,
        }],
        reference: Some(Reference {
            value: 100.0,
            label: match locale {
                Locale::Ru => format!("{} (100{NBSP}%)", rl.col_plan),
                Locale::En => format!("{} (100%)", rl.col_plan),
            },
        }),
    })
}

/// The chart of the steps listed in section 2 by status; `None` without steps.
fn status_chart(
    statuses: &[StatusCount],
    rl: &'static ReportLabels,
    locale: Locale,
) -> Option<StatusChart> {
    if statuses.is_empty() {
        return None;
    }
    let total: usize = statuses.iter().map(|s| s.count).sum();
    let counts = statuses
        .iter()
        .map(|s| match locale {
            Locale::Ru => format!("{}{NBSP}— {}", s.label, s.count),
            Locale::En => format!("{}: {}", s.label, s.count),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let alt = match locale {
        Locale::Ru => format!(
            "Мероприятия, включённые в{NBSP}отчёт, по{NBSP}статусу выполнения: {counts}; всего{NBSP}— {total}. Те{NBSP}же сведения{NBSP}— в{NBSP}таблице ниже."
        ),
        Locale::En => format!(
            "Steps in the report by status: {counts}; {total} in all. The table below gives the same figures."
        ),
    };
    Some(StatusChart {
        id: "report-status".into(),
        title: rl.chart_status.into(),
        alt,
        parts: statuses
            .iter()
            .map(|s| StatusPart {
                label: upper_first(&s.label),
                count: s.count,
            })
            .collect(),
    })
}

/// The position of a status in [`ReportLabels::statuses`].
fn status_index(s: ProgressStatus) -> usize {
    match s {
        ProgressStatus::NotStarted => 0,
        ProgressStatus::InProgress => 1,
        ProgressStatus::Done => 2,
        ProgressStatus::Late => 3,
        ProgressStatus::Cancelled => 4,
    }
}

/// The printed word of a status key of [`STATUSES`].
fn status_label(key: &str, rl: &ReportLabels) -> String {
    match key {
        "not_started" => rl.statuses[0],
        "in_progress" => rl.statuses[1],
        "done" => rl.statuses[2],
        "late" => rl.statuses[3],
        "cancelled" => rl.statuses[4],
        _ => rl.status_no_data,
    }
    .to_owned()
}

/// Fact in percent of plan: fact ÷ plan where more is better, plan ÷ fact where less is; `None`
/// when the divisor is zero (or a value is not a number).
pub(crate) fn percent_of_plan(plan: f64, fact: f64, direction: Direction) -> Option<f64> {
    let (num, den) = match direction {
        Direction::Up => (fact, plan),
        Direction::Down => (plan, fact),
    };
    let p = num / den * 100.0;
    (den != 0.0 && p.is_finite()).then_some(p)
}

/// How a report sees one step: whether it lists it, with which deadline and status.
struct Seen<'a> {
    deadline: Option<Deadline>,
    progress: Option<&'a Progress>,
    overdue: bool,
    carried_over: bool,
}

impl<'a> Seen<'a> {
    /// The step as the report for `period` sees it, or `None` when the report does not list it
    /// (due later, or done or cancelled in an earlier year).
    fn of(step: &'a Step, period: ReportPeriod) -> Option<Seen<'a>> {
        let (start, end) = (span_start(period), period.end_date());
        let deadline = step
            .deadline
            .as_ref()
            .and_then(|raw| Deadline::parse(&raw.0).ok());
        let (first, last, recurring, timeless) = occurrence(deadline, period.year, end);
        let progress = step
            .progress_as_of(period)
            .filter(|(p, _)| !recurring || p.year == period.year)
            .map(|(_, entry)| entry);
        let finished = progress
            .is_some_and(|p| matches!(p.status, ProgressStatus::Done | ProgressStatus::Cancelled));
        let carried_over = last < start;
        if first > end || (carried_over && finished) {
            return None;
        }
        Some(Seen {
            deadline,
            progress,
            overdue: !finished
                && (progress.is_some_and(|p| p.status == ProgressStatus::Late)
                    || (!timeless && last <= end)),
            carried_over,
        })
    }
}

/// The first and last day of a deadline's occurrence in `year` (for a recurring one) or of its
/// own span, whether it recurs, and whether it is never overdue (`permanent`, no deadline).
/// `end` is the last day of the report: a quarterly or monthly step's occurrence is the
/// quarter or month it ends in.
fn occurrence(deadline: Option<Deadline>, year: i32, end: Date) -> (Date, Date, bool, bool) {
    let whole = (Date::first_of_year(year), Date::last_of_year(year));
    let quarter = |q: u8| {
        (
            Date {
                year,
                month: q * 3 - 2,
                day: 1,
            },
            Date::end_of_month(year, q * 3),
        )
    };
    match deadline {
        None | Some(Deadline::Permanent) => (whole.0, whole.1, true, true),
        Some(Deadline::Annually) => (whole.0, whole.1, true, false),
        Some(Deadline::AnnuallyQuarter(q)) => {
            let (a, b) = quarter(q);
            (a, b, true, false)
        }
        Some(Deadline::AnnuallyBy { month, day }) => {
            let d = Date { year, month, day };
            (d, d, true, false)
        }
        Some(Deadline::Quarterly) => {
            let (_, b) = quarter(end.month.div_ceil(3));
            (whole.0, b, true, false)
        }
        Some(Deadline::Monthly) => (whole.0, Date::end_of_month(year, end.month), true, false),
        Some(d) => {
            let (a, b) = d.span((year, year));
            (a, b, false, false)
        }
    }
}

/// Money planned for the report's year and spent by the end of its period, by source, in
/// units of 10^-decimals thousand roubles so that the printed parts add up to the totals.
struct Money {
    decimals: usize,
    /// (planned, spent) by source.
    by_source: BTreeMap<FundingSource, (i128, i128)>,
}

impl Money {
    fn of(a: &Assembler<'_>, period: ReportPeriod) -> Money {
        let year = period.year;
        let steps: Vec<&Step> = a.steps_of.values().flat_map(|sf| &sf.steps).collect();
        let mut planned: Vec<(FundingSource, f64)> = Vec::new();
        let mut spent: Vec<(FundingSource, f64)> = Vec::new();
        for step in &steps {
            for f in step
                .funding
                .iter()
                .filter(|f| f.source != FundingSource::None)
            {
                if let Some(amount) = f.amounts.get(&year) {
                    planned.push((f.source, *amount));
                }
            }
            spent.extend(spent_in(step, period));
        }
        let decimals = planned
            .iter()
            .chain(&spent)
            .map(|(_, x)| decimals(*x))
            .fold(1, usize::max)
            .min(AMOUNT_DECIMALS);
        let units = |x: f64| (x * 10f64.powi(decimals as i32)).round() as i128;
        let mut by_source: BTreeMap<FundingSource, (i128, i128)> = BTreeMap::new();
        for (s, x) in planned {
            by_source.entry(s).or_default().0 += units(x);
        }
        for (s, x) in spent {
            by_source.entry(s).or_default().1 += units(x);
        }
        by_source.retain(|_, (p, s)| *p != 0 || *s != 0);
        Money {
            decimals,
            by_source,
        }
    }

    fn totals(&self) -> (i128, i128) {
        self.by_source
            .values()
            .fold((0, 0), |(p, s), (x, y)| (p + x, s + y))
    }

    fn print(&self, units: i128, locale: Locale) -> String {
        typography::money(
            units as f64 / 10f64.powi(self.decimals as i32),
            self.decimals,
            locale,
        )
    }

    fn row(&self, source: String, plan: i128, spent: i128, locale: Locale) -> ResourceRow {
        ResourceRow {
            source,
            plan: self.print(plan, locale),
            spent: self.print(spent, locale),
            percent: if plan > 0 {
                typography::percent(spent as f64 / plan as f64 * 100.0, locale)
            } else {
                DASH.to_owned()
            },
        }
    }
}

/// What a step spent in the report's year by the end of its period, by source: the year's
/// entry when it gives `spent` and the report covers the year, else the quarters' entries.
fn spent_in(step: &Step, period: ReportPeriod) -> Vec<(FundingSource, f64)> {
    let of_year: Vec<(ReportPeriod, &Progress)> = step
        .progress_by_period()
        .filter(|(p, _)| p.year == period.year && p.end_date() <= period.end_date())
        .collect();
    if let Some((_, year)) = of_year
        .iter()
        .find(|(p, e)| p.quarter.is_none() && !e.spent.is_empty())
    {
        return year.spent.iter().map(|(s, x)| (*s, *x)).collect();
    }
    of_year
        .iter()
        .filter(|(p, _)| p.quarter.is_some())
        .flat_map(|(_, e)| e.spent.iter().map(|(s, x)| (*s, *x)))
        .filter(|(s, _)| *s != FundingSource::None)
        .collect()
}

/// The numbers the summary says.
struct SummaryCounts<'a> {
    due: usize,
    carried: usize,
    statuses: &'a [StatusCount],
    overdue: usize,
    indicators: usize,
    measured: usize,
    reached: usize,
    plan: String,
    spent: String,
    percent: Option<String>,
    /// Some money is planned or spent in the year.
    funded: bool,
    /// The sources, when there is more than one.
    sources: &'a [ResourceRow],
    year: i32,
    locale: Locale,
    rl: &'static ReportLabels,
}

/// «, в том числе: областной бюджет — 55,0 из 180,0 (30,6 %); …», or nothing.
fn by_source(rows: &[ResourceRow], locale: Locale) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = rows
        .iter()
        .map(|r| match locale {
            Locale::Ru => format!(
                "{}{NBSP}— {} из{NBSP}{} ({})",
                r.source, r.spent, r.plan, r.percent
            ),
            Locale::En => format!("{}: {} of {} ({})", r.source, r.spent, r.plan, r.percent),
        })
        .collect();
    match locale {
        Locale::Ru => format!(", в{NBSP}том числе: {}", parts.join("; ")),
        Locale::En => format!(", of which {}", parts.join("; ")),
    }
}

/// The sentences of the summary.
fn summary_lines(c: &SummaryCounts<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let by_status = c
        .statuses
        .iter()
        .map(|s| match c.locale {
            Locale::Ru => format!("{}{NBSP}— {}", s.label, s.count),
            Locale::En => format!("{}: {}", s.label, s.count),
        })
        .collect::<Vec<_>>()
        .join(", ");
    match c.locale {
        Locale::Ru => {
            let mut line = format!(
                "Мероприятий со сроком исполнения в{NBSP}отчётном периоде: {}",
                c.due
            );
            if c.carried > 0 {
                line.push_str(&format!(
                    "; кроме того, не{NBSP}выполнено в{NBSP}срок мероприятий прошлых лет: {}",
                    c.carried
                ));
            }
            line.push('.');
            out.push(line);
            if !by_status.is_empty() {
                out.push(if c.carried > 0 {
                    format!("С{NBSP}учётом мероприятий прошлых лет: {by_status}.")
                } else {
                    format!("Из{NBSP}них: {by_status}.")
                });
            }
            out.push(format!(
                "Не{NBSP}выполнено в{NBSP}срок мероприятий: {}.",
                c.overdue
            ));
            if c.indicators > 0 {
                let mut line = format!(
                    "Достигнуты значения {} из{NBSP}{} целевых показателей",
                    c.reached, c.indicators
                );
                if c.measured < c.indicators {
                    line.push_str(&format!(
                        " (по{NBSP}{} нет данных)",
                        c.indicators - c.measured
                    ));
                }
                line.push('.');
                out.push(line);
            }
            let percent = c
                .percent
                .as_ref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            if c.funded {
                out.push(format!(
                "Использовано {}{NBSP}{} из{NBSP}{}{NBSP}{}, предусмотренных на{NBSP}{}{NBSP}год{percent}{}.",
                c.spent, c.rl.unit, c.plan, c.rl.unit, c.year, by_source(c.sources, c.locale)
            ));
            } else {
                out.push(c.rl.no_funding.to_owned());
            }
        }
        Locale::En => {
            let mut line = format!("Steps due in the reporting period: {}", c.due);
            if c.carried > 0 {
                line.push_str(&format!(
                    "; steps of earlier years not done on time: {}",
                    c.carried
                ));
            }
            line.push('.');
            out.push(line);
            if !by_status.is_empty() {
                out.push(if c.carried > 0 {
                    format!("With the steps of earlier years: {by_status}.")
                } else {
                    format!("Of them: {by_status}.")
                });
            }
            out.push(format!("Steps not done on time: {}.", c.overdue));
            if c.indicators > 0 {
                let mut line = format!(
                    "Target indicators reached: {} of {}",
                    c.reached, c.indicators
                );
                if c.measured < c.indicators {
                    line.push_str(&format!(" (no data for {})", c.indicators - c.measured));
                }
                line.push('.');
                out.push(line);
            }
            let percent = c
                .percent
                .as_ref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            if c.funded {
                out.push(format!(
                    "Spent {}{NBSP}{} of the {}{NBSP}{} planned for {}{percent}{}.",
                    c.spent,
                    c.rl.unit,
                    c.plan,
                    c.rl.unit,
                    c.year,
                    by_source(c.sources, c.locale)
                ));
            } else {
                out.push(c.rl.no_funding.to_owned());
            }
        }
    }
    out
}

impl Report {
    /// Every table of the report, in order.
    pub fn tables(&self) -> Vec<&TableFacts> {
        vec![
            &self.charts.status_table,
            &self.steps.table,
            &self.overdue.table,
            &self.indicators.table,
            &self.resources.table,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_part_of_the_year() {
        let ru =
            |p: &str| period_words(ReportPeriod::parse(p).unwrap(), Locale::Ru).replace(NBSP, " ");
        assert_eq!(ru("2027"), "за 2027 год");
        assert_eq!(ru("2027-Q1"), "за I квартал 2027 года");
        assert_eq!(ru("2027-Q2"), "за полугодие 2027 года");
        assert_eq!(ru("2027-Q3"), "за 9 месяцев 2027 года");
        assert_eq!(ru("2027-Q4"), "за 2027 год");
        assert_eq!(
            period_words(ReportPeriod::quarter(2027, 3), Locale::En),
            "for the first nine months of 2027"
        );
    }

    #[test]
    fn percent_of_plan_turns_for_indicators_where_less_is_better() {
        assert_eq!(percent_of_plan(100.0, 104.0, Direction::Up), Some(104.0));
        assert_eq!(percent_of_plan(10.0, 8.0, Direction::Down), Some(125.0));
        assert_eq!(percent_of_plan(0.0, 5.0, Direction::Up), None);
        assert_eq!(percent_of_plan(3.0, 0.0, Direction::Down), None);
    }

    fn bars(n: &str, plan: f64, fact: Option<f64>, down: bool) -> IndicatorBars {
        let direction = if down { Direction::Down } else { Direction::Up };
        IndicatorBars {
            number: n.into(),
            name: format!("Показатель {n}"),
            unit: "ед.".into(),
            plan,
            fact,
            down,
            percent: fact.and_then(|f| percent_of_plan(plan, f, direction)),
        }
    }

    #[test]
    fn the_plan_chart_draws_percents_against_the_plan_line() {
        let rl = Locale::Ru.report_labels();
        let one = plan_fact_chart(
            &[bars("1", 10.0, Some(9.0), false)],
            ReportPeriod::parse("2027-Q3").unwrap(),
            rl,
            Locale::Ru,
        )
        .unwrap();
        assert_eq!(
            one.alt.replace(NBSP, " "),
            "Факт в процентах от плана по 1 целевому показателю за 9 месяцев 2027 года; план — 100 %. План выполнен или перевыполнен по 0, не выполнен по 1. Те же сведения — в таблице ниже."
        );
        assert_eq!(one.series.len(), 1);
        assert_eq!(one.series[0].values, [Some(90.0)]);
        assert_eq!(one.reference.as_ref().map(|r| r.value), Some(100.0));
        // Less is better: plan ÷ fact; a plan of 0 has no percent and draws no bar.
        let all = [
            bars("1", 100.0, Some(104.0), false),
            bars("2", 10.0, Some(8.0), true),
            bars("3", 0.0, Some(12.0), false),
            bars("4", 5.0, None, false),
        ];
        let en = plan_fact_chart(
            &all,
            ReportPeriod::parse("2027").unwrap(),
            Locale::En.report_labels(),
            Locale::En,
        )
        .unwrap();
        assert_eq!(
            en.alt.replace(NBSP, " "),
            "Actual values in percent of the plan for 4 target indicators for 2027; the plan is 100%; where less is better (*), the plan divided by the actual value. The plan was met or exceeded for 2, missed for 0, not computed for 2; from 104.0% (indicator 1) to 125.0% (indicator 2). The table below gives the same figures."
        );
        assert_eq!(en.categories[1], "2*. Показатель 2");
        assert_eq!(en.series[0].values, [Some(104.0), Some(125.0), None, None]);
        assert_eq!(en.series[0].shown[2], DASH);
        assert!(
            plan_fact_chart(&[], ReportPeriod::parse("2027").unwrap(), rl, Locale::Ru).is_none()
        );
    }

    #[test]
    fn the_status_chart_counts_and_capitalises() {
        let rl = Locale::Ru.report_labels();
        let counts = [
            StatusCount {
                status: "done",
                label: "выполнено".into(),
                count: 3,
            },
            StatusCount {
                status: "no_data",
                label: "сведения не представлены".into(),
                count: 1,
            },
        ];
        let c = status_chart(&counts, rl, Locale::Ru).unwrap();
        assert_eq!(c.parts[0].label, "Выполнено");
        assert_eq!(
            c.alt.replace(NBSP, " "),
            "Мероприятия, включённые в отчёт, по статусу выполнения: выполнено — 3, сведения не представлены — 1; всего — 4. Те же сведения — в таблице ниже."
        );
        assert!(status_chart(&[], rl, Locale::Ru).is_none());
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn recurring_deadlines_occur_in_the_reports_year() {
        let end = d("2027-09-30");
        let at = |s: &str| {
            let (a, b, rec, timeless) = occurrence(Some(Deadline::parse(s).unwrap()), 2027, end);
            (a, b, rec, timeless)
        };
        assert_eq!(
            at("annually Q2"),
            (d("2027-04-01"), d("2027-06-30"), true, false)
        );
        assert_eq!(
            at("annually by 02-01"),
            (d("2027-02-01"), d("2027-02-01"), true, false)
        );
        assert_eq!(
            at("quarterly"),
            (d("2027-01-01"), d("2027-09-30"), true, false)
        );
        assert_eq!(
            at("monthly"),
            (d("2027-01-01"), d("2027-09-30"), true, false)
        );
        assert!(at("permanent").3);
        assert_eq!(
            at("2027-Q3..Q4"),
            (d("2027-07-01"), d("2027-12-31"), false, false)
        );
        assert!(occurrence(None, 2027, end).3);
    }

    /// The steps of a steps file written as YAML.
    fn steps(yaml: &str) -> Vec<Step> {
        let mut tree = crate::yaml::parse(yaml, crate::yaml::Limits::default()).unwrap();
        crate::yaml::from_items(&mut tree).unwrap()
    }

    #[test]
    fn what_a_report_lists_and_calls_overdue() {
        let s = steps(
            "- {id: a, title: t, deadline: 2027-Q3..Q4, progress: {2027-Q3: {status: late}}}\n\
             - {id: b, title: t, deadline: by 2027-03-01, progress: {2027-Q1: {status: done}}}\n\
             - {id: c, title: t, deadline: by 2027-03-01, progress: {2027-Q1: {status: in_progress}}}\n\
             - {id: d, title: t, deadline: permanent}\n\
             - {id: e, title: t, deadline: annually Q1, progress: {2027-Q1: {status: done}}}\n",
        );
        let seen = |i: usize, period: &str| {
            Seen::of(&s[i], ReportPeriod::parse(period).unwrap())
                .map(|x| (x.overdue, x.carried_over))
        };
        // Late by its executor's word before its deadline: overdue all the same.
        assert_eq!(seen(0, "2027-Q2"), None, "not due before the third quarter");
        assert_eq!(seen(0, "2027-Q3"), Some((true, false)));
        // Done in time: listed, not overdue; gone from the next year's report.
        assert_eq!(seen(1, "2027-Q1"), Some((false, false)));
        assert_eq!(seen(1, "2028"), None);
        // Not done by its deadline: overdue, and carried over into the next year.
        assert_eq!(seen(2, "2027-Q1"), Some((true, false)));
        assert_eq!(seen(2, "2028"), Some((true, true)));
        // `permanent` is never overdue.
        assert_eq!(seen(3, "2027"), Some((false, false)));
        // A recurring step done last year is due again, and overdue once its quarter passed.
        assert_eq!(seen(4, "2027-Q1"), Some((false, false)));
        assert_eq!(seen(4, "2028"), Some((true, false)));
    }
}
