//! Errors that stop a command (as opposed to findings about the input, which are data), with
//! an optional hint that `main` prints after the message.

use thiserror::Error;

use crate::i18n::{Lang, Message};

/// A failure with a message for the user and, where a fix is known, a hint.
#[derive(Debug, Error)]
#[error("{message}")]
pub struct Failure {
    /// What went wrong.
    pub message: Message,
    /// What to do about it.
    pub hint: Option<Message>,
}

impl Failure {
    /// A failure with a hint.
    pub fn hinted(message: impl Into<Message>, hint: impl Into<Message>) -> Self {
        Failure {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }
}

/// What an error in a chain says, in `lang` where it is one of ours.
pub(crate) fn text(err: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    match err.downcast_ref::<Failure>() {
        Some(f) => f.message.text(lang),
        None => err.to_string(),
    }
}

/// The hint of the first error in the chain that has one.
pub(crate) fn hint(err: &anyhow::Error) -> Option<Message> {
    err.chain().find_map(|e| {
        if let Some(f) = e.downcast_ref::<Failure>() {
            f.hint.clone()
        } else if let Some(p) = e.downcast_ref::<crate::project::ProjectError>() {
            p.hint().map(Message::from)
        } else {
            None
        }
    })
}
