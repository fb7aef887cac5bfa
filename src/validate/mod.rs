//! Stage `validate`: every rule of the input format over the whole programme, as findings.
//!
//! Nothing here stops at the first problem: each rule adds [`Diagnostic`]s placed where the
//! offending value is written (a dangling reference is reported at the reference, with the
//! nearest existing id as a hint). Rules that depend on a file that did not load are skipped,
//! so one broken file does not drown the report in follow-on errors.

mod out;
mod steps;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Code, Diagnostic};
use crate::load::Input;
use crate::model::{Date, ProposalStatus, is_valid_id};

/// Years a programme, a baseline or a target can be about.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The largest number an amount, a target or a baseline may be: larger ones are typing mistakes
/// (and sums of them would overflow).
const MAX_NUMBER: f64 = 1e12;

/// Checks a loaded programme and returns every finding, unsorted.
pub fn validate(input: &Input) -> Vec<Diagnostic> {
    let mut v = Validator::new(input);
    v.programme();
    v.session();
    v.organisations();
    v.participants();
    v.cases();
    v.indicators();
    v.steps();
    v.out.diags
}

/// A set of known ids of one kind, for reference checks.
struct Ids<'a> {
    /// The noun used in messages: `organisation`, `participant`.
    noun: String,
    /// The ids, sorted and without repeats: the candidates of a did-you-mean.
    ids: Vec<&'a str>,
    set: HashSet<&'a str>,
    /// False when the file that defines them did not load: references are not checked.
    complete: bool,
    /// Ids that exist in a file that did not load: references to them are not reported.
    skip: HashSet<&'a str>,
    /// Where the ids live, for messages: «in case `partnership`».
    scope: Option<String>,
    /// The hint for each unknown id met so far: the nearest known id is searched once per
    /// distinct wrong id, not once per reference, so a programme with thousands of broken
    /// references is checked in time proportional to its size.
    hints: RefCell<HashMap<String, String>>,
}

impl<'a> Ids<'a> {
    fn new(noun: impl Into<String>, mut ids: Vec<&'a str>, complete: bool) -> Self {
        let set = ids.iter().copied().collect();
        ids.sort_unstable();
        ids.dedup();
        Ids {
            noun: noun.into(),
            set,
            ids,
            complete,
            skip: HashSet::new(),
            scope: None,
            hints: RefCell::new(HashMap::new()),
        }
    }

    fn scoped(mut self, scope: String) -> Self {
        self.scope = Some(scope);
        self
    }

    fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }
}

/// The ids of every kind, the period and the session date: what the rules look things up in.
struct Index<'a> {
    orgs: Ids<'a>,
    participants: Ids<'a>,
    indicators: Ids<'a>,
    cases: Ids<'a>,
    /// Proposal ids per case, with their status.
    proposals: HashMap<&'a str, Vec<(&'a str, ProposalStatus)>>,
    /// The first case, in file order, that has a proposal with each id.
    proposal_case: HashMap<&'a str, &'a str>,
    period: Option<(i32, i32)>,
    session_date: Option<Date>,
}

/// Where findings go, with the helpers that place them.
struct Out<'a> {
    input: &'a Input,
    diags: Vec<Diagnostic>,
}

struct Validator<'a> {
    input: &'a Input,
    idx: Index<'a>,
    out: Out<'a>,
}

