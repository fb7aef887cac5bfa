//! HTML: the Markdown body through comrak (raw HTML off), with accessible tables, inside the
//! page template `page.html`: one self-contained file with inline CSS and no scripts.
//!
//! comrak's own table output has no header scopes and no captions, so a small formatter
//! overrides a few node kinds:
//! - header cells get `scope="col"`, the first cell of a body row `scope="row"`, and a body row
//!   whose cells after the first are empty (a group row, «Задача 1. …») becomes one
//!   `<th scope="rowgroup" colspan="…">`;
//! - a paragraph directly above a table becomes the table's `<caption>`;
//! - tables are wrapped in a labelled, focusable region that scrolls on narrow screens;
//! - headings get ids without comrak's empty anchor links (noise for screen readers), and are
//!   collected for the page's contents navigation;
//! - a paragraph that starts with the annex mark («Приложение № 1 к Программе») gets a class, so
//!   print starts each annex on a new page.

use std::fmt::Write as _;
use std::sync::Arc;

use anyhow::Result;
use comrak::html::{ChildRendering, format_node_default};
use comrak::nodes::{AstNode, NodeValue, TableAlignment};
use comrak::{Arena, Options, create_formatter, parse_document};
use serde::Serialize;
use tera::{Context, Tera};

use super::{Limits, Templates, render_tera, tera_failure};
use crate::document::Document;

const PAGE: &str = "templates/page.html";

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
    /// What an annex mark looks like around its number: («Приложение № », « к Программе»).
    annex_mark: (String, String),
    /// A caption waiting for its table, and the table count (for caption ids).
    caption: Option<String>,
    tables: usize,
    /// Id of the last heading, to label a table without a caption.
    last_heading: Option<String>,
}

fn is_table<'a>(node: Option<&'a AstNode<'a>>) -> bool {
    node.is_some_and(|n| matches!(n.data().value, NodeValue::Table(..)))
}

/// True for a paragraph that is exactly an annex mark: the prefix, a number, the suffix.
fn is_annex_mark(text: &str, (prefix, suffix): &(String, String)) -> bool {
    !prefix.is_empty()
        && text
            .strip_prefix(prefix.as_str())
            .and_then(|rest| rest.strip_suffix(suffix.as_str()))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// True for a group row of a table body: the first cell holds only bold text (the template's
/// `**Задача 1. …**`; user text never makes bold, it is escaped) and the other cells are empty.
fn is_group_row<'a>(row: &'a AstNode<'a>) -> bool {
    if !matches!(row.data().value, NodeValue::TableRow(false)) {
        return false;
    }
    let mut cells = row.children();
    let bold_first = cells.next().is_some_and(|first| {
        first.first_child().is_some_and(|only| {
            matches!(only.data().value, NodeValue::Strong) && only.next_sibling().is_none()
        })
    });
    bold_first && row.children().count() > 1 && cells.all(|c| c.first_child().is_none())
}

/// The position of a cell in its row, and whether its row is a group row.
fn cell_info<'a>(node: &'a AstNode<'a>) -> (usize, bool) {
    let index = node.preceding_siblings().count() - 1;
    (index, node.parent().is_some_and(is_group_row))
}

