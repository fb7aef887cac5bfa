//! `build`: check, assemble and render the programme in the chosen formats, then write the
//! files. Every format is rendered in memory, then written in full to a temporary file next to
//! its output, and only when all are ready do they replace the outputs, each in one rename: a
//! failure leaves the previous outputs as they were.

use std::path::PathBuf;

use anyhow::Result;

use crate::document::{self, Document};
use crate::error::Failure;
use crate::model::Format;
use crate::msg;
use crate::render::Templates;
use crate::render::html::HtmlRenderer;
use crate::render::markdown::MarkdownRenderer;
use crate::{Checked, project};

/// What to build and where.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The programme root, or `None` to discover it.
    pub dir: Option<PathBuf>,
    /// Formats; `None` for the programme's `output.formats`, else every format built in.
    pub formats: Option<Vec<Format>>,
    /// Output folder; `None` for the programme's `output.dir` (relative to the root), else
    /// `out` in the current folder.
    pub out: Option<PathBuf>,
    /// How long each template may run; `None` for [`crate::render::DEFAULT_TIMEOUT`].
    pub template_timeout: Option<std::time::Duration>,
    /// The date written into the PDF instead of the document's (`SOURCE_DATE_EPOCH`).
    pub pdf_date: Option<crate::model::Date>,
}

/// The outcome of a build: the findings, and the files written (none when there were errors).
#[derive(Debug)]
pub struct Built {
    /// The checked input, with every finding.
    pub checked: Checked,
    /// Files written, with their sizes in bytes.
    pub written: Vec<(PathBuf, usize)>,
    /// Warnings of the renderers (Typst's, from the PDF template), with file and line.
    pub notes: Vec<crate::diagnostic::Diagnostic>,
}

/// The formats built when neither the command line nor the programme names any.
pub(crate) fn default_formats() -> Vec<Format> {
    if cfg!(feature = "pdf") {
        vec![Format::Md, Format::Html, Format::Pdf, Format::Docx]
    } else {
        vec![Format::Md, Format::Html, Format::Docx]
    }
}

/// Checks and builds. Errors in the input are not a failure of this function: they come back
/// in [`Built::checked`] with nothing written.
pub fn build(opts: &BuildOptions) -> Result<Built> {
    let root = project::find_root(opts.dir.as_deref())?;
    let checked = crate::check_root(&root, &Default::default())?;
    if checked.counts().0 > 0 {
        return Ok(Built {
            checked,
            written: Vec::new(),
            notes: Vec::new(),
        });
    }
    let mut checked = checked;
    checked.input.drop_trees(&checked.diagnostics);
    let doc = document::assemble(&checked.input)?;
    let settings = checked
        .input
        .programme
        .as_ref()
        .and_then(|(_, p)| p.output.clone())
        .unwrap_or_default();
    // From here on only the findings (and the text they quote) are needed: free the trees and
    // the typed input before the renderers, the hungriest stage, run.
    checked.input.keep_only_texts(&checked.diagnostics);
    let formats = opts
        .formats
        .clone()
        .or(settings.formats)
        .unwrap_or_else(default_formats);
    let out_dir = match (&opts.out, &settings.dir) {
        (Some(out), _) => out.clone(),
        (None, Some(dir)) => inside_root(&root, dir)?,
        (None, None) => PathBuf::from("out"),
    };
    let name = settings.name.unwrap_or_else(|| "programme".to_owned());
    let mut templates = Templates::load(&root)?;
    if let Some(timeout) = opts.template_timeout {
        templates = templates.with_timeout(timeout);
    }
    // Each file is staged as soon as it is rendered, and its bytes let go: a large
    // programme's Markdown is not held while its HTML is made.
    let mut outputs = Outputs::new(&out_dir)?;
    let notes = render(
        &doc,
        &templates,
        &formats,
        opts.pdf_date,
        &mut |format, parts| outputs.stage(&format!("{name}.{}", format.ext()), parts),
    )?;
    let written = outputs.commit()?;
    Ok(Built {
        checked,
        written,
        notes,
    })
}

/// Writes `files` (name and bytes) into `out_dir`, created if missing: every file is written
/// in full next to its destination before any output is replaced, so a failure on the way (a
/// full disk, a folder in the way) leaves every output as it was. Returns the paths written
/// and their sizes.
pub(crate) fn write_outputs(
    out_dir: &std::path::Path,
    files: Vec<(String, Vec<u8>)>,
) -> Result<Vec<(PathBuf, usize)>> {
    let mut outputs = Outputs::new(out_dir)?;
    for (name, bytes) in files {
        outputs.stage(&name, &[&bytes])?;
    }
    outputs.commit()
}

/// Outputs on their way into a folder: each is written in full to a temporary file next to
/// its destination ([`Outputs::stage`]), and only [`Outputs::commit`] replaces them all.
/// Dropped before that, the temporary files go, and so does the folder if it was made for them.
pub(crate) struct Outputs {
    dir: PathBuf,
    /// The folder did not exist: it is removed again if nothing is committed into it.
    created: bool,
    staged: Vec<(crate::edit::Staged, usize)>,
    committed: bool,
}

impl Outputs {
    /// Outputs into `dir`, created now if missing.
    pub(crate) fn new(dir: &std::path::Path) -> Result<Outputs> {
        let created = !dir.exists();
        std::fs::create_dir_all(dir).map_err(|e| {
            Failure::hinted(
                msg!(
                    CmdBuildCannotCreateOut,
                    path = dir.display().to_string(),
                    why = crate::error::io(&e)
                ),
                msg!(CmdBuildCannotCreateOutHint),
            )
        })?;
        Ok(Outputs {
            dir: dir.to_path_buf(),
            created,
            staged: Vec::new(),
            committed: false,
        })
    }

