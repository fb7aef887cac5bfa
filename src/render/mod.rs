//! Stage `render`: one renderer per format, all printing the same [`Document`].
//!
//! Built-in templates are embedded in the binary; a file of the same name in the programme's
//! `templates/` folder replaces one (see [`Templates`]). User text is data in every format: the
//! Markdown renderer escapes it, the HTML renderer parses that Markdown with raw HTML off, and
//! the PDF renderer hands it to Typst as JSON, never as markup.

pub mod chart;
pub mod comparison;
pub mod docx;
pub mod html;
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod report;

/// Liberation Serif 2.1.5 (SIL Open Font License 1.1, see `fonts/README.md`): the text font of
/// the PDF and of the charts' PNGs.
pub(crate) const LIBERATION_SERIF: [&[u8]; 4] = [
    include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
];

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::diagnostic::{Code, Diagnostic};
use crate::error::{Failing, Failure};
use crate::i18n::Message;
use crate::msg;
use crate::yaml::Pos;

/// The built-in templates: file name and text. The programme's (`programme.md`, `body.md`,
/// `page.html`, `programme.typ`) and the implementation report's (`report.md`, `report.typ`).
pub const BUILT_IN: [(&str, &str); 6] = [
    ("programme.md", include_str!("../../templates/programme.md")),
    ("body.md", include_str!("../../templates/body.md")),
    ("page.html", include_str!("../../templates/page.html")),
    (
        "programme.typ",
        include_str!("../../templates/programme.typ"),
    ),
    ("report.md", include_str!("../../templates/report.md")),
    ("report.typ", include_str!("../../templates/report.typ")),
];

/// The templates of one build: the built-ins, with any of the programme's own in their place.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    /// Overrides by file name (`body.md`), read from `<root>/templates/`.
    overrides: BTreeMap<String, String>,
    /// How long a template may run and how much it may print.
    limits: Limits,
}

impl Templates {
    /// The built-in templates only.
    pub fn built_in() -> Self {
        Templates::default()
    }

    /// The built-ins with the overrides found in `<root>/templates/`. A file there whose name
    /// is not a built-in template's is an error (it would silently do nothing).
    ///
    /// The programme folder may come from someone else (CI builds what a pull request holds),
    /// so a template must stay inside it: a link (the folder itself or a file in it) that
    /// resolves outside the programme root is an error naming the link, and a template must be
    /// a regular file, checked before it is opened (a FIFO would block the read for ever).
    pub fn load(root: &Path) -> Result<Self> {
        Templates::load_placed(root).map_err(|(_, e)| e)
    }

    /// [`Templates::load`], with a failure's file: `templates` or `templates/<name>`.
    fn load_placed(root: &Path) -> Result<Self, (String, anyhow::Error)> {
        const DIR: &str = "templates";
        let at = |shown: &str| {
            let shown = shown.to_owned();
            move |e: anyhow::Error| (shown, e)
        };
        let dir = root.join(DIR);
        if let Err(e) = std::fs::symlink_metadata(&dir) {
            if e.kind() == std::io::ErrorKind::NotFound {
                return Ok(Templates::default());
            }
            return Err(at(DIR)(
                Failure::new(msg!(ErrCannotRead, path = dir.display().to_string()))
                    .because(e)
                    .into(),
            ));
        }
        let real_root = std::fs::canonicalize(root)
            .failing(|| msg!(ErrCannotRead, path = root.display().to_string()))
            .map_err(|e| at(DIR)(e.into()))?;
        let real_dir = inside_root(&dir, DIR, &real_root).map_err(at(DIR))?;
        if !real_dir.is_dir() {
            return Err(at(DIR)(
                Failure::hinted(msg!(CmdTplNotAFolder), msg!(CmdTplNotAFolderHint)).into(),
            ));
        }
        let cannot_read = || msg!(ErrCannotRead, path = dir.display().to_string());
        let entries = std::fs::read_dir(&dir)
            .failing(cannot_read)
            .map_err(|e| at(DIR)(e.into()))?;
        let mut names: Vec<_> = entries
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<std::io::Result<_>>()
            .failing(cannot_read)
            .map_err(|e| at(DIR)(e.into()))?;
        names.sort();
        let mut overrides = BTreeMap::new();
        for name in names {
            if name.starts_with('.') {
                continue;
            }
            let shown = format!("{DIR}/{name}");
            let text = read_template(&dir, &name, &shown, &real_root).map_err(at(&shown))?;
            overrides.insert(name, text);
        }
        Ok(Templates {
            overrides,
            limits: Limits::default(),
        })
    }

