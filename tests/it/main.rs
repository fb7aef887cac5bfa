//! Integration tests: the real `nko-draft` binary run on copies of the fixture folders in
//! `tests/fixtures/` (see `common` for how a fixture is built).

mod add;
mod approval;
mod budgets;
mod build;
mod charts;
mod check;
mod cli;
mod common;
mod deadlines;
mod diff;
mod differential;
mod docx;
mod help;
mod html;
mod init;
mod language;
mod prompt;
mod report;
mod rich;
mod schema;
/// The generator of synthetic programmes of the benchmarks (`cargo run --example synthetic`).
#[allow(dead_code)]
#[path = "../../examples/synthetic.rs"]
mod synthetic;
mod templates;
mod tooling;
mod typography;
mod watch;
