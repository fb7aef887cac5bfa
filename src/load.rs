//! Stage `load`: the files of a programme directory to typed input, and the positions of every
//! value for later findings.
//!
//! Loading never stops at a bad file: each file that cannot be read, parsed or typed yields a
//! [`Diagnostic`] and is left out, and the others load, so `check` can report everything at
//! once. A programme root that cannot be found at all is the only hard failure.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diagnostic::Diagnostic;
use crate::model::{Case, Indicator, Organisation, Participant, Programme, Session, Step};
use crate::project::{self, ProjectError};
use crate::yaml::{self, Limits, Node, Pos, YamlPath};

/// Files larger than this are refused: a programme file is a few hundred kilobytes even for
/// thousands of steps, and a huge file is a mistake (or an attack) that would only be slow.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Index of a file in [`Input::sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub usize);

/// One input file as read: its text and its YAML tree (absent when it did not parse).
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the root, with `/`.
    pub rel: String,
    /// The text, without a BOM.
    pub text: String,
    /// The parsed tree.
    pub tree: Option<Node>,
    /// The label the file's paths start with (`steps`, `organisations`, or empty).
    pub root_label: &'static str,
}

/// A case file that loaded.
#[derive(Debug, Clone)]
pub struct CaseInput {
    /// The file's stem.
    pub id: String,
    /// Its file.
    pub file: FileId,
    /// What it holds.
    pub case: Case,
}

/// A steps file that loaded.
#[derive(Debug, Clone)]
pub struct StepsInput {
    /// The case id: the file's stem.
    pub case: String,
    /// Its file.
    pub file: FileId,
    /// The steps, in file order.
    pub steps: Vec<Step>,
}

/// Everything that loaded from a programme directory.
#[derive(Debug, Clone, Default)]
pub struct Input {
    /// The programme root.
    pub root: PathBuf,
    /// Every file that was read, in load order.
    pub sources: Vec<Source>,
    /// `programme.yaml`.
    pub programme: Option<(FileId, Programme)>,
    /// `session.yaml`.
    pub session: Option<(FileId, Session)>,
    /// `organisations.yaml`.
    pub organisations: Option<(FileId, Vec<Organisation>)>,
    /// `participants.yaml`.
    pub participants: Option<(FileId, Vec<Participant>)>,
    /// `indicators.yaml`.
    pub indicators: Option<(FileId, Vec<Indicator>)>,
    /// `cases/*.yaml`, sorted by file name.
    pub cases: Vec<CaseInput>,
    /// `steps/*.yaml`, sorted by file name.
    pub steps: Vec<StepsInput>,
}

impl Input {
    /// The file with that id.
    pub fn source(&self, id: FileId) -> &Source {
        &self.sources[id.0]
    }

    /// The file with that relative path.
    pub fn source_by_rel(&self, rel: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.rel == rel)
    }

    /// A path inside a file, labelled with the file's root label.
    pub fn path(&self, file: FileId) -> YamlPath {
        YamlPath::root(self.source(file).root_label)
    }

    /// The position of the value at `path` in `file`, or of its nearest existing ancestor.
    pub fn pos(&self, file: FileId, path: &YamlPath) -> Pos {
        self.source(file)
            .tree
            .as_ref()
            .map_or(Pos { line: 1, col: 1 }, |t| t.pos_of(path.segs()))
    }

    /// The position of the key (not the value) at `path`, for findings about a key.
    pub fn key_pos(&self, file: FileId, path: &YamlPath) -> Pos {
        let segs = path.segs();
        let Some((yaml::PathSeg::Key(last), parent)) = segs.split_last() else {
            return self.pos(file, path);
        };
        self.source(file)
            .tree
            .as_ref()
            .and_then(|t| t.lookup(parent)?.get_key(last))
            .map_or_else(|| self.pos(file, path), |n| n.pos)
    }

    /// A diagnostic placed at `path` in `file`.
    pub fn error_at(
        &self,
        code: &'static str,
        file: FileId,
        path: &YamlPath,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::error(code, &self.source(file).rel, message)
            .at(self.pos(file, path))
            .path(path)
    }

    /// A warning placed at `path` in `file`.
    pub fn warning_at(
        &self,
        code: &'static str,
        file: FileId,
        path: &YamlPath,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::warning(code, &self.source(file).rel, message)
            .at(self.pos(file, path))
            .path(path)
    }

    /// The text of every file, by relative path, for rendering findings with snippets.
    pub fn texts(&self) -> BTreeMap<&str, &str> {
        self.sources
            .iter()
            .map(|s| (s.rel.as_str(), s.text.as_str()))
            .collect()
    }
}

