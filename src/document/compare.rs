//! The comparison of two drafts (`nko-draft diff`): what changed between two assembled
//! [`Document`]s, one row per change, as the documents print it.
//!
//! Both sides are view models, so every value is compared and shown exactly as the programme
//! prints it: deadlines, organisations, money. Elements are matched by what they are, not by
//! where they stand: steps, indicators and participants by id, tasks by their case, passport
//! rows by label, resources by source and year, goals, results and risks by their text (a
//! longest common subsequence, so an item inserted at the top does not change every item after
//! it). A step or an indicator that only got another number (one inserted before it, steps
//! reordered, cases renumbered) has not changed, and a step's indicators are compared by id,
//! not by their printed numbers.
//!
//! A [`Comparison`] is the single input of every renderer of the comparison table; like the
//! [`Document`], it is final: the renderers only print it.

use std::collections::HashMap;

use serde::Serialize;

use super::{Document, StepGroup, StepRow, TableFacts};
use crate::deadline::Deadline;
use crate::locale::labels::ComparisonLabels;
use crate::locale::words;
use crate::locale::{Locale, typography};
use crate::model::{Date, StepStatus};

/// One side of a comparison: a document and where it comes from.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The assembled programme.
    pub doc: &'a Document,
    /// Where it was read, as the reader of the table should see it: a git revision
    /// («HEAD~1, a1b2c3d») or a folder; `None` says nothing more than the date.
    pub source: Option<&'a str>,
}

/// The comparison table of two drafts.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// Language tag of the table: the new draft's.
    pub lang: &'static str,
    /// Fixed words of the table.
    pub labels: &'static ComparisonLabels,
    /// «Сравнительная таблица изменений проекта Программы».
    pub title: String,
    /// The programme's title, as the new draft prints it.
    pub programme: String,
    /// «Предыдущая редакция: проект от 28 ноября 2026 г. (HEAD~1, a1b2c3d)».
    pub old_label: String,
    /// «Новая редакция: проект от 15 декабря 2026 г.».
    pub new_label: String,
    /// One row per change, in the order of the document.
    pub rows: Vec<ChangeRow>,
    /// The counts.
    pub summary: Summary,
    /// The new draft's date (the PDF's date).
    pub date: Date,
    /// The new draft's responsible organisation: the author in the DOCX's properties.
    pub author: String,
    /// Language and region of the table, `ru-RU` (the DOCX's).
    pub language: &'static str,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// What happened to an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// It is new: «Было» is empty.
    Added,
    /// It is gone: «Стало» is empty.
    Removed,
    /// It is printed differently.
    Changed,
}

/// A row of the comparison table.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeRow {
    /// «1», «2», … in the table.
    pub number: String,
    /// «Мероприятие 2.3, срок исполнения», «Показатель 4, 2028 год».
    pub element: String,
    /// What stood before, one item a line; the empty mark («—») when it was added.
    pub before: Vec<String>,
    /// What stands now, one item a line; the empty mark when it was removed.
    pub after: Vec<String>,
    /// `before` on one line, for formats whose cells cannot hold lines (Markdown).
    pub before_inline: String,
    /// `after` on one line.
    pub after_inline: String,
    /// Whether the element was added, removed or changed.
    pub change: Change,
    /// Whether the element is a whole step (added or removed), for the counts.
    #[serde(skip)]
    step: bool,
}

/// How many changes, and of which kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Rows of the table.
    pub total: usize,
    /// Steps added.
    pub steps_added: usize,
    /// Steps removed.
    pub steps_removed: usize,
    /// Every other row: a field of a step, an indicator, a passport row, …
    pub changed: usize,
}

