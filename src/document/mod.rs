//! Stage `assemble`: the view model every renderer prints.
//!
//! A [`Document`] holds the programme as it will read: every reference resolved to a name,
//! sections, steps and annexes numbered, steps grouped by case, totals computed, every date,
//! number and label formatted for the locale. Templates (Markdown, HTML, Typst) only loop over
//! it and print; none of them looks anything up or computes anything. The same value is given
//! to Typst as JSON, so the PDF reads exactly the same content.

mod assemble;
pub mod chart;
pub mod compare;
mod funding;
mod names;
pub mod report;
pub mod rich;
mod sections;

pub use assemble::assemble;

use serde::Serialize;

use crate::locale::Labels;
use crate::model::Date;

/// The whole programme as it will be printed.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Language tag: `ru` or `en`.
    pub lang: &'static str,
    /// Fixed words of the locale.
    pub labels: &'static Labels,
    /// Metadata for the PDF and the HTML head.
    pub meta: Meta,
    /// The title page.
    pub title_block: TitleBlock,
    /// Table of contents: numbered sections, their subsections, annexes.
    pub toc: Vec<TocEntry>,
    /// Перечень сокращений (absent when no organisation has a short name in use).
    pub abbreviations: Option<Abbreviations>,
    /// 1. Паспорт.
    pub passport: Passport,
    /// 2. Общая характеристика.
    pub general: General,
    /// 3. Итоги работы по кейсам.
    pub cases: Cases,
    /// 4. Цели, задачи и ожидаемые результаты.
    pub goals: Goals,
    /// 5. Перечень мероприятий.
    pub steps: Steps,
    /// 6. Целевые показатели.
    pub indicators: Indicators,
    /// 7. Ресурсное обеспечение.
    pub resources: Resources,
    /// 8. Механизм реализации.
    pub implementation: Implementation,
    /// 9. Риски (absent when there are none).
    pub risks: Option<Risks>,
    /// Приложения, numbered in order: participants, agreements, responsibility matrix.
    pub annexes: Annexes,
}

/// Document metadata.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// The full title.
    pub title: String,
    /// The responsible organisation's full name.
    pub author: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// Date of the document.
    pub date: Date,
    /// Language tag.
    pub lang: &'static str,
    /// Language and region: `ru-RU`, `en-GB` (the DOCX's properties and text language).
    pub language: &'static str,
    /// True while the programme is a draft (`status: draft`); false once approved.
    pub draft: bool,
}

/// The title page.
#[derive(Debug, Clone, Serialize)]
pub struct TitleBlock {
    /// «ПРОЕКТ» while a draft, printed top right; absent once approved.
    pub draft: Option<&'static str>,
    /// The line under «ПРОЕКТ»: «(редакция от 15 декабря 2026 г.)» or «(редакция от 15 декабря
    /// 2026 г. по итогам обсуждения с Администрацией)», parentheses included. Only on a draft
    /// with `revision`: an approved programme prints its stamp instead.
    pub revision: Option<String>,
    /// The approval stamp, printed top right in place of «ПРОЕКТ»; only when approved.
    pub approval: Option<ApprovalStamp>,
    /// Full title.
    pub title: String,
    /// «на 2027–2029 годы».
    pub period: String,
    /// «г. Курск, 2026».
    pub place_year: String,
}

/// The approval stamp (гриф утверждения) of an approved programme: a block at the top right of
/// the title page, its lines left-aligned within it.
#[derive(Debug, Clone, Serialize)]
pub struct ApprovalStamp {
    /// The lines in order, each printed on a line of its own: «УТВЕРЖДЕНА», «постановлением
    /// Администрации Курской области», «от 10 февраля 2027 г. № 45-па» (no-break spaces
    /// inside the date and after «№»). The first is [`Labels::approved`].
    pub lines: Vec<String>,
    /// The same on one line, joined by spaces: for document properties and plain text.
    pub inline: String,
}

/// A heading: its number (may be empty), its title, and both together as printed.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    /// «1.», «3.2.», or empty for unnumbered headings.
    pub number: String,
    /// The title without the number.
    pub title: String,
    /// Number and title as printed: «1. Паспорт Программы».
    pub text: String,
    /// The anchor the Markdown contents link to (GitHub's and comrak's algorithm).
    pub anchor: String,
}

