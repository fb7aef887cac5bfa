//! `report`: check the programme, assemble the implementation report for a period (see
//! [`crate::document::report`]), render it in the chosen formats and write the files
//! `report-2027.md`, `report-2027-Q3.pdf`, … (staged, like `build`: a failure leaves the
//! previous outputs as they were).

use std::path::PathBuf;

use anyhow::Result;

use crate::diagnostic::{Code, Diagnostic};
use crate::document::report::{Report, assemble_report};
use crate::error::Failure;
use crate::model::{Date, Format, ReportPeriod};
use crate::msg;
use crate::render::Templates;
use crate::{Checked, project};

/// What to report and where.
#[derive(Debug, Clone)]
pub(crate) struct ReportOptions {
    /// The period.
    pub period: ReportPeriod,
    /// Formats; `None` for every format built in.
    pub formats: Option<Vec<Format>>,
    /// Output folder; `None` for the programme's `output.dir`, else `./out`.
    pub out: Option<PathBuf>,
    /// The date of the report; `None` for the last day of the period.
    pub date: Option<Date>,
}

/// The outcome of `report`: the findings, the files written (none when there were errors),
/// the renderers' warnings and what the report found missing.
#[derive(Debug)]
pub(crate) struct Reported {
    /// The checked input, with every finding.
    pub checked: Checked,
    /// Files written, with their sizes in bytes.
    pub written: Vec<(PathBuf, usize)>,
    /// Warnings of the renderers (Typst's), with file and line.
    pub notes: Vec<crate::diagnostic::Diagnostic>,
    /// What the report lacks (an unexplained deviation), placed at the indicator's `actual`
    /// value of the year.
    pub warnings: Vec<Diagnostic>,
}

/// Checks, assembles, renders and writes. Errors in the input are not a failure of this
/// function: they come back in [`Reported::checked`] with nothing written. A period outside
/// the programme's is a failure naming `--period`.
pub(crate) fn report(opts: &ReportOptions) -> Result<Reported> {
    let root = project::find_root(None)?;
    let checked = crate::check_root(&root, &Default::default())?;
    let mut reported = Reported {
        checked,
        written: Vec::new(),
        notes: Vec::new(),
        warnings: Vec::new(),
    };
    if reported.checked.counts().0 > 0 {
        return Ok(reported);
    }
    let Some((_, programme)) = reported.checked.input.programme.as_ref() else {
        return Ok(reported);
    };
    let (from, to) = (programme.period.from, programme.period.to);
    let period = opts.period;
    if period.year < from || period.year > to {
        return Err(Failure::hinted(
            msg!(
                CmdReportOutside,
                period = period.to_string(),
                from = from.to_string(),
                to = to.to_string()
            ),
            msg!(CmdReportOutsideHint, from = from.to_string()),
        )
        .into());
    }
    let settings = programme.output.clone().unwrap_or_default();
    let date = opts.date.unwrap_or_else(|| period.end_date());
    if let Some((step, done)) = done_after(&reported.checked.input, period, date) {
        return Err(Failure::hinted(
            msg!(
                CmdReportDoneAfterDate,
                date = date.to_string(),
                step = step,
                done = done.to_string()
            ),
            msg!(CmdReportDoneAfterDateHint, done = done.to_string()),
        )
        .into());
    }
    let r = assemble_report(&reported.checked.input, period, date)?;
    let formats = opts
        .formats
        .clone()
        .unwrap_or_else(crate::build::default_formats);
    let out_dir = match (&opts.out, &settings.dir) {
        (Some(out), _) => out.clone(),
        (None, Some(dir)) => crate::build::inside_root(&root, dir)?,
        (None, None) => PathBuf::from("out"),
    };
    let templates = Templates::load(&root)?;
    let (files, notes) = render(&r, &templates, &formats)?;
    reported.written = crate::build::write_outputs(&out_dir, files)?;
    reported.notes = notes;
    let input = &reported.checked.input;
    reported.warnings = match &input.indicators {
        Some((file, _)) => (r.warnings.into_iter())
            .map(|(i, message, hint)| {
                let path = input
                    .path(*file)
                    .index(i)
                    .key("actual")
                    .key(&period.year.to_string());
                Diagnostic::warning(
                    Code::UnexplainedDeviation,
                    &input.source(*file).rel,
                    message,
                )
                .at(input.pos(*file, &path))
                .path(&path)
                .hint(hint)
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(reported)
}

/// The step done last among those done after `date` by the progress a report for `period`
/// reads (entries of periods that end by the period's end), with its day: a report cannot be
/// dated before what it reports.
fn done_after(
    input: &crate::load::Input,
    period: ReportPeriod,
    date: Date,
) -> Option<(String, Date)> {
    input
        .steps
        .iter()
        .flat_map(|sf| &sf.steps)
        .flat_map(|s| {
            s.progress_by_period()
                .filter(|(p, _)| p.end_date() <= period.end_date())
                .filter_map(|(_, e)| e.done_on.as_ref().and_then(|d| d.get()))
                .map(move |d| (s.id.clone(), d))
        })
        .filter(|(_, d)| *d > date)
        .max_by_key(|(_, d)| *d)
}

/// Files to write (name and bytes), and the renderers' warnings.
type Rendered = (Vec<(String, Vec<u8>)>, Vec<crate::diagnostic::Diagnostic>);

/// The report in each format, in memory, as files named `report-<period>.<ext>`.
pub(crate) fn render(r: &Report, templates: &Templates, formats: &[Format]) -> Result<Rendered> {
    use crate::render::report as rr;
    let mut files = Vec::new();
    let mut notes = Vec::new();
    for format in [Format::Md, Format::Html, Format::Pdf, Format::Docx] {
        if !formats.contains(&format) {
            continue;
        }
        let bytes = match format {
            Format::Md => rr::markdown(r, templates)?.into_bytes(),
            Format::Html => rr::html(r, templates)?.into_bytes(),
            Format::Docx => crate::render::docx::report(r)?,
            Format::Pdf => {
                let (bytes, warnings) = pdf(r, templates)?;
                notes.extend(warnings);
                bytes
            }
        };
        files.push((format!("report-{}.{}", r.period, format.ext()), bytes));
    }
    Ok((files, notes))
}

#[cfg(feature = "pdf")]
fn pdf(r: &Report, templates: &Templates) -> Result<PdfOut> {
    crate::render::pdf::report(r, templates)
}

#[cfg(not(feature = "pdf"))]
fn pdf(_r: &Report, _templates: &Templates) -> Result<PdfOut> {
    Err(Failure::hinted(msg!(CmdBuildNoPdf), msg!(CmdBuildNoPdfHint)).into())
}

/// One file's bytes and the renderer's warnings.
type PdfOut = (Vec<u8>, Vec<crate::diagnostic::Diagnostic>);
