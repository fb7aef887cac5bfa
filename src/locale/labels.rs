//! The fixed words of the document in each language: headings, column names, row labels.

use serde::{Deserialize, Serialize};

use super::Locale;
use super::ru::Forms;

/// Every fixed label of the document. Templates print these; the view model picks them.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Labels {
    /// «ПРОЕКТ».
    pub draft: &'static str,
    /// «УТВЕРЖДЕНА»: the first line of the approval stamp (agrees with «Программа»).
    pub approved: &'static str,
    /// «Содержание».
    pub contents: &'static str,
    /// «Перейти к содержанию» (the skip link).
    pub skip_to_content: &'static str,
    /// «Перечень сокращений».
    pub abbreviations: &'static str,
    /// Column «№».
    pub col_no: &'static str,
    /// The number sign before an annex number, with its space («№ »; nothing in English).
    pub number_sign: &'static str,
    /// Column: abbreviation.
    pub col_abbreviation: &'static str,
    /// Column: full name.
    pub col_full_name: &'static str,
    /// Section 1.
    pub passport: &'static str,
    /// Column headers of the passport table.
    pub col_parameter: &'static str,
    /// Column header: value.
    pub col_value: &'static str,
    /// Passport rows.
    pub p_name: &'static str,
    /// Основания для разработки.
    pub p_basis: &'static str,
    /// Разработчики.
    pub p_developers: &'static str,
    /// Ответственный исполнитель.
    pub p_responsible: &'static str,
    /// Соисполнители.
    pub p_co_executors: &'static str,
    /// Цели.
    pub p_goals: &'static str,
    /// Задачи.
    pub p_tasks: &'static str,
    /// Сроки и этапы реализации.
    pub p_period: &'static str,
    /// Целевые показатели.
    pub p_indicators: &'static str,
    /// Объёмы и источники финансирования.
    pub p_funding: &'static str,
    /// Ожидаемые результаты.
    pub p_results: &'static str,
    /// Section 2.
    pub general: &'static str,
    /// Subheading: the current state.
    pub current_state: &'static str,
    /// Subheading: the session.
    pub session: &'static str,
    /// Session facts.
    pub s_title: &'static str,
    /// Дата проведения.
    pub s_date: &'static str,
    /// Место проведения.
    pub s_venue: &'static str,
    /// Инициаторы.
    pub s_initiators: &'static str,
    /// Поддержка.
    pub s_support: &'static str,
    /// Соорганизаторы.
    pub s_partners: &'static str,
    /// Программа.
    pub s_programme: &'static str,
    /// Ключевая задача.
    pub s_purpose: &'static str,
    /// Участники.
    pub s_participants: &'static str,
    /// Caption of the participant counts table.
    pub participants_by_kind: &'static str,
    /// Column: kind of organisation.
    pub col_kind: &'static str,
    /// Column: organisations.
    pub col_organisations: &'static str,
    /// Column: participants.
    pub col_participants: &'static str,
    /// «Итого».
    pub total: &'static str,
    /// Subheading: agreements.
    pub agreements_signed: &'static str,
    /// Section 3.
    pub cases: &'static str,
    /// «Задача Программы».
    pub case_task: &'static str,
    /// «Модераторы».
    pub case_moderators: &'static str,
    /// «Выявленные проблемы».
    pub case_problems: &'static str,
    /// «Предложения группы».
    pub case_proposals: &'static str,
    /// «Предложения группы по кейсу» (caption, followed by the case number).
    pub proposals_of_case: &'static str,
    /// Column: proposal.
    pub col_proposal: &'static str,
    /// Column: votes.
    pub col_votes: &'static str,
    /// Column: decision.
    pub col_decision: &'static str,
    /// Column: steps carrying it out.
    pub col_steps: &'static str,
    /// «Мероприятия по кейсу не предложены».
    pub no_steps: &'static str,
    /// Section 4.
    pub goals: &'static str,
    /// «Цели Программы».
    pub goals_heading: &'static str,
    /// «Задачи Программы».
    pub tasks_heading: &'static str,
    /// «Ожидаемые конечные результаты».
    pub results_heading: &'static str,
    /// «Задача».
    pub task: &'static str,
    /// Section 5.
    pub steps: &'static str,
    /// Steps table columns.
    pub col_number: &'static str,
    /// Наименование мероприятия.
    pub col_step: &'static str,
    /// Срок исполнения.
    pub col_deadline: &'static str,
    /// Ответственный исполнитель.
    pub col_responsible: &'static str,
    /// Соисполнители, партнёры.
    pub col_partners: &'static str,
    /// Ожидаемый результат.
    pub col_result: &'static str,
    /// Показатель (№).
    pub col_indicator_refs: &'static str,
    /// «Содержание мероприятий» (descriptions after the steps table).
    pub step_details: &'static str,
    /// Section 6.
    pub indicators: &'static str,
    /// Наименование показателя.
    pub col_indicator: &'static str,
    /// Ед. изм.
    pub col_unit: &'static str,
    /// Базовое значение (год).
    pub col_baseline: &'static str,
    /// «Ответственный» (indicators table).
    pub col_indicator_responsible: &'static str,
    /// The list under the indicators table: where each indicator's values come from.
    pub indicator_notes: &'static str,
    /// «Показатель» before an indicator's number in that list.
    pub indicator_word: &'static str,
    /// «источник информации».
    pub indicator_source: &'static str,
    /// «методика расчёта».
    pub indicator_method: &'static str,
    /// After the name of an indicator that should go down.
    pub indicator_down: &'static str,
    /// Section 7.
    pub resources: &'static str,
    /// Column: source.
    pub col_source: &'static str,
    /// Column: total.
    pub col_total: &'static str,
    /// «тыс. рублей».
    pub thousand_roubles: &'static str,
    /// Caption of the resources table.
    pub resources_caption: &'static str,
    /// «Реализация Программы не требует дополнительного финансирования».
    pub no_funding: &'static str,
    /// Section 8.
    pub implementation: &'static str,
    /// Section 9.
    pub risks: &'static str,
    /// Column: risk.
    pub col_risk: &'static str,
    /// Column: mitigation.
    pub col_mitigation: &'static str,
    /// «Приложение».
    pub annex: &'static str,
    /// «к Программе».
    pub annex_to: &'static str,
    /// Annex 1.
    pub annex_participants: &'static str,
    /// Column: name.
    pub col_person: &'static str,
    /// Column: position.
    pub col_position: &'static str,
    /// Column: organisation.
    pub col_organisation: &'static str,
    /// Column: role.
    pub col_role: &'static str,
    /// Annex 2.
    pub annex_agreements: &'static str,
    /// Column: agreement.
    pub col_agreement: &'static str,
    /// Column: date.
    pub col_date: &'static str,
    /// Column: parties.
    pub col_parties: &'static str,
    /// Column: subject.
    pub col_subject: &'static str,
    /// Annex 3.
    pub annex_matrix: &'static str,
    /// The last annex: the sign-off sheet.
    pub annex_sign_off: &'static str,
    /// Column of the sign-off sheet: the signatory's name.
    pub col_name: &'static str,
    /// Column of the sign-off sheet: the signature, empty for signing on paper.
    pub col_signature: &'static str,
    /// Column of the list of steps: funding.
    pub col_step_funding: &'static str,
    /// Passport row: the organisations taking part in the steps.
    pub p_participants: &'static str,
    /// After the period in the passport: the programme has one stage.
    pub one_stage: &'static str,
    /// Under the list of steps: what «*» means.
    pub note_proposed: &'static str,
    /// Under the list of steps: what «**» means.
    pub note_disputed: &'static str,
    /// Under the list of steps when every step is proposed.
    pub note_all_proposed: &'static str,
    /// Under the list of steps when every step is disputed.
    pub note_all_disputed: &'static str,
    /// Column: steps as lead.
    pub col_as_lead: &'static str,
    /// Column: steps as partner.
    pub col_as_partner: &'static str,
    /// «Стр.» (page label, PDF).
    pub page: &'static str,
    /// The caption of the roadmap chart that opens the list of steps.
    pub roadmap: &'static str,
    /// The caption of the roadmap's data table.
    pub roadmap_table: &'static str,
    /// Column of the roadmap's table: the step (shorter than the list's own header).
    pub col_roadmap_step: &'static str,
    /// Column of the roadmap's table: the quarters marked on the chart.
    pub col_quarters: &'static str,
    /// Legend of the roadmap: a deadline over a stretch of time.
    pub roadmap_span: &'static str,
    /// The row of a task on the roadmap of a programme too large for a row per step: all its
    /// steps, their count in brackets after it.
    pub roadmap_all_steps: &'static str,
    /// Legend of the roadmap: a deadline on or by a day (a milestone).
    pub roadmap_milestone: &'static str,
    /// Legend of the roadmap: a recurring deadline.
    pub roadmap_recurring: &'static str,
    /// The quarters of a quarterly or monthly step, before the period: «каждый квартал».
    pub every_quarter: &'static str,
    /// «кв.», after a Roman quarter number (Russian only; English writes «Q2»).
    pub quarter_short: &'static str,
    /// In the Markdown, in place of a chart: where to see the picture.
    pub chart_elsewhere: &'static str,
}

