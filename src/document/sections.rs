//! The sections of the document, one method each, called by `assemble` in document order.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::assemble::{Assembler, DASH, lower_first, paragraphs};
use super::names::OrgNames;
use super::rich;
use super::*;
use crate::deadline::Deadline;
use crate::locale::Labels;
use crate::locale::words::{self, Counted};
use crate::locale::{Locale, typography};
use crate::model::{DateField, Direction, OrgKind, Participant, ProposalStatus, StepStatus};

/// A cell of the steps table longer than this (in characters) might not fit on one landscape
/// page in its narrowest column, so its row may be split across pages.
const LONG_CELL: usize = 400;

impl Assembler<'_> {
    /// The passport (section 1): a two-column table, each item of a row on a line of its own;
    /// goals, tasks, indicators and results numbered.
    pub(super) fn passport(&mut self) -> Passport {
        let (p, l, locale) = (self.p, self.l, self.locale);
        let short_title = p.short_title.as_deref().map_or_else(
            || match locale {
                Locale::Ru => "Программа".to_owned(),
                Locale::En => "Programme".to_owned(),
            },
            |s| self.t(s),
        );
        let mut rows = Vec::new();
        let mut push = |label, items: Vec<String>, numbered| {
            if !items.is_empty() {
                rows.push(PassportRow::new(label, items, numbered));
            }
        };
        push(
            l.p_name,
            vec![format!(
                "{} {}",
                self.t(&p.title),
                words::hereinafter(&short_title, locale)
            )],
            false,
        );
        push(
            l.p_basis,
            p.legal_basis.iter().map(|s| self.t(s)).collect(),
            false,
        );
        let developers = p.developers.as_ref().unwrap_or(&self.session.initiators);
        push(
            l.p_developers,
            developers.iter().map(|id| self.names.text(id)).collect(),
            false,
        );
        push(
            l.p_responsible,
            vec![self.names.executor(&p.responsible, false)],
            false,
        );
        push(
            l.p_co_executors,
            p.co_executors
                .iter()
                .map(|id| self.names.executor(id, false))
                .collect(),
            false,
        );
        // Participants: every other organisation that is responsible for a step or takes part
        // in one, in the order of organisations.yaml.
        let executors: BTreeSet<&str> = std::iter::once(p.responsible.as_str())
            .chain(p.co_executors.iter().map(String::as_str))
            .collect();
        let in_steps: BTreeSet<&str> = self
            .steps_of
            .values()
            .flat_map(|sf| &sf.steps)
            .flat_map(|s| s.responsible().iter().chain(&s.partners))
            .map(String::as_str)
            .collect();
        let participants: Vec<&str> = self
            .orgs
            .iter()
            .map(|o| o.id.as_str())
            .filter(|id| in_steps.contains(id) && !executors.contains(id))
            .collect();
        push(
            l.p_participants,
            participants.iter().map(|id| self.names.text(id)).collect(),
            false,
        );
        push(l.p_goals, p.goals.iter().map(|g| self.t(g)).collect(), true);
        push(
            l.p_tasks,
            (self.cases.iter())
                .map(|c| rich::rich(&c.case.task, self.locale).plain())
                .collect(),
            true,
        );
        push(
            l.p_period,
            vec![format!(
                "{}, {}",
                words::period(p.period.from, p.period.to, locale),
                l.one_stage
            )],
            false,
        );
        push(
            l.p_indicators,
            self.indicators.iter().map(|i| self.t(&i.name)).collect(),
            true,
        );
        push(l.p_funding, self.funding.summary(locale), false);
        push(
            l.p_results,
            p.expected_results.iter().map(|r| self.t(r)).collect(),
            true,
        );
        let heading = self.next_section(l.passport);
        let cell_lists = rows
            .iter()
            .filter(|r| r.items.len() > 1)
            .map(|r| CellList {
                row: r.label.to_owned(),
                column: l.col_value.to_owned(),
                ordered: r.numbered,
                items: r.items.clone(),
            })
            .collect();
        Passport {
            table: TableFacts {
                cell_lists,
                ..TableFacts::new("passport", &heading, None)
            },
            heading,
            rows,
        }
    }

    /// 2. The area of the programme: the current state, the session, the agreements.
    pub(super) fn general(&mut self) -> General {
        let (l, locale, session) = (self.l, self.locale, self.session);
        let heading = self.next_section(l.general);
        let mut sub = 0;
        let mut next_sub = |heads: &mut assemble::Headings, title: &str| {
            sub += 1;
            heads.sub(format!("{}{sub}.", heading.number), title)
        };
        let context = self.p.context.as_deref().map(|text| Paragraphs {
            heading: next_sub(&mut self.heads, l.current_state),
            text: rich::rich(text, locale),
        });
        let session_heading = next_sub(&mut self.heads, l.session);
        let mut facts = vec![
            Fact {
                label: l.s_title,
                value: self.t(&session.title),
            },
            Fact {
                label: l.s_date,
                value: Deadline::On(self.session_date).render(locale),
            },
        ];
        let venue: Vec<String> = [session.venue.as_deref(), session.city.as_deref()]
            .into_iter()
            .flatten()
            .map(|s| self.t(s))
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
                let value = ids.iter().map(|id| self.names.text(id)).collect::<Vec<_>>();
                facts.push(Fact {
                    label,
                    value: value.join(", "),
                });
            }
        }
        if let Some(prog) = &session.programme {
            facts.push(Fact {
                label: l.s_programme,
                value: typography::quote(prog, locale),
            });
        }
        if let Some(purpose) = &session.purpose {
            facts.push(Fact {
                label: l.s_purpose,
                value: lower_first(&paragraphs(purpose, locale).join(" ")),
            });
        }
        // A list that names only some of the people present gives no counts.
        let (participant_kinds, participants_total, summary) = if session.participants_complete {
            participant_counts(self.participants, &self.names, locale)
        } else {
            (Vec::new(), None, None)
        };
        if let Some(summary) = summary {
            facts.push(Fact {
                label: l.s_participants,
                value: summary,
            });
        }
        let agreements = (!session.agreements.is_empty()).then(|| AgreementList {
            heading: next_sub(&mut self.heads, l.agreements_signed),
            items: session
                .agreements
                .iter()
                .map(|a| {
                    let mut s = typography::quote(&a.title, locale);
                    if let Some(d) = a.date.as_ref().and_then(DateField::get) {
                        s.push_str(&format!(" ({})", Deadline::On(d).render(locale)));
                    }
                    let parties: Vec<String> =
                        a.parties.iter().map(|id| self.names.text(id)).collect();
                    s.push_str(&format!(
                        "; {}: {}",
                        l.col_parties.to_lowercase(),
                        parties.join(", ")
                    ));
                    match &a.subject {
                        Some(subj) => format!(
                            "{s}; {}: {}.",
                            l.col_subject.to_lowercase(),
                            // One line of a list item: the words without their markup.
                            lower_first(&rich::rich(subj, locale).plain()).trim_end_matches('.')
                        ),
                        None => format!("{s}."),
                    }
                })
                .collect(),
        });
        General {
            heading,
            context,
            participants_table: TableFacts::new(
                "participants",
                &session_heading,
                Some(l.participants_by_kind),
            ),
            session_heading,
            session_facts: facts,
            participant_kinds,
            participants_total,
            agreements,
        }
    }

    /// 3. The case tracks: task, moderators, problems, proposals and what became of them.
    pub(super) fn cases(&mut self) -> Cases {
        let (l, locale) = (self.l, self.locale);
        let heading = self.next_section(l.cases);
        let people: HashMap<&str, &Participant> = self
            .participants
            .iter()
            .map(|p| (p.id.as_str(), p))
            .collect();
        let mut items = Vec::with_capacity(self.cases.len());
        for (i, c) in self.cases.clone().into_iter().enumerate() {
            let sub = self.heads.sub(
                format!("{}{}.", heading.number, i + 1),
                &self.t(&c.case.title),
            );
            let moderators: Vec<String> = c
                .case
                .moderators
                .iter()
                .filter_map(|id| people.get(id.as_str()))
                .map(|person| person_short(person, &mut self.names, locale))
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
                        decision = format!("{decision}: {}", lower_first(&self.t(reason)));
                    }
                    ProposalView {
                        number: (j + 1).to_string(),
                        text: self.t(&pr.text),
                        votes: pr.votes.map_or_else(|| DASH.to_owned(), |v| v.to_string()),
                        decision,
                        steps: self
                            .carried_by
                            .get(&(c.id.as_str(), pr.id.as_str()))
                            .map_or_else(|| DASH.to_owned(), |v| v.join(", ")),
                    }
                })
                .collect();
            let n_steps = self
                .steps_of
                .get(c.id.as_str())
                .map_or(0, |s| s.steps.len());
            let steps_summary = match n_steps {
                0 => l.no_steps.to_owned(),
                1 => format!("{}: {}.1.", l.col_steps, c.case.number),
                n => format!(
                    "{}: {c}.1–{c}.{n} ({count}).",
                    l.col_steps,
                    c = c.case.number,
                    count = words::count(n, Counted::Step, locale)
                ),
            };
            let proposals_caption = format!(
                "{} {}",
                l.proposals_of_case,
                sub.number.trim_end_matches('.')
            );
            items.push(CaseView {
                table: TableFacts::new(
                    format!("proposals-{}", i + 1),
                    &sub,
                    Some(&proposals_caption),
                ),
                proposals_caption,
                heading: sub,
                task: rich::rich(&c.case.task, locale).inline().lower_first(),
                moderators: {
                    let mut all = moderators;
                    all.extend(c.case.moderated_by.as_deref().map(|m| self.t(m)));
                    (!all.is_empty()).then(|| all.join(", "))
                },
                problems: (c.case.problems.iter())
                    .map(|pr| rich::rich(&pr.text, locale))
                    .collect(),
                votes_counted: c.case.proposals.iter().any(|p| p.votes.is_some()),
                proposals,
                steps_summary,
            });
        }
        Cases { heading, items }
    }

    /// 4. Goals, tasks (one per case) and expected results.
    pub(super) fn goals(&mut self) -> Goals {
        Goals {
            heading: self.next_section(self.l.goals),
            goals: self.p.goals.iter().map(|g| self.t(g)).collect(),
            tasks: self.cases.iter().map(|c| self.task_label(c)).collect(),
            task_ids: (self.cases.iter())
                .map(|c| (c.id.clone(), rich::rich(&c.case.task, self.locale).plain()))
                .collect(),
            results: self.p.expected_results.iter().map(|r| self.t(r)).collect(),
        }
    }

    /// 5. The steps: one table grouped by case, and the content of the steps that have one.
    pub(super) fn steps(&mut self) -> Steps {
        let (l, locale) = (self.l, self.locale);
        let heading = self.next_section(l.steps);
        let mut total = 0;
        let mut groups = Vec::new();
        for c in self.cases.clone() {
            let Some(sf) = self.steps_of.get(c.id.as_str()).copied() else {
                continue;
            };
            if sf.steps.is_empty() {
                continue;
            }
            total += sf.steps.len();
            let steps = sf.steps.iter().map(|s| self.step_row(s)).collect();
            groups.push(StepGroup {
                label: self.task_label(c),
                case: c.id.clone(),
                task: rich::rich(&c.case.task, locale).plain(),
                steps,
            });
        }
        let details = self
            .cases
            .iter()
            .filter_map(|c| self.steps_of.get(c.id.as_str()))
            .flat_map(|sf| sf.steps.iter())
            .filter_map(|s| {
                Some(StepDetail {
                    number: self.step_numbers.get(s.id.as_str())?.clone(),
                    description: rich::rich(s.description.as_deref()?, locale),
                })
            })
            .collect();
        let notes = step_notes(&mut groups, l);
        let cell_lists = groups
            .iter()
            .flat_map(|g| &g.steps)
            .filter(|s| s.funding.len() > 1)
            .map(|s| CellList {
                row: s.number.clone(),
                column: l.col_step_funding.to_owned(),
                ordered: false,
                items: s.funding.clone(),
            })
            .collect();
        let table = TableFacts {
            row_groups: groups.iter().map(|g| g.label.clone()).collect(),
            cell_lists,
            ..TableFacts::new("steps", &heading, None)
        };
        let deadlines: HashMap<&str, Deadline> = self
            .steps_of
            .values()
            .flat_map(|sf| sf.steps.iter())
            .filter_map(|s| {
                Some((
                    s.id.as_str(),
                    Deadline::parse(&s.deadline.as_ref()?.0).ok()?,
                ))
            })
            .collect();
        let roadmap = (total > 0).then(|| {
            super::chart::roadmap(
                &groups,
                &|id| deadlines.get(id).copied(),
                (self.p.period.from, self.p.period.to),
                &heading,
                l,
                locale,
            )
        });
        Steps {
            funded: !self.funding.is_empty(),
            roadmap,
            heading,
            table,
            groups,
            details,
            notes,
            total: format!(
                "{}: {}",
                l.col_total,
                words::count(total, Counted::Step, locale)
            ),
        }
    }

    /// A row of the steps table.
    fn step_row(&mut self, s: &crate::model::Step) -> StepRow {
        let locale = self.locale;
        let title = self.t(&s.title);
        let funding = self.funding.step_lines(s, locale);
        let funding_inline = if funding.is_empty() {
            DASH.to_owned()
        } else {
            inline(&funding)
        };
        let join = |names: &mut OrgNames<'_>, ids: &[String]| {
            if ids.is_empty() {
                DASH.to_owned()
            } else {
                let named: Vec<String> = ids.iter().map(|id| names.executor(id, true)).collect();
                named.join(", ")
            }
        };
        let indicators: Vec<String> = s
            .indicators
            .iter()
            .filter_map(|id| self.indicator_numbers.get(id.as_str()))
            .map(ToString::to_string)
            .collect();
        let mut row = StepRow {
            id: s.id.clone(),
            number: self
                .step_numbers
                .get(s.id.as_str())
                .cloned()
                .unwrap_or_default(),
            title,
            mark: step_mark(s.status),
            deadline: s
                .deadline
                .as_ref()
                .and_then(|d| Deadline::parse(&d.0).ok())
                .map_or_else(|| DASH.to_owned(), |d| d.render(locale)),
            responsible: join(&mut self.names, s.responsible()),
            partners: join(&mut self.names, &s.partners),
            funding: if funding.is_empty() {
                vec![DASH.to_owned()]
            } else {
                funding
            },
            funding_inline,
            result: s
                .result
                .as_deref()
                .map_or_else(|| DASH.to_owned(), |r| self.t(r)),
            indicators: if indicators.is_empty() {
                DASH.to_owned()
            } else {
                indicators.join(", ")
            },
            indicator_ids: s.indicators.clone(),
            status: s.status,
            breakable: false,
        };
        row.breakable = [
            &row.title,
            &row.responsible,
            &row.partners,
            &row.result,
            &row.funding_inline,
        ]
        .iter()
        .any(|cell| cell.chars().count() > LONG_CELL);
        row
    }

    /// 6. Target indicators, a column per year of the period.
    pub(super) fn indicators(&mut self) -> Indicators {
        let locale = self.locale;
        let heading = self.next_section(self.l.indicators);
        let mut rows = Vec::with_capacity(self.indicators.len());
        let mut notes = Vec::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            let l = self.l;
            let said: Vec<String> = [
                (l.indicator_source, &ind.source),
                (l.indicator_method, &ind.method),
            ]
            .into_iter()
            .filter_map(|(label, text)| {
                let text = text.as_deref().filter(|t| !t.trim().is_empty())?;
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                Some(format!(
                    "{label} — {}",
                    lower_first(text.trim_end_matches('.'))
                ))
            })
            .collect();
            if !said.is_empty() {
                notes.push(typography::text(
                    &format!("{} {}: {}.", l.indicator_word, i + 1, said.join("; ")),
                    locale,
                ));
            }
            let name = match ind.direction {
                Direction::Up => self.t(&ind.name),
                Direction::Down => self.t(&format!("{} {}", ind.name, l.indicator_down)),
            };
            rows.push(IndicatorRow {
                id: ind.id.clone(),
                number: (i + 1).to_string(),
                name,
                unit: self.t(&ind.unit),
                baseline: ind.baseline.map_or_else(
                    || DASH.to_owned(),
                    |b| format!("{} ({})", typography::number(b.value, 2, locale), b.year),
                ),
                targets: self
                    .years
                    .iter()
                    .map(|y| {
                        ind.targets
                            .get(y)
                            .map_or_else(|| DASH.to_owned(), |v| typography::number(*v, 2, locale))
                    })
                    .collect(),
                responsible: ind
                    .responsible
                    .as_deref()
                    .map_or_else(|| DASH.to_owned(), |id| self.names.table(id)),
            });
        }
        Indicators {
            table: TableFacts::new("indicators", &heading, None),
            heading,
            years: self.years.iter().map(ToString::to_string).collect(),
            rows,
            notes,
            wide: self.years.len() > 5,
            empty_note: self.indicators.is_empty().then_some(match locale {
                Locale::Ru => "Целевые показатели будут определены при согласовании Программы.",
                Locale::En => "Target indicators will be set when the Programme is agreed.",
            }),
        }
    }

    /// 7. Resources: funding by source and year.
    pub(super) fn resources(&mut self) -> Resources {
        let (l, locale) = (self.l, self.locale);
        let heading = self.next_section(l.resources);
        Resources {
            table: TableFacts::new("resources", &heading, Some(l.resources_caption)),
            heading,
            unit: l.thousand_roubles,
            caption: l.resources_caption,
            years: self.years.iter().map(|y| words::year(*y, locale)).collect(),
            rows: self.funding.rows(locale),
            total: self.funding.total_row(l.total, locale),
            none: self.funding.is_empty().then_some(l.no_funding),
        }
    }

    /// 8. Implementation: the programme's text, or the built-in paragraphs.
    pub(super) fn implementation(&mut self) -> Implementation {
        let heading = self.next_section(self.l.implementation);
        let text = (self.p.implementation.as_deref()).filter(|t| !t.trim().is_empty());
        let text = match text {
            Some(text) => rich::rich(text, self.locale),
            None => {
                let responsible = self.names.text(&self.p.responsible);
                let co_executors: Vec<String> = (self.p.co_executors.iter())
                    .map(|id| self.names.text(id))
                    .collect();
                // Where the indicators are, when there are any: the title of their section.
                let indicators = (!self.indicators.is_empty()).then_some(self.l.indicators);
                // The built-in paragraphs are the tool's own text: typeset like the user's.
                let words = words::default_implementation(
                    &responsible,
                    &co_executors,
                    indicators,
                    self.locale,
                );
                rich::Rich::paragraphs(words.iter().map(|p| typography::text(p, self.locale)))
            }
        };
        Implementation { heading, text }
    }

    /// 9. Risks, when there are any.
    pub(super) fn risks(&mut self) -> Option<Risks> {
        if self.p.risks.is_empty() {
            return None;
        }
        let heading = self.next_section(self.l.risks);
        Some(Risks {
            table: TableFacts::new("risks", &heading, None),
            heading,
            rows: self
                .p
                .risks
                .iter()
                .enumerate()
                .map(|(i, r)| RiskRow {
                    number: (i + 1).to_string(),
                    risk: self.t(&r.risk),
                    mitigation: self.t(&r.mitigation),
                })
                .collect(),
        })
    }

    /// The annexes that have content, numbered in order.
    pub(super) fn annexes(&mut self) -> Annexes {
        Annexes {
            participants: self.participants_annex(),
            agreements: self.agreements_annex(),
            matrix: self.matrix_annex(),
            sign_off: self.sign_off_annex(),
        }
    }

    /// Лист согласования: who signs the draft off. A participant's name is printed only when
    /// they are published, as in the list of participants; otherwise the cell is left empty,
    /// for the name to be written by hand with the signature.
    fn sign_off_annex(&mut self) -> Option<SignOffAnnex> {
        if self.p.sign_off.is_empty() {
            return None;
        }
        let head = self.next_annex(self.l.annex_sign_off);
        let mut rows = Vec::with_capacity(self.p.sign_off.len());
        for (i, s) in self.p.sign_off.iter().enumerate() {
            let name = match (&s.participant, &s.name) {
                (Some(id), _) => self
                    .participants
                    .iter()
                    .find(|p| &p.id == id)
                    .filter(|p| p.publish)
                    .map(|p| self.t(&p.name)),
                (None, Some(name)) => Some(self.t(name)),
                (None, None) => None,
            };
            rows.push(SignOffRow {
                number: (i + 1).to_string(),
                organisation: self.names.table(&s.organisation),
                position: self.t(&s.position),
                name: name.unwrap_or_default(),
            });
        }
        Some(SignOffAnnex {
            table: TableFacts::new("annex-sign-off", &head.heading, None),
            head,
            rows,
        })
    }

    fn participants_annex(&mut self) -> Option<ParticipantsAnnex> {
        if self.participants.is_empty() {
            return None;
        }
        let head = self.next_annex(self.l.annex_participants);
        let mut rows = Vec::with_capacity(self.participants.len());
        for (i, person) in self.participants.iter().enumerate() {
            let org = person
                .organisation
                .as_deref()
                .map(|id| self.names.table(id));
            rows.push(ParticipantRow {
                id: person.id.clone(),
                number: (i + 1).to_string(),
                name: if person.publish {
                    self.t(&person.name)
                } else {
                    self.names.representative(person.organisation.as_deref())
                },
                // A person who is not published is not described either.
                position: person
                    .position
                    .as_deref()
                    .filter(|_| person.publish)
                    .map_or_else(|| DASH.to_owned(), |p| self.t(p)),
                organisation: org.unwrap_or_else(|| DASH.to_owned()),
                role: words::role(person.role, self.locale).to_owned(),
            });
        }
        Some(ParticipantsAnnex {
            table: TableFacts::new("annex-participants", &head.heading, None),
            head,
            rows,
        })
    }

    fn agreements_annex(&mut self) -> Option<AgreementsAnnex> {
        if self.session.agreements.is_empty() {
            return None;
        }
        let head = self.next_annex(self.l.annex_agreements);
        let mut rows = Vec::new();
        for (i, a) in self.session.agreements.iter().enumerate() {
            let parties: Vec<String> = a.parties.iter().map(|id| self.names.table(id)).collect();
            rows.push(AgreementRow {
                number: (i + 1).to_string(),
                title: self.t(&a.title),
                date: a
                    .date
                    .as_ref()
                    .and_then(DateField::get)
                    .map_or_else(|| DASH.to_owned(), |d| Deadline::On(d).render(self.locale)),
                parties: parties.join(", "),
                subject: a.subject.as_deref().map_or_else(
                    || rich::Rich::paragraphs([DASH.to_owned()]),
                    |s| rich::rich(s, self.locale).inline(),
                ),
            });
        }
        Some(AgreementsAnnex {
            table: TableFacts::new("annex-agreements", &head.heading, None),
            head,
            rows,
        })
    }

    /// Who leads and who takes part in which steps, by organisation.
    fn matrix_annex(&mut self) -> Option<MatrixAnnex> {
        if self.step_numbers.is_empty() {
            return None;
        }
        let head = self.next_annex(self.l.annex_matrix);
        let mut lead: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut partner: HashMap<&str, Vec<&str>> = HashMap::new();
        for c in &self.cases {
            let Some(sf) = self.steps_of.get(c.id.as_str()) else {
                continue;
            };
            for s in &sf.steps {
                let number = self.step_numbers[s.id.as_str()].as_str();
                // Every responsible organisation is responsible, alone or jointly, as in the
                // list of steps.
                for id in s.responsible() {
                    lead.entry(id.as_str()).or_default().push(number);
                }
                for id in &s.partners {
                    partner.entry(id.as_str()).or_default().push(number);
                }
            }
        }
        let list = |m: &HashMap<&str, Vec<&str>>, id: &str| {
            m.get(id).map_or_else(|| DASH.to_owned(), |v| v.join(", "))
        };
        let mut rows = Vec::new();
        for o in self.orgs {
            let id = o.id.as_str();
            if lead.contains_key(id) || partner.contains_key(id) {
                rows.push(MatrixRow {
                    organisation: self.names.table(id),
                    lead: list(&lead, id),
                    partner: list(&partner, id),
                });
            }
        }
        Some(MatrixAnnex {
            table: TableFacts::new("annex-matrix", &head.heading, None),
            head,
            rows,
        })
    }
}