/// What the HTML page must know about a table and the Markdown cannot say: which table of the
/// document it is, its name and its groups of rows. A template says which Markdown table is
/// which with `{{ html_table(of=…) }}` on the line above it (see [`crate::render::html`]), so
/// the semantics come from here, never from the shape of a user's template.
#[derive(Debug, Clone, Serialize)]
pub struct TableFacts {
    /// Unique in the document: `steps`, `proposals-2`, `annex-participants`.
    pub id: String,
    /// The caption, for tables that have one.
    pub caption: Option<String>,
    /// The heading (as printed) of the section that holds the table: what names a table
    /// without a caption.
    pub heading: String,
    /// The first cells of the rows that head a group of rows, in order («Задача 1. …» in the
    /// list of steps).
    pub row_groups: Vec<String>,
    /// Cells that hold a list: formats that can (HTML) print these items as a list inside the
    /// cell; the Markdown prints the cell's one-line form.
    pub cell_lists: Vec<CellList>,
}

/// A cell of a table that holds several items, one a line.
#[derive(Debug, Clone, Serialize)]
pub struct CellList {
    /// The first cell of its row, as printed: «Цели Программы», «1.2».
    pub row: String,
    /// The header of its column, as printed.
    pub column: String,
    /// Numbered («1)», «2)») or not.
    pub ordered: bool,
    /// The items.
    pub items: Vec<String>,
}

impl TableFacts {
    /// A table without row groups, in the section headed `heading`.
    pub fn new(id: impl Into<String>, heading: &Heading, caption: Option<&str>) -> Self {
        TableFacts {
            id: id.into(),
            caption: caption.map(str::to_owned),
            heading: heading.text.clone(),
            row_groups: Vec::new(),
            cell_lists: Vec::new(),
        }
    }
}

/// A line of the table of contents.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// 1 for sections and annexes, 2 for subsections.
    pub level: u8,
    /// The heading.
    pub heading: Heading,
}

/// Перечень сокращений.
#[derive(Debug, Clone, Serialize)]
pub struct Abbreviations {
    /// Heading.
    pub heading: Heading,
    /// Sorted by abbreviation.
    pub rows: Vec<Abbreviation>,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// One abbreviation.
#[derive(Debug, Clone, Serialize)]
pub struct Abbreviation {
    /// «АСИ».
    pub short: String,
    /// «Агентство социальной информации».
    pub full: String,
}

/// 1. Паспорт Программы: a two-column table.
#[derive(Debug, Clone, Serialize)]
pub struct Passport {
    /// Heading.
    pub heading: Heading,
    /// Rows in order.
    pub rows: Vec<PassportRow>,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// A row of the passport: a label and one or more items.
#[derive(Debug, Clone, Serialize)]
pub struct PassportRow {
    /// «Ответственный исполнитель».
    pub label: &'static str,
    /// The value, one item a line.
    pub items: Vec<String>,
    /// Items numbered «1)», «2)» (goals, tasks, indicators, results).
    pub numbered: bool,
    /// The value on one line, for formats whose cells cannot hold lines (Markdown):
    /// «1) …; 2) …».
    pub inline: String,
    /// Whether the PDF may split the row across pages: only when it might not fit on one page.
    pub breakable: bool,
}

/// 2. Общая характеристика сферы реализации Программы.
#[derive(Debug, Clone, Serialize)]
pub struct General {
    /// Heading.
    pub heading: Heading,
    /// 2.1 Оценка текущего состояния (absent without `context`).
    pub context: Option<Paragraphs>,
    /// 2.2 Стратегическая сессия.
    pub session_heading: Heading,
    /// Facts about the session, label and value.
    pub session_facts: Vec<Fact>,

    /// Participant counts by kind of organisation (empty without participants).
    pub participant_kinds: Vec<KindRow>,
    /// The totals row.
    pub participants_total: Option<KindRow>,
    /// The table of participant counts, for the HTML page.
    pub participants_table: TableFacts,
    /// Agreements signed (2.3), absent without agreements.
    pub agreements: Option<AgreementList>,
}

/// A subsection made of paragraphs.
#[derive(Debug, Clone, Serialize)]
pub struct Paragraphs {
    /// Heading.
    pub heading: Heading,
    /// The text (see [`rich`]).
    pub text: rich::Rich,
}

/// A label and a value.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// Label.
    pub label: &'static str,
    /// Value.
    pub value: String,
}

/// Participant counts for one kind of organisation.
#[derive(Debug, Clone, Serialize)]
pub struct KindRow {
    /// «некоммерческие организации».
    pub kind: String,
    /// Organisations of that kind that took part.
    pub organisations: String,
    /// People from them.
    pub participants: String,
}

/// Agreements, as a subsection of section 2.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementList {
    /// Heading.
    pub heading: Heading,
    /// One sentence each.
    pub items: Vec<String>,
}

