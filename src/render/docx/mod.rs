//! The programme as a Word document (DOCX), written by the binary itself from the view model,
//! like the other formats; it is the file that goes round the administrations for comments.
//!
//! Why not a DOCX library: `docx-rs` (the one in use) writes neither `w:tblHeader` (a header
//! row repeated on every page) nor `w:updateFields` (the table of contents filled on opening),
//! and brings its own XML reader, `zip` with its features, `base64` and `serde_json` along.
//! WordprocessingML for a document of headings, paragraphs, lists and tables is small, so it is
//! written here: [`xml`] escapes every text (a text is always a run of text, never a field, a
//! hyperlink or markup), [`builder`] knows the page, the styles, sections, lists and tables,
//! and [`zip`] packs the parts in a fixed order with a fixed date (the document's), so the
//! same input gives the same bytes. Tests read the file back and LibreOffice converts it.
//!
//! This module only walks the [`Document`] and prints it, section by section and annex by
//! annex (one function each), as `templates/programme.typ` lays out the PDF: the title page
//! (no header), the contents, the sections, the list of steps on landscape pages, each annex
//! from a new page. Another document (a comparison table) uses [`builder::DocxBuilder`] the
//! same way.
//!
//! Links of the long texts cannot be links here (nothing a user writes becomes a hyperlink in
//! the file that is edited and passed on): a link prints its text followed by its address in
//! parentheses, or the address alone when that is its text.

pub(crate) mod builder;
mod xml;
mod zip;

use builder::{
    Cell, Column, DocxBuilder, ListId, ListKind, Orientation, Para, Properties, Row, Run, Section,
    Style, Table,
};

use crate::document::compare::Comparison;
use crate::document::report::Report;
use crate::document::rich::{Block, Inline, Rich};
use crate::document::{AnnexHead, Document, TitleBlock};
use crate::render::chart::Drawn;

/// Width of a «№» column: three digits at 12 pt with the cell's padding.
const NO: u32 = 620;
/// The least height of a row of the sign-off sheet: 14 mm, room for a signature.
const SIGNING_ROW: u32 = 794;
/// Width of the «№ п/п» column of the steps: «№ п/п» on one line.
const STEP_NO: u32 = 860;

/// The programme as a DOCX.
pub(crate) fn render(doc: &Document) -> anyhow::Result<Vec<u8>> {
    let portrait = Section {
        orientation: Orientation::Portrait,
        title_page: false,
    };
    let mut b = DocxBuilder::new(Section {
        title_page: true,
        ..portrait
    });
    title_page(&mut b, &doc.title_block);
    contents(&mut b, doc);
    abbreviations(&mut b, doc);
    passport(&mut b, doc);
    general(&mut b, doc);
    cases(&mut b, doc);
    goals(&mut b, doc);
    // The list of steps on landscape pages; the indicators with it when their years do not
    // fit across a portrait page.
    b.section(Section {
        orientation: Orientation::Landscape,
        title_page: false,
    });
    steps(&mut b, doc)?;
    if doc.indicators.wide {
        step_details(&mut b, doc);
        indicators(&mut b, doc);
        b.section(portrait);
    } else {
        b.section(portrait);
        step_details(&mut b, doc);
        indicators(&mut b, doc);
    }
    resources(&mut b, doc);
    implementation(&mut b, doc);
    risks(&mut b, doc);
    annexes(&mut b, doc);

    let keywords = doc.meta.keywords.join(", ");
    let props = Properties {
        title: &doc.meta.title,
        author: &doc.meta.author,
        language: doc.meta.language,
        keywords: &keywords,
        date: doc.meta.date,
        running_mark: doc.title_block.draft,
    };
    Ok(b.finish(&props)?)
}

