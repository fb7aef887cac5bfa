//! `indicators.yaml`: target indicators (целевые показатели).

use std::collections::BTreeMap;

use serde::Deserialize;

/// A target indicator.
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Year of the value.
    pub year: i32,
    /// The value.
    pub value: f64,
}
