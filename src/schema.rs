//! JSON Schemas of the input files, generated from the model types (`schemars`), so that an
//! editor completes and checks the files as they are typed: `nko-draft schema --out DIR`, and
//! `init` writes them into `.schema/` of a new programme.
//!
//! The model types derive `JsonSchema` beside `Deserialize` (doc comments become the English
//! descriptions, `deny_unknown_fields` becomes `additionalProperties: false`); the types that
//! deserialize specially implement it by hand here, with the patterns of dates, deadlines and
//! report periods. The Russian descriptions come from the catalogue [`RU`], keyed by the
//! definition and the property they describe.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::locale::ru;
use crate::model::{
    Actual, Case, DateField, Indicator, Locale, MONTHS_EN, OneOrMany, Organisation, Participant,
    PeriodKey, Programme, RawDeadline, Revision, Session, Step,
};

/// One schema per kind of input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SchemaFile {
    /// `programme.yaml`.
    Programme,
    /// `session.yaml`.
    Session,
    /// `organisations.yaml`.
    Organisations,
    /// `participants.yaml`.
    Participants,
    /// `indicators.yaml`.
    Indicators,
    /// `cases/<case>.yaml`.
    Case,
    /// `steps/<case>.yaml`.
    Steps,
}

impl SchemaFile {
    /// Every schema, in the order of the input format.
    pub(crate) const ALL: [SchemaFile; 7] = [
        SchemaFile::Programme,
        SchemaFile::Session,
        SchemaFile::Organisations,
        SchemaFile::Participants,
        SchemaFile::Indicators,
        SchemaFile::Case,
        SchemaFile::Steps,
    ];

    /// The schema's file name: `programme.schema.json`.
    pub(crate) fn file_name(self) -> &'static str {
        match self {
            SchemaFile::Programme => "programme.schema.json",
            SchemaFile::Session => "session.schema.json",
            SchemaFile::Organisations => "organisations.schema.json",
            SchemaFile::Participants => "participants.schema.json",
            SchemaFile::Indicators => "indicators.schema.json",
            SchemaFile::Case => "case.schema.json",
            SchemaFile::Steps => "steps.schema.json",
        }
    }

    /// Where a programme keeps the schema: `.schema/programme.schema.json`.
    pub(crate) fn path_in_programme(self) -> &'static str {
        match self {
            SchemaFile::Programme => ".schema/programme.schema.json",
            SchemaFile::Session => ".schema/session.schema.json",
            SchemaFile::Organisations => ".schema/organisations.schema.json",
            SchemaFile::Participants => ".schema/participants.schema.json",
            SchemaFile::Indicators => ".schema/indicators.schema.json",
            SchemaFile::Case => ".schema/case.schema.json",
            SchemaFile::Steps => ".schema/steps.schema.json",
        }
    }

    /// The schema for the input file at `path` (relative to the programme root, `/`-separated).
    pub(crate) fn for_input(path: &str) -> Option<SchemaFile> {
        Some(match path {
            "programme.yaml" => SchemaFile::Programme,
            "session.yaml" => SchemaFile::Session,
            "organisations.yaml" => SchemaFile::Organisations,
            "participants.yaml" => SchemaFile::Participants,
            "indicators.yaml" => SchemaFile::Indicators,
            _ if path.starts_with("cases/") && path.ends_with(".yaml") => SchemaFile::Case,
            _ if path.starts_with("steps/") && path.ends_with(".yaml") => SchemaFile::Steps,
            _ => return None,
        })
    }

    /// The comment that points the YAML language server (VS Code's YAML extension) at the
    /// schema of the input file at `path`, relative to it: the first line of the file.
    pub(crate) fn modeline(self, path: &str) -> String {
        let up = "../".repeat(path.matches('/').count());
        format!(
            "# yaml-language-server: $schema={up}{SCHEMA_DIR}/{}",
            self.file_name()
        )
    }

    /// The schema, with descriptions in `locale`, as pretty JSON ending in a newline.
    pub(crate) fn generate(self, locale: Locale) -> String {
        let mut generator = SchemaSettings::draft07().into_generator();
        let (mut schema, title) = match self {
            SchemaFile::Programme => (generator.root_schema_for::<Programme>(), "programme.yaml"),
            SchemaFile::Session => (generator.root_schema_for::<Session>(), "session.yaml"),
            SchemaFile::Organisations => (
                generator.root_schema_for::<Vec<Organisation>>(),
                "organisations.yaml",
            ),
            SchemaFile::Participants => (
                generator.root_schema_for::<Vec<Participant>>(),
                "participants.yaml",
            ),
            SchemaFile::Indicators => (
                generator.root_schema_for::<Vec<Indicator>>(),
                "indicators.yaml",
            ),
            SchemaFile::Case => (generator.root_schema_for::<Case>(), "cases/<case>.yaml"),
            SchemaFile::Steps => (
                generator.root_schema_for::<Vec<Step>>(),
                "steps/<case>.yaml",
            ),
        };
        schema.insert("title".into(), title.into());
        let root = match self {
            SchemaFile::Programme => "Programme",
            SchemaFile::Session => "Session",
            SchemaFile::Case => "Case",
            // A list: the root describes the file, its items are the definition.
            SchemaFile::Organisations => "organisations.yaml",
            SchemaFile::Participants => "participants.yaml",
            SchemaFile::Indicators => "indicators.yaml",
            SchemaFile::Steps => "steps.yaml",
        };
        let mut value = schema.to_value();
        without_null(&mut value);
        if let Some(text) = file_description(self) {
            value["description"] = text.into();
        }
        if locale == Locale::Ru {
            translate(&mut value, root);
        }
        let mut text = serde_json::to_string_pretty(&value).expect("a schema is JSON");
        text.push('\n');
        text
    }
}

