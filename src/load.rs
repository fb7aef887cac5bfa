//! Stage `load`: the files of a programme directory to typed input, and the positions of every
//! value for later findings.
//!
//! Loading never stops at a bad file: each file that cannot be read, parsed or typed yields a
//! [`Diagnostic`] and is left out, and the others load, so `check` can report everything at
//! once. A programme root that cannot be found at all is the only hard failure.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic, LineIndex, SourceText};
use crate::model::{Case, Indicator, Organisation, Participant, Programme, Session, Step};
use crate::msg;
use crate::project::{self, ProjectError};
use crate::quote::{MAX_FINDINGS_PER_FILE, excerpt, is_invisible_control};
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
    /// Where the lines of `text` start, once a finding is rendered.
    pub lines: LineIndex,
}

impl Source {
    /// A file that is not YAML (a template of the programme's own), kept so that a finding in
    /// it can quote its line.
    pub fn text_only(rel: String, text: String) -> Self {
        Source {
            rel,
            text,
            tree: None,
            root_label: "",
            lines: LineIndex::default(),
        }
    }
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

    /// Drops the YAML trees, and the text of the files that `findings` do not quote, once the
    /// input is checked: the document is assembled from the typed input alone, and a large
    /// programme's trees are a third of its memory.
    pub fn drop_trees(&mut self, findings: &[Diagnostic]) {
        for source in &mut self.sources {
            source.tree = None;
            if !findings.iter().any(|d| d.file == source.rel) {
                source.text = String::new();
                source.lines = LineIndex::default();
            }
        }
    }

    /// Drops everything but the root and the text of the files that `findings` quote, once the
    /// document is assembled: a large programme's trees and typed input are most of the memory.
    pub fn keep_only_texts(&mut self, findings: &[Diagnostic]) {
        self.drop_trees(findings);
        self.programme = None;
        self.session = None;
        self.organisations = None;
        self.participants = None;
        self.indicators = None;
        self.cases = Vec::new();
        self.steps = Vec::new();
    }

    /// The stems of the files in `folder` (`cases/` or `steps/`) that exist but did not load:
    /// rules skip what depends on them rather than report follow-on errors.
    pub fn unloaded(&self, folder: &str) -> std::collections::HashSet<&str> {
        let loaded: std::collections::HashSet<&str> = if folder == "cases/" {
            self.cases.iter().map(|c| c.id.as_str()).collect()
        } else {
            self.steps.iter().map(|s| s.case.as_str()).collect()
        };
        self.sources
            .iter()
            .filter(|s| s.rel.starts_with(folder))
            .map(|s| project::stem(&s.rel))
            .filter(|stem| !loaded.contains(stem))
            .collect()
    }

    /// The text of every file, by relative path, for rendering findings with snippets.
    pub fn texts(&self) -> BTreeMap<&str, SourceText<'_>> {
        self.sources
            .iter()
            .map(|s| (s.rel.as_str(), SourceText::new(&s.text, &s.lines)))
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
    load_cached(root, overlay, None)
}

/// What files gave when they were loaded, by their path and text: `add-*` loads a programme
/// twice, before and with its edit, and the second time parses and types again only the file
/// it edits. A file is taken from here only when its text is the same to the byte, so the
/// outcome is the one loading it would give. Each outcome is taken out when used: the second
/// load is the last.
#[derive(Default)]
pub struct Cache {
    files: std::collections::HashMap<String, std::sync::Mutex<Option<Outcome>>>,
}

impl Cache {
    /// What the file `rel` with the text `text` gave before, taken out of the cache.
    fn take(&self, rel: &str, text: &str) -> Option<Outcome> {
        let mut slot = self.files.get(rel)?.lock().ok()?;
        if slot
            .as_ref()?
            .source
            .as_ref()
            .is_some_and(|s| s.text == text)
        {
            slot.take()
        } else {
            None
        }
    }
}

