//! Charts drawn as SVG from the view model's chart data ([`crate::document::chart`]), the same
//! picture in every format: inline in the HTML page, embedded by Typst in the PDF, and as a PNG
//! rendered from the SVG (resvg, with the embedded Liberation Serif) in the DOCX.
//!
//! The SVG is written by hand, deterministically: fixed sizes, numbers with at most one
//! decimal, every text escaped (user text is data). It names Liberation Serif first and the
//! generic serif last. Each kind of mark has its own shape or pattern, so the pictures read in
//! greyscale and without telling colours apart; the colours are from the Okabe–Ito palette,
//! which readers with colour blindness tell apart too. The root is `role="img"` with a `<title>`
//! and a `<desc>` (the text alternative) named by `aria-labelledby`.
//!
//! A chart in a document, in every format (as the programme places its roadmap):
//! - view model: a [`BarChart`], [`StatusChart`] or [`Timeline`] field of the document, with a
//!   unique `id`, and a `TableFacts` for the table of the same numbers next to it;
//! - Markdown (`body.md`): `{{ html_chart(of=…) }}` on a line of its own, then a paragraph
//!   standing in for the picture, then the table with its `html_table` marker;
//! - HTML: [`Drawn::bars`], [`Drawn::status`] or [`Drawn::timeline`] for each chart, given to
//!   `html::body_html_with_charts`, which puts each figure at its marker in place of the
//!   paragraph after it;
//! - PDF: the drawn charts under `charts` in the template's JSON (`pdf::charts_json`), placed
//!   with the template's `chart(c)` function (`image(bytes(…), format: "svg", alt: …)`);
//! - DOCX: `docx::chart(builder, &drawn)`: the caption, then the PNG with its alternative text.

use std::fmt::Write as _;
use std::sync::{Arc, LazyLock};

use anyhow::{Result, anyhow};

use crate::document::Document;
use crate::document::chart::{BarChart, MarkKind, StatusChart, Timeline};

/// A drawn chart: the SVG text and its size in SVG units (the renderers scale it to their
/// width, keeping the ratio).
#[derive(Debug, Clone, PartialEq)]
pub struct Svg {
    /// The whole `<svg>` element.
    pub text: String,
    /// Width in SVG units.
    pub width: f64,
    /// Height in SVG units.
    pub height: f64,
}

/// A chart of a document, drawn: what the renderers of every format place.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    /// The chart's id (the HTML marker `html_chart(of=…)` names it).
    pub id: String,
    /// Its caption.
    pub title: String,
    /// Its text alternative.
    pub alt: String,
    /// The picture.
    pub svg: Svg,
}

impl Drawn {
    /// A roadmap, drawn.
    pub fn timeline(t: &Timeline) -> Drawn {
        Drawn {
            id: t.id.clone(),
            title: t.title.clone(),
            alt: t.alt.clone(),
            svg: timeline(t),
        }
    }

    /// Grouped bars, drawn.
    pub fn bars(c: &BarChart) -> Drawn {
        Drawn {
            id: c.id.clone(),
            title: c.title.clone(),
            alt: c.alt.clone(),
            svg: bars(c),
        }
    }

    /// Bars per status, drawn.
    pub fn status(c: &StatusChart) -> Drawn {
        Drawn {
            id: c.id.clone(),
            title: c.title.clone(),
            alt: c.alt.clone(),
            svg: status(c),
        }
    }
}

/// The charts of the programme, drawn: the roadmap, when there are steps.
pub fn of_document(doc: &Document) -> Vec<Drawn> {
    doc.steps.roadmap.iter().map(Drawn::timeline).collect()
}

/// The charts of an implementation report, drawn: plan against fact per indicator and the
/// steps by status, each when the report has one.
pub fn of_report(r: &crate::document::report::Report) -> Vec<Drawn> {
    (r.charts.status.iter().map(Drawn::status))
        .chain(r.charts.plan_fact.iter().map(Drawn::bars))
        .collect()
}

