//! Building the [`Document`] from a validated [`Input`], section by section in document order.
//! The order matters: an organisation is introduced in full at its first mention in text, and
//! heading anchors are numbered in the order a reader meets them.

use std::collections::HashMap;

use comrak::Anchorizer;

use super::funding::FundingTotals;
use super::names::OrgNames;
use super::*;
use crate::deadline::Deadline;
use crate::error::Failure;
use crate::load::{CaseInput, Input, StepsInput};
use crate::locale::{Labels, Locale, typography, words};
use crate::model::{
    Date, DateField, Indicator, Organisation, Participant, Programme, Session, Status,
};
use crate::msg;

/// Placeholder for an empty cell.
pub(super) const DASH: &str = "–";

/// Assembles the document. The input must have passed validation without errors; a missing
/// required part is reported as a failure rather than guessed.
pub fn assemble(input: &Input) -> Result<Document, Failure> {
    let mut a = Assembler::new(input)?;
    let title_block = a.title_block();
    let abbreviations_heading = a.heads.unnumbered(a.l.abbreviations);
    let passport = a.passport();
    let general = a.general();
    let cases = a.cases();
    let goals = a.goals();
    let steps = a.steps();
    let indicators = a.indicators();
    let resources = a.resources();
    let implementation = a.implementation();
    let risks = a.risks();
    let annexes = a.annexes();
    a.names.note_abbreviations(input);
    let abbreviations = (!a.names.abbreviations().is_empty()).then(|| Abbreviations {
        rows: a
            .names
            .abbreviations()
            .into_iter()
            .map(|(short, full)| Abbreviation {
                short: short.to_owned(),
                full: full.to_owned(),
            })
            .collect(),
        table: TableFacts::new("abbreviations", &abbreviations_heading, None),
        heading: abbreviations_heading,
    });
    let meta = a.meta(&title_block.title);
    let mut toc = std::mem::take(&mut a.heads.toc);
    if abbreviations.is_none() {
        toc.retain(|e| e.heading.text != a.l.abbreviations);
    }
    Ok(Document {
        lang: a.locale.tag(),
        labels: a.l,
        meta,
        title_block,
        toc,
        abbreviations,
        passport,
        general,
        cases,
        goals,
        steps,
        indicators,
        resources,
        implementation,
        risks,
        annexes,
    })
}

/// What every section is assembled from: the input, the namer and the heading counter, and the
/// numbers that later sections refer to.
pub(super) struct Assembler<'a> {
    pub(super) p: &'a Programme,
    pub(super) session: &'a Session,
    /// The day of the session.
    pub(super) session_date: Date,
    /// The date of the document: the programme's, else the session's.
    pub(super) date: Date,
    pub(super) orgs: &'a [Organisation],
    pub(super) participants: &'a [Participant],
    pub(super) indicators: &'a [Indicator],
    pub(super) locale: Locale,
    pub(super) l: &'static Labels,
    pub(super) names: OrgNames<'a>,
    pub(super) heads: Headings,
    /// Years of the period.
    pub(super) years: Vec<i32>,
    /// Cases by their number.
    pub(super) cases: Vec<&'a CaseInput>,
    /// Steps files by case id.
    pub(super) steps_of: HashMap<&'a str, &'a StepsInput>,
    /// «1.2» by step id.
    pub(super) step_numbers: HashMap<&'a str, String>,
    /// Numbers of the steps that carry out a proposal, by (case id, proposal id).
    pub(super) carried_by: HashMap<(&'a str, &'a str), Vec<String>>,
    /// Position of each indicator, from 1.
    pub(super) indicator_numbers: HashMap<&'a str, usize>,
    pub(super) funding: FundingTotals,
    /// The last section number given.
    section: u32,
    /// The last annex number given.
    annex: u32,
}

