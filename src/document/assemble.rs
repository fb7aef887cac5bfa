//! Building the [`Document`] from a validated [`Input`], in document order (the order matters:
//! an organisation is introduced in full at its first mention in text).

use std::collections::{BTreeMap, HashMap};

use comrak::Anchorizer;

use super::names::OrgNames;
use super::*;
use crate::deadline::Deadline;
use crate::error::Failure;
use crate::load::{CaseInput, Input, StepsInput};
use crate::locale::words::{self, Counted};
use crate::locale::{Locale, NBSP, typo};
use crate::model::{FundingSource, OrgKind, Participant, ProposalStatus, Status};

/// Placeholder for an empty cell.
const DASH: &str = "–";

/// A cell of the steps table longer than this (in characters) might not fit on one landscape
/// page in its narrowest column, so its row may be split across pages.
const LONG_CELL: usize = 400;

/// Assembles the document. The input must have passed validation without errors; a missing
/// required part is reported as a failure rather than guessed.
pub fn assemble(input: &Input) -> Result<Document, Failure> {
    let missing = |what: &str| {
        Failure::hinted(
            format!("cannot assemble the document: {what} did not load"),
            "run `nko-draft check` and fix the errors it reports",
        )
    };
    let (_, p) = input
        .programme
        .as_ref()
        .ok_or_else(|| missing("programme.yaml"))?;
    let (_, session) = input
        .session
        .as_ref()
        .ok_or_else(|| missing("session.yaml"))?;
    let orgs = input
        .organisations
        .as_ref()
        .map_or(&[][..], |(_, l)| l.as_slice());
    let participants = input
        .participants
        .as_ref()
        .map_or(&[][..], |(_, l)| l.as_slice());
    let indicators = input
        .indicators
        .as_ref()
        .map_or(&[][..], |(_, l)| l.as_slice());
    let locale = p.locale;
    let l = locale.labels();
    let t = |s: &str| typo::text(s, locale);
    let mut names = OrgNames::new(orgs, locale);
    let mut heads = Headings {
        anchors: Anchorizer::new(),
        toc: Vec::new(),
    };
    let (from, to) = (p.period.from, p.period.to);
    let years: Vec<i32> = (from..=to).collect();

    // Cases by number, with their steps, and the numbers every later section refers to.
    let mut cases: Vec<&CaseInput> = input.cases.iter().collect();
    cases.sort_by_key(|c| c.case.number);
    let steps_of: HashMap<&str, &StepsInput> =
        input.steps.iter().map(|s| (s.case.as_str(), s)).collect();
    let mut step_numbers: HashMap<&str, String> = HashMap::new();
    let mut carried_by: HashMap<(&str, &str), Vec<String>> = HashMap::new();
    for c in &cases {
        if let Some(sf) = steps_of.get(c.id.as_str()) {
            for (i, s) in sf.steps.iter().enumerate() {
                let number = format!("{}.{}", c.case.number, i + 1);
                for pid in &s.proposals {
                    carried_by
                        .entry((c.id.as_str(), pid.as_str()))
                        .or_default()
                        .push(number.clone());
                }
                step_numbers.insert(s.id.as_str(), number);
            }
        }
    }
    let indicator_numbers: HashMap<&str, usize> = indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| (ind.id.as_str(), i + 1))
        .collect();

    // Title block and the headings before the sections, in the order the Markdown has them.
    let title = t(&p.title);
    heads.anchor(&title);
    heads.anchor(l.contents);
    let doc_date = p.date.unwrap_or(session.date);
    let title_block = TitleBlock {
        draft: (p.status == Status::Draft).then_some(l.draft),
        title: title.clone(),
        period: words::period_line(from, to, locale),
        place_year: match &p.place {
            Some(place) => format!("{}, {}", t(place), doc_date.year),
            None => doc_date.year.to_string(),
        },
    };
    let abbreviations_heading = heads.unnumbered(l.abbreviations);

    // 1. Passport.
    let short_title = p.short_title.as_deref().map_or_else(
        || match locale {
            Locale::Ru => "Программа".to_owned(),
            Locale::En => "Programme".to_owned(),
        },
        t,
    );
    let funding = FundingTotals::new(input, &years);
    let mut rows = vec![PassportRow {
        label: l.p_name,
        items: vec![format!(
            "{title} {}",
            words::hereinafter(&short_title, locale)
        )],
    }];
    if !p.legal_basis.is_empty() {
        rows.push(PassportRow {
            label: l.p_basis,
            items: p.legal_basis.iter().map(|s| t(s)).collect(),
        });
    }
    let developers = p.developers.as_ref().unwrap_or(&session.initiators);
    if !developers.is_empty() {
        rows.push(PassportRow {
            label: l.p_developers,
            items: developers.iter().map(|id| names.text(id)).collect(),
        });
    }
    rows.push(PassportRow {
        label: l.p_responsible,
        items: vec![names.executor(&p.responsible, false)],
    });
    if !p.co_executors.is_empty() {
        rows.push(PassportRow {
            label: l.p_co_executors,
            items: p
                .co_executors
                .iter()
                .map(|id| names.executor(id, false))
                .collect(),
        });
    }
    rows.push(PassportRow {
        label: l.p_goals,
        items: p.goals.iter().map(|g| t(g)).collect(),
    });
    rows.push(PassportRow {
        label: l.p_tasks,
        items: cases
            .iter()
            .map(|c| format!("{} {}. {}", l.task, c.case.number, t(&c.case.task)))
            .collect(),
    });
    rows.push(PassportRow {
        label: l.p_period,
        items: vec![words::period(from, to, locale)],
    });
    if !indicators.is_empty() {
        rows.push(PassportRow {
            label: l.p_indicators,
            items: indicators.iter().map(|ind| t(&ind.name)).collect(),
        });
    }
    rows.push(PassportRow {
        label: l.p_funding,
        items: funding.summary(locale),
    });
    if !p.expected_results.is_empty() {
        rows.push(PassportRow {
            label: l.p_results,
            items: p.expected_results.iter().map(|r| t(r)).collect(),
        });
    }
    let mut section = 0;
    let mut next_section = || {
        section += 1;
        format!("{section}.")
    };
    let passport = Passport {
        heading: heads.top(next_section(), l.passport),
        rows,
    };

    // 2. General description and the session.
    let general_number = next_section();
    let general_heading = heads.top(general_number.clone(), l.general);
    let mut sub = 0;
    let mut next_sub = || {
        sub += 1;
        format!("{}{sub}.", general_number)
    };
    let context = p.context.as_deref().map(|text| Paragraphs {
        heading: heads.sub(next_sub(), l.current_state),
        paragraphs: paragraphs(text, locale),
    });
    let session_heading = heads.sub(next_sub(), l.session);
    let mut facts = vec![
        Fact {
            label: l.s_title,
            value: t(&session.title),
        },
        Fact {
            label: l.s_date,
            value: Deadline::On(session.date).render(locale),
        },
    ];
    let venue: Vec<String> = [session.venue.as_deref(), session.city.as_deref()]
        .into_iter()
        .flatten()
        .map(&t)
        .collect();
    if !venue.is_empty() {
        facts.push(Fact {
            label: l.s_venue,
            value: venue.join(", "),
        });
    }
    for (label, ids) in [
        (l.s_initiators, &session.initiators),
        (l.s_support, &session.support),
        (l.s_partners, &session.partners),
    ] {
        if !ids.is_empty() {
            facts.push(Fact {
                label,
                value: ids
                    .iter()
                    .map(|id| names.text(id))
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
    }
    if let Some(prog) = &session.programme {
        facts.push(Fact {
            label: l.s_programme,
            value: typo::quote(prog, locale),
        });
    }
    if let Some(purpose) = &session.purpose {
        facts.push(Fact {
            label: l.s_purpose,
            value: paragraphs(purpose, locale).join(" "),
        });
    }
    let (participant_kinds, participants_total, participants_summary) =
        participant_counts(participants, &names, locale);
    if let Some(summary) = &participants_summary {
        facts.push(Fact {
            label: l.s_participants,
            value: summary.clone(),
        });
    }
    let agreements = (!session.agreements.is_empty()).then(|| AgreementList {
        heading: heads.sub(next_sub(), l.agreements_signed),
        items: session
            .agreements
            .iter()
            .map(|a| {
                let mut s = typo::quote(&a.title, locale);
                if let Some(d) = a.date {
                    s.push_str(&format!(" ({})", Deadline::On(d).render(locale)));
                }
                let parties: Vec<String> = a.parties.iter().map(|id| names.text(id)).collect();
                s.push_str(&format!(
                    "; {}: {}",
                    l.col_parties.to_lowercase(),
                    parties.join(", ")
                ));
                match &a.subject {
                    Some(subj) => format!(
                        "{s}; {}: {}.",
                        l.col_subject.to_lowercase(),
                        t(subj).trim_end_matches('.')
                    ),
                    None => format!("{s}."),
                }
            })
            .collect(),
    });
    let general = General {
        heading: general_heading,
        context,
        session_heading,
        session_facts: facts,

        participant_kinds,
        participants_total,
        agreements,
    };

    // 3. Cases.
    let cases_number = next_section();
    let cases_heading = heads.top(cases_number.clone(), l.cases);
    let people: HashMap<&str, &Participant> =
        participants.iter().map(|p| (p.id.as_str(), p)).collect();
    let case_views = cases
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let heading = heads.sub(format!("{cases_number}{}.", i + 1), &t(&c.case.title));
            let moderators: Vec<String> = c
                .case
                .moderators
                .iter()
                .filter_map(|id| people.get(id.as_str()))
                .map(|person| person_short(person, &mut names, locale))
                .collect();
            let proposals = c
                .case
                .proposals
                .iter()
                .enumerate()
                .map(|(j, pr)| {
                    let mut decision = words::proposal_status(pr.status, locale).to_owned();
                    if let (true, Some(reason)) =
                        (pr.status != ProposalStatus::Accepted, &pr.reason)
                    {
                        decision = format!("{decision}: {}", lower_first(&t(reason)));
                    }
                    ProposalView {
                        number: (j + 1).to_string(),
                        text: t(&pr.text),
                        votes: pr.votes.map_or_else(|| DASH.to_owned(), |v| v.to_string()),
                        decision,
                        steps: carried_by
                            .get(&(c.id.as_str(), pr.id.as_str()))
                            .map_or_else(|| DASH.to_owned(), |v| v.join(", ")),
                    }
                })
                .collect();
            let n_steps = steps_of.get(c.id.as_str()).map_or(0, |s| s.steps.len());
            let steps_summary = match n_steps {
                0 => l.no_steps.to_owned(),
                1 => format!("{}: {}.1.", l.col_steps, c.case.number),
                n => format!(
                    "{}: {n}.1–{n}.{m} ({count}).",
                    l.col_steps,
                    n = c.case.number,
                    m = n,
                    count = words::count(n, Counted::Step, locale)
                ),
            };
            CaseView {
                proposals_caption: format!(
                    "{} {}",
                    l.proposals_of_case,
                    heading.number.trim_end_matches('.')
                ),
                heading,
                task: t(&c.case.task),
                moderators: (!moderators.is_empty()).then(|| moderators.join(", ")),
                problems: c.case.problems.iter().map(|pr| t(&pr.text)).collect(),
                proposals,
                steps_summary,
            }
        })
        .collect();
    let cases_section = Cases {
        heading: cases_heading,
        items: case_views,
    };

    // 4. Goals, tasks, results.
    let goals = Goals {
        heading: heads.top(next_section(), l.goals),
        goals: p.goals.iter().map(|g| t(g)).collect(),
        tasks: cases
            .iter()
            .map(|c| format!("{} {}. {}", l.task, c.case.number, t(&c.case.task)))
            .collect(),
        results: p.expected_results.iter().map(|r| t(r)).collect(),
    };

    // 5. Steps.
    let steps_heading = heads.top(next_section(), l.steps);
    let mut total_steps = 0;
    let groups = cases
        .iter()
        .filter_map(|c| {
            let sf = steps_of.get(c.id.as_str())?;
            if sf.steps.is_empty() {
                return None;
            }
            total_steps += sf.steps.len();
            let steps = sf
                .steps
                .iter()
                .map(|s| {
                    let mut title = t(&s.title);
                    if let Some(mark) = words::step_status(s.status, locale) {
                        title = format!("{title} {mark}");
                    }
                    let join = |names: &mut OrgNames<'_>, ids: &[String]| {
                        if ids.is_empty() {
                            DASH.to_owned()
                        } else {
                            ids.iter()
                                .map(|id| names.executor(id, true))
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    };
                    let mut row = StepRow {
                        breakable: false,
                        id: s.id.clone(),
                        number: step_numbers.get(s.id.as_str()).cloned().unwrap_or_default(),
                        title,
                        deadline: s
                            .deadline
                            .as_ref()
                            .and_then(|d| Deadline::parse(&d.0).ok())
                            .map_or_else(|| DASH.to_owned(), |d| d.render(locale)),
                        responsible: join(&mut names, s.responsible()),
                        partners: join(&mut names, &s.partners),
                        result: s.result.as_deref().map_or_else(|| DASH.to_owned(), t),
                        indicators: if s.indicators.is_empty() {
                            DASH.to_owned()
                        } else {
                            s.indicators
                                .iter()
                                .filter_map(|id| indicator_numbers.get(id.as_str()))
                                .map(ToString::to_string)
                                .collect::<Vec<_>>()
                                .join(", ")
                        },
                    };
                    row.breakable = [&row.title, &row.responsible, &row.partners, &row.result]
                        .iter()
                        .any(|cell| cell.chars().count() > LONG_CELL);
                    row
                })
                .collect();
            Some(StepGroup {
                label: format!("{} {}. {}", l.task, c.case.number, t(&c.case.task)),
                steps,
            })
        })
        .collect();
    let details = cases
        .iter()
        .filter_map(|c| steps_of.get(c.id.as_str()))
        .flat_map(|sf| sf.steps.iter())
        .filter_map(|s| {
            Some(StepDetail {
                number: step_numbers.get(s.id.as_str())?.clone(),
                description: paragraphs(s.description.as_deref()?, locale).join(" "),
            })
        })
        .collect();
    let steps = Steps {
        heading: steps_heading,
        groups,
        details,
        total: format!(
            "{}: {}",
            l.col_total,
            words::count(total_steps, Counted::Step, locale)
        ),
    };

    // 6. Indicators.
    let year_labels: Vec<String> = years.iter().map(ToString::to_string).collect();
    let indicators_section = Indicators {
        heading: heads.top(next_section(), l.indicators),
        years: year_labels.clone(),
        rows: indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| IndicatorRow {
                number: (i + 1).to_string(),
                name: t(&ind.name),
                unit: t(&ind.unit),
                baseline: ind.baseline.map_or_else(
                    || DASH.to_owned(),
                    |b| format!("{} ({})", typo::number(b.value, 2, locale), b.year),
                ),
                targets: years
                    .iter()
                    .map(|y| {
                        ind.targets
                            .get(y)
                            .map_or_else(|| DASH.to_owned(), |v| typo::number(*v, 2, locale))
                    })
                    .collect(),
                responsible: ind
                    .responsible
                    .as_deref()
                    .map_or_else(|| DASH.to_owned(), |id| names.table(id)),
            })
            .collect(),
        wide: years.len() > 5,
        empty_note: indicators.is_empty().then_some(match locale {
            Locale::Ru => "Целевые показатели будут определены при согласовании Программы.",
            Locale::En => "Target indicators will be set when the Programme is agreed.",
        }),
    };

    // 7. Resources.
    let resources = Resources {
        heading: heads.top(next_section(), l.resources),
        unit: l.thousand_roubles,
        caption: l.resources_caption,
        years: years.iter().map(|y| words::year(*y, locale)).collect(),
        rows: funding.rows(locale),
        total: funding.total_row(l.total, locale),
        none: funding.is_empty().then_some(l.no_funding),
    };

    // 8. Implementation.
    let implementation = Implementation {
        heading: heads.top(next_section(), l.implementation),
        paragraphs: match &p.implementation {
            Some(text) => paragraphs(text, locale),
            None => words::default_implementation(&names.text(&p.responsible), to, locale),
        },
    };

    // 9. Risks.
    let risks = (!p.risks.is_empty()).then(|| Risks {
        heading: heads.top(next_section(), l.risks),
        rows: p
            .risks
            .iter()
            .enumerate()
            .map(|(i, r)| RiskRow {
                number: (i + 1).to_string(),
                risk: t(&r.risk),
                mitigation: t(&r.mitigation),
            })
            .collect(),
    });

    // Annexes, numbered in the order they appear.
    let mut annex = 0;
    let mut annex_head = |heads: &mut Headings, title: &str| {
        annex += 1;
        let mark = format!("{} {}{annex} {}", l.annex, l.number_sign, l.annex_to);
        let number = format!("{} {}{annex}.", l.annex, l.number_sign);
        AnnexHead {
            mark,
            heading: heads.top(number, title),
        }
    };
    let participants_annex = (!participants.is_empty()).then(|| ParticipantsAnnex {
        head: annex_head(&mut heads, l.annex_participants),
        rows: participants
            .iter()
            .enumerate()
            .map(|(i, person)| {
                let org = person.organisation.as_deref().map(|id| names.table(id));
                ParticipantRow {
                    number: (i + 1).to_string(),
                    name: if person.publish {
                        t(&person.name)
                    } else {
                        names.representative(person.organisation.as_deref())
                    },
                    // A person who is not published is not described either.
                    position: person
                        .position
                        .as_deref()
                        .filter(|_| person.publish)
                        .map_or_else(|| DASH.to_owned(), t),
                    organisation: org.unwrap_or_else(|| DASH.to_owned()),
                    role: words::role(person.role, locale).to_owned(),
                }
            })
            .collect(),
    });
    let agreements_annex = (!session.agreements.is_empty()).then(|| AgreementsAnnex {
        head: annex_head(&mut heads, l.annex_agreements),
        rows: session
            .agreements
            .iter()
            .enumerate()
            .map(|(i, a)| AgreementRow {
                number: (i + 1).to_string(),
                title: t(&a.title),
                date: a
                    .date
                    .map_or_else(|| DASH.to_owned(), |d| Deadline::On(d).render(locale)),
                parties: a
                    .parties
                    .iter()
                    .map(|id| names.table(id))
                    .collect::<Vec<_>>()
                    .join(", "),
                subject: a.subject.as_deref().map_or_else(|| DASH.to_owned(), t),
            })
            .collect(),
    });
    let matrix = (total_steps > 0).then(|| {
        let head = annex_head(&mut heads, l.annex_matrix);
        let mut lead: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut partner: HashMap<&str, Vec<&str>> = HashMap::new();
        for c in &cases {
            let Some(sf) = steps_of.get(c.id.as_str()) else {
                continue;
            };
            for s in &sf.steps {
                let number = step_numbers[s.id.as_str()].as_str();
                let responsible = s.responsible();
                if let Some((first, rest)) = responsible.split_first() {
                    lead.entry(first.as_str()).or_default().push(number);
                    for id in rest {
                        partner.entry(id.as_str()).or_default().push(number);
                    }
                }
                for id in &s.partners {
                    partner.entry(id.as_str()).or_default().push(number);
                }
            }
        }
        let rows = orgs
            .iter()
            .filter(|o| lead.contains_key(o.id.as_str()) || partner.contains_key(o.id.as_str()))
            .map(|o| {
                let list = |m: &HashMap<&str, Vec<&str>>| {
                    m.get(o.id.as_str())
                        .map_or_else(|| DASH.to_owned(), |v| v.join(", "))
                };
                MatrixRow {
                    organisation: names.table(&o.id),
                    lead: list(&lead),
                    partner: list(&partner),
                }
            })
            .collect();
        MatrixAnnex { head, rows }
    });

    let abbreviations = (!names.abbreviations().is_empty()).then(|| Abbreviations {
        heading: abbreviations_heading,
        rows: names
            .abbreviations()
            .into_iter()
            .map(|(short, full)| Abbreviation {
                short: short.to_owned(),
                full: full.to_owned(),
            })
            .collect(),
    });
    let mut toc = heads.toc;
    if abbreviations.is_none() {
        toc.retain(|e| e.heading.text != l.abbreviations);
    }
    let keywords = if p.keywords.is_empty() {
        let mut k: Vec<String> = Vec::new();
        k.push(match locale {
            Locale::Ru => "некоммерческие организации".into(),
            Locale::En => "non-profit organisations".into(),
        });
        if let Some(r) = &p.region {
            k.push(t(r));
        }
        if let Some(prog) = &session.programme {
            k.push(t(prog));
        }
        k
    } else {
        p.keywords.iter().map(|k| t(k)).collect()
    };
    Ok(Document {
        lang: locale.tag(),
        labels: l,
        meta: Meta {
            title: title.clone(),
            author: names.full(&p.responsible),
            keywords,
            date: doc_date,
            lang: locale.tag(),
            draft: p.status == Status::Draft,
        },
        title_block,
        toc,
        abbreviations,
        passport,
        general,
        cases: cases_section,
        goals,
        steps,
        indicators: indicators_section,
        resources,
        implementation,
        risks,
        annexes: Annexes {
            participants: participants_annex,
            agreements: agreements_annex,
            matrix,
        },
    })
}

