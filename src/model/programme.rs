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
}
