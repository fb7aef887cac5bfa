//! `cases/<case>.yaml`: one case track, its task, problems and proposals.

use serde::Deserialize;

/// A case track (кейс). Its id is the file's stem.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Order in the document, from 1, unique.
    pub number: u32,
    /// Title of the case.
    pub title: String,
    /// The programme task (задача) the case becomes.
    pub task: String,
    /// Participant ids.
    #[serde(default)]
    pub moderators: Vec<String>,
    /// Who moderated, when not named persons: «специалисты программы «НКО-СОКРАТ» АСИ».
    pub moderated_by: Option<String>,
    /// Problems the group identified.
    #[serde(default)]
    pub problems: Vec<Problem>,
    /// Proposals of the group.
    #[serde(default)]
    pub proposals: Vec<Proposal>,
}

/// A problem a group identified.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// Its id.
    pub id: String,
    /// The problem.
    pub text: String,
}

/// A proposal of a group.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// Its id.
    pub id: String,
    /// The proposal.
    pub text: String,
    /// Problem ids of the same case it answers.
    #[serde(default)]
    pub problems: Vec<String>,
    /// Votes it got.
    pub votes: Option<u32>,
    /// Accepted, deferred or rejected.
    #[serde(default)]
    pub status: ProposalStatus,
    /// Why deferred or rejected.
    pub reason: Option<String>,
}

crate::model::keyword_enum! {
    /// What became of a proposal.
    #[derive(Default)]
    pub enum ProposalStatus {
        /// Accepted: some step should carry it out.
        #[default]
        Accepted = "accepted",
        /// Deferred.
        Deferred = "deferred",
        /// Rejected.
        Rejected = "rejected",
    }
}