/// Makes headings with anchors in document order and collects the table of contents.
struct Headings {
    anchors: Anchorizer,
    toc: Vec<TocEntry>,
}

impl Headings {
    fn anchor(&mut self, text: &str) -> String {
        self.anchors.anchorize(text)
    }

    fn make(&mut self, number: String, title: &str) -> Heading {
        let text = if number.is_empty() {
            title.to_owned()
        } else {
            format!("{number} {title}")
        };
        Heading {
            anchor: self.anchor(&text),
            number,
            title: title.to_owned(),
            text,
        }
    }

    /// A top-level heading, listed in the contents.
    fn top(&mut self, number: String, title: &str) -> Heading {
        let h = self.make(number, title);
        self.toc.push(TocEntry {
            level: 1,
            heading: h.clone(),
        });
        h
    }

    /// An unnumbered top-level heading.
    fn unnumbered(&mut self, title: &str) -> Heading {
        self.top(String::new(), title)
    }

    /// A subsection heading, listed in the contents under its section.
    fn sub(&mut self, number: String, title: &str) -> Heading {
        let h = self.make(number, title);
        self.toc.push(TocEntry {
            level: 2,
            heading: h.clone(),
        });
        h
    }
}

/// Lowers the first letter of a sentence that follows a colon, unless it starts an
/// abbreviation (`СМИ`).
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_owned(),
    }
}

