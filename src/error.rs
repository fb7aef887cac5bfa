//! Errors that stop a command (as opposed to findings about the input, which are data), with
//! an optional hint that `main` prints after the message.

use thiserror::Error;

/// A failure with a message for the user and, where a fix is known, a hint.
#[derive(Debug, Error)]
#[error("{message}")]
pub struct Failure {
    /// What went wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Failure {
    /// A failure with a hint.
    pub fn hinted(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }
}

/// The hint of the first error in the chain that has one.
pub(crate) fn hint(err: &anyhow::Error) -> Option<String> {
    err.chain().find_map(|e| {
        if let Some(f) = e.downcast_ref::<Failure>() {
            f.hint.clone()
        } else if let Some(p) = e.downcast_ref::<crate::project::ProjectError>() {
            p.hint().map(str::to_owned)
        } else {
            None
        }
    })
}