/// The fonts, first to last.
const FONT: &str = "'Liberation Serif', 'Times New Roman', serif";
/// Solid marks and bars: blue.
const BLUE: &str = "#0072B2";
/// Milestones: vermillion.
const VERMILLION: &str = "#D55E00";
/// Hatched marks: a dark orange that keeps a 3:1 contrast on white.
const HATCH: &str = "#9C5A00";
/// Text.
const INK: &str = "#1A1A1A";
/// The light lines of the grid.
const GRID: &str = "#D0D0D0";
/// The lines between years, and axes.
const RULE: &str = "#808080";
/// The band of a group's header (as the tables' group rows).
const BAND: &str = "#EBEBEB";

/// Font sizes, in SVG units.
const TEXT: f64 = 13.0;
const SMALL: f64 = 12.0;

/// `s` with `&`, `<`, `>`, `"` and `'` escaped, and the characters XML cannot hold dropped.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || ('\u{7f}'..='\u{9f}').contains(&c) => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A number as SVG writes it: at most one decimal, no trailing zero.
fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// The width of a letter, in ems, to be safe: Liberation Serif averages about half an em a
/// letter, but a browser without it may draw a wider serif (DejaVu Serif).
fn em(bold: bool) -> f64 {
    if bold { 0.68 } else { 0.6 }
}

/// The width a text takes at most, roughly.
fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    s.chars().count() as f64 * size * em(bold)
}

/// `s` in lines no wider than `width`, at most `lines` of them; the last one cut with «…»
/// when the text goes on.
fn wrap(s: &str, width: f64, size: f64, bold: bool, lines: usize) -> Vec<String> {
    let max = ((width / (size * em(bold))) as usize).max(4);
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    // Only ordinary spaces break a line: a no-break space keeps «в рамках» together.
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let len = line.chars().count();
        if len == 0 || len + 1 + w.chars().count() <= max {
            if len > 0 {
                line.push(' ');
            }
            line.push_str(w);
            i += 1;
            continue;
        }
        out.push(std::mem::take(&mut line));
        if out.len() == lines {
            break;
        }
    }
    if !line.is_empty() && out.len() < lines {
        out.push(line);
    }
    let cut = i < words.len();
    for l in &mut out {
        if l.chars().count() > max {
            *l = l.chars().take(max - 1).collect();
            l.push('…');
        }
    }
    if cut && let Some(last) = out.last_mut() {
        if last.chars().count() >= max {
            *last = last
                .chars()
                .take(max - 1)
                .collect::<String>()
                .trim_end()
                .to_owned();
        }
        last.push('…');
    }
    out
}

/// The opening of the SVG: size, accessible name and description, fonts.
fn open(out: &mut String, id: &str, width: f64, height: f64, title: &str, alt: &str) {
    let id = escape(id);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"chart-{id}-title chart-{id}-desc\" font-family=\"{FONT}\" font-size=\"{TEXT}\" fill=\"{INK}\">\
<title id=\"chart-{id}-title\">{title}</title><desc id=\"chart-{id}-desc\">{alt}</desc>\
<rect width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>",
        w = num(width),
        h = num(height),
        title = escape(title),
        alt = escape(alt),
    );
}

fn text(out: &mut String, x: f64, y: f64, s: &str, attrs: &str) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\"{attrs}>{}</text>",
        num(x),
        num(y),
        escape(s)
    );
}

fn line(out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str) {
    let _ = write!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"1\"/>",
        num(x1),
        num(y1),
        num(x2),
        num(y2)
    );
}

fn rect(out: &mut String, x: f64, y: f64, w: f64, h: f64, attrs: &str) {
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{attrs}/>",
        num(x),
        num(y),
        num(w),
        num(h)
    );
}

