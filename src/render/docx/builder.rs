//! [`DocxBuilder`]: a Word document written paragraph by paragraph and table by table, with
//! the page and the styles of the PDF (A4, margins 30/15/20/20 mm, Times New Roman 14 pt body
//! and 12 pt tables, page numbers centred in the header from page 2), portrait and landscape
//! sections, lists, and the document properties. It knows nothing of programmes: the
//! programme renderer ([`super::render`]) and any other document (a comparison table) are
//! made with it.
//!
//! The styles are Word's built-in ones where Word has one (`Title`, `Heading1`–`Heading3` with
//! their outline levels, `Caption`, `TOC1`, `TOC2`, `TOCHeading`, `ListParagraph`, `Header`,
//! `TableGrid`), so that Word's navigation pane, its table of contents and its restyling work,
//! plus a few of our own (`TableText`, `TableHeading`, `Note`, `AnnexMark`, `DraftMark`,
//! `Place`). Every text goes through the escaping writer of [`super::xml`]: a text is always a
//! run of text, never a field, a hyperlink or markup.

use super::xml::Xml;
use super::zip::Zip;
use crate::model::Date;

/// A4 in twentieths of a point (twips).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
/// Margins: left 30 mm, right 15 mm, top and bottom 20 mm; the header 10 mm from the edge.
const LEFT: u32 = 1701;
const RIGHT: u32 = 850;
const TOP: u32 = 1134;
const BOTTOM: u32 = 1134;
const HEADER: u32 = 567;
/// The first-line indent of body paragraphs: 1.25 cm.
const INDENT: u32 = 709;

/// Namespaces.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The orientation of a section's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Orientation {
    /// Portrait A4.
    Portrait,
    /// Landscape A4.
    Landscape,
}

impl Orientation {
    /// The width of the text between the margins, in twips.
    fn text_width(self) -> u32 {
        match self {
            Orientation::Portrait => PAGE_W - LEFT - RIGHT,
            Orientation::Landscape => PAGE_H - LEFT - RIGHT,
        }
    }

    /// The height of the text on a page: the page less the top and bottom margins.
    fn text_height(self) -> u32 {
        match self {
            Orientation::Portrait => PAGE_H - TOP - BOTTOM,
            Orientation::Landscape => PAGE_W - TOP - BOTTOM,
        }
    }
}

/// A section: a run of pages with one orientation. Each section starts on a new page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Section {
    /// Portrait or landscape.
    pub orientation: Orientation,
    /// The section's first page is a title page: no header (no page number, no running mark).
    pub title_page: bool,
}

/// A paragraph style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Body text: 14 pt, justified, first line indented 1.25 cm.
    Body,
    /// The document's title.
    Title,
    /// The line under the title (the period).
    Subtitle,
    /// A heading of level 1 to 3.
    Heading(u8),
    /// The heading of the table of contents (not itself in the contents).
    ContentsHeading,
    /// A line of the table of contents, level 1 or 2.
    Contents(u8),
    /// The caption above a table.
    Caption,
    /// Text in a table cell: 12 pt.
    TableText,
    /// A header cell: 11 pt bold (a long word of a header fits a narrow column).
    TableHeading,
    /// A note under a table: 12 pt.
    Note,
    /// «Приложение № 1 к Программе», top right.
    AnnexMark,
    /// «ПРОЕКТ», top right of the title page.
    DraftMark,
    /// «(редакция от 15 декабря 2026 г.)», under «ПРОЕКТ».
    RevisionMark,
    /// A line of the approval stamp «УТВЕРЖДЕНА …», in a block at the top right of the title
    /// page, its lines aligned left inside the block.
    Stamp,
    /// The place and year at the foot of the title page.
    Place,
    /// An item of a list in the body.
    ListItem,
}

impl Style {
    /// The style's id in `styles.xml`.
    fn id(self) -> &'static str {
        match self {
            Style::Body => "Normal",
            Style::Title => "Title",
            Style::Subtitle => "Subtitle",
            Style::Heading(1) => "Heading1",
            Style::Heading(2) => "Heading2",
            Style::Heading(_) => "Heading3",
            Style::ContentsHeading => "TOCHeading",
            Style::Contents(1) => "TOC1",
            Style::Contents(_) => "TOC2",
            Style::Caption => "Caption",
            Style::TableText => "TableText",
            Style::TableHeading => "TableHeading",
            Style::Note => "Note",
            Style::AnnexMark => "AnnexMark",
            Style::DraftMark => "DraftMark",
            Style::RevisionMark => "RevisionMark",
            Style::Stamp => "Stamp",
            Style::Place => "Place",
            Style::ListItem => "ListParagraph",
        }
    }
}

/// A run of text with its emphasis.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Run {
    /// The text, printed literally (a line feed is a line break).
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

impl Run {
    /// Plain text.
    pub(crate) fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }

    /// Bold text.
    pub(crate) fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: true,
            italic: false,
        }
    }
}

/// The kinds of list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListKind {
    /// Bulleted, in the body.
    Bullet,
    /// Numbered «1.», in the body.
    Numbered,
    /// Numbered «1)», inside a table cell.
    CellNumbered,
}

impl ListKind {
    const ALL: [ListKind; 3] = [ListKind::Bullet, ListKind::Numbered, ListKind::CellNumbered];

    /// Its abstract numbering's id in `numbering.xml`.
    fn abstract_id(self) -> usize {
        match self {
            ListKind::Bullet => 0,
            ListKind::Numbered => 1,
            ListKind::CellNumbered => 2,
        }
    }

    /// Left indent of the text and the marker's hanging width at `level`, in twips.
    fn indent(self, level: u8) -> (u32, u32) {
        match self {
            ListKind::CellNumbered => (340 + 340 * u32::from(level), 340),
            _ => (INDENT + 425 + 425 * u32::from(level), 425),
        }
    }
}

/// A list of the document: each one is numbered from its own start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListId {
    kind: ListKind,
    /// `w:numId`, from 1.
    num: usize,
}

impl ListId {
    /// Left indent of an item's text at `level`: where an item's further paragraphs start.
    pub(crate) fn text_indent(self, level: u8) -> u32 {
        self.kind.indent(level).0
    }
}

/// A paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Para {
    /// Its style.
    pub style: Style,
    /// Its runs.
    pub runs: Vec<Run>,
    /// Aligned right (numbers in tables) rather than as its style says.
    pub right: bool,
    /// The list and level it is an item of.
    pub list: Option<(ListId, u8)>,
    /// A left indent (twips) without first-line indent: a further paragraph of a list item.
    pub indent: Option<u32>,
    /// Starts a new page.
    pub page_break_before: bool,
    /// Kept on the page of the next paragraph.
    pub keep_next: bool,
    /// Placed at the foot of the page (a frame anchored to the bottom margin).
    pub at_page_foot: bool,
    /// Some space above (set by the builder after a table).
    space_before: bool,
}