/// Splits text into paragraphs at blank lines, joins the lines of each, and typesets them.
fn paragraphs(text: &str, locale: Locale) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(typo::text(&current.join(" "), locale));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(typo::text(&current.join(" "), locale));
    }
    out
}

/// A participant in running text: «Е. А. Фамилия», or «представитель АСИ» when not published.
fn person_short(person: &Participant, names: &mut OrgNames<'_>, locale: Locale) -> String {
    if person.publish {
        typo::initials_surname(&typo::text(&person.name, locale))
    } else {
        names.representative(person.organisation.as_deref())
    }
}

/// Participant counts by kind of organisation, the totals and the one-line summary.
fn participant_counts(
    participants: &[Participant],
    names: &OrgNames<'_>,
    locale: Locale,
) -> (Vec<KindRow>, Option<KindRow>, Option<String>) {
    if participants.is_empty() {
        return (Vec::new(), None, None);
    }
    let mut by_kind: BTreeMap<OrgKind, (std::collections::BTreeSet<&str>, usize)> = BTreeMap::new();
    for person in participants {
        let (kind, org) = match person.organisation.as_deref().and_then(|id| names.get(id)) {
            Some(o) => (o.kind, Some(o.id.as_str())),
            None => (OrgKind::Other, None),
        };
        let entry = by_kind.entry(kind).or_default();
        entry.0.extend(org);
        entry.1 += 1;
    }
    let n = |v: usize| typo::number(v as f64, 0, locale);
    let rows = by_kind
        .iter()
        .map(|(kind, (orgs, people))| KindRow {
            kind: words::org_kind(*kind, locale).to_owned(),
            organisations: n(orgs.len()),
            participants: n(*people),
        })
        .collect();
    let total_orgs: usize = by_kind.values().map(|(o, _)| o.len()).sum();
    let total_people = participants.len();
    let total = KindRow {
        kind: locale.labels().total.to_owned(),
        organisations: n(total_orgs),
        participants: n(total_people),
    };
    let summary = format!(
        "{}, {}",
        words::count(total_people, Counted::Person, locale),
        words::count(total_orgs, Counted::Organisation, locale)
    );
    (rows, Some(total), Some(summary))
}

