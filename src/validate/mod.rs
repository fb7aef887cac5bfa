//! Stage `validate`: every rule of the input format over the whole programme, as findings.
//!
//! Nothing here stops at the first problem: each rule adds [`Diagnostic`]s placed where the
//! offending value is written (a dangling reference is reported at the reference, with the
//! nearest existing id as a hint). Rules that depend on a file that did not load are skipped,
//! so one broken file does not drown the report in follow-on errors.

pub(crate) mod abbrev;
mod life_cycle;
mod markdown;
mod out;
mod progress;
mod steps;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::load::Input;
use crate::model::{Date, ProposalStatus, is_valid_id};
use crate::msg;

/// Years a programme, a baseline or a target can be about.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The largest number an amount, a target or a baseline may be: larger ones are typing mistakes
/// (and sums of them would overflow).
const MAX_NUMBER: f64 = 1e12;

/// Checks a loaded programme and returns every finding, unsorted.
pub fn validate(input: &Input) -> Vec<Diagnostic> {
    // The rules of the texts read every word of every text, as much work as all the others
    // together on a large programme: they run on a thread of their own, beside the others. The
    // findings come out in the same order either way.
    std::thread::scope(|scope| {
        let texts = scope.spawn(|| {
            let mut v = Validator::new(input);
            v.abbreviations();
            v.markdown();
            v.out.diags
        });
        let mut v = Validator::new(input);
        v.programme();
        v.session();
        v.organisations();
        v.participants();
        v.life_cycle();
        v.cases();
        v.indicators();
        v.steps();
        let mut diags = v.out.diags;
        match texts.join() {
            Ok(more) => diags.extend(more),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        diags
    })
}

/// What an id is of: the `kind` of the messages about ids, which Russian needs to agree
/// with (неизвестная организация, неизвестный участник).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Organisation,
    Participant,
    Indicator,
    Case,
    Problem,
    Proposal,
    Step,
}

impl Kind {
    /// The value of the messages' `kind`: the English noun.
    fn key(self) -> &'static str {
        match self {
            Kind::Organisation => "organisation",
            Kind::Participant => "participant",
            Kind::Indicator => "indicator",
            Kind::Case => "case",
            Kind::Problem => "problem",
            Kind::Proposal => "proposal",
            Kind::Step => "step",
        }
    }
}

/// A required text that may not be empty: the `what` of message `check-empty-text`.
#[derive(Debug, Clone, Copy)]
enum Text {
    ProgrammeTitle,
    ShortTitle,
    Risk,
    Mitigation,
    Goal,
    SessionTitle,
    AgreementTitle,
    OrganisationName,
    ShortName,
    ParticipantName,
    CaseTitle,
    Task,
    Problem,
    Proposal,
    IndicatorName,
    AbbreviationFull,
    Unit,
    StepTitle,
    Result,
    ApprovalBy,
    ApprovalNumber,
    RevisionLabel,
    SignOffPosition,
    SignOffName,
    ProgressComment,
    ActualNote,
}

impl Text {
    fn key(self) -> &'static str {
        match self {
            Text::ProgrammeTitle => "programme-title",
            Text::ShortTitle => "short-title",
            Text::Risk => "risk",
            Text::Mitigation => "mitigation",
            Text::Goal => "goal",
            Text::SessionTitle => "session-title",
            Text::AgreementTitle => "agreement-title",
            Text::OrganisationName => "organisation-name",
            Text::ShortName => "short-name",
            Text::ParticipantName => "participant-name",
            Text::CaseTitle => "case-title",
            Text::Task => "task",
            Text::Problem => "problem",
            Text::Proposal => "proposal",
            Text::IndicatorName => "indicator-name",
            Text::AbbreviationFull => "abbreviation-full",
            Text::Unit => "unit",
            Text::StepTitle => "step-title",
            Text::Result => "result",
            Text::ApprovalBy => "approval-by",
            Text::ApprovalNumber => "approval-number",
            Text::RevisionLabel => "revision-label",
            Text::SignOffPosition => "sign-off-position",
            Text::SignOffName => "sign-off-name",
            Text::ProgressComment => "progress-comment",
            Text::ActualNote => "actual-note",
        }
    }
}