fn diamond(out: &mut String, cx: f64, cy: f64, r: f64) {
    let _ = write!(
        out,
        "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{VERMILLION}\" stroke=\"{INK}\" stroke-width=\"1\"/>",
        num(cx),
        num(cy - r),
        num(cx + r),
        num(cy),
        num(cx),
        num(cy + r),
        num(cx - r),
        num(cy)
    );
}

/// A dashed upright line from `y1` to `y2`: a [`crate::document::chart::Reference`].
fn dashed(out: &mut String, x: f64, y1: f64, y2: f64) {
    let _ = write!(
        out,
        "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{INK}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
        num(y1),
        num(y2),
        x = num(x),
    );
}

/// A hatched box: white, outlined, with diagonal lines 6 units apart drawn one by one (no
/// pattern: the page's policy allows no `url(` reference, and every viewer draws lines).
fn hatched(out: &mut String, x: f64, y: f64, w: f64, h: f64) {
    rect(
        out,
        x,
        y,
        w,
        h,
        &format!(" fill=\"#FFFFFF\" stroke=\"{HATCH}\" stroke-width=\"1.5\""),
    );
    let mut d = String::new();
    let mut t = 6.0;
    while t < w + h {
        // The line x' + (y + h - y') = x + t, from the bottom or right edge to the left or top.
        let (x1, y1) = (x + t.min(w), y + h - (t - w).max(0.0));
        let (x2, y2) = (x + (t - h).max(0.0), y + h - t.min(h));
        let _ = write!(d, "M{} {}L{} {}", num(x1), num(y1), num(x2), num(y2));
        t += 6.0;
    }
    let _ = write!(
        out,
        "<path d=\"{d}\" stroke=\"{HATCH}\" stroke-width=\"2\" fill=\"none\"/>"
    );
}

