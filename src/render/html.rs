//! HTML: the Markdown body through comrak (raw HTML off), with accessible tables, inside the
//! page template `page.html`: one self-contained file with inline CSS and no scripts.
//!
//! The semantics of the page come from the view model, never from the shape of the Markdown,
//! which may be a user's own `body.md`. A template tells the renderer which Markdown table is
//! which of the document's tables with `{{ html_table(of=doc.steps.table) }}` on the line above
//! the table, and where an annex starts with `{{ html_annex() }}` on the line above its mark.
//! Each prints a marker, an HTML comment on a line of its own, that comrak keeps as an HTML
//! block; the formatter reads it here, and the Markdown renderer removes it from `programme.md`
//! ([`strip_markers`]). User text cannot forge one: the `<` and `>` of every value are escaped
//! for Markdown, so a value never becomes raw HTML, and only raw HTML can be a marker.
//!
//! comrak's own table output has no header scopes and no captions, so a small formatter
//! overrides a few node kinds:
//! - every table: header cells get `scope="col"`;
//! - a table of the document ([`TableFacts`]) gets its caption from the view model (a paragraph
//!   with the same text right above the marker is the Markdown's caption and is not repeated),
//!   the first cell of a body row `scope="row"`, and each row whose first cell is one of its
//!   row groups («Задача 1. …») becomes one `<th scope="rowgroup" colspan="…">` (when its other
//!   cells are empty) opening a `<tbody>` of its own;
//! - a table without a marker is plain data: no caption, no row headers, no row groups;
//! - every body cell but a row group's header repeats its column's header as `data-label`:
//!   below 600 px the page shows each row as a block, each cell under that label (generated
//!   content with empty alternative text, so screen readers still read a table, once);
//! - tables are wrapped in a focusable region that could scroll, labelled by the
//!   caption or else the heading above. A table of the document without a caption that is not
//!   right below its section's heading gets that heading as a caption for screen readers only;
//!   a table without a marker that is not right below a heading is labelled (`aria-labelledby`)
//!   by the last heading before it;
//! - headings get ids without comrak's empty anchor links (noise for screen readers), and are
//!   collected for the page's contents navigation;
//! - the paragraph (or heading) after an annex marker gets a class, so print starts each annex
//!   on a new page.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use anyhow::Result;
use comrak::html::{ChildRendering, format_node_default};
use comrak::nodes::{AstNode, NodeValue, TableAlignment};
use comrak::{Arena, Options, create_formatter, parse_document};
use serde::{Deserialize, Serialize};
use tera::{Context, Kwargs, State, Tera, TeraResult};

use super::chart::Drawn;
use super::{Limits, Templates, render_tera, tera_failure};
use crate::document::{CellList, Document, TableFacts};

const PAGE: &str = "templates/page.html";

/// A table marker is `<!-- nko-draft table ID -->`, an annex marker `<!-- nko-draft annex -->`:
/// HTML comments, which GitHub would not show either.
const MARK_OPEN: &str = "<!-- nko-draft ";
const MARK_CLOSE: &str = " -->";
const ANNEX: &str = "annex";
const TABLE: &str = "table ";
const CHART: &str = "chart ";

/// What a marker says.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Marker {
    /// The next table is the document's table with this id.
    Table(String),
    /// The next paragraph (or heading) starts an annex.
    Annex,
    /// Here goes the chart with this id; the paragraph right after the marker is the
    /// Markdown's stand-in for the picture, which the picture replaces.
    Chart(String),
}

/// True for the characters of a table id (see [`TableFacts::id`]).
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

/// The marker that is exactly `text` (the literal of an HTML block or inline, trailing line
/// break allowed).
fn marker(text: &str) -> Option<Marker> {
    let inner = text
        .strip_suffix('\n')
        .unwrap_or(text)
        .strip_prefix(MARK_OPEN)?
        .strip_suffix(MARK_CLOSE)?;
    if inner == ANNEX {
        return Some(Marker::Annex);
    }
    if let Some(id) = inner.strip_prefix(CHART) {
        return is_id(id).then(|| Marker::Chart(id.to_owned()));
    }
    inner
        .strip_prefix(TABLE)
        .filter(|id| is_id(id))
        .map(|id| Marker::Table(id.to_owned()))
}

/// The marker a node is, if it is one: an HTML block or inline holding just a marker.
fn marker_of<'a>(node: Option<&'a AstNode<'a>>) -> Option<Marker> {
    match &node?.data().value {
        NodeValue::HtmlBlock(block) => marker(&block.literal),
        NodeValue::HtmlInline(literal) => marker(literal),
        _ => None,
    }
}