/// 3. Итоги работы по кейсам.
#[derive(Debug, Clone, Serialize)]
pub struct Cases {
    /// Heading.
    pub heading: Heading,
    /// One subsection per case, by case number.
    pub items: Vec<CaseView>,
}

/// 3.N: one case.
#[derive(Debug, Clone, Serialize)]
pub struct CaseView {
    /// «3.1. Повышение компетенций …».
    pub heading: Heading,
    /// The task the case becomes, on one line (see [`rich::Rich::inline`]).
    pub task: rich::Rich,
    /// Moderators as «Е. А. Фамилия», joined.
    pub moderators: Option<String>,
    /// Problems, in order.
    pub problems: Vec<rich::Rich>,
    /// Proposals with their fate.
    pub proposals: Vec<ProposalView>,
    /// Whether the proposals table has a votes column: only when some proposal of the case
    /// has its votes counted, rather than a column of dashes.
    pub votes_counted: bool,
    /// Caption of the proposals table, unique in the document: «Предложения группы по кейсу 3.1».
    pub proposals_caption: String,
    /// «Мероприятия: 1.1–1.5» or the note that there are none.
    pub steps_summary: String,
    /// The proposals table, for the HTML page.
    pub table: TableFacts,
}

/// A proposal of a group.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalView {
    /// «1», «2» within the case.
    pub number: String,
    /// The proposal.
    pub text: String,
    /// Votes, if counted.
    pub votes: String,
    /// «принято», or «отложено: причина».
    pub decision: String,
    /// Numbers of the steps carrying it out: «1.1, 1.3».
    pub steps: String,
}

/// 4. Цели, задачи и ожидаемые результаты.
#[derive(Debug, Clone, Serialize)]
pub struct Goals {
    /// Heading.
    pub heading: Heading,
    /// Goals.
    pub goals: Vec<String>,
    /// «Задача 1. …», by case number.
    pub tasks: Vec<String>,
    /// Expected results.
    pub results: Vec<String>,
    /// Each task with the id of its case and its text without the number, in the order of
    /// `tasks`: what a comparison of two drafts matches tasks by (a task keeps its case when
    /// the cases are renumbered).
    #[serde(skip)]
    pub task_ids: Vec<(String, String)>,
}

/// 5. Перечень мероприятий: one table grouped by case.
#[derive(Debug, Clone, Serialize)]
pub struct Steps {
    /// Heading.
    pub heading: Heading,
    /// One group per case with steps, by case number.
    pub groups: Vec<StepGroup>,
    /// «Всего: 15 мероприятий».
    pub total: String,
    /// Whether any step has money: without, the list has no funding column (section 7 says
    /// that the programme needs no additional funding).
    pub funded: bool,
    /// Notes under the table: what the marks of the steps mean («* — мероприятие предложено
    /// …»), or one note when every step has the same status.
    pub notes: Vec<String>,
    /// Steps that have a description, in table order.
    pub details: Vec<StepDetail>,
    /// The table, for the HTML page: its row groups are the groups' labels.
    pub table: TableFacts,
    /// The roadmap that opens the section, before the list: the steps by quarter (absent
    /// without steps).
    pub roadmap: Option<chart::Timeline>,
}

/// The content of a step, printed after the table.
#[derive(Debug, Clone, Serialize)]
pub struct StepDetail {
    /// «1.2».
    pub number: String,
    /// The description.
    pub description: rich::Rich,
}

/// The steps of one case.
#[derive(Debug, Clone, Serialize)]
pub struct StepGroup {
    /// «Задача 1. Повышение …».
    pub label: String,
    /// The id of the case, for comparing drafts.
    #[serde(skip)]
    pub case: String,
    /// The task without its number, for comparing drafts.
    #[serde(skip)]
    pub task: String,
    /// Its steps in file order.
    pub steps: Vec<StepRow>,
}

