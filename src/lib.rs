//! # nko-draft
//!
//! Turns what a strategic session of non-profit organisations agreed into a draft regional
//! programme document.
//!
//! The pipeline, one module a stage:
//!
//! ```text
//! programme/*.yaml ─load─▶ input types ─validate─▶ findings (all of them, as data)
//!                               │
//!                           document (assemble)
//!                               ▼
//!                 Document: the view model, numbered, resolved, localised
//!                 ├─ render::markdown ─▶ programme.md ─comrak─▶ render::html ─▶ programme.html
//!                 └─ render::pdf (typst World, Document as JSON) ─▶ programme.pdf
//! ```
//!
//! - [`project`] finds the programme root and lists its files; [`load`] reads them into the
//!   [`model`] types through [`yaml`], keeping the position of every value.
//! - [`validate`] applies every rule and returns [`diagnostic::Diagnostic`]s placed at the value.
//! - [`init`] writes a skeleton programme.
//!
//! The binary (`src/main.rs`) only parses arguments, calls one function of this library per
//! command and prints.

pub mod app;
pub mod build;
pub mod cli;
pub(crate) mod completions;
pub(crate) mod deadline;
pub mod diagnostic;
pub(crate) mod diff;
pub mod document;
pub mod edit;
pub(crate) mod error;
pub mod i18n;
pub(crate) mod init;
pub mod load;
pub(crate) mod locale;
pub mod model;
pub(crate) mod progress;
pub(crate) mod project;
pub(crate) mod quote;
pub mod render;
pub(crate) mod report;
pub(crate) mod schema;
pub(crate) mod suggest;
pub mod validate;
pub(crate) mod watch;
pub mod yaml;

use std::path::Path;

use diagnostic::Diagnostic;
use load::Input;

/// A loaded and checked programme: the input and every finding, sorted.
#[derive(Debug)]
pub struct Checked {
    /// What loaded.
    pub input: Input,
    /// Every finding of the load and of validation, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Number of errors and of warnings.
    pub fn counts(&self) -> (usize, usize) {
        diagnostic::count(&self.diagnostics)
    }
}

/// Finds the programme (see [`project::find_root`]), loads it and checks it.
pub fn check(dir: Option<&Path>) -> Result<Checked, project::ProjectError> {
    let root = project::find_root(dir)?;
    check_root(&root, &Default::default())
}

/// Loads and checks the programme at `root`, with some files' text replaced by `overlay`, and
/// the programme's own templates (see [`render::check_templates`]).
pub fn check_root(
    root: &Path,
    overlay: &std::collections::BTreeMap<String, String>,
) -> Result<Checked, project::ProjectError> {
    check_root_cached(root, overlay, None)
}

/// Frees `value` on a thread of its own: a large programme's loaded input takes tens of
/// milliseconds to free, which a command that has given its answer need not wait for (the
/// process may end before the thread does, and then the system frees it at once).
pub(crate) fn drop_aside<T: Send + 'static>(value: T) {
    // Without a thread to be had, the closure, and the value with it, is dropped here.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// [`check_root`], loading through `cache` (see [`load::Cache`]).
pub(crate) fn check_root_cached(
    root: &Path,
    overlay: &std::collections::BTreeMap<String, String>,
    cache: Option<&mut load::Cache>,
) -> Result<Checked, project::ProjectError> {
    let (input, diagnostics) = load::load_cached(root, overlay, cache)?;
    let found = check_loaded(root, &input);
    Ok(found.complete(input, diagnostics))
}

/// What the rules and the programme's own templates find in loaded input: the second half of
/// [`check_root`], which `add-*` runs beside its edit.
pub(crate) struct Found {
    diagnostics: Vec<Diagnostic>,
    templates: render::TemplateCheck,
}

/// The rules over `input`, and the programme's own templates (loaded from `root`).
pub(crate) fn check_loaded(root: &Path, input: &load::Input) -> Found {
    Found {
        diagnostics: validate::validate(input),
        templates: render::check_templates(root),
    }
}

impl Found {
    /// The checked programme: `input` with the templates' texts (a finding may quote them),
    /// and every finding, the load's (`diagnostics`) and these, sorted.
    pub(crate) fn complete(
        self,
        mut input: load::Input,
        mut diagnostics: Vec<Diagnostic>,
    ) -> Checked {
        diagnostics.extend(self.diagnostics);
        for (rel, text) in self.templates.texts {
            input.sources.push(load::Source::text_only(rel, text));
        }
        diagnostics.extend(self.templates.findings);
        diagnostic::sort(&mut diagnostics);
        Checked { input, diagnostics }
    }
}