/// The comparison table of two drafts (`nko-draft diff`), on landscape pages: its title, the
/// programme, which drafts are compared, and the table with its header row on every page.
pub(crate) fn comparison(c: &Comparison) -> anyhow::Result<Vec<u8>> {
    let l = c.labels;
    let mut b = DocxBuilder::new(Section {
        orientation: Orientation::Landscape,
        title_page: true,
    });
    b.heading(1, &c.title);
    b.paragraph(&Para::text(Style::Subtitle, c.programme.as_str()));
    b.paragraph(&Para::text(Style::Body, c.old_label.as_str()));
    b.paragraph(&Para::text(Style::Body, c.new_label.as_str()));
    if c.rows.is_empty() {
        b.paragraph(&Para::text(Style::Body, l.no_changes));
    } else {
        b.table(&Table {
            columns: vec![
                Column::fixed(NO).numeric(),
                Column::share(13),
                Column::share(20),
                Column::share(20),
            ],
            header: header(&[l.col_no, l.col_element, l.col_before, l.col_after]),
            rows: c
                .rows
                .iter()
                .map(|r| {
                    Row::new(vec![
                        Cell::text(r.number.as_str()),
                        Cell::text(r.element.as_str()),
                        Cell::lines(&r.before),
                        Cell::lines(&r.after),
                    ])
                })
                .collect(),
            repeat_header: true,
        });
    }
    let props = Properties {
        title: &c.title,
        author: &c.author,
        language: c.language,
        keywords: &c.programme,
        date: c.date,
        running_mark: None,
    };
    Ok(b.finish(&props)?)
}

/// The implementation report (`nko-draft report`), on landscape pages like its PDF: the title,
/// the programme, the summary, then the tables of steps, overdue steps, indicators and
/// resources, each with its header row on every page.
pub(crate) fn report(r: &Report) -> anyhow::Result<Vec<u8>> {
    let l = r.labels;
    let mut b = DocxBuilder::new(Section {
        orientation: Orientation::Landscape,
        title_page: true,
    });
    b.heading(1, &r.title);
    b.paragraph(&Para::text(Style::Subtitle, r.programme.as_str()));
    b.heading(2, &r.summary.heading.text);
    let facts: Vec<String> = (r.summary.facts.iter())
        .map(|f| format!("{}: {}", f.label, f.value))
        .collect();
    plain_list(&mut b, ListKind::Bullet, &facts);
    for line in &r.summary.lines {
        b.paragraph(&Para::text(Style::Body, line.as_str()));
    }
    for (k, t) in [&r.steps, &r.overdue].into_iter().enumerate() {
        b.heading(2, &t.heading.text);
        if k == 0 {
            status_chart(&mut b, r)?;
        }
        if t.rows.is_empty() {
            b.paragraph(&Para::text(Style::Body, t.empty.unwrap_or_default()));
            continue;
        }
        b.table(&Table {
            columns: vec![
                Column::fixed(STEP_NO).numeric(),
                Column::share(20),
                Column::share(16),
                Column::share(18),
                Column::share(16),
                Column::share(15),
                Column::share(20),
            ],
            header: header(&[
                l.col_no,
                l.col_step,
                l.col_deadline,
                l.col_responsible,
                l.col_status,
                l.col_done_on,
                l.col_comment,
            ]),
            rows: (t.rows.iter())
                .map(|s| {
                    Row::texts(&[
                        &s.number,
                        &s.title,
                        &s.deadline,
                        &s.responsible,
                        &s.status_text,
                        &s.done_on,
                        &s.comment,
                    ])
                })
                .collect(),
            repeat_header: true,
        });
        for n in &t.notes {
            b.paragraph(&Para::text(Style::Note, n.as_str()));
        }
    }
    let i = &r.indicators;
    b.heading(2, &i.heading.text);
    if let Some(c) = &r.charts.plan_fact {
        chart(&mut b, &Drawn::bars(c))?;
    }
    if i.rows.is_empty() {
        b.paragraph(&Para::text(Style::Body, i.empty.unwrap_or_default()));
    } else {
        b.table(&Table {
            columns: vec![
                Column::fixed(NO).numeric(),
                Column::share(30),
                Column::share(10),
                Column::share(9).numeric(),
                Column::share(9).numeric(),
                Column::share(10).numeric(),
                Column::share(24),
            ],
            header: header(&[
                l.col_no,
                l.col_indicator,
                l.col_unit,
                l.col_plan,
                l.col_fact,
                l.col_percent,
                l.col_note,
            ]),
            rows: (i.rows.iter())
                .map(|x| {
                    Row::texts(&[
                        &x.number, &x.name, &x.unit, &x.plan, &x.fact, &x.percent, &x.note,
                    ])
                })
                .collect(),
            repeat_header: true,
        });
        for n in &i.notes {
            b.paragraph(&Para::text(Style::Note, n.as_str()));
        }
    }
    let m = &r.resources;
    b.heading(2, &m.heading.text);
    if m.rows.is_empty() {
        b.paragraph(&Para::text(Style::Body, m.empty.unwrap_or_default()));
    } else {
        caption(&mut b, &m.caption);
        let mut rows: Vec<Row> = (m.rows.iter())
            .map(|x| Row::texts(&[&x.source, &x.plan, &x.spent, &x.percent]).whole(true))
            .collect();
        if let Some(t) = &m.total {
            rows.push(
                Row::new(vec![
                    Cell::bold(t.source.as_str()),
                    Cell::bold(t.plan.as_str()),
                    Cell::bold(t.spent.as_str()),
                    Cell::bold(t.percent.as_str()),
                ])
                .whole(true),
            );
        }
        b.table(&Table {
            columns: vec![
                Column::share(3),
                Column::share(1).numeric(),
                Column::share(1).numeric(),
                Column::share(1).numeric(),
            ],
            header: header(&[l.col_source, &m.col_plan, l.col_spent, l.col_percent]),
            rows,
            repeat_header: true,
        });
    }
    let props = Properties {
        title: &r.title,
        author: &r.author,
        language: r.language,
        keywords: &r.programme,
        date: r.date,
        running_mark: None,
    };
    Ok(b.finish(&props)?)
}