/// A row of the steps table.
#[derive(Debug, Clone, Serialize)]
pub struct StepRow {
    /// Step id, for tools.
    pub id: String,
    /// «1.2».
    pub number: String,
    /// Title.
    pub title: String,
    /// «*» for a proposed step, «**» for a disputed one, explained in the notes under the
    /// table; empty for an agreed step, or when every step has the same status (one note says
    /// it then).
    pub mark: &'static str,
    /// «II квартал 2027 г.».
    pub deadline: String,
    /// Lead first, with «(по согласованию)».
    pub responsible: String,
    /// Co-executors and partners.
    pub partners: String,
    /// Funding of the step, one line each: the total (with more than one source), then each
    /// source with its amounts by year; «–» without funding.
    pub funding: Vec<String>,
    /// The same on one line, for Markdown.
    pub funding_inline: String,
    /// Expected result.
    pub result: String,
    /// Indicator numbers: «1, 3».
    pub indicators: String,
    /// The ids of those indicators: what a comparison of two drafts compares, since the
    /// numbers change when indicators are renumbered.
    #[serde(skip)]
    pub indicator_ids: Vec<String>,
    /// The step's status (also printed as `mark`), for comparing drafts.
    #[serde(skip)]
    pub status: crate::model::StepStatus,
    /// Whether the PDF may split the row across pages: only when a cell is long enough that
    /// the row might not fit on one page (shorter rows are kept whole, as a reader expects).
    pub breakable: bool,
}

/// 6. Целевые показатели Программы.
#[derive(Debug, Clone, Serialize)]
pub struct Indicators {
    /// Heading.
    pub heading: Heading,
    /// Years of the period, as column headers.
    pub years: Vec<String>,
    /// One row per indicator.
    pub rows: Vec<IndicatorRow>,
    /// Printed when there are no indicators.
    pub empty_note: Option<&'static str>,
    /// Where each indicator's values come from and how they are calculated, one item per
    /// indicator that says: «Показатель 1: источник информации — …; методика расчёта — …».
    pub notes: Vec<String>,
    /// More years than fit across a portrait page: the PDF prints the table in landscape.
    pub wide: bool,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// A row of the indicators table.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRow {
    /// The indicator's id, for tools and for comparing drafts.
    pub id: String,
    /// «1».
    pub number: String,
    /// Name.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// «12 (2026)» or «–».
    pub baseline: String,
    /// One value per year of the period, «–» when missing.
    pub targets: Vec<String>,
    /// Responsible organisation (short name).
    pub responsible: String,
}

/// 7. Ресурсное обеспечение Программы.
#[derive(Debug, Clone, Serialize)]
pub struct Resources {
    /// Heading.
    pub heading: Heading,
    /// «тыс. рублей».
    pub unit: &'static str,
    /// Caption of the table.
    pub caption: &'static str,
    /// Years of the period, as column headers.
    pub years: Vec<String>,
    /// One row per source with money, in the order of the sources.
    pub rows: Vec<FundingRow>,
    /// Totals by year, absent without funding.
    pub total: Option<FundingRow>,
    /// «не требует дополнительного финансирования», when there is no funding.
    pub none: Option<&'static str>,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// A row of the resources table.
#[derive(Debug, Clone, Serialize)]
pub struct FundingRow {
    /// «областной бюджет», «краевой бюджет» (see `words::funding_source_name`) or «Итого».
    pub source: String,
    /// One amount per year.
    pub amounts: Vec<String>,
    /// Sum over the years.
    pub total: String,
}

/// 8. Механизм реализации.
#[derive(Debug, Clone, Serialize)]
pub struct Implementation {
    /// Heading.
    pub heading: Heading,
    /// The programme's text or the built-in paragraphs.
    pub text: rich::Rich,
}

/// 9. Риски реализации.
#[derive(Debug, Clone, Serialize)]
pub struct Risks {
    /// Heading.
    pub heading: Heading,
    /// Rows.
    pub rows: Vec<RiskRow>,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// A risk.
#[derive(Debug, Clone, Serialize)]
pub struct RiskRow {
    /// «1».
    pub number: String,
    /// The risk.
    pub risk: String,
    /// What reduces it.
    pub mitigation: String,
}

/// The annexes that exist, numbered consecutively.
#[derive(Debug, Clone, Serialize)]
pub struct Annexes {
    /// Список участников (absent without participants).
    pub participants: Option<ParticipantsAnnex>,
    /// Соглашения (absent without agreements).
    pub agreements: Option<AgreementsAnnex>,
    /// Матрица ответственности (absent without steps).
    pub matrix: Option<MatrixAnnex>,
    /// Лист согласования (absent without `sign_off`): always the last annex.
    pub sign_off: Option<SignOffAnnex>,
}

/// «Приложение № 1 к Программе» and the annex heading.
#[derive(Debug, Clone, Serialize)]
pub struct AnnexHead {
    /// «Приложение № 1 к Программе», printed top right.
    pub mark: String,
    /// «Приложение 1. Список участников …».
    pub heading: Heading,
}

/// Annex: participants.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipantsAnnex {
    /// Mark and heading.
    pub head: AnnexHead,
    /// One row per participant, in file order.
    pub rows: Vec<ParticipantRow>,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// A participant as printed: never the name of one who asked not to be published.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipantRow {
    /// The participant's id, for comparing drafts; never printed (an id may spell the name of
    /// a participant who is not published).
    #[serde(skip)]
    pub id: String,
    /// «1».
    pub number: String,
    /// «Фамилия Имя Отчество» or «представитель АСИ».
    pub name: String,
    /// Position.
    pub position: String,
    /// Organisation (short name).
    pub organisation: String,
    /// Role.
    pub role: String,
}

/// Annex: agreements.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementsAnnex {
    /// Mark and heading.
    pub head: AnnexHead,
    /// Rows.
    pub rows: Vec<AgreementRow>,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// An agreement.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementRow {
    /// «1».
    pub number: String,
    /// Title.
    pub title: String,
    /// «28 ноября 2026 г.» or «–».
    pub date: String,
    /// Parties, joined.
    pub parties: String,
    /// Subject or «–», on one line.
    pub subject: rich::Rich,
}

