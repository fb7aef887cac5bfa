//! `diff`: load and check two drafts, compare their documents (see
//! [`crate::document::compare`]) and, when asked, write the comparison table.
//!
//! The old draft is a folder, or the programme as it was at a git revision of the repository
//! that holds the new one (`--since REV`), read through the `git` command into a temporary
//! folder and loaded from there like any other. Both drafts must be free of errors: the
//! findings of each come back with the side they belong to, and nothing is compared.

use std::path::{Component, Path, PathBuf};
use std::process::{Command, Output};

use anyhow::Result;

use crate::document::compare::{self, Comparison, Side};
use crate::document::{self, Document};
use crate::error::Failure;
use crate::model::Format;
use crate::msg;
use crate::{Checked, project};

/// What to compare and where to write the table.
#[derive(Debug, Clone, Default)]
pub(crate) struct DiffOptions {
    /// The old draft's folder (not with `since`).
    pub old: Option<PathBuf>,
    /// The new draft's folder; `None` for the current programme.
    pub new: Option<PathBuf>,
    /// The git revision of the old draft.
    pub since: Option<String>,
    /// Formats of the table; `None` for every format built in (when `out` is given).
    pub formats: Option<Vec<Format>>,
    /// The folder of the table; `None` for `./out` (when `formats` is given).
    pub out: Option<PathBuf>,
}

/// Where a draft was read.
#[derive(Debug, Clone)]
pub(crate) enum Origin {
    /// A folder, as the user named it (or as it was found).
    Folder(PathBuf),
    /// A git revision: as the user named it, the commit, and the programme's path inside the
    /// repository (`programme/`, empty at the top).
    Git {
        /// `HEAD~1`.
        rev: String,
        /// The commit's full hash.
        commit: String,
        /// The programme's folder in the repository, with a trailing `/` (or empty).
        prefix: String,
    },
}

impl Origin {
    /// How the comparison table names the draft's source: the folder, or «HEAD~1, a1b2c3d».
    fn source(&self) -> String {
        match self {
            Origin::Folder(path) => path.display().to_string(),
            Origin::Git { rev, commit, .. } => {
                let short: String = commit.chars().take(7).collect();
                if commit.starts_with(rev.as_str()) {
                    short
                } else {
                    format!("{rev}, {short}")
                }
            }
        }
    }
}

/// One draft, loaded and checked.
#[derive(Debug)]
pub(crate) struct Loaded {
    /// The input and its findings.
    pub checked: Checked,
    /// Where it was read.
    pub origin: Origin,
    /// How the comparison table names its source; `None` for the current programme.
    label: Option<String>,
    /// The temporary folder a git revision was written to, removed when this is dropped.
    _tmp: Option<tempfile::TempDir>,
}

impl Loaded {
    /// The source as the messages name it.
    pub(crate) fn source(&self) -> String {
        self.origin.source()
    }
}

/// The outcome of `diff`.
#[derive(Debug)]
pub(crate) struct Diffed {
    /// The old draft.
    pub old: Loaded,
    /// The new draft.
    pub new: Loaded,
    /// Both documents, when neither draft has errors.
    pub docs: Option<(Document, Document)>,
    /// The comparison in the document's language, when there are documents.
    pub comparison: Option<Comparison>,
    /// Files written, with their sizes.
    pub written: Vec<(PathBuf, usize)>,
    /// Warnings of the renderers.
    pub notes: Vec<crate::diagnostic::Diagnostic>,
}

impl Diffed {
    /// The comparison in the language of `locale` (the interface's, for the terminal).
    pub(crate) fn compare_in(&self, locale: crate::model::Locale) -> Option<Comparison> {
        let (old, new) = self.docs.as_ref()?;
        Some(compare::compare(
            self.side(old, &self.old),
            self.side(new, &self.new),
            Some(locale),
        ))
    }

    fn side<'a>(&'a self, doc: &'a Document, loaded: &'a Loaded) -> Side<'a> {
        Side {
            doc,
            source: loaded.label.as_deref(),
        }
    }
}