/// Russian labels.
pub(crate) const RU: Labels = Labels {
    draft: "ПРОЕКТ",
    approved: "УТВЕРЖДЕНА",
    contents: "Содержание",
    skip_to_content: "Перейти к тексту Программы",
    abbreviations: "Перечень сокращений",
    col_no: "№",
    number_sign: "№\u{a0}",
    col_abbreviation: "Сокращение",
    col_full_name: "Полное наименование",
    passport: "Паспорт Программы",
    col_parameter: "Параметр",
    col_value: "Значение",
    p_name: "Наименование Программы",
    p_basis: "Основания для разработки",
    p_developers: "Разработчики Программы",
    p_responsible: "Ответственный исполнитель",
    p_co_executors: "Соисполнители",
    p_goals: "Цели Программы",
    p_tasks: "Задачи Программы",
    p_period: "Сроки и этапы реализации",
    p_indicators: "Целевые показатели",
    p_funding: "Объёмы и источники финансирования",
    p_results: "Ожидаемые конечные результаты",
    general: "Общая характеристика сферы реализации Программы",
    current_state: "Оценка текущего состояния",
    session: "Стратегическая сессия",
    s_title: "Мероприятие",
    s_date: "Дата проведения",
    s_venue: "Место проведения",
    s_initiators: "Инициаторы",
    s_support: "Поддержка",
    s_partners: "Соорганизаторы",
    s_programme: "Программа",
    s_purpose: "Ключевая задача сессии",
    s_participants: "Участники",
    participants_by_kind: "Участники сессии по видам организаций",
    col_kind: "Вид организации",
    col_organisations: "Организаций",
    col_participants: "Участников",
    total: "Итого",
    agreements_signed: "Соглашения, подписанные в ходе сессии",
    cases: "Итоги работы по кейсам",
    case_task: "Задача Программы",
    case_moderators: "Модераторы",
    case_problems: "Выявленные проблемы",
    case_proposals: "Предложения группы",
    proposals_of_case: "Предложения группы по кейсу",
    col_proposal: "Предложение",
    col_votes: "Голосов",
    col_decision: "Решение",
    col_steps: "Мероприятия",
    no_steps: "Мероприятия по кейсу пока не предложены.",
    goals: "Цели, задачи и ожидаемые результаты",
    goals_heading: "Цели Программы",
    tasks_heading: "Задачи Программы",
    results_heading: "Ожидаемые конечные результаты",
    task: "Задача",
    steps: "Перечень мероприятий Программы",
    col_number: "№ п/п",
    col_step: "Наименование мероприятия",
    col_deadline: "Срок исполнения",
    col_responsible: "Ответственный исполнитель",
    col_partners: "Соисполнители, партнёры",
    col_result: "Ожидаемый результат",
    col_indicator_refs: "Показатель (№)",
    step_details: "Содержание мероприятий",
    indicators: "Целевые показатели Программы",
    col_indicator: "Наименование показателя",
    col_unit: "Ед. изм.",
    col_baseline: "Базовое значение (год)",
    col_indicator_responsible: "Ответственный",
    indicator_notes: "Источники информации и методика расчёта показателей",
    indicator_word: "Показатель",
    indicator_source: "источник информации",
    indicator_method: "методика расчёта",
    indicator_down: "(целевая динамика — снижение)",
    resources: "Ресурсное обеспечение Программы",
    col_source: "Источник финансирования",
    col_total: "Всего",
    thousand_roubles: "тыс.\u{a0}рублей",
    resources_caption: "Объёмы финансирования по источникам и годам, тыс.\u{a0}рублей",
    no_funding: "Реализация Программы не требует дополнительного финансирования.",
    implementation: "Механизм реализации Программы и контроль за ходом её реализации",
    risks: "Риски реализации Программы",
    col_risk: "Риск",
    col_mitigation: "Меры по снижению риска",
    annex: "Приложение",
    annex_to: "к Программе",
    annex_participants: "Список участников стратегической сессии",
    col_person: "Фамилия, имя, отчество",
    col_position: "Должность",
    col_organisation: "Организация",
    col_role: "Роль",
    annex_agreements: "Соглашения, подписанные в ходе сессии",
    col_agreement: "Соглашение",
    col_date: "Дата",
    col_parties: "Стороны",
    col_subject: "Предмет",
    annex_matrix: "Матрица ответственности",
    annex_sign_off: "Лист согласования",
    col_name: "Ф.\u{a0}И.\u{a0}О.",
    col_signature: "Подпись",
    col_step_funding: "Объём финансирования, тыс.\u{a0}руб.",
    p_participants: "Участники Программы",
    one_stage: "в\u{a0}один этап",
    note_proposed: "*\u{a0}— мероприятие предложено рабочей группой стратегической сессии и требует согласования с исполнителями.",
    note_disputed: "**\u{a0}— по мероприятию мнения участников сессии разошлись, оно требует согласования.",
    note_all_proposed: "Все мероприятия предложены рабочими группами стратегической сессии и требуют согласования с исполнителями.",
    note_all_disputed: "По всем мероприятиям мнения участников сессии разошлись, они требуют согласования.",
    col_as_lead: "Ответственный исполнитель (№ мероприятий)",
    col_as_partner: "Соисполнитель, партнёр (№ мероприятий)",
    page: "Стр.",
    roadmap: "Дорожная карта реализации Программы",
    roadmap_table: "Сроки мероприятий по кварталам",
    col_roadmap_step: "Мероприятие",
    col_quarters: "Кварталы",
    roadmap_span: "период выполнения",
    roadmap_all_steps: "Все мероприятия задачи",
    roadmap_milestone: "срок завершения",
    roadmap_recurring: "регулярно",
    every_quarter: "каждый квартал",
    quarter_short: "кв.",
    chart_elsewhere: "Схема приведена в HTML-, PDF- и DOCX-версиях документа; ниже те же сведения таблицей.",
};

