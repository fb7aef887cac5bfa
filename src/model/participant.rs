//! `participants.yaml`: the people who took part.

use serde::Deserialize;

/// A participant of the session.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Its id.
    pub id: String,
    /// «Фамилия Имя Отчество».
    pub name: String,
    /// Должность.
    pub position: Option<String>,
    /// Organisation id.
    pub organisation: Option<String>,
    /// Role at the session.
    #[serde(default)]
    pub role: Role,
    /// Case ids the person worked in.
    #[serde(default)]
    pub cases: Vec<String>,
    /// When false the name is never printed, only the organisation and the counts.
    #[serde(default = "super::yes")]
    pub publish: bool,
}

crate::model::keyword_enum! {
    /// Role at the session.
    #[derive(Default)]
    pub enum Role {
        /// Докладчик.
        Speaker = "speaker",
        /// Модератор.
        Moderator = "moderator",
        /// Эксперт.
        Expert = "expert",
        /// Участник.
        #[default]
        Participant = "participant",
    }
}
