//! The implementation report ([`Report`]) in each format: Markdown through the Tera template
//! `report.md` with the programme's Markdown escaping, HTML from that Markdown the way the
//! programme's page is made (comrak with raw HTML off, accessible tables, the charts as inline
//! SVG at their `html_chart` markers, the programme page's stylesheet), PDF through the Typst template `report.typ` (see [`super::pdf::report`]), DOCX
//! through [`super::docx::report`]. `report.md` and `report.typ` may be replaced by the
//! programme's own, in its `templates/` folder, like the programme's templates.

use std::sync::Arc;

use anyhow::Result;
use tera::Tera;

use super::html::{body_html_with_charts, strip_markers};
use super::{Templates, render_tera, tera_failure};
use crate::document::report::Report;

/// The HTML page around the Markdown's HTML (built in only).
const PAGE: &str = include_str!("../../templates/report.html");

/// Tera's name of the Markdown template: the path a user would open.
const MARKDOWN_NAME: &str = "templates/report.md";
const PAGE_NAME: &str = "report.html";

/// The Markdown template as Tera knows it: name and text.
pub(crate) fn source(templates: &Templates) -> (&'static str, &str) {
    (MARKDOWN_NAME, templates.get("report.md").0)
}

/// The Tera instance of the Markdown template, compiled; `check` calls it too, so a broken
/// template is found before anything is rendered.
pub(crate) fn compile(templates: &Templates) -> Result<Tera, tera::Error> {
    let mut tera = Tera::new();
    tera.set_escape_fn(super::markdown::escape);
    tera.autoescape_on([".md"]);
    super::html::register_functions(&mut tera);
    tera.add_raw_template(MARKDOWN_NAME, source(templates).1)?;
    Ok(tera)
}

/// The report as Markdown, with the markers the HTML reads (see [`super::html`]).
fn markdown_with_markers(r: &Report, templates: &Templates) -> Result<String> {
    let (text, user) = templates.get("report.md");
    let tera = compile(templates).map_err(|e| tera_failure(e, user, &[(MARKDOWN_NAME, text)]))?;
    let mut ctx = tera::Context::new();
    ctx.insert("r", r);
    render_tera(
        &Arc::new(tera),
        MARKDOWN_NAME,
        &ctx,
        user,
        templates.limits(),
        0,
    )
}

/// The report as Markdown.
pub fn markdown(r: &Report, templates: &Templates) -> Result<String> {
    Ok(super::markdown::tidy(&strip_markers(
        &markdown_with_markers(r, templates)?,
    )))
}

/// The report as one self-contained HTML page.
pub fn html(r: &Report, templates: &Templates) -> Result<String> {
    let md = markdown_with_markers(r, templates)?;
    let (body, _) = body_html_with_charts(&md, r.tables(), super::chart::of_report(r));
    let mut tera = Tera::new();
    tera.autoescape_on([".html"]);
    tera.add_raw_template(PAGE_NAME, PAGE)
        .map_err(|e| tera_failure(e, false, &[(PAGE_NAME, PAGE)]))?;
    let mut ctx = tera::Context::new();
    ctx.insert("r", r);
    ctx.insert("body", &body);
    ctx.insert("style", super::comparison::stylesheet());
    render_tera(
        &Arc::new(tera),
        PAGE_NAME,
        &ctx,
        false,
        templates.limits(),
        0,
    )
}
