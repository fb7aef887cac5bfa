//! Funding summed by source and year over every step: the resources table and the passport's
//! lines on funding.

use std::collections::BTreeMap;

use super::FundingRow;
use crate::load::Input;
use crate::locale::{Locale, NBSP, typo, words};
use crate::model::FundingSource;

/// Funding summed by source and year over every step.
pub(super) struct FundingTotals {
    years: Vec<i32>,
    by_source: BTreeMap<FundingSource, BTreeMap<i32, f64>>,
}

impl FundingTotals {
    pub(super) fn new(input: &Input, years: &[i32]) -> Self {
        let mut by_source: BTreeMap<FundingSource, BTreeMap<i32, f64>> = BTreeMap::new();
        for sf in &input.steps {
            for s in &sf.steps {
                for f in &s.funding {
                    if f.source == FundingSource::None {
                        continue;
                    }
                    let entry = by_source.entry(f.source).or_default();
                    for (year, amount) in &f.amounts {
                        *entry.entry(*year).or_default() += amount;
                    }
                }
            }
        }
        by_source.retain(|_, m| m.values().any(|v| *v != 0.0));
        FundingTotals {
            years: years.to_vec(),
            by_source,
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.by_source.is_empty()
    }

    fn year_total(&self, year: i32) -> f64 {
        self.by_source
            .values()
            .map(|m| m.get(&year).copied().unwrap_or(0.0))
            .sum()
    }

    fn grand_total(&self) -> f64 {
        self.by_source.values().flat_map(|m| m.values()).sum()
    }

    pub(super) fn rows(&self, locale: Locale) -> Vec<FundingRow> {
        self.by_source
            .iter()
            .map(|(source, amounts)| FundingRow {
                source: words::funding_source(*source, locale).to_owned(),
                amounts: self
                    .years
                    .iter()
                    .map(|y| typo::money(amounts.get(y).copied().unwrap_or(0.0), locale))
                    .collect(),
                total: typo::money(amounts.values().sum(), locale),
            })
            .collect()
    }

    pub(super) fn total_row(&self, label: &str, locale: Locale) -> Option<FundingRow> {
        (!self.is_empty()).then(|| FundingRow {
            source: label.to_owned(),
            amounts: self
                .years
                .iter()
                .map(|y| typo::money(self.year_total(*y), locale))
                .collect(),
            total: typo::money(self.grand_total(), locale),
        })
    }

    /// The passport's lines on funding: the total, by year and by source.
    pub(super) fn summary(&self, locale: Locale) -> Vec<String> {
        let l = locale.labels();
        if self.is_empty() {
            return vec![l.no_funding.to_owned()];
        }
        let unit = l.thousand_roubles;
        let mut out = vec![match locale {
            Locale::Ru => format!(
                "Общий объём финансирования{NBSP}— {}{NBSP}{unit}",
                typo::money(self.grand_total(), locale)
            ),
            Locale::En => format!(
                "Total funding: {}{NBSP}{unit}",
                typo::money(self.grand_total(), locale)
            ),
        }];
        for y in &self.years {
            out.push(format!(
                "{}{NBSP}— {}{NBSP}{unit}",
                words::year(*y, locale),
                typo::money(self.year_total(*y), locale)
            ));
        }
        for (source, amounts) in &self.by_source {
            out.push(format!(
                "{}{NBSP}— {}{NBSP}{unit}",
                words::funding_source(*source, locale),
                typo::money(amounts.values().sum(), locale)
            ));
        }
        out
    }
}