/// Removes every marker from Markdown: a line that is only a marker becomes an empty line
/// (which is how comrak reads it, an HTML block ending what came before), and a marker within
/// a line goes without a trace. Escaped user text never holds one (its `<` and `>` are
/// escaped), so nothing else is touched.
pub(crate) fn strip_markers(markdown: &str) -> String {
    if !markdown.contains(MARK_OPEN) {
        return markdown.to_owned();
    }
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.split_inclusive('\n') {
        if marker(line.trim_end_matches(['\r', '\n']).trim()).is_some() {
            out.push('\n');
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find(MARK_OPEN) {
            let after = &rest[at..];
            let len = after
                .find(MARK_CLOSE)
                .map(|end| end + MARK_CLOSE.len())
                .filter(|&len| marker(&after[..len]).is_some());
            out.push_str(&rest[..at]);
            match len {
                Some(len) => rest = &after[len..],
                None => {
                    out.push_str(&after[..MARK_OPEN.len()]);
                    rest = &after[MARK_OPEN.len()..];
                }
            }
        }
        out.push_str(rest);
    }
    out
}

/// The arguments of `html_table` and `html_chart`: `of`, a table or a chart of the view model.
#[derive(Deserialize)]
struct MarkerArgs {
    of: IdRef,
}

/// A [`TableFacts`] or a chart as a template passes it: only its id matters here.
#[derive(Deserialize)]
struct IdRef {
    id: String,
}

/// A marker that names a part of the document by its id:
/// - `{{ html_table(of=doc.steps.table) }}` makes the Markdown table below it that table of
///   the document in HTML;
/// - `{{ html_chart(of=doc.steps.roadmap) }}` is where the HTML page draws that chart; the
///   paragraph right after it is the Markdown's stand-in for the picture (a sentence saying
///   where to see it), which the page leaves out.
struct IdMarker {
    /// What the marker says the id is: [`TABLE`] or [`CHART`].
    kind: &'static str,
    /// The error when `of=` is missing or not a part of the document.
    usage: &'static str,
}

impl tera::Function<TeraResult<String>> for IdMarker {
    fn call(&self, kwargs: Kwargs, _: &State) -> TeraResult<String> {
        let id = kwargs
            .deserialize::<MarkerArgs>()
            .ok()
            .map(|args| args.of.id)
            .filter(|id| is_id(id))
            .ok_or_else(|| tera::Error::message(self.usage))?;
        Ok(format!("{MARK_OPEN}{}{id}{MARK_CLOSE}", self.kind))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// `{{ html_annex() }}`: the marker that makes the paragraph (or heading) below it the start
/// of an annex in HTML.
struct HtmlAnnex;

impl tera::Function<TeraResult<String>> for HtmlAnnex {
    fn call(&self, _: Kwargs, _: &State) -> TeraResult<String> {
        Ok(format!("{MARK_OPEN}{ANNEX}{MARK_CLOSE}"))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// Makes `html_table`, `html_annex` and `html_chart` available to the Markdown templates.
pub(crate) fn register_functions(tera: &mut Tera) {
    tera.register_function(
        "html_table",
        IdMarker {
            kind: TABLE,
            usage: "html_table needs `of=`, a table of the document, such as `html_table(of=doc.steps.table)` or `html_table(of=c.table)`",
        },
    );
    tera.register_function("html_annex", HtmlAnnex);
    tera.register_function(
        "html_chart",
        IdMarker {
            kind: CHART,
            usage: "html_chart needs `of=`, a chart of the document, such as `html_chart(of=doc.steps.roadmap)`",
        },
    );
}

/// A chart as the page prints it: a figure with its caption, the SVG inline in a region that
/// scrolls sideways on a narrow screen (focusable, so a keyboard can scroll it too).
fn write_figure(out: &mut String, chart: &Drawn) {
    let id = &chart.id;
    let _ = write!(
        out,
        "<figure class=\"chart\" id=\"figure-{id}\">\n<figcaption id=\"chart-{id}-caption\">{}</figcaption>\n\
<div class=\"chart-frame\" role=\"region\" tabindex=\"0\" aria-labelledby=\"chart-{id}-caption\">\n{}\n</div>\n</figure>\n",
        super::chart::escape(&chart.title),
        // HTML puts an `svg` element in the SVG namespace itself; the page names no address.
        chart
            .svg
            .text
            .replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1)
    );
}

/// A heading found in the body, for the contents navigation.
#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    /// The heading's id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its subsections.
    pub children: Vec<NavItem>,
}

/// What the formatter keeps while it walks the document.
#[derive(Debug, Default)]
pub struct FormatState {
    /// Headings in order: level, id, text.
    headings: Vec<(u8, String, String)>,
    /// The document's tables by id.
    known: HashMap<String, TableFacts>,
    /// The document's charts by id, drawn.
    charts: HashMap<String, Drawn>,
    /// The table being written, when the document knows it; and how many of its row groups
    /// have been met.
    table: Option<TableFacts>,
    groups_seen: usize,
    /// The body row being written heads a row group: with its other cells empty, the span
    /// of its one header cell.
    group_row: Option<usize>,
    /// The table count (for caption ids).
    tables: usize,
    /// Id of the last heading, to label a table without a caption.
    last_heading: Option<String>,
    /// The texts of the header cells of the table being written: each body cell repeats its
    /// column's as `data-label`, which a narrow screen shows before the cell.
    columns: Vec<String>,
}

impl FormatState {
    /// The facts of the table `node` (a table marker right above it names them).
    fn facts_of<'a>(&self, node: &'a AstNode<'a>) -> Option<&TableFacts> {
        match marker_of(node.previous_sibling()) {
            Some(Marker::Table(id)) => self.known.get(&id),
            _ => None,
        }
    }
}

/// The text of the heading right above a table (above its marker, if it has one).
fn heading_above<'a>(table: &'a AstNode<'a>) -> Option<String> {
    let mut above = table.previous_sibling()?;
    if matches!(marker_of(Some(above)), Some(Marker::Table(_))) {
        above = above.previous_sibling()?;
    }
    matches!(above.data().value, NodeValue::Heading(..)).then(|| above.collect_text())
}

fn is_table<'a>(node: Option<&'a AstNode<'a>>) -> bool {
    node.is_some_and(|n| matches!(n.data().value, NodeValue::Table(..)))
}