/// The folder of a programme that holds the schemas.
pub(crate) const SCHEMA_DIR: &str = ".schema";

/// Writes every schema into `dir` (created when missing); returns the files written.
pub(crate) fn write_all(dir: &Path, locale: Locale) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    SchemaFile::ALL
        .iter()
        .map(|file| {
            let path = dir.join(file.file_name());
            std::fs::write(&path, file.generate(locale))?;
            Ok(path)
        })
        .collect()
}

/// `value` without the `null` that schemars allows for every optional key: a key is left out
/// rather than written empty, and a wrong value is then reported by the keyword that refuses
/// it (`pattern`, `enum`) instead of by an `anyOf` of it and `null`.
fn without_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let is_null = |v: &Value| v.get("type").and_then(Value::as_str) == Some("null");
            if let Some(Value::Array(options)) = map.get("anyOf")
                && options.len() == 2
                && let Some(kept) = options.iter().find(|o| !is_null(o))
                && options.iter().any(is_null)
            {
                let kept = kept.clone();
                map.remove("anyOf");
                match kept {
                    // In draft-07 the keys beside a `$ref` are ignored: wrap it, as schemars does.
                    Value::Object(o) if o.contains_key("$ref") => {
                        map.insert("allOf".into(), Value::Array(vec![Value::Object(o)]));
                    }
                    Value::Object(o) => map.extend(o),
                    other => {
                        map.insert("anyOf".into(), Value::Array(vec![other]));
                    }
                }
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types[0].clone();
                    map.insert("type".into(), only);
                }
            }
            map.values_mut().for_each(without_null);
        }
        Value::Array(items) => items.iter_mut().for_each(without_null),
        _ => {}
    }
}

/// The English description of a file that is a list (its items are described by their type).
fn file_description(file: SchemaFile) -> Option<&'static str> {
    Some(match file {
        SchemaFile::Organisations => {
            "The organisations the other files name, each once, referred to by id."
        }
        SchemaFile::Participants => "The people who took part in the session.",
        SchemaFile::Indicators => "The target indicators of the programme.",
        SchemaFile::Steps => "The agreed steps of a case, in the order of the document.",
        _ => return None,
    })
}

