//! The rules about steps: references, deadlines against the period and the session, funding,
//! and the proposals and cases they leave without a step.

use std::collections::{BTreeSet, HashSet};

use super::{Ids, Kind, MAX_NUMBER, Text, Validator};
use crate::deadline::Deadline;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::FileId;
use crate::model::{AMOUNT_DECIMALS, FundingSource, ProposalStatus, decimals, is_valid_id};
use crate::msg;
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
                        msg!(CheckCaseFileName, name = &sf.case),
                    )
                    .hint(msg!(CheckStepsFileNameHint)),
                );
            } else if !self.idx.cases.contains(&sf.case)
                && !self.idx.cases.skip.contains(sf.case.as_str())
            {
                let hint = match suggest::nearest(&sf.case, self.idx.cases.ids.iter().copied()) {
                    Some(near) => msg!(CheckStepsWithoutCaseNear, near = near),
                    None => msg!(CheckStepsWithoutCaseHint, case = &sf.case),
                };
                self.out.diags.push(
                    Diagnostic::error(
                        Code::StepsWithoutCase,
                        rel,
                        msg!(CheckStepsWithoutCase, case = &sf.case),
                    )
                    .hint(hint),
                );
            }
            if !sf.steps.is_empty() {
                cases_with_steps.insert(&sf.case);
            }
            let case_proposals = self.idx.proposals.get(sf.case.as_str());
            let proposal_ids = Ids::new(
                Kind::Proposal,
                case_proposals
                    .map(|l| l.iter().map(|(id, _)| *id).collect())
                    .unwrap_or_default(),
                case_proposals.is_some(),
            )
            .in_case(&sf.case);
            for (i, step) in sf.steps.iter().enumerate() {
                let path = root.index(i);
                self.out.id_syntax(&step.id, file, &path.key("id"));
                self.out
                    .not_empty(&step.title, file, &path.key("title"), Text::StepTitle);
                self.deadline(step, file, &path);
                if step.responsible.is_none() {
                    self.out
                        .warning(
                            Code::SmartResponsible,
                            file,
                            &path.key("id"),
                            msg!(CheckNoResponsible, id = &step.id),
                        )
                        .set_hint(msg!(CheckNoResponsibleHint));
                } else if step.responsible().is_empty() {
                    self.out.error(
                        Code::EmptyList,
                        file,
                        &path.key("responsible"),
                        msg!(CheckEmptyResponsible),
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
                                msg!(CheckNoResult, id = &step.id),
                            )
                            .set_hint(msg!(CheckNoResultHint));
                    }
                    Some(r) => self
                        .out
                        .not_empty(r, file, &path.key("result"), Text::Result),
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
                                msg!(
                                    CheckProposalOtherCase,
                                    proposal = pid,
                                    other = *other,
                                    case = &sf.case
                                ),
                            )
                            .set_hint(msg!(CheckProposalOtherCaseHint));
                    } else {
                        self.out.reference(&proposal_ids, pid, file, &ppath);
                    }
                }
                self.funding(step, file, &path);
                self.progress(step, file, &path);
            }
        }
        self.out.unique(
            Kind::Step,
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
                            msg!(CheckProposalNotCarried, id = &p.id),
                        )
                        .set_hint(msg!(CheckProposalNotCarriedHint, case = &c.id));
                }
            }
            if !cases_with_steps.contains(c.id.as_str()) {
                self.out
                    .warning(
                        Code::SmartNoSteps,
                        c.file,
                        &root.key("title"),
                        msg!(CheckCaseNoSteps, id = &c.id),
                    )
                    .set_hint(msg!(CheckCaseNoStepsHint, id = &c.id));
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
                    msg!(CheckNoDeadline, id = &step.id),
                )
                .set_hint(msg!(CheckNoDeadlineHint));
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
                .warning(Code::SmartPermanent, file, &dpath, msg!(CheckPermanent))
                .set_hint(msg!(CheckPermanentHint));
        }
        if let Some((from, to)) = self.idx.period {
            let (_, end) = deadline.span((from, to));
            if end.year > to {
                self.out
                    .error(
                        Code::DeadlineOutsidePeriod,
                        file,
                        &dpath,
                        msg!(
                            CheckDeadlineAfterPeriod,
                            from = from.to_string(),
                            to = to.to_string()
                        ),
                    )
                    .set_hint(msg!(CheckDeadlineAfterPeriodHint, to = to.to_string()));
            }
        }
        // A step cannot start before the session that agreed it. Recurring deadlines have no
        // first day of their own: they follow the period.
        if let (Some(session), Some((start, end))) = (self.idx.session_date, deadline.fixed_span())
            && start < session
        {
            let hint = if end >= session {
                msg!(
                    CheckDeadlineBeforeSessionBy,
                    session = session.to_string(),
                    end = end.to_string()
                )
            } else {
                msg!(CheckDeadlineBeforeSessionHint)
            };
            self.out
                .error(
                    Code::DeadlineBeforeSession,
                    file,
                    &dpath,
                    msg!(CheckDeadlineBeforeSession, session = session.to_string()),
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
                            msg!(
                                CheckFundingOutside,
                                year = year.to_string(),
                                from = from.to_string(),
                                to = to.to_string()
                            ),
                        )
                        .set_pos(input.key_pos(file, &apath))
                        .set_hint(msg!(
                            CheckFundingOutsideHint,
                            from = from.to_string(),
                            to = to.to_string()
                        ));
                }
                self.amount(*amount, file, &apath);
                if f.source == FundingSource::None && *amount > 0.0 {
                    self.out
                        .warning(Code::FundingNone, file, &apath, msg!(CheckFundingNone))
                        .set_hint(msg!(CheckFundingNoneHint));
                }
            }
        }
    }

    /// Reports an amount of money (thousand roubles) that is negative, not finite, too large
    /// or finer than a kopeck: a funding amount, or an amount spent.
    pub(super) fn amount(&mut self, amount: f64, file: FileId, path: &YamlPath) {
        if !amount.is_finite() || !(0.0..=MAX_NUMBER).contains(&amount) {
            self.out
                .error(
                    Code::BadAmount,
                    file,
                    path,
                    msg!(CheckBadAmount, amount = amount.to_string()),
                )
                .set_hint(msg!(CheckBadAmountHint));
        } else if decimals(amount) > AMOUNT_DECIMALS {
            // The tables print every amount with the decimals of the finest one.
            let rounded = format!("{amount:.AMOUNT_DECIMALS$}");
            let rounded = rounded.trim_end_matches('0').trim_end_matches('.');
            self.out
                .error(
                    Code::BadAmount,
                    file,
                    path,
                    msg!(CheckAmountTooFine, amount = amount.to_string()),
                )
                .set_hint(msg!(
                    CheckAmountTooFineHint,
                    decimals = AMOUNT_DECIMALS,
                    rounded = rounded
                ));
        }
    }
}