/// [`load_with`], taking from `cache` the files loaded before with the same text; the first
/// load through an empty cache fills it.
pub(crate) fn load_cached(
    root: &Path,
    overlay: &BTreeMap<String, String>,
    cache: Option<&mut Cache>,
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
    let mut jobs: Vec<(String, Kind)> = vec![
        ("programme.yaml".into(), Kind::Programme),
        ("session.yaml".into(), Kind::Session),
        ("organisations.yaml".into(), Kind::Organisations),
        ("participants.yaml".into(), Kind::Participants),
        ("indicators.yaml".into(), Kind::Indicators),
    ];
    jobs.extend(listing.cases.iter().map(|rel| (rel.clone(), Kind::Case)));
    jobs.extend(listing.steps.iter().map(|rel| (rel.clone(), Kind::Steps)));

    // Where the files may really be: links that lead out of the programme are not followed.
    let real_root = root.canonicalize().map_err(|source| ProjectError::Io {
        path: root.to_path_buf(),
        source,
    })?;
    let cached = cache.as_deref();
    let outcomes = in_parallel(&jobs, |(rel, kind)| {
        load_file(&real_root, root, overlay, cached, rel, *kind)
    });
    if let Some(cache) = cache
        && cache.files.is_empty()
    {
        for ((rel, _), outcome) in jobs.iter().zip(&outcomes) {
            if outcome.source.is_some() {
                cache
                    .files
                    .insert(rel.clone(), std::sync::Mutex::new(Some(outcome.clone())));
            }
        }
    }

    let mut input = Input {
        root: root.to_path_buf(),
        ..Input::default()
    };
    let mut diags: Vec<Diagnostic> = listing
        .ignored
        .iter()
        .map(|rel| {
            Diagnostic::warning(Code::IgnoredFile, rel, msg!(InputIgnoredFile))
                .hint(msg!(InputIgnoredFileHint))
        })
        .collect();
    for ((rel, _), outcome) in jobs.iter().zip(outcomes) {
        diags.extend(outcome.diags);
        let Some(source) = outcome.source else {
            continue;
        };
        input.sources.push(source);
        let file = FileId(input.sources.len() - 1);
        let stem = || project::stem(rel).to_owned();
        match outcome.value {
            None => {}
            Some(Typed::Programme(p)) => input.programme = Some((file, *p)),
            Some(Typed::Session(s)) => input.session = Some((file, *s)),
            Some(Typed::Organisations(l)) => input.organisations = Some((file, l)),
            Some(Typed::Participants(l)) => input.participants = Some((file, l)),
            Some(Typed::Indicators(l)) => input.indicators = Some((file, l)),
            Some(Typed::Case(case)) => input.cases.push(CaseInput {
                id: stem(),
                file,
                case,
            }),
            Some(Typed::Steps(steps)) => input.steps.push(StepsInput {
                case: stem(),
                file,
                steps,
            }),
        }
    }
    Ok((input, diags))
}

/// `f` of every item, in the items' order, on as many threads as the machine has cores: the
/// files of a programme are read, parsed and typed independently, and a large programme's
/// steps files are most of the time of `check`.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for other in others {
            match other.join() {
                Ok(more) => all.extend(more),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// What a file of the programme holds.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Programme,
    Session,
    Organisations,
    Participants,
    Indicators,
    Case,
    Steps,
}

impl Kind {
    /// Whether the file must exist.
    fn required(self) -> bool {
        !matches!(self, Kind::Participants | Kind::Indicators)
    }

    /// The label its paths start with: the sequence it holds, or nothing for a mapping.
    fn label(self) -> &'static str {
        match self {
            Kind::Organisations => "organisations",
            Kind::Participants => "participants",
            Kind::Indicators => "indicators",
            Kind::Steps => "steps",
            Kind::Programme | Kind::Session | Kind::Case => "",
        }
    }
}

/// The typed content of one file.
#[derive(Clone)]
enum Typed {
    Programme(Box<Programme>),
    Session(Box<Session>),
    Organisations(Vec<Organisation>),
    Participants(Vec<Participant>),
    Indicators(Vec<Indicator>),
    Case(Case),
    Steps(Vec<Step>),
}

/// What loading one file gave: its source (absent when the file does not exist), its typed
/// content (absent when it has a problem) and its findings.
#[derive(Clone)]
struct Outcome {
    source: Option<Source>,
    value: Option<Typed>,
    diags: Vec<Diagnostic>,
}