/// English labels.
pub(crate) const EN: Labels = Labels {
    draft: "DRAFT",
    approved: "APPROVED",
    contents: "Contents",
    skip_to_content: "Skip to the programme text",
    abbreviations: "Abbreviations",
    col_no: "No.",
    number_sign: "",
    col_abbreviation: "Abbreviation",
    col_full_name: "Full name",
    passport: "Programme summary",
    col_parameter: "Item",
    col_value: "Details",
    p_name: "Title of the Programme",
    p_basis: "Grounds for drafting",
    p_developers: "Drafted by",
    p_responsible: "Responsible executor",
    p_co_executors: "Co-executors",
    p_goals: "Goals",
    p_tasks: "Tasks",
    p_period: "Period and stages",
    p_indicators: "Target indicators",
    p_funding: "Funding and its sources",
    p_results: "Expected results",
    general: "The area of the Programme",
    current_state: "Current state",
    session: "The strategic session",
    s_title: "Event",
    s_date: "Date",
    s_venue: "Venue",
    s_initiators: "Initiated by",
    s_support: "Supported by",
    s_partners: "Co-organisers",
    s_programme: "Programme",
    s_purpose: "Purpose of the session",
    s_participants: "Participants",
    participants_by_kind: "Participants by kind of organisation",
    col_kind: "Kind of organisation",
    col_organisations: "Organisations",
    col_participants: "Participants",
    total: "Total",
    agreements_signed: "Agreements signed at the session",
    cases: "Results of the case tracks",
    case_task: "Task of the Programme",
    case_moderators: "Moderators",
    case_problems: "Problems identified",
    case_proposals: "Proposals of the group",
    proposals_of_case: "Proposals of the group, case",
    col_proposal: "Proposal",
    col_votes: "Votes",
    col_decision: "Decision",
    col_steps: "Steps",
    no_steps: "No steps have been proposed for this case yet.",
    goals: "Goals, tasks and expected results",
    goals_heading: "Goals of the Programme",
    tasks_heading: "Tasks of the Programme",
    results_heading: "Expected results",
    task: "Task",
    steps: "Steps of the Programme",
    col_number: "No.",
    col_step: "Step",
    col_deadline: "Deadline",
    col_responsible: "Responsible",
    col_partners: "Co-executors, partners",
    col_result: "Expected result",
    col_indicator_refs: "Indicator (No.)",
    step_details: "What the steps involve",
    indicators: "Target indicators of the Programme",
    col_indicator: "Indicator",
    col_unit: "Unit",
    col_baseline: "Baseline (year)",
    col_indicator_responsible: "Responsible",
    indicator_notes: "Sources of data and methods of calculation",
    indicator_word: "Indicator",
    indicator_source: "source of data",
    indicator_method: "method of calculation",
    indicator_down: "(to decrease)",
    resources: "Resources of the Programme",
    col_source: "Source of funding",
    col_total: "Total",
    thousand_roubles: "thousand roubles",
    resources_caption: "Funding by source and year, thousand roubles",
    no_funding: "The Programme needs no additional funding.",
    implementation: "Implementation and monitoring of the Programme",
    risks: "Risks of the Programme",
    col_risk: "Risk",
    col_mitigation: "Mitigation",
    annex: "Annex",
    annex_to: "to the Programme",
    annex_participants: "Participants of the strategic session",
    col_person: "Name",
    col_position: "Position",
    col_organisation: "Organisation",
    col_role: "Role",
    annex_agreements: "Agreements signed at the session",
    col_agreement: "Agreement",
    col_date: "Date",
    col_parties: "Parties",
    col_subject: "Subject",
    annex_matrix: "Responsibility matrix",
    annex_sign_off: "Approval sheet",
    col_name: "Name",
    col_signature: "Signature",
    col_step_funding: "Funding, thousand roubles",
    p_participants: "Participants of the Programme",
    one_stage: "in one stage",
    note_proposed: "* Proposed by a working group of the strategic session; to be agreed with the executors.",
    note_disputed: "** The participants of the session disagreed on this step; it is to be agreed.",
    note_all_proposed: "All the steps were proposed by the working groups of the strategic session and are to be agreed with their executors.",
    note_all_disputed: "The participants of the session disagreed on every step; they are all to be agreed.",
    col_as_lead: "Responsible executor (steps No.)",
    col_as_partner: "Co-executor, partner (steps No.)",
    page: "Page",
    roadmap: "Roadmap of the Programme",
    roadmap_table: "Steps by quarter",
    col_roadmap_step: "Step",
    col_quarters: "Quarters",
    roadmap_span: "in progress",
    roadmap_all_steps: "All the steps of the task",
    roadmap_milestone: "due",
    roadmap_recurring: "recurring",
    every_quarter: "every quarter",
    quarter_short: "",
    chart_elsewhere: "The chart is in the HTML, PDF and DOCX versions of the document; the table below gives the same facts.",
};

impl Locale {
    /// The labels of this locale, typeset once ([`super::typography::labels`]).
    pub fn labels(self) -> &'static Labels {
        static TYPESET: std::sync::LazyLock<[Labels; 2]> = std::sync::LazyLock::new(|| {
            [
                super::typography::labels(&RU, Locale::Ru),
                super::typography::labels(&EN, Locale::En),
            ]
        });
        match self {
            Locale::Ru => &TYPESET[0],
            Locale::En => &TYPESET[1],
        }
    }
}

