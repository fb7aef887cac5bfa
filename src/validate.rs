//! Stage `validate`: every rule of the input format over the whole programme, as findings.
//!
//! Nothing here stops at the first problem: each rule adds [`Diagnostic`]s placed where the
//! offending value is written (a dangling reference is reported at the reference, with the
//! nearest existing id as a hint). Rules that depend on a file that did not load are skipped,
//! so one broken file does not drown the report in follow-on errors.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::deadline::Deadline;
use crate::diagnostic::Diagnostic;
use crate::load::{FileId, Input};
use crate::model::{Date, FundingSource, ProposalStatus, is_valid_id};
use crate::suggest;
use crate::yaml::YamlPath;

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
    ids: Vec<&'a str>,
    set: HashSet<&'a str>,
    /// False when the file that defines them did not load: references are not checked.
    complete: bool,
    /// Ids that exist in a file that did not load: references to them are not reported.
    skip: HashSet<&'a str>,
    /// Where the ids live, for messages: «in case `partnership`».
    scope: Option<String>,
}

impl<'a> Ids<'a> {
    fn new(noun: impl Into<String>, ids: Vec<&'a str>, complete: bool) -> Self {
        Ids {
            noun: noun.into(),
            set: ids.iter().copied().collect(),
            ids,
            complete,
            skip: HashSet::new(),
            scope: None,
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
        cases.skip = input
            .sources
            .iter()
            .filter(|s| s.rel.starts_with("cases/"))
            .map(|s| crate::project::stem(&s.rel))
            .filter(|stem| !input.cases.iter().any(|c| c.id == *stem))
            .collect();
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
        Validator {
            input,
            idx: Index {
                orgs,
                participants,
                indicators,
                cases,
                proposals,
                // Rules that use the period skip a period that is itself wrong (reported
                // once, in programme.yaml), rather than reason about years 1 to 2 147 483 647.
                period: input
                    .programme
                    .as_ref()
                    .map(|(_, p)| (p.period.from, p.period.to))
                    .filter(|(a, b)| {
                        a <= b && PLAUSIBLE_YEARS.contains(a) && PLAUSIBLE_YEARS.contains(b)
                    }),
                session_date: input.session.as_ref().map(|(_, s)| s.date),
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
            let d = self
                .input
                .warning_at(
                    "no-cases",
                    file,
                    &root.key("title"),
                    "the programme has no case track",
                )
                .hint("add cases/<case>.yaml for each case track; `nko-draft init` shows one");
            self.out.diags.push(d);
        }
        if p.period.from > p.period.to {
            let d = self
                .input
                .error_at(
                    "bad-period",
                    file,
                    &root.key("period"),
                    format!(
                        "the period starts after it ends ({} > {})",
                        p.period.from, p.period.to
                    ),
                )
                .hint(format!(
                    "write the first year first: `period: {{from: {}, to: {}}}`",
                    p.period.to, p.period.from
                ));
            self.out.diags.push(d);
        }
        for (key, year) in [("from", p.period.from), ("to", p.period.to)] {
            if !PLAUSIBLE_YEARS.contains(&year) {
                let d = self.input.error_at(
                    "bad-period",
                    file,
                    &root.key("period").key(key),
                    format!("`{year}` is not a plausible year"),
                );
                self.out.diags.push(d);
            }
        }
        if let (Some(session), true) = (self.idx.session_date, p.period.from <= p.period.to)
            && session.year > p.period.to
        {
            let d = self.input.error_at(
                "bad-period",
                file,
                &root.key("period").key("to"),
                format!(
                    "the period ends in {}, before the session ({session})",
                    p.period.to
                ),
            );
            self.out.diags.push(d);
        }
        if p.goals.is_empty() {
            let d = self
                .input
                .error_at(
                    "missing-goal",
                    file,
                    &root.key("goals"),
                    "the programme has no goal",
                )
                .hint("add at least one goal: goals: [\"…\"]");
            self.out.diags.push(d);
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
            && (name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.'))
        {
            let d = self
                .input
                .error_at(
                    "bad-output",
                    file,
                    &root.key("output").key("name"),
                    format!("`{name}` is not a file name"),
                )
                .hint("give a plain name such as `programme`; the folder goes in `dir`");
            self.out.diags.push(d);
        }
    }

    fn session(&mut self) {
        let Some((file, s)) = &self.input.session else {
            return;
        };
        let (file, root) = (*file, self.input.path(*file));
        self.out
            .not_empty(&s.title, file, &root.key("title"), "the title");
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
            let distinct: HashSet<&str> = a.parties.iter().map(String::as_str).collect();
            if distinct.len() < 2 {
                let d = self
                    .input
                    .error_at(
                        "agreement-parties",
                        file,
                        &path.key("parties"),
                        "an agreement needs at least two parties",
                    )
                    .hint("list the organisations that signed it: `parties: [<id>, <id>]`");
                self.out.diags.push(d);
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
                let d = self
                    .input
                    .warning_at(
                        "duplicate-short",
                        file,
                        &path.key("short"),
                        format!(
                            "the short name «{short}» is also used by `{}`",
                            list[first].id
                        ),
                    )
                    .hint("readers cannot tell the two apart in tables");
                self.out.diags.push(d);
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
                        "invalid-id",
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
                self.out.diags.push(input.error_at(
                    "bad-number",
                    file,
                    &root.key("number"),
                    "case numbers start at 1",
                ));
            } else if let Some(other) = numbers.insert(c.case.number, &c.id) {
                let d = input
                    .error_at(
                        "duplicate-number",
                        file,
                        &root.key("number"),
                        format!(
                            "case number {} is also used by case `{other}`",
                            c.case.number
                        ),
                    )
                    .hint("each case has its own number: it orders the tasks of the programme");
                self.out.diags.push(d);
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
                    let d = input
                        .warning_at(
                            "missing-reason",
                            file,
                            &path.key("status"),
                            "a deferred or rejected proposal has no reason",
                        )
                        .hint("add `reason: …` so readers know why");
                    self.out.diags.push(d);
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
                let d = self
                    .input
                    .warning_at(
                        "smart-baseline",
                        file,
                        &path.key("id"),
                        format!("indicator `{}` has no baseline", ind.id),
                    )
                                        .hint("add `baseline: {year: 2026, value: …}`: a target means little without a start");
                self.out.diags.push(d);
            }
            if let Some(b) = &ind.baseline {
                if !PLAUSIBLE_YEARS.contains(&b.year) {
                    let d = self.input.error_at(
                        "bad-number",
                        file,
                        &path.key("baseline").key("year"),
                        format!("`{}` is not a plausible year", b.year),
                    );
                    self.out.diags.push(d);
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
                        let d = self
                            .input
                            .error_at(
                                "target-outside-period",
                                file,
                                &path.key("targets").key(&year.to_string()),
                                format!("a target for {year}, outside the period {from}–{to}"),
                            )
                            .at(self
                                .input
                                .key_pos(file, &path.key("targets").key(&year.to_string())))
                            .hint(format!("targets are set for the years {from} to {to}"));
                        self.out.diags.push(d);
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
                    let d = self
                        .input
                        .warning_at(
                            "smart-targets",
                            file,
                            &path.key(key),
                            format!(
                                "indicator `{}` has no target for {}",
                                ind.id,
                                missing.join(", ")
                            ),
                        )
                        .hint("give a target for every year of the period");
                    self.out.diags.push(d);
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

    fn steps(&mut self) {
        let input = self.input;
        let mut carried: HashSet<(&str, &str)> = HashSet::new();
        // Steps files that exist but did not load: their case's steps are unknown.
        let broken_steps: HashSet<&str> = input
            .sources
            .iter()
            .filter(|s| s.rel.starts_with("steps/"))
            .map(|s| crate::project::stem(&s.rel))
            .filter(|stem| !input.steps.iter().any(|sf| sf.case == *stem))
            .collect();
        let mut cases_with_steps: BTreeSet<&str> = BTreeSet::new();
        for sf in &input.steps {
            let (file, root) = (sf.file, input.path(sf.file));
            let rel = &input.source(file).rel;
            if !is_valid_id(&sf.case) {
                self.out.diags.push(
                    Diagnostic::error(
                        "invalid-id",
                        rel,
                        format!("the file name `{}` is not a valid case id", sf.case),
                    )
                    .hint("steps files are named by the id of their case"),
                );
            } else if !self.idx.cases.contains(&sf.case)
                && !self.idx.cases.skip.contains(sf.case.as_str())
            {
                let hint = match suggest::nearest(&sf.case, self.idx.cases.ids.iter().copied()) {
                    Some(near) => {
                        format!("did you mean the case `{near}`? its steps go in steps/{near}.yaml")
                    }
                    None => format!(
                        "create cases/{}.yaml, or move these steps to an existing case",
                        sf.case
                    ),
                };
                self.out.diags.push(
                    Diagnostic::error(
                        "steps-without-case",
                        rel,
                        format!("there is no case `{}` for these steps", sf.case),
                    )
                    .hint(hint),
                );
            }
            if !sf.steps.is_empty() {
                cases_with_steps.insert(&sf.case);
            }
            let case_proposals = self.idx.proposals.get(sf.case.as_str());
            let proposal_ids = Ids::new(
                "proposal",
                case_proposals
                    .map(|l| l.iter().map(|(id, _)| *id).collect())
                    .unwrap_or_default(),
                case_proposals.is_some(),
            )
            .scoped(format!("in case `{}`", sf.case));
            for (i, step) in sf.steps.iter().enumerate() {
                let path = root.index(i);
                self.out.id_syntax(&step.id, file, &path.key("id"));
                self.out
                    .not_empty(&step.title, file, &path.key("title"), "the title");
                self.deadline(step, file, &path);
                if step.responsible.is_none() {
                    let d = input
                        .warning_at(
                            "smart-responsible",
                            file,
                            &path.key("id"),
                            format!("step `{}` has no responsible organisation", step.id),
                        )
                        .hint("add `responsible: <organisation id>`");
                    self.out.diags.push(d);
                } else if step.responsible().is_empty() {
                    let d = input.error_at(
                        "empty-list",
                        file,
                        &path.key("responsible"),
                        "the list of responsible organisations is empty",
                    );
                    self.out.diags.push(d);
                }
                self.out.references(
                    &self.idx.orgs,
                    step.responsible(),
                    file,
                    &path.key("responsible"),
                );
                self.out
                    .references(&self.idx.orgs, &step.partners, file, &path.key("partners"));
                match &step.result {
                    None => {
                        let d = input
                            .warning_at(
                                "smart-result",
                                file,
                                &path.key("id"),
                                format!("step `{}` has no expected result", step.id),
                            )
                            .hint("add `result: …`, preferably with a number");
                        self.out.diags.push(d);
                    }
                    Some(r) => self
                        .out
                        .not_empty(r, file, &path.key("result"), "the result"),
                }
                self.out.references(
                    &self.idx.indicators,
                    &step.indicators,
                    file,
                    &path.key("indicators"),
                );
                for (j, pid) in step.proposals.iter().enumerate() {
                    let ppath = path.key("proposals").index(j);
                    if proposal_ids.contains(pid) {
                        carried.insert((sf.case.as_str(), pid.as_str()));
                        continue;
                    }
                    // The first case, in file order, that has a proposal with this id.
                    let elsewhere = input
                        .cases
                        .iter()
                        .find(|c| c.case.proposals.iter().any(|p| &p.id == pid))
                        .map(|c| c.id.as_str());
                    if let Some(other) = elsewhere {
                        let d = input
                            .error_at(
                                "dangling-reference",
                                file,
                                &ppath,
                                format!(
                                    "proposal `{pid}` belongs to case `{other}`, not `{}`",
                                    sf.case
                                ),
                            )
                            .hint("a step carries out proposals of its own case");
                        self.out.diags.push(d);
                    } else {
                        self.out.reference(&proposal_ids, pid, file, &ppath);
                    }
                }
                self.funding(step, file, &path);
            }
        }
        self.out.unique(
            "step",
            input.steps.iter().flat_map(|sf| {
                let root = input.path(sf.file);
                sf.steps
                    .iter()
                    .enumerate()
                    .map(move |(i, s)| (s.id.as_str(), sf.file, root.index(i).key("id")))
            }),
        );
        for c in input
            .cases
            .iter()
            .filter(|c| !broken_steps.contains(c.id.as_str()))
        {
            let root = input.path(c.file);
            for (i, p) in c.case.proposals.iter().enumerate() {
                if p.status == ProposalStatus::Accepted
                    && !carried.contains(&(c.id.as_str(), p.id.as_str()))
                {
                    let d = input
                        .warning_at(
                            "smart-proposal",
                            c.file,
                            &root.key("proposals").index(i).key("id"),
                            format!("accepted proposal `{}` is carried out by no step", p.id),
                        )
                        .hint(format!(
                            "name it in a step's `proposals` in steps/{}.yaml, or mark it deferred",
                            c.id
                        ));
                    self.out.diags.push(d);
                }
            }
            if !cases_with_steps.contains(c.id.as_str()) {
                let d = input
                    .warning_at(
                        "smart-no-steps",
                        c.file,
                        &root.key("title"),
                        format!("case `{}` has no steps", c.id),
                    )
                    .hint(format!(
                        "add steps with `nko-draft add-step --case {} --title …`",
                        c.id
                    ));
                self.out.diags.push(d);
            }
        }
    }

    fn deadline(&mut self, step: &crate::model::Step, file: FileId, path: &YamlPath) {
        let input = self.input;
        let Some(raw) = &step.deadline else {
            let d = input
                .warning_at(
                    "smart-deadline",
                    file,
                    &path.key("id"),
                    format!("step `{}` has no deadline", step.id),
                )
                .hint("add `deadline: …`, e.g. 2027-Q2 or annually Q4");
            self.out.diags.push(d);
            return;
        };
        let dpath = path.key("deadline");
        let deadline = match Deadline::parse(&raw.0) {
            Ok(d) => d,
            Err(e) => {
                let d = input
                    .error_at("bad-deadline", file, &dpath, e.message)
                    .maybe_hint(e.hint);
                self.out.diags.push(d);
                return;
            }
        };
        if deadline.is_permanent() {
            let d = input
                .warning_at(
                    "smart-permanent",
                    file,
                    &dpath,
                    "`permanent` is not time-bound",
                )
                .hint("prefer a period such as `2027..2029` or a recurrence such as `annually Q4`");
            self.out.diags.push(d);
        }
        if let Some((from, to)) = self.idx.period {
            let (_, end) = deadline.span((from, to));
            if end.year > to {
                let d = input
                    .error_at(
                        "deadline-outside-period",
                        file,
                        &dpath,
                        format!("the deadline ends after the period {from}–{to}"),
                    )
                    .hint(format!("the programme runs until 31 December {to}"));
                self.out.diags.push(d);
            }
        }
        // A step cannot start before the session that agreed it. Recurring deadlines have no
        // first day of their own: they follow the period.
        if let (Some(session), Some((start, end))) = (self.idx.session_date, deadline.fixed_span())
            && start < session
        {
            let hint = if end >= session {
                format!("the session was on {session}; to end with this period write `by {end}`")
            } else {
                "steps are agreed at the session: they cannot be due before it".to_owned()
            };
            let d = input
                .error_at(
                    "deadline-before-session",
                    file,
                    &dpath,
                    format!("the deadline starts before the session ({session})"),
                )
                .hint(hint);
            self.out.diags.push(d);
        }
    }

    fn funding(&mut self, step: &crate::model::Step, file: FileId, path: &YamlPath) {
        let input = self.input;
        for (j, f) in step.funding.iter().enumerate() {
            let fpath = path.key("funding").index(j);
            for (year, amount) in &f.amounts {
                let apath = fpath.key("amounts").key(&year.to_string());
                if let Some((from, to)) = self.idx.period
                    && !(from..=to).contains(year)
                {
                    let d = input
                        .error_at(
                            "funding-outside-period",
                            file,
                            &apath,
                            format!("funding for {year}, outside the period {from}–{to}"),
                        )
                        .at(input.key_pos(file, &apath))
                        .hint(format!("amounts are given for the years {from} to {to}"));
                    self.out.diags.push(d);
                }
                if !amount.is_finite() || *amount < 0.0 || *amount > MAX_NUMBER {
                    let d = input
                        .error_at(
                            "bad-amount",
                            file,
                            &apath,
                            format!("`{amount}` is not an amount"),
                        )
                        .hint("amounts are thousand roubles, from 0 to a trillion, e.g. 350.0");
                    self.out.diags.push(d);
                }
                if f.source == FundingSource::None && *amount > 0.0 {
                    let d = input
                        .warning_at(
                            "funding-none",
                            file,
                            &apath,
                            "an amount under `source: none`",
                        )
                        .hint("name the source of the money, or drop the amount");
                    self.out.diags.push(d);
                }
            }
        }
    }
}

impl Out<'_> {
    /// Reports a value that is not a finite number of a sensible size.
    fn number(&mut self, value: f64, file: FileId, path: &YamlPath) {
        if !value.is_finite() || value.abs() > MAX_NUMBER {
            let d = self
                .input
                .error_at(
                    "bad-number",
                    file,
                    path,
                    format!("`{value}` is not a usable number"),
                )
                .hint("give a finite number of at most a trillion");
            self.diags.push(d);
        }
    }
    /// Reports `id` at `path` when it is not one of `ids`, with the nearest id as a hint.
    fn reference(&mut self, ids: &Ids<'_>, id: &str, file: FileId, path: &YamlPath) {
        if !ids.complete || ids.contains(id) || ids.skip.contains(id) {
            return;
        }
        let mut known = ids.ids.clone();
        known.sort_unstable();
        known.dedup();
        let hint = match suggest::nearest(id, known.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?"),
            None if known.is_empty() => format!("no {} is defined yet", ids.noun),
            None if known.len() <= 8 => format!("known: {}", suggest::list(&known)),
            None => format!("none of the {} {}s is near this id", known.len(), ids.noun),
        };
        let scope = ids
            .scope
            .as_deref()
            .map(|s| format!(" {s}"))
            .unwrap_or_default();
        let d = self
            .input
            .error_at(
                "dangling-reference",
                file,
                path,
                format!("unknown {} `{id}`{scope}", ids.noun),
            )
            .hint(hint);
        self.diags.push(d);
    }

    /// Checks every id of a list of references.
    /// A single id written where a list is allowed (`responsible: crdi`) is reported at the
    /// key's value, a list's items at their index.
    fn references(&mut self, ids: &Ids<'_>, list: &[String], file: FileId, path: &YamlPath) {
        let is_list = self
            .input
            .source(file)
            .tree
            .as_ref()
            .and_then(|t| t.lookup(path.segs()))
            .is_some_and(|n| matches!(n.kind, crate::yaml::NodeKind::Seq(_)));
        for (i, id) in list.iter().enumerate() {
            let at = if is_list { path.index(i) } else { path.clone() };
            self.reference(ids, id, file, &at);
        }
    }

    /// Reports an id that breaks the id grammar.
    fn id_syntax(&mut self, id: &str, file: FileId, path: &YamlPath) -> bool {
        if is_valid_id(id) {
            return true;
        }
        let suggestion = suggest::id_from(id);
        let mut d = self.input.error_at(
            "invalid-id",
            file,
            path,
            format!("`{id}` is not a valid id"),
        );
        d = if is_valid_id(&suggestion) {
            d.hint(format!(
                "ids use lowercase latin letters, digits and `-`, e.g. `{suggestion}`"
            ))
        } else {
            d.hint("ids use lowercase latin letters, digits and `-`, e.g. `kursk-admin`")
        };
        self.diags.push(d);
        false
    }

    /// Reports ids defined twice within one list, at the second definition.
    fn unique<'i>(&mut self, what: &str, items: impl Iterator<Item = (&'i str, FileId, YamlPath)>) {
        let mut seen: HashMap<&str, (FileId, YamlPath)> = HashMap::new();
        for (id, file, path) in items {
            if let Some((first_file, first_path)) = seen.get(id) {
                let first = self.input.pos(*first_file, first_path);
                let d = self
                    .input
                    .error_at(
                        "duplicate-id",
                        file,
                        &path,
                        format!("{what} id `{id}` is used twice"),
                    )
                    .hint(format!(
                        "it is first defined at {}:{}; ids must be unique",
                        self.input.source(*first_file).rel,
                        first.line
                    ));
                self.diags.push(d);
            } else {
                seen.insert(id, (file, path));
            }
        }
    }

    /// Reports text that is required but empty.
    fn not_empty(&mut self, text: &str, file: FileId, path: &YamlPath, what: &str) {
        if text.trim().is_empty() {
            let d = self
                .input
                .error_at("empty-text", file, path, format!("{what} is empty"));
            self.diags.push(d);
        }
    }
}