/// The mark of a step's status in the list of steps: «*» proposed, «**» disputed.
fn step_mark(status: StepStatus) -> &'static str {
    match status {
        StepStatus::Agreed => "",
        StepStatus::Proposed => "*",
        StepStatus::Disputed => "**",
    }
}

/// The notes under the list of steps. When every step has the same status one note says so and
/// no step is marked; otherwise each mark in use is explained once.
fn step_notes(groups: &mut [StepGroup], l: &Labels) -> Vec<String> {
    let marks: BTreeSet<&str> = groups
        .iter()
        .flat_map(|g| &g.steps)
        .map(|s| s.mark)
        .collect();
    let only: Vec<&str> = marks.iter().copied().collect();
    let all = match only.as_slice() {
        ["*"] => Some(l.note_all_proposed),
        ["**"] => Some(l.note_all_disputed),
        _ => None,
    };
    if let Some(note) = all {
        for s in groups.iter_mut().flat_map(|g| &mut g.steps) {
            s.mark = "";
        }
        return vec![note.to_owned()];
    }
    [("*", l.note_proposed), ("**", l.note_disputed)]
        .into_iter()
        .filter(|(mark, _)| marks.contains(mark))
        .map(|(_, note)| note.to_owned())
        .collect()
}

/// Items on one line, for a format whose cells cannot hold lines: «a; b», with an item that
/// ends in a colon followed by a space only («в том числе: a; b»).
pub(super) fn inline(items: &[String]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if items[i - 1].ends_with(':') {
                " "
            } else {
                "; "
            });
        }
        out.push_str(item);
    }
    out
}