/// The steps of the report by status, opening its section 2: the chart, then its table of
/// counts with the total.
fn status_chart(b: &mut DocxBuilder, r: &Report) -> anyhow::Result<()> {
    let Some(c) = &r.charts.status else {
        return Ok(());
    };
    let l = r.labels;
    chart(b, &Drawn::status(c))?;
    if let Some(text) = &r.charts.status_table.caption {
        caption(b, text);
    }
    let mut rows: Vec<Row> = (c.parts.iter())
        .map(|p| Row::texts(&[&p.label, &p.count.to_string()]).whole(true))
        .collect();
    rows.push(
        Row::new(vec![
            Cell::bold(l.total),
            Cell::bold(r.charts.status_total.to_string().as_str()),
        ])
        .whole(true),
    );
    b.table(&Table {
        columns: vec![Column::share(3), Column::share(1).numeric()],
        header: header(&[l.col_status, l.col_count]),
        rows,
        repeat_header: true,
    });
    Ok(())
}

/// The title page: «ПРОЕКТ» top right while a draft, the title and period, the place and year
/// at the foot of the page.
fn title_page(b: &mut DocxBuilder, t: &TitleBlock) {
    if let Some(stamp) = &t.approval {
        for (i, line) in stamp.lines.iter().enumerate() {
            let run = if i == 0 {
                Run::bold(line.as_str())
            } else {
                Run::plain(line.as_str())
            };
            b.paragraph(&Para::new(Style::Stamp, vec![run]));
        }
    }
    if let Some(draft) = t.draft {
        b.paragraph(&Para::text(Style::DraftMark, draft));
    }
    if let Some(revision) = &t.revision {
        b.paragraph(&Para::text(Style::RevisionMark, revision.as_str()));
    }
    b.paragraph(&Para::text(Style::Title, t.title.as_str()));
    b.paragraph(&Para::text(Style::Subtitle, t.period.as_str()));
    let mut place = Para::text(Style::Place, t.place_year.as_str());
    place.at_page_foot = true;
    b.paragraph(&place);
    // LibreOffice anchors a framed paragraph to the paragraph after it: one on this page.
    b.paragraph(&Para::new(Style::Place, Vec::new()));
}

/// The contents, on a page of their own.
fn contents(b: &mut DocxBuilder, doc: &Document) {
    let heading = Para::text(Style::ContentsHeading, doc.labels.contents).new_page();
    let entries: Vec<(u8, &str)> = doc
        .toc
        .iter()
        .map(|e| (e.level, e.heading.text.as_str()))
        .collect();
    b.contents(&heading, &entries);
}

/// Перечень сокращений.
fn abbreviations(b: &mut DocxBuilder, doc: &Document) {
    let Some(a) = &doc.abbreviations else { return };
    let l = doc.labels;
    heading_on_new_page(b, &a.heading.text);
    b.table(&Table {
        columns: vec![Column::share(1), Column::share(3)],
        header: header(&[l.col_abbreviation, l.col_full_name]),
        rows: a
            .rows
            .iter()
            .map(|r| Row::texts(&[&r.short, &r.full]))
            .collect(),
        repeat_header: true,
    });
}

