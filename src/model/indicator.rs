//! `indicators.yaml`: target indicators (целевые показатели).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

/// A target indicator.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Its id.
    pub id: String,
    /// Наименование показателя.
    pub name: String,
    /// Единица измерения: «ед.», «чел.», «%».
    pub unit: String,
    /// Whether higher is better.
    #[serde(default)]
    pub direction: Direction,
    /// Базовое значение.
    pub baseline: Option<Baseline>,
    /// Target per year of the period.
    #[serde(default)]
    pub targets: BTreeMap<i32, f64>,
    /// Фактическое значение per year, recorded after approval.
    #[serde(default)]
    pub actual: BTreeMap<i32, Actual>,
    /// Источник данных (источник информации).
    pub source: Option<String>,
    /// Методика расчёта: how the value is obtained.
    pub method: Option<String>,
    /// Organisation id.
    pub responsible: Option<String>,
    /// Case id.
    pub case: Option<String>,
}

crate::model::keyword_enum! {
    /// Whether the indicator should go up or down.
    #[derive(Default)]
    pub enum Direction {
        /// Higher is better.
        #[default]
        Up = "up",
        /// Lower is better.
        Down = "down",
    }
}

/// The value an indicator starts from.
#[derive(Debug, Clone, Copy, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Year of the value.
    pub year: i32,
    /// The value.
    pub value: f64,
}

/// What [`Actual`] tells serde it expects: the YAML layer recognises it and says it in the
/// interface's language.
pub const NUMBER_OR_ACTUAL: &str = "a number, or a mapping with `value` and `note`";

/// The value an indicator reached in a year: `actual: {2027: 130}`, or with the explanation of
/// a deviation, `actual: {2027: {value: 12, note: "…"}}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Actual {
    /// The value reached.
    pub value: f64,
    /// Why it differs from the target, when it does.
    pub note: Option<String>,
}

/// The keys of an actual value written as a mapping.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct NotedActual {
    value: f64,
    note: Option<String>,
}

impl<'de> Deserialize<'de> for Actual {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Actual;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(NUMBER_OR_ACTUAL)
            }
            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Actual, E> {
                Ok(Actual { value, note: None })
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Actual, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Actual, E> {
                self.visit_f64(v as f64)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Actual, A::Error> {
                NotedActual::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(
                    |a| Actual {
                        value: a.value,
                        note: a.note,
                    },
                )
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{Limits, from_items, parse};

    #[test]
    fn actual_values_with_and_without_a_note() {
        let mut tree = parse(
            "- id: i\n  name: N\n  unit: ед.\n  targets: {2027: 10}\n  actual:\n    \
             2027: 12\n    2028: {value: 7.5, note: \"снег\"}\n",
            Limits::default(),
        )
        .unwrap();
        let ind: Vec<Indicator> = from_items(&mut tree).unwrap();
        let actual: Vec<(i32, Actual)> = ind[0].actual.clone().into_iter().collect();
        assert_eq!(
            actual,
            [
                (
                    2027,
                    Actual {
                        value: 12.0,
                        note: None
                    }
                ),
                (
                    2028,
                    Actual {
                        value: 7.5,
                        note: Some("снег".into())
                    }
                ),
            ]
        );
        let mut tree = parse(
            "- id: i\n  name: N\n  unit: ед.\n  actual: {2027: много}\n",
            Limits::default(),
        )
        .unwrap();
        let e = &from_items::<Indicator>(&mut tree).unwrap_err()[0];
        assert_eq!(
            e.message.en(),
            "expected a number, or a mapping with `value` and `note`, found the text `много`"
        );
    }
}