impl Para {
    /// A paragraph of `style` holding `runs`.
    pub(crate) fn new(style: Style, runs: Vec<Run>) -> Para {
        Para {
            style,
            runs,
            right: false,
            list: None,
            indent: None,
            page_break_before: false,
            keep_next: false,
            at_page_foot: false,
            space_before: false,
        }
    }

    /// A paragraph of `style` holding plain `text`.
    pub(crate) fn text(style: Style, text: impl Into<String>) -> Para {
        Para::new(style, vec![Run::plain(text)])
    }

    /// The same paragraph as an item of `list` at `level`.
    pub(crate) fn in_list(mut self, list: ListId, level: u8) -> Para {
        self.list = Some((list, level));
        self
    }

    /// The same paragraph starting a new page.
    pub(crate) fn new_page(mut self) -> Para {
        self.page_break_before = true;
        self
    }
}

/// How wide a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Width {
    /// A fixed width in twips.
    Fixed(u32),
    /// A share of what the fixed columns leave (in any unit, relative to the other shares).
    Share(u32),
}

/// A column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Column {
    /// Its width.
    pub width: Width,
    /// Holds numbers: right-aligned.
    pub numeric: bool,
}

impl Column {
    /// A column of text taking `share` of the free width.
    pub(crate) fn share(share: u32) -> Column {
        Column {
            width: Width::Share(share),
            numeric: false,
        }
    }

    /// A column of text `twips` wide.
    pub(crate) fn fixed(twips: u32) -> Column {
        Column {
            width: Width::Fixed(twips),
            numeric: false,
        }
    }

    /// The same column holding numbers (right-aligned).
    pub(crate) fn numeric(mut self) -> Column {
        self.numeric = true;
        self
    }
}

/// A cell of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cell {
    /// Its paragraphs (at least one is written).
    pub paras: Vec<Para>,
    /// How many columns it spans.
    pub span: usize,
    /// Shaded (the row heading a group).
    pub shaded: bool,
}

impl Cell {
    /// A cell holding `text` in one paragraph.
    pub(crate) fn text(text: impl Into<String>) -> Cell {
        Cell::runs(vec![Run::plain(text)])
    }

    /// A cell holding `text` in bold.
    pub(crate) fn bold(text: impl Into<String>) -> Cell {
        Cell::runs(vec![Run::bold(text)])
    }

    /// A cell holding `runs` in one paragraph.
    pub(crate) fn runs(runs: Vec<Run>) -> Cell {
        Cell::paras(vec![Para::new(Style::TableText, runs)])
    }

    /// A cell holding paragraphs.
    pub(crate) fn paras(paras: Vec<Para>) -> Cell {
        Cell {
            paras,
            span: 1,
            shaded: false,
        }
    }

    /// A cell holding each item in a paragraph of its own.
    pub(crate) fn lines(items: &[String]) -> Cell {
        Cell::paras(
            items
                .iter()
                .map(|i| Para::text(Style::TableText, i.as_str()))
                .collect(),
        )
    }
}

/// A row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    /// Its cells.
    pub cells: Vec<Cell>,
    /// Never split across pages.
    pub keep_whole: bool,
    /// Kept on the page of the next row (a row heading a group).
    pub keep_with_next: bool,
    /// At least this tall (twips): room to write in by hand.
    pub min_height: Option<u32>,
}

impl Row {
    /// A row of cells, which may split across pages.
    pub(crate) fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            keep_whole: false,
            keep_with_next: false,
            min_height: None,
        }
    }

    /// A row of one-paragraph cells.
    pub(crate) fn texts<S: AsRef<str>>(texts: &[S]) -> Row {
        Row::new(texts.iter().map(|t| Cell::text(t.as_ref())).collect())
    }

    /// A row heading a group of rows: `label` in bold across all `columns`, shaded, kept with
    /// the first row of its group.
    pub(crate) fn group(label: &str, columns: usize) -> Row {
        let mut cell = Cell::bold(label);
        cell.span = columns;
        cell.shaded = true;
        Row {
            cells: vec![cell],
            keep_whole: true,
            keep_with_next: true,
            min_height: None,
        }
    }

    /// The same row, never split across pages when `whole`.
    pub(crate) fn whole(mut self, whole: bool) -> Row {
        self.keep_whole = whole;
        self
    }

    /// The same row, at least `twips` tall.
    pub(crate) fn at_least(mut self, twips: u32) -> Row {
        self.min_height = Some(twips);
        self
    }
}

/// A table with a header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// The header row's cells, in bold.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
    /// The header row is repeated at the top of every page the table continues on.
    pub repeat_header: bool,
}

/// The document's properties (`docProps/core.xml`) and its running mark.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Properties<'a> {
    /// Title.
    pub title: &'a str,
    /// Author: the responsible organisation.
    pub author: &'a str,
    /// Language and region, `ru-RU`: the properties' language and the text's.
    pub language: &'a str,
    /// Keywords, as one text.
    pub keywords: &'a str,
    /// The document's date: its created and modified dates, and the date of the ZIP entries.
    pub date: Date,
    /// Printed at the right of the header of every page but title pages: «ПРОЕКТ».
    pub running_mark: Option<&'a str>,
}

/// A Word document being written.
#[derive(Debug)]
pub(crate) struct DocxBuilder {
    /// `w:body` so far.
    body: Xml,
    /// The section being written.
    section: Section,
    /// The lists: `w:numId` N is `lists[N - 1]`, with its start.
    lists: Vec<(ListKind, usize)>,
    /// The last thing written is a table: the next paragraph keeps some space from it.
    after_table: bool,
    /// The pictures, in order: `word/media/imageN.png` is `images[N - 1]`.
    images: Vec<Vec<u8>>,
}

impl DocxBuilder {
    /// An empty document whose first section is `first`.
    pub(crate) fn new(first: Section) -> DocxBuilder {
        DocxBuilder {
            body: Xml::fragment(),
            section: first,
            lists: Vec::new(),
            after_table: false,
            images: Vec::new(),
        }
    }

    /// The width of the text on the pages of the current section, in twips.
    pub(crate) fn text_width(&self) -> u32 {
        self.section.orientation.text_width()
    }

    /// The height of the text on the pages of the current section, in twips.
    pub(crate) fn text_height(&self) -> u32 {
        self.section.orientation.text_height()
    }