/// The fixed words of the comparison table between two drafts (`nko-draft diff`): its title,
/// its columns and the names of the elements it lists.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ComparisonLabels {
    /// «Сравнительная таблица изменений проекта Программы».
    pub title: &'static str,
    /// The skip link of the HTML page: «Перейти к таблице».
    pub skip_to_content: &'static str,
    /// «Предыдущая редакция».
    pub old: &'static str,
    /// «Новая редакция».
    pub new: &'static str,
    /// «проект от» before the date of a draft.
    pub draft_of: &'static str,
    /// «редакция от» before the date of a programme that is no draft.
    pub version_of: &'static str,
    /// «проект» before the revision line of a draft that has one: «проект (редакция от …)».
    pub draft: &'static str,
    /// The element of the title page's mark: «ПРОЕКТ» or the approval stamp.
    pub title_page_status: &'static str,
    /// Column «№».
    pub col_no: &'static str,
    /// Column «Элемент».
    pub col_element: &'static str,
    /// Column «Было».
    pub col_before: &'static str,
    /// Column «Стало».
    pub col_after: &'static str,
    /// The empty side of an element that was added or removed.
    pub nothing: &'static str,
    /// Printed in place of the table when the drafts do not differ.
    pub no_changes: &'static str,
    /// «Паспорт» before a passport row's label.
    pub passport: &'static str,
    /// «Цель», followed by its number.
    pub goal: &'static str,
    /// «Задача», followed by its number.
    pub task: &'static str,
    /// «Ожидаемый результат», followed by its number.
    pub result: &'static str,
    /// «Мероприятие», followed by its number.
    pub step: &'static str,
    /// Fields of a step, as they follow «Мероприятие 2.3, ».
    pub step_title: &'static str,
    /// The step's task.
    pub step_task: &'static str,
    /// The step's status.
    pub step_status: &'static str,
    /// The step's deadline.
    pub step_deadline: &'static str,
    /// The step's responsible organisations.
    pub step_responsible: &'static str,
    /// The step's partners.
    pub step_partners: &'static str,
    /// The step's funding.
    pub step_funding: &'static str,
    /// The step's expected result.
    pub step_result: &'static str,
    /// The step's indicators.
    pub step_indicators: &'static str,
    /// The step's description.
    pub step_description: &'static str,
    /// The statuses of a step: agreed, proposed, disputed.
    pub statuses: [&'static str; 3],
    /// «Показатель», followed by its number.
    pub indicator: &'static str,
    /// Fields of an indicator.
    pub indicator_name: &'static str,
    /// The indicator's unit.
    pub indicator_unit: &'static str,
    /// The indicator's baseline.
    pub indicator_baseline: &'static str,
    /// The organisation responsible for the indicator.
    pub indicator_responsible: &'static str,
    /// «Ресурсное обеспечение».
    pub resources: &'static str,
    /// «итого» (the row of totals).
    pub total_row: &'static str,
    /// «всего» (the column of totals).
    pub total_column: &'static str,
    /// «Риск», followed by its number.
    pub risk: &'static str,
    /// «Сокращение», followed by the abbreviation.
    pub abbreviation: &'static str,
    /// «Участник сессии», followed by its number in the annex.
    pub participant: &'static str,
}

/// Russian words of the comparison table.
pub(crate) const COMPARISON_RU: ComparisonLabels = ComparisonLabels {
    title: "Сравнительная таблица изменений проекта Программы",
    skip_to_content: "Перейти к таблице изменений",
    old: "Предыдущая редакция",
    new: "Новая редакция",
    draft_of: "проект от",
    version_of: "редакция от",
    draft: "проект",
    title_page_status: "Титульный лист: статус",
    col_no: "№",
    col_element: "Элемент",
    col_before: "Было",
    col_after: "Стало",
    nothing: "—",
    no_changes: "Редакции не различаются: изменений нет.",
    passport: "Паспорт",
    goal: "Цель",
    task: "Задача",
    result: "Ожидаемый результат",
    step: "Мероприятие",
    step_title: "наименование",
    step_task: "задача",
    step_status: "статус",
    step_deadline: "срок исполнения",
    step_responsible: "ответственный исполнитель",
    step_partners: "соисполнители, партнёры",
    step_funding: "объём финансирования, тыс.\u{a0}руб.",
    step_result: "ожидаемый результат",
    step_indicators: "показатели (№)",
    step_description: "содержание",
    statuses: [
        "согласовано",
        "предложено рабочей группой, требует согласования",
        "мнения разошлись, требует согласования",
    ],
    indicator: "Показатель",
    indicator_name: "наименование",
    indicator_unit: "единица измерения",
    indicator_baseline: "базовое значение",
    indicator_responsible: "ответственный",
    resources: "Ресурсное обеспечение",
    total_row: "итого",
    total_column: "всего",
    risk: "Риск",
    abbreviation: "Сокращение",
    participant: "Участник сессии",
};

/// English words of the comparison table.
pub(crate) const COMPARISON_EN: ComparisonLabels = ComparisonLabels {
    title: "Comparison table of changes to the draft Programme",
    skip_to_content: "Skip to the table of changes",
    old: "Previous version",
    new: "New version",
    draft_of: "draft of",
    version_of: "version of",
    draft: "draft",
    title_page_status: "Title page: status",
    col_no: "No.",
    col_element: "Element",
    col_before: "Before",
    col_after: "After",
    nothing: "—",
    no_changes: "The versions do not differ: there are no changes.",
    passport: "Summary",
    goal: "Goal",
    task: "Task",
    result: "Expected result",
    step: "Step",
    step_title: "title",
    step_task: "task",
    step_status: "status",
    step_deadline: "deadline",
    step_responsible: "responsible",
    step_partners: "co-executors, partners",
    step_funding: "funding, thousand roubles",
    step_result: "expected result",
    step_indicators: "indicators (No.)",
    step_description: "description",
    statuses: [
        "agreed",
        "proposed by a working group, to be agreed",
        "disputed, to be agreed",
    ],
    indicator: "Indicator",
    indicator_name: "name",
    indicator_unit: "unit",
    indicator_baseline: "baseline",
    indicator_responsible: "responsible",
    resources: "Resources",
    total_row: "total",
    total_column: "all years",
    risk: "Risk",
    abbreviation: "Abbreviation",
    participant: "Session participant",
};

impl Locale {
    /// The words of the comparison table in this locale (written typeset: no-break spaces
    /// where the typography of the document puts them).
    pub fn comparison_labels(self) -> &'static ComparisonLabels {
        match self {
            Locale::Ru => &COMPARISON_RU,
            Locale::En => &COMPARISON_EN,
        }
    }
}

