//! Stage `load`, part one: YAML text to a tree of nodes that remember where they were written.
//!
//! This module and its two files are the only place that knows the YAML parser
//! (`saphyr-parser`): [`tree`] turns its events into [`Node`]s with positions, and [`de`] lets
//! serde derive the input types from those nodes. Every error of either step carries a
//! [`Pos`] and a [`YamlPath`], so the loader can say where a problem is, and validation can look
//! up the position of any value it finds wrong later (a dangling reference, a bad deadline).
//!
//! Why not `serde_yaml`: it is archived upstream, it gives no positions for values that parsed
//! fine nor for duplicate keys, and reading its messages back means parsing prose. One marked
//! parse serves both the typed load and the position index.

mod de;
pub mod emit;
mod path;
pub(crate) mod scalar;
mod tree;

pub use de::{DeError, DeErrorKind, from_items, from_node};
pub use path::{PathSeg, YamlPath};
pub use tree::{Limits, Node, NodeKind, ParseError, Pos, parse};