/// True for a paragraph that repeats the caption of the document's table below it: the
/// Markdown's way of printing the caption, which the HTML table holds already.
fn is_caption<'a>(paragraph: &'a AstNode<'a>, state: &FormatState) -> bool {
    let Some(mark) = paragraph.next_sibling() else {
        return false;
    };
    is_table(mark.next_sibling())
        && state
            .facts_of(mark.next_sibling().expect("a table"))
            .and_then(|facts| facts.caption.as_deref())
            .is_some_and(|caption| paragraph.collect_text() == caption)
}

/// For a body row of a table of the document: whether its first cell is the table's next
/// row group, and if so the span of its header cell (the row's width when the other cells are
/// empty, else 1).
fn group_row<'a>(row: &'a AstNode<'a>, facts: &TableFacts, seen: usize) -> Option<usize> {
    let label = facts.row_groups.get(seen)?;
    let first = row.first_child()?;
    if first.collect_text() != *label {
        return None;
    }
    let others_empty = first
        .following_siblings()
        .skip(1)
        .all(|c| c.first_child().is_none());
    Some(if others_empty {
        row.children().count()
    } else {
        1
    })
}

/// The list the document puts in a body cell: found by the first cell of its row and the
/// header of its column, as printed.
fn cell_list<'a, 'f>(
    cell: &'a AstNode<'a>,
    index: usize,
    facts: &'f TableFacts,
) -> Option<&'f CellList> {
    if facts.cell_lists.is_empty() {
        return None;
    }
    let row = cell.parent()?;
    let header = row
        .parent()?
        .first_child()?
        .children()
        .nth(index)?
        .collect_text();
    let first = row.first_child()?.collect_text();
    facts
        .cell_lists
        .iter()
        .find(|l| l.row == first && l.column == header)
}

