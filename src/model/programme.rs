//! `programme.yaml`: the document being drafted, and build settings.

use serde::{Deserialize, Deserializer};

use super::DateField;

/// The programme document: title, period, executors, goals and the texts of its sections.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Full title.
    pub title: String,
    /// Used after «(далее – …)»; «Программа» when absent.
    pub short_title: Option<String>,
    /// The region, as the document names it: «… область», «… край».
    pub region: Option<String>,
    /// `draft` marks every output «ПРОЕКТ»; `approved` prints the stamp of `approval` instead.
    #[serde(default)]
    pub status: Status,
    /// The act that approved the programme: required with `status: approved`.
    pub approval: Option<Approval>,
    /// The date (and what occasioned it) of this edition of a draft, printed under «ПРОЕКТ».
    pub revision: Option<Revision>,
    /// Years of implementation.
    pub period: Period,
    /// Date of the document; the session date when absent.
    pub date: Option<DateField>,
    /// Where the document was prepared: «г. …».
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
    /// Лист согласования: who signs the draft off, one row each, printed as the last annex.
    #[serde(default)]
    pub sign_off: Vec<SignOff>,
}

/// `approval`: the act that approved the programme, printed as the stamp «УТВЕРЖДЕНА
/// постановлением … от 10 февраля 2027 г. № 45-па».
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The words after «УТВЕРЖДЕНА», as written: «постановлением Администрации … области».
    pub by: String,
    /// The date of the act.
    pub date: DateField,
    /// Its number: «45-па».
    pub number: String,
}

/// What [`Revision`] tells serde it expects: the YAML layer recognises it and says it in the
/// interface's language.
pub const DATE_OR_REVISION: &str = "a date, or a mapping with `date` and `label`";

/// `revision`: a date (`revision: 2026-12-15`) or a date with what occasioned the edition
/// (`revision: {date: 2026-12-15, label: "по итогам обсуждения с Администрацией"}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Revision {
    /// Written as a bare date.
    Date(DateField),
    /// Written as a mapping.
    Labelled {
        /// The date of the edition.
        date: DateField,
        /// What occasioned it, continuing «(редакция от … г. …)».
        label: Option<String>,
    },
}

impl Revision {
    /// The date as written.
    pub fn date(&self) -> &DateField {
        match self {
            Revision::Date(d) | Revision::Labelled { date: d, .. } => d,
        }
    }

    /// The label, when there is one.
    pub fn label(&self) -> Option<&str> {
        match self {
            Revision::Date(_) => None,
            Revision::Labelled { label, .. } => label.as_deref(),
        }
    }
}

/// The keys of `revision` written as a mapping.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct LabelledRevision {
    date: DateField,
    label: Option<String>,
}

impl<'de> Deserialize<'de> for Revision {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Revision;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(DATE_OR_REVISION)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Revision, E> {
                DateField::deserialize(serde::de::value::StrDeserializer::<E>::new(v))
                    .map(Revision::Date)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Revision, A::Error> {
                LabelledRevision::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|r| Revision::Labelled {
                        date: r.date,
                        label: r.label,
                    })
            }
        }
        d.deserialize_any(V)
    }
}

/// A row of the sign-off sheet (`sign_off`): who signs for which organisation.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// Organisation id.
    pub organisation: String,
    /// Должность, as written: «заместитель Губернатора … области».
    pub position: String,
    /// The name, as written (for a person who is not in `participants.yaml`).
    pub name: Option<String>,
    /// A participant id: the name printed follows the participant's `publish`.
    pub participant: Option<String>,
}

/// `funding_sources`: the printed name of each source of funding the programme names itself
/// («бюджет Ненецкого автономного округа»); the others are the built-in names, and
/// `regional_budget` is derived from `region` where it is clear.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceNames {
    /// Бюджет субъекта: «краевой бюджет», «бюджет города Москвы».
    pub regional_budget: Option<String>,
    /// Федеральный бюджет.
    pub federal_budget: Option<String>,
    /// Местные бюджеты: «бюджет города …».
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
#[derive(Debug, Clone, Copy, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First year.
    pub from: i32,
    /// Last year.
    pub to: i32,
}

/// An abbreviation of the list of abbreviations: «СМИ — средства массовой информации».
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AbbreviationEntry {
    /// The abbreviation as the text writes it.
    pub short: String,
    /// What it stands for.
    pub full: String,
}

/// A risk and what reduces it.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// The risk.
    pub risk: String,
    /// Меры по снижению.
    pub mitigation: String,
}

/// Defaults for `build`.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
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