impl<'a> Validator<'a> {
    fn new(input: &'a Input) -> Self {
        let orgs = match &input.organisations {
            Some((_, list)) => Ids::new(
                "organisation",
                list.iter().map(|o| o.id.as_str()).collect(),
                true,
            ),
            None => Ids::new("organisation", Vec::new(), false),
        };
        let participants_complete =
            input.participants.is_some() || input.source_by_rel("participants.yaml").is_none();
        let participants = Ids::new(
            "participant",
            input
                .participants
                .iter()
                .flat_map(|(_, l)| l.iter().map(|p| p.id.as_str()))
                .collect(),
            participants_complete,
        );
        let indicators_complete =
            input.indicators.is_some() || input.source_by_rel("indicators.yaml").is_none();
        let indicators = Ids::new(
            "indicator",
            input
                .indicators
                .iter()
                .flat_map(|(_, l)| l.iter().map(|i| i.id.as_str()))
                .collect(),
            indicators_complete,
        );
        let mut cases = Ids::new(
            "case",
            input.cases.iter().map(|c| c.id.as_str()).collect(),
            true,
        );
        // Case files that exist but did not load: references to them are not reported.
        cases.skip = input.unloaded("cases/");
        let proposals = input
            .cases
            .iter()
            .map(|c| {
                (
                    c.id.as_str(),
                    c.case
                        .proposals
                        .iter()
                        .map(|p| (p.id.as_str(), p.status))
                        .collect(),
                )
            })
            .collect();
        let mut proposal_case = HashMap::new();
        for c in &input.cases {
            for p in &c.case.proposals {
                proposal_case.entry(p.id.as_str()).or_insert(c.id.as_str());
            }
        }
        Validator {
            input,
            idx: Index {
                orgs,
                participants,
                indicators,
                cases,
                proposals,
                proposal_case,
                // Rules that use the period skip a period that is itself wrong (reported
                // once, in programme.yaml), rather than reason about years 1 to 2 147 483 647.
                period: input
                    .programme
                    .as_ref()
                    .map(|(_, p)| (p.period.from, p.period.to))
                    .filter(|(a, b)| {
                        a <= b && PLAUSIBLE_YEARS.contains(a) && PLAUSIBLE_YEARS.contains(b)
                    }),
                session_date: input.session.as_ref().and_then(|(_, s)| s.date.get()),
            },
            out: Out {
                input,
                diags: Vec::new(),
            },
        }
    }

