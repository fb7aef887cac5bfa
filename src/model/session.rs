//! `session.yaml`: the strategic session the programme comes from.

use serde::Deserialize;

use super::DateField;

/// The strategic session: when, where, who organised it, what was signed.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// «Стратегическая сессия для СО НКО … области».
    pub title: String,
    /// The day it was held.
    pub date: DateField,
    /// Where, e.g. «пространство коллективной работы «Точка кипения»».
    pub venue: Option<String>,
    /// The city: «г. …».
    pub city: Option<String>,
    /// Инициаторы (organisation ids).
    #[serde(default)]
    pub initiators: Vec<String>,
    /// Поддержка.
    #[serde(default)]
    pub support: Vec<String>,
    /// Соорганизаторы.
    #[serde(default)]
    pub partners: Vec<String>,
    /// The programme the session belongs to («НКО-СОКРАТ»).
    pub programme: Option<String>,
    /// Ключевая задача сессии.
    pub purpose: Option<String>,
    /// False when `participants.yaml` lists only some of the people present: the document
    /// then prints no participant counts.
    #[serde(default = "super::yes")]
    pub participants_complete: bool,
    /// Agreements signed at the session.
    #[serde(default)]
    pub agreements: Vec<Agreement>,
}

/// An agreement signed at the session.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// Its title.
    pub title: String,
    /// When it was signed.
    pub date: Option<DateField>,
    /// Organisation ids, at least two.
    #[serde(default)]
    pub parties: Vec<String>,
    /// What it is about.
    pub subject: Option<String>,
}
