//! `organisations.yaml`: every organisation the other files name, once.

use serde::Deserialize;

/// An organisation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Its id.
    pub id: String,
    /// Full official name, printed on first use.
    pub name: String,
    /// Short name, printed after the first use and in tables.
    pub short: Option<String>,
    /// What kind of body it is.
    #[serde(default)]
    pub kind: OrgKind,
    /// Printed with «(по согласованию)» when an executor; true unless an authority.
    pub by_agreement: Option<bool>,
}

impl Organisation {
    /// Whether «(по согласованию)» follows its name as an executor.
    pub fn by_agreement(&self) -> bool {
        self.by_agreement.unwrap_or(self.kind != OrgKind::Authority)
    }
}

/// Kinds of organisation, used for participant counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgKind {
    /// A state authority.
    Authority,
    /// Local self-government.
    Municipality,
    /// A non-profit.
    Nko,
    /// A business.
    Business,
    /// A university.
    University,
    /// A foundation.
    Foundation,
    /// Media.
    Media,
    /// Anything else.
    #[default]
    Other,
}