    fn programme(&mut self) {
        let Some((file, p)) = &self.input.programme else {
            return;
        };
        let (file, root) = (*file, self.input.path(*file));
        self.out
            .not_empty(&p.title, file, &root.key("title"), "the title");
        if let Some(short) = &p.short_title {
            self.out
                .not_empty(short, file, &root.key("short_title"), "the short title");
        }
        if let Some(date) = &p.date {
            self.out.date(date, file, &root.key("date"));
        }
        for (i, r) in p.risks.iter().enumerate() {
            let path = root.key("risks").index(i);
            self.out
                .not_empty(&r.risk, file, &path.key("risk"), "the risk");
            self.out.not_empty(
                &r.mitigation,
                file,
                &path.key("mitigation"),
                "the mitigation",
            );
        }
        let has_cases = self
            .input
            .sources
            .iter()
            .any(|s| s.rel.starts_with("cases/"));
        if !has_cases {
            self.out
                .warning(
                    Code::NoCases,
                    file,
                    &root.key("title"),
                    "the programme has no case track",
                )
                .set_hint("add cases/<case>.yaml for each case track; `nko-draft init` shows one");
        }
        if p.period.from > p.period.to {
            self.out
                .error(
                    Code::BadPeriod,
                    file,
                    &root.key("period"),
                    format!(
                        "the period starts after it ends ({} > {})",
                        p.period.from, p.period.to
                    ),
                )
                .set_hint(format!(
                    "write the first year first: `period: {{from: {}, to: {}}}`",
                    p.period.to, p.period.from
                ));
        }
        for (key, year) in [("from", p.period.from), ("to", p.period.to)] {
            if !PLAUSIBLE_YEARS.contains(&year) {
                self.out.error(
                    Code::BadPeriod,
                    file,
                    &root.key("period").key(key),
                    format!("`{year}` is not a plausible year"),
                );
            }
        }
        if let (Some(session), true) = (self.idx.session_date, p.period.from <= p.period.to)
            && session.year > p.period.to
        {
            self.out.error(
                Code::BadPeriod,
                file,
                &root.key("period").key("to"),
                format!(
                    "the period ends in {}, before the session ({session})",
                    p.period.to
                ),
            );
        }
        if p.goals.is_empty() {
            self.out
                .error(
                    Code::MissingGoal,
                    file,
                    &root.key("goals"),
                    "the programme has no goal",
                )
                .set_hint("add at least one goal: goals: [\"…\"]");
        }
        for (i, g) in p.goals.iter().enumerate() {
            self.out
                .not_empty(g, file, &root.key("goals").index(i), "the goal");
        }
        self.out.reference(
            &self.idx.orgs,
            &p.responsible,
            file,
            &root.key("responsible"),
        );
        self.out.references(
            &self.idx.orgs,
            &p.co_executors,
            file,
            &root.key("co_executors"),
        );
        if let Some(devs) = &p.developers {
            self.out
                .references(&self.idx.orgs, devs, file, &root.key("developers"));
        }
        if let Some(name) = p.output.as_ref().and_then(|o| o.name.as_deref())
            // 250 bytes leave room for `.html` within the 255 that file systems allow.
            && (name.is_empty()
                || name.contains(['/', '\\'])
                || name.starts_with('.')
                || name.len() > 250)
        {
            self.out
                .error(
                    Code::BadOutput,
                    file,
                    &root.key("output").key("name"),
                    format!("`{name}` is not a file name"),
                )
                .set_hint("give a plain, short name such as `programme`; the folder goes in `dir`");
        }
        if p.output
            .as_ref()
            .and_then(|o| o.formats.as_ref())
            .is_some_and(Vec::is_empty)
        {
            self.out
                .error(
                    Code::BadOutput,
                    file,
                    &root.key("output").key("formats"),
                    "no formats to write: `build` would write nothing",
                )
                .set_hint(
                    "list at least one, e.g. `formats: [md, html, pdf]`, or remove the key for all",
                );
        }
        if let Some(dir) = p.output.as_ref().and_then(|o| o.dir.as_deref())
            && let Some(hint) = crate::project::outside_root_hint(dir)
        {
            self.out
                .error(
                    Code::BadOutput,
                    file,
                    &root.key("output").key("dir"),
                    format!("`{dir}` is outside the programme folder"),
                )
                .set_hint(hint);
        }
    }

    fn session(&mut self) {
        let Some((file, s)) = &self.input.session else {
            return;
        };
        let (file, root) = (*file, self.input.path(*file));
        self.out
            .not_empty(&s.title, file, &root.key("title"), "the title");
        self.out.date(&s.date, file, &root.key("date"));
        self.out
            .references(&self.idx.orgs, &s.initiators, file, &root.key("initiators"));
        self.out
            .references(&self.idx.orgs, &s.support, file, &root.key("support"));
        self.out
            .references(&self.idx.orgs, &s.partners, file, &root.key("partners"));
        for (i, a) in s.agreements.iter().enumerate() {
            let path = root.key("agreements").index(i);
            self.out
                .not_empty(&a.title, file, &path.key("title"), "the agreement's title");
            if let Some(date) = &a.date {
                self.out.date(date, file, &path.key("date"));
            }
            let distinct: HashSet<&str> = a.parties.iter().map(String::as_str).collect();
            if distinct.len() < 2 {
                self.out
                    .error(
                        Code::AgreementParties,
                        file,
                        &path.key("parties"),
                        "an agreement needs at least two parties",
                    )
                    .set_hint("list the organisations that signed it: `parties: [<id>, <id>]`");
            }
            self.out
                .references(&self.idx.orgs, &a.parties, file, &path.key("parties"));
        }
    }