/// 1. Паспорт: each item of a row in a paragraph of its own, numbered «1)» where the row is.
fn passport(b: &mut DocxBuilder, doc: &Document) {
    let l = doc.labels;
    let p = &doc.passport;
    if doc.abbreviations.is_some() {
        b.heading(1, &p.heading.text);
    } else {
        heading_on_new_page(b, &p.heading.text);
    }
    let rows = p
        .rows
        .iter()
        .map(|r| {
            let value = if r.numbered {
                let list = b.list(ListKind::CellNumbered, 1);
                Cell::paras(
                    r.items
                        .iter()
                        .map(|i| Para::text(Style::TableText, i.as_str()).in_list(list, 0))
                        .collect(),
                )
            } else {
                Cell::lines(&r.items)
            };
            Row::new(vec![Cell::text(r.label), value]).whole(!r.breakable)
        })
        .collect();
    b.table(&Table {
        columns: vec![Column::share(32), Column::share(68)],
        header: header(&[l.col_parameter, l.col_value]),
        rows,
        repeat_header: true,
    });
}

/// Section 2, Общая характеристика: the current state, the session's facts, participants by
/// kind, agreements.
fn general(b: &mut DocxBuilder, doc: &Document) {
    let l = doc.labels;
    let g = &doc.general;
    b.heading(1, &g.heading.text);
    if let Some(c) = &g.context {
        b.heading(2, &c.heading.text);
        rich(b, &c.text);
    }
    b.heading(2, &g.session_heading.text);
    let list = b.list(ListKind::Bullet, 1);
    for f in &g.session_facts {
        b.paragraph(
            &Para::text(Style::ListItem, format!("{}: {}", f.label, f.value)).in_list(list, 0),
        );
    }
    if let Some(total) = &g.participants_total {
        caption(b, l.participants_by_kind);
        let mut rows: Vec<Row> = g
            .participant_kinds
            .iter()
            .map(|k| Row::texts(&[&k.kind, &k.organisations, &k.participants]).whole(true))
            .collect();
        rows.push(
            Row::new(vec![
                Cell::bold(total.kind.as_str()),
                Cell::bold(total.organisations.as_str()),
                Cell::bold(total.participants.as_str()),
            ])
            .whole(true),
        );
        b.table(&Table {
            columns: vec![
                Column::share(3),
                Column::share(1).numeric(),
                Column::share(1).numeric(),
            ],
            header: header(&[l.col_kind, l.col_organisations, l.col_participants]),
            rows,
            repeat_header: true,
        });
    }
    if let Some(a) = &g.agreements {
        b.heading(2, &a.heading.text);
        plain_list(b, ListKind::Numbered, &a.items);
    }
}

/// 3. Итоги работы по кейсам: one subsection per case.
fn cases(b: &mut DocxBuilder, doc: &Document) {
    let l = doc.labels;
    b.heading(1, &doc.cases.heading.text);
    for c in &doc.cases.items {
        b.heading(2, &c.heading.text);
        let mut task = vec![Run::plain(format!("{}: ", l.case_task))];
        task.extend(inline_runs(&c.task));
        b.paragraph(&Para::new(Style::Body, task));
        if let Some(m) = &c.moderators {
            b.paragraph(&Para::text(
                Style::Body,
                format!("{}: {m}", l.case_moderators),
            ));
        }
        if !c.problems.is_empty() {
            b.paragraph(&Para::text(Style::Body, format!("{}:", l.case_problems)));
            let list = b.list(ListKind::Numbered, 1);
            for p in &c.problems {
                list_item(b, list, 0, &p.blocks);
            }
        }
        if !c.proposals.is_empty() {
            caption(b, &c.proposals_caption);
            let (columns, head, rows): (Vec<Column>, Vec<&str>, Vec<Row>) = if c.votes_counted {
                (
                    vec![
                        Column::fixed(NO).numeric(),
                        Column::share(20),
                        Column::fixed(1250).numeric(),
                        Column::share(15),
                        Column::fixed(1750),
                    ],
                    vec![
                        l.col_no,
                        l.col_proposal,
                        l.col_votes,
                        l.col_decision,
                        l.col_steps,
                    ],
                    c.proposals
                        .iter()
                        .map(|p| Row::texts(&[&p.number, &p.text, &p.votes, &p.decision, &p.steps]))
                        .collect(),
                )
            } else {
                (
                    vec![
                        Column::fixed(NO).numeric(),
                        Column::share(20),
                        Column::share(15),
                        Column::fixed(1750),
                    ],
                    vec![l.col_no, l.col_proposal, l.col_decision, l.col_steps],
                    c.proposals
                        .iter()
                        .map(|p| Row::texts(&[&p.number, &p.text, &p.decision, &p.steps]))
                        .collect(),
                )
            };
            b.table(&Table {
                columns,
                header: header(&head),
                rows,
                repeat_header: true,
            });
        }
        b.paragraph(&Para::text(Style::Body, c.steps_summary.as_str()));
    }
}