/// Loads, checks and compares; writes the table when `out` or `formats` is given. Errors in
/// a draft are not a failure of this function: they come back in [`Diffed`] with nothing
/// compared or written.
pub(crate) fn diff(opts: &DiffOptions) -> Result<Diffed> {
    let new_root = match &opts.new {
        Some(dir) => project::find_root(Some(&programme_in(dir)))?,
        None => project::find_root(None)?,
    };
    let old = match (&opts.since, &opts.old) {
        (Some(rev), _) => from_git(rev, &new_root)?,
        (None, Some(dir)) => {
            let root = programme_in(dir);
            if !root.join(project::MARKER).is_file() {
                return Err(Failure::hinted(
                    msg!(CmdDiffOldNotFound, dir = dir.display().to_string()),
                    msg!(CmdDiffOldNotFoundHint),
                )
                .into());
            }
            let checked = crate::check_root(&root, &Default::default())?;
            Loaded {
                checked,
                origin: Origin::Folder(dir.clone()),
                label: Some(dir.display().to_string()),
                _tmp: None,
            }
        }
        (None, None) => unreachable!("clap requires OLD without --since"),
    };
    let new = Loaded {
        checked: crate::check_root(&new_root, &Default::default())?,
        origin: Origin::Folder(new_root.clone()),
        label: opts.new.as_ref().map(|d| d.display().to_string()),
        _tmp: None,
    };
    let mut diffed = Diffed {
        old,
        new,
        docs: None,
        comparison: None,
        written: Vec::new(),
        notes: Vec::new(),
    };
    if diffed.old.checked.counts().0 > 0 || diffed.new.checked.counts().0 > 0 {
        return Ok(diffed);
    }
    let old_doc = document::assemble(&diffed.old.checked.input)?;
    let new_doc = document::assemble(&diffed.new.checked.input)?;
    diffed.docs = Some((old_doc, new_doc));
    let (old_doc, new_doc) = diffed.docs.as_ref().expect("just set");
    let comparison = compare::compare(
        diffed.side(old_doc, &diffed.old),
        diffed.side(new_doc, &diffed.new),
        None,
    );
    if opts.out.is_some() || opts.formats.is_some() {
        let formats = opts
            .formats
            .clone()
            .unwrap_or_else(crate::build::default_formats);
        let out_dir = opts.out.clone().unwrap_or_else(|| PathBuf::from("out"));
        let (files, notes) = render(&comparison, &formats)?;
        diffed.written = crate::build::write_outputs(&out_dir, files)?;
        diffed.notes = notes;
    }
    diffed.comparison = Some(comparison);
    Ok(diffed)
}

/// The programme in `dir`: `dir` itself when it holds `programme.yaml`, else `dir/programme/`
/// when that does (as `-C` finds it), else `dir` (which then is no programme).
fn programme_in(dir: &Path) -> PathBuf {
    let sub = dir.join("programme");
    if !dir.join(project::MARKER).is_file() && sub.join(project::MARKER).is_file() {
        sub
    } else {
        dir.to_path_buf()
    }
}

/// The default name of the comparison's files: `comparison.md`, …
const NAME: &str = "comparison";

/// Files to write (name and bytes), and the renderers' warnings.
type Rendered = (Vec<(String, Vec<u8>)>, Vec<crate::diagnostic::Diagnostic>);

/// The comparison in each format, in memory, as files to write.
fn render(c: &Comparison, formats: &[Format]) -> Result<Rendered> {
    use crate::render::comparison as r;
    let limits = crate::render::Limits::default();
    let mut files = Vec::new();
    let mut notes = Vec::new();
    for format in formats {
        let bytes = match format {
            Format::Md => r::markdown(c, limits)?.into_bytes(),
            Format::Html => r::html(c, limits)?.into_bytes(),
            Format::Docx => crate::render::docx::comparison(c)?,
            Format::Pdf => {
                let (bytes, warnings) = pdf(c, limits)?;
                notes.extend(warnings);
                bytes
            }
        };
        files.push((format!("{NAME}.{}", format.ext()), bytes));
    }
    Ok((files, notes))
}

#[cfg(feature = "pdf")]
fn pdf(
    c: &Comparison,
    limits: crate::render::Limits,
) -> Result<(Vec<u8>, Vec<crate::diagnostic::Diagnostic>)> {
    crate::render::pdf::comparison(c, limits)
}

#[cfg(not(feature = "pdf"))]
fn pdf(
    _c: &Comparison,
    _limits: crate::render::Limits,
) -> Result<(Vec<u8>, Vec<crate::diagnostic::Diagnostic>)> {
    Err(Failure::hinted(msg!(CmdBuildNoPdf), msg!(CmdBuildNoPdfHint)).into())
}

/// Runs `git ARGS` in `dir`. Git that cannot be started at all is a failure with a hint.
fn git(dir: &Path, args: &[&str]) -> Result<Output> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|e| {
            Failure::hinted(
                msg!(CmdDiffGitMissing, why = crate::error::io(&e)),
                msg!(CmdDiffGitMissingHint),
            )
            .into()
        })
}

/// The first line git wrote to standard error, for a failure.
fn stderr_line(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_owned()
}