    fn organisations(&mut self) {
        let Some((file, list)) = &self.input.organisations else {
            return;
        };
        let (file, root) = (*file, self.input.path(*file));
        let mut shorts: HashMap<&str, usize> = HashMap::new();
        for (i, o) in list.iter().enumerate() {
            let path = root.index(i);
            self.out.id_syntax(&o.id, file, &path.key("id"));
            self.out
                .not_empty(&o.name, file, &path.key("name"), "the name");
            if let Some(short) = &o.short {
                self.out
                    .not_empty(short, file, &path.key("short"), "the short name");
            }
            if let Some(short) = &o.short
                && let Some(first) = shorts.insert(short.as_str(), i)
            {
                self.out
                    .warning(
                        Code::DuplicateShort,
                        file,
                        &path.key("short"),
                        format!(
                            "the short name «{short}» is also used by `{}`",
                            list[first].id
                        ),
                    )
                    .set_hint("readers cannot tell the two apart in tables");
            }
        }
        self.out.unique(
            "organisation",
            list.iter()
                .enumerate()
                .map(|(i, o)| (o.id.as_str(), file, root.index(i).key("id"))),
        );
    }

    fn participants(&mut self) {
        let Some((file, list)) = &self.input.participants else {
            return;
        };
        let (file, root) = (*file, self.input.path(*file));
        for (i, p) in list.iter().enumerate() {
            let path = root.index(i);
            self.out.id_syntax(&p.id, file, &path.key("id"));
            self.out
                .not_empty(&p.name, file, &path.key("name"), "the name");
            if let Some(org) = &p.organisation {
                self.out
                    .reference(&self.idx.orgs, org, file, &path.key("organisation"));
            }
            self.out
                .references(&self.idx.cases, &p.cases, file, &path.key("cases"));
        }
        self.out.unique(
            "participant",
            list.iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), file, root.index(i).key("id"))),
        );
    }

    fn cases(&mut self) {
        let input = self.input;
        for source in input.sources.iter().filter(|s| s.rel.starts_with("cases/")) {
            let stem = crate::project::stem(&source.rel);
            if !is_valid_id(stem) {
                self.out.diags.push(
                    Diagnostic::error(
                        Code::InvalidId,
                        &source.rel,
                        format!("the file name `{stem}` is not a valid case id"),
                    )
                    .hint(
                        "case files are named by their id: lowercase latin letters, digits and `-`",
                    ),
                );
            }
        }
        let mut numbers: HashMap<u32, &str> = HashMap::new();
        for c in &input.cases {
            let (file, root) = (c.file, input.path(c.file));
            if c.case.number == 0 {
                self.out.error(
                    Code::BadNumber,
                    file,
                    &root.key("number"),
                    "case numbers start at 1",
                );
            } else if let Some(other) = numbers.insert(c.case.number, &c.id) {
                self.out
                    .error(
                        Code::DuplicateNumber,
                        file,
                        &root.key("number"),
                        format!(
                            "case number {} is also used by case `{other}`",
                            c.case.number
                        ),
                    )
                    .set_hint("each case has its own number: it orders the tasks of the programme");
            }
            self.out
                .not_empty(&c.case.title, file, &root.key("title"), "the title");
            self.out
                .not_empty(&c.case.task, file, &root.key("task"), "the task");
            self.out.references(
                &self.idx.participants,
                &c.case.moderators,
                file,
                &root.key("moderators"),
            );
            for (i, p) in c.case.problems.iter().enumerate() {
                let path = root.key("problems").index(i);
                self.out.id_syntax(&p.id, file, &path.key("id"));
                self.out
                    .not_empty(&p.text, file, &path.key("text"), "the problem");
            }
            self.out.unique(
                "problem",
                c.case
                    .problems
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.id.as_str(), file, root.key("problems").index(i).key("id"))),
            );
            let problems = Ids::new(
                "problem",
                c.case.problems.iter().map(|p| p.id.as_str()).collect(),
                true,
            )
            .scoped(format!("in case `{}`", c.id));
            for (i, p) in c.case.proposals.iter().enumerate() {
                let path = root.key("proposals").index(i);
                self.out.id_syntax(&p.id, file, &path.key("id"));
                self.out
                    .not_empty(&p.text, file, &path.key("text"), "the proposal");
                self.out
                    .references(&problems, &p.problems, file, &path.key("problems"));
                if p.status != ProposalStatus::Accepted && p.reason.is_none() {
                    self.out
                        .warning(
                            Code::MissingReason,
                            file,
                            &path.key("status"),
                            "a deferred or rejected proposal has no reason",
                        )
                        .set_hint("add `reason: …` so readers know why");
                }
            }
            self.out.unique(
                "proposal",
                c.case.proposals.iter().enumerate().map(|(i, p)| {
                    (
                        p.id.as_str(),
                        file,
                        root.key("proposals").index(i).key("id"),
                    )
                }),
            );
        }
    }

    fn indicators(&mut self) {
        let Some((file, list)) = &self.input.indicators else {
            return;
        };
        let (file, root) = (*file, self.input.path(*file));
        for (i, ind) in list.iter().enumerate() {
            let path = root.index(i);
            self.out.id_syntax(&ind.id, file, &path.key("id"));
            self.out
                .not_empty(&ind.name, file, &path.key("name"), "the name");
            self.out
                .not_empty(&ind.unit, file, &path.key("unit"), "the unit");
            if let Some(r) = &ind.responsible {
                self.out
                    .reference(&self.idx.orgs, r, file, &path.key("responsible"));
            }
            if let Some(c) = &ind.case {
                self.out
                    .reference(&self.idx.cases, c, file, &path.key("case"));
            }
            if ind.baseline.is_none() {
                self.out
                    .warning(
                        Code::SmartBaseline,
                        file,
                        &path.key("id"),
                        format!("indicator `{}` has no baseline", ind.id),
                    )
                    .set_hint(
                        "add `baseline: {year: 2026, value: …}`: a target means little without a start",
                    );
            }
            if let Some(b) = &ind.baseline {
                if !PLAUSIBLE_YEARS.contains(&b.year) {
                    self.out.error(
                        Code::BadNumber,
                        file,
                        &path.key("baseline").key("year"),
                        format!("`{}` is not a plausible year", b.year),
                    );
                }
                self.out
                    .number(b.value, file, &path.key("baseline").key("value"));
            }
            for (year, value) in &ind.targets {
                self.out
                    .number(*value, file, &path.key("targets").key(&year.to_string()));
            }
            if let Some((from, to)) = self.idx.period {
                for year in ind.targets.keys() {
                    if !(from..=to).contains(year) {
                        self.out
                            .error(
                                Code::TargetOutsidePeriod,
                                file,
                                &path.key("targets").key(&year.to_string()),
                                format!("a target for {year}, outside the period {from}–{to}"),
                            )
                            .set_pos(
                                self.input
                                    .key_pos(file, &path.key("targets").key(&year.to_string())),
                            )
                            .set_hint(format!("targets are set for the years {from} to {to}"));
                    }
                }
                let missing: Vec<String> = (from..=to)
                    .filter(|y| !ind.targets.contains_key(y))
                    .map(|y| y.to_string())
                    .collect();
                if !missing.is_empty() {
                    let key = if ind.targets.is_empty() {
                        "id"
                    } else {
                        "targets"
                    };
                    self.out
                        .warning(
                            Code::SmartTargets,
                            file,
                            &path.key(key),
                            format!(
                                "indicator `{}` has no target for {}",
                                ind.id,
                                missing.join(", ")
                            ),
                        )
                        .set_hint("give a target for every year of the period");
                }
            }
        }
        self.out.unique(
            "indicator",
            list.iter()
                .enumerate()
                .map(|(i, ind)| (ind.id.as_str(), file, root.index(i).key("id"))),
        );
    }
}