/// Loads the programme at `root` from disk.
pub fn load(root: &Path) -> Result<(Input, Vec<Diagnostic>), ProjectError> {
    load_with(root, &BTreeMap::new())
}

/// Loads the programme at `root`, taking the text of the files named in `overlay` (relative
/// paths) from there instead of from disk: `add-step` checks an edit this way before writing.
pub fn load_with(
    root: &Path,
    overlay: &BTreeMap<String, String>,
) -> Result<(Input, Vec<Diagnostic>), ProjectError> {
    let mut listing = project::list(root)?;
    for rel in overlay.keys() {
        let list = if rel.starts_with("cases/") {
            &mut listing.cases
        } else if rel.starts_with("steps/") {
            &mut listing.steps
        } else {
            continue;
        };
        if !list.contains(rel) {
            list.push(rel.clone());
            list.sort();
        }
    }
    let mut loader = Loader {
        root,
        overlay,
        input: Input {
            root: root.to_path_buf(),
            ..Input::default()
        },
        diags: Vec::new(),
    };
    for rel in &listing.ignored {
        loader.diags.push(
            Diagnostic::warning("ignored-file", rel, "this file is ignored")
                .hint("input files end in `.yaml`; rename it if it is meant to be read"),
        );
    }
    loader.input.programme = loader.mapping("programme.yaml", true);
    loader.input.session = loader.mapping("session.yaml", true);
    loader.input.organisations = loader.sequence("organisations.yaml", "organisations", true);
    loader.input.participants = loader.sequence("participants.yaml", "participants", false);
    loader.input.indicators = loader.sequence("indicators.yaml", "indicators", false);
    for rel in &listing.cases {
        if let Some((file, case)) = loader.mapping::<Case>(rel, true) {
            loader.input.cases.push(CaseInput {
                id: project::stem(rel).to_owned(),
                file,
                case,
            });
        }
    }
    for rel in &listing.steps {
        if let Some((file, steps)) = loader.sequence::<Step>(rel, "steps", true) {
            loader.input.steps.push(StepsInput {
                case: project::stem(rel).to_owned(),
                file,
                steps,
            });
        }
    }
    Ok((loader.input, loader.diags))
}

struct Loader<'a> {
    root: &'a Path,
    overlay: &'a BTreeMap<String, String>,
    input: Input,
    diags: Vec<Diagnostic>,
}