/// Reads, parses and types one file.
fn load_file(
    real_root: &Path,
    root: &Path,
    overlay: &BTreeMap<String, String>,
    cache: Option<&Cache>,
    rel: &str,
    kind: Kind,
) -> Outcome {
    let mut out = Outcome {
        source: None,
        value: None,
        diags: Vec::new(),
    };
    let label = kind.label();
    // A file with new text in the overlay must still be one that may be read (and written).
    let disk = match overlay.get(rel) {
        Some(text) => inside(real_root, root, rel).map(|_| Some(text.clone())),
        None => read_text(real_root, root, rel),
    };
    let text = match disk {
        Ok(Some(text)) => text,
        Ok(None) => {
            if kind.required() {
                out.diags.push(
                    Diagnostic::error(Code::MissingFile, rel, msg!(InputMissingFile, file = rel))
                        .hint(msg!(InputMissingFileHint, file = rel)),
                );
            }
            return out;
        }
        Err(d) => {
            out.diags.push(*d);
            // Recorded without text, so later rules know the file exists but did not load,
            // and skip what depends on it instead of reporting follow-on errors.
            out.source = Some(Source {
                rel: rel.to_owned(),
                text: String::new(),
                tree: None,
                root_label: label,
                lines: LineIndex::default(),
            });
            return out;
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if let Some(known) = cache.and_then(|c| c.take(rel, &text)) {
        return known;
    }
    let tree = match yaml::parse(&text, Limits::default()) {
        Ok(tree) => Some(tree),
        Err(errors) => {
            for e in errors {
                let code = if e.duplicate {
                    Code::DuplicateKey
                } else {
                    Code::YamlSyntax
                };
                out.diags.push(
                    Diagnostic::error(code, rel, e.message)
                        .at(e.pos)
                        .maybe_hint(e.hint),
                );
            }
            None
        }
    };
    let mut tree = tree;
    if let Some(tree) = &mut tree {
        if text.chars().any(is_invisible_control) {
            invisible_controls(rel, label, tree, &mut out.diags);
        }
        out.value = typed(rel, label, kind, tree, &mut out.diags);
    }
    out.source = Some(Source {
        rel: rel.to_owned(),
        text,
        tree,
        root_label: label,
        lines: LineIndex::default(),
    });
    out
}

/// A warning for each value or key that holds a bidirectional control or a line separator:
/// invisible, they make a title read differently from what it holds (or break it where no
/// break is seen) in every output, and can hide what a line of the file really says.
fn invisible_controls(rel: &str, label: &str, tree: &Node, diags: &mut Vec<Diagnostic>) {
    type Found = Vec<(Pos, Vec<yaml::PathSeg>, char)>;
    fn walk(node: &Node, segs: &mut Vec<yaml::PathSeg>, found: &mut Found) {
        match &node.kind {
            yaml::NodeKind::Scalar { value, .. } => {
                if let Some(c) = value.chars().find(|c| is_invisible_control(*c)) {
                    found.push((node.pos, segs.clone(), c));
                }
            }
            yaml::NodeKind::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    segs.push(yaml::PathSeg::Index(i));
                    walk(item, segs, found);
                    segs.pop();
                }
            }
            yaml::NodeKind::Map(entries) => {
                for (key, value) in entries {
                    let name = key.as_str().unwrap_or_default().to_owned();
                    segs.push(yaml::PathSeg::Key(name));
                    walk(key, segs, found);
                    walk(value, segs, found);
                    segs.pop();
                }
            }
        }
    }
    // Recursion is bounded: the parser refuses nesting deeper than `Limits::max_depth`.
    let mut found = Vec::new();
    walk(tree, &mut Vec::new(), &mut found);
    let count = found.len();
    for (pos, segs, c) in found.into_iter().take(MAX_FINDINGS_PER_FILE) {
        let path = YamlPath::from_segs(label, &segs);
        diags.push(
            Diagnostic::warning(
                Code::InvisibleControl,
                rel,
                msg!(
                    InputInvisibleControl,
                    char = excerpt(&c.to_string()),
                    name = msg!(InputInvisibleName, code = format!("u{:04x}", c as u32))
                ),
            )
            .at(pos)
            .path(&path)
            .hint(if matches!(c, '\u{2028}' | '\u{2029}') {
                msg!(InputInvisibleSeparatorHint)
            } else {
                msg!(InputInvisibleControlHint)
            }),
        );
    }
    if count > MAX_FINDINGS_PER_FILE {
        diags.push(
            Diagnostic::warning(
                Code::TooManyFindings,
                rel,
                msg!(InputMoreInvisible, n = count - MAX_FINDINGS_PER_FILE),
            )
            .at(Pos { line: 1, col: 1 }),
        );
    }
}

