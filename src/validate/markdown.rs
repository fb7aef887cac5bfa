//! Long texts: Markdown outside the subset the document prints (see
//! [`crate::document::rich`]) loses its markup; `check` says so at the text.

use super::Validator;
use crate::diagnostic::Code;
use crate::document::rich;
use crate::load::{FileId, Input};
use crate::msg;
use crate::yaml::{Pos, YamlPath};

impl Validator<'_> {
    /// Warns once per kind of dropped markup in each long text, at the text.
    pub(super) fn markdown(&mut self) {
        let input = self.input;
        for (file, path, text) in long_texts(input) {
            for (dropped, at) in rich::dropped(text) {
                let value = input.pos(file, &path);
                let pos = place(&input.source(file).text, value, text, at);
                let d = self
                    .out
                    .warning(
                        Code::MarkdownDropped,
                        file,
                        &path,
                        msg!(RichMarkdownDropped, kind = dropped.key()),
                    )
                    .set_hint(msg!(RichMarkdownDroppedHint));
                if let Some(pos) = pos {
                    d.set_pos(pos);
                }
            }
        }
    }
}

/// Where `at` (in a value's `text`) stands in the file's `source`, when the value is written
/// line for line as it reads (a literal block `|`, or a plain one-line value): every line of
/// the text is found unchanged in the file, at the value's column, on successive lines.
fn place(source: &str, value: Pos, text: &str, at: rich::At) -> Option<Pos> {
    let first = usize::try_from(value.line).ok()?.checked_sub(1)?;
    let col = usize::try_from(value.col).ok()?.checked_sub(1)?;
    let one_line = text.lines().count() == 1;
    let mut file_lines = source.lines().skip(first);
    for line in text.lines() {
        let written = file_lines.next()?;
        let rest: String = written.chars().skip(col).collect();
        let same = if line.is_empty() {
            rest.trim().is_empty()
        } else if one_line {
            // A plain value, perhaps followed by a comment.
            rest.strip_prefix(line).is_some_and(|after| {
                let after = after.trim_start();
                after.is_empty() || after.starts_with('#')
            })
        } else {
            rest == line
        };
        if !same {
            return None;
        }
    }
    let line = text.lines().nth(at.line.checked_sub(1)?)?;
    let chars = line.get(..at.col.checked_sub(1)?)?.chars().count();
    Some(Pos {
        line: value.line.checked_add(u32::try_from(at.line - 1).ok()?)?,
        col: value.col.checked_add(u32::try_from(chars).ok()?)?,
    })
}

/// The texts that accept the Markdown subset, with where each is written.
pub(crate) fn long_texts(input: &Input) -> Vec<(FileId, YamlPath, &str)> {
    let mut out = Vec::new();
    if let Some((file, p)) = &input.programme {
        let root = input.path(*file);
        for (key, v) in [
            ("context", &p.context),
            ("implementation", &p.implementation),
        ] {
            if let Some(v) = v {
                out.push((*file, root.key(key), v.as_str()));
            }
        }
    }
    if let Some((file, s)) = &input.session {
        let root = input.path(*file);
        for (i, a) in s.agreements.iter().enumerate() {
            if let Some(subject) = &a.subject {
                out.push((
                    *file,
                    root.key("agreements").index(i).key("subject"),
                    subject,
                ));
            }
        }
    }
    for c in &input.cases {
        let root = input.path(c.file);
        out.push((c.file, root.key("task"), c.case.task.as_str()));
        for (i, p) in c.case.problems.iter().enumerate() {
            let path = root.key("problems").index(i).key("text");
            out.push((c.file, path, p.text.as_str()));
        }
    }
    for sf in &input.steps {
        let root = input.path(sf.file);
        for (i, s) in sf.steps.iter().enumerate() {
            if let Some(d) = &s.description {
                out.push((sf.file, root.index(i).key("description"), d.as_str()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_markup_in_a_literal_block() {
        let source = "a:\n  description: |\n    Текст\n\n    <b>x</b>\n";
        let value = Pos { line: 3, col: 5 };
        let text = "Текст\n\n<b>x</b>\n";
        let at = rich::dropped(text)[0].1;
        assert_eq!(
            place(source, value, text, at),
            Some(Pos { line: 5, col: 5 })
        );
        // A folded value reads differently from how it is written: the value's place is kept.
        let folded = "Текст <b>x</b>";
        let at = rich::dropped(folded)[0].1;
        assert_eq!(place(source, value, folded, at), None);
        // A one-line value, with a comment after it.
        let source = "subject: Договор <b>о</b> # note\n";
        let text = "Договор <b>о</b>";
        let at = rich::dropped(text)[0].1;
        assert_eq!(
            place(source, Pos { line: 1, col: 10 }, text, at),
            Some(Pos { line: 1, col: 18 })
        );
    }
}