/// The roadmap: a label column (number and title of each step, the tasks as bands), then one
/// column per quarter under its year, a mark per deadline, and the legend under it. It is
/// 1000 units wide: made for a landscape page or a wide screen.
pub fn timeline(t: &Timeline) -> Svg {
    const W: f64 = 1000.0;
    const LABEL: f64 = 420.0;
    const HEAD: f64 = 50.0;
    const GROUP: f64 = 26.0;
    const ROW: f64 = 36.0;
    const LEGEND: f64 = 44.0;
    let n = t.columns.len().max(1);
    let qw = (W - LABEL - 10.0) / n as f64;
    let rows: usize = t.groups.iter().map(|g| g.rows.len()).sum();
    let height = HEAD + GROUP * t.groups.len() as f64 + ROW * rows as f64 + LEGEND;
    let mut out = String::new();
    open(&mut out, &t.id, W, height, &t.title, &t.alt);
    let x_of = |q: usize| LABEL + q as f64 * qw;
    // The header: years over their quarters.
    for (i, y) in t.years.iter().enumerate() {
        let x = x_of(i * 4);
        let w = (4.0 * qw).min(W - 10.0 - x);
        rect(&mut out, x, 0.0, w, 24.0, &format!(" fill=\"{BAND}\""));
        text(
            &mut out,
            x + w / 2.0,
            17.0,
            y,
            " text-anchor=\"middle\" font-weight=\"bold\"",
        );
    }
    for (q, c) in t.columns.iter().enumerate() {
        text(
            &mut out,
            x_of(q) + qw / 2.0,
            42.0,
            c,
            &format!(" text-anchor=\"middle\" font-size=\"{SMALL}\""),
        );
    }
    let bottom = height - LEGEND;
    // The grid: a light line between quarters, a darker one between years.
    for q in 0..=n {
        let stroke = if q % 4 == 0 { RULE } else { GRID };
        line(&mut out, x_of(q), 24.0, x_of(q), bottom, stroke);
    }
    line(&mut out, 0.0, HEAD, W - 10.0, HEAD, RULE);
    let mut y = HEAD;
    for g in &t.groups {
        rect(
            &mut out,
            0.0,
            y,
            W - 10.0,
            GROUP,
            &format!(" fill=\"{BAND}\""),
        );
        let label = wrap(&g.label, W - 20.0, TEXT, true, 1);
        text(
            &mut out,
            6.0,
            y + 18.0,
            label.first().map_or("", String::as_str),
            " font-weight=\"bold\"",
        );
        y += GROUP;
        for r in &g.rows {
            // The title after the number, further right for a long one («1.1–1.250», the
            // row of a task).
            let title_x = (6.0 + text_width(&r.number, TEXT, false) + 8.0).max(46.0);
            let lines = wrap(&r.title, LABEL - title_x - 8.0, TEXT, false, 2);
            let top = if lines.len() > 1 { y + 15.0 } else { y + 23.0 };
            text(&mut out, 6.0, top, &r.number, "");
            for (i, l) in lines.iter().enumerate() {
                text(&mut out, title_x, top + 15.0 * i as f64, l, "");
            }
            let mid = y + ROW / 2.0;
            for m in &r.marks {
                let (x0, x1) = (x_of(m.from), x_of(m.to + 1));
                match m.kind {
                    MarkKind::Span => rect(
                        &mut out,
                        x0 + 3.0,
                        mid - 7.0,
                        x1 - x0 - 6.0,
                        14.0,
                        &format!(" fill=\"{BLUE}\""),
                    ),
                    MarkKind::Recurring => {
                        hatched(&mut out, x0 + 5.0, mid - 7.0, x1 - x0 - 10.0, 14.0);
                    }
                    MarkKind::Milestone => diamond(&mut out, (x0 + x1) / 2.0, mid, 8.0),
                }
            }
            y += ROW;
            line(&mut out, 0.0, y, W - 10.0, y, GRID);
        }
    }
    // The legend: a sample of each kind of mark and its word.
    let ly = bottom + 26.0;
    let mut x = 6.0;
    rect(
        &mut out,
        x,
        ly - 11.0,
        36.0,
        14.0,
        &format!(" fill=\"{BLUE}\""),
    );
    text(&mut out, x + 44.0, ly, &t.legend.span, "");
    x += 44.0 + text_width(&t.legend.span, TEXT, false) + 30.0;
    diamond(&mut out, x + 10.0, ly - 4.0, 8.0);
    text(&mut out, x + 26.0, ly, &t.legend.milestone, "");
    x += 26.0 + text_width(&t.legend.milestone, TEXT, false) + 30.0;
    hatched(&mut out, x, ly - 11.0, 36.0, 14.0);
    text(&mut out, x + 44.0, ly, &t.legend.recurring, "");
    out.push_str("</svg>");
    Svg {
        text: out,
        width: W,
        height,
    }
}

/// The end of an axis from 0 to at least `max`, in four equal steps that read easily: 1, 1.2,
/// 1.6, 2, 2.4, 3, 4, 5, 6 or 8 times a power of ten.
fn nice(max: f64) -> f64 {
    if max.is_nan() || max <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(max.log10().floor());
    [1.0, 1.2, 1.6, 2.0, 2.4, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|&v| v >= max * (1.0 - 1e-9))
        .unwrap_or(10.0 * p)
}

/// The end of an axis of counts from 0 to at least `max`, in four steps of a whole number.
fn count_axis(max: usize) -> f64 {
    (max.div_ceil(4).max(1) * 4) as f64
}