/// 4. Цели, задачи и ожидаемые результаты.
fn goals(b: &mut DocxBuilder, doc: &Document) {
    let l = doc.labels;
    let g = &doc.goals;
    b.heading(1, &g.heading.text);
    b.paragraph(&Para::text(Style::Body, format!("{}:", l.goals_heading)));
    plain_list(b, ListKind::Numbered, &g.goals);
    b.paragraph(&Para::text(Style::Body, format!("{}:", l.tasks_heading)));
    plain_list(b, ListKind::Bullet, &g.tasks);
    if !g.results.is_empty() {
        b.paragraph(&Para::text(Style::Body, format!("{}:", l.results_heading)));
        plain_list(b, ListKind::Numbered, &g.results);
    }
}

/// Section 5, Перечень мероприятий: one table, its header repeated on every page, a shaded row
/// across it heading each task's steps; the notes and the total under it.
fn steps(b: &mut DocxBuilder, doc: &Document) -> anyhow::Result<()> {
    let l = doc.labels;
    let s = &doc.steps;
    b.heading(1, &s.heading.text);
    roadmap(b, doc)?;
    let funded = s.funded;
    // Each column at least as wide as the longest word of its header («Ответственный»,
    // «финансирования,») in 11 pt bold.
    let mut columns = vec![
        Column::fixed(STEP_NO),
        Column::share(if funded { 23 } else { 28 }),
        Column::share(13),
        Column::share(16),
        Column::share(16),
    ];
    let mut head = vec![
        l.col_number,
        l.col_step,
        l.col_deadline,
        l.col_responsible,
        l.col_partners,
    ];
    if funded {
        columns.push(Column::share(19));
        head.push(l.col_step_funding);
    }
    columns.push(Column::share(if funded { 21 } else { 26 }));
    columns.push(Column::share(13));
    head.extend([l.col_result, l.col_indicator_refs]);
    let n = columns.len();
    let mut rows = Vec::new();
    for g in &s.groups {
        rows.push(Row::group(&g.label, n));
        for step in &g.steps {
            let mut cells = vec![
                Cell::text(step.number.as_str()),
                Cell::text(format!("{}{}", step.title, step.mark)),
                Cell::text(step.deadline.as_str()),
                Cell::text(step.responsible.as_str()),
                Cell::text(step.partners.as_str()),
            ];
            if funded {
                cells.push(Cell::lines(&step.funding));
            }
            cells.push(Cell::text(step.result.as_str()));
            cells.push(Cell::text(step.indicators.as_str()));
            rows.push(Row::new(cells).whole(!step.breakable));
        }
    }
    b.table(&Table {
        columns,
        header: header(&head),
        rows,
        repeat_header: true,
    });
    for note in &s.notes {
        b.paragraph(&Para::text(Style::Note, note.as_str()));
    }
    b.paragraph(&Para::text(Style::Body, s.total.as_str()));
    Ok(())
}

/// The contents of the steps that have a description, after the list.
fn step_details(b: &mut DocxBuilder, doc: &Document) {
    let s = &doc.steps;
    if s.details.is_empty() {
        return;
    }
    b.paragraph(&Para::text(
        Style::Body,
        format!("{}:", doc.labels.step_details),
    ));
    let list = b.list(ListKind::Bullet, 1);
    for d in &s.details {
        let mut blocks = d.description.blocks.clone();
        let number = Inline::Text {
            text: format!("{}. ", d.number),
        };
        match blocks.first_mut() {
            Some(Block::Paragraph { inlines }) => inlines.insert(0, number),
            _ => blocks.insert(
                0,
                Block::Paragraph {
                    inlines: vec![number],
                },
            ),
        }
        list_item(b, list, 0, &blocks);
    }
}