    /// Ends the current section: what follows starts on a new page of section `next`.
    pub(crate) fn section(&mut self, next: Section) {
        let mut x = Xml::fragment();
        x.open("w:p", &[]).open("w:pPr", &[]);
        x.empty("w:spacing", &[("w:before", "0"), ("w:after", "0")]);
        x.open("w:rPr", &[])
            .empty("w:sz", &[("w:val", "2")])
            .close("w:rPr");
        section_properties(&mut x, self.section);
        x.close("w:pPr").close("w:p");
        self.body.append(&x);
        self.section = next;
    }

    /// A new list of `kind` numbered from `start`.
    pub(crate) fn list(&mut self, kind: ListKind, start: usize) -> ListId {
        self.lists.push((kind, start));
        ListId {
            kind,
            num: self.lists.len(),
        }
    }

    /// A paragraph.
    pub(crate) fn paragraph(&mut self, p: &Para) {
        let after_table = std::mem::take(&mut self.after_table);
        // Headings and captions have space above of their own.
        if after_table && matches!(p.style, Style::Body | Style::Note | Style::ListItem) {
            let mut p = p.clone();
            p.space_before = true;
            write_para(&mut self.body, &p);
        } else {
            write_para(&mut self.body, p);
        }
    }

    /// A heading of `level` (1 to 3): Word's `Heading1`–`Heading3`.
    pub(crate) fn heading(&mut self, level: u8, text: &str) {
        self.paragraph(&Para::text(Style::Heading(level.clamp(1, 3)), text));
    }

    /// A table of contents: its heading (a paragraph of style [`Style::ContentsHeading`]), then
    /// a `TOC` field over headings of levels 1 and 2
    /// whose result, until Word updates it on opening (`w:updateFields`), is `entries` (level
    /// and text), so that a reader that does not update fields shows them as they are.
    pub(crate) fn contents(&mut self, heading: &Para, entries: &[(u8, &str)]) {
        self.paragraph(heading);
        let x = &mut self.body;
        let last = entries.len().saturating_sub(1);
        for (i, (level, text)) in entries
            .iter()
            .map(|(l, t)| (*l, *t))
            .chain(entries.is_empty().then_some((1, "")))
            .enumerate()
        {
            x.open("w:p", &[]).open("w:pPr", &[]);
            x.empty("w:pStyle", &[("w:val", Style::Contents(level).id())]);
            x.close("w:pPr");
            if i == 0 {
                x.open("w:r", &[])
                    .empty(
                        "w:fldChar",
                        &[("w:fldCharType", "begin"), ("w:dirty", "true")],
                    )
                    .close("w:r");
                x.open("w:r", &[])
                    .element(
                        "w:instrText",
                        &[("xml:space", "preserve")],
                        r#" TOC \o "1-2" \h \z \u "#,
                    )
                    .close("w:r");
                x.open("w:r", &[])
                    .empty("w:fldChar", &[("w:fldCharType", "separate")])
                    .close("w:r");
            }
            write_run(x, &Run::plain(text));
            if i == last {
                x.open("w:r", &[])
                    .empty("w:fldChar", &[("w:fldCharType", "end")])
                    .close("w:r");
            }
            x.close("w:p");
        }
    }

    /// A table as wide as the text, its columns sized by [`Column::width`].
    pub(crate) fn table(&mut self, t: &Table) {
        // Two tables in a row would run together (Word joins them into one): an empty
        // paragraph keeps them apart.
        if self.after_table {
            write_para(&mut self.body, &Para::text(Style::Body, ""));
        }
        let total = self.text_width();
        let widths = column_widths(&t.columns, &t.header, total);
        let x = &mut self.body;
        x.open("w:tbl", &[]).open("w:tblPr", &[]);
        x.empty("w:tblStyle", &[("w:val", "TableGrid")]);
        x.empty("w:tblW", &[("w:w", &total.to_string()), ("w:type", "dxa")]);
        borders(x, "w:tblBorders");
        x.empty("w:tblLayout", &[("w:type", "fixed")]);
        cell_margins(x);
        x.close("w:tblPr");
        x.open("w:tblGrid", &[]);
        for w in &widths {
            x.empty("w:gridCol", &[("w:w", &w.to_string())]);
        }
        x.close("w:tblGrid");

        let header = Row {
            cells: t
                .header
                .iter()
                .map(|h| Cell::paras(vec![Para::text(Style::TableHeading, h.as_str())]))
                .collect(),
            keep_whole: true,
            keep_with_next: false,
            min_height: None,
        };
        write_row(x, &header, t, &widths, t.repeat_header);
        for row in &t.rows {
            write_row(x, row, t, &widths, false);
        }
        x.close("w:tbl");
        self.after_table = true;
    }

    /// A picture on a paragraph of its own, centred: a PNG shown `width` by `height` twips,
    /// with `alt` as its alternative text (`wp:docPr descr`, which Word reads out and shows as
    /// the picture's «Alt Text»). The picture is the part `word/media/imageN.png`.
    pub(crate) fn image(&mut self, png: Vec<u8>, width: u32, height: u32, alt: &str) {
        self.images.push(png);
        let n = self.images.len().to_string();
        let rid = format!("{RID_IMAGE}{n}");
        let (cx, cy) = (
            (u64::from(width) * EMU_PER_TWIP).to_string(),
            (u64::from(height) * EMU_PER_TWIP).to_string(),
        );
        let name = format!("image{n}.png");
        let x = &mut self.body;
        x.open("w:p", &[]).open("w:pPr", &[]);
        x.empty("w:pStyle", &[("w:val", Style::Body.id())]);
        x.empty("w:spacing", &[("w:before", "120"), ("w:after", "120")]);
        x.empty("w:ind", &[("w:firstLine", "0")]);
        x.empty("w:jc", &[("w:val", "center")]);
        x.close("w:pPr");
        x.open("w:r", &[]).open("w:drawing", &[]);
        x.open(
            "wp:inline",
            &[
                ("xmlns:wp", WP),
                ("distT", "0"),
                ("distB", "0"),
                ("distL", "0"),
                ("distR", "0"),
            ],
        );
        x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
        x.empty(
            "wp:effectExtent",
            &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
        );
        x.empty("wp:docPr", &[("id", &n), ("name", &name), ("descr", alt)]);
        x.open("wp:cNvGraphicFramePr", &[]);
        x.empty(
            "a:graphicFrameLocks",
            &[("xmlns:a", A), ("noChangeAspect", "1")],
        );
        x.close("wp:cNvGraphicFramePr");
        x.open("a:graphic", &[("xmlns:a", A)]);
        x.open("a:graphicData", &[("uri", PIC)]);
        x.open("pic:pic", &[("xmlns:pic", PIC)]);
        x.open("pic:nvPicPr", &[]);
        x.empty("pic:cNvPr", &[("id", &n), ("name", &name), ("descr", alt)]);
        x.empty("pic:cNvPicPr", &[]);
        x.close("pic:nvPicPr");
        x.open("pic:blipFill", &[]);
        x.empty("a:blip", &[("r:embed", &rid)]);
        x.open("a:stretch", &[]).empty("a:fillRect", &[]);
        x.close("a:stretch").close("pic:blipFill");
        x.open("pic:spPr", &[]).open("a:xfrm", &[]);
        x.empty("a:off", &[("x", "0"), ("y", "0")]);
        x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
        x.close("a:xfrm");
        x.open("a:prstGeom", &[("prst", "rect")])
            .empty("a:avLst", &[]);
        x.close("a:prstGeom").close("pic:spPr");
        x.close("pic:pic").close("a:graphicData").close("a:graphic");
        x.close("wp:inline")
            .close("w:drawing")
            .close("w:r")
            .close("w:p");
        self.after_table = false;
    }

