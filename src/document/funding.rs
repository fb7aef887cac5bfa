//! Funding summed by source and year over every step: the resources table and the passport's
//! lines on funding.
//!
//! Every amount of the document is printed with the same number of decimals, as many as the
//! finest amount of the input has (at least one), and sums are taken in whole units of that
//! precision: so the printed parts of a row or a column add up to its printed total (three
//! sources of 0,25 make 0,75, not 0,3 + 0,3 + 0,3 = 0,8).

use std::collections::BTreeMap;

use super::FundingRow;
use crate::load::Input;
use crate::locale::{Locale, NBSP, typography, words};
use crate::model::{AMOUNT_DECIMALS, FundingSource, SourceNames, Step, decimals};

/// Funding summed by source and year over every step.
pub(super) struct FundingTotals {
    years: Vec<i32>,
    /// Decimals every amount is printed with.
    decimals: usize,
    /// Sums in units of 10^-decimals thousand roubles.
    by_source: BTreeMap<FundingSource, BTreeMap<i32, i128>>,
    /// The region and the programme's own names of sources, for the names of the sources.
    region: Option<String>,
    names: SourceNames,
}

impl FundingTotals {
    pub(super) fn new(input: &Input, years: &[i32]) -> Self {
        let amounts = || {
            input
                .steps
                .iter()
                .flat_map(|sf| &sf.steps)
                .flat_map(|s| &s.funding)
                .filter(|f| f.source != FundingSource::None)
                .flat_map(|f| f.amounts.iter().map(move |(y, a)| (f.source, *y, *a)))
        };
        // Validation rejects amounts finer than a kopeck; the bound keeps the units in range.
        let decimals = amounts()
            .map(|(_, _, a)| decimals(a))
            .fold(1, usize::max)
            .min(AMOUNT_DECIMALS);
        let programme = input.programme.as_ref().map(|(_, p)| p);
        let mut totals = FundingTotals {
            years: years.to_vec(),
            decimals,
            by_source: BTreeMap::new(),
            region: programme.and_then(|p| p.region.clone()),
            names: programme
                .map(|p| p.funding_sources.clone())
                .unwrap_or_default(),
        };
        for (source, year, amount) in amounts() {
            let units = totals.units(amount);
            *totals
                .by_source
                .entry(source)
                .or_default()
                .entry(year)
                .or_default() += units;
        }
        totals.by_source.retain(|_, m| m.values().any(|v| *v != 0));
        totals
    }

    /// The printed name of a source: the programme's own, or derived from the region.
    pub(super) fn source_name(&self, source: FundingSource, locale: Locale) -> String {
        words::funding_source_name(source, self.region.as_deref(), &self.names, locale)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.by_source.is_empty()
    }

    /// An amount in units of the document's precision.
    fn units(&self, amount: f64) -> i128 {
        // Saturating: a non-finite or huge amount is a validation error, never a panic.
        (amount * 10f64.powi(self.decimals as i32)).round() as i128
    }

    /// A step's funding in units, by source and year (sources without money left out).
    pub(super) fn of_step(&self, step: &Step) -> BTreeMap<FundingSource, BTreeMap<i32, i128>> {
        let mut out: BTreeMap<FundingSource, BTreeMap<i32, i128>> = BTreeMap::new();
        for f in step
            .funding
            .iter()
            .filter(|f| f.source != FundingSource::None)
        {
            for (year, amount) in &f.amounts {
                *out.entry(f.source).or_default().entry(*year).or_default() += self.units(*amount);
            }
        }
        out.retain(|_, m| {
            m.retain(|_, v| *v != 0);
            !m.is_empty()
        });
        out
    }

    /// The funding cell of a step in the list of steps, one line each: the total when there is
    /// more than one source, then each source with its sum and its amounts by year
    /// («областной бюджет — 600,0 (2027 г. — 200,0, 2028 г. — 400,0)»). Empty without money.
    pub(super) fn step_lines(&self, step: &Step, locale: Locale) -> Vec<String> {
        let by_source = self.of_step(step);
        let mut out = Vec::new();
        if by_source.len() > 1 {
            let total = self.money(by_source.values().flat_map(|m| m.values()).sum(), locale);
            out.push(match locale {
                Locale::Ru => format!("Всего{NBSP}— {total}"),
                Locale::En => format!("Total: {total}"),
            });
        }
        for (source, amounts) in &by_source {
            let name = self.source_name(*source, locale);
            let sum = self.money(amounts.values().sum(), locale);
            let years: Vec<String> = if amounts.len() == 1 {
                amounts
                    .keys()
                    .map(|y| words::year_short(*y, locale))
                    .collect()
            } else {
                amounts
                    .iter()
                    .map(|(y, a)| {
                        let (y, a) = (words::year_short(*y, locale), self.money(*a, locale));
                        match locale {
                            Locale::Ru => format!("{y}{NBSP}— {a}"),
                            Locale::En => format!("{y}: {a}"),
                        }
                    })
                    .collect()
            };
            let years = years.join(", ");
            out.push(match locale {
                Locale::Ru => format!("{name}{NBSP}— {sum} ({years})"),
                Locale::En => format!("{name}: {sum} ({years})"),
            });
        }
        out
    }