/// Annex: who is responsible for which steps.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixAnnex {
    /// Mark and heading.
    pub head: AnnexHead,
    /// One row per organisation with any step, in the order of organisations.yaml.
    pub rows: Vec<MatrixRow>,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// An organisation's steps.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    /// Organisation (short name).
    pub organisation: String,
    /// Steps it is responsible for, alone or jointly: «1.1, 2.3».
    pub lead: String,
    /// Steps it is a partner in.
    pub partner: String,
}

/// Annex: the sign-off sheet (лист согласования). Its table has six columns, in order:
/// [`Labels::col_no`], [`Labels::col_organisation`], [`Labels::col_position`],
/// [`Labels::col_name`], [`Labels::col_date`] and [`Labels::col_signature`]; the last two are
/// empty in every row, for the date and signature written on paper, so their rows are printed
/// tall enough to sign in.
#[derive(Debug, Clone, Serialize)]
pub struct SignOffAnnex {
    /// Mark and heading.
    pub head: AnnexHead,
    /// One row per `sign_off` entry, in file order.
    pub rows: Vec<SignOffRow>,
    /// The table, for the HTML page.
    pub table: TableFacts,
}

/// A row of the sign-off sheet.
#[derive(Debug, Clone, Serialize)]
pub struct SignOffRow {
    /// «1».
    pub number: String,
    /// Organisation (short name).
    pub organisation: String,
    /// Position, as written.
    pub position: String,
    /// The name as written, or the participant's name when they are published; empty (to be
    /// written by hand) when the row names no one or a participant who is not published.
    pub name: String,
}

impl Document {
    /// Every table of the document, in document order, whether or not a template prints it.
    pub fn tables(&self) -> Vec<&TableFacts> {
        let mut tables = Vec::new();
        tables.extend(self.abbreviations.as_ref().map(|a| &a.table));
        tables.push(&self.passport.table);
        tables.push(&self.general.participants_table);
        tables.extend(self.cases.items.iter().map(|c| &c.table));
        tables.push(&self.steps.table);
        tables.extend(self.steps.roadmap.as_ref().map(|r| &r.table));
        tables.push(&self.indicators.table);
        tables.push(&self.resources.table);
        tables.extend(self.risks.as_ref().map(|r| &r.table));
        let a = &self.annexes;
        tables.extend(a.participants.as_ref().map(|a| &a.table));
        tables.extend(a.agreements.as_ref().map(|a| &a.table));
        tables.extend(a.matrix.as_ref().map(|a| &a.table));
        tables.extend(a.sign_off.as_ref().map(|a| &a.table));
        tables
    }
}