    /// The same templates, stopped after `timeout` instead of [`DEFAULT_TIMEOUT`].
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.limits.timeout = timeout;
        self
    }

    /// The limits the renderers apply to these templates.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The text of a template, and whether it is the programme's own.
    pub fn get(&self, name: &str) -> (&str, bool) {
        match self.overrides.get(name) {
            Some(text) => (text, true),
            None => (
                BUILT_IN
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or("", |(_, t)| *t),
                false,
            ),
        }
    }
}

/// Writes the built-in templates into `dir` as a starting point for overrides; refuses to
/// overwrite. Returns the files written.
pub fn write_built_in(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)
        .failing(|| msg!(ErrCannotCreate, path = dir.display().to_string()))?;
    let existing: Vec<String> = BUILT_IN
        .iter()
        .map(|(n, _)| dir.join(n))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(Failure::hinted(
            msg!(CmdTplExist, n = existing.len(), files = existing.join(", ")),
            msg!(CmdTplExistHint),
        )
        .into());
    }
    let mut written = Vec::new();
    for (name, text) in BUILT_IN {
        let path = dir.join(name);
        crate::edit::write_atomic(&path, text.as_bytes(), None)?;
        written.push(path);
    }
    Ok(written)
}

/// The Tera context of a document: `doc`, converted once and shared by every text format.
pub fn context(doc: &crate::document::Document) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("doc", doc);
    ctx
}

/// How long one template may run when `--template-timeout` does not say.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// The most a Tera template may print: far above any real programme (10 000 steps make about
/// 10 MiB), far below what would exhaust the memory of a CI runner.
pub const MAX_OUTPUT: usize = 256 * 1024 * 1024;

/// How much more memory the process may take while a Tera template runs. Tera builds texts
/// outside the writer too (`{% set s = s ~ s %}` doubles one in each turn of a loop), which
/// would otherwise grow until the allocator aborts the process; a real programme's templates
/// take a small fraction of this (10 000 steps: under 200 MiB for the whole build).
const MAX_TERA_GROWTH: usize = 1024 * 1024 * 1024;

/// The stack of a rendering thread: as roomy as a main thread's, for deeply nested templates.
const WORKER_STACK: usize = 64 * 1024 * 1024;

/// What a template may use. A programme's templates may come from a stranger (CI builds what a
/// pull request holds), so a template that loops for ever or prints without end is stopped
/// with an error instead of hanging the run or exhausting its memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How long each template may run.
    pub timeout: Duration,
    /// How many bytes a Tera template may print.
    pub max_output: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: DEFAULT_TIMEOUT,
            max_output: MAX_OUTPUT,
        }
    }
}

