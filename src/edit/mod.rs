//! Stage `edit`: changes to a user's files, made safely.

mod atomic;

pub use atomic::write_atomic;