/// 6. Целевые показатели: one column per year, then the notes on sources and methods.
fn indicators(b: &mut DocxBuilder, doc: &Document) {
    let l = doc.labels;
    let i = &doc.indicators;
    b.heading(1, &i.heading.text);
    if i.rows.is_empty() {
        if let Some(note) = i.empty_note {
            b.paragraph(&Para::text(Style::Body, note));
        }
        return;
    }
    let mut columns = vec![
        Column::fixed(NO).numeric(),
        Column::share(34),
        Column::share(9),
        Column::share(11).numeric(),
    ];
    let mut head = vec![l.col_no, l.col_indicator, l.col_unit, l.col_baseline];
    for y in &i.years {
        columns.push(Column::share(6).numeric());
        head.push(y.as_str());
    }
    columns.push(Column::share(14));
    head.push(l.col_indicator_responsible);
    let rows = i
        .rows
        .iter()
        .map(|r| {
            let mut cells: Vec<&str> = vec![&r.number, &r.name, &r.unit, &r.baseline];
            cells.extend(r.targets.iter().map(String::as_str));
            cells.push(&r.responsible);
            Row::texts(&cells).whole(true)
        })
        .collect();
    b.table(&Table {
        columns,
        header: header(&head),
        rows,
        repeat_header: true,
    });
    if !i.notes.is_empty() {
        b.paragraph(&Para::text(Style::Body, format!("{}:", l.indicator_notes)));
        plain_list(b, ListKind::Bullet, &i.notes);
    }
}

/// 7. Ресурсное обеспечение: the sources by year, the total row in bold.
fn resources(b: &mut DocxBuilder, doc: &Document) {
    let l = doc.labels;
    let r = &doc.resources;
    b.heading(1, &r.heading.text);
    if let Some(none) = r.none {
        b.paragraph(&Para::text(Style::Body, none));
        return;
    }
    caption(b, r.caption);
    let mut columns = vec![Column::share(30)];
    let mut head = vec![l.col_source];
    for y in &r.years {
        columns.push(Column::share(12).numeric());
        head.push(y.as_str());
    }
    columns.push(Column::share(13).numeric());
    head.push(l.col_total);
    let mut rows: Vec<Row> = r
        .rows
        .iter()
        .map(|f| {
            let mut cells: Vec<&str> = vec![&f.source];
            cells.extend(f.amounts.iter().map(String::as_str));
            cells.push(&f.total);
            Row::texts(&cells).whole(true)
        })
        .collect();
    if let Some(t) = &r.total {
        let mut cells = vec![Cell::bold(t.source.as_str())];
        cells.extend(t.amounts.iter().map(|a| Cell::bold(a.as_str())));
        cells.push(Cell::bold(t.total.as_str()));
        rows.push(Row::new(cells).whole(true));
    }
    b.table(&Table {
        columns,
        header: header(&head),
        rows,
        repeat_header: true,
    });
}

/// 8. Механизм реализации.
fn implementation(b: &mut DocxBuilder, doc: &Document) {
    b.heading(1, &doc.implementation.heading.text);
    rich(b, &doc.implementation.text);
}

/// 9. Риски.
fn risks(b: &mut DocxBuilder, doc: &Document) {
    let Some(r) = &doc.risks else { return };
    let l = doc.labels;
    b.heading(1, &r.heading.text);
    b.table(&Table {
        columns: vec![
            Column::fixed(NO).numeric(),
            Column::share(1),
            Column::share(1),
        ],
        header: header(&[l.col_no, l.col_risk, l.col_mitigation]),
        rows: r
            .rows
            .iter()
            .map(|x| Row::texts(&[&x.number, &x.risk, &x.mitigation]))
            .collect(),
        repeat_header: true,
    });
}

/// The annexes, each from a new page.
fn annexes(b: &mut DocxBuilder, doc: &Document) {
    participants_annex(b, doc);
    agreements_annex(b, doc);
    matrix_annex(b, doc);
    sign_off_annex(b, doc);
}

/// Лист согласования: who signs, with empty «Дата» and «Подпись» cells tall enough to sign
/// in on paper.
fn sign_off_annex(b: &mut DocxBuilder, doc: &Document) {
    let Some(a) = &doc.annexes.sign_off else {
        return;
    };
    let l = doc.labels;
    annex_head(b, &a.head);
    b.table(&Table {
        columns: vec![
            Column::fixed(NO).numeric(),
            Column::share(14),
            Column::share(11),
            Column::share(10),
            Column::fixed(1300),
            Column::fixed(1500),
        ],
        header: header(&[
            l.col_no,
            l.col_organisation,
            l.col_position,
            l.col_name,
            l.col_date,
            l.col_signature,
        ]),
        rows: a
            .rows
            .iter()
            .map(|r| {
                Row::texts(&[&r.number, &r.organisation, &r.position, &r.name, "", ""])
                    .whole(true)
                    .at_least(SIGNING_ROW)
            })
            .collect(),
        repeat_header: true,
    });
}