impl Comparison {
    /// True when the drafts print the same.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Compares two drafts. The table's own words are in `locale`, by default the new draft's
/// language (the terminal asks for the interface's); the values are as the drafts print them.
pub fn compare(old: Side<'_>, new: Side<'_>, locale: Option<Locale>) -> Comparison {
    let locale = locale.unwrap_or(if new.doc.lang == Locale::En.tag() {
        Locale::En
    } else {
        Locale::Ru
    });
    let l = locale.comparison_labels();
    let mut t = Table {
        l,
        locale,
        rows: Vec::new(),
    };
    t.title_page(old.doc, new.doc);
    t.passport(old.doc, new.doc);
    t.list(&old.doc.goals.goals, &new.doc.goals.goals, l.goal);
    t.tasks(old.doc, new.doc);
    t.list(&old.doc.goals.results, &new.doc.goals.results, l.result);
    t.steps(old.doc, new.doc);
    t.indicators(old.doc, new.doc);
    t.resources(old.doc, new.doc);
    let risks = |d: &Document| -> Vec<String> {
        d.risks.as_ref().map_or_else(Vec::new, |r| {
            r.rows
                .iter()
                .map(|r| format!("{}\u{a0}— {}", r.risk, r.mitigation))
                .collect()
        })
    };
    t.list(&risks(old.doc), &risks(new.doc), l.risk);
    t.abbreviations(old.doc, new.doc);
    t.participants(old.doc, new.doc);
    let mut rows = t.rows;
    let mut summary = Summary {
        total: rows.len(),
        ..Summary::default()
    };
    for (i, row) in rows.iter_mut().enumerate() {
        row.number = (i + 1).to_string();
        match (row.step, row.change) {
            (true, Change::Added) => summary.steps_added += 1,
            (true, Change::Removed) => summary.steps_removed += 1,
            _ => summary.changed += 1,
        }
    }
    let title = l.title.to_owned();
    Comparison {
        lang: locale.tag(),
        labels: l,
        programme: new.doc.title_block.title.clone(),
        old_label: side_label(l.old, old, locale),
        new_label: side_label(l.new, new, locale),
        summary,
        date: new.doc.meta.date,
        author: new.doc.meta.author.clone(),
        language: locale.region_tag(),
        table: TableFacts {
            id: "comparison".to_owned(),
            caption: None,
            heading: title.clone(),
            row_groups: Vec::new(),
            cell_lists: rows
                .iter()
                .flat_map(|r| {
                    [(l.col_before, &r.before), (l.col_after, &r.after)]
                        .into_iter()
                        .filter(|(_, items)| items.len() > 1)
                        .map(|(column, items)| super::CellList {
                            row: r.number.clone(),
                            column: column.to_owned(),
                            ordered: false,
                            items: items.clone(),
                        })
                })
                .collect(),
        },
        title,
        rows,
    }
}

/// «Предыдущая редакция: проект от 28 ноября 2026 г. (HEAD~1, a1b2c3d)».
fn side_label(which: &str, side: Side<'_>, locale: Locale) -> String {
    let l = locale.comparison_labels();
    let of = if side.doc.meta.draft {
        l.draft_of
    } else {
        l.version_of
    };
    // A draft with a revision is named by it, as its title page names it.
    let mut s = match &side.doc.title_block.revision {
        Some(revision) => format!("{which}: {} {revision}", l.draft),
        None => format!(
            "{which}: {of} {}",
            Deadline::On(side.doc.meta.date).render(locale)
        ),
    };
    if let Some(source) = side.source {
        s.push_str(&format!(" ({source})"));
    }
    s
}

/// The rows as they are found, numbered at the end.
struct Table {
    l: &'static ComparisonLabels,
    locale: Locale,
    rows: Vec<ChangeRow>,
}

/// How two printed values are compared: as they read, except that an amount of money is the
/// same amount whatever its decimals (the document prints every amount with as many decimals
/// as the finest amount of the programme has, so one new amount of 0,25 turns every 400,0
/// into 400,00 without changing any).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Compare {
    Text,
    Money,
}

impl Compare {
    fn same(self, a: &[String], b: &[String]) -> bool {
        match self {
            Compare::Text => a == b,
            Compare::Money => {
                a.len() == b.len() && a.iter().zip(b).all(|(a, b)| money_key(a) == money_key(b))
            }
        }
    }
}

