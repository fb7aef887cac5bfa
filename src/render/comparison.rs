//! The comparison table of two drafts (`nko-draft diff`) in each format, from the one
//! [`Comparison`]: Markdown through a small Tera template with the programme's Markdown
//! escaping, HTML from that Markdown the way the programme's page is made (comrak with raw HTML
//! off and accessible tables, the programme page's stylesheet), PDF through a small Typst
//! template (see [`super::pdf::comparison`]). The templates are built in; a programme's own
//! `templates/` do not apply to the comparison.

use std::sync::Arc;

use anyhow::Result;
use tera::Tera;

use super::html::{body_html, strip_markers};
use super::{Limits, render_tera, tera_failure};
use crate::document::compare::Comparison;

/// The Markdown template.
const MARKDOWN: &str = include_str!("../../templates/comparison.md");
/// The HTML page around the Markdown's HTML.
const PAGE: &str = include_str!("../../templates/comparison.html");
/// The Typst template.
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
pub(crate) const TYPST: &str = include_str!("../../templates/comparison.typ");

const MARKDOWN_NAME: &str = "comparison.md";
const PAGE_NAME: &str = "comparison.html";

/// The comparison as Markdown, with the markers the HTML reads (see [`super::html`]).
fn markdown_with_markers(c: &Comparison, limits: Limits) -> Result<String> {
    let mut tera = Tera::new();
    tera.set_escape_fn(super::markdown::escape);
    tera.autoescape_on([".md"]);
    super::html::register_functions(&mut tera);
    tera.add_raw_template(MARKDOWN_NAME, MARKDOWN)
        .map_err(|e| tera_failure(e, false, &[(MARKDOWN_NAME, MARKDOWN)]))?;
    let mut ctx = tera::Context::new();
    ctx.insert("c", c);
    render_tera(&Arc::new(tera), MARKDOWN_NAME, &ctx, false, limits, 0)
}

/// The comparison as Markdown.
pub fn markdown(c: &Comparison, limits: Limits) -> Result<String> {
    Ok(super::markdown::tidy(&strip_markers(
        &markdown_with_markers(c, limits)?,
    )))
}

/// The comparison as one self-contained HTML page.
pub fn html(c: &Comparison, limits: Limits) -> Result<String> {
    let md = markdown_with_markers(c, limits)?;
    let (body, _) = body_html(&md, [&c.table]);
    let mut tera = Tera::new();
    tera.autoescape_on([".html"]);
    tera.add_raw_template(PAGE_NAME, PAGE)
        .map_err(|e| tera_failure(e, false, &[(PAGE_NAME, PAGE)]))?;
    let mut ctx = tera::Context::new();
    ctx.insert("c", c);
    ctx.insert("body", &body);
    ctx.insert("style", stylesheet());
    render_tera(&Arc::new(tera), PAGE_NAME, &ctx, false, limits, 0)
}

/// The stylesheet of the programme's built-in page, so that the comparison looks like the
/// programme (and its tables read the same on a phone and in print).
pub(crate) fn stylesheet() -> &'static str {
    super::BUILT_IN
        .iter()
        .find(|(name, _)| *name == "page.html")
        .and_then(|(_, page)| page.split_once("<style>"))
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .map_or("", |(css, _)| css.trim_matches('\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_takes_the_programme_pages_stylesheet() {
        let css = stylesheet();
        assert!(css.contains("@media print"), "{css}");
        assert!(!css.contains("<style>") && !css.contains("</style>"));
    }
}