/// Приложение: список участников.
fn participants_annex(b: &mut DocxBuilder, doc: &Document) {
    let Some(a) = &doc.annexes.participants else {
        return;
    };
    let l = doc.labels;
    annex_head(b, &a.head);
    b.table(&Table {
        columns: vec![
            Column::fixed(NO).numeric(),
            Column::share(13),
            Column::share(15),
            Column::share(10),
            Column::share(9),
        ],
        header: header(&[
            l.col_no,
            l.col_person,
            l.col_position,
            l.col_organisation,
            l.col_role,
        ]),
        rows: a
            .rows
            .iter()
            .map(|r| {
                Row::texts(&[&r.number, &r.name, &r.position, &r.organisation, &r.role]).whole(true)
            })
            .collect(),
        repeat_header: true,
    });
}

/// Приложение: соглашения.
fn agreements_annex(b: &mut DocxBuilder, doc: &Document) {
    let Some(a) = &doc.annexes.agreements else {
        return;
    };
    let l = doc.labels;
    annex_head(b, &a.head);
    let rows = a
        .rows
        .iter()
        .map(|r| {
            Row::new(vec![
                Cell::text(r.number.as_str()),
                Cell::text(r.title.as_str()),
                Cell::text(r.date.as_str()),
                Cell::text(r.parties.as_str()),
                Cell::runs(inline_runs(&r.subject)),
            ])
        })
        .collect();
    b.table(&Table {
        columns: vec![
            Column::fixed(NO).numeric(),
            Column::share(20),
            Column::fixed(1900),
            Column::share(8),
            Column::share(20),
        ],
        header: header(&[
            l.col_no,
            l.col_agreement,
            l.col_date,
            l.col_parties,
            l.col_subject,
        ]),
        rows,
        repeat_header: true,
    });
}

/// Приложение: матрица ответственности.
fn matrix_annex(b: &mut DocxBuilder, doc: &Document) {
    let Some(a) = &doc.annexes.matrix else { return };
    let l = doc.labels;
    annex_head(b, &a.head);
    b.table(&Table {
        columns: vec![Column::share(10), Column::share(12), Column::share(12)],
        header: header(&[l.col_organisation, l.col_as_lead, l.col_as_partner]),
        rows: a
            .rows
            .iter()
            .map(|r| Row::texts(&[&r.organisation, &r.lead, &r.partner]).whole(true))
            .collect(),
        repeat_header: true,
    });
}

/// An annex's first lines: a new page, «Приложение № N к Программе» top right, the heading.
fn annex_head(b: &mut DocxBuilder, head: &AnnexHead) {
    b.paragraph(&Para::text(Style::AnnexMark, head.mark.as_str()).new_page());
    b.heading(1, &head.heading.text);
}

/// A level-1 heading at the top of a new page.
fn heading_on_new_page(b: &mut DocxBuilder, text: &str) {
    b.paragraph(&Para::text(Style::Heading(1), text).new_page());
}

/// The roadmap, first in the list of steps (the overview before the detail, on a page of its
/// own): the chart, then its data table (the quarters of each
/// step, grouped by task as the list is).
fn roadmap(b: &mut DocxBuilder, doc: &Document) -> anyhow::Result<()> {
    let Some(r) = &doc.steps.roadmap else {
        return Ok(());
    };
    let l = doc.labels;
    chart(b, &Drawn::timeline(r))?;
    if let Some(c) = &r.table.caption {
        caption(b, c);
    }
    let columns = vec![
        Column::fixed(STEP_NO),
        Column::share(44),
        Column::share(24),
        Column::share(32),
    ];
    let mut rows = Vec::new();
    for g in &r.groups {
        rows.push(Row::group(&g.label, columns.len()));
        for s in &g.rows {
            rows.push(Row::texts(&[&s.number, &s.title, &s.deadline, &s.quarters]).whole(true));
        }
    }
    b.table(&Table {
        columns,
        header: header(&[l.col_no, l.col_roadmap_step, l.col_deadline, l.col_quarters]),
        rows,
        repeat_header: true,
    });
    Ok(())
}

/// A chart: its caption, kept with the picture, then the picture, a PNG drawn from the same SVG
/// as the other formats' (two pixels a unit, sharp in print), as wide as the text and no
/// taller than a page leaves under a heading and the caption, with the chart's text alternative. Any
/// document built on [`DocxBuilder`] places its charts with this.
pub(crate) fn chart(b: &mut DocxBuilder, chart: &Drawn) -> anyhow::Result<()> {
    let mut head = Para::text(Style::Caption, chart.title.as_str());
    head.keep_next = true;
    b.paragraph(&head);
    let png = super::chart::png(&chart.svg, 2.0)?;
    let (w, h) = (chart.svg.width, chart.svg.height);
    // Room for a heading and the caption above the picture.
    let room = f64::from(b.text_height().saturating_sub(2000));
    let scale = (f64::from(b.text_width()) / w).min(room / h);
    // Twips are whole numbers; a chart is never wider than a page, so these fit.
    b.image(png, (w * scale) as u32, (h * scale) as u32, &chart.alt);
    Ok(())
}