/// A text with the trailing zeros of every decimal fraction removed («620,00» and «620,0»
/// read «620»; «0,50» reads «0,5»).
fn money_key(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let fraction = matches!(c, ',' | '.')
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if fraction {
            let mut end = i + 1;
            while end < chars.len() && chars[end].is_ascii_digit() {
                end += 1;
            }
            let digits: String = chars[i + 1..end].iter().collect();
            let digits = digits.trim_end_matches('0');
            if !digits.is_empty() {
                out.push(c);
                out.push_str(digits);
            }
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

impl Table {
    /// A row for `element` unless both sides print the same. An empty side is the empty mark.
    fn push(&mut self, element: String, before: Vec<String>, after: Vec<String>, how: Compare) {
        if how.same(&before, &after) {
            return;
        }
        let change = match (before.is_empty(), after.is_empty()) {
            (true, _) => Change::Added,
            (_, true) => Change::Removed,
            _ => Change::Changed,
        };
        self.rows
            .push(self.row(element, before, after, change, false));
    }

    /// A whole step added or removed.
    fn push_step(&mut self, element: String, before: Vec<String>, after: Vec<String>) {
        let change = if before.is_empty() {
            Change::Added
        } else {
            Change::Removed
        };
        self.rows
            .push(self.row(element, before, after, change, true));
    }

    fn row(
        &self,
        element: String,
        before: Vec<String>,
        after: Vec<String>,
        change: Change,
        step: bool,
    ) -> ChangeRow {
        let side = |items: Vec<String>| {
            if items.is_empty() {
                vec![self.l.nothing.to_owned()]
            } else {
                items
            }
        };
        let (before, after) = (side(before), side(after));
        ChangeRow {
            number: String::new(),
            element,
            before_inline: super::sections::inline(&before),
            after_inline: super::sections::inline(&after),
            before,
            after,
            change,
            step,
        }
    }

    /// «Паспорт: Соисполнители». The rows that repeat a section compared on its own (goals,
    /// tasks, indicators, funding, results) are left to that section.
    /// The mark of the title page: «ПРОЕКТ», or the approval stamp once approved.
    fn title_page(&mut self, old: &Document, new: &Document) {
        let mark = |d: &Document| -> Vec<String> {
            match (&d.title_block.approval, d.title_block.draft) {
                (Some(stamp), _) => vec![stamp.inline.clone()],
                (None, Some(draft)) => vec![draft.to_owned()],
                (None, None) => Vec::new(),
            }
        };
        let element = self.l.title_page_status.to_owned();
        self.push(element, mark(old), mark(new), Compare::Text);
    }

    fn passport(&mut self, old: &Document, new: &Document) {
        let dl = new.labels;
        let own = [
            dl.p_goals,
            dl.p_tasks,
            dl.p_indicators,
            dl.p_funding,
            dl.p_results,
        ];
        let rows = |d: &Document| -> Vec<(&'static str, Vec<String>)> {
            d.passport
                .rows
                .iter()
                .filter(|r| !own.contains(&r.label))
                .map(|r| (r.label, r.items.clone()))
                .collect()
        };
        let (old_rows, new_rows) = (rows(old), rows(new));
        for (label, before, after) in by_key(&old_rows, &new_rows) {
            let element = format!("{}: {label}", self.l.passport);
            self.push(element, before, after, Compare::Text);
        }
    }

    /// Items without ids (goals, results, risks): matched by text, so that an item inserted or
    /// removed leaves the others alone; an item that replaces another in the same place has
    /// changed. Numbered as the new draft numbers them, a removed one as the old did.
    fn list(&mut self, old: &[String], new: &[String], what: &str) {
        for op in align(old, new) {
            let (number, before, after) = match op {
                Op::Same => continue,
                Op::Changed(i, j) => (j + 1, vec![old[i].clone()], vec![new[j].clone()]),
                Op::Added(j) => (j + 1, Vec::new(), vec![new[j].clone()]),
                Op::Removed(i) => (i + 1, vec![old[i].clone()], Vec::new()),
            };
            self.push(format!("{what} {number}"), before, after, Compare::Text);
        }
    }

    /// Tasks, matched by their case: renumbering the cases changes no task.
    fn tasks(&mut self, old: &Document, new: &Document) {
        let old_tasks = &old.goals.task_ids;
        let new_tasks = &new.goals.task_ids;
        for (j, (case, text)) in new_tasks.iter().enumerate() {
            let before = old_tasks
                .iter()
                .find(|(c, _)| c == case)
                .map(|(_, t)| vec![t.clone()])
                .unwrap_or_default();
            let element = format!("{} {}", self.l.task, j + 1);
            self.push(element, before, vec![text.clone()], Compare::Text);
        }
        for (i, (case, text)) in old_tasks.iter().enumerate() {
            if !new_tasks.iter().any(|(c, _)| c == case) {
                let element = format!("{} {}", self.l.task, i + 1);
                self.push(element, vec![text.clone()], Vec::new(), Compare::Text);
            }
        }
    }

    /// Steps, matched by id: added and removed whole, changed field by field.
    fn steps(&mut self, old: &Document, new: &Document) {
        let old_steps = steps_of(old);
        let by_id: HashMap<&str, &(&StepGroup, &StepRow)> =
            old_steps.iter().map(|s| (s.1.id.as_str(), s)).collect();
        let new_steps = steps_of(new);
        for (group, row) in &new_steps {
            let element = format!("{} {}", self.l.step, row.number);
            let Some((old_group, old_row)) = by_id.get(row.id.as_str()) else {
                let summary = self.step_summary(new, row);
                self.push_step(element, Vec::new(), summary);
                continue;
            };
            let l = self.l;
            let field = |name: &str| format!("{element}, {name}");
            let one = |s: &str| vec![s.to_owned()];
            self.push(
                field(l.step_title),
                one(&old_row.title),
                one(&row.title),
                Compare::Text,
            );
            if old_group.case != group.case {
                self.push(
                    field(l.step_task),
                    one(&old_group.label),
                    one(&group.label),
                    Compare::Text,
                );
            }
            self.push(
                field(l.step_status),
                one(self.status(old_row.status)),
                one(self.status(row.status)),
                Compare::Text,
            );
            for (name, before, after) in [
                (l.step_deadline, &old_row.deadline, &row.deadline),
                (l.step_responsible, &old_row.responsible, &row.responsible),
                (l.step_partners, &old_row.partners, &row.partners),
            ] {
                self.push(field(name), one(before), one(after), Compare::Text);
            }
            self.push(
                field(l.step_funding),
                old_row.funding.clone(),
                row.funding.clone(),
                Compare::Money,
            );
            self.push(
                field(l.step_result),
                one(&old_row.result),
                one(&row.result),
                Compare::Text,
            );
            if old_row.indicator_ids != row.indicator_ids {
                self.push(
                    field(l.step_indicators),
                    one(&old_row.indicators),
                    one(&row.indicators),
                    Compare::Text,
                );
            }
            self.push(
                field(l.step_description),
                description(old, old_row),
                description(new, row),
                Compare::Text,
            );
        }
        for (_, row) in &old_steps {
            if !new_steps.iter().any(|(_, r)| r.id == row.id) {
                let element = format!("{} {}", self.l.step, row.number);
                let summary = self.step_summary(old, row);
                self.push_step(element, summary, Vec::new());
            }
        }
    }

    fn status(&self, status: StepStatus) -> &'static str {
        match status {
            StepStatus::Agreed => self.l.statuses[0],
            StepStatus::Proposed => self.l.statuses[1],
            StepStatus::Disputed => self.l.statuses[2],
        }
    }

    /// A whole step, one field a line: its title, then each field that says something.
    /// The number says which task the step serves: the task is not repeated.
    fn step_summary(&self, doc: &Document, row: &StepRow) -> Vec<String> {
        let l = self.l;
        let dash = super::assemble::DASH;
        let mut out = vec![row.title.clone()];
        let mut field = |name: &str, value: &str| {
            if !value.is_empty() && value != dash {
                out.push(format!("{name}: {value}"));
            }
        };
        if row.status != StepStatus::Agreed {
            field(l.step_status, self.status(row.status));
        }
        field(l.step_deadline, &row.deadline);
        field(l.step_responsible, &row.responsible);
        field(l.step_partners, &row.partners);
        field(l.step_funding, &row.funding_inline);
        field(l.step_result, &row.result);
        field(l.step_indicators, &row.indicators);
        for d in description(doc, row) {
            field(l.step_description, &d);
        }
        out
    }

    /// Indicators, matched by id: name, unit, baseline, responsible and each year's target.
    fn indicators(&mut self, old: &Document, new: &Document) {
        let l = self.l;
        let old_years = &old.indicators.years;
        let new_years = &new.indicators.years;
        let years: Vec<&String> = new_years
            .iter()
            .chain(old_years.iter().filter(|y| !new_years.contains(y)))
            .collect();
        let target = |years: &[String], targets: &[String], year: &str| -> Vec<String> {
            years
                .iter()
                .position(|y| y == year)
                .and_then(|i| targets.get(i))
                .map(|t| vec![t.clone()])
                .unwrap_or_default()
        };
        let locale = self.locale;
        let year_name = move |y: &str| {
            y.parse::<i32>()
                .map_or_else(|_| y.to_owned(), |y| words::year(y, locale))
        };
        for row in &new.indicators.rows {
            let element = format!("{} {}", l.indicator, row.number);
            let Some(old_row) = old.indicators.rows.iter().find(|r| r.id == row.id) else {
                let mut after = vec![
                    row.name.clone(),
                    format!("{}: {}", l.indicator_unit, row.unit),
                    format!("{}: {}", l.indicator_baseline, row.baseline),
                ];
                for (y, t) in new_years.iter().zip(&row.targets) {
                    after.push(format!("{}: {t}", year_name(y)));
                }
                after.push(format!("{}: {}", l.indicator_responsible, row.responsible));
                self.push(element, Vec::new(), after, Compare::Text);
                continue;
            };
            for (name, before, after) in [
                (l.indicator_name, &old_row.name, &row.name),
                (l.indicator_unit, &old_row.unit, &row.unit),
                (l.indicator_baseline, &old_row.baseline, &row.baseline),
            ] {
                self.push(
                    format!("{element}, {name}"),
                    vec![before.clone()],
                    vec![after.clone()],
                    Compare::Text,
                );
            }
            for year in &years {
                self.push(
                    format!("{element}, {}", year_name(year)),
                    target(old_years, &old_row.targets, year),
                    target(new_years, &row.targets, year),
                    Compare::Text,
                );
            }
            self.push(
                format!("{element}, {}", l.indicator_responsible),
                vec![old_row.responsible.clone()],
                vec![row.responsible.clone()],
                Compare::Text,
            );
        }
        for row in &old.indicators.rows {
            if !new.indicators.rows.iter().any(|r| r.id == row.id) {
                let element = format!("{} {}", l.indicator, row.number);
                self.push(element, vec![row.name.clone()], Vec::new(), Compare::Text);
            }
        }
    }

    /// Resources: each source's amount in each year and over all years, and the totals.
    fn resources(&mut self, old: &Document, new: &Document) {
        let l = self.l;
        // The resources table has a column per year of the period, as the indicators table.
        let locale = self.locale;
        let rows = |d: &Document| -> Vec<(String, Vec<String>)> {
            let r = &d.resources;
            let years = &d.indicators.years;
            let mut out = Vec::new();
            for (row, name) in r
                .rows
                .iter()
                .map(|row| (row, row.source.clone()))
                .chain(r.total.iter().map(|t| (t, l.total_row.to_owned())))
            {
                for (year, amount) in years.iter().zip(&row.amounts) {
                    let year = year
                        .parse::<i32>()
                        .map_or_else(|_| year.clone(), |y| words::year_short(y, locale));
                    out.push((format!("{name}, {year}"), vec![amount.clone()]));
                }
                out.push((
                    format!("{name}, {}", l.total_column),
                    vec![row.total.clone()],
                ));
            }
            out
        };
        let (old_rows, new_rows) = (rows(old), rows(new));
        for (key, before, after) in by_key(&old_rows, &new_rows) {
            let element = format!("{}: {key}", l.resources);
            self.push(element, before, after, Compare::Money);
        }
    }

    /// Abbreviations, by the abbreviation.
    fn abbreviations(&mut self, old: &Document, new: &Document) {
        let rows = |d: &Document| -> Vec<(String, Vec<String>)> {
            d.abbreviations.as_ref().map_or_else(Vec::new, |a| {
                a.rows
                    .iter()
                    .map(|r| (r.short.clone(), vec![r.full.clone()]))
                    .collect()
            })
        };
        let (old_rows, new_rows) = (rows(old), rows(new));
        for (short, before, after) in by_key(&old_rows, &new_rows) {
            let element = format!(
                "{} {}",
                self.l.abbreviation,
                typography::quote(&short, self.locale)
            );
            self.push(element, before, after, Compare::Text);
        }
    }

    /// Participants as the annex prints them: a participant who is not published is compared
    /// and shown by the words that stand for them («представитель АСИ»), never by name.
    fn participants(&mut self, old: &Document, new: &Document) {
        let rows = |d: &Document| -> Vec<(String, String, Vec<String>)> {
            d.annexes.participants.as_ref().map_or_else(Vec::new, |a| {
                a.rows
                    .iter()
                    .map(|r| {
                        let printed = vec![
                            r.name.clone(),
                            r.position.clone(),
                            r.organisation.clone(),
                            r.role.clone(),
                        ];
                        (r.id.clone(), r.number.clone(), printed)
                    })
                    .collect()
            })
        };
        let (old_rows, new_rows) = (rows(old), rows(new));
        let what = self.l.participant;
        for (id, number, printed) in &new_rows {
            let before = old_rows
                .iter()
                .find(|(i, _, _)| i == id)
                .map(|(_, _, p)| vec![p.join(", ")])
                .unwrap_or_default();
            let after = vec![printed.join(", ")];
            self.push(format!("{what} {number}"), before, after, Compare::Text);
        }
        for (id, number, printed) in &old_rows {
            if !new_rows.iter().any(|(i, _, _)| i == id) {
                let before = vec![printed.join(", ")];
                self.push(
                    format!("{what} {number}"),
                    before,
                    Vec::new(),
                    Compare::Text,
                );
            }
        }
    }
}

/// Every step of a document with its group, in table order.
fn steps_of(doc: &Document) -> Vec<(&StepGroup, &StepRow)> {
    doc.steps
        .groups
        .iter()
        .flat_map(|g| g.steps.iter().map(move |s| (g, s)))
        .collect()
}

/// A step's description as plain text, when it has one.
fn description(doc: &Document, row: &StepRow) -> Vec<String> {
    doc.steps
        .details
        .iter()
        .find(|d| d.number == row.number)
        .map(|d| vec![d.description.plain()])
        .unwrap_or_default()
}

/// Keyed rows of both sides, in the new order, each row that only the old side has right
/// after the row it followed there: key, before and after (empty where the side lacks the key).
fn by_key<K: PartialEq + Clone>(
    old: &[(K, Vec<String>)],
    new: &[(K, Vec<String>)],
) -> Vec<(K, Vec<String>, Vec<String>)> {
    let in_new = |key: &K| new.iter().any(|(k, _)| k == key);
    let mut out = Vec::with_capacity(new.len() + old.len());
    // The old rows up to `next` have been placed.
    let mut next = 0;
    let mut gone_until = |out: &mut Vec<(K, Vec<String>, Vec<String>)>, end: usize| {
        for (k, v) in old.iter().take(end).skip(next) {
            if !in_new(k) {
                out.push((k.clone(), v.clone(), Vec::new()));
            }
        }
        next = next.max(end);
    };
    for (key, after) in new {
        let at = old.iter().position(|(k, _)| k == key);
        if let Some(at) = at {
            gone_until(&mut out, at);
        }
        let before = at.map(|i| old[i].1.clone()).unwrap_or_default();
        out.push((key.clone(), before, after.clone()));
    }
    gone_until(&mut out, old.len());
    out
}

/// How an item of the old list became one of the new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    /// The same text.
    Same,
    /// Old item `i` replaced by new item `j` in the same place.
    Changed(usize, usize),
    /// New item `j`.
    Added(usize),
    /// Old item `i`.
    Removed(usize),
}

