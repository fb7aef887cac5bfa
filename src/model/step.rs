//! `steps/<case>.yaml`: the agreed steps (мероприятия) of a case.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

use super::{DateField, PeriodKey, ReportPeriod};

/// A step of the programme.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique across all steps.
    pub id: String,
    /// Наименование мероприятия.
    pub title: String,
    /// Содержание.
    pub description: Option<String>,
    /// Срок исполнения, as written; parsed by `deadline`.
    pub deadline: Option<RawDeadline>,
    /// Ответственный исполнитель: one id or a list, the first is the lead.
    pub responsible: Option<OneOrMany>,
    /// Соисполнители и партнёры.
    #[serde(default)]
    pub partners: Vec<String>,
    /// Ожидаемый результат.
    pub result: Option<String>,
    /// Indicator ids.
    #[serde(default)]
    pub indicators: Vec<String>,
    /// Proposal ids of the same case that this step carries out.
    #[serde(default)]
    pub proposals: Vec<String>,
    /// Funding by source and year.
    #[serde(default)]
    pub funding: Vec<Funding>,
    /// Agreed, proposed or disputed.
    #[serde(default)]
    pub status: StepStatus,
    /// Ход реализации: what was done, by report period (`2027-Q2`, `2027`), in time order.
    #[serde(default)]
    pub progress: BTreeMap<PeriodKey, Progress>,
}

impl Step {
    /// The responsible organisations, lead first; empty when not given.
    pub fn responsible(&self) -> &[String] {
        match &self.responsible {
            None => &[],
            Some(OneOrMany::One(id)) => std::slice::from_ref(id),
            Some(OneOrMany::Many(ids)) => ids,
        }
    }

    /// The progress recorded for real periods, in time order (keys that are not periods are
    /// left out: `check` reports them).
    pub fn progress_by_period(&self) -> impl Iterator<Item = (ReportPeriod, &Progress)> {
        self.progress
            .iter()
            .filter_map(|(key, entry)| key.get().map(|p| (p, entry)))
    }

    /// The money spent in `period`, by source: the entry of `period` itself when there is one;
    /// for a year without one, the sum of its quarters' entries. A year's entry gives the
    /// year's amounts (its quarters' entries led to it and are not added to it).
    pub fn spent_in(&self, period: ReportPeriod) -> BTreeMap<FundingSource, f64> {
        if let Some((_, own)) = self.progress_by_period().find(|(p, _)| *p == period) {
            return own.spent.clone();
        }
        let mut sum = BTreeMap::new();
        if period.quarter.is_none() {
            for (_, entry) in self
                .progress_by_period()
                .filter(|(p, _)| p.year == period.year && p.quarter.is_some())
            {
                for (source, amount) in &entry.spent {
                    *sum.entry(*source).or_insert(0.0) += amount;
                }
            }
        }
        sum
    }

    /// The latest progress recorded for a period that ends by the end of `period` (the state
    /// of the step as a report for `period` sees it).
    pub fn progress_as_of(&self, period: ReportPeriod) -> Option<(ReportPeriod, &Progress)> {
        self.progress_by_period()
            .filter(|(p, _)| p.end_date() <= period.end_date())
            .last()
    }
}

/// What was done on a step in a report period (`progress: {2027-Q2: {status: done, …}}`).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Where the step stands at the end of the period.
    pub status: ProgressStatus,
    /// The day it was done (with `status: done`).
    pub done_on: Option<DateField>,
    /// What was done, or why not.
    pub comment: Option<String>,
    /// Money spent in the period, by source, in thousand roubles.
    #[serde(default)]
    pub spent: BTreeMap<FundingSource, f64>,
}

crate::model::keyword_enum! {
    /// Where a step stands in a report period.
    pub enum ProgressStatus {
        /// Not started yet.
        NotStarted = "not_started",
        /// Under way.
        InProgress = "in_progress",
        /// Done.
        Done = "done",
        /// Behind its deadline.
        Late = "late",
        /// Cancelled (the comment says why).
        Cancelled = "cancelled",
    }
}

/// A deadline as written: text, or a bare year written as a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDeadline(pub String);

impl<'de> Deserialize<'de> for RawDeadline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // The YAML layer hands a plain `2027` over as text when text is asked for.
        String::deserialize(d).map(RawDeadline)
    }
}

/// What [`OneOrMany`] tells serde it expects: the YAML layer recognises it and says it in the
/// interface's language.
pub const ID_OR_LIST: &str = "an organisation id or a list of them";

/// One id or a list of ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OneOrMany {
    /// `responsible: crdi`.
    One(String),
    /// `responsible: [crdi, asi]`.
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(ID_OR_LIST)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(v.to_owned()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(v.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<OneOrMany, A::Error> {
                Vec::<String>::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                    .map(OneOrMany::Many)
            }
        }
        d.deserialize_any(V)
    }
}

/// Funding of a step from one source, by year, in thousand roubles.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// Where the money comes from.
    pub source: FundingSource,
    /// Amount per year, thousand roubles.
    #[serde(default)]
    pub amounts: BTreeMap<i32, f64>,
}