    /// The document's bytes: a DOCX (a ZIP of WordprocessingML parts) whose last section is
    /// the current one. The same calls give the same bytes.
    pub(crate) fn finish(self, props: &Properties<'_>) -> std::io::Result<Vec<u8>> {
        let mut document = Xml::document();
        document.open("w:document", &[("xmlns:w", W), ("xmlns:r", R)]);
        document.open("w:body", &[]).append(&self.body);
        section_properties(&mut document, self.section);
        document.close("w:body").close("w:document");

        let parts: [(&str, String); 12] = [
            (
                "[Content_Types].xml",
                content_types(!self.images.is_empty()),
            ),
            ("_rels/.rels", package_relationships()),
            ("docProps/core.xml", core_properties(props)),
            ("docProps/app.xml", app_properties()),
            (
                "word/_rels/document.xml.rels",
                document_relationships(self.images.len()),
            ),
            ("word/document.xml", document.finish()),
            ("word/styles.xml", styles(props.language)),
            ("word/settings.xml", settings()),
            ("word/numbering.xml", numbering(&self.lists)),
            (
                "word/header1.xml",
                header(Orientation::Portrait, props.running_mark),
            ),
            (
                "word/header2.xml",
                header(Orientation::Landscape, props.running_mark),
            ),
            ("word/header3.xml", empty_header()),
        ];
        let mut zip = Zip::new(props.date);
        for (name, text) in parts {
            zip.add(name, text.as_bytes())?;
        }
        for (i, png) in self.images.iter().enumerate() {
            zip.add(&format!("word/media/image{}.png", i + 1), png)?;
        }
        zip.finish()
    }
}

/// Relationship ids of `word/document.xml`.
const RID_STYLES: &str = "rId1";
const RID_SETTINGS: &str = "rId2";
const RID_NUMBERING: &str = "rId3";
const RID_HEADER_PORTRAIT: &str = "rId4";
const RID_HEADER_LANDSCAPE: &str = "rId5";
const RID_HEADER_FIRST: &str = "rId6";
/// The pictures' relationship ids: `rIdImage1`, `rIdImage2` ….
const RID_IMAGE: &str = "rIdImage";
/// English metric units in a twip (914 400 a inch, 1 440 twips a inch).
const EMU_PER_TWIP: u64 = 635;
/// DrawingML's namespaces: a picture inline in the text, the drawing, the picture.
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/// `w:sectPr` of a section.
fn section_properties(x: &mut Xml, s: Section) {
    x.open("w:sectPr", &[]);
    let default = match s.orientation {
        Orientation::Portrait => RID_HEADER_PORTRAIT,
        Orientation::Landscape => RID_HEADER_LANDSCAPE,
    };
    x.empty(
        "w:headerReference",
        &[("w:type", "default"), ("r:id", default)],
    );
    if s.title_page {
        x.empty(
            "w:headerReference",
            &[("w:type", "first"), ("r:id", RID_HEADER_FIRST)],
        );
    }
    x.empty("w:type", &[("w:val", "nextPage")]);
    let (w, h) = (PAGE_W.to_string(), PAGE_H.to_string());
    match s.orientation {
        Orientation::Portrait => x.empty("w:pgSz", &[("w:w", &w), ("w:h", &h)]),
        Orientation::Landscape => x.empty(
            "w:pgSz",
            &[("w:w", &h), ("w:h", &w), ("w:orient", "landscape")],
        ),
    };
    x.empty(
        "w:pgMar",
        &[
            ("w:top", &TOP.to_string()),
            ("w:right", &RIGHT.to_string()),
            ("w:bottom", &BOTTOM.to_string()),
            ("w:left", &LEFT.to_string()),
            ("w:header", &HEADER.to_string()),
            ("w:footer", &HEADER.to_string()),
            ("w:gutter", "0"),
        ],
    );
    if s.title_page {
        x.empty("w:titlePg", &[]);
    }
    x.close("w:sectPr");
}

/// A paragraph, its properties in the order the schema wants them.
fn write_para(x: &mut Xml, p: &Para) {
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", p.style.id())]);
    if p.keep_next {
        x.empty("w:keepNext", &[]);
    }
    if p.page_break_before {
        x.empty("w:pageBreakBefore", &[]);
    }
    if p.at_page_foot {
        x.empty(
            "w:framePr",
            &[
                ("w:wrap", "around"),
                ("w:hAnchor", "margin"),
                ("w:vAnchor", "margin"),
                ("w:xAlign", "center"),
                ("w:yAlign", "bottom"),
            ],
        );
    }
    if let Some((list, level)) = p.list {
        x.open("w:numPr", &[]);
        x.empty("w:ilvl", &[("w:val", &level.to_string())]);
        x.empty("w:numId", &[("w:val", &list.num.to_string())]);
        x.close("w:numPr");
    }
    if p.space_before {
        x.empty("w:spacing", &[("w:before", "200")]);
    }
    if let Some((list, level)) = p.list {
        let (left, hanging) = list.kind.indent(level);
        x.empty(
            "w:ind",
            &[
                ("w:left", &left.to_string()),
                ("w:hanging", &hanging.to_string()),
            ],
        );
    } else if let Some(left) = p.indent {
        x.empty(
            "w:ind",
            &[("w:left", &left.to_string()), ("w:firstLine", "0")],
        );
    }
    if p.right {
        x.empty("w:jc", &[("w:val", "right")]);
    }
    x.close("w:pPr");
    for run in &p.runs {
        write_run(x, run);
    }
    x.close("w:p");
}

