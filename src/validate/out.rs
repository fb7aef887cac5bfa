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
        let long = "9".repeat(2 * EXCERPT_CHARS);
        out.error(Code::BadPeriod, FileId(0), &to, "ends early")
            .set_hint(format!("write `{long}`"));
        out.warning(Code::NoCases, FileId(0), &to, "no cases")
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
                    message: "ends early".into(),
                    // Texts put into a message are clipped as `Diagnostic::hint` clips them.
                    hint: Some(format!("write `{}…", &long[..2 * EXCERPT_CHARS - 7]).into()),
                },
                Diagnostic {
                    severity: Severity::Warning,
                    code: Code::NoCases,
                    file: "programme.yaml".into(),
                    line: Some(1),
                    column: Some(1),
                    path: Some(to.to_string()),
                    message: "no cases".into(),
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
}