/// The typed content of a parsed file, or `None` with a finding.
fn typed(
    rel: &str,
    label: &str,
    kind: Kind,
    tree: &mut Node,
    diags: &mut Vec<Diagnostic>,
) -> Option<Typed> {
    let mapping = matches!(kind, Kind::Programme | Kind::Session | Kind::Case);
    if tree.is_null() {
        if mapping {
            diags.push(
                Diagnostic::error(Code::EmptyFile, rel, msg!(InputEmptyFile, file = rel))
                    .at(Pos { line: 1, col: 1 })
                    .hint(msg!(InputEmptyFileHint)),
            );
            return None;
        }
        // An empty sequence file holds nothing yet.
        return Some(match kind {
            Kind::Organisations => Typed::Organisations(Vec::new()),
            Kind::Participants => Typed::Participants(Vec::new()),
            Kind::Indicators => Typed::Indicators(Vec::new()),
            _ => Typed::Steps(Vec::new()),
        });
    }
    let pos = tree.pos;
    let one = |e: yaml::DeError| e.all();
    let result = match kind {
        Kind::Programme => yaml::from_node(tree)
            .map(|p| Typed::Programme(Box::new(p)))
            .map_err(one),
        Kind::Session => yaml::from_node(tree)
            .map(|s| Typed::Session(Box::new(s)))
            .map_err(one),
        Kind::Case => yaml::from_node(tree).map(Typed::Case).map_err(one),
        Kind::Organisations => yaml::from_items(tree).map(Typed::Organisations),
        Kind::Participants => yaml::from_items(tree).map(Typed::Participants),
        Kind::Indicators => yaml::from_items(tree).map(Typed::Indicators),
        Kind::Steps => yaml::from_items(tree).map(Typed::Steps),
    };
    let errors = match result {
        Ok(value) => return Some(value),
        Err(errors) => errors,
    };
    for e in errors {
        let path = YamlPath::from_segs(label, &e.path);
        let code = match e.kind {
            yaml::DeErrorKind::TooMany => Code::TooManyFindings,
            yaml::DeErrorKind::UnknownKey => Code::UnknownKey,
            yaml::DeErrorKind::MissingKey => Code::MissingKey,
            yaml::DeErrorKind::WrongType => Code::WrongType,
        };
        diags.push(
            Diagnostic::error(code, rel, e.message)
                .at(e.pos.unwrap_or(pos))
                .path(&path)
                .maybe_hint(e.hint.map(|h| *h)),
        );
    }
    None
}

/// Reads the input file `rel` of the programme as UTF-8 text; `Ok(None)` when it does not exist.
///
/// A programme folder may come from someone else (a pull request checked in CI), so a file is
/// read only when its real path is inside the programme (`real_root`, canonical): a link to
/// `/etc/passwd` or `/proc/self/environ` would otherwise be printed in the findings. And only
/// a regular file is read: a named pipe would block the run forever, a device never ends.
fn read_text(real_root: &Path, root: &Path, rel: &str) -> Result<Option<String>, Box<Diagnostic>> {
    let Some(real) = inside(real_root, root, rel)? else {
        return Ok(None);
    };
    let io = |e: std::io::Error| cannot_read(rel, &real, &e);
    let file = open_nonblocking(&real).map_err(io)?;
    // The type again, of what was opened: the path may have changed since it was looked at.
    let meta = file.metadata().map_err(io)?;
    if let Some(what) = not_a_file(&meta.file_type()) {
        return Err(Box::new(not_a_file_error(rel, what)));
    }
    // Sized as the file says, so that a large file is read without growing the buffer.
    let expected = usize::try_from(meta.len().min(MAX_FILE_BYTES + 1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Box::new(too_large(rel)));
    }
    decode(rel, bytes).map(Some)
}

/// The finding that the input file `rel` (at `path`) cannot be read, and why.
fn cannot_read(rel: &str, path: &Path, e: &std::io::Error) -> Box<Diagnostic> {
    Box::new(Diagnostic::error(
        Code::Io,
        rel,
        msg!(
            InputCannotRead,
            path = path.display().to_string(),
            error = crate::error::io(e)
        ),
    ))
}