/// Whether a word is a compound name or code that must not break at its hyphen: «НКО-СОКРАТ»,
/// «7-ФЗ», «Юго-Западный», «Тополева-Солдунова» (every part starts with a capital or a digit;
/// «Онлайн-курсы» may break). The text keeps its ordinary hyphen, so search and screen readers
/// read it as written.
fn is_compound(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !crate::locale::is_alphanumeric(c));
    let parts: Vec<&str> = word.split('-').collect();
    parts.len() > 1
        && word
            .chars()
            .filter(|c| crate::locale::is_alphabetic(*c))
            .count()
            >= 2
        && parts.iter().all(|p| {
            p.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// Writes text escaped, each compound word (see [`is_compound`]) in a `nobr` span.
fn write_keeping_compounds(
    context: &mut comrak::html::Context<'_, '_, FormatState>,
    text: &str,
) -> std::fmt::Result {
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        if is_compound(word) {
            context.write_str("<span class=\"nobr\">")?;
            context.escape(word)?;
            context.write_str("</span>")?;
        } else {
            context.escape(word)?;
        }
        let space = after.len() - after.trim_start().len();
        context.escape(&after[..space])?;
        rest = &after[space..];
    }
    Ok(())
}

create_formatter!(AccessibleHtml<FormatState>, {
    NodeValue::Heading(ref nh) => |context, node, entering| {
        if entering {
            let text = node.collect_text();
            let id = context.anchorizer.anchorize(&text);
            context.cr()?;
            write!(context, "<h{}", nh.level)?;
            if marker_of(node.previous_sibling()) == Some(Marker::Annex) {
                context.write_str(" class=\"annex-start\"")?;
            }
            context.write_str(" id=\"")?;
            context.escape(&id)?;
            context.write_str("\">")?;
            context.user.last_heading = Some(id.clone());
            context.user.headings.push((nh.level, id, text));
        } else {
            write!(context, "</h{}>", nh.level)?;
            context.lf()?;
        }
    },
    NodeValue::HtmlBlock(ref block) => |context, node, entering| {
        if let Some(Marker::Chart(id)) = marker(&block.literal) {
            if entering && let Some(chart) = context.user.charts.get(&id) {
                let mut figure = String::new();
                write_figure(&mut figure, chart);
                context.cr()?;
                context.write_str(&figure)?;
            }
            return Ok(ChildRendering::Skip);
        }
        if marker(&block.literal).is_some() {
            return Ok(ChildRendering::Skip);
        }
        return format_node_default(context, node, entering);
    },
    NodeValue::HtmlInline(ref literal) => |context, node, entering| {
        if marker(literal).is_some() {
            return Ok(ChildRendering::Skip);
        }
        return format_node_default(context, node, entering);
    },
    NodeValue::Text(ref literal) => |context, node, entering| {
        if entering {
            write_keeping_compounds(context, literal)?;
        }
        return Ok(ChildRendering::HTML);
    },
    NodeValue::Paragraph => |context, node, entering| {
        if is_caption(node, &context.user) {
            return Ok(ChildRendering::Skip);
        }
        if let Some(Marker::Chart(id)) = marker_of(node.previous_sibling())
            && context.user.charts.contains_key(&id)
        {
            return Ok(ChildRendering::Skip);
        }
        if marker_of(node.previous_sibling()) == Some(Marker::Annex) {
            if entering {
                context.cr()?;
                context.write_str("<p class=\"annex-mark\">")?;
            } else {
                context.write_str("</p>")?;
                context.lf()?;
            }
            return Ok(ChildRendering::HTML);
        }
        return format_node_default(context, node, entering);
    },
    NodeValue::Table(..) => |context, node, entering| {
        if entering {
            context.user.tables += 1;
            let n = context.user.tables;
            let facts = context.user.facts_of(node).cloned();
            let above = heading_above(node);
            // What names the table: its caption; else the heading right above it when that is
            // the heading of its section (any heading, for a table the document does not know);
            // else, for a table of the document, its section's heading as a caption for screen
            // readers only, and for another table the last heading before it.
            let (caption, hidden) = match &facts {
                Some(TableFacts { caption: Some(c), .. }) => (Some(c.clone()), false),
                Some(f) if above.as_deref() == Some(f.heading.as_str()) => (None, false),
                Some(f) => (Some(f.heading.clone()), true),
                None => (None, false),
            };
            let label_table = facts.is_none() && above.is_none();
            context.user.table = facts;
            context.user.groups_seen = 0;
            context.user.columns = node
                .first_child()
                .filter(|row| matches!(row.data().value, NodeValue::TableRow(true)))
                .map(|row| row.children().map(|c| c.collect_text()).collect())
                .unwrap_or_default();
            context.cr()?;
            let last = context.user.last_heading.clone();
            match (&caption, &last) {
                (Some(_), _) => write!(context, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"table-{n}\">")?,
                (None, Some(h)) => {
                    context.write_str("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"")?;
                    context.escape(h)?;
                    context.write_str("\">")?;
                }
                (None, None) => context.write_str("<div class=\"table-wrap\">")?,
            }
            context.lf()?;
            match (label_table, &last) {
                (true, Some(h)) => {
                    context.write_str("<table aria-labelledby=\"")?;
                    context.escape(h)?;
                    context.write_str("\">")?;
                }
                _ => context.write_str("<table>")?,
            }
            context.lf()?;
            if let Some(caption) = caption {
                write!(context, "<caption id=\"table-{n}\"")?;
                if hidden {
                    context.write_str(" class=\"visually-hidden\"")?;
                }
                context.write_str(">")?;
                context.escape(&caption)?;
                context.write_str("</caption>")?;
                context.lf()?;
            }
        } else {
            context.user.table = None;
            if node.last_child().is_some_and(|last| node.first_child().is_some_and(|first| !last.same_node(first))) {
                context.cr()?;
                context.write_str("</tbody>")?;
                context.lf()?;
            }
            context.cr()?;
            context.write_str("</table>")?;
            context.lf()?;
            context.write_str("</div>")?;
            context.lf()?;
        }
    },
    NodeValue::TableRow(header) => |context, node, entering| {
        // As comrak's own, but every group of rows gets its own <tbody>, so that the group's
        // header (scope="rowgroup") labels just those rows.
        if entering {
            let state = &mut context.user;
            state.group_row = match (&state.table, header) {
                (Some(facts), false) => group_row(node, facts, state.groups_seen),
                _ => None,
            };
            if state.group_row.is_some() {
                state.groups_seen += 1;
            }
            let group = state.group_row.is_some();
            context.cr()?;
            let after_header = node
                .previous_sibling()
                .is_some_and(|n| matches!(n.data().value, NodeValue::TableRow(true)));
            if header {
                context.write_str("<thead>")?;
                context.lf()?;
            } else if after_header {
                context.write_str("<tbody>")?;
                context.lf()?;
            } else if group {
                context.write_str("</tbody>")?;
                context.lf()?;
                context.write_str("<tbody>")?;
                context.lf()?;
            }
            context.write_str("<tr>")?;
        } else {
            context.cr()?;
            context.write_str("</tr>")?;
            if header {
                context.cr()?;
                context.write_str("</thead>")?;
            }
        }
    },
    NodeValue::TableCell => |context, node, entering| {
        let index = node.preceding_siblings().count() - 1;
        let header = node.parent().is_some_and(|row| matches!(row.data().value, NodeValue::TableRow(true)));
        if let (false, Some(span)) = (header, context.user.group_row) {
            if index == 0 {
                if entering {
                    context.cr()?;
                    context.write_str("<th scope=\"rowgroup\"")?;
                    if span > 1 {
                        write!(context, " colspan=\"{span}\"")?;
                    }
                    context.write_str(" class=\"group\">")?;
                } else {
                    context.write_str("</th>")?;
                }
                return Ok(ChildRendering::HTML);
            }
            if span > 1 {
                return Ok(ChildRendering::Skip);
            }
        }
        let numeric = node
            .parent()
            .and_then(|row| row.parent())
            .is_some_and(|table| match &table.data().value {
                NodeValue::Table(t) => t.alignments.get(index) == Some(&TableAlignment::Right),
                _ => false,
            });
        if let (false, Some(list)) = (
            header,
            context.user.table.as_ref().and_then(|facts| cell_list(node, index, facts)).cloned(),
        ) {
            // The items of the view model, escaped here, in place of the cell's one-line form.
            if entering {
                let tag = if list.ordered { "ol" } else { "ul" };
                context.cr()?;
                context.write_str("<td data-label=\"")?;
                context.escape(&list.column)?;
                write!(context, "\"><{tag} class=\"cell-list\">")?;
                for item in &list.items {
                    context.write_str("<li>")?;
                    context.escape(item)?;
                    context.write_str("</li>")?;
                }
                write!(context, "</{tag}></td>")?;
            }
            return Ok(ChildRendering::Skip);
        }
        let (tag, scope) = if header {
            ("th", Some("col"))
        } else if index == 0 && context.user.table.is_some() {
            ("th", Some("row"))
        } else {
            ("td", None)
        };
        if entering {
            context.cr()?;
            write!(context, "<{tag}")?;
            if let Some(scope) = scope {
                write!(context, " scope=\"{scope}\"")?;
            }
            if numeric {
                context.write_str(" class=\"num\"")?;
            }
            let label = (!header)
                .then(|| context.user.columns.get(index).filter(|l| !l.trim().is_empty()))
                .flatten()
                .cloned();
            if let Some(label) = label {
                context.write_str(" data-label=\"")?;
                context.escape(&label)?;
                context.write_str("\"")?;
            }
            context.write_str(">")?;
        } else {
            write!(context, "</{tag}>")?;
        }
    },
});

/// comrak's options: GitHub tables, no raw HTML, no autolinks of bare addresses.
fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.render.r#unsafe = false;
    options
}

/// The Markdown body as HTML, and the headings found in it. `tables` are the document's
/// tables, which the markers in the Markdown name.
pub fn body_html<'d>(
    markdown: &str,
    tables: impl IntoIterator<Item = &'d TableFacts>,
) -> (String, Vec<(u8, String, String)>) {
    body_html_with_charts(markdown, tables, Vec::new())
}