/// The fixed words of the implementation report (`nko-draft report`): its headings, its
/// columns, the statuses of a step and the notes of its tables.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ReportLabels {
    /// The skip link of the HTML page: «Перейти к отчёту».
    pub skip_to_content: &'static str,
    /// Section 1: «Общие сведения».
    pub summary: &'static str,
    /// Section 2: «Сведения о выполнении мероприятий».
    pub steps: &'static str,
    /// Section 3: «Мероприятия, не выполненные в срок».
    pub overdue: &'static str,
    /// Section 4: «Сведения о достижении значений целевых показателей».
    pub indicators: &'static str,
    /// Section 5: «Сведения об использовании ресурсов».
    pub resources: &'static str,
    /// Facts of section 1: the programme.
    pub f_programme: &'static str,
    /// The responsible executor.
    pub f_responsible: &'static str,
    /// Whether the programme is approved.
    pub f_status: &'static str,
    /// The period of the report.
    pub f_period: &'static str,
    /// The date of the report.
    pub f_date: &'static str,
    /// «проект, не утверждена»: the status of a programme that is still a draft.
    pub programme_draft: &'static str,
    /// Column «№ п/п».
    pub col_no: &'static str,
    /// Column: the step.
    pub col_step: &'static str,
    /// Column: its deadline.
    pub col_deadline: &'static str,
    /// Column: its status.
    pub col_status: &'static str,
    /// Column: the day it was done.
    pub col_done_on: &'static str,
    /// Column: what was done (the comment).
    pub col_comment: &'static str,
    /// Column: the responsible executor.
    pub col_responsible: &'static str,
    /// Column: the indicator.
    pub col_indicator: &'static str,
    /// Column: its unit.
    pub col_unit: &'static str,
    /// Column: the plan.
    pub col_plan: &'static str,
    /// Column: the fact.
    pub col_fact: &'static str,
    /// Column: the percent of the plan.
    pub col_percent: &'static str,
    /// Column: the explanation of a deviation.
    pub col_note: &'static str,
    /// Column: the source of funding.
    pub col_source: &'static str,
    /// Column: the money spent.
    pub col_spent: &'static str,
    /// The row of totals.
    pub total: &'static str,
    /// «тыс. рублей».
    pub unit: &'static str,
    /// A step without a progress entry for the period.
    pub status_no_data: &'static str,
    /// The statuses of a step: not started, in progress, done, late, cancelled.
    pub statuses: [&'static str; 5],
    /// Printed for a deviation over 5 % that nobody explained.
    pub no_note: &'static str,
    /// Printed for an indicator that is not yet measured.
    pub no_fact: &'static str,
    /// Printed in place of the steps table when no step is due.
    pub no_steps: &'static str,
    /// Printed in place of the overdue table when every step is on time.
    pub no_overdue: &'static str,
    /// Printed in place of the indicators table when there are none.
    pub no_indicators: &'static str,
    /// Printed in place of the resources table when no money is planned or spent.
    pub no_funding: &'static str,
    /// The note under the indicators table on indicators where less is better.
    pub note_down: &'static str,
    /// The mark of such an indicator.
    pub mark_down: &'static str,
    /// The caption of the chart of plan against fact per indicator.
    pub chart_plan_fact: &'static str,
    /// The unit of its axis: percent of the plan.
    pub chart_percent_unit: &'static str,
    /// The caption of the chart of the steps by status.
    pub chart_status: &'static str,
    /// The caption of its data table.
    pub status_table: &'static str,
    /// Column of that table: how many steps.
    pub col_count: &'static str,
    /// The Markdown's sentence in place of a chart.
    pub chart_elsewhere: &'static str,
}

/// Russian words of the implementation report.
pub(crate) const REPORT_RU: ReportLabels = ReportLabels {
    skip_to_content: "Перейти к отчёту",
    summary: "Общие сведения",
    steps: "Сведения о выполнении мероприятий",
    overdue: "Мероприятия, не выполненные в срок",
    indicators: "Сведения о достижении значений целевых показателей",
    resources: "Сведения об использовании ресурсов",
    f_programme: "Программа",
    f_responsible: "Ответственный исполнитель",
    f_status: "Статус Программы",
    f_period: "Отчётный период",
    f_date: "Дата отчёта",
    programme_draft: "проект, не утверждена",
    col_no: "№ п/п",
    col_step: "Наименование мероприятия",
    col_deadline: "Срок исполнения",
    col_status: "Статус",
    col_done_on: "Дата выполнения",
    col_comment: "Информация о выполнении",
    col_responsible: "Ответственный исполнитель",
    col_indicator: "Наименование показателя",
    col_unit: "Единица измерения",
    col_plan: "План",
    col_fact: "Факт",
    col_percent: "Выполнение плана",
    col_note: "Пояснение отклонения",
    col_source: "Источник финансирования",
    col_spent: "Использовано",
    total: "Итого",
    unit: "тыс.\u{a0}рублей",
    status_no_data: "сведения не представлены",
    statuses: [
        "не начато",
        "выполняется",
        "выполнено",
        "выполняется с нарушением срока",
        "отменено",
    ],
    no_note: "пояснение не представлено",
    no_fact: "нет данных",
    no_steps: "В отчётном периоде нет мероприятий со сроком исполнения.",
    no_overdue: "Мероприятий, не выполненных в срок, нет.",
    no_indicators: "Целевые показатели Программой не установлены.",
    no_funding: "Финансирование мероприятий в отчётном году не предусмотрено и не использовалось.",
    note_down: "* Показатель, снижение значения которого является положительной динамикой; процент выполнения рассчитан как отношение плана к факту.",
    mark_down: "*",
    chart_plan_fact: "Выполнение плана по\u{a0}целевым показателям",
    chart_percent_unit: "% от\u{a0}плана",
    chart_status: "Мероприятия отчётного периода по\u{a0}статусу выполнения",
    status_table: "Число мероприятий по\u{a0}статусу выполнения",
    col_count: "Количество мероприятий",
    chart_elsewhere: "Диаграмма приведена в\u{a0}HTML-, PDF- и\u{a0}DOCX-версиях отчёта; ниже те\u{a0}же сведения таблицей.",
};

/// English words of the implementation report.
pub(crate) const REPORT_EN: ReportLabels = ReportLabels {
    skip_to_content: "Skip to the report",
    summary: "Summary",
    steps: "Implementation of the steps",
    overdue: "Steps not done on time",
    indicators: "Target indicators reached",
    resources: "Use of resources",
    f_programme: "Programme",
    f_responsible: "Responsible executor",
    f_status: "Status of the Programme",
    f_period: "Reporting period",
    f_date: "Date of the report",
    programme_draft: "draft, not approved",
    col_no: "No.",
    col_step: "Step",
    col_deadline: "Deadline",
    col_status: "Status",
    col_done_on: "Done on",
    col_comment: "What was done",
    col_responsible: "Responsible executor",
    col_indicator: "Indicator",
    col_unit: "Unit",
    col_plan: "Plan",
    col_fact: "Actual",
    col_percent: "Share of the plan",
    col_note: "Explanation of the deviation",
    col_source: "Source of funding",
    col_spent: "Spent",
    total: "Total",
    unit: "thousand roubles",
    status_no_data: "no information given",
    statuses: ["not started", "in progress", "done", "late", "cancelled"],
    no_note: "no explanation given",
    no_fact: "no data",
    no_steps: "No step has a deadline in the reporting period.",
    no_overdue: "Every step due was done on time.",
    no_indicators: "The Programme sets no target indicators.",
    no_funding: "No money was planned or spent on the steps in the reporting year.",
    note_down: "* An indicator where less is better: the percent achieved is the plan divided by the actual value.",
    mark_down: "*",
    chart_plan_fact: "Target indicators: share of the plan achieved",
    chart_percent_unit: "% of plan",
    chart_status: "Steps of the reporting period by status",
    status_table: "Steps by status",
    col_count: "Steps",
    chart_elsewhere: "The chart is in the HTML, PDF and DOCX versions of the report; the table below gives the same facts.",
};