/// Grouped horizontal bars: a label column (each category, on up to three lines), then one bar
/// per series on a shared axis from zero, each with its value at its end; the first series
/// solid, the second hatched, further ones outlined; the reference value, if any, a dashed
/// line across the groups; the legend and the unit under the axis.
/// 800 units wide: a portrait page. Values below zero draw no bar.
pub fn bars(c: &BarChart) -> Svg {
    const W: f64 = 800.0;
    const LABEL: f64 = 270.0;
    const VALUE: f64 = 70.0;
    const BAR: f64 = 16.0;
    const GAP: f64 = 16.0;
    const AXIS: f64 = 56.0;
    let s = c.series.len().max(1);
    let group = (BAR * s as f64 + GAP).max(3.0 * 15.0 + 8.0);
    let height = 10.0 + group * c.categories.len() as f64 + AXIS;
    let max = nice(
        c.series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .chain(c.reference.as_ref().map(|r| &r.value))
            .fold(0.0, |a: f64, &v| a.max(v)),
    );
    let plot = W - LABEL - VALUE;
    let x_of = |v: f64| LABEL + (v.max(0.0) / max) * plot;
    let mut out = String::new();
    open(&mut out, &c.id, W, height, &c.title, &c.alt);
    let bottom = height - AXIS;
    for i in 0..=4 {
        let v = max * f64::from(i) / 4.0;
        let x = x_of(v);
        line(
            &mut out,
            x,
            10.0,
            x,
            bottom,
            if i == 0 { RULE } else { GRID },
        );
        text(
            &mut out,
            x,
            bottom + 16.0,
            &num(v).replace('.', ","),
            &format!(" text-anchor=\"middle\" font-size=\"{SMALL}\""),
        );
    }
    // The first series solid, the second hatched, further ones outlined.
    let bar = |out: &mut String, i: usize, x: f64, y: f64, w: f64, h: f64| match i {
        0 => rect(out, x, y, w, h, &format!(" fill=\"{BLUE}\"")),
        1 => hatched(out, x, y, w, h),
        _ => rect(
            out,
            x,
            y,
            w,
            h,
            &format!(" fill=\"#FFFFFF\" stroke=\"{INK}\" stroke-width=\"1.5\""),
        ),
    };
    // The values, written after the reference line so that it never runs through them.
    let mut values = String::new();
    let mut y = 10.0;
    for (k, cat) in c.categories.iter().enumerate() {
        // A wide margin: a browser's fallback serif can be wider than the estimate.
        let lines = wrap(cat, LABEL - 24.0, TEXT, false, 3);
        let first = y + group / 2.0 - 15.0 * (lines.len() as f64 - 1.0) / 2.0 + 4.0;
        for (i, l) in lines.iter().enumerate() {
            text(&mut out, 6.0, first + 15.0 * i as f64, l, "");
        }
        let top = y + (group - BAR * s as f64) / 2.0;
        for (i, series) in c.series.iter().enumerate() {
            let by = top + BAR * i as f64;
            if let Some(v) = series.values.get(k).copied().flatten() {
                let w = x_of(v) - LABEL;
                if w > 0.0 {
                    bar(&mut out, i, LABEL, by + 2.0, w, BAR - 4.0);
                }
            }
            let shown = series.shown.get(k).map_or("", String::as_str);
            let end = series.values.get(k).copied().flatten().map_or(LABEL, x_of);
            // A white box under the value keeps it readable over the reference line.
            if c.reference.is_some() && !shown.is_empty() {
                rect(
                    &mut values,
                    end + 2.0,
                    by + 1.0,
                    text_width(shown, SMALL, false) + 4.0,
                    BAR - 2.0,
                    " fill=\"#FFFFFF\"",
                );
            }
            text(
                &mut values,
                end + 4.0,
                by + BAR - 4.0,
                shown,
                &format!(" font-size=\"{SMALL}\""),
            );
        }
        y += group;
        line(&mut out, 0.0, y, W - 10.0, y, GRID);
    }
    // The reference line over the bars, dashed, in the ink's colour; the values over it.
    if let Some(r) = &c.reference {
        dashed(&mut out, x_of(r.value), 4.0, bottom);
    }
    out.push_str(&values);
    // The legend and the unit.
    let ly = bottom + 42.0;
    let mut x = LABEL;
    for (i, series) in c.series.iter().enumerate() {
        bar(&mut out, i, x, ly - 11.0, 30.0, 14.0);
        text(&mut out, x + 36.0, ly, &series.name, "");
        x += 36.0 + text_width(&series.name, TEXT, false) + 24.0;
    }
    if let Some(r) = &c.reference {
        dashed(&mut out, x + 8.0, ly - 14.0, ly + 3.0);
        text(&mut out, x + 20.0, ly, &r.label, "");
    }
    if !c.unit.is_empty() {
        text(&mut out, 6.0, ly, &c.unit, "");
    }
    out.push_str("</svg>");
    Svg {
        text: out,
        width: W,
        height,
    }
}

