//! Reading the catalogue's Fluent files as a build step would: the message ids of a language
//! with the variables each uses, and the comparison of two languages. `build.rs` uses it to
//! refuse a catalogue whose languages differ; the tests use it to show that they do not.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Each message id of a language and the variables it uses.
pub(crate) type Messages = BTreeMap<String, BTreeSet<String>>;

/// The `.ftl` files of one language folder, by name.
pub(crate) fn ftl_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ftl"))
        .collect();
    names.sort();
    Ok(names)
}

/// The messages of one language folder; syntax errors, messages defined twice, messages
/// without a value and messages that refer to other messages are refused.
pub(crate) fn read_language(dir: &Path) -> Result<Messages, String> {
    let mut messages = Messages::new();
    for file in ftl_files(dir)? {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let resource = fluent_syntax::parser::parse(text.as_str())
            .map_err(|(_, errors)| format!("{}: {errors:?}", path.display()))?;
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let id = m.id.name.to_owned();
                    let value = m.value.ok_or_else(|| {
                        format!("{}: message `{id}` has no value", path.display())
                    })?;
                    let mut vars = BTreeSet::new();
                    pattern_vars(&value, &mut vars)
                        .map_err(|e| format!("{}: message `{id}`: {e}", path.display()))?;
                    if messages.insert(id.clone(), vars).is_some() {
                        return Err(format!(
                            "{}: message `{id}` is defined twice",
                            path.display()
                        ));
                    }
                }
                Entry::Junk { content } => {
                    return Err(format!("{}: cannot read `{content}`", path.display()));
                }
                _ => {}
            }
        }
    }
    Ok(messages)
}

/// Why `other` (in folder `lang`) does not have exactly the messages and variables of
/// `reference`.
pub(crate) fn compare(reference: &Messages, other: &Messages, lang: &str) -> Result<(), String> {
    for (id, vars) in reference {
        match other.get(id) {
            None => return Err(format!("message `{id}` is missing from locales/{lang}")),
            Some(own) if own != vars => {
                return Err(format!(
                    "message `{id}` uses the variables {own:?} in locales/{lang} but {vars:?} \
                     in English"
                ));
            }
            Some(_) => {}
        }
    }
    match other.keys().find(|id| !reference.contains_key(*id)) {
        Some(extra) => Err(format!("message `{extra}` is in locales/{lang} only")),
        None => Ok(()),
    }
}

fn pattern_vars(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) -> Result<(), String> {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars)?;
        }
    }
    Ok(())
}

fn expression_vars(
    expression: &Expression<&str>,
    vars: &mut BTreeSet<String>,
) -> Result<(), String> {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars)?;
            for v in variants {
                pattern_vars(&v.value, vars)?;
            }
            Ok(())
        }
        Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) -> Result<(), String> {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars)?;
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars)?;
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars)?,
        InlineExpression::MessageReference { id, .. } => {
            return Err(format!(
                "refers to the message `{}`; use a term (`-{}`) instead",
                id.name, id.name
            ));
        }
        _ => {}
    }
    Ok(())
}