/// A run: its text as `w:t` (whitespace kept), a line feed as `w:br`.
fn write_run(x: &mut Xml, run: &Run) {
    if run.text.is_empty() {
        return;
    }
    x.open("w:r", &[]);
    if run.bold || run.italic {
        x.open("w:rPr", &[]);
        if run.bold {
            x.empty("w:b", &[]);
        }
        if run.italic {
            x.empty("w:i", &[]);
        }
        x.close("w:rPr");
    }
    for (i, line) in run.text.split('\n').enumerate() {
        if i > 0 {
            x.empty("w:br", &[]);
        }
        if !line.is_empty() {
            x.element("w:t", &[("xml:space", "preserve")], line);
        }
    }
    x.close("w:r");
}

/// Widths of the columns in twips: fixed ones as given, the rest shared in proportion, each at
/// least as wide as the longest word of its header (`header`, 11 pt bold) so that no header
/// word is broken; the last column takes what rounding leaves, so that they add up to `total`.
fn column_widths(columns: &[Column], header: &[String], total: u32) -> Vec<u32> {
    let mut width: Vec<Width> = columns.iter().map(|c| c.width).collect();
    let least: Vec<u32> = (0..columns.len())
        .map(|i| header.get(i).map_or(0, |h| word_width(h)))
        .collect();
    loop {
        let widths = share_out(&width, total);
        // A shared column narrower than its header's longest word gets that width, fixed, and
        // the others share the rest again.
        let narrow: Vec<usize> = (0..width.len())
            .filter(|&i| matches!(width[i], Width::Share(_)) && widths[i] < least[i])
            .collect();
        if narrow.is_empty() {
            return widths;
        }
        for i in narrow {
            width[i] = Width::Fixed(least[i]);
        }
    }
}

/// The widest word of a header in 11 pt bold, with the cell's padding, in twips (an estimate:
/// 6.5 pt a letter, wide enough for Cyrillic capitals and lower case alike).
fn word_width(text: &str) -> u32 {
    let longest = text
        .split([' ', '/'])
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    u32::try_from(longest)
        .unwrap_or(u32::MAX / 200)
        .saturating_mul(130)
        + 180
}

/// Fixed widths as given, shares of what they leave; the last column takes the rounding.
fn share_out(width: &[Width], total: u32) -> Vec<u32> {
    let fixed: u32 = width
        .iter()
        .map(|w| match w {
            Width::Fixed(w) => *w,
            Width::Share(_) => 0,
        })
        .sum();
    let shares: u32 = width
        .iter()
        .map(|w| match w {
            Width::Share(s) => *s,
            Width::Fixed(_) => 0,
        })
        .sum();
    let free = total.saturating_sub(fixed);
    let mut widths: Vec<u32> = width
        .iter()
        .map(|w| match w {
            Width::Fixed(w) => *w,
            Width::Share(s) => (u64::from(free) * u64::from(*s) / u64::from(shares.max(1))) as u32,
        })
        .collect();
    let sum: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last = (*last + total).saturating_sub(sum).max(1);
    }
    widths
}

/// Single 0.5 pt black borders on every side and between cells.
fn borders(x: &mut Xml, tag: &str) {
    x.open(tag, &[]);
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        x.empty(
            &format!("w:{side}"),
            &[
                ("w:val", "single"),
                ("w:sz", "4"),
                ("w:space", "0"),
                ("w:color", "000000"),
            ],
        );
    }
    x.close(tag);
}

/// Cell padding: 3 pt above and below, 4 pt left and right (as the PDF's tables).
fn cell_margins(x: &mut Xml) {
    x.open("w:tblCellMar", &[]);
    for (side, w) in [
        ("top", "60"),
        ("left", "80"),
        ("bottom", "60"),
        ("right", "80"),
    ] {
        x.empty(&format!("w:{side}"), &[("w:w", w), ("w:type", "dxa")]);
    }
    x.close("w:tblCellMar");
}

/// A row of `table`; `header` marks it as the header repeated on every page.
fn write_row(x: &mut Xml, row: &Row, table: &Table, widths: &[u32], header: bool) {
    x.open("w:tr", &[]);
    if row.keep_whole || header || row.min_height.is_some() {
        x.open("w:trPr", &[]);
        if row.keep_whole {
            x.empty("w:cantSplit", &[]);
        }
        if let Some(height) = row.min_height {
            let height = height.to_string();
            x.empty("w:trHeight", &[("w:val", &height), ("w:hRule", "atLeast")]);
        }
        if header {
            x.empty("w:tblHeader", &[]);
        }
        x.close("w:trPr");
    }
    let mut col = 0;
    for cell in &row.cells {
        let span = cell
            .span
            .max(1)
            .min(widths.len().saturating_sub(col).max(1));
        let width: u32 = widths.iter().skip(col).take(span).sum();
        x.open("w:tc", &[]).open("w:tcPr", &[]);
        x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
        if span > 1 {
            x.empty("w:gridSpan", &[("w:val", &span.to_string())]);
        }
        if cell.shaded {
            x.empty(
                "w:shd",
                &[
                    ("w:val", "clear"),
                    ("w:color", "auto"),
                    ("w:fill", "EBEBEB"),
                ],
            );
        }
        x.close("w:tcPr");
        let numeric = span == 1 && table.columns.get(col).is_some_and(|c| c.numeric);
        let empty = [Para::new(Style::TableText, Vec::new())];
        let paras = if cell.paras.is_empty() {
            &empty[..]
        } else {
            &cell.paras[..]
        };
        for p in paras {
            let mut p = p.clone();
            p.right |= numeric;
            p.keep_next |= row.keep_with_next;
            write_para(x, &p);
        }
        x.close("w:tc");
        col += span;
    }
    x.close("w:tr");
}

fn content_types(png: bool) -> String {
    let mut x = Xml::document();
    x.open(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
    x.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    );
    x.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    if png {
        x.empty(
            "Default",
            &[("Extension", "png"), ("ContentType", "image/png")],
        );
    }
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let overrides = [
        ("/word/document.xml", format!("{wml}.document.main+xml")),
        ("/word/styles.xml", format!("{wml}.styles+xml")),
        ("/word/settings.xml", format!("{wml}.settings+xml")),
        ("/word/numbering.xml", format!("{wml}.numbering+xml")),
        ("/word/header1.xml", format!("{wml}.header+xml")),
        ("/word/header2.xml", format!("{wml}.header+xml")),
        ("/word/header3.xml", format!("{wml}.header+xml")),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_owned(),
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".to_owned(),
        ),
    ];
    for (part, ty) in &overrides {
        x.empty("Override", &[("PartName", part), ("ContentType", ty)]);
    }
    x.close("Types");
    x.finish()
}