/// Russian descriptions: `Definition` describes a type, `Definition.key` a key of it,
/// `Definition=value` a keyword of an enum; a file that is a list is keyed by its name. Where a
/// description has no entry, the English one stays.
pub(crate) const RU: &[(&str, &str)] = &[
    // programme.yaml
    (
        "Programme",
        "Программа: наименование, сроки, исполнители, цели и тексты разделов.",
    ),
    ("Programme.title", "Полное наименование Программы."),
    (
        "Programme.short_title",
        "Краткое наименование после «(далее – …)»; по умолчанию «Программа».",
    ),
    ("Programme.region", "Регион: «… область», «… край»."),
    (
        "Programme.status",
        "`draft` — на каждой странице «ПРОЕКТ»; `approved` — гриф утверждения из `approval`.",
    ),
    (
        "Programme.approval",
        "Акт об утверждении Программы; обязателен при `status: approved`.",
    ),
    (
        "Programme.revision",
        "Дата редакции проекта (или дата и повод), печатается под «ПРОЕКТ».",
    ),
    ("Programme.period", "Сроки реализации: годы `from` – `to`."),
    (
        "Programme.date",
        "Дата документа; по умолчанию — дата стратегической сессии.",
    ),
    ("Programme.place", "Место подготовки документа: «г. …»."),
    ("Programme.locale", "Язык документа."),
    (
        "Programme.responsible",
        "Ответственный исполнитель (id организации).",
    ),
    ("Programme.co_executors", "Соисполнители (id организаций)."),
    (
        "Programme.developers",
        "Разработчики (id организаций); по умолчанию — инициаторы сессии.",
    ),
    ("Programme.legal_basis", "Основания для разработки."),
    ("Programme.goals", "Цели Программы, не менее одной."),
    (
        "Programme.expected_results",
        "Ожидаемые конечные результаты.",
    ),
    (
        "Programme.context",
        "Оценка текущего состояния: абзацы через пустую строку.",
    ),
    (
        "Programme.implementation",
        "Механизм реализации; по умолчанию — встроенный абзац.",
    ),
    ("Programme.risks", "Риски и меры по их снижению."),
    ("Programme.output", "Настройки `build` по умолчанию."),
    (
        "Programme.abbreviations",
        "Сокращения в текстах, кроме кратких наименований организаций.",
    ),
    (
        "Programme.keywords",
        "Ключевые слова в свойствах PDF и DOCX.",
    ),
    (
        "Programme.funding_sources",
        "Наименования источников финансирования, если встроенные не подходят региону.",
    ),
    (
        "Programme.sign_off",
        "Лист согласования: кто согласует проект, по строке на человека.",
    ),
    // session.yaml
    (
        "Session",
        "Стратегическая сессия: когда, где, кто организовал, что подписано.",
    ),
    ("Session.title", "Наименование сессии."),
    ("Session.date", "Дата проведения."),
    ("Session.venue", "Место проведения."),
    ("Session.city", "Город: «г. …»."),
    ("Session.initiators", "Инициаторы (id организаций)."),
    ("Session.support", "Поддержка (id организаций)."),
    ("Session.partners", "Соорганизаторы (id организаций)."),
    (
        "Session.programme",
        "Программа, в рамках которой прошла сессия («НКО-СОКРАТ»).",
    ),
    ("Session.purpose", "Ключевая задача сессии."),
    (
        "Session.participants_complete",
        "`false`, если `participants.yaml` перечисляет не всех: тогда численность участников не печатается.",
    ),
    ("Session.agreements", "Соглашения, подписанные на сессии."),
    // organisations.yaml
    (
        "organisations.yaml",
        "Организации, которые упоминают другие файлы, каждая один раз, со ссылкой по id.",
    ),
    ("Organisation", "Организация."),
    ("Organisation.id", "Идентификатор: латиница, цифры и `-`."),
    (
        "Organisation.name",
        "Полное официальное наименование, при первом упоминании.",
    ),
    (
        "Organisation.short",
        "Краткое наименование, после первого упоминания и в таблицах.",
    ),
    (
        "Organisation.name_genitive",
        "Полное наименование в родительном падеже («Центра развития …»).",
    ),
    ("Organisation.kind", "Вид организации."),
    (
        "Organisation.by_agreement",
        "Печатать «(по согласованию)» при исполнителе; по умолчанию — да, кроме органов власти.",
    ),
    // participants.yaml
    ("participants.yaml", "Участники стратегической сессии."),
    ("Participant", "Участник сессии."),
    ("Participant.id", "Идентификатор: латиница, цифры и `-`."),
    ("Participant.name", "«Фамилия Имя Отчество»."),
    ("Participant.position", "Должность."),
    ("Participant.organisation", "Организация (id)."),
    ("Participant.role", "Роль на сессии."),
    (
        "Participant.cases",
        "Кейсы (id), в которых работал участник.",
    ),
    (
        "Participant.publish",
        "`false` — имя не печатается, только организация и численность.",
    ),
    // indicators.yaml
    ("indicators.yaml", "Целевые показатели Программы."),
    ("Indicator", "Целевой показатель."),
    ("Indicator.id", "Идентификатор: латиница, цифры и `-`."),
    ("Indicator.name", "Наименование показателя."),
    ("Indicator.unit", "Единица измерения: «ед.», «чел.», «%»."),
    (
        "Indicator.direction",
        "Направление: лучше больше или меньше.",
    ),
    ("Indicator.baseline", "Базовое значение: год и значение."),
    ("Indicator.targets", "Плановые значения по годам."),
    (
        "Indicator.actual",
        "Фактические значения по годам: число или `{value, note}` с пояснением отклонения.",
    ),
    ("Indicator.source", "Источник данных."),
    ("Indicator.method", "Методика расчёта."),
    ("Indicator.responsible", "Ответственная организация (id)."),
    ("Indicator.case", "Кейс (id)."),
    // cases/<case>.yaml
    (
        "Case",
        "Кейс: задача, проблемы и предложения группы. Id — имя файла.",
    ),
    ("Case.number", "Порядковый номер в документе, с 1."),
    ("Case.title", "Наименование кейса."),
    ("Case.task", "Задача Программы, которой становится кейс."),
    ("Case.moderators", "Модераторы (id участников)."),
    (
        "Case.moderated_by",
        "Кто модерировал, если не названные лица.",
    ),
    ("Case.problems", "Проблемы, выявленные группой."),
    ("Case.proposals", "Предложения группы."),
    // steps/<case>.yaml
    (
        "steps.yaml",
        "Согласованные мероприятия кейса, в порядке документа.",
    ),
    ("Step", "Мероприятие Программы."),
    (
        "Step.id",
        "Идентификатор, уникальный среди всех мероприятий.",
    ),
    ("Step.title", "Наименование мероприятия."),
    ("Step.description", "Содержание."),
    (
        "Step.deadline",
        "Срок исполнения: `2027-Q2`, `by 2027-12-01`, `annually Q4` или как в документе («до 1 декабря 2027 г.»).",
    ),
    (
        "Step.responsible",
        "Ответственный исполнитель: id или список, первый — головной.",
    ),
    (
        "Step.partners",
        "Соисполнители и партнёры (id организаций).",
    ),
    ("Step.result", "Ожидаемый результат."),
    ("Step.indicators", "Целевые показатели (id)."),
    (
        "Step.proposals",
        "Предложения того же кейса (id), которые выполняет мероприятие.",
    ),
    ("Step.funding", "Финансирование по источникам и годам."),
    ("Step.status", "Согласовано, предложено или спорно."),
    (
        "Step.progress",
        "Ход реализации по отчётным периодам (`2027-Q2`, `2027`).",
    ),
    // Enums.
    ("Status", "Проект или утверждённая Программа."),
    ("Status=draft", "Проект: на каждой странице «ПРОЕКТ»."),
    ("Status=approved", "Утверждена."),
    ("Locale", "Язык подписей, дат и чисел документа."),
    ("Locale=ru", "Русский."),
    ("Locale=en", "Английский."),
    ("Format", "Формат вывода."),
    ("Format=md", "Markdown (GitHub)."),
    ("Format=html", "Одна самодостаточная страница HTML."),
    ("Format=pdf", "PDF с тегами (typst)."),
    ("Format=docx", "Документ Word (DOCX) для сбора замечаний."),
    ("OrgKind", "Вид организации (для подсчёта участников)."),
    ("OrgKind=authority", "Орган государственной власти."),
    ("OrgKind=municipality", "Орган местного самоуправления."),
    ("OrgKind=nko", "Некоммерческая организация."),
    ("OrgKind=business", "Бизнес."),
    ("OrgKind=university", "Вуз."),
    ("OrgKind=foundation", "Фонд."),
    ("OrgKind=media", "СМИ."),
    ("OrgKind=other", "Иное."),
    ("Role", "Роль на сессии."),
    ("Role=speaker", "Докладчик."),
    ("Role=moderator", "Модератор."),
    ("Role=expert", "Эксперт."),
    ("Role=participant", "Участник."),
    ("Direction", "Направление показателя."),
    ("Direction=up", "Лучше больше."),
    ("Direction=down", "Лучше меньше."),
    ("ProposalStatus", "Судьба предложения."),
    (
        "ProposalStatus=accepted",
        "Принято: его должно выполнять какое-либо мероприятие.",
    ),
    ("ProposalStatus=deferred", "Отложено."),
    ("ProposalStatus=rejected", "Отклонено."),
    ("StepStatus", "Статус мероприятия."),
    ("StepStatus=agreed", "Согласовано."),
    ("StepStatus=proposed", "Предложено: отмечается «*»."),
    ("StepStatus=disputed", "Спорно: отмечается «**»."),
    ("FundingSource", "Источник финансирования."),
    ("FundingSource=regional_budget", "Областной бюджет."),
    ("FundingSource=federal_budget", "Федеральный бюджет."),
    ("FundingSource=local_budgets", "Местные бюджеты."),
    ("FundingSource=grants", "Гранты."),
    ("FundingSource=business", "Средства бизнеса."),
    ("FundingSource=nko_own", "Собственные средства НКО."),
    ("FundingSource=none", "Без финансирования."),
    (
        "ProgressStatus",
        "Состояние мероприятия на конец отчётного периода.",
    ),
    ("ProgressStatus=not_started", "Не начато."),
    ("ProgressStatus=in_progress", "Выполняется."),
    ("ProgressStatus=done", "Выполнено."),
    ("ProgressStatus=late", "С отставанием от срока."),
    (
        "ProgressStatus=cancelled",
        "Отменено (причина — в комментарии).",
    ),
    // Values read specially.
    (
        "DateField",
        "Дата: `2026-11-28`, `28.11.2026` или «28 ноября 2026 г.».",
    ),
    (
        "RawDeadline",
        "Срок исполнения: `2027-12-01`, `by 2027-12-01`, `no-later 2027-12-01`, `2027-12`, `2027-Q2`, `2027-Q2..Q4`, `2027-H1`, `2027`, `2027..2029`, `annually`, `annually Q4`, `annually by 02-01`, `quarterly`, `monthly`, `permanent`, или как его печатает документ.",
    ),
];