create_formatter!(AccessibleHtml<FormatState>, {
    NodeValue::Heading(ref nh) => |context, node, entering| {
        if entering {
            let text = node.collect_text();
            let id = context.anchorizer.anchorize(&text);
            context.cr()?;
            write!(context, "<h{} id=\"", nh.level)?;
            context.escape(&id)?;
            context.write_str("\">")?;
            context.user.last_heading = Some(id.clone());
            context.user.headings.push((nh.level, id, text));
        } else {
            write!(context, "</h{}>", nh.level)?;
            context.lf()?;
        }
    },
    NodeValue::Paragraph => |context, node, entering| {
        if is_table(node.next_sibling()) {
            if entering {
                context.user.caption = Some(node.collect_text());
            }
            return Ok(ChildRendering::Skip);
        }
                if is_annex_mark(&node.collect_text(), &context.user.annex_mark) {
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
            let caption = context.user.caption.take();
            context.cr()?;
            match (&caption, &context.user.last_heading) {
                (Some(_), _) => write!(context, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"table-{n}\">")?,
                (None, Some(h)) => {
                    let h = h.clone();
                    context.write_str("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"")?;
                    context.escape(&h)?;
                    context.write_str("\">")?;
                }
                (None, None) => context.write_str("<div class=\"table-wrap\">")?,
            }
            context.lf()?;
            context.write_str("<table>")?;
            context.lf()?;
            if let Some(caption) = caption {
                write!(context, "<caption id=\"table-{n}\">")?;
                context.escape(&caption)?;
                context.write_str("</caption>")?;
                context.lf()?;
            }
        } else {
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
            } else if is_group_row(node) {
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
        let (index, group) = cell_info(node);
        let header = node.parent().is_some_and(|row| matches!(row.data().value, NodeValue::TableRow(true)));
        if group {
            if index > 0 {
                return Ok(ChildRendering::Skip);
            }
            if entering {
                let span = node.parent().map_or(1, |row| row.children().count());
                context.cr()?;
                write!(context, "<th scope=\"rowgroup\" colspan=\"{span}\" class=\"group\">")?;
            } else {
                context.write_str("</th>")?;
            }
            return Ok(ChildRendering::HTML);
        }
        let numeric = node
            .parent()
            .and_then(|row| row.parent())
            .is_some_and(|table| match &table.data().value {
                NodeValue::Table(t) => t.alignments.get(index) == Some(&TableAlignment::Right),
                _ => false,
            });
        let (tag, scope) = if header {
            ("th", Some("col"))
        } else if index == 0 {
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

/// The Markdown body as HTML, and the headings found in it.
pub fn body_html(
    markdown: &str,
    annex_mark: (String, String),
) -> (String, Vec<(u8, String, String)>) {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options());
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    let state = FormatState {
        annex_mark,
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

/// The HTML renderer: the page template, HTML-escaped.
pub struct HtmlRenderer {
    /// Shared with the thread that renders (see [`super::run_limited`]).
    tera: Arc<Tera>,
    user: bool,
    limits: Limits,
}

impl HtmlRenderer {
    /// Prepares the page template.
    pub fn new(templates: &Templates) -> Result<Self> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        let (text, user) = templates.get("page.html");
        tera.add_raw_template(PAGE, text)
            .map_err(|e| tera_failure(e, user, &[(PAGE, text)]))?;
        Ok(HtmlRenderer {
            tera: Arc::new(tera),
            user,
            limits: templates.limits(),
        })
    }

    /// The whole page, from a context holding `doc` and the Markdown body.
    pub fn page(&self, ctx: &mut Context, doc: &Document, body_md: &str) -> Result<String> {
        let l = doc.labels;
        let mark = (
            format!("{} {}", l.annex, l.number_sign),
            format!(" {}", l.annex_to),
        );
        let (body, headings) = body_html(body_md, mark);
        ctx.insert("body", &body);
        ctx.insert("nav", &nav(&headings));
        render_tera(&self.tera, PAGE, ctx, self.user, self.limits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_get_scopes_captions_and_group_rows() {
        let md = "## Раздел\n\nПодпись\n\n| № | Имя | Сумма |\n|---|---|---:|\n| **Группа 1** | | |\n| 1.1 | a | 5 |\n| **Группа 2** | | |\n| 2.1 | b | 6 |\n| Не группа | | |\n";
        let (html, headings) = body_html(md, ("Приложение №\u{a0}".into(), " к Программе".into()));
        assert!(html.contains("<h2 id=\"раздел\">Раздел</h2>"), "{html}");
        assert!(
            html.contains("<caption id=\"table-1\">Подпись</caption>"),
            "{html}"
        );
        assert!(!html.contains("<p>Подпись</p>"), "{html}");
        assert!(html.contains("<th scope=\"col\">№</th>"), "{html}");
        assert!(
            html.contains("<th scope=\"col\" class=\"num\">Сумма</th>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<th scope=\"rowgroup\" colspan=\"3\" class=\"group\"><strong>Группа 1</strong></th>"
            ),
            "{html}"
        );
        // Each group in its own body; a row that only looks like one is an ordinary row.
        assert_eq!(html.matches("<tbody>").count(), 2, "{html}");
        assert_eq!(html.matches("</tbody>").count(), 2, "{html}");
        assert!(html.contains("<th scope=\"row\">Не группа</th>"), "{html}");
        assert!(html.contains("<th scope=\"row\">1.1</th>"), "{html}");
        assert!(html.contains("<td class=\"num\">5</td>"), "{html}");
        assert!(html.contains("aria-labelledby=\"table-1\""), "{html}");
        assert_eq!(
            headings,
            vec![(2, "раздел".to_owned(), "Раздел".to_owned())]
        );
    }

    #[test]
    fn raw_html_never_passes() {
        let (html, _) = body_html(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1))\n",
            Default::default(),
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn annex_marks_get_a_class() {
        let mark = ("Приложение №\u{a0}".to_owned(), " к Программе".to_owned());
        let (html, _) = body_html(
            "Приложение №\u{a0}1 к Программе\n\nПриложение №\u{a0}1 к другому\n\n## Список\n",
            mark,
        );
        assert!(
            html.contains("<p class=\"annex-mark\">Приложение №\u{a0}1 к Программе</p>"),
            "{html}"
        );
        assert!(
            html.contains("<p>Приложение №\u{a0}1 к другому</p>"),
            "{html}"
        );
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