impl Locale {
    /// The words of the implementation report in this locale (written typeset).
    pub fn report_labels(self) -> &'static ReportLabels {
        match self {
            Locale::Ru => &REPORT_RU,
            Locale::En => &REPORT_EN,
        }
    }
}

/// Words that vary with a number or a value, per locale.
pub(crate) mod words {
    use super::*;
    use crate::locale::typography;
    use crate::model::{FundingSource, OrgKind, ProposalStatus, Role, SourceNames};

    /// «15 мероприятий», «1 step».
    pub(crate) fn count(n: usize, what: Counted, locale: Locale) -> String {
        let n64 = n as u64;
        let word = match locale {
            Locale::Ru => {
                let forms = match what {
                    Counted::Step => Forms {
                        one: "мероприятие",
                        few: "мероприятия",
                        many: "мероприятий",
                    },
                    Counted::Organisation => Forms {
                        one: "организация",
                        few: "организации",
                        many: "организаций",
                    },
                    Counted::Person => Forms {
                        one: "человек",
                        few: "человека",
                        many: "человек",
                    },
                };
                super::super::ru::plural(n64, forms)
            }
            Locale::En => {
                let (one, other) = match what {
                    Counted::Step => ("step", "steps"),
                    Counted::Organisation => ("organisation", "organisations"),
                    Counted::Person => ("person", "people"),
                };
                super::super::en::plural(n64, one, other)
            }
        };
        format!(
            "{}{}{word}",
            super::super::typography::number(n as f64, 0, locale),
            super::super::NBSP
        )
    }

    /// Things that are counted in the text.
    #[derive(Debug, Clone, Copy)]
    pub(crate) enum Counted {
        /// Мероприятие.
        Step,
        /// Организация.
        Organisation,
        /// Человек.
        Person,
    }

    /// «на 2027–2029 годы», «на 2027 год».
    pub(crate) fn period_line(from: i32, to: i32, locale: Locale) -> String {
        match (locale, from == to) {
            (Locale::Ru, true) => format!("на {from} год"),
            (Locale::Ru, false) => format!("на {from}–{to} годы"),
            (Locale::En, true) => format!("for {from}"),
            (Locale::En, false) => format!("for {from}–{to}"),
        }
    }

    /// «2027–2029 годы».
    pub(crate) fn period(from: i32, to: i32, locale: Locale) -> String {
        match (locale, from == to) {
            (Locale::Ru, true) => format!("{from} год"),
            (Locale::Ru, false) => format!("{from}–{to} годы"),
            (Locale::En, _) if from == to => from.to_string(),
            (Locale::En, _) => format!("{from}–{to}"),
        }
    }

    /// «2027 год» as a row label of funding by year.
    pub(crate) fn year(y: i32, locale: Locale) -> String {
        match locale {
            Locale::Ru => format!("{y} год"),
            Locale::En => y.to_string(),
        }
    }

    /// «2027 г.» as a year in a table cell.
    pub(crate) fn year_short(y: i32, locale: Locale) -> String {
        match locale {
            Locale::Ru => format!("{y}{}г.", super::super::NBSP),
            Locale::En => y.to_string(),
        }
    }

    /// «(далее — АСИ)».
    pub(crate) fn hereinafter(short: &str, locale: Locale) -> String {
        match locale {
            Locale::Ru => format!("(далее{}— {short})", super::super::NBSP),
            Locale::En => format!("(hereinafter “{short}”)"),
        }
    }

    /// The line under «ПРОЕКТ»: «(редакция от 15 декабря 2026 г.)», with what occasioned the
    /// edition after the date as its words continue the phrase: «(редакция от 15 декабря
    /// 2026 г. по итогам обсуждения с Администрацией)»; «(revision of 15 December 2026,
    /// following …)». `date` and `label` are typeset.
    pub(crate) fn revision(date: &str, label: Option<&str>, locale: Locale) -> String {
        match (locale, label) {
            (Locale::Ru, None) => format!("(редакция от {date})"),
            (Locale::Ru, Some(label)) => format!("(редакция от {date} {label})"),
            (Locale::En, None) => format!("(revision of {date})"),
            (Locale::En, Some(label)) => format!("(revision of {date}, {label})"),
        }
    }

    /// The last line of the approval stamp: «от 10 февраля 2027 г. № 45-па», «of 10 February
    /// 2027 No. 45-па». `date` and `number` are typeset.
    pub(crate) fn approval_date_number(date: &str, number: &str, locale: Locale) -> String {
        let nb = super::super::NBSP;
        match locale {
            Locale::Ru => format!("от {date} №{nb}{number}"),
            Locale::En => format!("of {date} No.{nb}{number}"),
        }
    }