/// Numbered items on one line: «1) a; 2) b».
pub(super) fn inline_numbered(items: &[String]) -> String {
    let numbered: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| format!("{}) {item}", i + 1))
        .collect();
    numbered.join("; ")
}

/// A passport row longer than this (in characters) might not fit on one page: the PDF may
/// split it.
const LONG_PASSPORT_ROW: usize = 2500;

impl PassportRow {
    fn new(label: &'static str, items: Vec<String>, numbered: bool) -> Self {
        // A single item is not numbered.
        let numbered = numbered && items.len() > 1;
        let inline = if numbered {
            inline_numbered(&items)
        } else {
            inline(&items)
        };
        PassportRow {
            label,
            breakable: inline.chars().count() > LONG_PASSPORT_ROW,
            inline,
            items,
            numbered,
        }
    }
}

/// A participant in running text: «Е. А. Фамилия», or «представитель АСИ» when not published.
fn person_short(person: &Participant, names: &mut OrgNames<'_>, locale: Locale) -> String {
    if person.publish {
        typography::initials_surname(&typography::text(&person.name, locale))
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
    let mut by_kind: BTreeMap<OrgKind, (BTreeSet<&str>, usize)> = BTreeMap::new();
    for person in participants {
        let (kind, org) = match person.organisation.as_deref().and_then(|id| names.get(id)) {
            Some(o) => (o.kind, Some(o.id.as_str())),
            None => (OrgKind::Other, None),
        };
        let entry = by_kind.entry(kind).or_default();
        entry.0.extend(org);
        entry.1 += 1;
    }
    let n = |v: usize| typography::number(v as f64, 0, locale);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Direction;

    /// §6 says where each indicator's values come from and how they are calculated, and marks
    /// an indicator that should go down.
    #[test]
    fn indicators_print_source_method_and_direction() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/base");
        let (mut input, _) = crate::load::load(&root).expect("the base fixture loads");
        let (_, list) = input.indicators.as_mut().expect("indicators");
        list[0].method = Some("число обученных\n  за год".into());
        list[1].source = None;
        list[1].direction = Direction::Down;
        let doc = crate::document::assemble(&input).expect("assembles");
        let ind = &doc.indicators;
        assert_eq!(
            ind.notes,
            [
                "Показатель 1: источник информации\u{a0}— отчёты Центра; методика расчёта\u{a0}— число обученных за год."
            ]
        );
        assert!(
            ind.rows[1]
                .name
                .ends_with("(целевая динамика\u{a0}— снижение)"),
            "{}",
            ind.rows[1].name
        );
        assert!(!ind.rows[0].name.contains("снижение"));
    }

    /// The list of abbreviations holds the programme's `abbreviations` besides the short names
    /// of organisations.
    #[test]
    fn listed_abbreviations_join_the_short_names() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/base");
        let (input, _) = crate::load::load(&root).expect("the base fixture loads");
        let doc = crate::document::assemble(&input).expect("assembles");
        let rows = doc.abbreviations.expect("a list").rows;
        let nko = rows
            .iter()
            .find(|r| r.short == "НКО")
            .expect("НКО is listed");
        assert_eq!(nko.full, "некоммерческие организации");
    }

    fn group(marks: &[&'static str]) -> StepGroup {
        StepGroup {
            label: "Задача 1. …".into(),
            case: "c".into(),
            task: "…".into(),
            steps: marks
                .iter()
                .enumerate()
                .map(|(i, mark)| StepRow {
                    id: format!("s{i}"),
                    number: format!("1.{}", i + 1),
                    title: "Шаг".into(),
                    mark,
                    deadline: DASH.into(),
                    responsible: DASH.into(),
                    partners: DASH.into(),
                    funding: vec![DASH.into()],
                    funding_inline: DASH.into(),
                    result: DASH.into(),
                    indicators: DASH.into(),
                    indicator_ids: Vec::new(),
                    status: StepStatus::Agreed,
                    breakable: false,
                })
                .collect(),
        }
    }

    fn marks(groups: &[StepGroup]) -> Vec<&'static str> {
        groups
            .iter()
            .flat_map(|g| &g.steps)
            .map(|s| s.mark)
            .collect()
    }

    #[test]
    fn each_mark_is_explained_once_and_one_status_for_all_is_one_sentence() {
        let l = Locale::Ru.labels();
        let mut mixed = vec![group(&["*", "", "**"]), group(&["*"])];
        assert_eq!(
            step_notes(&mut mixed, l),
            [l.note_proposed, l.note_disputed]
        );
        assert_eq!(marks(&mixed), ["*", "", "**", "*"]);

        let mut proposed = vec![group(&["*", "*"]), group(&["*"])];
        assert_eq!(step_notes(&mut proposed, l), [l.note_all_proposed]);
        assert!(marks(&proposed).iter().all(|m| m.is_empty()));

        let mut agreed = vec![group(&["", ""])];
        assert!(step_notes(&mut agreed, l).is_empty());
    }

    #[test]
    fn items_on_one_line() {
        let items = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            inline(&items(&[
                "Всего — 5,0, в том числе:",
                "2027 год — 5,0",
                "гранты — 5,0"
            ])),
            "Всего — 5,0, в том числе: 2027 год — 5,0; гранты — 5,0"
        );
        assert_eq!(
            inline_numbered(&items(&["Первая", "Вторая"])),
            "1) Первая; 2) Вторая"
        );
        let row = PassportRow::new("Цели", items(&["Одна"]), true);
        assert!(!row.numbered, "a single item is not numbered");
        assert_eq!(row.inline, "Одна");
    }
}