/// One horizontal bar per status, its count at its end, on an axis from zero: the label says
/// which status, so one colour serves all. 800 units wide: a portrait page.
pub fn status(c: &StatusChart) -> Svg {
    const W: f64 = 800.0;
    const LABEL: f64 = 270.0;
    const VALUE: f64 = 70.0;
    const ROW: f64 = 30.0;
    const AXIS: f64 = 30.0;
    let height = 10.0 + ROW * c.parts.len() as f64 + AXIS;
    let max = count_axis(c.parts.iter().map(|p| p.count).max().unwrap_or(0));
    let plot = W - LABEL - VALUE;
    let x_of = |v: f64| LABEL + v / max * plot;
    let mut out = String::new();
    open(&mut out, &c.id, W, height, &c.title, &c.alt);
    let bottom = height - AXIS;
    for i in 0..=4 {
        let v = max * f64::from(i) / 4.0;
        line(
            &mut out,
            x_of(v),
            10.0,
            x_of(v),
            bottom,
            if i == 0 { RULE } else { GRID },
        );
        text(
            &mut out,
            x_of(v),
            bottom + 16.0,
            &num(v).replace('.', ","),
            &format!(" text-anchor=\"middle\" font-size=\"{SMALL}\""),
        );
    }
    let mut y = 10.0;
    for p in &c.parts {
        let label = wrap(&p.label, LABEL - 12.0, TEXT, false, 1);
        text(
            &mut out,
            6.0,
            y + ROW / 2.0 + 4.0,
            label.first().map_or("", String::as_str),
            "",
        );
        let w = x_of(p.count as f64) - LABEL;
        if w > 0.0 {
            rect(
                &mut out,
                LABEL,
                y + 6.0,
                w,
                ROW - 12.0,
                &format!(" fill=\"{BLUE}\""),
            );
        }
        text(
            &mut out,
            LABEL + w + 4.0,
            y + ROW / 2.0 + 4.0,
            &p.count.to_string(),
            "",
        );
        y += ROW;
    }
    out.push_str("</svg>");
    Svg {
        text: out,
        width: W,
        height,
    }
}

/// Liberation Serif, the only font the PNGs know: text renders the same on every machine.
static FONTS: LazyLock<Arc<resvg::usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut db = resvg::usvg::fontdb::Database::new();
    for data in super::LIBERATION_SERIF {
        db.load_font_data(data.to_vec());
    }
    db.set_serif_family("Liberation Serif");
    Arc::new(db)
});