/// Runs `work` on a thread of its own and waits at most `limits.timeout` for it; past that,
/// the template named `template` is reported as too slow and `stop` is raised.
///
/// Neither Tera nor Typst can be interrupted from outside, so a template stuck in a loop that
/// prints nothing keeps its thread busy until the process ends; the binary exits right after
/// the error, so that costs nothing there. Work that prints (Tera through [`Capped`]) checks
/// `stop` and ends on its own.
pub(crate) fn run_limited<T: Send + 'static>(
    template: &str,
    user: bool,
    limits: Limits,
    max_growth: Option<usize>,
    work: impl FnOnce(&AtomicBool) -> Result<T> + Send + 'static,
) -> Result<T> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    let start = Instant::now();
    let resident_at_start = max_growth.and(resident_bytes());
    std::thread::Builder::new()
        .name("template".to_owned())
        .stack_size(WORKER_STACK)
        .spawn(move || {
            // The receiver is gone only after a timeout, when nobody wants the result.
            let _ = tx.send(work(&flag));
        })
        .failing(|| msg!(CmdTplNoThread))?;
    loop {
        let left = limits.timeout.saturating_sub(start.elapsed());
        let wait = if resident_at_start.is_some() {
            left.min(MEMORY_POLL)
        } else {
            left
        };
        match rx.recv_timeout(wait) {
            Ok(result) => return result,
            Err(RecvTimeoutError::Disconnected) => {
                return Err(Failure::new(msg!(CmdTplStopped, template = template)).into());
            }
            Err(RecvTimeoutError::Timeout) if start.elapsed() >= limits.timeout => break,
            Err(RecvTimeoutError::Timeout) => {
                if let (Some(before), Some(max), Some(now)) =
                    (resident_at_start, max_growth, resident_bytes())
                    && now.saturating_sub(before) > max
                {
                    stop.store(true, Ordering::Relaxed);
                    return Err(Failure::hinted(
                        msg!(CmdTplMemory, template = template, mib = max / (1024 * 1024)),
                        msg!(CmdTplMemoryHint),
                    )
                    .into());
                }
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    let secs = limits.timeout.as_secs_f64().to_string();
    let more = suggested_timeout(limits.timeout);
    let hint = if user {
        msg!(CmdTplTimeoutHintOwn, seconds = more)
    } else {
        msg!(CmdTplTimeoutHintBuiltIn, seconds = more)
    };
    Err(Failure::hinted(msg!(CmdTplTimeout, template = template, limit = secs), hint).into())
}

/// How often [`run_limited`] looks at the memory a Tera template takes.
const MEMORY_POLL: Duration = Duration::from_millis(20);

/// How much memory the process holds now (Linux: `VmRSS` of `/proc/self/status`); `None`
/// where that cannot be read, and then memory is not watched.
fn resident_bytes() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: usize = line
        .trim_start_matches("VmRSS:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    kib.checked_mul(1024)
}

/// A larger limit to offer in a hint: four times the one that was too small, in whole seconds.
fn suggested_timeout(limit: Duration) -> u64 {
    limit.as_secs().max(1).saturating_mul(4)
}

/// A buffer that refuses to grow past `max` bytes, and stops taking text once `stop` is
/// raised, so that a template printing without end fails (Tera passes the writer's error up)
/// instead of filling the memory.
struct Capped<'a> {
    buf: Vec<u8>,
    max: usize,
    stop: &'a AtomicBool,
    /// Set when the template tried to print more than `max`.
    over: bool,
}

impl std::io::Write for Capped<'_> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.stop.load(Ordering::Relaxed) {
            return Err(std::io::Error::other("the template ran out of time"));
        }
        if self.buf.len().saturating_add(data.len()) > self.max {
            self.over = true;
            return Err(std::io::Error::other("the template printed too much"));
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders the Tera template `name` with `ctx` within `limits` (see [`run_limited`]).
/// `size_hint` is the size the output is expected to reach (0 when unknown): allocated at
/// once, a large output is not copied on its way there, and the process does not hold a
/// buffer and its double at the same time.
pub(crate) fn render_tera(
    tera: &Arc<tera::Tera>,
    name: &'static str,
    ctx: &tera::Context,
    user: bool,
    limits: Limits,
    size_hint: usize,
) -> Result<String> {
    let tera = Arc::clone(tera);
    // Cheap: the context's maps and lists are shared, not copied.
    let ctx = ctx.clone();
    run_limited(name, user, limits, Some(MAX_TERA_GROWTH), move |stop| {
        let mut out = Capped {
            buf: Vec::with_capacity(size_hint.min(limits.max_output)),
            max: limits.max_output,
            stop,
            over: false,
        };
        match tera.render_to(name, &ctx, &mut out) {
            Ok(()) => String::from_utf8(out.buf)
                .map_err(|_| Failure::new(msg!(CmdTplNotUtf8, template = name)).into()),
            Err(_) if out.over => Err(Failure::hinted(
                msg!(
                    CmdTplTooLong,
                    template = name,
                    mib = limits.max_output / (1024 * 1024)
                ),
                msg!(CmdTplTooLongHint),
            )
            .into()),
            Err(e) => Err(tera_failure(e, user, &[])),
        }
    })
}

/// The text of the template `name` in `dir` (shown to the user as `shown`): a built-in
/// template's name, a regular file inside the programme root.
fn read_template(dir: &Path, name: &str, shown: &str, real_root: &Path) -> Result<String> {
    if !BUILT_IN.iter().any(|(n, _)| *n == name) {
        let known: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
        return Err(Failure::hinted(
            msg!(CmdTplUnknown, file = shown),
            msg!(CmdTplUnknownHint, names = known.join(", ")),
        )
        .into());
    }
    let path = dir.join(name);
    let real = inside_root(&path, shown, real_root)?;
    let cannot_read = || msg!(ErrCannotRead, path = path.display().to_string());
    let meta = std::fs::metadata(&real).failing(cannot_read)?;
    if !meta.is_file() {
        return Err(Failure::hinted(
            msg!(CmdTplNotAFile, file = shown, kind = file_kind(&meta)),
            msg!(CmdTplNotAFileHint),
        )
        .into());
    }
    Ok(std::fs::read_to_string(&real).failing(cannot_read)?)
}

/// The kind of a file that is not a regular file, for messages.
fn file_kind(meta: &std::fs::Metadata) -> Message {
    let kind = meta.file_type();
    if kind.is_dir() {
        return msg!(CmdTplKindFolder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return msg!(CmdTplKindFifo);
        }
        if kind.is_socket() {
            return msg!(CmdTplKindSocket);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return msg!(CmdTplKindDevice);
        }
    }
    msg!(CmdTplKindOther)
}

/// The real path of `path` (shown to the user as `shown`), which must lie inside `real_root`
/// (the programme root, resolved): links are followed only as far as the programme folder.
fn inside_root(path: &Path, shown: &str, real_root: &Path) -> Result<PathBuf> {
    let named = match std::fs::read_link(path) {
        Ok(to) => msg!(CmdTplLink, file = shown, target = to.display().to_string()),
        Err(_) => msg!(CmdAddFile, path = shown),
    };
    match std::fs::canonicalize(path) {
        Ok(real) if real.starts_with(real_root) => Ok(real),
        Ok(_) => {
            Err(Failure::hinted(msg!(CmdTplOutside, file = named), msg!(CmdTplOutsideHint)).into())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(Failure::hinted(msg!(CmdTplNowhere, file = named), msg!(CmdTplNowhereHint)).into())
        }
        Err(e) => Err(
            Failure::new(msg!(ErrCannotRead, path = path.display().to_string()))
                .because(e)
                .into(),
        ),
    }
}

/// What [`check_templates`] found: the findings, and the text of each template they are in,
/// so that a finding can quote its line.
#[derive(Debug, Default)]
pub struct TemplateCheck {
    /// One finding per problem, on the template's file (`templates/<name>`).
    pub findings: Vec<Diagnostic>,
    /// Path relative to the root and text of each template a finding is placed in.
    pub texts: Vec<(String, String)>,
}

/// How to see what a template should look like, for every finding about one.
fn template_hint() -> Message {
    msg!(CmdTplHint)
}

/// A fix, then how to see the built-in template: `did you mean …? (nko-draft templates …)`.
fn with_template_hint(fix: Message) -> Message {
    msg!(CmdTplFixAndHint, fix = fix, hint = template_hint())
}

/// Loads and compiles the programme's own templates (those in `<root>/templates/`), as `build`
/// would, so that `check` finds a broken template before anything is rendered: a file that
/// cannot be read, a Tera syntax error, a Typst syntax error. Typst is only parsed, not
/// compiled: compiling needs the document and takes seconds. Without a `templates/` folder
/// there is nothing to check (the built-in templates are tested with the programme).
pub fn check_templates(root: &Path) -> TemplateCheck {
    let mut out = TemplateCheck::default();
    let templates = match Templates::load_placed(root) {
        Ok(templates) => templates,
        Err((file, err)) => {
            let message = crate::error::chain_message(&err);
            let hint = crate::error::hint(&err).unwrap_or_else(template_hint);
            out.findings
                .push(Diagnostic::error(Code::Template, &file, message).hint(hint));
            return out;
        }
    };
    if templates.overrides.is_empty() {
        return out;
    }
    if let Err(e) = markdown::compile(&templates) {
        out.findings
            .push(tera_diagnostic(&e, &markdown::sources(&templates)));
    }
    if let Err(e) = html::compile(&templates) {
        out.findings
            .push(tera_diagnostic(&e, &[html::source(&templates)]));
    }
    #[cfg(feature = "pdf")]
    if let (text, true) = templates.get("programme.typ") {
        out.findings.extend(pdf::syntax_errors(text));
    }
    if let Err(e) = report::compile(&templates) {
        out.findings
            .push(tera_diagnostic(&e, &[report::source(&templates)]));
    }
    #[cfg(feature = "pdf")]
    if let (text, true) = templates.get("report.typ") {
        out.findings
            .extend(pdf::syntax_errors_of("templates/report.typ", text));
    }
    for (name, text) in &templates.overrides {
        let rel = format!("templates/{name}");
        if out.findings.iter().any(|d| d.file == rel) {
            out.texts.push((rel, text.clone()));
        }
    }
    out
}

/// A Tera error of compiling the templates `sources` (name and text) as a finding at its
/// place: Tera's syntax errors carry their span; a missing or circular `extends` or `include`
/// is looked up in `sources` (see [`locate_tera_error`]).
fn tera_diagnostic(err: &tera::Error, sources: &[(&str, &str)]) -> Diagnostic {
    if let Some((d, _, fix)) = locate_tera_error(err, sources) {
        return d.hint(with_template_hint(fix));
    }
    if let tera::ErrorKind::SyntaxError(report) = err.kind() {
        let span = report.span();
        let pos = Pos {
            line: u32::try_from(span.start_line).unwrap_or(u32::MAX).max(1),
            col: u32::try_from(span.start_col.saturating_add(1)).unwrap_or(u32::MAX),
        };
        return Diagnostic::error(
            Code::Template,
            report.filename(),
            msg!(CmdTplError, why = report.message()),
        )
        .at(pos)
        .hint(template_hint());
    }
    // Any other error names no place; it is put on the first of the templates.
    let file = sources.first().map_or("templates", |(n, _)| *n);
    Diagnostic::error(
        Code::Template,
        file,
        msg!(CmdTplError, why = err.to_string()),
    )
    .hint(template_hint())
}

/// Turns a Tera error into a failure naming the template file, keeping Tera's own report
/// (file, line, column and a caret). `sources` are the templates of the Tera instance (name
/// and text): Tera reports a missing or circular `extends` or a circular `include` without a
/// place, so the tag is looked up in them.
pub(crate) fn tera_failure(
    err: tera::Error,
    user: bool,
    sources: &[(&str, &str)],
) -> anyhow::Error {
    let hint = if user {
        msg!(CmdTplOwnHint)
    } else {
        msg!(CmdTplBuiltInHint)
    };
    if let Some((diagnostic, text, fix)) = locate_tera_error(&err, sources) {
        return Failure::hinted(
            msg!(CmdTplErrorAt),
            msg!(CmdTplFixAndHint, fix = fix, hint = hint),
        )
        .with_report(diagnostic, text.to_owned())
        .into();
    }
    let report = err.to_string();
    Failure::hinted(msg!(CmdTplError, why = report.trim_end()), hint).into()
}

/// For the errors Tera reports without a place: the finding at the tag that caused it, the text
/// of its template, and how to fix it.
fn locate_tera_error<'a>(
    err: &tera::Error,
    sources: &[(&'a str, &'a str)],
) -> Option<(Diagnostic, &'a str, Message)> {
    let (file, keyword, target, message, fix) = match err.kind() {
        tera::ErrorKind::MissingParent { current, parent } => {
            let names: Vec<&str> = sources.iter().map(|(n, _)| *n).collect();
            let fix = match crate::suggest::nearest(parent, names.iter().copied()) {
                Some(near) => msg!(CmdAddDidYouMean, id = near),
                None => msg!(CmdTplNamed, list = crate::edit::add::quoted_list(&names)),
            };
            (
                current.as_str(),
                "extends",
                Some(parent.as_str()),
                msg!(
                    CmdTplMissingParent,
                    template = current.as_str(),
                    parent = parent.as_str()
                ),
                fix,
            )
        }
        tera::ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => (
            tpl.as_str(),
            "extends",
            None,
            msg!(
                CmdTplExtendsItself,
                template = tpl.as_str(),
                chain = format!("{tpl} → {}", inheritance_chain.join(" → "))
            ),
            msg!(CmdTplExtendsItselfHint),
        ),
        tera::ErrorKind::CircularInclude { tpl, include_chain } => {
            let n = include_chain.len();
            let (from, to) = (include_chain.get(n.checked_sub(2)?)?, include_chain.last()?);
            (
                from.as_str(),
                "include",
                Some(to.as_str()),
                msg!(
                    CmdTplIncludesItself,
                    template = tpl.as_str(),
                    chain = include_chain.join(" → ")
                ),
                msg!(CmdTplIncludesItselfHint),
            )
        }
        _ => return None,
    };
    let text = sources.iter().find(|(n, _)| *n == file)?.1;
    let (line, col) = find_tag(text, keyword, target)?;
    let d = Diagnostic::error(Code::Template, file, message).at(Pos { line, col });
    Some((d, text, fix))
}