/// A set of known ids of one kind, for reference checks.
struct Ids<'a> {
    /// What they are ids of.
    kind: Kind,
    /// The ids, sorted and without repeats: the candidates of a did-you-mean.
    ids: Vec<&'a str>,
    set: HashSet<&'a str>,
    /// False when the file that defines them did not load: references are not checked.
    complete: bool,
    /// Ids that exist in a file that did not load: references to them are not reported.
    skip: HashSet<&'a str>,
    /// The case the ids belong to, for messages: «in case `partnership`».
    scope: Option<String>,
    /// The hint for each unknown id met so far: the nearest known id is searched once per
    /// distinct wrong id, not once per reference, so a programme with thousands of broken
    /// references is checked in time proportional to its size.
    hints: RefCell<HashMap<String, Message>>,
}

impl<'a> Ids<'a> {
    fn new(kind: Kind, mut ids: Vec<&'a str>, complete: bool) -> Self {
        let set = ids.iter().copied().collect();
        ids.sort_unstable();
        ids.dedup();
        Ids {
            kind,
            set,
            ids,
            complete,
            skip: HashSet::new(),
            scope: None,
            hints: RefCell::new(HashMap::new()),
        }
    }

    fn in_case(mut self, case: &str) -> Self {
        self.scope = Some(case.to_owned());
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
                Kind::Organisation,
                list.iter().map(|o| o.id.as_str()).collect(),
                true,
            ),
            None => Ids::new(Kind::Organisation, Vec::new(), false),
        };
        let participants_complete =
            input.participants.is_some() || input.source_by_rel("participants.yaml").is_none();
        let participants = Ids::new(
            Kind::Participant,
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
            Kind::Indicator,
            input
                .indicators
                .iter()
                .flat_map(|(_, l)| l.iter().map(|i| i.id.as_str()))
                .collect(),
            indicators_complete,
        );
        let mut cases = Ids::new(
            Kind::Case,
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
            .not_empty(&p.title, file, &root.key("title"), Text::ProgrammeTitle);
        if let Some(short) = &p.short_title {
            self.out
                .not_empty(short, file, &root.key("short_title"), Text::ShortTitle);
        }
        if let Some(date) = &p.date {
            self.out.date(date, file, &root.key("date"));
        }
        for (i, r) in p.risks.iter().enumerate() {
            let path = root.key("risks").index(i);
            self.out
                .not_empty(&r.risk, file, &path.key("risk"), Text::Risk);
            self.out.not_empty(
                &r.mitigation,
                file,
                &path.key("mitigation"),
                Text::Mitigation,
            );
        }
        let has_cases = self
            .input
            .sources
            .iter()
            .any(|s| s.rel.starts_with("cases/"));
        if !has_cases {
            self.out
                .warning(Code::NoCases, file, &root.key("title"), msg!(CheckNoCases))
                .set_hint(msg!(CheckNoCasesHint));
        }
        // A Russian document names the regional budget after the region's kind; when the
        // region does not say it and the programme does not name it, the name is generic.
        use crate::locale::words;
        use crate::model::{FundingSource, Locale};
        let regional = || {
            (self.input.steps.iter())
                .flat_map(|sf| &sf.steps)
                .flat_map(|s| &s.funding)
                .any(|f| f.source == FundingSource::RegionalBudget)
        };
        if let (Locale::Ru, Some(region), None) =
            (p.locale, &p.region, &p.funding_sources.regional_budget)
            && words::regional_budget(region, Locale::Ru).is_none()
            && regional()
        {
            self.out
                .warning(
                    Code::RegionalBudget,
                    file,
                    &root.key("region"),
                    msg!(
                        Chk3RegionalBudget,
                        region = region.as_str(),
                        name = words::funding_source(FundingSource::RegionalBudget, Locale::Ru)
                    ),
                )
                .set_hint(msg!(Chk3RegionalBudgetHint));
        }
        // The built-in text of section 8 states only what the files say: a SMART gap.
        if p.implementation
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
        {
            let at = match p.implementation {
                Some(_) => root.key("implementation"),
                None => root.key("title"),
            };
            self.out
                .warning(
                    Code::SmartImplementation,
                    file,
                    &at,
                    msg!(Chk3NoImplementation),
                )
                .set_hint(msg!(Chk3NoImplementationHint));
        }
        if p.period.from > p.period.to {
            self.out
                .error(
                    Code::BadPeriod,
                    file,
                    &root.key("period"),
                    msg!(
                        CheckPeriodReversed,
                        from = p.period.from.to_string(),
                        to = p.period.to.to_string()
                    ),
                )
                .set_hint(msg!(
                    CheckPeriodReversedHint,
                    first = p.period.to.to_string(),
                    last = p.period.from.to_string()
                ));
        }
        for (key, year) in [("from", p.period.from), ("to", p.period.to)] {
            if !PLAUSIBLE_YEARS.contains(&year) {
                self.out.error(
                    Code::BadPeriod,
                    file,
                    &root.key("period").key(key),
                    msg!(CheckImplausibleYear, year = year.to_string()),
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
                msg!(
                    CheckPeriodBeforeSession,
                    to = p.period.to.to_string(),
                    session = session.to_string()
                ),
            );
        }
        if p.goals.is_empty() {
            self.out
                .error(
                    Code::MissingGoal,
                    file,
                    &root.key("goals"),
                    msg!(CheckNoGoal),
                )
                .set_hint(msg!(CheckNoGoalHint));
        }
        for (i, g) in p.goals.iter().enumerate() {
            self.out
                .not_empty(g, file, &root.key("goals").index(i), Text::Goal);
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
                    msg!(CheckOutputName, name = name),
                )
                .set_hint(msg!(CheckOutputNameHint));
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
                    msg!(CheckNoFormats),
                )
                .set_hint(msg!(CheckNoFormatsHint));
        }
        if let Some(dir) = p.output.as_ref().and_then(|o| o.dir.as_deref())
            && crate::project::leads_outside_root(dir)
        {
            self.out
                .error(
                    Code::BadOutput,
                    file,
                    &root.key("output").key("dir"),
                    msg!(CheckOutputDir, dir = dir),
                )
                .set_hint(msg!(CheckOutputDirHint));
        }
    }

    fn session(&mut self) {
        let Some((file, s)) = &self.input.session else {
            return;
        };
        let (file, root) = (*file, self.input.path(*file));
        self.out
            .not_empty(&s.title, file, &root.key("title"), Text::SessionTitle);
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
                .not_empty(&a.title, file, &path.key("title"), Text::AgreementTitle);
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
                        msg!(CheckAgreementParties),
                    )
                    .set_hint(msg!(CheckAgreementPartiesHint));
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
                .not_empty(&o.name, file, &path.key("name"), Text::OrganisationName);
            if let Some(short) = &o.short {
                self.out
                    .not_empty(short, file, &path.key("short"), Text::ShortName);
            }
            if let Some(short) = &o.short
                && let Some(first) = shorts.insert(short.as_str(), i)
            {
                self.out
                    .warning(
                        Code::DuplicateShort,
                        file,
                        &path.key("short"),
                        msg!(
                            CheckDuplicateShort,
                            short = short,
                            other = list[first].id.as_str()
                        ),
                    )
                    .set_hint(msg!(CheckDuplicateShortHint));
            }
        }
        self.out.unique(
            Kind::Organisation,
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
                .not_empty(&p.name, file, &path.key("name"), Text::ParticipantName);
            if let Some(org) = &p.organisation {
                self.out
                    .reference(&self.idx.orgs, org, file, &path.key("organisation"));
            }
            self.out
                .references(&self.idx.cases, &p.cases, file, &path.key("cases"));
        }
        self.out.unique(
            Kind::Participant,
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
                        msg!(CheckCaseFileName, name = stem),
                    )
                    .hint(msg!(CheckCaseFileNameHint)),
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
                    msg!(CheckCaseNumberZero),
                );
            } else if let Some(other) = numbers.insert(c.case.number, &c.id) {
                self.out
                    .error(
                        Code::DuplicateNumber,
                        file,
                        &root.key("number"),
                        msg!(
                            CheckCaseNumberTwice,
                            number = c.case.number.to_string(),
                            other = other
                        ),
                    )
                    .set_hint(msg!(CheckCaseNumberTwiceHint));
            }
            self.out
                .not_empty(&c.case.title, file, &root.key("title"), Text::CaseTitle);
            self.out
                .not_empty(&c.case.task, file, &root.key("task"), Text::Task);
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
                    .not_empty(&p.text, file, &path.key("text"), Text::Problem);
            }
            self.out.unique(
                Kind::Problem,
                c.case
                    .problems
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.id.as_str(), file, root.key("problems").index(i).key("id"))),
            );
            // A list that names only some of the people present says nothing about how many
            // could vote.
            let complete = self
                .input
                .session
                .as_ref()
                .is_some_and(|(_, s)| s.participants_complete);
            let people = self
                .input
                .participants
                .as_ref()
                .filter(|_| complete)
                .map(|(_, list)| list.iter().filter(|p| p.cases.contains(&c.id)).count());
            for (i, p) in c.case.proposals.iter().enumerate() {
                if let (Some(votes), Some(n)) = (p.votes, people)
                    && votes as usize > n
                {
                    self.out
                        .warning(
                            Code::VotesExceedParticipants,
                            file,
                            &root.key("proposals").index(i).key("votes"),
                            msg!(ChkVotesExceed, votes = votes, n = n, case = c.id.as_str()),
                        )
                        .set_hint(msg!(ChkVotesExceedHint, case = c.id.as_str()));
                }
            }
            let problems = Ids::new(
                Kind::Problem,
                c.case.problems.iter().map(|p| p.id.as_str()).collect(),
                true,
            )
            .in_case(&c.id);
            for (i, p) in c.case.proposals.iter().enumerate() {
                let path = root.key("proposals").index(i);
                self.out.id_syntax(&p.id, file, &path.key("id"));
                self.out
                    .not_empty(&p.text, file, &path.key("text"), Text::Proposal);
                self.out
                    .references(&problems, &p.problems, file, &path.key("problems"));
                if p.status != ProposalStatus::Accepted && p.reason.is_none() {
                    self.out
                        .warning(
                            Code::MissingReason,
                            file,
                            &path.key("status"),
                            msg!(CheckMissingReason),
                        )
                        .set_hint(msg!(CheckMissingReasonHint));
                }
            }
            self.out.unique(
                Kind::Proposal,
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
                .not_empty(&ind.name, file, &path.key("name"), Text::IndicatorName);
            self.out
                .not_empty(&ind.unit, file, &path.key("unit"), Text::Unit);
            if let Some(r) = &ind.responsible {
                self.out
                    .reference(&self.idx.orgs, r, file, &path.key("responsible"));
            }
            if let Some(c) = &ind.case {
                self.out
                    .reference(&self.idx.cases, c, file, &path.key("case"));
            }
            let given = |t: &Option<String>| t.as_deref().is_some_and(|t| !t.trim().is_empty());
            if !given(&ind.source) && !given(&ind.method) {
                self.out
                    .warning(
                        Code::SmartIndicatorSource,
                        file,
                        &path.key("id"),
                        msg!(ChkIndicatorNoSource, id = ind.id.as_str()),
                    )
                    .set_hint(msg!(ChkIndicatorNoSourceHint));
            }
            if ind.baseline.is_none() {
                self.out
                    .warning(
                        Code::SmartBaseline,
                        file,
                        &path.key("id"),
                        msg!(CheckNoBaseline, id = ind.id.as_str()),
                    )
                    .set_hint(msg!(CheckNoBaselineHint));
            }
            if let Some(b) = &ind.baseline {
                if !PLAUSIBLE_YEARS.contains(&b.year) {
                    self.out.error(
                        Code::BadNumber,
                        file,
                        &path.key("baseline").key("year"),
                        msg!(CheckImplausibleYear, year = b.year.to_string()),
                    );
                }
                self.out
                    .number(b.value, file, &path.key("baseline").key("value"));
            }
            for (year, value) in &ind.targets {
                self.out
                    .number(*value, file, &path.key("targets").key(&year.to_string()));
            }
            self.actual(ind, file, &path);
            if let Some((from, to)) = self.idx.period {
                for year in ind.targets.keys() {
                    if !(from..=to).contains(year) {
                        self.out
                            .error(
                                Code::TargetOutsidePeriod,
                                file,
                                &path.key("targets").key(&year.to_string()),
                                msg!(
                                    CheckTargetOutside,
                                    year = year.to_string(),
                                    from = from.to_string(),
                                    to = to.to_string()
                                ),
                            )
                            .set_pos(
                                self.input
                                    .key_pos(file, &path.key("targets").key(&year.to_string())),
                            )
                            .set_hint(msg!(
                                CheckTargetOutsideHint,
                                from = from.to_string(),
                                to = to.to_string()
                            ));
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
                            msg!(
                                CheckMissingTargets,
                                id = ind.id.as_str(),
                                years = missing.join(", "),
                                n = missing.len()
                            ),
                        )
                        .set_hint(msg!(CheckMissingTargetsHint));
                }
            }
        }
        self.out.unique(
            Kind::Indicator,
            list.iter()
                .enumerate()
                .map(|(i, ind)| (ind.id.as_str(), file, root.index(i).key("id"))),
        );
    }

    /// Every all-caps word of the texts is explained: an organisation's short name or an entry
    /// of `abbreviations`; each missing one is reported once, at the first text that uses it.
    fn abbreviations(&mut self) {
        let input = self.input;
        let Some((file, p)) = &input.programme else {
            return;
        };
        {
            let root = input.path(*file).key("abbreviations");
            for (i, a) in p.abbreviations.iter().enumerate() {
                let path = root.index(i);
                self.out
                    .not_empty(&a.short, *file, &path.key("short"), Text::ShortName);
                self.out
                    .not_empty(&a.full, *file, &path.key("full"), Text::AbbreviationFull);
            }
        }
        // The list is complete only when both files that make it loaded.
        if input.organisations.is_none() {
            return;
        }
        let known = abbrev::known(input);
        let mut reported: HashSet<&str> = HashSet::new();
        for (file, path, text) in abbrev::texts(input) {
            for (word, at) in abbrev::unknown_at(text, &known) {
                if !reported.insert(word) {
                    continue;
                }
                // The caret goes under the word itself, when it can be found as written.
                let nth = text[..at].matches(word).count();
                let pos =
                    abbrev::locate(&input.source(file).text, input.pos(file, &path), word, nth);
                let d = self
                    .out
                    .warning(
                        Code::UnknownAbbreviation,
                        file,
                        &path,
                        msg!(ChkUnknownAbbreviation, word = word),
                    )
                    .set_hint(msg!(ChkUnknownAbbreviationHint, word = word));
                if let Some(pos) = pos {
                    d.set_pos(pos);
                }
            }
        }
    }
}
