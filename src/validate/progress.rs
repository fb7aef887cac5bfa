//! The rules about what happened after approval: a step's `progress` by report period and an
//! indicator's `actual` values.
//!
//! No rule reads the clock: the same folder gives the same findings on any day. A `done_on`
//! is checked against the session before it and the end of its own period after it.

use super::{Text, Validator};
use crate::diagnostic::Code;
use crate::load::FileId;
use crate::model::{Date, FundingSource, Indicator, PeriodKey, ProgressStatus, ReportPeriod, Step};
use crate::msg;
use crate::suggest;
use crate::yaml::YamlPath;

impl Validator<'_> {
    /// Each entry of a step's `progress`: its key, its period against the programme's, its
    /// `done_on`, its comment and what it spent.
    pub(super) fn progress(&mut self, step: &Step, file: FileId, path: &YamlPath) {
        let input = self.input;
        for (key, entry) in &step.progress {
            let epath = path.key("progress").key(&key.written());
            let period = match key {
                PeriodKey::Period(p) => Some(*p),
                PeriodKey::Invalid(text) => {
                    if let Err(e) = ReportPeriod::parse(text) {
                        self.out
                            .error(Code::BadReportPeriod, file, &epath, e.message)
                            .set_pos(input.key_pos(file, &epath))
                            .set_hint(e.hint);
                    }
                    None
                }
            };
            if let (Some(p), Some((from, to))) = (period, self.idx.period)
                && !(from..=to).contains(&p.year)
            {
                self.out
                    .error(
                        Code::ProgressOutsidePeriod,
                        file,
                        &epath,
                        msg!(
                            CheckProgressOutside,
                            period = p.to_string(),
                            from = from.to_string(),
                            to = to.to_string()
                        ),
                    )
                    .set_pos(input.key_pos(file, &epath))
                    .set_hint(msg!(
                        CheckProgressOutsideHint,
                        from = from.to_string(),
                        to = to.to_string()
                    ));
            }
            if let Some(done_on) = &entry.done_on {
                let dpath = epath.key("done_on");
                self.out.date(done_on, file, &dpath);
                if let Some(date) = done_on.get() {
                    self.done_on(date, period, entry.status, file, &dpath);
                }
            }
            match &entry.comment {
                Some(c) => {
                    self.out
                        .not_empty(c, file, &epath.key("comment"), Text::ProgressComment)
                }
                None if entry.status == ProgressStatus::Cancelled => {
                    self.out
                        .warning(
                            Code::MissingReason,
                            file,
                            &epath.key("status"),
                            msg!(CheckCancelledNoReason),
                        )
                        .set_hint(msg!(CheckCancelledNoReasonHint));
                }
                None => {}
            }
            let funded: Vec<FundingSource> = step.funding.iter().map(|f| f.source).collect();
            for (source, amount) in &entry.spent {
                let spath = epath.key("spent").key(source.as_str());
                self.amount(*amount, file, &spath);
                if !funded.contains(source) {
                    let hint = if funded.is_empty() {
                        msg!(CheckSpentUnfundedNone, source = source.as_str())
                    } else {
                        let names: Vec<&str> = funded.iter().map(|s| s.as_str()).collect();
                        msg!(CheckSpentUnfundedHint, sources = suggest::names(&names))
                    };
                    self.out
                        .warning(
                            Code::SpentUnfunded,
                            file,
                            &spath,
                            msg!(CheckSpentUnfunded, source = source.as_str()),
                        )
                        .set_pos(input.key_pos(file, &spath))
                        .set_hint(hint);
                }
            }
        }
    }

    /// `done_on` against the session, the end of its entry's period and its status.
    fn done_on(
        &mut self,
        date: Date,
        period: Option<ReportPeriod>,
        status: ProgressStatus,
        file: FileId,
        path: &YamlPath,
    ) {
        if let Some(session) = self.idx.session_date
            && date < session
        {
            self.out
                .error(
                    Code::BeforeSession,
                    file,
                    path,
                    msg!(
                        CheckBeforeSession,
                        what = "done",
                        date = date.to_string(),
                        session = session.to_string()
                    ),
                )
                .set_hint(msg!(CheckBeforeSessionHint, what = "done"));
        } else if let Some(p) = period
            && date > p.end_date()
        {
            // The period that holds the day, as fine as the entry's own.
            let later = match p.quarter {
                Some(_) => ReportPeriod::quarter(date.year, (date.month - 1) / 3 + 1),
                None => ReportPeriod::year(date.year),
            };
            self.out
                .error(
                    Code::DoneAfterPeriod,
                    file,
                    path,
                    msg!(
                        CheckDoneAfterPeriod,
                        date = date.to_string(),
                        period = p.to_string(),
                        end = p.end_date().to_string()
                    ),
                )
                .set_hint(msg!(CheckDoneAfterPeriodHint, later = later.to_string()));
        }
        if status != ProgressStatus::Done {
            self.out
                .warning(
                    Code::DoneOnNotDone,
                    file,
                    path,
                    msg!(CheckDoneOnNotDone, status = status.as_str()),
                )
                .set_hint(msg!(CheckDoneOnNotDoneHint));
        }
    }

    /// An indicator's `actual` values: numbers, notes, years inside the period.
    pub(super) fn actual(&mut self, ind: &Indicator, file: FileId, path: &YamlPath) {
        for (year, actual) in &ind.actual {
            let apath = path.key("actual").key(&year.to_string());
            if let Some((from, to)) = self.idx.period
                && !(from..=to).contains(year)
            {
                self.out
                    .error(
                        Code::ActualOutsidePeriod,
                        file,
                        &apath,
                        msg!(
                            CheckActualOutside,
                            year = year.to_string(),
                            from = from.to_string(),
                            to = to.to_string()
                        ),
                    )
                    .set_pos(self.input.key_pos(file, &apath))
                    .set_hint(msg!(
                        CheckActualOutsideHint,
                        from = from.to_string(),
                        to = to.to_string()
                    ));
            }
            self.out.number(actual.value, file, &apath);
            if let Some(note) = &actual.note {
                self.out
                    .not_empty(note, file, &apath.key("note"), Text::ActualNote);
            }
        }
    }
}