fn relationships(rels: &[(&str, &str, &str)]) -> String {
    let mut x = Xml::document();
    x.open(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
    );
    for (id, ty, target) in rels {
        x.empty(
            "Relationship",
            &[("Id", id), ("Type", ty), ("Target", target)],
        );
    }
    x.close("Relationships");
    x.finish()
}

fn package_relationships() -> String {
    relationships(&[
        (
            "rId1",
            &format!("{REL}/officeDocument"),
            "word/document.xml",
        ),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        (
            "rId3",
            &format!("{REL}/extended-properties"),
            "docProps/app.xml",
        ),
    ])
}

fn document_relationships(images: usize) -> String {
    let mut rels: Vec<(String, String, String)> = [
        (RID_STYLES, "styles", "styles.xml"),
        (RID_SETTINGS, "settings", "settings.xml"),
        (RID_NUMBERING, "numbering", "numbering.xml"),
        (RID_HEADER_PORTRAIT, "header", "header1.xml"),
        (RID_HEADER_LANDSCAPE, "header", "header2.xml"),
        (RID_HEADER_FIRST, "header", "header3.xml"),
    ]
    .into_iter()
    .map(|(id, ty, target)| (id.to_owned(), format!("{REL}/{ty}"), target.to_owned()))
    .collect();
    rels.extend((1..=images).map(|n| {
        (
            format!("{RID_IMAGE}{n}"),
            format!("{REL}/image"),
            format!("media/image{n}.png"),
        )
    }));
    let rels: Vec<(&str, &str, &str)> = rels
        .iter()
        .map(|(id, ty, target)| (id.as_str(), ty.as_str(), target.as_str()))
        .collect();
    relationships(&rels)
}

/// `docProps/core.xml`: title, author, keywords, language, and the document's date as the
/// dates it was created and modified (never the clock: the same input gives the same bytes).
fn core_properties(p: &Properties<'_>) -> String {
    let mut x = Xml::document();
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    x.element("dc:title", &[], p.title);
    x.element("dc:creator", &[], p.author);
    x.element("cp:keywords", &[], p.keywords);
    x.element("dc:language", &[], p.language);
    let d = p.date;
    let stamp = format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        d.year.clamp(0, 9999),
        d.month,
        d.day
    );
    for tag in ["dcterms:created", "dcterms:modified"] {
        x.element(tag, &[("xsi:type", "dcterms:W3CDTF")], &stamp);
    }
    x.close("cp:coreProperties");
    x.finish()
}

fn app_properties() -> String {
    let mut x = Xml::document();
    x.open(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
    );
    x.element("Application", &[], "nko-draft");
    x.close("Properties");
    x.finish()
}

/// `word/settings.xml`: fields updated on opening (the table of contents gets its page
/// numbers), automatic hyphenation (as the PDF), Word 2013+ layout.
fn settings() -> String {
    let mut x = Xml::document();
    x.open("w:settings", &[("xmlns:w", W)]);
    x.empty("w:defaultTabStop", &[("w:val", &INDENT.to_string())]);
    x.empty("w:autoHyphenation", &[("w:val", "true")]);
    x.empty("w:characterSpacingControl", &[("w:val", "doNotCompress")]);
    x.empty("w:updateFields", &[("w:val", "true")]);
    x.open("w:compat", &[]);
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.close("w:compat");
    x.close("w:settings");
    x.finish()
}

/// `word/numbering.xml`: one abstract numbering per [`ListKind`], and one instance per list,
/// starting at its own number.
fn numbering(lists: &[(ListKind, usize)]) -> String {
    let mut x = Xml::document();
    x.open("w:numbering", &[("xmlns:w", W)]);
    for kind in ListKind::ALL {
        x.open(
            "w:abstractNum",
            &[("w:abstractNumId", &kind.abstract_id().to_string())],
        );
        x.empty("w:multiLevelType", &[("w:val", "multilevel")]);
        for level in 0..4u8 {
            x.open("w:lvl", &[("w:ilvl", &level.to_string())]);
            x.empty("w:start", &[("w:val", "1")]);
            let placeholder = format!("%{}", level + 1);
            let (format, text) = match kind {
                ListKind::Bullet => ("bullet", "•".to_owned()),
                ListKind::Numbered => ("decimal", format!("{placeholder}.")),
                ListKind::CellNumbered => ("decimal", format!("{placeholder})")),
            };
            x.empty("w:numFmt", &[("w:val", format)]);
            x.empty("w:lvlText", &[("w:val", &text)]);
            x.empty("w:lvlJc", &[("w:val", "left")]);
            let (left, hanging) = kind.indent(level);
            x.open("w:pPr", &[]);
            x.empty(
                "w:ind",
                &[
                    ("w:left", &left.to_string()),
                    ("w:hanging", &hanging.to_string()),
                ],
            );
            x.close("w:pPr");
            x.close("w:lvl");
        }
        x.close("w:abstractNum");
    }
    for (i, (kind, start)) in lists.iter().enumerate() {
        x.open("w:num", &[("w:numId", &(i + 1).to_string())]);
        x.empty(
            "w:abstractNumId",
            &[("w:val", &kind.abstract_id().to_string())],
        );
        for level in 0..4u8 {
            x.open("w:lvlOverride", &[("w:ilvl", &level.to_string())]);
            let start = if level == 0 { *start } else { 1 };
            x.empty("w:startOverride", &[("w:val", &start.to_string())]);
            x.close("w:lvlOverride");
        }
        x.close("w:num");
    }
    x.close("w:numbering");
    x.finish()
}