    /// Writes the bytes of `parts`, one after the other, to a temporary file beside the
    /// output `name`.
    pub(crate) fn stage(&mut self, name: &str, parts: &[&[u8]]) -> Result<()> {
        let path = self.dir.join(name);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            return Err(Failure::hinted(
                msg!(CmdBuildFolderInTheWay, path = path.display().to_string()),
                msg!(CmdBuildFolderInTheWayHint),
            )
            .into());
        }
        let size = parts.iter().map(|p| p.len()).sum();
        self.staged
            .push((crate::edit::Staged::from_parts(&path, parts, None)?, size));
        Ok(())
    }

    /// Replaces every output with its staged file. Returns the paths written and their sizes.
    pub(crate) fn commit(mut self) -> Result<Vec<(PathBuf, usize)>> {
        self.committed = true;
        let mut written = Vec::new();
        for (file, size) in std::mem::take(&mut self.staged) {
            let path = file.path().to_path_buf();
            file.commit()?;
            written.push((path, size));
        }
        Ok(written)
    }
}

impl Drop for Outputs {
    fn drop(&mut self) {
        // The temporary files first, then the folder, which is removed only if empty.
        self.staged.clear();
        if self.created && !self.committed {
            let _ = std::fs::remove_dir(&self.dir);
        }
    }
}

/// `dir` of `output` in programme.yaml, under the root, refused when it leads outside the root
/// through a link: a programme may come from someone else (a pull request that CI builds), and
/// only a folder the user typed (`--out`) may point anywhere. (`check` has already refused an
/// absolute `dir` or one that climbs out with `..`.)
pub(crate) fn inside_root(root: &std::path::Path, dir: &str) -> Result<PathBuf> {
    // The same check as for a file that `add-*` edits; the folder keeps its spelling in messages.
    crate::edit::resolve_inside(root, dir).map_err(|d| {
        Failure::hinted(
            msg!(CmdBuildOutputDir, dir = dir, why = d.message),
            msg!(CmdBuildOutputDirHint),
        )
    })?;
    Ok(root.join(dir))
}

/// Where [`render`] gives each file it made: its format and its bytes, in pieces to be written
/// one after the other.
pub(crate) type Emit<'a> = dyn FnMut(Format, &[&[u8]]) -> Result<()> + Send + 'a;

/// Renders the document in each format, in memory, and gives each file to `emit` as soon as
/// it is made, in the order md, html, pdf, docx. Returns the renderers' warnings, with file
/// and line. `pdf_date` replaces the document's date in the PDF (see
/// [`crate::render::pdf::render`]).
pub(crate) fn render(
    doc: &Document,
    templates: &Templates,
    formats: &[Format],
    pdf_date: Option<crate::model::Date>,
    emit: &mut Emit<'_>,
) -> Result<Vec<crate::diagnostic::Diagnostic>> {
    let mut notes = Vec::new();
    if formats.contains(&Format::Md) || formats.contains(&Format::Html) {
        let markdown = MarkdownRenderer::new(templates)?;
        let mut ctx = crate::render::context(doc);
        let body = markdown.body(&ctx)?;
        // The Markdown file and the HTML page are both made from the body: side by side, the
        // Markdown (and its writing) on a thread of its own.
        let (md, html) = (
            formats.contains(&Format::Md),
            formats.contains(&Format::Html),
        );
        let html = if html {
            Some(HtmlRenderer::new(templates)?)
        } else {
            None
        };
        let mut md_ctx = ctx.clone();
        let page = std::thread::scope(|scope| -> Result<Option<crate::render::html::Page>> {
            let markdown_file = scope.spawn(|| -> Result<()> {
                if md {
                    emit(
                        Format::Md,
                        &[markdown.programme(&mut md_ctx, &body)?.as_bytes()],
                    )?;
                }
                Ok(())
            });
            let page = html
                .as_ref()
                .map(|html| html.page_parts(&mut ctx, doc, &body))
                .transpose();
            match markdown_file.join() {
                Ok(written) => written?,
                Err(panic) => std::panic::resume_unwind(panic),
            }
            page
        })?;
        if let Some(page) = page {
            emit(Format::Html, &page.parts())?;
        }
    }
    if formats.contains(&Format::Pdf) {
        let (bytes, warnings) = pdf(doc, templates, pdf_date)?;
        emit(Format::Pdf, &[&bytes])?;
        notes.extend(warnings);
    }
    if formats.contains(&Format::Docx) {
        emit(Format::Docx, &[&crate::render::docx::render(doc)?])?;
    }
    Ok(notes)
}

#[cfg(feature = "pdf")]
fn pdf(
    doc: &Document,
    templates: &Templates,
    date: Option<crate::model::Date>,
) -> Result<(Vec<u8>, Vec<crate::diagnostic::Diagnostic>)> {
    let _status = crate::progress::Status::after(std::time::Duration::from_secs(1), |seconds| {
        msg!(ProgressPdf, seconds = seconds)
    });
    crate::render::pdf::render(doc, templates, date)
}

#[cfg(not(feature = "pdf"))]
fn pdf(
    _doc: &Document,
    _templates: &Templates,
    _date: Option<crate::model::Date>,
) -> Result<(Vec<u8>, Vec<crate::diagnostic::Diagnostic>)> {
    Err(Failure::hinted(msg!(CmdBuildNoPdf), msg!(CmdBuildNoPdfHint)).into())
}