/// Replaces the descriptions of `schema` (whose root is the definition `root`) by their Russian
/// entries in [`RU`].
fn translate(schema: &mut Value, root: &str) {
    translate_definition(schema, root);
    if let Some(defs) = schema.get_mut("definitions").and_then(Value::as_object_mut) {
        for (name, def) in defs.iter_mut() {
            translate_definition(def, name);
        }
    }
}

fn ru(key: &str) -> Option<&'static str> {
    RU.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn translate_definition(def: &mut Value, name: &str) {
    if let Some(text) = ru(name) {
        def["description"] = text.into();
    }
    if let Some(props) = def.get_mut("properties").and_then(Value::as_object_mut) {
        for (key, prop) in props.iter_mut() {
            if let Some(text) = ru(&format!("{name}.{key}")) {
                prop["description"] = text.into();
            }
        }
    }
    let keywords: Vec<String> = def
        .get("enum")
        .and_then(Value::as_array)
        .map(|values| {
            values
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    if let Some(descriptions) = def
        .get_mut("enumDescriptions")
        .and_then(Value::as_array_mut)
    {
        for (keyword, description) in keywords.iter().zip(descriptions.iter_mut()) {
            if let Some(text) = ru(&format!("{name}={keyword}")) {
                *description = text.into();
            }
        }
    }
}

/// The transform of every keyword enum (`keyword_enum!`): the keywords as one `enum` (an editor
/// completes them, a validator names the allowed values), the description of each in
/// `enumDescriptions` (shown by VS Code beside each completion).
pub(crate) fn keyword_enum(schema: &mut Schema) {
    let Some(variants) = schema.remove("oneOf") else {
        return;
    };
    let variants = variants.as_array().cloned().unwrap_or_default();
    let keywords: Vec<Value> = variants
        .iter()
        .filter_map(|v| v.get("const").or_else(|| v.get("enum")?.get(0)).cloned())
        .collect();
    let descriptions: Vec<Value> = variants
        .iter()
        .map(|v| v.get("description").cloned().unwrap_or_else(|| "".into()))
        .collect();
    schema.insert("type".into(), "string".into());
    schema.insert("enum".into(), keywords.into());
    schema.insert("enumDescriptions".into(), descriptions.into());
}

/// `text` matching its letters in either case (`by` → `[bB][yY]`), as the loader reads dates
/// and deadlines; escapes and character classes are kept as they are (a letter that may vary is
/// written as an alternative, `(?:а|ы)`, not in a class).
fn any_case(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                out.extend(chars.next());
            }
            '[' => {
                in_class = true;
                out.push(c);
            }
            ']' => {
                in_class = false;
                out.push(c);
            }
            c if !in_class && c.is_alphabetic() => {
                let upper: String = c.to_uppercase().collect();
                let lower: String = c.to_lowercase().collect();
                if upper == lower {
                    out.push(c);
                } else {
                    out.push_str(&format!("[{lower}{upper}]"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Spaces of any kind (no-break ones too), one or more.
const S: &str = r"\s+";
/// A four-digit year.
const YEAR: &str = "[0-9]{4}";
/// «г.», «гг.», «года» … after a year.
const YEAR_WORD: &str = r"(?:\s*(?:год(?:а|ы|ов)?|гг?\.?))?";

fn alternatives<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    format!("(?:{})", words.into_iter().collect::<Vec<_>>().join("|"))
}

/// A date in one of the forms of the input format: `2026-11-28`, `28.11.2026`, `28 ноября
/// 2026 г.`, `28 November 2026` (lower case; see [`any_case`]).
fn date_forms() -> String {
    let month = alternatives(ru::MONTHS_GENITIVE.iter().chain(&MONTHS_EN).copied());
    format!(
        "(?:{YEAR}-[0-9]{{2}}-[0-9]{{2}}|[0-9]{{1,2}}\\.[0-9]{{1,2}}\\.{YEAR}|[0-9]{{1,2}}{S}{month}{S}{YEAR}){YEAR_WORD}"
    )
}

/// The pattern of a date field.
pub(crate) fn date_pattern() -> String {
    format!(r"^\s*{}\s*$", any_case(&date_forms()))
}

/// The pattern of a deadline: the grammar of the input format and the deadline as a document
/// prints it, in Russian or English (docs/input-format.md, «Deadlines»), with the liberties the
/// reader takes (letters in any case, any spaces, dashes, «г.»). Whether the date exists, the
/// quarters are in order and the like, `check` says.
pub(crate) fn deadline_pattern() -> String {
    let date = date_forms();
    let month_day = alternatives(ru::MONTHS_GENITIVE.iter().chain(&MONTHS_EN).copied());
    let month = alternatives(ru::MONTHS_NOMINATIVE.iter().chain(&MONTHS_EN).copied());
    let dash = r"\s*[-‐‑‒–—―−]\s*";
    let quarter = "(?:iv|i{1,3}|[1-4])";
    let half = "(?:i{1,2}|[12])";
    let quarter_word = r"(?:квартал(?:а|ы)?|кв\.?)";
    let by = "(?:by|до)";
    let no_later = format!("(?:не{S}позднее|no{S}later(?:{S}than)?|no-later)");
    let annually = r"(?:annually|ежегодно)(?:\s*,\s*|\s+)";
    let forms = [
        format!("(?:{by}{S}|{no_later}{S})?{date}"),
        format!("{YEAR}-[0-9]{{2}}|{month}{S}{YEAR}{YEAR_WORD}"),
        format!("{YEAR}-q[1-4](?:\\s*\\.\\.\\s*q[1-4])?|{YEAR}-h[12]"),
        format!("{quarter}(?:{dash}{quarter})?{S}{quarter_word}{S}{YEAR}{YEAR_WORD}"),
        format!("{half}{S}полугодие{S}{YEAR}{YEAR_WORD}"),
        format!("q[1-4](?:{dash}q[1-4])?{S}{YEAR}|h[12]{S}{YEAR}"),
        format!(r"{YEAR}(?:\s*\.\.\s*{YEAR}|{dash}{YEAR})?{YEAR_WORD}"),
        "annually|ежегодно|quarterly|ежеквартально|monthly|ежемесячно|permanent|постоянно|ongoing"
            .to_owned(),
        format!("{annually}(?:q[1-4]|{quarter}{S}{quarter_word})"),
        format!("{annually}{by}{S}(?:[0-9]{{2}}-[0-9]{{2}}|[0-9]{{1,2}}{S}{month_day})"),
    ];
    format!(
        r"^\s*{}\s*$",
        any_case(&alternatives(forms.iter().map(String::as_str)))
    )
}

/// The pattern of a report period: `2027` or `2027-Q2`, exactly.
pub(crate) const PERIOD_PATTERN: &str = "^[0-9]{4}(?:-Q[1-4])?$";

impl JsonSchema for DateField {
    fn schema_name() -> Cow<'static, str> {
        "DateField".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A date: `2026-11-28`, `28.11.2026` or as printed, `28 ноября 2026 г.`, `28 November 2026`.",
            "pattern": date_pattern(),
        })
    }
}

impl JsonSchema for RawDeadline {
    fn schema_name() -> Cow<'static, str> {
        "RawDeadline".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // A bare year may be written as a number (`deadline: 2027`).
        json_schema!({
            "type": ["string", "integer"],
            "description": "A deadline: `2027-12-01`, `by 2027-12-01`, `no-later 2027-12-01`, `2027-12`, `2027-Q2`, `2027-Q2..Q4`, `2027-H1`, `2027`, `2027..2029`, `annually`, `annually Q4`, `annually by 02-01`, `quarterly`, `monthly`, `permanent`, or as a document prints it.",
            "pattern": deadline_pattern(),
            "minimum": 1000,
            "maximum": 9999,
        })
    }
}

impl JsonSchema for PeriodKey {
    fn schema_name() -> Cow<'static, str> {
        "PeriodKey".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A report period: a year, `2027`, or a quarter, `2027-Q2`.",
            "pattern": PERIOD_PATTERN,
        })
    }
}