/// The header of pages in `orientation`: the page number centred, the running mark (if any)
/// on the right, as in the PDF.
fn header(orientation: Orientation, mark: Option<&str>) -> String {
    let width = orientation.text_width();
    let mut x = Xml::document();
    x.open("w:hdr", &[("xmlns:w", W), ("xmlns:r", R)]);
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "Header")]);
    x.open("w:tabs", &[]);
    x.empty(
        "w:tab",
        &[("w:val", "center"), ("w:pos", &(width / 2).to_string())],
    );
    x.empty(
        "w:tab",
        &[("w:val", "right"), ("w:pos", &width.to_string())],
    );
    x.close("w:tabs");
    x.close("w:pPr");
    x.open("w:r", &[]).empty("w:tab", &[]).close("w:r");
    for (kind, instr) in [("begin", None), ("", Some(" PAGE ")), ("separate", None)] {
        x.open("w:r", &[]);
        match instr {
            Some(i) => x.element("w:instrText", &[("xml:space", "preserve")], i),
            None => x.empty("w:fldChar", &[("w:fldCharType", kind)]),
        };
        x.close("w:r");
    }
    x.open("w:r", &[])
        .element("w:t", &[], "2")
        .close("w:r")
        .open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", "end")])
        .close("w:r");
    if let Some(mark) = mark {
        x.open("w:r", &[]).empty("w:tab", &[]).close("w:r");
        x.open("w:r", &[]).open("w:rPr", &[]).empty("w:b", &[]);
        x.empty("w:spacing", &[("w:val", "34")]);
        x.empty("w:sz", &[("w:val", "20")]);
        x.close("w:rPr");
        x.element("w:t", &[("xml:space", "preserve")], mark);
        x.close("w:r");
    }
    x.close("w:p").close("w:hdr");
    x.finish()
}

/// The header of title pages: nothing.
fn empty_header() -> String {
    let mut x = Xml::document();
    x.open("w:hdr", &[("xmlns:w", W), ("xmlns:r", R)]);
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "Header")]);
    x.close("w:pPr").close("w:p").close("w:hdr");
    x.finish()
}

/// A paragraph or character style of `styles.xml`: id, name, based on, properties as XML
/// (constants of this file, never user text).
struct StyleDef {
    id: &'static str,
    name: &'static str,
    based_on: Option<&'static str>,
    ppr: &'static str,
    rpr: &'static str,
}

/// The paragraph styles. The body's: Times New Roman 14 pt (the document defaults), justified,
/// first line indented 1.25 cm, a little space after each paragraph; headings bold 14 pt,
/// level 1 centred; tables 12 pt, left-aligned, single-spaced.
const STYLES: [StyleDef; 20] = [
    StyleDef {
        id: "Normal",
        name: "Normal",
        based_on: None,
        ppr: r#"<w:widowControl/><w:spacing w:before="0" w:after="84" w:line="264" w:lineRule="auto"/><w:ind w:firstLine="709"/><w:jc w:val="both"/>"#,
        rpr: "",
    },
    StyleDef {
        id: "Title",
        name: "Title",
        based_on: Some("Normal"),
        ppr: r#"<w:keepNext/><w:suppressAutoHyphens/><w:spacing w:before="4200" w:after="280"/><w:ind w:firstLine="0"/><w:jc w:val="center"/>"#,
        rpr: r#"<w:b/><w:bCs/><w:sz w:val="36"/><w:szCs w:val="36"/>"#,
    },
    StyleDef {
        id: "Subtitle",
        name: "Subtitle",
        based_on: Some("Normal"),
        ppr: r#"<w:suppressAutoHyphens/><w:ind w:firstLine="0"/><w:jc w:val="center"/>"#,
        rpr: r#"<w:sz w:val="32"/><w:szCs w:val="32"/>"#,
    },
    StyleDef {
        id: "Heading1",
        name: "heading 1",
        based_on: Some("Normal"),
        ppr: r#"<w:keepNext/><w:keepLines/><w:suppressAutoHyphens/><w:spacing w:before="448" w:after="280"/><w:ind w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>"#,
        rpr: r#"<w:b/><w:bCs/>"#,
    },
    StyleDef {
        id: "Heading2",
        name: "heading 2",
        based_on: Some("Normal"),
        ppr: r#"<w:keepNext/><w:keepLines/><w:suppressAutoHyphens/><w:spacing w:before="364" w:after="224"/><w:ind w:firstLine="0"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/>"#,
        rpr: r#"<w:b/><w:bCs/>"#,
    },
    StyleDef {
        id: "Heading3",
        name: "heading 3",
        based_on: Some("Normal"),
        ppr: r#"<w:keepNext/><w:keepLines/><w:suppressAutoHyphens/><w:spacing w:before="280" w:after="160"/><w:ind w:firstLine="0"/><w:jc w:val="left"/><w:outlineLvl w:val="2"/>"#,
        rpr: r#"<w:b/><w:bCs/><w:i/><w:iCs/>"#,
    },
    StyleDef {
        id: "TOCHeading",
        name: "TOC Heading",
        based_on: Some("Normal"),
        ppr: r#"<w:keepNext/><w:spacing w:before="0" w:after="280"/><w:ind w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="9"/>"#,
        rpr: r#"<w:b/><w:bCs/>"#,
    },
    StyleDef {
        id: "TOC1",
        name: "toc 1",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:after="60"/><w:ind w:firstLine="0"/><w:jc w:val="left"/>"#,
        rpr: "",
    },
    StyleDef {
        id: "TOC2",
        name: "toc 2",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:after="60"/><w:ind w:left="425" w:firstLine="0"/><w:jc w:val="left"/>"#,
        rpr: "",
    },
    StyleDef {
        id: "Caption",
        name: "caption",
        based_on: Some("Normal"),
        ppr: r#"<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:ind w:firstLine="0"/><w:jc w:val="left"/>"#,
        rpr: r#"<w:b/><w:bCs/>"#,
    },
    StyleDef {
        id: "TableText",
        name: "Table Text",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:before="0" w:after="40" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="left"/>"#,
        rpr: r#"<w:sz w:val="24"/><w:szCs w:val="24"/>"#,
    },
    StyleDef {
        id: "TableHeading",
        name: "Table Heading",
        based_on: Some("TableText"),
        ppr: r#"<w:keepNext/>"#,
        rpr: r#"<w:b/><w:bCs/><w:sz w:val="22"/><w:szCs w:val="22"/>"#,
    },
    StyleDef {
        id: "Note",
        name: "Note",
        based_on: Some("Normal"),
        ppr: r#"<w:ind w:firstLine="0"/>"#,
        rpr: r#"<w:sz w:val="24"/><w:szCs w:val="24"/>"#,
    },
    StyleDef {
        id: "AnnexMark",
        name: "Annex Mark",
        based_on: Some("Normal"),
        ppr: r#"<w:keepNext/><w:spacing w:after="240"/><w:ind w:firstLine="0"/><w:jc w:val="right"/>"#,
        rpr: "",
    },
    StyleDef {
        id: "DraftMark",
        name: "Draft Mark",
        based_on: Some("Normal"),
        ppr: r#"<w:ind w:firstLine="0"/><w:jc w:val="right"/>"#,
        rpr: r#"<w:b/><w:bCs/><w:spacing w:val="34"/>"#,
    },
    StyleDef {
        id: "RevisionMark",
        name: "Revision Mark",
        based_on: Some("Normal"),
        ppr: r#"<w:suppressAutoHyphens/><w:ind w:left="4819" w:firstLine="0"/><w:jc w:val="right"/>"#,
        rpr: "",
    },
    StyleDef {
        // The block is 80 mm wide at the right margin, as in the PDF: 165 − 80 = 85 mm in.
        id: "Stamp",
        name: "Approval Stamp",
        based_on: Some("Normal"),
        ppr: r#"<w:suppressAutoHyphens/><w:spacing w:before="0" w:after="0"/><w:ind w:left="4819" w:firstLine="0"/><w:jc w:val="left"/>"#,
        rpr: "",
    },
    StyleDef {
        id: "Place",
        name: "Place",
        based_on: Some("Normal"),
        ppr: r#"<w:ind w:firstLine="0"/><w:jc w:val="center"/>"#,
        rpr: "",
    },
    StyleDef {
        id: "ListParagraph",
        name: "List Paragraph",
        based_on: Some("Normal"),
        ppr: r#"<w:ind w:left="1134" w:firstLine="0"/>"#,
        rpr: "",
    },
    StyleDef {
        id: "Header",
        name: "header",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:after="0"/><w:ind w:firstLine="0"/><w:jc w:val="left"/>"#,
        rpr: r#"<w:sz w:val="24"/><w:szCs w:val="24"/>"#,
    },
];