/// Aligns two lists by their longest common subsequence; between two items kept, the old and
/// new items left over are paired in order as changes, the rest added or removed.
fn align(old: &[String], new: &[String]) -> Vec<Op> {
    let (n, m) = (old.len(), new.len());
    // lcs[i][j]: the longest common subsequence of old[i..] and new[j..].
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    let (mut gone, mut came) = (Vec::new(), Vec::new());
    let flush = |ops: &mut Vec<Op>, gone: &mut Vec<usize>, came: &mut Vec<usize>| {
        let paired = gone.len().min(came.len());
        for k in 0..paired {
            ops.push(Op::Changed(gone[k], came[k]));
        }
        ops.extend(came[paired..].iter().map(|&j| Op::Added(j)));
        ops.extend(gone[paired..].iter().map(|&i| Op::Removed(i)));
        gone.clear();
        came.clear();
    };
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            flush(&mut ops, &mut gone, &mut came);
            ops.push(Op::Same);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            came.push(j);
            j += 1;
        } else {
            gone.push(i);
            i += 1;
        }
    }
    flush(&mut ops, &mut gone, &mut came);
    ops
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::assemble;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn lists_are_aligned_by_their_common_items() {
        let old = strings(&["a", "b", "c"]);
        assert_eq!(
            align(&old, &strings(&["x", "a", "b", "c"])),
            [Op::Added(0), Op::Same, Op::Same, Op::Same]
        );
        assert_eq!(
            align(&old, &strings(&["a", "c"])),
            [Op::Same, Op::Removed(1), Op::Same]
        );
        assert_eq!(
            align(&old, &strings(&["a", "B", "c", "d"])),
            [Op::Same, Op::Changed(1, 1), Op::Same, Op::Added(3)]
        );
        assert!(align(&[], &[]).is_empty());
    }

    #[test]
    fn rows_only_the_old_side_has_stay_where_they_were() {
        let rows = |keys: &[&str]| -> Vec<(String, Vec<String>)> {
            keys.iter()
                .map(|k| ((*k).to_owned(), vec![(*k).to_owned()]))
                .collect()
        };
        let merged: Vec<String> = by_key(&rows(&["a", "b", "c", "d"]), &rows(&["a", "x", "d"]))
            .into_iter()
            .map(|(k, before, after)| format!("{k}:{}:{}", before.len(), after.len()))
            .collect();
        assert_eq!(merged, ["a:1:1", "x:0:1", "b:1:0", "c:1:0", "d:1:1"]);
    }

    #[test]
    fn an_amount_is_the_same_whatever_its_decimals() {
        assert_eq!(
            money_key("620,00 (2027 г.\u{a0}— 300,0)"),
            "620 (2027 г.\u{a0}— 300)"
        );
        assert_eq!(money_key("0,50"), "0,5");
        assert_eq!(money_key("1.25"), "1.25");
        assert_eq!(money_key("Задача 1. Текст, 2"), "Задача 1. Текст, 2");
    }

    /// The base fixture, assembled, after `edit` changed its input.
    fn doc(edit: impl FnOnce(&mut crate::load::Input)) -> Document {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/base");
        let (mut input, _) = crate::load::load(&root).expect("the base fixture loads");
        edit(&mut input);
        assemble(&input).expect("assembles")
    }

    fn diff(old: &Document, new: &Document) -> Comparison {
        compare(
            Side {
                doc: old,
                source: Some("HEAD~1"),
            },
            Side {
                doc: new,
                source: None,
            },
            None,
        )
    }

    fn elements(c: &Comparison) -> Vec<String> {
        c.rows.iter().map(|r| r.element.clone()).collect()
    }

    #[test]
    fn the_same_draft_has_no_changes() {
        let a = doc(|_| {});
        let c = diff(&a, &a);
        assert!(c.is_empty(), "{:?}", c.rows);
        assert_eq!(c.summary, Summary::default());
        assert_eq!(c.title, "Сравнительная таблица изменений проекта Программы");
        assert_eq!(
            c.old_label,
            "Предыдущая редакция: проект от 28\u{a0}ноября 2026\u{a0}г. (HEAD~1)"
        );
    }

    #[test]
    fn an_approval_is_a_change_of_the_title_page() {
        let old = doc(|_| {});
        let mut new = old.clone();
        new.title_block.draft = None;
        new.title_block.approval = Some(crate::document::ApprovalStamp {
            lines: Vec::new(),
            inline: "УТВЕРЖДЕНА постановлением от 10 февраля 2027 г. № 45-па".to_owned(),
        });
        let c = diff(&old, &new);
        assert_eq!(elements(&c), ["Титульный лист: статус"]);
        assert_eq!(c.rows[0].before, ["ПРОЕКТ"]);
        assert_eq!(
            c.rows[0].after,
            ["УТВЕРЖДЕНА постановлением от 10 февраля 2027 г. № 45-па"]
        );
    }

    #[test]
    fn a_draft_with_a_revision_is_named_by_it() {
        let old = doc(|_| {});
        let mut new = old.clone();
        new.title_block.revision = Some("(редакция от 15\u{a0}декабря 2026\u{a0}г.)".to_owned());
        let c = diff(&old, &new);
        assert_eq!(
            c.new_label,
            "Новая редакция: проект (редакция от 15\u{a0}декабря 2026\u{a0}г.)"
        );
    }

    #[test]
    fn reordering_steps_and_renumbering_cases_change_nothing() {
        let old = doc(|_| {});
        let new = doc(|input| {
            let training = input
                .steps
                .iter_mut()
                .find(|s| s.case == "training")
                .expect("training steps");
            training.steps.reverse();
            for c in &mut input.cases {
                c.case.number = 3 - c.case.number;
            }
            let (_, indicators) = input.indicators.as_mut().expect("indicators");
            indicators.reverse();
        });
        assert_ne!(
            old.steps.groups[0].steps[0].indicators, new.steps.groups[1].steps[1].indicators,
            "the indicators were renumbered"
        );
        let c = diff(&old, &new);
        assert!(c.is_empty(), "{:#?}", c.rows);
    }

    #[test]
    fn a_changed_deadline_and_target_are_one_row_each() {
        let old = doc(|_| {});
        let new = doc(|input| {
            input.steps[0].steps[0].deadline =
                Some(crate::model::RawDeadline("2027-Q4".to_owned()));
            let (_, indicators) = input.indicators.as_mut().expect("indicators");
            indicators[0].targets.insert(2028, 150.0);
        });
        let c = diff(&old, &new);
        assert_eq!(
            elements(&c),
            ["Мероприятие 2.1, срок исполнения", "Показатель 1, 2028 год"],
            "{:#?}",
            c.rows
        );
        assert_eq!(c.rows[0].before, ["до 1\u{a0}июня 2027\u{a0}г."]);
        assert_eq!(c.rows[0].after, ["IV\u{a0}квартал 2027\u{a0}г."]);
        assert_eq!(
            (
                c.rows[1].before_inline.as_str(),
                c.rows[1].after_inline.as_str()
            ),
            ("120", "150")
        );
        assert_eq!(c.summary.changed, 2);
        assert_eq!(c.rows[1].number, "2");
    }

    #[test]
    fn a_step_added_and_one_removed_are_whole_rows() {
        let old = doc(|_| {});
        let new = doc(|input| {
            let training = input
                .steps
                .iter_mut()
                .find(|s| s.case == "training")
                .expect("training steps");
            let mut step = training.steps.remove(1);
            step.id = "training-3".to_owned();
            step.title = "Новая школа".to_owned();
            training.steps.insert(0, step);
        });
        let c = diff(&old, &new);
        let added = &c.rows[0];
        assert_eq!(added.element, "Мероприятие 1.1");
        assert_eq!(added.change, Change::Added);
        assert_eq!(added.before, ["—"]);
        assert_eq!(added.after[0], "Новая школа");
        let removed = c.rows.last().expect("a row");
        assert_eq!(removed.element, "Мероприятие 1.2");
        assert_eq!(removed.change, Change::Removed);
        assert_eq!(removed.after, ["—"]);
        assert_eq!((c.summary.steps_added, c.summary.steps_removed), (1, 1));
        // The step that stayed is the same step, now 1.2: not a change.
        assert!(
            !elements(&c)
                .iter()
                .any(|e| e.starts_with("Мероприятие 1.2,")),
            "{:#?}",
            c.rows
        );
        // Multi-line cells are lists in HTML.
        assert!(
            c.table
                .cell_lists
                .iter()
                .any(|l| l.row == "1" && l.column == "Стало")
        );
    }
}