/// Funding summed by source and year over every step.
struct FundingTotals {
    years: Vec<i32>,
    by_source: BTreeMap<FundingSource, BTreeMap<i32, f64>>,
}

impl FundingTotals {
    fn new(input: &Input, years: &[i32]) -> Self {
        let mut by_source: BTreeMap<FundingSource, BTreeMap<i32, f64>> = BTreeMap::new();
        for sf in &input.steps {
            for s in &sf.steps {
                for f in &s.funding {
                    if f.source == FundingSource::None {
                        continue;
                    }
                    let entry = by_source.entry(f.source).or_default();
                    for (year, amount) in &f.amounts {
                        *entry.entry(*year).or_default() += amount;
                    }
                }
            }
        }
        by_source.retain(|_, m| m.values().any(|v| *v != 0.0));
        FundingTotals {
            years: years.to_vec(),
            by_source,
        }
    }

    fn is_empty(&self) -> bool {
        self.by_source.is_empty()
    }

    fn year_total(&self, year: i32) -> f64 {
        self.by_source
            .values()
            .map(|m| m.get(&year).copied().unwrap_or(0.0))
            .sum()
    }

    fn grand_total(&self) -> f64 {
        self.by_source.values().flat_map(|m| m.values()).sum()
    }

    fn rows(&self, locale: Locale) -> Vec<FundingRow> {
        self.by_source
            .iter()
            .map(|(source, amounts)| FundingRow {
                source: words::funding_source(*source, locale).to_owned(),
                amounts: self
                    .years
                    .iter()
                    .map(|y| typo::money(amounts.get(y).copied().unwrap_or(0.0), locale))
                    .collect(),
                total: typo::money(amounts.values().sum(), locale),
            })
            .collect()
    }