/// [`body_html`] with the document's charts, drawn ([`super::chart::of_document`]): each
/// `html_chart` marker becomes its figure, inline SVG, in place of the paragraph after it.
pub fn body_html_with_charts<'d>(
    markdown: &str,
    tables: impl IntoIterator<Item = &'d TableFacts>,
    charts: Vec<Drawn>,
) -> (String, Vec<(u8, String, String)>) {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options());
    // The HTML of a programme's Markdown is about half as long again (tags for every cell and
    // the narrow screens' `data-label`s); a little more, so that it is not copied once full.
    let mut out = String::with_capacity(markdown.len().saturating_mul(8) / 5);
    let state = FormatState {
        known: tables
            .into_iter()
            .map(|t| (t.id.clone(), t.clone()))
            .collect(),
        charts: charts.into_iter().map(|c| (c.id.clone(), c)).collect(),
        ..FormatState::default()
    };
    // Writing to a String cannot fail.
    let state =
        AccessibleHtml::format_document(root, &options(), &mut out, state).unwrap_or_default();
    (out, state.headings)
}

/// Nests `h2` and `h3` headings into the contents navigation.
fn nav(headings: &[(u8, String, String)]) -> Vec<NavItem> {
    let mut items: Vec<NavItem> = Vec::new();
    for (level, id, text) in headings {
        let item = NavItem {
            id: id.clone(),
            text: text.clone(),
            children: Vec::new(),
        };
        match (level, items.last_mut()) {
            (3, Some(parent)) => parent.children.push(item),
            (2, _) | (3, None) => items.push(item),
            _ => {}
        }
    }
    items
}

/// What the built-in page is rendered around, in the body's place (see [`HtmlRenderer::page`]):
/// Unicode noncharacters, which no text of a programme holds, and if one did, the placeholder
/// would be found more than once and not used.
const BODY_PLACEHOLDER: &str = "\u{fdd0}nko-draft:body\u{fdd1}";

/// An HTML page in three pieces: what comes before the body, the body, what comes after.
pub struct Page {
    before: String,
    body: String,
    after: String,
}

impl Page {
    /// The bytes of the pieces, in order.
    pub fn parts(&self) -> [&[u8]; 3] {
        [
            self.before.as_bytes(),
            self.body.as_bytes(),
            self.after.as_bytes(),
        ]
    }
}

/// The HTML renderer: the page template, HTML-escaped.
pub struct HtmlRenderer {
    /// Shared with the thread that renders (see [`super::run_limited`]).
    tera: Arc<Tera>,
    user: bool,
    limits: Limits,
}