/// A caption above a table.
fn caption(b: &mut DocxBuilder, text: &str) {
    b.paragraph(&Para::text(Style::Caption, text));
}

/// The header row's texts.
fn header(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

/// A list of plain items.
fn plain_list(b: &mut DocxBuilder, kind: ListKind, items: &[String]) {
    let list = b.list(kind, 1);
    for item in items {
        b.paragraph(&Para::text(Style::ListItem, item.as_str()).in_list(list, 0));
    }
}

/// A long text: its paragraphs and lists.
fn rich(b: &mut DocxBuilder, text: &Rich) {
    blocks(b, &text.blocks, None);
}

/// Blocks at the body's margin (`within` none) or inside a list item (its list and level):
/// paragraphs there are indented to the item's text.
fn blocks(b: &mut DocxBuilder, blocks: &[Block], within: Option<(ListId, u8)>) {
    for block in blocks {
        match block {
            Block::Paragraph { inlines } => {
                let mut p = Para::new(Style::Body, runs(inlines));
                if let Some((list, level)) = within {
                    p.style = Style::ListItem;
                    p.indent = Some(list.text_indent(level));
                }
                b.paragraph(&p);
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                let kind = if *ordered {
                    ListKind::Numbered
                } else {
                    ListKind::Bullet
                };
                let level = within.map_or(0, |(_, l)| l + 1);
                let list = b.list(kind, *start);
                for item in items {
                    list_item(b, list, level, item);
                }
            }
        }
    }
}

/// An item of `list` at `level`: its first paragraph on the marker's line, the rest indented
/// under it.
fn list_item(b: &mut DocxBuilder, list: ListId, level: u8, item: &[Block]) {
    let (first, rest) = match item.split_first() {
        Some((Block::Paragraph { inlines }, rest)) => (runs(inlines), rest),
        _ => (Vec::new(), item),
    };
    b.paragraph(&Para::new(Style::ListItem, first).in_list(list, level));
    blocks(b, rest, Some((list, level)));
}

/// A rich text on one line (a cell, the text after a label): the runs of its one paragraph.
fn inline_runs(text: &Rich) -> Vec<Run> {
    text.blocks
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph { inlines } => runs(inlines),
            Block::List { .. } => Vec::new(),
        })
        .collect()
}

/// The runs of inlines: emphasis as run properties; a link as its text and, in parentheses,
/// its address (never a hyperlink: see the module's documentation).
fn runs(inlines: &[Inline]) -> Vec<Run> {
    let mut out = Vec::new();
    push_runs(inlines, false, false, &mut out);
    out
}

fn push_runs(inlines: &[Inline], bold: bool, italic: bool, out: &mut Vec<Run>) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push(Run {
                text: text.clone(),
                bold,
                italic,
            }),
            Inline::Emph { children } => push_runs(children, bold, true, out),
            Inline::Strong { children } => push_runs(children, true, italic, out),
            Inline::Link { url, children } => {
                let mut text = Vec::new();
                push_runs(children, bold, italic, &mut text);
                let words: String = text.iter().map(|r| r.text.as_str()).collect();
                if words != *url {
                    out.extend(text);
                    out.push(Run {
                        text: format!(" ({url})"),
                        bold,
                        italic,
                    });
                } else {
                    out.push(Run {
                        text: url.clone(),
                        bold,
                        italic,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_its_text_and_its_address_in_parentheses() {
        let inlines = vec![
            Inline::Text {
                text: "см. ".into(),
            },
            Inline::Link {
                url: "https://example.org".into(),
                children: vec![Inline::Emph {
                    children: vec![Inline::Text {
                        text: "сайт".into(),
                    }],
                }],
            },
            Inline::Text {
                text: " и ".into()
            },
            Inline::Link {
                url: "https://a.ru".into(),
                children: vec![Inline::Text {
                    text: "https://a.ru".into(),
                }],
            },
        ];
        let r = runs(&inlines);
        let text: String = r.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(text, "см. сайт (https://example.org) и https://a.ru");
        assert!(r[1].italic && !r[0].italic);
    }
}