/// The real path of the input file `rel` when it may be read: it resolves inside the
/// programme and is a regular file of at most [`MAX_FILE_BYTES`]; `Ok(None)` when it does not
/// exist. Also asked of a file whose new text `add-step` checks, before it is written.
fn inside(real_root: &Path, root: &Path, rel: &str) -> Result<Option<PathBuf>, Box<Diagnostic>> {
    let path = root.join(rel);
    let io = |e: std::io::Error| cannot_read(rel, &path, &e);
    let link = match std::fs::symlink_metadata(&path) {
        Ok(meta) => meta.file_type().is_symlink(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    let real = match path.canonicalize() {
        Ok(real) => real,
        Err(e) if link && e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Box::new(
                Diagnostic::error(Code::NotAFile, rel, msg!(InputDanglingLink, file = rel))
                    .hint(msg!(InputDanglingLinkHint, file = rel)),
            ));
        }
        Err(e) => return Err(io(e)),
    };
    if !real.starts_with(real_root) {
        // The target is neither read nor named: its path is none of the report's business.
        return Err(Box::new(
            Diagnostic::error(
                Code::OutsideProgramme,
                rel,
                msg!(InputLinkOutside, file = rel),
            )
            .hint(msg!(InputLinkOutsideHint)),
        ));
    }
    let meta = std::fs::metadata(&real).map_err(io)?;
    if let Some(what) = not_a_file(&meta.file_type()) {
        return Err(Box::new(not_a_file_error(rel, what)));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Box::new(too_large(rel)));
    }
    Ok(Some(real))
}

/// Opens a file for reading without waiting: on unix with `O_NONBLOCK`, so that a named pipe
/// that slipped past the type check cannot block the open (nor the read) forever.
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// What a file of this type is (the `kind` of message `input-not-a-file`), unless it is a
/// regular file.
fn not_a_file(kind: &std::fs::FileType) -> Option<&'static str> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("fifo");
        }
        if kind.is_socket() {
            return Some("socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("device");
        }
    }
    Some("other")
}

fn not_a_file_error(rel: &str, kind: &str) -> Diagnostic {
    Diagnostic::error(
        Code::NotAFile,
        rel,
        msg!(InputNotAFile, file = rel, kind = kind),
    )
    .hint(msg!(InputNotAFileHint, file = rel))
}

fn too_large(rel: &str) -> Diagnostic {
    Diagnostic::error(
        Code::FileTooLarge,
        rel,
        msg!(InputTooLarge, mib = MAX_FILE_BYTES / (1024 * 1024)),
    )
    .hint(msg!(InputTooLargeHint))
}

/// The bytes of a file as UTF-8 text, or why they are not.
fn decode(rel: &str, bytes: Vec<u8>) -> Result<String, Box<Diagnostic>> {
    if is_utf16(&bytes) {
        return Err(Box::new(
            Diagnostic::error(Code::InvalidUtf8, rel, msg!(InputUtf16)).hint(msg!(InputUtf16Hint)),
        ));
    }
    String::from_utf8(bytes).map_err(|e| -> Box<Diagnostic> {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let line = prefix.matches('\n').count() as u32 + 1;
        let col = prefix.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
        Box::new(
            Diagnostic::error(Code::InvalidUtf8, rel, msg!(InputInvalidUtf8))
                .at(Pos { line, col })
                .hint(msg!(InputInvalidUtf8Hint)),
        )
    })
}