/// The name and text of the page template as Tera knows it.
pub(crate) fn source(templates: &Templates) -> (&'static str, &str) {
    (PAGE, templates.get("page.html").0)
}

/// The Tera instance of the page template, compiled; `check` calls it too, so a broken
/// template is found before anything is rendered.
pub(crate) fn compile(templates: &Templates) -> Result<Tera, tera::Error> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html"]);
    tera.add_raw_template(PAGE, templates.get("page.html").0)?;
    Ok(tera)
}

impl HtmlRenderer {
    /// Prepares the page template.
    pub fn new(templates: &Templates) -> Result<Self> {
        let (text, user) = templates.get("page.html");
        let tera = compile(templates).map_err(|e| tera_failure(e, user, &[(PAGE, text)]))?;
        Ok(HtmlRenderer {
            tera: Arc::new(tera),
            user,
            limits: templates.limits(),
        })
    }

    /// The whole page, from a context holding `doc` and the Markdown body.
    pub fn page(&self, ctx: &mut Context, doc: &Document, body_md: &str) -> Result<String> {
        let page = self.page_parts(ctx, doc, body_md)?;
        Ok([page.before, page.body, page.after].concat())
    }

    /// [`HtmlRenderer::page`] in the pieces it is made of, to be written one after the other.
    pub fn page_parts(&self, ctx: &mut Context, doc: &Document, body_md: &str) -> Result<Page> {
        let (body, headings) =
            body_html_with_charts(body_md, doc.tables(), super::chart::of_document(doc));
        ctx.insert("nav", &nav(&headings));
        // The page around the body: its head, styles and navigation, tens of kilobytes.
        const FRAME: usize = 256 * 1024;
        if !self.user {
            // The built-in page prints the body once, as it is (`{{ body | safe }}`): it is
            // rendered around a placeholder that the body then takes the place of, so that a
            // large body is not copied into the context and out again.
            ctx.insert("body", BODY_PLACEHOLDER);
            let frame = render_tera(&self.tera, PAGE, ctx, false, self.limits, FRAME);
            ctx.remove("body");
            let frame = frame?;
            if let Some((before, after)) = frame.split_once(BODY_PLACEHOLDER)
                && !after.contains(BODY_PLACEHOLDER)
            {
                return Ok(Page {
                    before: before.to_owned(),
                    body,
                    after: after.to_owned(),
                });
            }
        }
        ctx.insert("body", &body);
        let size = body.len().saturating_add(FRAME);
        // The context holds its own copy.
        drop(body);
        let page = render_tera(&self.tera, PAGE, ctx, self.user, self.limits, size);
        ctx.remove("body");
        Ok(Page {
            before: page?,
            body: String::new(),
            after: String::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_names_and_codes_keep_their_hyphen_on_one_line() {
        for word in [
            "НКО-СОКРАТ",
            "«НКО-СОКРАТ»",
            "7-ФЗ",
            "Юго-Западный",
            "(ЮЗГУ-Центр),",
        ] {
            assert!(is_compound(word), "{word}");
        }
        for word in [
            "Онлайн-курсы",
            "10-го",
            "онлайн-курсы",
            "—",
            "-",
            "2027",
            "НКО",
            "А-",
            "1-2",
        ] {
            assert!(!is_compound(word), "{word}");
        }
    }

    /// A table of the document with a caption and row groups.
    fn grouped() -> TableFacts {
        TableFacts {
            id: "t".into(),
            caption: Some("Подпись".into()),
            heading: "Раздел".into(),
            row_groups: vec!["Группа 1".into(), "Группа 2".into()],
            cell_lists: Vec::new(),
        }
    }

    #[test]
    fn a_cell_the_document_holds_as_a_list_is_a_list() {
        let facts = TableFacts {
            cell_lists: vec![CellList {
                row: "Цели".into(),
                column: "Значение".into(),
                ordered: true,
                items: vec!["Первая <b>".into(), "Вторая".into()],
            }],
            ..grouped()
        };
        let md = "<!-- nko-draft table t -->\n| Параметр | Значение |\n|---|---|\n\
                  | Цели | 1\\) Первая \\<b>; 2) Вторая |\n| Сроки | 2027 |\n";
        let (html, _) = body_html(md, [&facts]);
        assert!(
            html.contains(
                "<th scope=\"row\" data-label=\"Параметр\">Цели</th>\n<td data-label=\"Значение\"><ol class=\"cell-list\"><li>Первая &lt;b&gt;</li><li>Вторая</li></ol></td>"
            ),
            "{html}"
        );
        assert!(!html.contains("2) Вторая"), "{html}");
        // Another row, or a table without the list, keeps its cell.
        assert!(
            html.contains("<td data-label=\"Значение\">2027</td>"),
            "{html}"
        );
        let (plain, _) = body_html(md, [&grouped()]);
        assert!(plain.contains("2) Вторая"), "{plain}");
    }

    #[test]
    fn a_table_without_caption_is_named_by_its_sections_heading() {
        let facts = TableFacts {
            caption: None,
            ..grouped()
        };
        // Right below its heading: labelled by it, as the built-in template lays it out.
        let md = "## Раздел\n\n<!-- nko-draft table t -->\n| № |\n|---|\n| 1 |\n";
        let (html, _) = body_html(md, [&facts]);
        assert!(
            html.contains("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"раздел\">\n<table>\n<thead>"),
            "{html}"
        );
        // Below a paragraph, or another heading: its section's heading, for screen readers.
        for md in [
            "## Раздел\n\nТекст\n\n<!-- nko-draft table t -->\n| № |\n|---|\n| 1 |\n",
            "## Другой\n\n<!-- nko-draft table t -->\n| № |\n|---|\n| 1 |\n",
        ] {
            let (html, _) = body_html(md, [&facts]);
            assert!(
                html.contains("aria-labelledby=\"table-1\">\n<table>\n<caption id=\"table-1\" class=\"visually-hidden\">Раздел</caption>"),
                "{html}"
            );
        }
    }

    #[test]
    fn tables_of_the_document_get_captions_row_headers_and_groups() {
        let md = "## Раздел\n\nПодпись\n\n<!-- nko-draft table t -->\n| № | Имя | Сумма |\n|---|---|---:|\n| **Группа 1** | | |\n| 1.1 | a | 5 |\n| Группа 2 | | |\n| 2.1 | b | 6 |\n| Не группа | | |\n| Группа 1 | | |\n";
        let (html, headings) = body_html(md, [&grouped()]);
        assert!(html.contains("<h2 id=\"раздел\">Раздел</h2>"), "{html}");
        assert!(
            html.contains("<caption id=\"table-1\">Подпись</caption>"),
            "{html}"
        );
        // The Markdown's caption is not repeated, and the marker leaves no trace.
        assert!(!html.contains("<p>Подпись</p>"), "{html}");
        assert!(!html.contains("<!--"), "{html}");
        assert!(html.contains("<th scope=\"col\">№</th>"), "{html}");
        assert!(
            html.contains("<th scope=\"col\" class=\"num\">Сумма</th>"),
            "{html}"
        );
        // Groups are the document's, bold or not; each in its own body.
        assert!(
            html.contains(
                "<th scope=\"rowgroup\" colspan=\"3\" class=\"group\"><strong>Группа 1</strong></th>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<th scope=\"rowgroup\" colspan=\"3\" class=\"group\">Группа 2</th>"),
            "{html}"
        );
        assert_eq!(html.matches("<tbody>").count(), 2, "{html}");
        assert_eq!(html.matches("</tbody>").count(), 2, "{html}");
        // A row that only looks like a group, or repeats one already met, is an ordinary row.
        assert!(
            html.contains("<th scope=\"row\" data-label=\"№\">Не группа</th>"),
            "{html}"
        );
        assert!(
            html.contains("<th scope=\"row\" data-label=\"№\">Группа 1</th>"),
            "{html}"
        );
        assert!(
            html.contains("<th scope=\"row\" data-label=\"№\">1.1</th>"),
            "{html}"
        );
        assert!(
            html.contains("<td class=\"num\" data-label=\"Сумма\">5</td>"),
            "{html}"
        );
        assert!(html.contains("aria-labelledby=\"table-1\""), "{html}");
        assert_eq!(
            headings,
            vec![(2, "раздел".to_owned(), "Раздел".to_owned())]
        );
    }

    #[test]
    fn a_caption_comes_from_the_document_even_without_the_paragraph() {
        let md = "## Раздел\n\nДругой текст\n\n<!-- nko-draft table t -->\n| № | Имя |\n|---|---|\n| 1 | a |\n";
        let (html, _) = body_html(md, [&grouped()]);
        assert!(html.contains("<p>Другой текст</p>"), "{html}");
        assert!(
            html.contains("<caption id=\"table-1\">Подпись</caption>"),
            "{html}"
        );
    }

    #[test]
    fn a_group_row_with_content_keeps_its_cells() {
        let md =
            "<!-- nko-draft table t -->\n| № | Имя |\n|---|---|\n| Группа 1 | итог |\n| 1 | a |\n";
        let (html, _) = body_html(md, [&grouped()]);
        assert!(
            html.contains("<th scope=\"rowgroup\" class=\"group\">Группа 1</th>\n<td data-label=\"Имя\">итог</td>"),
            "{html}"
        );
    }

    #[test]
    fn unknown_tables_are_plain_data() {
        // No marker, a marker of a table the document does not have, a marker that is not
        // right above the table: a paragraph above is no caption, a bold row no group, the
        // first column no row headers.
        for md in [
            "## Раздел\n\nПодпись\n\n| № | Имя |\n|---|---|\n| **Группа 1** | |\n| 1 | a |\n",
            "## Раздел\n\nПодпись\n\n<!-- nko-draft table other -->\n| № | Имя |\n|---|---|\n| **Группа 1** | |\n| 1 | a |\n",
            "## Раздел\n\n<!-- nko-draft table t -->\n\nПодпись\n\n| № | Имя |\n|---|---|\n| **Группа 1** | |\n| 1 | a |\n",
        ] {
            let (html, _) = body_html(md, [&grouped()]);
            assert!(html.contains("<p>Подпись</p>"), "{html}");
            assert!(!html.contains("<caption"), "{html}");
            assert!(!html.contains("rowgroup"), "{html}");
            assert!(!html.contains("scope=\"row\""), "{html}");
            assert!(html.contains("<th scope=\"col\">№</th>"), "{html}");
            assert!(
                html.contains("<td data-label=\"№\"><strong>Группа 1</strong></td>"),
                "{html}"
            );
            assert!(html.contains("<td data-label=\"№\">1</td>"), "{html}");
            assert!(
                html.contains("<table aria-labelledby=\"раздел\">"),
                "{html}"
            );
            assert_eq!(html.matches("<tbody>").count(), 1, "{html}");
        }
    }

    #[test]
    fn body_cells_repeat_their_columns_header_for_narrow_screens() {
        // Each body cell names its column (escaped), a group row and an unnamed column do not.
        let md = "<!-- nko-draft table t -->\n| № | Имя \\<b\\> \"x\" & y | |\n|---|---|---|\n| Группа 1 | | |\n| 1.1 | a | b |\n";
        let (html, _) = body_html(md, [&grouped()]);
        assert!(
            html.contains("<th scope=\"rowgroup\" colspan=\"3\" class=\"group\">Группа 1</th>"),
            "{html}"
        );
        assert!(
            html.contains(concat!(
                "<th scope=\"row\" data-label=\"№\">1.1</th>\n",
                "<td data-label=\"Имя &lt;b&gt; &quot;x&quot; &amp; y\">a</td>\n",
                "<td>b</td>"
            )),
            "{html}"
        );
        assert!(!html.contains("<th scope=\"col\" data-label"), "{html}");
    }

    #[test]
    fn raw_html_never_passes() {
        let (html, _) = body_html(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1))\n",
            [],
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn annex_markers_start_annexes() {
        let (html, _) = body_html(
            "<!-- nko-draft annex -->\nПриложение №\u{a0}1 к Программе\n\nПриложение №\u{a0}2 к Программе\n\n<!-- nko-draft annex -->\n## Список\n",
            [],
        );
        assert!(
            html.contains("<p class=\"annex-mark\">Приложение №\u{a0}1 к Программе</p>"),
            "{html}"
        );
        // The label's text alone makes no annex.
        assert!(
            html.contains("<p>Приложение №\u{a0}2 к Программе</p>"),
            "{html}"
        );
        assert!(
            html.contains("<h2 class=\"annex-start\" id=\"список\">Список</h2>"),
            "{html}"
        );
    }

    #[test]
    fn markers_are_exact() {
        assert_eq!(
            marker("<!-- nko-draft table steps -->\n"),
            Some(Marker::Table("steps".into()))
        );
        assert_eq!(marker("<!-- nko-draft annex -->"), Some(Marker::Annex));
        for not in [
            "<!-- nko-draft table Steps -->",
            "<!-- nko-draft table  -->",
            "<!-- nko-draft table a b -->",
            "<!-- nko-draft annex  -->",
            "<!--nko-draft annex-->",
            "x <!-- nko-draft annex -->",
            "\\<!-- nko-draft annex --\\>",
        ] {
            assert_eq!(marker(not), None, "{not}");
        }
    }

    #[test]
    fn markdown_loses_the_markers_and_nothing_else() {
        let md = "Подпись\n\n<!-- nko-draft table t -->\n| a |\n|---|\n\nx <!-- nko-draft annex --> y\n\\<!-- nko-draft annex --\\>\n<!-- nko-draft other -->\n";
        assert_eq!(
            strip_markers(md),
            "Подпись\n\n\n| a |\n|---|\n\nx  y\n\\<!-- nko-draft annex --\\>\n<!-- nko-draft other -->\n"
        );
    }

    /// Renders `template` through the Markdown Tera with the marker functions.
    fn tera_render(template: &str, ctx: &tera::Context) -> Result<String, String> {
        let mut tera = Tera::new();
        register_functions(&mut tera);
        tera.add_raw_template("t.md", template)
            .map_err(|e| e.to_string())?;
        tera.render("t.md", ctx).map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn template_functions_print_markers() {
        let mut ctx = tera::Context::new();
        ctx.insert("t", &grouped());
        assert_eq!(
            tera_render("{{ html_table(of=t) }}\n{{ html_annex() }}", &ctx).expect("renders"),
            "<!-- nko-draft table t -->\n<!-- nko-draft annex -->"
        );
        for bad in [
            "{{ html_table(of=\"steps\") }}",
            "{{ html_table() }}",
            "{{ html_table(of={\"id\": \"x --> <b>\"}) }}",
        ] {
            let err = tera_render(bad, &ctx).expect_err(bad);
            assert!(err.contains("html_table needs `of=`"), "{bad}: {err}");
        }
    }

    #[test]
    fn nav_nests_subsections() {
        let n = nav(&[
            (2, "a".into(), "A".into()),
            (3, "a1".into(), "A1".into()),
            (2, "b".into(), "B".into()),
        ]);
        assert_eq!(n.len(), 2);
        assert_eq!(n[0].children.len(), 1);
    }
}