/// The most decimals an amount may have: amounts are thousand roubles, so five is a kopeck.
pub const AMOUNT_DECIMALS: usize = 5;

/// The decimals `amount` is written with (`0.25` has 2, `400.0` has none): tables print every
/// amount with as many as the finest one has, so that their parts add up to their totals.
pub fn decimals(amount: f64) -> usize {
    // `Display` gives the shortest text that reads back as the same number, never an exponent.
    amount
        .abs()
        .to_string()
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len())
}

crate::model::keyword_enum! {
    /// Sources of funding, in the order the resource table lists them.
    pub enum FundingSource {
        /// Областной бюджет.
        RegionalBudget = "regional_budget",
        /// Федеральный бюджет.
        FederalBudget = "federal_budget",
        /// Местные бюджеты.
        LocalBudgets = "local_budgets",
        /// Гранты.
        Grants = "grants",
        /// Средства бизнеса.
        Business = "business",
        /// Собственные средства НКО.
        NkoOwn = "nko_own",
        /// Без финансирования.
        None = "none",
    }
}

crate::model::keyword_enum! {
    /// Status of a step.
    #[derive(Default)]
    pub enum StepStatus {
        /// Agreed.
        #[default]
        Agreed = "agreed",
        /// Proposed: marked «*» in the list of steps, with a note under it.
        Proposed = "proposed",
        /// Disputed: marked «**» in the list of steps, with a note under it.
        Disputed = "disputed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::yaml::{Limits, from_items, parse};

    fn steps(text: &str) -> Vec<Step> {
        let mut tree = parse(text, Limits::default()).unwrap();
        from_items(&mut tree).unwrap()
    }

    #[test]
    fn progress_by_period_in_time_order() {
        let s = steps(
            "- id: a\n  title: A\n  progress:\n    2028-Q1: {status: in_progress}\n    \
             2027: {status: late, comment: later}\n    \"2027-Q2\":\n      status: done\n      \
             done_on: 15.06.2027\n      spent: {grants: 40, nko_own: 2.5}\n    2027-Q5: {status: done}\n",
        );
        let a = &s[0];
        let periods: Vec<String> = a.progress_by_period().map(|(p, _)| p.to_string()).collect();
        assert_eq!(periods, ["2027-Q2", "2027", "2028-Q1"]);
        assert!(
            a.progress
                .contains_key(&PeriodKey::Invalid("2027-Q5".into()))
        );
        let (_, q2) = a.progress_by_period().next().unwrap();
        assert_eq!(q2.status, ProgressStatus::Done);
        assert_eq!(
            q2.done_on,
            Some(DateField::Date(Date::new(2027, 6, 15).unwrap()))
        );
        assert_eq!(
            q2.spent.iter().map(|(s, a)| (*s, *a)).collect::<Vec<_>>(),
            [(FundingSource::Grants, 40.0), (FundingSource::NkoOwn, 2.5)]
        );
        // The year's own entry gives the year's amounts; without it, the quarters add up.
        assert!(a.spent_in(ReportPeriod::year(2027)).is_empty());
        assert_eq!(
            a.spent_in(ReportPeriod::quarter(2027, 2)),
            BTreeMap::from([(FundingSource::Grants, 40.0), (FundingSource::NkoOwn, 2.5)])
        );
        let quarters = steps(
            "- id: b\n  title: B\n  progress:\n    2027-Q1: {status: in_progress, spent: {grants: 10}}\n    \
             2027-Q3: {status: done, spent: {grants: 5.5, business: 1}}\n",
        );
        assert_eq!(
            quarters[0].spent_in(ReportPeriod::year(2027)),
            BTreeMap::from([
                (FundingSource::Grants, 15.5),
                (FundingSource::Business, 1.0)
            ])
        );
        assert!(
            quarters[0]
                .spent_in(ReportPeriod::quarter(2027, 2))
                .is_empty()
        );
        let (p, last) = a.progress_as_of(ReportPeriod::year(2027)).unwrap();
        assert_eq!(
            (p, last.status),
            (ReportPeriod::year(2027), ProgressStatus::Late)
        );
        assert!(a.progress_as_of(ReportPeriod::quarter(2027, 1)).is_none());
    }

    #[test]
    fn a_misspelt_source_of_spending_is_named() {
        let mut tree = parse(
            "- id: a\n  title: A\n  progress:\n    2027: {status: done, spent: {grant: 4}}\n",
            Limits::default(),
        )
        .unwrap();
        let errors = from_items::<Step>(&mut tree).unwrap_err();
        let e = &errors[0];
        assert_eq!(e.pos.unwrap().line, 4);
        assert!(e.message.en().contains("`grant`"), "{}", e.message.en());
        assert!(
            e.hint.as_ref().unwrap().en().contains("grants"),
            "{:?}",
            e.hint
        );
    }

    #[test]
    fn decimals_as_written() {
        for (amount, want) in [
            (400.0, 0),
            (350.5, 1),
            (0.25, 2),
            (-0.125, 3),
            (1234.56789, 5),
            (0.1 + 0.2, 17),
            (1e-7, 7),
            (1e12, 0),
            (f64::NAN, 0),
        ] {
            assert_eq!(decimals(amount), want, "{amount}");
        }
    }
}