/// The SVG as a PNG, `scale` pixels per SVG unit: the picture of the DOCX. Fonts are the
/// embedded Liberation Serif only; nothing is read from disk.
pub fn png(svg: &Svg, scale: f32) -> Result<Vec<u8>> {
    let options = resvg::usvg::Options {
        font_family: "Liberation Serif".into(),
        fontdb: FONTS.clone(),
        ..resvg::usvg::Options::default()
    };
    let tree = resvg::usvg::Tree::from_str(&svg.text, &options)?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(|| anyhow!("empty chart"))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| anyhow!("empty chart"))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap.encode_png()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::chart::{Legend, Mark, Series, StatusPart, TimelineGroup, TimelineRow};
    use crate::document::{Heading, TableFacts};

    fn sample(title: &str) -> Timeline {
        let heading = Heading {
            number: "5.".into(),
            title: "Steps".into(),
            text: "5. Steps".into(),
            anchor: "steps".into(),
        };
        Timeline {
            id: "roadmap".into(),
            title: "Дорожная карта".into(),
            alt: "Дорожная карта: 2 мероприятия".into(),
            years: vec!["2027".into(), "2028".into()],
            columns: ["I", "II", "III", "IV", "I", "II", "III", "IV"]
                .map(String::from)
                .to_vec(),
            legend: Legend {
                span: "период".into(),
                milestone: "срок".into(),
                recurring: "регулярно".into(),
            },
            groups: vec![TimelineGroup {
                label: "Задача 1. <b>".into(),
                rows: vec![
                    TimelineRow {
                        number: "1.1".into(),
                        title: title.into(),
                        deadline: "ежеквартально".into(),
                        quarters: "–".into(),
                        marks: (0..8)
                            .map(|q| Mark {
                                from: q,
                                to: q,
                                kind: MarkKind::Recurring,
                            })
                            .collect(),
                    },
                    TimelineRow {
                        number: "1.2".into(),
                        title: "Второе".into(),
                        deadline: "2027".into(),
                        quarters: "2027".into(),
                        marks: vec![
                            Mark {
                                from: 0,
                                to: 3,
                                kind: MarkKind::Span,
                            },
                            Mark {
                                from: 6,
                                to: 6,
                                kind: MarkKind::Milestone,
                            },
                        ],
                    },
                ],
            }],
            table: TableFacts::new("roadmap", &heading, None),
        }
    }

    #[test]
    fn user_text_is_text() {
        let svg = timeline(&sample("<script>alert(1)</script> & \"q\" 'a'\u{1}")).text;
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<b>"));
        assert!(
            svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &apos;a&apos;")
        );
        assert!(!svg.contains('\u{1}'));
        // Still well-formed: resvg reads it.
        assert!(png(&timeline(&sample("<script>&\"")), 0.5).is_ok());
    }

    #[test]
    fn the_picture_is_named_and_described() {
        let svg = timeline(&sample("Первое")).text;
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\""));
        assert!(
            svg.contains("role=\"img\" aria-labelledby=\"chart-roadmap-title chart-roadmap-desc\"")
        );
        assert!(svg.contains("<title id=\"chart-roadmap-title\">Дорожная карта</title>"));
        assert!(
            svg.contains("<desc id=\"chart-roadmap-desc\">Дорожная карта: 2 мероприятия</desc>")
        );
        assert!(svg.contains("font-family=\"'Liberation Serif', 'Times New Roman', serif\""));
    }

    #[test]
    fn marks_have_their_own_shapes() {
        let svg = timeline(&sample("Первое")).text;
        // Eight hatched boxes for the recurring row, the legend's one more.
        assert_eq!(svg.matches("stroke-width=\"2\" fill=\"none\"").count(), 9);
        // One diamond on the row, one in the legend.
        assert_eq!(svg.matches(&format!("fill=\"{VERMILLION}\"")).count(), 2);
        // Nothing refers to anything: the page's policy allows no `url(`.
        assert!(!svg.contains("url("));
    }

    #[test]
    fn drawing_is_deterministic() {
        let a = timeline(&sample("Первое"));
        assert_eq!(a, timeline(&sample("Первое")));
        assert_eq!(png(&a, 1.0).ok(), png(&a, 1.0).ok());
    }

    #[test]
    fn long_titles_wrap_and_are_cut() {
        let lines = wrap(&"слово ".repeat(40), 200.0, 10.0, false, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(lines.iter().all(|l| l.chars().count() <= 40));
        assert_eq!(wrap("коротко", 200.0, 10.0, false, 2), ["коротко"]);
        // A no-break space holds its words together.
        let nb = wrap("доклада о\u{a0}деятельности", 100.0, 10.0, false, 2);
        assert_eq!(nb, ["доклада", "о\u{a0}деятельности"]);
    }

    #[test]
    fn bars_on_one_axis_with_values_printed() {
        let c = BarChart {
            id: "plan-fact".into(),
            title: "План и факт".into(),
            alt: "Два показателя".into(),
            unit: "%".into(),
            categories: vec!["Показатель 1".into(), "Показатель <2>".into()],
            series: vec![
                Series {
                    name: "План".into(),
                    values: vec![Some(100.0), Some(100.0)],
                    shown: vec!["100,0".into(), "100,0".into()],
                },
                Series {
                    name: "Факт".into(),
                    values: vec![Some(104.5), None],
                    shown: vec!["104,5".into(), "–".into()],
                },
            ],
            reference: None,
        };
        let svg = bars(&c);
        assert_eq!(nice(104.5), 120.0);
        assert_eq!(nice(95.0), 100.0);
        assert_eq!(nice(100.0), 100.0);
        assert_eq!(nice(7.0), 8.0);
        assert_eq!(nice(0.0), 1.0);
        assert_eq!(count_axis(6), 8.0);
        assert_eq!(count_axis(8), 8.0);
        assert_eq!(count_axis(0), 4.0);
        assert!(svg.text.contains("Показатель &lt;2&gt;"));
        assert!(svg.text.contains(">104,5</text>"));
        // Three bars (one value is missing): two solid, one hatched; and the legend's samples.
        assert_eq!(svg.text.matches("height=\"12\"").count(), 3);
        assert_eq!(svg.text.matches(&format!("fill=\"{BLUE}\"")).count(), 3);
        assert_eq!(svg.text.matches("fill=\"none\"").count(), 2);
        assert!(png(&svg, 1.0).is_ok());
        assert!(!svg.text.contains("stroke-dasharray"));
    }

    #[test]
    fn a_reference_line_across_the_groups_and_in_the_legend() {
        let c = BarChart {
            id: "plan-fact".into(),
            title: "Выполнение плана".into(),
            alt: "Один показатель".into(),
            unit: "% от плана".into(),
            categories: vec!["Показатель 1".into()],
            series: vec![Series {
                name: "Факт".into(),
                values: vec![Some(60.0)],
                shown: vec!["60,0 %".into()],
            }],
            reference: Some(crate::document::chart::Reference {
                value: 100.0,
                label: "План (100 %)".into(),
            }),
        };
        let svg = bars(&c);
        // The axis reaches the reference even when every bar is shorter.
        assert!(svg.text.contains(">100</text>"));
        // Across the plot at 100 of 100 (the end of the plot), and its sample in the legend.
        assert_eq!(svg.text.matches("stroke-dasharray=\"6 4\"").count(), 2);
        assert!(svg.text.contains("<line x1=\"730\" y1=\"4\" x2=\"730\""));
        assert!(svg.text.contains(">План (100 %)</text>"));
        // The value sits on a white box, over the line.
        assert!(svg.text.contains("fill=\"#FFFFFF\"/><text x=\"550\""));
        assert!(png(&svg, 1.0).is_ok());
    }

    #[test]
    fn a_bar_per_status() {
        let c = StatusChart {
            id: "status".into(),
            title: "Статус".into(),
            alt: "10 мероприятий".into(),
            parts: vec![
                StatusPart {
                    label: "Выполнено".into(),
                    count: 6,
                },
                StatusPart {
                    label: "Не выполнено".into(),
                    count: 0,
                },
                StatusPart {
                    label: "Просрочено".into(),
                    count: 4,
                },
            ],
        };
        let svg = status(&c);
        assert_eq!(svg.text.matches("height=\"18\"").count(), 2);
        assert!(svg.text.contains(">Не выполнено</text>"));
        assert!(svg.text.contains(">0</text>"));
        assert_eq!(svg.height, 10.0 + 3.0 * 30.0 + 30.0);
        assert!(png(&svg, 1.0).is_ok());
    }
}
