//! The rules about steps: references, deadlines against the period and the session, funding,
//! and the proposals and cases they leave without a step.

use std::collections::{BTreeSet, HashSet};

use super::{Ids, MAX_NUMBER, Validator};
use crate::deadline::Deadline;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::FileId;
use crate::model::{AMOUNT_DECIMALS, FundingSource, ProposalStatus, decimals, is_valid_id};
use crate::suggest;
use crate::yaml::YamlPath;

impl Validator<'_> {
    pub(super) fn steps(&mut self) {
        let input = self.input;
        let mut carried: HashSet<(&str, &str)> = HashSet::new();
        // Steps files that exist but did not load: their case's steps are unknown.
        let broken_steps = input.unloaded("steps/");
        let mut cases_with_steps: BTreeSet<&str> = BTreeSet::new();
        for sf in &input.steps {
            let (file, root) = (sf.file, input.path(sf.file));
            let rel = &input.source(file).rel;
            if !is_valid_id(&sf.case) {
                self.out.diags.push(
                    Diagnostic::error(
                        Code::InvalidId,
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
                        Code::StepsWithoutCase,
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
                    self.out
                        .warning(
                            Code::SmartResponsible,
                            file,
                            &path.key("id"),
                            format!("step `{}` has no responsible organisation", step.id),
                        )
                        .set_hint("add `responsible: <organisation id>`");
                } else if step.responsible().is_empty() {
                    self.out.error(
                        Code::EmptyList,
                        file,
                        &path.key("responsible"),
                        "the list of responsible organisations is empty",
                    );
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
                        self.out
                            .warning(
                                Code::SmartResult,
                                file,
                                &path.key("id"),
                                format!("step `{}` has no expected result", step.id),
                            )
                            .set_hint("add `result: …`, preferably with a number");
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
                    if let Some(other) = self.idx.proposal_case.get(pid.as_str()) {
                        self.out
                            .error(
                                Code::DanglingReference,
                                file,
                                &ppath,
                                format!(
                                    "proposal `{pid}` belongs to case `{other}`, not `{}`",
                                    sf.case
                                ),
                            )
                            .set_hint("a step carries out proposals of its own case");
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
                    self.out
                        .warning(
                            Code::SmartProposal,
                            c.file,
                            &root.key("proposals").index(i).key("id"),
                            format!("accepted proposal `{}` is carried out by no step", p.id),
                        )
                        .set_hint(format!(
                            "name it in a step's `proposals` in steps/{}.yaml, or mark it deferred",
                            c.id
                        ));
                }
            }
            if !cases_with_steps.contains(c.id.as_str()) {
                self.out
                    .warning(
                        Code::SmartNoSteps,
                        c.file,
                        &root.key("title"),
                        format!("case `{}` has no steps", c.id),
                    )
                    .set_hint(format!(
                        "add steps with `nko-draft add-step --case {} --title …`",
                        c.id
                    ));
            }
        }
    }

    fn deadline(&mut self, step: &crate::model::Step, file: FileId, path: &YamlPath) {
        let Some(raw) = &step.deadline else {
            self.out
                .warning(
                    Code::SmartDeadline,
                    file,
                    &path.key("id"),
                    format!("step `{}` has no deadline", step.id),
                )
                .set_hint("add `deadline: …`, e.g. 2027-Q2 or annually Q4");
            return;
        };
        let dpath = path.key("deadline");
        let deadline = match Deadline::parse(&raw.0) {
            Ok(d) => d,
            Err(e) => {
                let d = self.out.error(Code::BadDeadline, file, &dpath, e.message);
                if let Some(hint) = e.hint {
                    d.set_hint(hint);
                }
                return;
            }
        };
        if deadline.is_permanent() {
            self.out
                .warning(
                    Code::SmartPermanent,
                    file,
                    &dpath,
                    "`permanent` is not time-bound",
                )
                .set_hint(
                    "prefer a period such as `2027..2029` or a recurrence such as `annually Q4`",
                );
        }
        if let Some((from, to)) = self.idx.period {
            let (_, end) = deadline.span((from, to));
            if end.year > to {
                self.out
                    .error(
                        Code::DeadlineOutsidePeriod,
                        file,
                        &dpath,
                        format!("the deadline ends after the period {from}–{to}"),
                    )
                    .set_hint(format!("the programme runs until 31 December {to}"));
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
            self.out
                .error(
                    Code::DeadlineBeforeSession,
                    file,
                    &dpath,
                    format!("the deadline starts before the session ({session})"),
                )
                .set_hint(hint);
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
                    self.out
                        .error(
                            Code::FundingOutsidePeriod,
                            file,
                            &apath,
                            format!("funding for {year}, outside the period {from}–{to}"),
                        )
                        .set_pos(input.key_pos(file, &apath))
                        .set_hint(format!("amounts are given for the years {from} to {to}"));
                }
                if !amount.is_finite() || *amount < 0.0 || *amount > MAX_NUMBER {
                    self.out
                        .error(
                            Code::BadAmount,
                            file,
                            &apath,
                            format!("`{amount}` is not an amount"),
                        )
                        .set_hint("amounts are thousand roubles, from 0 to a trillion, e.g. 350.0");
                } else if decimals(*amount) > AMOUNT_DECIMALS {
                    // The tables print every amount with the decimals of the finest one.
                    let rounded = format!("{amount:.AMOUNT_DECIMALS$}");
                    let rounded = rounded.trim_end_matches('0').trim_end_matches('.');
                    self.out
                        .error(
                            Code::BadAmount,
                            file,
                            &apath,
                            format!("`{amount}` is finer than a kopeck"),
                        )
                        .set_hint(format!(
                            "amounts are thousand roubles with at most {AMOUNT_DECIMALS} decimals: \
                             write {rounded}"
                        ));
                }
                if f.source == FundingSource::None && *amount > 0.0 {
                    self.out
                        .warning(
                            Code::FundingNone,
                            file,
                            &apath,
                            "an amount under `source: none`",
                        )
                        .set_hint("name the source of the money, or drop the amount");
                }
            }
        }
    }
}
