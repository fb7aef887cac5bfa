//! Stage `render`: one renderer per format, all printing the same [`Document`].
//!
//! Built-in templates are embedded in the binary; a file of the same name in the programme's
//! `templates/` folder replaces one (see [`Templates`]). User text is data in every format: the
//! Markdown renderer escapes it, the HTML renderer parses that Markdown with raw HTML off, and
//! the PDF renderer hands it to Typst as JSON, never as markup.

pub mod html;
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::error::Failure;

/// The built-in templates: file name and text.
pub const BUILT_IN: [(&str, &str); 4] = [
    ("programme.md", include_str!("../../templates/programme.md")),
    ("body.md", include_str!("../../templates/body.md")),
    ("page.html", include_str!("../../templates/page.html")),
    (
        "programme.typ",
        include_str!("../../templates/programme.typ"),
    ),
];

/// The templates of one build: the built-ins, with any of the programme's own in their place.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    /// Overrides by file name (`body.md`), read from `<root>/templates/`.
    overrides: BTreeMap<String, String>,
}

impl Templates {
    /// The built-in templates only.
    pub fn built_in() -> Self {
        Templates::default()
    }

    /// The built-ins with the overrides found in `<root>/templates/`. A file there whose name
    /// is not a built-in template's is an error (it would silently do nothing).
    pub fn load(root: &Path) -> Result<Self> {
        let dir = root.join("templates");
        let mut overrides = BTreeMap::new();
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Templates::default()),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", dir.display())),
        };
        let mut names: Vec<_> = entries
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<std::io::Result<_>>()
            .with_context(|| format!("cannot read {}", dir.display()))?;
        names.sort();
        for name in names {
            if name.starts_with('.') {
                continue;
            }
            if !BUILT_IN.iter().any(|(n, _)| *n == name) {
                let known: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
                return Err(Failure::hinted(
                    format!("templates/{name} is not the name of a template"),
                    format!(
                        "templates that can be replaced: {}; `nko-draft templates --out DIR` writes them",
                        known.join(", ")
                    ),
                )
                .into());
            }
            let path = dir.join(&name);
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            overrides.insert(name, text);
        }
        Ok(Templates { overrides })
    }

    /// The text of a template, and whether it is the programme's own.
    pub fn get(&self, name: &str) -> (&str, bool) {
        match self.overrides.get(name) {
            Some(text) => (text, true),
            None => (
                BUILT_IN
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or("", |(_, t)| *t),
                false,
            ),
        }
    }
}

/// Writes the built-in templates into `dir` as a starting point for overrides; refuses to
/// overwrite. Returns the files written.
pub fn write_built_in(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let existing: Vec<String> = BUILT_IN
        .iter()
        .map(|(n, _)| dir.join(n))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(Failure::hinted(
            format!("{} already exists", existing.join(", ")),
            "nothing was written; remove the files or choose another folder",
        )
        .into());
    }
    let mut written = Vec::new();
    for (name, text) in BUILT_IN {
        let path = dir.join(name);
        crate::edit::write_atomic(&path, text.as_bytes(), None)?;
        written.push(path);
    }
    Ok(written)
}

/// The Tera context of a document: `doc`, converted once and shared by every text format.
pub fn context(doc: &crate::document::Document) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("doc", doc);
    ctx
}

/// Turns a Tera error into a failure naming the template file, keeping Tera's own report
/// (file, line, column and a caret).
pub(crate) fn tera_failure(err: tera::Error, user: bool) -> anyhow::Error {
    let report = err.to_string();
    let hint = if user {
        "the error is in the programme's own template; `nko-draft templates --out DIR` shows the built-in one"
    } else {
        "this is a bug in a built-in template; please report it"
    };
    Failure::hinted(format!("template error: {}", report.trim_end()), hint).into()
}
