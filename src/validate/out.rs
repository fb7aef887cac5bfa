//! Placing findings: references checked against known ids with a did-you-mean, id syntax,
//! duplicates, empty texts and numbers, each reported at the value it is about.

use std::collections::HashMap;

use super::{Ids, Kind, MAX_NUMBER, Out, Text};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::load::FileId;
use crate::model::{Date, DateField, date_hint, is_valid_id};
use crate::msg;
use crate::suggest;
use crate::yaml::YamlPath;

impl Out<'_> {
    /// Records an error about the value at `path` in `file`; returns it, to add a hint.
    pub(super) fn error(
        &mut self,
        code: Code,
        file: FileId,
        path: &YamlPath,
        message: impl Into<crate::i18n::Message>,
    ) -> &mut Diagnostic {
        self.report(Severity::Error, code, file, path, message)
    }

    /// Records a warning about the value at `path` in `file`; returns it, to add a hint.
    pub(super) fn warning(
        &mut self,
        code: Code,
        file: FileId,
        path: &YamlPath,
        message: impl Into<crate::i18n::Message>,
    ) -> &mut Diagnostic {
        self.report(Severity::Warning, code, file, path, message)
    }

    /// Records a finding placed at the value at `path` in `file`, and returns it.
    fn report(
        &mut self,
        severity: Severity,
        code: Code,
        file: FileId,
        path: &YamlPath,
        message: impl Into<crate::i18n::Message>,
    ) -> &mut Diagnostic {
        let d = Diagnostic {
            severity,
            ..Diagnostic::error(code, &self.input.source(file).rel, message)
        }
        .at(self.input.pos(file, path))
        .path(path);
        let i = self.diags.len();
        self.diags.push(d);
        &mut self.diags[i]
    }

    /// Reports a value that is not a finite number of a sensible size.
    pub(super) fn number(&mut self, value: f64, file: FileId, path: &YamlPath) {
        if !value.is_finite() || value.abs() > MAX_NUMBER {
            self.error(
                Code::BadNumber,
                file,
                path,
                msg!(CheckBadNumber, value = value.to_string()),
            )
            .set_hint(msg!(CheckBadNumberHint));
        }
    }
    /// Reports a date that is not a real date, at its value, with the date meant when it can
    /// tell.
    pub(super) fn date(&mut self, field: &DateField, file: FileId, path: &YamlPath) {
        let DateField::Invalid(text) = field else {
            return;
        };
        let Err(why) = Date::parse(text) else {
            return;
        };
        self.error(Code::BadDate, file, path, why)
            .set_hint(date_hint(text));
    }

    /// Reports `id` at `path` when it is not one of `ids`, with the nearest id as a hint.
    pub(super) fn reference(&mut self, ids: &Ids<'_>, id: &str, file: FileId, path: &YamlPath) {
        if !ids.complete || ids.contains(id) || ids.skip.contains(id) {
            return;
        }
        let known = &ids.ids;
        let hint = ids
            .hints
            .borrow_mut()
            .entry(id.to_owned())
            .or_insert_with(|| match suggest::nearest(id, known.iter().copied()) {
                Some(near) => msg!(InputDidYouMean, near = near),
                None if known.is_empty() => msg!(CheckNoneDefined, kind = ids.kind.key()),
                None if known.len() <= 8 => msg!(CheckKnown, ids = suggest::names(known)),
                None => msg!(CheckNoneNear, n = known.len(), kind = ids.kind.key()),
            })
            .clone();
        let message = match &ids.scope {
            Some(case) => msg!(
                CheckUnknownRefInCase,
                kind = ids.kind.key(),
                id = id,
                case = case
            ),
            None => msg!(CheckUnknownRef, kind = ids.kind.key(), id = id),
        };
        self.error(Code::DanglingReference, file, path, message)
            .set_hint(hint);
    }

    /// Checks every id of a list of references.
    /// A single id written where a list is allowed (`responsible: crdi`) is reported at the
    /// key's value, a list's items at their index.
    pub(super) fn references(
        &mut self,
        ids: &Ids<'_>,
        list: &[String],
        file: FileId,
        path: &YamlPath,
    ) {
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
    pub(super) fn id_syntax(&mut self, id: &str, file: FileId, path: &YamlPath) -> bool {
        if is_valid_id(id) {
            return true;
        }
        let suggestion = suggest::id_from(id);
        let example = if is_valid_id(&suggestion) {
            suggestion.as_str()
        } else {
            "kursk-admin"
        };
        self.error(Code::InvalidId, file, path, msg!(CheckInvalidId, id = id))
            .set_hint(msg!(CheckInvalidIdHint, example = example));
        false
    }

    /// Reports ids defined twice within one list, at the second definition.
    pub(super) fn unique<'i>(
        &mut self,
        kind: Kind,
        items: impl Iterator<Item = (&'i str, FileId, YamlPath)>,
    ) {
        let mut seen: HashMap<&str, (FileId, YamlPath)> = HashMap::new();
        for (id, file, path) in items {
            if let Some((first_file, first_path)) = seen.get(id) {
                let first = self.input.pos(*first_file, first_path);
                let hint = msg!(
                    CheckDuplicateIdHint,
                    file = &self.input.source(*first_file).rel,
                    line = first.line.to_string()
                );
                self.error(
                    Code::DuplicateId,
                    file,
                    &path,
                    msg!(CheckDuplicateId, kind = kind.key(), id = id),
                )
                .set_hint(hint);
            } else {
                seen.insert(id, (file, path));
            }
        }
    }

    /// Reports text that is required but empty.
    pub(super) fn not_empty(&mut self, text: &str, file: FileId, path: &YamlPath, what: Text) {
        if text.trim().is_empty() {
            self.error(
                Code::EmptyText,
                file,
                path,
                msg!(CheckEmptyText, what = what.key()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Input, Source};
    use crate::quote::EXCERPT_CHARS;
    use crate::yaml::{Limits, Pos, parse};

    /// A programme of one parsed file.
    fn one_file(rel: &str, root_label: &'static str, text: &str) -> Input {
        Input {
            sources: vec![Source {
                rel: rel.into(),
                text: text.into(),
                tree: Some(parse(text, Limits::default()).unwrap()),
                root_label,
                lines: Default::default(),
            }],
            ..Input::default()
        }
    }

    #[test]
    fn a_finding_is_recorded_at_the_value_of_its_path_with_its_hint() {
        let text = "title: T\nperiod:\n  from: 2030\n  to: 2026\n";
        let input = one_file("programme.yaml", "programme", text);
        let mut out = Out {
            input: &input,
            diags: Vec::new(),
        };
        let to = input.path(FileId(0)).key("period").key("to");
        let long = "9".repeat(2 * EXCERPT_CHARS + 10);
        out.error(Code::BadPeriod, FileId(0), &to, msg!(SeverityError))
            .set_hint(msg!(InputDidYouMean, near = long.as_str()));
        out.warning(Code::NoCases, FileId(0), &to, msg!(SeverityWarning))
            .set_pos(Pos { line: 1, col: 1 });
        assert_eq!(
            out.diags,
            [
                Diagnostic {
                    severity: Severity::Error,
                    code: Code::BadPeriod,
                    file: "programme.yaml".into(),
                    line: Some(4),
                    column: Some(7),
                    path: Some(to.to_string()),
                    message: msg!(SeverityError),
                    // Texts put into a message are clipped as `Diagnostic::hint` clips them.
                    hint: Some(msg!(
                        InputDidYouMean,
                        near = format!("{}…", &long[..2 * EXCERPT_CHARS])
                    )),
                },
                Diagnostic {
                    severity: Severity::Warning,
                    code: Code::NoCases,
                    file: "programme.yaml".into(),
                    line: Some(1),
                    column: Some(1),
                    path: Some(to.to_string()),
                    message: msg!(SeverityWarning),
                    hint: None,
                },
            ]
        );
    }

    #[test]
    fn the_nearest_id_is_searched_once_per_distinct_wrong_id() {
        let text = "- responsible: orq-1\n- responsible: orq-1\n- responsible: orq-2\n";
        let input = one_file("steps/a.yaml", "steps", text);
        let ids = Ids::new(Kind::Organisation, vec!["org-2", "org-1", "org-1"], true);
        assert_eq!(ids.ids, ["org-1", "org-2"], "sorted once, without repeats");
        let mut out = Out {
            input: &input,
            diags: Vec::new(),
        };
        let root = input.path(FileId(0));
        for (i, id) in ["orq-1", "orq-1", "orq-2"].into_iter().enumerate() {
            out.reference(&ids, id, FileId(0), &root.index(i).key("responsible"));
        }
        let found: Vec<(u32, String)> = out
            .diags
            .iter()
            .map(|d| (d.line.unwrap(), d.hint.as_ref().unwrap().en()))
            .collect();
        assert_eq!(
            found,
            [
                (1, "did you mean `org-1`?".to_owned()),
                (2, "did you mean `org-1`?".to_owned()),
                (3, "did you mean `org-2`?".to_owned()),
            ]
        );
        assert_eq!(ids.hints.borrow().len(), 2);
    }

    /// A reference's message agrees with what the id is of (неизвестная организация,
    /// неизвестный участник, неизвестное предложение), and so does each kind of hint.
    #[test]
    fn references_agree_with_their_kind_in_russian() {
        use crate::i18n::Lang;
        let input = one_file("steps/a.yaml", "steps", "- responsible: x\n");
        let at = input.path(FileId(0)).index(0).key("responsible");
        let report = |ids: Ids<'_>, id: &str| {
            let mut out = Out {
                input: &input,
                diags: Vec::new(),
            };
            out.reference(&ids, id, FileId(0), &at);
            let d = out.diags.pop().expect("a finding");
            let hint = d.hint.expect("a hint");
            (d.message.text(Lang::Ru), hint.text(Lang::Ru), hint.en())
        };
        let (message, hint, _) = report(Ids::new(Kind::Organisation, vec!["crdi"], true), "crdj");
        assert_eq!(message, "неизвестная организация «crdj»");
        assert_eq!(hint, "возможно, имелось в виду «crdi»?");
        let (message, hint, en) = report(Ids::new(Kind::Participant, vec![], true), "petrov");
        assert_eq!(message, "неизвестный участник «petrov»");
        assert_eq!(hint, "пока не задано ни одного участника");
        assert_eq!(en, "no participant is defined yet");
        let proposals = Ids::new(Kind::Proposal, vec!["aaa-1", "bbb-2"], true).in_case("training");
        let (message, hint, en) = report(proposals, "zzzzzz");
        assert_eq!(
            message,
            "неизвестное предложение «zzzzzz» в кейсе «training»"
        );
        assert_eq!(hint, "известные id: «aaa-1», «bbb-2»");
        assert_eq!(en, "known: `aaa-1`, `bbb-2`");
        let problems = Ids::new(Kind::Problem, vec![], true).in_case("training");
        let (message, hint, _) = report(problems, "p9");
        assert_eq!(message, "неизвестная проблема «p9» в кейсе «training»");
        assert_eq!(hint, "пока не задано ни одной проблемы");
        let names: Vec<String> = (0..21).map(|i| format!("organisation-{i:02}")).collect();
        let many = |n: usize| {
            Ids::new(
                Kind::Organisation,
                names[..n].iter().map(String::as_str).collect(),
                true,
            )
        };
        let (_, hint, en) = report(many(21), "x");
        assert_eq!(
            hint,
            "ни один из 21 известного id организаций не похож на этот"
        );
        assert_eq!(en, "none of the 21 organisations is near this id");
        let (_, hint, _) = report(many(12), "x");
        assert_eq!(
            hint,
            "ни один из 12 известных id организаций не похож на этот"
        );
    }

    /// Every kind of id and every required text has its own Russian words (none falls to the
    /// catalogue's default), and the English ones stay as they were.
    #[test]
    fn every_kind_and_text_has_its_russian_words() {
        use crate::i18n::Lang;
        let kinds = [
            Kind::Organisation,
            Kind::Participant,
            Kind::Indicator,
            Kind::Case,
            Kind::Problem,
            Kind::Proposal,
            Kind::Step,
        ];
        for kind in kinds {
            let unknown = crate::msg!(CheckUnknownRef, kind = kind.key(), id = "x");
            assert!(
                !unknown.text(Lang::Ru).contains("неизвестный id"),
                "{kind:?}"
            );
            assert_eq!(unknown.en(), format!("unknown {} `x`", kind.key()));
            let twice = crate::msg!(CheckDuplicateId, kind = kind.key(), id = "x");
            assert!(twice.text(Lang::Ru).starts_with("id "), "{kind:?}");
            assert_ne!(
                twice.text(Lang::Ru),
                "id «x» встречается дважды",
                "{kind:?}"
            );
            let none = crate::msg!(CheckNoneDefined, kind = kind.key());
            assert_ne!(
                none.text(Lang::Ru),
                "пока не задано ни одного id",
                "{kind:?}"
            );
        }
        let texts = [
            (
                Text::ProgrammeTitle,
                "the title",
                "название программы не заполнено",
            ),
            (
                Text::ProgressComment,
                "the comment",
                "комментарий не заполнен",
            ),
            (Text::ActualNote, "the note", "пояснение не заполнено"),
            (
                Text::ShortTitle,
                "the short title",
                "краткое название не заполнено",
            ),
            (Text::Risk, "the risk", "описание риска не заполнено"),
            (
                Text::Mitigation,
                "the mitigation",
                "меры по снижению риска не заполнены",
            ),
            (Text::Goal, "the goal", "цель не заполнена"),
            (
                Text::SessionTitle,
                "the title",
                "название сессии не заполнено",
            ),
            (
                Text::AgreementTitle,
                "the agreement's title",
                "название соглашения не заполнено",
            ),
            (
                Text::OrganisationName,
                "the name",
                "наименование организации не заполнено",
            ),
            (
                Text::ShortName,
                "the short name",
                "краткое наименование не заполнено",
            ),
            (
                Text::ParticipantName,
                "the name",
                "имя участника не заполнено",
            ),
            (Text::CaseTitle, "the title", "название кейса не заполнено"),
            (Text::Task, "the task", "задача не заполнена"),
            (Text::Problem, "the problem", "текст проблемы не заполнен"),
            (
                Text::Proposal,
                "the proposal",
                "текст предложения не заполнен",
            ),
            (
                Text::IndicatorName,
                "the name",
                "наименование показателя не заполнено",
            ),
            (Text::Unit, "the unit", "единица измерения не заполнена"),
            (
                Text::StepTitle,
                "the title",
                "название мероприятия не заполнено",
            ),
            (Text::Result, "the result", "результат не заполнен"),
        ];
        for (what, en, ru) in texts {
            let m = crate::msg!(CheckEmptyText, what = what.key());
            assert_eq!(m.en(), format!("{en} is empty"));
            assert_eq!(m.text(Lang::Ru), ru);
        }
    }

    /// Counts choose the Russian form: one year or several, one decimal or five.
    #[test]
    fn counts_choose_the_russian_form() {
        use crate::i18n::Lang;
        let targets = |years: &str, n: usize| {
            crate::msg!(CheckMissingTargets, id = "i1", years = years, n = n)
        };
        assert_eq!(
            targets("2027", 1).text(Lang::Ru),
            "у показателя «i1» нет целевого значения на 2027 год"
        );
        assert_eq!(
            targets("2027, 2028", 2).text(Lang::Ru),
            "у показателя «i1» нет целевых значений на 2027, 2028 годы"
        );
        assert_eq!(
            targets("2027, 2028", 2).en(),
            "indicator `i1` has no target for 2027, 2028"
        );
        let fine = |n: usize| {
            crate::msg!(CheckAmountTooFineHint, decimals = n, rounded = "1.5").text(Lang::Ru)
        };
        assert!(
            fine(1).contains("не больше 1 знака после точки"),
            "{}",
            fine(1)
        );
        assert!(
            fine(5).contains("не больше 5 знаков после точки"),
            "{}",
            fine(5)
        );
    }
}
