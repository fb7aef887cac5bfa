//! `programme.yaml`: the document being drafted, and build settings.

use serde::Deserialize;

use super::DateField;

/// The programme document: title, period, executors, goals and the texts of its sections.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Full title.
    pub title: String,
    /// Used after «(далее – …)»; «Программа» when absent.
    pub short_title: Option<String>,
    /// «Курская область».
    pub region: Option<String>,
    /// `draft` marks every output «ПРОЕКТ».
    #[serde(default)]
    pub status: Status,
    /// Years of implementation.
    pub period: Period,
    /// Date of the document; the session date when absent.
    pub date: Option<DateField>,
    /// «г. Курск».
    pub place: Option<String>,
    /// Language of the output.
    #[serde(default)]
    pub locale: Locale,
    /// Ответственный исполнитель (organisation id).
    pub responsible: String,
    /// Соисполнители.
    #[serde(default)]
    pub co_executors: Vec<String>,
    /// Разработчики; the session's initiators when absent.
    pub developers: Option<Vec<String>>,
    /// Основания для разработки.
    #[serde(default)]
    pub legal_basis: Vec<String>,
    /// Цели Программы, at least one.
    pub goals: Vec<String>,
    /// Ожидаемые конечные результаты.
    #[serde(default)]
    pub expected_results: Vec<String>,
    /// Оценка текущего состояния: paragraphs separated by blank lines.
    pub context: Option<String>,
    /// Механизм реализации; a built-in paragraph when absent.
    pub implementation: Option<String>,
    /// Риски и меры по их снижению.
    #[serde(default)]
    pub risks: Vec<Risk>,
    /// Defaults for `build`.
    pub output: Option<Output>,
    /// Abbreviations the texts use that are not organisations' short names.
    #[serde(default)]
    pub abbreviations: Vec<AbbreviationEntry>,
    /// Keywords for the PDF metadata (optional; an extension of the format).
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The printed names of sources of funding, where the built-in ones do not fit the region.
    #[serde(default)]
    pub funding_sources: SourceNames,
}

/// `funding_sources`: the printed name of each source of funding the programme names itself
/// («бюджет Ненецкого автономного округа»); the others are the built-in names, and
/// `regional_budget` is derived from `region` where it is clear.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceNames {
    /// Бюджет субъекта: «краевой бюджет», «бюджет города Москвы».
    pub regional_budget: Option<String>,
    /// Федеральный бюджет.
    pub federal_budget: Option<String>,
    /// Местные бюджеты: «бюджет города Курска».
    pub local_budgets: Option<String>,
    /// Гранты.
    pub grants: Option<String>,
    /// Средства бизнеса.
    pub business: Option<String>,
    /// Собственные средства НКО.
    pub nko_own: Option<String>,
}

impl SourceNames {
    /// The name the programme gives `source`, if it gives one.
    pub fn get(&self, source: super::FundingSource) -> Option<&str> {
        use super::FundingSource as S;
        match source {
            S::RegionalBudget => self.regional_budget.as_deref(),
            S::FederalBudget => self.federal_budget.as_deref(),
            S::LocalBudgets => self.local_budgets.as_deref(),
            S::Grants => self.grants.as_deref(),
            S::Business => self.business.as_deref(),
            S::NkoOwn => self.nko_own.as_deref(),
            S::None => None,
        }
    }
}

crate::model::keyword_enum! {
    /// Draft or approved.
    #[derive(Default)]
    pub enum Status {
        /// A draft: outputs are marked «ПРОЕКТ».
        #[default]
        Draft = "draft",
        /// Approved.
        Approved = "approved",
    }
}

/// Years of implementation, `from <= to`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First year.
    pub from: i32,
    /// Last year.
    pub to: i32,
}

/// An abbreviation of the list of abbreviations: «СМИ — средства массовой информации».
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AbbreviationEntry {
    /// The abbreviation as the text writes it.
    pub short: String,
    /// What it stands for.
    pub full: String,
}

/// A risk and what reduces it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// The risk.
    pub risk: String,
    /// Меры по снижению.
    pub mitigation: String,
}

/// Defaults for `build`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Output {
    /// Formats to write.
    pub formats: Option<Vec<Format>>,
    /// Output folder, relative to the programme root.
    pub dir: Option<String>,
    /// File name without extension.
    pub name: Option<String>,
}

crate::model::keyword_enum! {
    /// An output format.
    pub enum Format {
        /// GitHub-flavoured Markdown.
        Md = "md",
        /// One self-contained HTML page.
        Html = "html",
        /// Tagged PDF through typst.
        Pdf = "pdf",
        /// A Word document (DOCX), for the round of comments.
        Docx = "docx",
    }
}

impl Format {
    /// The file extension: the keyword itself.
    pub fn ext(self) -> &'static str {
        self.as_str()
    }
}

keyword_enum! {
    /// The language of every label, date and number in the output.
    #[derive(Default)]
    pub enum Locale {
        /// Russian.
        #[default]
        Ru = "ru",
        /// English.
        En = "en",
    }
}

impl Locale {
    /// The language tag used in HTML `lang` and PDF metadata.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Ru => "ru",
            Locale::En => "en",
        }
    }

    /// The language with its region, as office documents name it (`dc:language`, `w:lang`):
    /// Russian as written in Russia, English as written in Britain (the spelling of the
    /// English labels).
    pub fn region_tag(self) -> &'static str {
        match self {
            Locale::Ru => "ru-RU",
            Locale::En => "en-GB",
        }
    }
}