/// True for text saved as UTF-16: it starts with a UTF-16 byte order mark, or every other
/// byte is NUL (the high byte of the ASCII characters that YAML's keys and punctuation are).
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let nuls = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (nuls(0), nuls(1));
    // Random binary has NULs on both sides; UTF-16 text on one side only.
    sample.len() >= 4 && even.max(odd) * 8 >= sample.len() && even.min(odd) * 10 <= even.max(odd)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    /// `add-step` checks its edit through the overlay: a file that links out of the programme
    /// is refused there too, so its text is neither shown nor written through the link.
    #[cfg(unix)]
    #[test]
    fn an_overlay_does_not_lift_the_link_check() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("programme");
        std::fs::create_dir_all(root.join("steps")).unwrap();
        std::fs::write(root.join("programme.yaml"), "title: x\n").unwrap();
        std::fs::write(tmp.path().join("secret.yaml"), "- id: secret\n").unwrap();
        std::os::unix::fs::symlink(tmp.path().join("secret.yaml"), root.join("steps/a.yaml"))
            .unwrap();
        let overlay = BTreeMap::from([("steps/a.yaml".to_owned(), "- id: new\n".to_owned())]);
        let (input, diags) = load_with(&root, &overlay).unwrap();
        let d = diags.iter().find(|d| d.file == "steps/a.yaml").unwrap();
        assert_eq!(d.code, Code::OutsideProgramme, "{d:?}");
        assert!(input.steps.is_empty());
        assert_eq!(input.source_by_rel("steps/a.yaml").unwrap().text, "");
        // A new file (none on disk yet) takes the overlay's text.
        let overlay = BTreeMap::from([("steps/b.yaml".to_owned(), "- id: new\n".to_owned())]);
        let (input, _) = load_with(&root, &overlay).unwrap();
        assert_eq!(
            input.source_by_rel("steps/b.yaml").unwrap().text,
            "- id: new\n"
        );
    }

    #[test]
    fn utf16_is_told_apart_from_binary() {
        let text = "- id: ivanova\n  name: Иванова Анна Петровна\n  position: координатор\n";
        assert!(is_utf16(&utf16le(text)), "without a BOM");
        let be: Vec<u8> = "\u{feff}title: x\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert!(is_utf16(&be), "big-endian with a BOM");
        assert!(!is_utf16(text.as_bytes()));
        // Binary with NULs on both sides of every pair.
        let binary: Vec<u8> = (0u32..4096).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(!is_utf16(&binary));
        let err = decode("a.yaml", utf16le(text)).unwrap_err();
        assert!(err.message.en().contains("UTF-16"), "{err:?}");
        assert!(err.hint.unwrap().en().contains("UTF-8"));
    }

    /// The count of values with invisible characters not shown, and the kinds of things that
    /// are not files, in both languages.
    #[test]
    fn counts_and_kinds_of_files_in_russian() {
        use crate::i18n::Lang;
        let more = |n: usize| msg!(InputMoreInvisible, n = n);
        assert_eq!(
            more(1).en(),
            "1 more value with invisible characters not shown"
        );
        assert_eq!(
            more(2).en(),
            "2 more values with invisible characters not shown"
        );
        assert_eq!(
            more(1).text(Lang::Ru),
            "ещё 1 значение с невидимыми символами не показано"
        );
        assert_eq!(
            more(4).text(Lang::Ru),
            "ещё 4 значения с невидимыми символами не показаны"
        );
        assert_eq!(
            more(11).text(Lang::Ru),
            "ещё 11 значений с невидимыми символами не показаны"
        );
        for (kind, en, ru) in [
            (
                "folder",
                "x.yaml is a folder, not a file",
                "x.yaml — папка, а не файл",
            ),
            (
                "fifo",
                "x.yaml is a named pipe (FIFO), not a file",
                "x.yaml — именованный канал (FIFO), а не файл",
            ),
            (
                "socket",
                "x.yaml is a socket, not a file",
                "x.yaml — сокет, а не файл",
            ),
            (
                "device",
                "x.yaml is a device, not a file",
                "x.yaml — устройство, а не файл",
            ),
            (
                "other",
                "x.yaml is not a regular file",
                "x.yaml — не обычный файл",
            ),
        ] {
            let d = not_a_file_error("x.yaml", kind);
            assert_eq!(d.message.en(), en);
            assert_eq!(d.message.text(Lang::Ru), ru);
        }
    }

    /// The system's reason of a read that failed is said in the words of the catalogue
    /// (`error::io`), as for every other failure of the tool.
    #[test]
    fn reasons_of_the_system_in_both_languages() {
        use crate::i18n::Lang;
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let m = msg!(
            InputCannotRead,
            path = "a.yaml",
            error = crate::error::io(&denied)
        );
        assert_eq!(m.en(), "cannot read a.yaml: Permission denied");
        assert!(
            m.text(Lang::Ru)
                .starts_with("не удаётся прочитать a.yaml: ")
        );
        assert!(!m.text(Lang::Ru).contains("Permission"));
    }
}
