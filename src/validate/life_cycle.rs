//! Rules about the programme's life cycle in `programme.yaml`: the `revision` of a draft, the
//! `approval` that goes with `status: approved`, and the `sign_off` sheet.

use super::{Text, Validator};
use crate::diagnostic::Code;
use crate::model::{Date, DateField, Revision, Status};
use crate::msg;
use crate::yaml::YamlPath;

impl Validator<'_> {
    /// Checks `status`, `approval`, `revision` and `sign_off` together.
    pub(super) fn life_cycle(&mut self) {
        let Some((file, p)) = &self.input.programme else {
            return;
        };
        let (file, root) = (*file, self.input.path(*file));
        let session = self.idx.session_date;
        match (p.status, &p.approval) {
            (Status::Approved, None) => {
                self.out
                    .error(
                        Code::MissingApproval,
                        file,
                        &root.key("status"),
                        msg!(CheckMissingApproval),
                    )
                    .set_hint(msg!(CheckMissingApprovalHint));
            }
            (Status::Draft, Some(_)) => {
                self.out
                    .warning(
                        Code::ApprovalOfDraft,
                        file,
                        &root.key("approval"),
                        msg!(CheckApprovalOfDraft),
                    )
                    .set_hint(msg!(CheckApprovalOfDraftHint));
            }
            _ => {}
        }
        let mut approved_on = None;
        if let Some(a) = &p.approval {
            let path = root.key("approval");
            self.out
                .not_empty(&a.by, file, &path.key("by"), Text::ApprovalBy);
            self.out
                .not_empty(&a.number, file, &path.key("number"), Text::ApprovalNumber);
            approved_on = self.dated(&a.date, "approval", session, &path.key("date"));
        }
        if let Some(r) = &p.revision {
            let path = match r {
                Revision::Date(_) => root.key("revision"),
                Revision::Labelled { .. } => root.key("revision").key("date"),
            };
            if let Some(label) = r.label() {
                self.out.not_empty(
                    label,
                    file,
                    &root.key("revision").key("label"),
                    Text::RevisionLabel,
                );
            }
            let revised = self.dated(r.date(), "revision", session, &path);
            let dated = p.date.as_ref().map_or(session, DateField::get);
            if let (Some(revised), Some(dated)) = (revised, dated)
                && revised < dated
            {
                self.out
                    .warning(
                        Code::RevisionOrder,
                        file,
                        &path,
                        msg!(
                            CheckRevisionBeforeDate,
                            date = revised.to_string(),
                            document = dated.to_string()
                        ),
                    )
                    .set_hint(msg!(CheckRevisionBeforeDateHint));
            }
            if let (Some(revised), Some(approved)) = (revised, approved_on)
                && revised > approved
            {
                self.out
                    .warning(
                        Code::RevisionOrder,
                        file,
                        &path,
                        msg!(
                            CheckRevisionAfterApproval,
                            date = revised.to_string(),
                            approved = approved.to_string()
                        ),
                    )
                    .set_hint(msg!(CheckRevisionAfterApprovalHint));
            }
        }
        self.sign_off(file, &root.key("sign_off"));
    }

    /// The date of `what` (`revision`, `approval`) when it is a real one on or after the session;
    /// reports it otherwise.
    fn dated(
        &mut self,
        field: &DateField,
        what: &str,
        session: Option<Date>,
        path: &YamlPath,
    ) -> Option<Date> {
        let Some((file, _)) = &self.input.programme else {
            return None;
        };
        let file = *file;
        self.out.date(field, file, path);
        let date = field.get()?;
        if let Some(session) = session
            && date < session
        {
            self.out
                .error(
                    Code::BeforeSession,
                    file,
                    path,
                    msg!(
                        CheckBeforeSession,
                        what = what,
                        date = date.to_string(),
                        session = session.to_string()
                    ),
                )
                .set_hint(msg!(CheckBeforeSessionHint, what = what));
            return None;
        }
        Some(date)
    }

    /// Each row of `sign_off`: its organisation and participant exist, its texts are not
    /// empty, and no row prints the name of a participant who is not published.
    fn sign_off(&mut self, file: crate::load::FileId, root: &YamlPath) {
        let Some((_, p)) = &self.input.programme else {
            return;
        };
        let participants = self
            .input
            .participants
            .as_ref()
            .map_or(&[][..], |(_, l)| l.as_slice());
        for (i, s) in p.sign_off.iter().enumerate() {
            let path = root.index(i);
            self.out.reference(
                &self.idx.orgs,
                &s.organisation,
                file,
                &path.key("organisation"),
            );
            self.out.not_empty(
                &s.position,
                file,
                &path.key("position"),
                Text::SignOffPosition,
            );
            if let Some(id) = &s.participant {
                self.out
                    .reference(&self.idx.participants, id, file, &path.key("participant"));
            }
            let Some(name) = &s.name else {
                continue;
            };
            self.out
                .not_empty(name, file, &path.key("name"), Text::SignOffName);
            if let Some(id) = &s.participant {
                self.out
                    .error(
                        Code::SignOffName,
                        file,
                        &path.key("name"),
                        msg!(CheckSignOffNameAndParticipant),
                    )
                    .set_hint(msg!(CheckSignOffNameAndParticipantHint, id = id.as_str()));
            } else if let Some(hidden) = participants
                .iter()
                .find(|q| !q.publish && same_name(&q.name, name))
            {
                self.out
                    .error(
                        Code::SignOffName,
                        file,
                        &path.key("name"),
                        msg!(CheckSignOffUnpublished, id = hidden.id.as_str()),
                    )
                    .set_hint(msg!(CheckSignOffUnpublishedHint, id = hidden.id.as_str()));
            }
        }
    }
}

/// True when two names are the same, whatever their spacing, case or «ё».
fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            .replace('ё', "е")
    };
    fold(a) == fold(b)
}
