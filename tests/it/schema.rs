//! The JSON Schemas of the input files (`nko-draft schema`), checked with an independent
//! validator (the `jsonschema` crate) on every valid input of the repository, on a few invalid
//! ones, and against the copies committed in `programme/.schema/` and the examples.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{fixtures, repo, run_in};

/// The schemas as `nko-draft schema --out DIR --locale LOCALE` writes them, by file name.
fn written(locale: &str) -> BTreeMap<String, String> {
    let tmp = tempfile::tempdir().expect("tempdir");
    let run = run_in(
        tmp.path(),
        &["schema", "--out", "s", "--locale", locale],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.report());
    let mut schemas = BTreeMap::new();
    for entry in std::fs::read_dir(tmp.path().join("s")).expect("read the schemas") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        schemas.insert(name, std::fs::read_to_string(&path).expect("read"));
    }
    schemas
}

/// The schema of the input file at `rel` (from its programme's root).
fn schema_name(rel: &str) -> Option<&'static str> {
    Some(match rel {
        "programme.yaml" => "programme.schema.json",
        "session.yaml" => "session.schema.json",
        "organisations.yaml" => "organisations.schema.json",
        "participants.yaml" => "participants.schema.json",
        "indicators.yaml" => "indicators.schema.json",
        _ if rel.starts_with("cases/") => "case.schema.json",
        _ if rel.starts_with("steps/") => "steps.schema.json",
        _ => return None,
    })
}

/// YAML as JSON, the way an editor's language server sees it: keys as text.
fn to_json(yaml: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match yaml {
        Y::Null => Value::Null,
        Y::Bool(b) => b.into(),
        Y::Number(n) => serde_json::to_value(n).expect("a number"),
        Y::String(s) => s.into(),
        Y::Sequence(items) => items.into_iter().map(to_json).collect(),
        Y::Mapping(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let key = match k {
                        Y::String(s) => s,
                        other => serde_yaml::to_string(&other)
                            .expect("a key")
                            .trim()
                            .to_owned(),
                    };
                    (key, to_json(v))
                })
                .collect(),
        ),
        Y::Tagged(t) => to_json(t.value),
    }
}

fn validators(locale: &str) -> BTreeMap<String, jsonschema::Validator> {
    written(locale)
        .into_iter()
        .map(|(name, text)| {
            let schema: Value = serde_json::from_str(&text).expect("a schema is JSON");
            assert!(jsonschema::meta::is_valid(&schema), "{name} is a schema");
            let validator = jsonschema::validator_for(&schema).expect("compiles");
            (name, validator)
        })
        .collect()
}

/// The input files under `root` (a programme), with their path from it.
fn inputs(root: &Path) -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    for rel in [
        "programme.yaml",
        "session.yaml",
        "organisations.yaml",
        "participants.yaml",
        "indicators.yaml",
    ] {
        if root.join(rel).is_file() {
            found.push((rel.to_owned(), root.join(rel)));
        }
    }
    for dir in ["cases", "steps"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yaml"))
            .collect();
        names.sort();
        for name in names {
            found.push((format!("{dir}/{name}"), root.join(dir).join(&name)));
        }
    }
    found
}

/// The programmes of the repository: the fixture, the bundled programme, the examples, and what
/// `add-*` wrote in its tests.
fn programmes() -> Vec<PathBuf> {
    let mut roots = vec![fixtures().join("valid/base"), repo().join("programme")];
    for parent in [repo().join("examples"), fixtures().join("add")] {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&parent)
            .expect("read")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        roots.extend(dirs.into_iter().map(|d| {
            if parent.ends_with("add") {
                d.join("out")
            } else {
                d
            }
        }));
    }
    roots
}