impl<'a> Assembler<'a> {
    pub(super) fn new(input: &'a Input) -> Result<Self, Failure> {
        let missing = |what: &str| {
            Failure::hinted(
                msg!(ErrAssembleNotLoaded, file = what),
                msg!(ErrAssembleHint),
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
        // Validation reports a date that does not exist; the document has no day to print.
        let real = |field: &DateField| {
            field
                .get()
                .ok_or_else(|| Failure::hinted(msg!(ErrAssembleBadDate), msg!(ErrAssembleHint)))
        };
        let session_date = real(&session.date)?;
        let date = p.date.as_ref().map_or(Ok(session_date), real)?;
        for a in &session.agreements {
            a.date.as_ref().map(real).transpose()?;
        }
        p.approval.as_ref().map(|a| real(&a.date)).transpose()?;
        p.revision.as_ref().map(|r| real(r.date())).transpose()?;
        let orgs: &[Organisation] = list(&input.organisations);
        let participants: &[Participant] = list(&input.participants);
        let indicators: &[Indicator] = list(&input.indicators);
        let locale = p.locale;
        let years: Vec<i32> = (p.period.from..=p.period.to).collect();

        let mut cases: Vec<&CaseInput> = input.cases.iter().collect();
        cases.sort_by_key(|c| c.case.number);
        let steps_of: HashMap<&str, &StepsInput> =
            input.steps.iter().map(|s| (s.case.as_str(), s)).collect();
        let mut step_numbers = HashMap::new();
        let mut carried_by: HashMap<(&str, &str), Vec<String>> = HashMap::new();
        for c in &cases {
            let Some(sf) = steps_of.get(c.id.as_str()) else {
                continue;
            };
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
        let indicator_numbers = indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| (ind.id.as_str(), i + 1))
            .collect();
        Ok(Assembler {
            p,
            session,
            session_date,
            date,
            orgs,
            participants,
            indicators,
            locale,
            l: locale.labels(),
            names: OrgNames::new(orgs, locale),
            heads: Headings {
                anchors: Anchorizer::new(),
                toc: Vec::new(),
                locale,
            },
            funding: FundingTotals::new(input, &years),
            years,
            cases,
            steps_of,
            step_numbers,
            carried_by,
            indicator_numbers,
            section: 0,
            annex: 0,
        })
    }

    /// User text, typeset for the locale.
    pub(super) fn t(&self, s: &str) -> String {
        typography::text(s, self.locale)
    }

    /// The heading of the next numbered section: «4.».
    pub(super) fn next_section(&mut self, title: &str) -> Heading {
        self.section += 1;
        self.heads.top(format!("{}.", self.section), title)
    }

    /// The mark and heading of the next annex: «Приложение № 2 к Программе».
    pub(super) fn next_annex(&mut self, title: &str) -> AnnexHead {
        self.annex += 1;
        let (l, n) = (self.l, self.annex);
        AnnexHead {
            mark: format!("{} {}{n} {}", l.annex, l.number_sign, l.annex_to),
            heading: self
                .heads
                .top(format!("{} {}{n}.", l.annex, l.number_sign), title),
        }
    }

    /// «Задача 1. …» for a case.
    pub(super) fn task_label(&self, c: &CaseInput) -> String {
        format!(
            "{} {}. {}",
            self.l.task,
            c.case.number,
            super::rich::rich(&c.case.task, self.locale).plain()
        )
    }

    /// The title page. Its headings (the title, «Содержание») come first in the anchors.
    fn title_block(&mut self) -> TitleBlock {
        let title = self.t(&self.p.title);
        self.heads.anchor(&title);
        self.heads.anchor(self.l.contents);
        let year = self.date.year;
        let draft = self.p.status == Status::Draft;
        let printed = |d: Date| Deadline::On(d).render(self.locale);
        // A draft prints its revision under «ПРОЕКТ»; an approved programme prints the stamp
        // instead of both, so an edition's date never sits beside the act that approved it.
        let revision = self.p.revision.as_ref().filter(|_| draft).and_then(|r| {
            let label = r.label().map(|l| match self.locale {
                Locale::Ru => lower_first(&self.t(l)),
                Locale::En => self.t(l),
            });
            Some(words::revision(
                &printed(r.date().get()?),
                label.as_deref(),
                self.locale,
            ))
        });
        let approval = self.p.approval.as_ref().filter(|_| !draft).and_then(|a| {
            let date = printed(a.date.get()?);
            let lines = vec![
                self.l.approved.to_owned(),
                self.t(&a.by),
                words::approval_date_number(&date, &self.t(&a.number), self.locale),
            ];
            Some(ApprovalStamp {
                inline: lines.join(" "),
                lines,
            })
        });
        TitleBlock {
            draft: draft.then_some(self.l.draft),
            revision,
            approval,
            title,
            period: crate::locale::words::period_line(
                self.p.period.from,
                self.p.period.to,
                self.locale,
            ),
            place_year: match &self.p.place {
                Some(place) => format!("{}, {year}", self.t(place)),
                None => year.to_string(),
            },
        }
    }

    /// Title, author, keywords, date and language for the PDF and the HTML head.
    fn meta(&self, title: &str) -> Meta {
        let keywords = if self.p.keywords.is_empty() {
            let mut k = vec![match self.locale {
                Locale::Ru => "некоммерческие организации".to_owned(),
                Locale::En => "non-profit organisations".to_owned(),
            }];
            k.extend(self.p.region.as_deref().map(|r| self.t(r)));
            k.extend(self.session.programme.as_deref().map(|r| self.t(r)));
            k
        } else {
            self.p.keywords.iter().map(|k| self.t(k)).collect()
        };
        Meta {
            title: title.to_owned(),
            author: self.names.full(&self.p.responsible),
            keywords,
            date: self.date,
            lang: self.locale.tag(),
            language: self.locale.region_tag(),
            draft: self.p.status == Status::Draft,
        }
    }
}

/// The items of a sequence file, or none when it is absent.
fn list<T>(file: &Option<(crate::load::FileId, Vec<T>)>) -> &[T] {
    file.as_ref().map_or(&[], |(_, items)| items)
}

/// Makes headings with anchors in document order and collects the table of contents.
pub(super) struct Headings {
    anchors: Anchorizer,
    toc: Vec<TocEntry>,
    /// Titles are typeset before their anchors are made, so links find them.
    locale: Locale,
}

impl Headings {
    pub(super) fn anchor(&mut self, text: &str) -> String {
        self.anchors.anchorize(text)
    }

    fn make(&mut self, number: String, title: &str) -> Heading {
        let title = &typography::text(title, self.locale);
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
    pub(super) fn top(&mut self, number: String, title: &str) -> Heading {
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
    pub(super) fn sub(&mut self, number: String, title: &str) -> Heading {
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
pub(super) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_owned(),
    }
}

/// Splits text into paragraphs at blank lines, joins the lines of each, and typesets them.
pub(super) fn paragraphs(text: &str, locale: Locale) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(typography::text(&current.join(" "), locale));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(typography::text(&current.join(" "), locale));
    }
    out
}
