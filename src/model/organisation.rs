//! `organisations.yaml`: every organisation the other files name, once.

use serde::Deserialize;

/// An organisation.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Its id.
    pub id: String,
    /// Full official name, printed on first use.
    pub name: String,
    /// Short name, printed after the first use and in tables.
    pub short: Option<String>,
    /// The full name in the genitive case («Центра развития …»), for «представитель …».
    pub name_genitive: Option<String>,
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

crate::model::keyword_enum! {
    /// Kinds of organisation, used for participant counts.
    #[derive(Default)]
    pub enum OrgKind {
        /// A state authority.
        Authority = "authority",
        /// Local self-government.
        Municipality = "municipality",
        /// A non-profit.
        Nko = "nko",
        /// A business.
        Business = "business",
        /// A university.
        University = "university",
        /// A foundation.
        Foundation = "foundation",
        /// Media.
        Media = "media",
        /// Anything else.
        #[default]
        Other = "other",
    }
}