    /// Units as printed money.
    fn money(&self, units: i128, locale: Locale) -> String {
        typography::money(
            units as f64 / 10f64.powi(self.decimals as i32),
            self.decimals,
            locale,
        )
    }

    fn year_total(&self, year: i32) -> i128 {
        self.by_source
            .values()
            .map(|m| m.get(&year).copied().unwrap_or(0))
            .sum()
    }

    fn grand_total(&self) -> i128 {
        self.by_source.values().flat_map(|m| m.values()).sum()
    }

    pub(super) fn rows(&self, locale: Locale) -> Vec<FundingRow> {
        self.by_source
            .iter()
            .map(|(source, amounts)| FundingRow {
                source: self.source_name(*source, locale),
                amounts: self
                    .years
                    .iter()
                    .map(|y| self.money(amounts.get(y).copied().unwrap_or(0), locale))
                    .collect(),
                total: self.money(amounts.values().sum(), locale),
            })
            .collect()
    }

    pub(super) fn total_row(&self, label: &str, locale: Locale) -> Option<FundingRow> {
        (!self.is_empty()).then(|| FundingRow {
            source: label.to_owned(),
            amounts: self
                .years
                .iter()
                .map(|y| self.money(self.year_total(*y), locale))
                .collect(),
            total: self.money(self.grand_total(), locale),
        })
    }

    /// The passport's lines on funding: the total, by year and by source.
    pub(super) fn summary(&self, locale: Locale) -> Vec<String> {
        let l = locale.labels();
        if self.is_empty() {
            return vec![l.no_funding.to_owned()];
        }
        let unit = l.thousand_roubles;
        let total = self.money(self.grand_total(), locale);
        let mut out = vec![match locale {
            Locale::Ru => format!(
                "Общий объём финансирования{NBSP}— {total}{NBSP}{unit}, в{NBSP}том числе по годам:"
            ),
            Locale::En => format!("Total funding: {total}{NBSP}{unit}, by year:"),
        }];
        for y in &self.years {
            out.push(format!(
                "{}{NBSP}— {}{NBSP}{unit}",
                words::year(*y, locale),
                self.money(self.year_total(*y), locale)
            ));
        }
        out.push(
            match locale {
                Locale::Ru => "по источникам финансирования:",
                Locale::En => "by source:",
            }
            .to_owned(),
        );
        for (source, amounts) in &self.by_source {
            out.push(format!(
                "{}{NBSP}— {}{NBSP}{unit}",
                self.source_name(*source, locale),
                self.money(amounts.values().sum(), locale)
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{FileId, StepsInput};
    use crate::model::Step;
    use crate::yaml::{Limits, from_items, parse};

    /// The totals of one steps file written as YAML.
    fn totals(steps: &str, years: &[i32]) -> FundingTotals {
        let mut tree = parse(steps, Limits::default()).unwrap();
        let steps: Vec<Step> = from_items(&mut tree).unwrap();
        let input = Input {
            steps: vec![StepsInput {
                case: "a".into(),
                file: FileId(0),
                steps,
            }],
            ..Input::default()
        };
        FundingTotals::new(&input, years)
    }

    fn plain(s: &str) -> String {
        s.replace(NBSP, " ")
    }

    #[test]
    fn parts_add_up_to_the_printed_totals() {
        let t = totals(
            "- id: s\n  title: t\n  funding:\n    - {source: grants, amounts: {2027: 0.25}}\n    \
             - {source: business, amounts: {2027: 0.25}}\n    \
             - {source: nko_own, amounts: {2027: 0.25}}\n",
            &[2027],
        );
        let rows = t.rows(Locale::Ru);
        let amounts: Vec<&str> = rows.iter().map(|r| r.amounts[0].as_str()).collect();
        assert_eq!(amounts, ["0,25", "0,25", "0,25"]);
        let total = t.total_row("Итого", Locale::Ru).unwrap();
        assert_eq!(
            (total.amounts[0].as_str(), total.total.as_str()),
            ("0,75", "0,75")
        );
        assert_eq!(
            plain(&t.summary(Locale::Ru)[0]),
            "Общий объём финансирования — 0,75 тыс. рублей, в том числе по годам:"
        );
    }

    #[test]
    fn the_finest_amount_sets_the_decimals_of_every_figure() {
        let t = totals(
            "- id: s\n  title: t\n  funding:\n    - {source: grants, amounts: {2027: 1234.5, 2028: 0.125}}\n\
             - id: u\n  title: t\n  funding:\n    - {source: grants, amounts: {2027: 0.1, 2028: 0.2}}\n",
            &[2027, 2028],
        );
        let row = &t.rows(Locale::En)[0];
        assert_eq!(row.amounts, ["1,234.600", "0.325"]);
        assert_eq!(row.total, "1,234.925");
        // Amounts with at most one decimal print as they always did.
        let t = totals(
            "- id: s\n  title: t\n  funding:\n    - {source: grants, amounts: {2027: 400.0, 2028: 0.5}}\n",
            &[2027, 2028],
        );
        let row = &t.rows(Locale::Ru)[0];
        assert_eq!(
            (row.amounts.as_slice(), row.total.as_str()),
            (&["400,0".to_owned(), "0,5".to_owned()][..], "400,5")
        );
    }
}