#[test]
fn every_valid_input_fits_its_schema() {
    let schemas = validators("en");
    let mut checked = 0;
    for root in programmes() {
        for (rel, path) in inputs(&root) {
            let text = std::fs::read_to_string(&path).expect("read");
            let text = text.trim_start_matches('\u{feff}');
            let yaml: serde_yaml::Value =
                serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            if yaml.is_null() {
                // An empty file: the loader reads it as an empty list.
                continue;
            }
            let name = schema_name(&rel).expect("an input file");
            let instance = to_json(yaml);
            let errors: Vec<String> = schemas[name]
                .iter_errors(&instance)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} files checked");
}

/// What an editor says of a few mistakes, each by the keyword that catches it.
#[test]
fn invalid_inputs_are_refused_by_the_right_keyword() {
    let schemas = validators("en");
    let cases: &[(&str, &str, &str)] = &[
        // A misspelt key.
        (
            "session.schema.json",
            "title: T\ndate: 2026-11-28\nvenu: Курск\n",
            "additionalProperties",
        ),
        // A word that is not one of the allowed values.
        (
            "organisations.schema.json",
            "- id: a\n  name: A\n  kind: ngo\n",
            "enum",
        ),
        (
            "steps.schema.json",
            "- id: a\n  title: A\n  status: propsed\n",
            "enum",
        ),
        // A date in a form the loader does not read.
        (
            "session.schema.json",
            "title: T\ndate: 2026/11/28\n",
            "pattern",
        ),
        // Deadlines that are not one.
        (
            "steps.schema.json",
            "- id: a\n  title: A\n  deadline: soon\n",
            "pattern",
        ),
        (
            "steps.schema.json",
            "- id: a\n  title: A\n  deadline: Q2-2027\n",
            "pattern",
        ),
        // A report period that is neither a year nor a quarter.
        (
            "steps.schema.json",
            "- id: a\n  title: A\n  progress:\n    2027-Q5: {status: done}\n",
            "additionalProperties",
        ),
        // A required key left out.
        ("case.schema.json", "number: 1\ntitle: T\n", "required"),
    ];
    for (name, yaml, keyword) in cases {
        let instance = to_json(serde_yaml::from_str(yaml).expect("YAML"));
        let keywords: Vec<String> = schemas[*name]
            .iter_errors(&instance)
            .map(|e| e.kind().keyword().to_owned())
            .collect();
        assert_eq!(keywords, [*keyword], "{name}: {yaml}");
    }
    // The same with descriptions in Russian: the same rules.
    let ru = validators("ru");
    for (name, yaml, _) in cases {
        let instance = to_json(serde_yaml::from_str(yaml).expect("YAML"));
        assert!(!ru[*name].is_valid(&instance), "{name}: {yaml}");
    }
}

/// `programme/` and the examples carry the schemas in `.schema/`, as `init` writes them, and
/// name them in the first line of every input file: a change of the input types that is not
/// written out fails here.
#[test]
fn committed_schemas_are_up_to_date() {
    let by_locale = [("ru", written("ru")), ("en", written("en"))];
    let mut roots = vec![repo().join("programme")];
    for example in ["english", "kursk-2027-report", "minimal"] {
        roots.push(repo().join("examples").join(example));
    }
    for root in roots {
        let programme = std::fs::read_to_string(root.join("programme.yaml")).expect("read");
        let locale = if programme.contains("\nlocale: en") {
            "en"
        } else {
            "ru"
        };
        let schemas = &by_locale.iter().find(|(l, _)| *l == locale).unwrap().1;
        for (name, text) in schemas {
            let path = root.join(".schema").join(name);
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == *text,
                "{} is out of date: run `nko-draft schema --out {} --locale {locale}`",
                path.display(),
                root.join(".schema").display()
            );
        }
        for (rel, path) in inputs(&root) {
            let up = "../".repeat(rel.matches('/').count());
            let want = format!(
                "# yaml-language-server: $schema={up}.schema/{}",
                schema_name(&rel).unwrap()
            );
            let text = std::fs::read_to_string(&path).expect("read");
            assert_eq!(
                text.lines().next(),
                Some(want.as_str()),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn init_writes_the_schemas_and_names_them() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let run = run_in(
        tmp.path(),
        &[
            "init",
            "p",
            "--session-date",
            "2026-11-28",
            "--locale",
            "en",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.report());
    let root = tmp.path().join("p");
    for (name, text) in written("en") {
        let committed = std::fs::read_to_string(root.join(".schema").join(&name)).expect(&name);
        assert_eq!(committed, text, "{name}");
    }
    let files = inputs(&root);
    assert!(files.len() >= 11, "{files:?}");
    for (rel, path) in files {
        let text = std::fs::read_to_string(&path).expect("read");
        let first = text.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("# yaml-language-server: $schema=")
                && first.ends_with(schema_name(&rel).unwrap()),
            "{rel}: {first}"
        );
    }
    // The new programme passes check, the schema folder and the first lines notwithstanding.
    let run = run_in(tmp.path(), &["-C", "p", "check"], None);
    assert_eq!(run.code, 0, "{}", run.report());
}