/// Line and column (from 1, in characters) of the quoted name in the first
/// `{% keyword "target" %}` tag of `text` (any name when `target` is `None`).
fn find_tag(text: &str, keyword: &str, target: Option<&str>) -> Option<(u32, u32)> {
    let mut from = 0;
    while let Some(found) = text[from..].find("{%") {
        let open = from + found;
        from = open + 2;
        let rest = text[from..].strip_prefix('-').unwrap_or(&text[from..]);
        let rest = rest.trim_start();
        let Some(after) = rest.strip_prefix(keyword) else {
            continue;
        };
        let name = after.trim_start();
        if name.len() == after.len() {
            continue;
        }
        let Some(quote) = name
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '`'))
        else {
            continue;
        };
        let inner = &name[1..];
        let Some(end) = inner.find(quote) else {
            continue;
        };
        if target.is_some_and(|t| t != &inner[..end]) {
            continue;
        }
        let at = text.len() - name.len();
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        return Some((u32::try_from(line).ok()?, u32::try_from(col).ok()?));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markdown::MarkdownRenderer;

    /// Templates with the given overrides and limits, as `load` would give.
    fn with(overrides: &[(&str, &str)], limits: Limits) -> Templates {
        Templates {
            overrides: overrides
                .iter()
                .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
                .collect(),
            limits,
        }
    }

    /// The message and hint of a failure.
    fn failure(err: &anyhow::Error) -> (String, String) {
        (
            err.to_string(),
            crate::error::hint(err).map(|h| h.en()).unwrap_or_default(),
        )
    }

    /// A programme root holding `templates/`.
    fn root() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temporary folder");
        std::fs::create_dir(dir.path().join("templates")).expect("templates/");
        dir
    }

    #[cfg(unix)]
    #[test]
    fn a_template_linked_outside_the_root_is_refused() {
        let outside = tempfile::tempdir().expect("temporary folder");
        let secret = outside.path().join("secret.md");
        std::fs::write(&secret, "SECRET").expect("write");
        let dir = root();
        std::os::unix::fs::symlink(&secret, dir.path().join("templates/body.md")).expect("link");
        let err = Templates::load(dir.path()).expect_err("a link outside the root");
        let (message, hint) = failure(&err);
        assert!(
            message.starts_with("templates/body.md (a link to "),
            "{message}"
        );
        assert!(
            message.ends_with("leads outside the programme folder"),
            "{message}"
        );
        assert!(hint.contains("copy the file there"), "{hint}");

        // Through a link inside the root that leads out, too.
        std::fs::remove_file(dir.path().join("templates/body.md")).expect("remove");
        std::os::unix::fs::symlink(&secret, dir.path().join("common.md")).expect("link");
        std::os::unix::fs::symlink("../common.md", dir.path().join("templates/body.md"))
            .expect("link");
        let err = Templates::load(dir.path()).expect_err("a chain of links leading out");
        assert!(
            failure(&err)
                .0
                .contains("leads outside the programme folder"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_templates_folder_linked_outside_the_root_is_refused() {
        let outside = tempfile::tempdir().expect("temporary folder");
        std::fs::write(outside.path().join("body.md"), "SECRET").expect("write");
        let dir = tempfile::tempdir().expect("temporary folder");
        std::os::unix::fs::symlink(outside.path(), dir.path().join("templates")).expect("link");
        let err = Templates::load(dir.path()).expect_err("a templates folder outside the root");
        let (message, _) = failure(&err);
        assert!(message.starts_with("templates (a link to "), "{message}");
        assert!(
            message.contains("leads outside the programme folder"),
            "{message}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_the_root_are_followed() {
        let dir = root();
        std::fs::create_dir(dir.path().join("common")).expect("mkdir");
        std::fs::write(dir.path().join("common/body.md"), "mine").expect("write");
        std::os::unix::fs::symlink("../common/body.md", dir.path().join("templates/body.md"))
            .expect("link");
        let templates = Templates::load(dir.path()).expect("a link inside the root");
        assert_eq!(templates.get("body.md"), ("mine", true));

        // A link that leads nowhere names itself.
        std::os::unix::fs::symlink("missing.md", dir.path().join("templates/page.html"))
            .expect("link");
        let err = Templates::load(dir.path()).expect_err("a dangling link");
        assert_eq!(
            failure(&err).0,
            "templates/page.html (a link to missing.md) leads to a file that does not exist"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_reading_it() {
        let dir = root();
        let fifo = dir.path().join("templates/body.md");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        // Reading a FIFO nobody writes to blocks for ever: run in a thread and give up on it.
        let path = dir.path().to_owned();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(Templates::load(&path).map_err(|e| failure(&e)));
        });
        let result = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("loading a FIFO template must not block");
        let (message, hint) = result.expect_err("a FIFO is not a template");
        assert_eq!(
            message,
            "templates/body.md is not a regular file but a named pipe (FIFO)"
        );
        assert!(hint.contains("plain text file"), "{hint}");

        std::fs::remove_file(&fifo).expect("remove");
        std::fs::create_dir(&fifo).expect("mkdir");
        let err = Templates::load(dir.path()).expect_err("a folder is not a template");
        assert_eq!(
            failure(&err).0,
            "templates/body.md is not a regular file but a folder"
        );
    }

    #[test]
    fn a_missing_parent_is_reported_at_its_tag() {
        let t = with(
            &[("body.md", "\n\n{%- extends 'templates/body.mb' -%}\n")],
            Limits::default(),
        );
        let err = MarkdownRenderer::new(&t).err().expect("a missing parent");
        let (message, hint) = failure(&err);
        assert!(
            message.contains(
                "`templates/body.md` extends `templates/body.mb`, which is not a template"
            ),
            "{message}"
        );
        assert!(message.contains("--> templates/body.md:3:13"), "{message}");
        assert!(
            message.contains("3 | {%- extends 'templates/body.mb' -%}"),
            "{message}"
        );
        assert!(
            hint.starts_with("did you mean `templates/body.md`?"),
            "{hint}"
        );
        // In Russian, the message, the finding under it and the hint.
        let ru = crate::error::text(err.as_ref(), crate::i18n::Lang::Ru);
        assert!(
            ru.starts_with(
                "ошибка в шаблоне: ошибка: «templates/body.md» расширяет «templates/body.mb», \
                 но такого шаблона нет\n --> templates/body.md:3:13"
            ),
            "{ru}"
        );
        let hint = crate::error::hint(&err).map(|h| h.text(crate::i18n::Lang::Ru));
        assert!(
            hint.as_deref()
                .is_some_and(|h| h.starts_with("может быть, «templates/body.md»? (ошибка")),
            "{hint:?}"
        );
    }

    #[test]
    fn circular_includes_and_extends_are_reported_at_their_tag() {
        let t = with(
            &[
                ("body.md", "a\n{% include \"templates/programme.md\" %}\n"),
                (
                    "programme.md",
                    "b\n\nc {% include \"templates/body.md\" %}\n",
                ),
            ],
            Limits::default(),
        );
        let err = MarkdownRenderer::new(&t).err().expect("a circular include");
        let (message, hint) = failure(&err);
        assert!(
            message.contains(
                "`templates/body.md` includes itself: templates/body.md → templates/programme.md → templates/body.md"
            ),
            "{message}"
        );
        assert!(
            message.contains("--> templates/programme.md:3:14"),
            "{message}"
        );
        assert!(hint.contains("remove this `include`"), "{hint}");

        let t = with(
            &[
                ("body.md", "{% extends \"templates/programme.md\" %}\n"),
                ("programme.md", "{% extends \"templates/body.md\" %}\n"),
            ],
            Limits::default(),
        );
        let err = MarkdownRenderer::new(&t).err().expect("a circular extends");
        let (message, hint) = failure(&err);
        assert!(message.contains("extends itself"), "{message}");
        assert!(message.contains("--> templates/body.md:1:12"), "{message}");
        assert!(hint.contains("remove this `extends`"), "{hint}");
    }

    #[test]
    fn find_tag_skips_other_tags_and_names() {
        let text = "{% if x %}\n{% include \"a\" %} {%include 'b'%}\n";
        assert_eq!(find_tag(text, "include", Some("b")), Some((2, 29)));
        assert_eq!(find_tag(text, "include", None), Some((2, 12)));
        assert_eq!(find_tag(text, "extends", None), None);
        assert_eq!(find_tag("{% includes \"b\" %}", "include", None), None);
    }

    #[test]
    fn a_template_that_prints_too_much_is_stopped() {
        let limits = Limits {
            max_output: 1024 * 1024,
            ..Limits::default()
        };
        let t = with(
            &[(
                "body.md",
                "{% for i in range(end=1000) %}{% for j in range(end=200) %}0123456789{% endfor %}{% endfor %}",
            )],
            limits,
        );
        let md = MarkdownRenderer::new(&t).expect("templates");
        let err = md.body(&tera::Context::new()).expect_err("over the cap");
        let (message, hint) = failure(&err);
        assert_eq!(
            message,
            "templates/body.md printed more than 1 MiB and was stopped; nothing was written"
        );
        assert!(hint.contains("limited to this size"), "{hint}");
    }

    #[test]
    fn a_template_that_runs_too_long_is_stopped() {
        let limits = Limits {
            timeout: Duration::from_millis(300),
            ..Limits::default()
        };
        // It prints, so its thread sees the stop and ends too.
        let t = with(
            &[(
                "body.md",
                "{% for i in range(end=100000) %}{% for j in range(end=100000) %}x{% endfor %}{% endfor %}",
            )],
            limits,
        );
        let md = MarkdownRenderer::new(&t).expect("templates");
        let start = Instant::now();
        let err = md.body(&tera::Context::new()).expect_err("too slow");
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
        let (message, hint) = failure(&err);
        assert_eq!(
            message,
            "templates/body.md ran longer than the limit of 0.3 s (--template-timeout) and was stopped; nothing was written"
        );
        assert!(hint.contains("--template-timeout 4"), "{hint}");
        assert!(hint.contains("look for a loop"), "{hint}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_template_that_takes_too_much_memory_is_stopped() {
        let start = Instant::now();
        let err = run_limited(
            "templates/body.md",
            true,
            Limits::default(),
            Some(16 * 1024 * 1024),
            |stop| {
                // 64 MiB, touched so that it is resident, held until the stop.
                let held = vec![1u8; 64 * 1024 * 1024];
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Ok(held.len())
            },
        )
        .expect_err("over the memory limit");
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{:?}",
            start.elapsed()
        );
        let (message, hint) = failure(&err);
        assert_eq!(
            message,
            "templates/body.md took more than 16 MiB of memory and was stopped; nothing was written"
        );
        assert!(hint.contains("longer and longer"), "{hint}");
    }

    #[test]
    fn check_templates_finds_nothing_without_a_templates_folder() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let found = check_templates(dir.path());
        assert!(found.findings.is_empty() && found.texts.is_empty());
    }

    #[test]
    fn check_templates_places_each_problem_on_its_file() {
        // A file where the folder should be: one finding on `templates`, without a line.
        let dir = tempfile::tempdir().expect("temporary folder");
        std::fs::write(dir.path().join("templates"), "x").expect("write");
        let found = check_templates(dir.path());
        assert_eq!(found.findings.len(), 1);
        let d = &found.findings[0];
        assert_eq!(
            (d.code, d.file.as_str(), d.line),
            (Code::Template, "templates", None)
        );
        assert_eq!(d.message.en(), "templates is not a folder");
        assert!(found.texts.is_empty());

        // A Tera syntax error in the body: its line and column (from 1), and the text kept.
        let dir = root();
        let body = "Раздел\n\n  {{ doc.x\n";
        std::fs::write(dir.path().join("templates/body.md"), body).expect("write");
        std::fs::write(dir.path().join("templates/page.html"), "{{ doc }}").expect("write");
        let found = check_templates(dir.path());
        assert_eq!(found.findings.len(), 1, "{:?}", found.findings);
        let d = &found.findings[0];
        assert_eq!(d.file, "templates/body.md");
        assert_eq!((d.line, d.column), (Some(3), Some(11)));
        assert_eq!(
            found.texts,
            [("templates/body.md".to_owned(), body.to_owned())]
        );
    }
}