    fn total_row(&self, label: &str, locale: Locale) -> Option<FundingRow> {
        (!self.is_empty()).then(|| FundingRow {
            source: label.to_owned(),
            amounts: self
                .years
                .iter()
                .map(|y| typo::money(self.year_total(*y), locale))
                .collect(),
            total: typo::money(self.grand_total(), locale),
        })
    }

    /// The passport's lines on funding: the total, by year and by source.
    fn summary(&self, locale: Locale) -> Vec<String> {
        let l = locale.labels();
        if self.is_empty() {
            return vec![l.no_funding.to_owned()];
        }
        let unit = l.thousand_roubles;
        let mut out = vec![match locale {
            Locale::Ru => format!(
                "Общий объём финансирования{NBSP}— {}{NBSP}{unit}",
                typo::money(self.grand_total(), locale)
            ),
            Locale::En => format!(
                "Total funding: {}{NBSP}{unit}",
                typo::money(self.grand_total(), locale)
            ),
        }];
        for y in &self.years {
            out.push(format!(
                "{}{NBSP}— {}{NBSP}{unit}",
                words::year(*y, locale),
                typo::money(self.year_total(*y), locale)
            ));
        }
        for (source, amounts) in &self.by_source {
            out.push(format!(
                "{}{NBSP}— {}{NBSP}{unit}",
                words::funding_source(*source, locale),
                typo::money(amounts.values().sum(), locale)
            ));
        }
        out
    }
}