/// `word/styles.xml`: document defaults (Times New Roman 14 pt in `language`), the paragraph
/// styles, and the `TableGrid` table style (single 0.5 pt borders).
fn styles(language: &str) -> String {
    let mut x = Xml::document();
    x.open("w:styles", &[("xmlns:w", W)]);
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]).open("w:rPr", &[]);
    let tnr = "Times New Roman";
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", tnr),
            ("w:hAnsi", tnr),
            ("w:eastAsia", tnr),
            ("w:cs", tnr),
        ],
    );
    x.empty("w:sz", &[("w:val", "28")]);
    x.empty("w:szCs", &[("w:val", "28")]);
    x.empty("w:lang", &[("w:val", language)]);
    x.close("w:rPr").close("w:rPrDefault");
    x.open("w:pPrDefault", &[])
        .empty("w:pPr", &[])
        .close("w:pPrDefault");
    x.close("w:docDefaults");
    let mut raw = String::new();
    for s in &STYLES {
        let default = if s.id == "Normal" {
            r#" w:default="1""#
        } else {
            ""
        };
        raw.push_str(&format!(
            r#"<w:style w:type="paragraph"{default} w:styleId="{}"><w:name w:val="{}"/>"#,
            s.id, s.name
        ));
        if let Some(b) = s.based_on {
            raw.push_str(&format!(r#"<w:basedOn w:val="{b}"/>"#));
        }
        raw.push_str("<w:qFormat/>");
        if !s.ppr.is_empty() {
            raw.push_str(&format!("<w:pPr>{}</w:pPr>", s.ppr));
        }
        if !s.rpr.is_empty() {
            raw.push_str(&format!("<w:rPr>{}</w:rPr>", s.rpr));
        }
        raw.push_str("</w:style>");
    }
    let mut table = Xml::fragment();
    table.open(
        "w:style",
        &[("w:type", "table"), ("w:styleId", "TableGrid")],
    );
    table.empty("w:name", &[("w:val", "Table Grid")]);
    table.open("w:tblPr", &[]);
    borders(&mut table, "w:tblBorders");
    cell_margins(&mut table);
    table.close("w:tblPr").close("w:style");
    let mut out = x.finish();
    out.push_str(&raw);
    out.push_str(&table.finish());
    out.push_str("</w:styles>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_share_what_the_fixed_ones_leave_and_add_up() {
        let cols = [
            Column::fixed(600),
            Column::share(2),
            Column::share(1).numeric(),
        ];
        let w = column_widths(&cols, &[], 9355);
        assert_eq!(w[0], 600);
        assert_eq!(w.iter().sum::<u32>(), 9355);
        assert!(w[1].abs_diff(w[2] * 2) <= 3, "{w:?}");
    }

    #[test]
    fn a_column_is_never_narrower_than_its_headers_longest_word() {
        let cols = [Column::share(20), Column::share(1), Column::share(20)];
        let header = [
            "a".to_owned(),
            "Ответственный исполнитель".to_owned(),
            "b".to_owned(),
        ];
        let w = column_widths(&cols, &header, 9355);
        assert_eq!(w[1], word_width("Ответственный"));
        assert_eq!(w.iter().sum::<u32>(), 9355);
        assert!(w[0].abs_diff(w[2]) <= 1, "{w:?}");
    }

    #[test]
    fn a_run_keeps_its_spaces_and_breaks_its_lines() {
        let mut x = Xml::fragment();
        write_run(&mut x, &Run::plain(" a <b>\nc"));
        assert_eq!(
            x.finish(),
            "<w:r><w:t xml:space=\"preserve\"> a &lt;b&gt;</w:t><w:br/>\
             <w:t xml:space=\"preserve\">c</w:t></w:r>"
        );
    }

    #[test]
    fn a_landscape_section_and_a_title_page() {
        let mut x = Xml::fragment();
        section_properties(
            &mut x,
            Section {
                orientation: Orientation::Landscape,
                title_page: true,
            },
        );
        let s = x.finish();
        assert!(s.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#));
        assert!(s.contains(r#"<w:headerReference w:type="first" r:id="rId6"/>"#));
        assert!(s.ends_with("<w:titlePg/></w:sectPr>"));
    }

    #[test]
    fn each_list_starts_at_its_own_number() {
        let mut b = DocxBuilder::new(Section {
            orientation: Orientation::Portrait,
            title_page: false,
        });
        let a = b.list(ListKind::Numbered, 1);
        let c = b.list(ListKind::Numbered, 4);
        assert_ne!(a, c);
        let xml = numbering(&b.lists);
        assert!(xml.contains(
            r#"<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/>"#
        ));
    }

    #[test]
    fn the_styles_are_words_own_with_outline_levels() {
        let s = styles("ru-RU");
        for (id, level) in [("Heading1", 0), ("Heading2", 1), ("Heading3", 2)] {
            let at = s.find(&format!(r#"w:styleId="{id}""#)).expect(id);
            let def = &s[at..at + s[at..].find("</w:style>").unwrap()];
            assert!(def.contains(&format!(r#"<w:outlineLvl w:val="{level}"/>"#)));
        }
        assert!(s.contains(r#"<w:lang w:val="ru-RU"/>"#));
    }
}