/// The files of the programme as they were at `rev` of the repository that holds `root`,
/// written into a temporary folder, loaded and checked.
fn from_git(rev: &str, root: &Path) -> Result<Loaded> {
    let failed = |command: &str, out: &Output| {
        Failure::new(msg!(
            CmdDiffGitFailed,
            rev = rev,
            command = command,
            why = stderr_line(out)
        ))
    };
    let top = git(root, &["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        let dir = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        return Err(Failure::hinted(
            msg!(CmdDiffNotARepository, dir = dir.display().to_string()),
            msg!(CmdDiffNotARepositoryHint),
        )
        .into());
    }
    let top = PathBuf::from(String::from_utf8_lossy(&top.stdout).trim_end_matches(['\n', '\r']));
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let real_top = std::fs::canonicalize(&top).unwrap_or_else(|_| top.clone());
    let inside = real_root.strip_prefix(&real_top).unwrap_or(Path::new(""));
    let prefix: String = inside
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(format!("{}/", part.to_string_lossy())),
            _ => None,
        })
        .collect();
    let spec = format!("{rev}^{{commit}}");
    let commit = git(
        &real_top,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ],
    )?;
    if !commit.status.success() {
        return Err(Failure::hinted(
            msg!(
                CmdDiffUnknownRevision,
                rev = rev,
                repo = real_top.display().to_string()
            ),
            msg!(CmdDiffUnknownRevisionHint),
        )
        .into());
    }
    let commit = String::from_utf8_lossy(&commit.stdout).trim().to_owned();
    let pathspec = if prefix.is_empty() { "." } else { &prefix };
    let listed = git(
        &real_top,
        &[
            "ls-tree",
            "-r",
            "-z",
            "--name-only",
            &commit,
            "--",
            pathspec,
        ],
    )?;
    if !listed.status.success() {
        return Err(failed("ls-tree", &listed).into());
    }
    let tmp = tempfile::Builder::new()
        .prefix("nko-draft-diff-")
        .tempdir()
        .map_err(|e| Failure::new(msg!(ErrCannotCreate, path = "(temp)")).because(e))?;
    let mut found = false;
    for path in listed.stdout.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        let path = String::from_utf8_lossy(path);
        let Some(rel) = path.strip_prefix(prefix.as_str()) else {
            continue;
        };
        if !is_input(rel) {
            continue;
        }
        found |= rel == project::MARKER;
        let blob = git(
            &real_top,
            &["cat-file", "blob", &format!("{commit}:{path}")],
        )?;
        if !blob.status.success() {
            return Err(failed("cat-file", &blob).into());
        }
        let to = tmp.path().join(rel);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                Failure::new(msg!(ErrCannotCreate, path = parent.display().to_string())).because(e)
            })?;
        }
        std::fs::write(&to, &blob.stdout).map_err(|e| {
            Failure::new(msg!(ErrCannotWrite, path = to.display().to_string())).because(e)
        })?;
    }
    if !found {
        let path = if prefix.is_empty() {
            project::MARKER.to_owned()
        } else {
            format!("{prefix}{}", project::MARKER)
        };
        return Err(Failure::hinted(
            msg!(CmdDiffNotInRevision, rev = rev, path = path.clone()),
            msg!(CmdDiffNotInRevisionHint, path = path),
        )
        .into());
    }
    let checked = crate::check_root(tmp.path(), &Default::default())?;
    let origin = Origin::Git {
        rev: rev.to_owned(),
        commit,
        prefix,
    };
    Ok(Loaded {
        checked,
        label: Some(origin.source()),
        origin,
        _tmp: Some(tmp),
    })
}

/// Whether a file of the programme (its path inside the programme, with `/`) is one the loader
/// reads: the YAML files at the top, and what `cases/`, `steps/` and `templates/` hold. Other
/// files (built outputs, notes) are not needed to compare, and a path that could climb out of
/// the temporary folder is never written.
fn is_input(rel: &str) -> bool {
    let parts: Vec<&str> = rel.split('/').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || *p == "." || *p == "..")
    {
        return false;
    }
    match parts.as_slice() {
        [file] => file.ends_with(".yaml") || file.ends_with(".yml"),
        [dir, _] => matches!(*dir, "cases" | "steps" | "templates"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_inputs_of_a_programme_are_taken_from_git() {
        for yes in [
            "programme.yaml",
            "steps/a.yaml",
            "cases/b.yaml",
            "templates/body.md",
        ] {
            assert!(is_input(yes), "{yes}");
        }
        for no in [
            "out/programme.pdf",
            "README.md",
            "steps/x/y.yaml",
            "../x.yaml",
            "steps/../a",
        ] {
            assert!(!is_input(no), "{no}");
        }
    }

    #[test]
    fn a_revision_is_named_with_its_commit() {
        let git = |rev: &str| Origin::Git {
            rev: rev.into(),
            commit: "a1b2c3d4e5f6".into(),
            prefix: String::new(),
        };
        assert_eq!(git("HEAD~1").source(), "HEAD~1, a1b2c3d");
        assert_eq!(git("a1b2c3d4").source(), "a1b2c3d");
    }
}
