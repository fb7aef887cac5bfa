//! Stage `edit`: changes to a user's files, made safely.
//!
//! - [`add`]: the `add-step`, `add-proposal`, `add-participant`, `add-progress` and
//!   `set-actual` commands: lock, check the
//!   programme with the new entry in memory, and only then write.
//! - [`append`]: the text edit itself, which keeps every byte already written.
//! - [`nested`]: a key added or set in a mapping under an item of a list (`progress` of a
//!   step, `actual` of an indicator), keeping every other byte.
//! - [`lock`]: the programme lock that makes concurrent writers wait.
//! - [`prompt`]: the questions asked on a terminal when a required flag is missing.
//! - [`write_atomic`] and [`Staged`]: files replaced in one rename, never half-written;
//!   [`resolve_inside`]: where a linked file of the programme leads, refused outside it.

pub mod add;
pub mod append;
mod atomic;
pub mod lock;
pub mod nested;
pub mod prompt;

pub use add::{
    AddParticipant, AddProgress, AddProposal, AddStep, Added, Finding, Origin, Outcome, SetActual,
    add_participant, add_progress, add_proposal, add_step, set_actual,
};
pub use atomic::{Staged, resolve_inside, write_atomic};
