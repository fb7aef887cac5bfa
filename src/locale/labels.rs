//! The fixed words of the document in each language: headings, column names, row labels.

use serde::{Deserialize, Serialize};

use super::Locale;
use super::ru::Forms;

/// Every fixed label of the document. Templates print these; the view model picks them.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Labels {
    /// «ПРОЕКТ».
    pub draft: &'static str,
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
    /// Сроки реализации.
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
    /// При поддержке.
    pub s_support: &'static str,
    /// Совместно с.
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
    /// Column: steps as lead.
    pub col_as_lead: &'static str,
    /// Column: steps as partner.
    pub col_as_partner: &'static str,
    /// «Стр.» (page label, PDF).
    pub page: &'static str,
}

/// Russian labels.
pub(crate) const RU: Labels = Labels {
    draft: "ПРОЕКТ",
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
    p_period: "Сроки реализации",
    p_indicators: "Целевые показатели",
    p_funding: "Объёмы и источники финансирования",
    p_results: "Ожидаемые конечные результаты",
    general: "Общая характеристика сферы реализации Программы",
    current_state: "Оценка текущего состояния",
    session: "Стратегическая сессия",
    s_title: "Мероприятие",
    s_date: "Дата проведения",
    s_venue: "Место проведения",
    s_initiators: "По инициативе",
    s_support: "При поддержке",
    s_partners: "Совместно с",
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
    col_as_lead: "Ответственный исполнитель (№ мероприятий)",
    col_as_partner: "Соисполнитель, партнёр (№ мероприятий)",
    page: "Стр.",
};

/// English labels.
pub(crate) const EN: Labels = Labels {
    draft: "DRAFT",
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
    p_period: "Period",
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
    s_partners: "Together with",
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
    col_as_lead: "Responsible executor (steps No.)",
    col_as_partner: "Co-executor, partner (steps No.)",
    page: "Page",
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

/// Words that vary with a number or a value, per locale.
pub(crate) mod words {
    use super::*;
    use crate::model::{FundingSource, OrgKind, ProposalStatus, Role, StepStatus};

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

    /// «(далее — АСИ)».
    pub(crate) fn hereinafter(short: &str, locale: Locale) -> String {
        match locale {
            Locale::Ru => format!("(далее{}— {short})", super::super::NBSP),
            Locale::En => format!("(hereinafter “{short}”)"),
        }
    }

    /// «(по согласованию)».
    pub(crate) fn by_agreement(locale: Locale) -> &'static str {
        match locale {
            Locale::Ru => "(по согласованию)",
            Locale::En => "(subject to agreement)",
        }
    }

    /// «(предложение)», «(требует согласования)».
    pub(crate) fn step_status(s: StepStatus, locale: Locale) -> Option<&'static str> {
        match (s, locale) {
            (StepStatus::Agreed, _) => None,
            (StepStatus::Proposed, Locale::Ru) => Some("(предложение)"),
            (StepStatus::Disputed, Locale::Ru) => Some("(требует согласования)"),
            (StepStatus::Proposed, Locale::En) => Some("(proposal)"),
            (StepStatus::Disputed, Locale::En) => Some("(to be agreed)"),
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
            (Role::Speaker, Locale::Ru) => "спикер",
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

    /// Funding sources.
    pub(crate) fn funding_source(s: FundingSource, locale: Locale) -> &'static str {
        match (s, locale) {
            (FundingSource::RegionalBudget, Locale::Ru) => "областной бюджет",
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

    /// The built-in paragraphs of section 8 when `implementation` is absent.
    pub(crate) fn default_implementation(
        responsible: &str,
        to: i32,
        locale: Locale,
    ) -> Vec<String> {
        let nb = super::super::NBSP;
        match locale {
            Locale::Ru => vec![
                format!(
                    "Текущее управление реализацией Программы осуществляет ответственный исполнитель{nb}— {responsible}. Ответственный исполнитель координирует деятельность соисполнителей и партнёров, обеспечивает согласованность их действий и при необходимости готовит предложения о внесении изменений в Программу."
                ),
                "Соисполнители и партнёры ежегодно, до 1\u{a0}февраля года, следующего за отчётным, представляют ответственному исполнителю сведения о выполнении мероприятий и о достигнутых значениях целевых показателей.".to_owned(),
                format!(
                    "Ответственный исполнитель ежегодно готовит отчёт о ходе реализации Программы и оценке её эффективности по целевым показателям и размещает его в открытом доступе. Итоговый отчёт готовится по завершении {to}{nb}года."
                ),
            ],
            Locale::En => vec![
                format!(
                    "The Programme is managed by its responsible executor, {responsible}, which coordinates the co-executors and partners and proposes changes to the Programme where needed."
                ),
                "Every year, by 1\u{a0}February of the following year, co-executors and partners report to the responsible executor on the steps carried out and on the values of the target indicators.".to_owned(),
                format!(
                    "The responsible executor publishes an annual report on the progress of the Programme and its effectiveness measured by the target indicators, and a final report after {to}."
                ),
            ],
        }
    }
}