    /// «(по согласованию)».
    pub(crate) fn by_agreement(locale: Locale) -> &'static str {
        match locale {
            Locale::Ru => "(по согласованию)",
            Locale::En => "(subject to agreement)",
        }
    }

    /// «принято», «отложено», «отклонено».
    pub(crate) fn proposal_status(s: ProposalStatus, locale: Locale) -> &'static str {
        match (s, locale) {
            (ProposalStatus::Accepted, Locale::Ru) => "принято",
            (ProposalStatus::Deferred, Locale::Ru) => "отложено",
            (ProposalStatus::Rejected, Locale::Ru) => "отклонено",
            (ProposalStatus::Accepted, Locale::En) => "accepted",
            (ProposalStatus::Deferred, Locale::En) => "deferred",
            (ProposalStatus::Rejected, Locale::En) => "rejected",
        }
    }

    /// Participant roles.
    pub(crate) fn role(r: Role, locale: Locale) -> &'static str {
        match (r, locale) {
            (Role::Speaker, Locale::Ru) => "докладчик",
            (Role::Moderator, Locale::Ru) => "модератор",
            (Role::Expert, Locale::Ru) => "эксперт",
            (Role::Participant, Locale::Ru) => "участник",
            (Role::Speaker, Locale::En) => "speaker",
            (Role::Moderator, Locale::En) => "moderator",
            (Role::Expert, Locale::En) => "expert",
            (Role::Participant, Locale::En) => "participant",
        }
    }

    /// «представитель АСИ».
    pub(crate) fn representative(org: Option<&str>, locale: Locale) -> String {
        match (org, locale) {
            (Some(o), Locale::Ru) => format!("представитель {o}"),
            (None, Locale::Ru) => "участник сессии".into(),
            (Some(o), Locale::En) => format!("representative of {o}"),
            (None, Locale::En) => "session participant".into(),
        }
    }

    /// Kinds of organisation, plural, for the participant counts.
    pub(crate) fn org_kind(k: OrgKind, locale: Locale) -> &'static str {
        match (k, locale) {
            (OrgKind::Authority, Locale::Ru) => "органы государственной власти",
            (OrgKind::Municipality, Locale::Ru) => "органы местного самоуправления",
            (OrgKind::Nko, Locale::Ru) => "некоммерческие организации",
            (OrgKind::Business, Locale::Ru) => "организации бизнеса",
            (OrgKind::University, Locale::Ru) => "образовательные организации высшего образования",
            (OrgKind::Foundation, Locale::Ru) => "фонды",
            (OrgKind::Media, Locale::Ru) => "средства массовой информации",
            (OrgKind::Other, Locale::Ru) => "другие организации",
            (OrgKind::Authority, Locale::En) => "state authorities",
            (OrgKind::Municipality, Locale::En) => "local self-government",
            (OrgKind::Nko, Locale::En) => "non-profit organisations",
            (OrgKind::Business, Locale::En) => "businesses",
            (OrgKind::University, Locale::En) => "universities",
            (OrgKind::Foundation, Locale::En) => "foundations",
            (OrgKind::Media, Locale::En) => "media",
            (OrgKind::Other, Locale::En) => "other organisations",
        }
    }

    /// Funding sources, by their built-in names; the document prints
    /// [`funding_source_name`], which names the regional budget after the region and takes
    /// the programme's own names.
    pub(crate) fn funding_source(s: FundingSource, locale: Locale) -> &'static str {
        match (s, locale) {
            (FundingSource::RegionalBudget, Locale::Ru) => "бюджет субъекта Российской Федерации",
            (FundingSource::FederalBudget, Locale::Ru) => "федеральный бюджет",
            (FundingSource::LocalBudgets, Locale::Ru) => "местные бюджеты",
            (FundingSource::Grants, Locale::Ru) => "гранты",
            (FundingSource::Business, Locale::Ru) => "средства организаций бизнеса",
            (FundingSource::NkoOwn, Locale::Ru) => "собственные средства НКО",
            (FundingSource::None, Locale::Ru) => "без финансирования",
            (FundingSource::RegionalBudget, Locale::En) => "regional budget",
            (FundingSource::FederalBudget, Locale::En) => "federal budget",
            (FundingSource::LocalBudgets, Locale::En) => "local budgets",
            (FundingSource::Grants, Locale::En) => "grants",
            (FundingSource::Business, Locale::En) => "business",
            (FundingSource::NkoOwn, Locale::En) => "NGOs' own funds",
            (FundingSource::None, Locale::En) => "no funding",
        }
    }

    /// The printed name of a source of funding: the programme's own (`funding_sources`), else
    /// for `regional_budget` the name the region's kind gives it, else the built-in name.
    pub(crate) fn funding_source_name(
        s: FundingSource,
        region: Option<&str>,
        names: &SourceNames,
        locale: Locale,
    ) -> String {
        if let Some(name) = names.get(s).filter(|n| !n.trim().is_empty()) {
            return typography::text(name.trim(), locale);
        }
        match s {
            FundingSource::RegionalBudget => region
                .and_then(|r| regional_budget(r, locale))
                .unwrap_or_else(|| funding_source(s, locale).to_owned()),
            _ => funding_source(s, locale).to_owned(),
        }
    }

    /// The budget of a region as the region's kind names it, when `region` says the kind
    /// clearly: «Курская область» → «областной бюджет», «Хабаровский край» → «краевой бюджет»,
    /// «Республика Татарстан» → «республиканский бюджет», «г. Москва» → «бюджет города
    /// Москвы», «Ханты-Мансийский автономный округ — Югра» → «бюджет автономного округа».
    /// Russian or English names of the region are understood in either locale.
    pub(crate) fn regional_budget(region: &str, locale: Locale) -> Option<String> {
        let lower = region.to_lowercase().replace('ё', "е");
        let words: Vec<&str> = lower
            .split(|c: char| !(crate::locale::is_alphanumeric(c) || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        // A city of federal significance: the words left without «г.», «город» and the like.
        let city: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| {
                ![
                    "г",
                    "город",
                    "федерального",
                    "значения",
                    "city",
                    "of",
                    "federal",
                    "the",
                ]
                .contains(w)
            })
            .collect();
        let city = match city.as_slice() {
            ["москва"] | ["moscow"] => Some(("Москвы", "Moscow")),
            ["санкт-петербург"]
            | ["saint", "petersburg"]
            | ["st", "petersburg"]
            | ["saint-petersburg"]
            | ["st-petersburg"] => Some(("Санкт-Петербурга", "Saint Petersburg")),
            ["севастополь"] | ["sevastopol"] => Some(("Севастополя", "Sevastopol")),
            _ => None,
        };
        if let Some((ru, en)) = city {
            return Some(match locale {
                Locale::Ru => format!("бюджет города {ru}"),
                Locale::En => format!("budget of the city of {en}"),
            });
        }
        let has = |options: &[&str]| words.iter().any(|w| options.contains(w));
        let okrug = has(&["округ", "okrug"]) && has(&["автономный", "autonomous"]);
        let kinds = [
            (
                okrug,
                "бюджет автономного округа",
                "autonomous okrug budget",
            ),
            (
                !okrug && has(&["область", "oblast"]),
                "областной бюджет",
                "oblast budget",
            ),
            (
                has(&["край", "krai", "kray"]),
                "краевой бюджет",
                "krai budget",
            ),
            (
                has(&["республика", "republic"]),
                "республиканский бюджет",
                "republic budget",
            ),
        ];
        let mut found = kinds.iter().filter(|(yes, ..)| *yes);
        match (found.next(), found.next()) {
            (Some((_, ru, en)), None) => Some(
                match locale {
                    Locale::Ru => *ru,
                    Locale::En => *en,
                }
                .to_owned(),
            ),
            _ => None,
        }
    }

    /// The built-in paragraph of section 8 when `implementation` is absent: only what the data
    /// says (who is responsible, who executes with them, where the indicators are), no duty,
    /// date or report that nobody agreed (`check` warns that the section is thin).
    /// `indicators` is the title of the section of target indicators, when there are any.
    pub(crate) fn default_implementation(
        responsible: &str,
        co_executors: &[String],
        indicators: Option<&str>,
        locale: Locale,
    ) -> Vec<String> {
        let nb = super::super::NBSP;
        let mut out = Vec::new();
        match locale {
            Locale::Ru => {
                out.push(format!(
                    "Ответственный исполнитель Программы{nb}— {responsible}."
                ));
                if !co_executors.is_empty() {
                    let label = if co_executors.len() == 1 {
                        "Соисполнитель"
                    } else {
                        "Соисполнители"
                    };
                    out.push(format!(
                        "{label} Программы{nb}— {}.",
                        and_join(co_executors, " и ")
                    ));
                }
                if let Some(n) = indicators {
                    out.push(format!(
                        "Ход реализации Программы оценивается по целевым показателям, приведённым в{nb}разделе «{n}»."
                    ));
                }
            }
            Locale::En => {
                out.push(format!(
                    "The responsible executor of the Programme is {responsible}."
                ));
                if !co_executors.is_empty() {
                    let (label, verb) = if co_executors.len() == 1 {
                        ("co-executor", "is")
                    } else {
                        ("co-executors", "are")
                    };
                    out.push(format!(
                        "The {label} of the Programme {verb} {}.",
                        and_join(co_executors, " and ")
                    ));
                }
                if let Some(n) = indicators {
                    out.push(format!(
                        "Progress of the Programme is measured by the target indicators set out in the section “{n}”."
                    ));
                }
            }
        }
        vec![out.join(" ")]
    }

    /// «a, b и c»: items joined by commas, the last by `and`.
    fn and_join(items: &[String], and: &str) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::words::{default_implementation, funding_source_name, regional_budget};
    use super::*;
    use crate::locale::typography;
    use crate::model::{FundingSource, SourceNames};

    #[test]
    fn the_regional_budget_is_named_by_the_kind_of_region() {
        for (region, ru, en) in [
            ("Курская область", "областной бюджет", "oblast budget"),
            (
                "Кемеровская область — Кузбасс",
                "областной бюджет",
                "oblast budget",
            ),
            (
                "Еврейская автономная область",
                "областной бюджет",
                "oblast budget",
            ),
            ("Kursk Oblast", "областной бюджет", "oblast budget"),
            ("Хабаровский край", "краевой бюджет", "krai budget"),
            ("Khabarovsk Krai", "краевой бюджет", "krai budget"),
            (
                "Республика Татарстан",
                "республиканский бюджет",
                "republic budget",
            ),
            (
                "Чувашская Республика — Чувашия",
                "республиканский бюджет",
                "republic budget",
            ),
            (
                "Republic of Karelia",
                "республиканский бюджет",
                "republic budget",
            ),
            (
                "г. Москва",
                "бюджет города Москвы",
                "budget of the city of Moscow",
            ),
            (
                "Москва",
                "бюджет города Москвы",
                "budget of the city of Moscow",
            ),
            (
                "город федерального значения Санкт-Петербург",
                "бюджет города Санкт-Петербурга",
                "budget of the city of Saint Petersburg",
            ),
            (
                "Saint Petersburg",
                "бюджет города Санкт-Петербурга",
                "budget of the city of Saint Petersburg",
            ),
            (
                "г. Севастополь",
                "бюджет города Севастополя",
                "budget of the city of Sevastopol",
            ),
            (
                "Ханты-Мансийский автономный округ — Югра",
                "бюджет автономного округа",
                "autonomous okrug budget",
            ),
            (
                "Чукотский автономный округ",
                "бюджет автономного округа",
                "autonomous okrug budget",
            ),
        ] {
            assert_eq!(
                regional_budget(region, Locale::Ru).as_deref(),
                Some(ru),
                "{region}"
            );
            assert_eq!(
                regional_budget(region, Locale::En).as_deref(),
                Some(en),
                "{region}"
            );
        }
    }

    #[test]
    fn an_unclear_region_names_no_kind() {
        // No kind, a city that is not a region, two kinds at once, a word that only contains
        // one: the generic name, or the programme's own.
        for region in [
            "Northfield Region",
            "Кузбасс",
            "г. Курск",
            "Московская",
            "Республика Край",
            "Краснодарский",
            "",
        ] {
            assert_eq!(regional_budget(region, Locale::Ru), None, "{region}");
            assert_eq!(regional_budget(region, Locale::En), None, "{region}");
        }
        let none = SourceNames::default();
        assert_eq!(
            funding_source_name(
                FundingSource::RegionalBudget,
                Some("Кузбасс"),
                &none,
                Locale::Ru
            ),
            "бюджет субъекта Российской Федерации"
        );
        assert_eq!(
            funding_source_name(FundingSource::RegionalBudget, None, &none, Locale::En),
            "regional budget"
        );
    }

    #[test]
    fn the_programmes_own_names_come_first() {
        let names = SourceNames {
            regional_budget: Some("окружной бюджет".into()),
            local_budgets: Some("бюджет г. Курска".into()),
            grants: Some("  ".into()),
            ..SourceNames::default()
        };
        let name = |s, region| funding_source_name(s, region, &names, Locale::Ru);
        assert_eq!(
            name(
                FundingSource::RegionalBudget,
                Some("Ямало-Ненецкий автономный округ")
            ),
            "окружной бюджет"
        );
        // Typography applies to the programme's text: a no-break space after «г.».
        assert_eq!(
            name(FundingSource::LocalBudgets, Some("Курская область")),
            typography::text("бюджет г. Курска", Locale::Ru)
        );
        // A blank name is no name.
        assert_eq!(name(FundingSource::Grants, None), "гранты");
        assert_eq!(
            name(FundingSource::FederalBudget, None),
            "федеральный бюджет"
        );
    }

    #[test]
    fn the_built_in_implementation_says_only_what_the_data_says() {
        let co = ["Администрация".to_owned(), "Университет".to_owned()];
        let ru = default_implementation(
            "Центр",
            &co,
            Some("Целевые показатели Программы"),
            Locale::Ru,
        );
        assert_eq!(
            ru,
            vec![
                "Ответственный исполнитель Программы\u{a0}— Центр. Соисполнители Программы\u{a0}— Администрация и Университет. Ход реализации Программы оценивается по целевым показателям, приведённым в\u{a0}разделе «Целевые показатели Программы»."
            ]
        );
        let one = default_implementation("Центр", &co[..1], None, Locale::Ru);
        assert_eq!(
            one,
            vec![
                "Ответственный исполнитель Программы\u{a0}— Центр. Соисполнитель Программы\u{a0}— Администрация."
            ]
        );
        let en = default_implementation("the Centre", &[], None, Locale::En);
        assert_eq!(
            en,
            vec!["The responsible executor of the Programme is the Centre."]
        );
        for text in [ru, one, en] {
            let text = text.join(" ");
            assert!(
                !text.contains("феврал") && !text.contains("ежегодно"),
                "{text}"
            );
        }
    }
}