impl JsonSchema for Revision {
    fn schema_name() -> Cow<'static, str> {
        "Revision".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let date = generator.subschema_for::<DateField>();
        json_schema!({
            "description": "A date, or a mapping with `date` and `label`.",
            "anyOf": [
                date.clone(),
                {
                    "type": "object",
                    "properties": {
                        "date": date,
                        "label": {
                            "type": "string",
                            "description": "What occasioned the edition, continuing «(редакция от … г. …)».",
                        },
                    },
                    "required": ["date"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

impl JsonSchema for Actual {
    fn schema_name() -> Cow<'static, str> {
        "Actual".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A number, or a mapping with `value` and `note`.",
            "anyOf": [
                { "type": "number" },
                {
                    "type": "object",
                    "properties": {
                        "value": { "type": "number", "description": "The value reached." },
                        "note": {
                            "type": "string",
                            "description": "Why it differs from the target, when it does.",
                        },
                    },
                    "required": ["value"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

impl JsonSchema for OneOrMany {
    fn schema_name() -> Cow<'static, str> {
        "OneOrMany".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An organisation id or a list of them.",
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } },
            ],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, text: &str) -> bool {
        jsonschema::is_valid(&serde_json::json!({ "pattern": pattern }), &text.into())
    }

    #[test]
    fn any_case_keeps_escapes_and_classes() {
        assert_eq!(any_case(r"by\s+[0-9]\.д"), r"[bB][yY]\s+[0-9]\.[дД]");
    }

    #[test]
    fn dates_in_every_form() {
        let p = date_pattern();
        for ok in [
            "2026-11-28",
            "28.11.2026",
            "1.12.2027",
            "28 ноября 2026 г.",
            "28 ноября 2026 года",
            "28\u{a0}November\u{a0}2026",
            " 28 НОЯБРЯ 2026г. ",
            // Exists or not, `check` says.
            "2026-11-31",
        ] {
            assert!(matches(&p, ok), "{ok}");
        }
        for bad in [
            "2026/11/28",
            "2026-1-5",
            "28.11.26",
            "28 нояб 2026",
            "soon",
            "",
        ] {
            assert!(!matches(&p, bad), "{bad}");
        }
    }

    #[test]
    fn modelines_are_relative() {
        assert_eq!(
            SchemaFile::Programme.modeline("programme.yaml"),
            "# yaml-language-server: $schema=.schema/programme.schema.json"
        );
        assert_eq!(
            SchemaFile::Steps.modeline("steps/partnership.yaml"),
            "# yaml-language-server: $schema=../.schema/steps.schema.json"
        );
        assert_eq!(
            SchemaFile::for_input("cases/a.yaml"),
            Some(SchemaFile::Case)
        );
        assert_eq!(SchemaFile::for_input("templates/body.md"), None);
        for file in SchemaFile::ALL {
            assert_eq!(
                file.path_in_programme(),
                format!("{SCHEMA_DIR}/{}", file.file_name())
            );
        }
    }

    /// Every Russian entry names a description that exists: none is left behind when a key is
    /// renamed; every key at the top of a file and every keyword has one.
    #[test]
    fn the_russian_catalogue_fits_the_schemas() {
        let mut slots = Vec::new();
        for file in SchemaFile::ALL {
            let schema: Value = serde_json::from_str(&file.generate(Locale::En)).unwrap();
            let mut defs: Vec<(String, &Value)> = schema["definitions"]
                .as_object()
                .map(|d| d.iter().map(|(k, v)| (k.clone(), v)).collect())
                .unwrap_or_default();
            let root = match file {
                SchemaFile::Programme => "Programme".to_owned(),
                SchemaFile::Session => "Session".to_owned(),
                SchemaFile::Case => "Case".to_owned(),
                _ => file.file_name().replace(".schema.json", ".yaml"),
            };
            defs.push((root, &schema));
            for (name, def) in defs {
                slots.push(name.clone());
                let top = [
                    "Programme",
                    "Session",
                    "Case",
                    "Organisation",
                    "Participant",
                ]
                .contains(&name.as_str())
                    || ["Indicator", "Step"].contains(&name.as_str());
                for key in def["properties"].as_object().into_iter().flatten() {
                    let slot = format!("{name}.{}", key.0);
                    if top {
                        assert!(ru(&slot).is_some(), "no Russian for {slot}");
                    }
                    slots.push(slot);
                }
                for keyword in def["enum"].as_array().into_iter().flatten() {
                    let slot = format!("{name}={}", keyword.as_str().unwrap());
                    assert!(ru(&slot).is_some(), "no Russian for {slot}");
                    slots.push(slot);
                }
            }
        }
        for (key, _) in RU {
            assert!(slots.iter().any(|s| s == key), "{key} describes nothing");
        }
    }

    #[test]
    fn generated_twice_the_same() {
        for file in SchemaFile::ALL {
            for locale in [Locale::En, Locale::Ru] {
                assert_eq!(file.generate(locale), file.generate(locale));
            }
        }
    }
}