impl Loader<'_> {
    /// Reads and parses a file; `None` when it does not exist (an error if `required`) or has
    /// a problem, which is recorded.
    fn read(&mut self, rel: &str, label: &'static str, required: bool) -> Option<FileId> {
        let text = match self.overlay.get(rel) {
            Some(text) => text.clone(),
            None => match read_text(&self.root.join(rel)) {
                Ok(Some(text)) => text,
                Ok(None) => {
                    if required {
                        self.diags.push(
                            Diagnostic::error("missing-file", rel, format!("{rel} is missing"))
                                .hint(format!("every programme needs {rel}; `nko-draft init` writes a skeleton")),
                        );
                    }
                    return None;
                }
                Err(d) => {
                    self.diags.push(d.relabel(rel));
                    // Recorded without text, so later rules know the file exists but did not
                    // load, and skip what depends on it instead of reporting follow-on errors.
                    self.input.sources.push(Source {
                        rel: rel.to_owned(),
                        text: String::new(),
                        tree: None,
                        root_label: label,
                    });
                    return None;
                }
            },
        };
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        let tree = match yaml::parse(&text, Limits::default()) {
            Ok(tree) => Some(tree),
            Err(errors) => {
                for e in errors {
                    let code = if e.message.starts_with("duplicate key") {
                        "duplicate-key"
                    } else {
                        "yaml-syntax"
                    };
                    self.diags.push(
                        Diagnostic::error(code, rel, e.message)
                            .at(e.pos)
                            .maybe_hint(e.hint),
                    );
                }
                None
            }
        };
        let ok = tree.is_some();
        self.input.sources.push(Source {
            rel: rel.to_owned(),
            text,
            tree,
            root_label: label,
        });
        ok.then(|| FileId(self.input.sources.len() - 1))
    }

    /// Loads a file whose top level is a mapping.
    fn mapping<T: DeserializeOwned>(&mut self, rel: &str, required: bool) -> Option<(FileId, T)> {
        let file = self.read(rel, "", required)?;
        let tree = self.input.source(file).tree.as_ref()?;
        if tree.is_null() {
            self.diags.push(
                Diagnostic::error("empty-file", rel, format!("{rel} is empty"))
                    .at(Pos { line: 1, col: 1 })
                    .hint("it holds keys such as `title: …`; see `nko-draft init` for a skeleton"),
            );
            return None;
        }
        self.typed(file)
    }

    /// Loads a file whose top level is a sequence; an empty file is an empty sequence.
    fn sequence<T: DeserializeOwned>(
        &mut self,
        rel: &str,
        label: &'static str,
        required: bool,
    ) -> Option<(FileId, Vec<T>)> {
        let file = self.read(rel, label, required)?;
        let tree = self.input.source(file).tree.as_ref()?;
        if tree.is_null() {
            return Some((file, Vec::new()));
        }
        self.typed(file)
    }

    fn typed<T: DeserializeOwned>(&mut self, file: FileId) -> Option<(FileId, T)> {
        let source = self.input.source(file);
        let tree = source.tree.as_ref()?;
        match yaml::from_node::<T>(tree) {
            Ok(value) => Some((file, value)),
            Err(e) => {
                let mut path = YamlPath::root(source.root_label);
                for seg in &e.path {
                    path = match seg {
                        yaml::PathSeg::Key(k) => path.key(k),
                        yaml::PathSeg::Index(i) => path.index(*i),
                    };
                }
                let code = if e.message.starts_with("unknown key") {
                    "unknown-key"
                } else if e.message.starts_with("missing required key") {
                    "missing-key"
                } else {
                    "wrong-type"
                };
                let d = Diagnostic::error(code, &source.rel, e.message)
                    .at(e.pos.unwrap_or(tree.pos))
                    .path(&path)
                    .maybe_hint(e.hint);
                self.diags.push(d);
                None
            }
        }
    }
}

/// A read failure, before it knows its relative path.
struct ReadError {
    code: &'static str,
    message: String,
    hint: Option<String>,
    pos: Option<Pos>,
}

impl ReadError {
    fn relabel(self, rel: &str) -> Diagnostic {
        let d = Diagnostic::error(self.code, rel, self.message).maybe_hint(self.hint);
        match self.pos {
            Some(p) => d.at(p),
            None => d,
        }
    }
}

/// Reads a file as UTF-8 text; `Ok(None)` when it does not exist.
fn read_text(path: &Path) -> Result<Option<String>, ReadError> {
    let io = |e: std::io::Error| ReadError {
        code: "io",
        message: format!("cannot read {}: {e}", path.display()),
        hint: None,
        pos: None,
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError {
            code: "file-too-large",
            message: format!(
                "the file is larger than {} MiB",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            hint: Some("programme files are small text files; is this the right file?".into()),
            pos: None,
        });
    }
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let line = prefix.matches('\n').count() as u32 + 1;
        let col = prefix.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
        ReadError {
            code: "invalid-utf8",
            message: "the file is not valid UTF-8 text".into(),
            hint: Some(
                "save the file as UTF-8 (a file saved as Windows-1251 looks like this)".into(),
            ),
            pos: Some(Pos { line, col }),
        }
    })
}
