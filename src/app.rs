//! The commands as the binary runs them: each parses nothing and reads no environment (the
//! binary does both, at the edge, and passes [`Env`]), calls the pipeline, prints through
//! [`Console`] and returns the exit code: 0 ok, 1 the input has errors, 2 usage or I/O failure.
//!
//! Nothing here prints with `println!`: a closed pipe or a full disk on standard output must
//! neither panic nor change the exit code, which says what happened to the input and the
//! files. [`Console`] writes, and remembers the first failure to report it once at the end.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{
    BuildArgs, CheckArgs, Cli, Command, DiagFormat, DiffArgs, InitArgs, ReportArgs, WatchArgs,
};
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::edit::{self, Added, Origin, Outcome};
use crate::i18n::{Lang, Message};
use crate::model::Date;
use crate::msg;
use crate::project::ProjectError;
use crate::{Checked, build, error, init};

/// What the binary read from the process's environment for the commands.
#[derive(Debug, Clone)]
pub struct Env {
    /// Colour the messages on standard error.
    pub colour: bool,
    /// Running under CI (`CI` set): never ask questions.
    pub ci: bool,
    /// Today in the user's time zone (`init`'s default session date).
    pub today: Date,
    /// The language of everything printed (see [`crate::i18n::choose`]).
    pub lang: Lang,
    /// Standard error is a terminal: status lines while the PDF is typeset or another writer
    /// holds the lock (see [`crate::progress`]).
    pub terminal: bool,
}

/// Runs the command line: `-C` first, then the command. Never panics on output.
pub fn run(cli: Cli, env: &Env) -> ExitCode {
    let mut console = Console::new(env.colour, env.lang);
    if env.terminal {
        crate::progress::enable(env.lang);
    }
    // `-C DIR` works as in git, make and cargo: as if the command were started in DIR. Paths
    // in messages are shown from where the user stands, so the folder is remembered.
    if let Some(dir) = &cli.dir {
        if let Err(e) = std::env::set_current_dir(dir) {
            console.failure(&anyhow::Error::new(error::Failure::hinted(
                msg!(
                    CmdEnterDir,
                    dir = dir.display().to_string(),
                    why = error::io(&e)
                ),
                msg!(CmdEnterDirHint),
            )));
            return ExitCode::from(2);
        }
        console.base = Some(dir.clone());
    }
    let code = match command(cli, env, &mut console) {
        Ok(code) => code,
        Err(err) => {
            // Under `-C DIR` the search for a programme happened in DIR: name it.
            let err = match (&console.base, err.downcast_ref::<ProjectError>()) {
                (Some(base), Some(ProjectError::NotFound)) => {
                    anyhow::Error::new(ProjectError::NotAProgramme(base.clone()))
                }
                _ => err,
            };
            console.failure(&err);
            ExitCode::from(2)
        }
    };
    console.finish();
    code
}

/// The terminal: standard output for results, standard error for people. A write that fails
/// is remembered, later writes to that stream are skipped, and the run goes on: the exit code
/// reflects the work, not whether someone was still reading.
struct Console {
    colour: bool,
    /// The language of what is printed for people.
    lang: Lang,
    /// The folder given with `-C`, to show paths from where the user started.
    base: Option<PathBuf>,
    stdout_failed: Option<std::io::Error>,
    stderr_failed: bool,
}

impl Console {
    fn new(colour: bool, lang: Lang) -> Self {
        Console {
            colour,
            lang,
            base: None,
            stdout_failed: None,
            stderr_failed: false,
        }
    }

    /// Writes `text` to standard output as it is.
    fn out(&mut self, text: &str) {
        if self.stdout_failed.is_none() {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                self.stdout_failed = Some(e);
            }
        }
    }

    /// Writes `text` and a line break to standard error.
    fn err(&mut self, text: &str) {
        if !self.stderr_failed {
            let mut err = std::io::stderr().lock();
            self.stderr_failed = writeln!(err, "{text}").is_err();
        }
    }

    /// A failure that stops the command, with its causes and hint.
    fn failure(&mut self, err: &anyhow::Error) {
        let (red, cyan, reset) = if self.colour {
            ("\x1b[1;31m", "\x1b[1;36m", "\x1b[0m")
        } else {
            ("", "", "")
        };
        let lang = self.lang;
        let word = Severity::Error.word(lang);
        let mut msg = format!("{red}{word}{reset}: {}", error::text(err.as_ref(), lang));
        let caused_by = msg!(ErrCausedBy).text(lang);
        for cause in err.chain().skip(1) {
            msg.push_str(&format!("\n  {caused_by}: {}", error::text(cause, lang)));
        }
        if let Some(hint) = error::hint(err) {
            let word = msg!(FindingHint).text(lang);
            msg.push_str(&format!("\n{cyan}{word}{reset}: {}", hint.text(lang)));
        }
        self.err(&msg);
    }

    /// Says once that the results could not be printed, unless the reader simply went away
    /// (`nko-draft check | head`), which is not worth a word.
    fn finish(&mut self) {
        if let Some(e) = self.stdout_failed.take()
            && e.kind() != std::io::ErrorKind::BrokenPipe
        {
            let word = Severity::Warning.word(self.lang);
            let why = msg!(ErrStdoutFailed, why = error::io(&e));
            self.err(&format!("{word}: {}", why.text(self.lang)));
        }
    }

    /// A finding whose file is named from where the user started (`belgorod/steps/x.yaml`
    /// rather than `steps/x.yaml`), so that an editor or a CI log can open it. The JSON report
    /// keeps the path relative to the programme, as tools that read it expect.
    /// `lang` names the pseudo-file of findings about flags, `(command line)`: English in the
    /// machine formats.
    fn located(&self, root: &Path, d: &Diagnostic, lang: Lang) -> Diagnostic {
        Self::locate(self.base.as_deref(), root, d, lang)
    }

    fn locate(base: Option<&Path>, root: &Path, d: &Diagnostic, lang: Lang) -> Diagnostic {
        let mut shown = d.clone();
        // `(command line)` names a flag, not a file.
        if d.file == edit::add::COMMAND_LINE {
            shown.file = msg!(CmdCommandLine).text(lang);
        } else if !d.file.starts_with('(') {
            shown.file = show_path(base, &root.join(&d.file));
        }
        shown
    }

    /// `path` as the user can find it from the folder they started in: behind the `-C`
    /// folder when it is relative, without `./` steps.
    fn shown(&self, path: &Path) -> String {
        show_path(self.base.as_deref(), path)
    }
}

/// `path` behind `base` when it is relative, without `./` steps.
fn show_path(base: Option<&Path>, path: &Path) -> String {
    let joined = match base {
        Some(base) if path.is_relative() => base.join(path),
        _ => path.to_path_buf(),
    };
    let clean: PathBuf = joined
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    if clean.as_os_str().is_empty() {
        ".".to_owned()
    } else {
        clean.display().to_string()
    }
}

fn command(cli: Cli, env: &Env, console: &mut Console) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check(&args, console),
        Command::Build(args) => build_cmd(args, console),
        Command::Watch(args) => watch_cmd(args, console),
        Command::Init(args) => init_cmd(args, env, console),
        Command::Diff(args) => diff_cmd(args, console),
        Command::Report(args) => report_cmd(args, console),
        Command::AddStep(opts) => add_cmd(opts, env, console),
        Command::AddProposal(opts) => add_cmd(opts, env, console),
        Command::AddParticipant(opts) => add_cmd(opts, env, console),
        Command::AddProgress(opts) => {
            report_added(&edit::add_progress(&opts)?, "progress", console)
        }
        Command::SetActual(opts) => report_added(&edit::set_actual(&opts)?, "actual", console),
        Command::Completions(args) => {
            console.out(&crate::completions::script(args.shell, console.lang));
            Ok(ExitCode::SUCCESS)
        }
        Command::Man(args) => {
            let written = crate::completions::man_pages(&args.out, console.lang);
            let dir = console.shown(&args.out);
            print_written(
                written,
                |why| msg!(CmdManFailed, dir = dir, why = why),
                console,
            )
        }
        Command::Schema(args) => {
            let written = crate::schema::write_all(&args.out, args.locale);
            let dir = console.shown(&args.out);
            print_written(
                written,
                |why| msg!(CmdSchemaFailed, dir = dir, why = why),
                console,
            )
        }
        Command::Complete(args) => {
            console.out(&crate::completions::ids(args.what));
            Ok(ExitCode::SUCCESS)
        }
        Command::Templates(args) => {
            print_paths(&crate::render::write_built_in(&args.out)?, console);
            console.out(&format!("{}\n", msg!(CmdTemplatesNext).text(console.lang)));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Prints «wrote PATH» for each file a command wrote, or fails with `failed` saying why the
/// files could not be written.
fn print_written(
    written: std::io::Result<Vec<PathBuf>>,
    failed: impl FnOnce(crate::i18n::Message) -> crate::i18n::Message,
    console: &mut Console,
) -> Result<ExitCode> {
    let written = written.map_err(|e| error::Failure::new(failed(error::io(&e))))?;
    print_paths(&written, console);
    Ok(ExitCode::SUCCESS)
}

/// «wrote PATH», a line a file.
fn print_paths(paths: &[PathBuf], console: &mut Console) {
    for path in paths {
        let line = msg!(CmdWrote, path = console.shown(path)).text(console.lang);
        console.out(&format!("{line}\n"));
    }
}

fn check(args: &CheckArgs, console: &mut Console) -> Result<ExitCode> {
    let checked = crate::check(None)?;
    print_findings(&checked, args.format, console);
    let (errors, warnings) = checked.counts();
    if args.format == DiagFormat::Human {
        let root = display_root(&checked.input.root, console);
        if errors == 0 && warnings == 0 {
            console.err(&msg!(CmdCheckOk, root = root).text(console.lang));
        } else {
            console.err(&format!(
                "{root}: {}",
                diagnostic::summary(errors, warnings, console.lang)
            ));
        }
    }
    let failed = errors > 0 || (args.strict && warnings > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The root as the user would recognise it: its path from where they started, or the
/// current folder's name for `.`.
fn display_root(root: &Path, console: &Console) -> String {
    let shown = console.shown(root);
    if shown == "."
        && let Ok(cwd) = std::env::current_dir()
    {
        return cwd.display().to_string();
    }
    shown
}

/// Prints findings in the chosen format: people's to stderr, tools' to stdout.
fn print_findings(checked: &Checked, format: DiagFormat, console: &mut Console) {
    let texts = checked.input.texts();
    match format {
        DiagFormat::Human => {
            // One write for all: tens of thousands of findings are written at once rather
            // than a locked write each.
            let mut all = String::new();
            for d in &checked.diagnostics {
                let source = texts.get(d.file.as_str()).copied();
                let shown = console.located(&checked.input.root, d, console.lang);
                all.push_str(&diagnostic::render_human(
                    &shown,
                    source,
                    console.colour,
                    console.lang,
                ));
                all.push('\n');
            }
            if let Some(all) = all.strip_suffix('\n') {
                console.err(all);
            }
        }
        DiagFormat::Short => {
            let mut lines = String::new();
            for d in &checked.diagnostics {
                let shown = console.located(&checked.input.root, d, Lang::En);
                lines.push_str(&diagnostic::render_short(&shown));
                lines.push('\n');
            }
            console.out(&lines);
        }
        DiagFormat::Json => {
            let all: &[Diagnostic] = &checked.diagnostics;
            console.out(&diagnostic::render_json(all));
        }
        DiagFormat::Github => {
            let mut lines = String::new();
            for d in &checked.diagnostics {
                let shown = console.located(&checked.input.root, d, Lang::En);
                lines.push_str(&diagnostic::render_github(&shown));
                lines.push('\n');
            }
            console.out(&lines);
        }
    }
}

fn build_cmd(args: BuildArgs, console: &mut Console) -> Result<ExitCode> {
    let opts = build::BuildOptions {
        dir: None,
        formats: args.format,
        out: args.out,
        template_timeout: Some(std::time::Duration::from_secs(args.template_timeout)),
        pdf_date: args.source_date_epoch,
    };
    let built = build::build(&opts)?;
    let code = print_built(&built, console, |root, summary| {
        msg!(CmdBuildNothingWritten, root = root, summary = summary)
    });
    // The process ends here: let the operating system reclaim the input at once rather than
    // freeing it piece by piece (a noticeable share of a large build).
    std::mem::forget(built);
    Ok(code)
}

/// Prints what a build found and wrote, as `build` prints it, and returns its exit code. On
/// errors, nothing was written and `refused` says so with the root and the counts.
fn print_built(
    built: &build::Built,
    console: &mut Console,
    refused: impl Fn(String, String) -> Message,
) -> ExitCode {
    print_findings(&built.checked, DiagFormat::Human, console);
    let (errors, warnings) = built.checked.counts();
    let root = display_root(&built.checked.input.root, console);
    if errors > 0 {
        let summary = diagnostic::summary(errors, warnings, console.lang);
        console.err(&refused(root, summary).text(console.lang));
        return ExitCode::from(1);
    }
    if warnings > 0 {
        console.err(&format!(
            "{root}: {}",
            diagnostic::summary(errors, warnings, console.lang)
        ));
    }
    for d in &built.notes {
        let shown = console.located(&built.checked.input.root, d, console.lang);
        let text = diagnostic::render_human(&shown, None, console.colour, console.lang);
        console.err(&text);
    }
    for (path, size) in &built.written {
        let size = human_size(*size, console.lang);
        let line = msg!(CmdWroteSize, path = console.shown(path), size = size);
        console.out(&format!("{}\n", line.text(console.lang)));
    }
    ExitCode::SUCCESS
}

/// `watch`: the first build, then a rebuild on every change, each printed as `build` prints
/// it with the time it took, until Ctrl-C; the exit code is that of the last build.
fn watch_cmd(args: WatchArgs, console: &mut Console) -> Result<ExitCode> {
    let opts = crate::watch::WatchOptions {
        build: build::BuildOptions {
            dir: None,
            formats: args.format,
            out: args.out,
            template_timeout: Some(std::time::Duration::from_secs(args.template_timeout)),
            pdf_date: None,
        },
        serve: args.serve,
    };
    let stop = crate::watch::stop_flag();
    let mut code = ExitCode::SUCCESS;
    crate::watch::watch(&opts, &stop, &mut |event| match event {
        crate::watch::Event::Started { root, serving } => {
            let root = display_root(&relative_to_cwd(root), console);
            console.err(&msg!(CmdWatchWatching, root = root).text(console.lang));
            if let Some(addr) = serving {
                let url = format!("http://{addr}/");
                console.err(&msg!(CmdWatchServing, url = url).text(console.lang));
            }
        }
        crate::watch::Event::Changed(path) => {
            let path = console.shown(&relative_to_cwd(path));
            console.err(&format!(
                "\n{}",
                msg!(CmdWatchChanged, path = path).text(console.lang)
            ));
        }
        crate::watch::Event::Built(built, took) => {
            code = match built {
                Ok(built) => print_built(built, console, |root, summary| {
                    msg!(CmdWatchKept, root = root, summary = summary)
                }),
                Err(err) => {
                    console.failure(err);
                    ExitCode::from(2)
                }
            };
            let ms = took.as_millis().to_string();
            console.err(&msg!(CmdWatchRebuilt, ms = ms).text(console.lang));
        }
    })?;
    console.err(&msg!(CmdWatchStopped).text(console.lang));
    Ok(code)
}

/// `path` from the current folder when it lies under it (the watcher names files from the
/// root of the file system).
fn relative_to_cwd(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| std::fs::canonicalize(cwd).ok())
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .map(|p| {
            if p.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                p
            }
        })
        .unwrap_or_else(|| path.to_path_buf())
}

fn diff_cmd(args: DiffArgs, console: &mut Console) -> Result<ExitCode> {
    // With --since the one folder given is the new draft.
    let (old, new) = match (&args.since, args.old, args.new) {
        (Some(_), Some(_), Some(_)) => {
            return Err(
                error::Failure::hinted(msg!(CmdDiffTooMany), msg!(CmdDiffTooManyHint)).into(),
            );
        }
        (Some(_), first, None) => (None, first),
        (_, old, new) => (old, new),
    };
    let opts = crate::diff::DiffOptions {
        old,
        new,
        since: args.since,
        formats: args.format,
        out: args.out,
    };
    let diffed = crate::diff::diff(&opts)?;
    let lang = console.lang;
    let mut failed = false;
    for (loaded, old) in [(&diffed.old, true), (&diffed.new, false)] {
        let (errors, warnings) = loaded.checked.counts();
        if errors == 0 {
            continue;
        }
        failed = true;
        let source = match &loaded.origin {
            crate::diff::Origin::Folder(path) => console.shown(path),
            crate::diff::Origin::Git { .. } => loaded.source(),
        };
        let summary = diagnostic::summary(errors, warnings, lang);
        let head = if old {
            msg!(CmdDiffErrorsInOld, source = source, summary = summary)
        } else {
            msg!(CmdDiffErrorsInNew, source = source, summary = summary)
        };
        console.err(&head.text(lang));
        let texts = loaded.checked.input.texts();
        let root = &loaded.checked.input.root;
        for d in (loaded.checked.diagnostics.iter()).filter(|d| d.severity == Severity::Error) {
            let shown = match &loaded.origin {
                // A file of a revision is named as git names it: `HEAD~1:programme/steps/x.yaml`.
                crate::diff::Origin::Git { rev, prefix, .. } if !d.file.starts_with('(') => {
                    let mut shown = d.clone();
                    shown.file = format!("{rev}:{prefix}{}", d.file);
                    shown
                }
                _ => console.located(root, d, lang),
            };
            let source = texts.get(d.file.as_str()).copied();
            console.err(&diagnostic::render_human(
                &shown,
                source,
                console.colour,
                lang,
            ));
        }
    }
    if failed {
        console.err(&msg!(CmdDiffRefused).text(lang));
        return Ok(ExitCode::from(1));
    }
    let locale = match lang {
        Lang::Ru => crate::model::Locale::Ru,
        Lang::En => crate::model::Locale::En,
    };
    if let Some(c) = diffed.compare_in(locale) {
        let mut text = String::new();
        if c.is_empty() {
            text.push_str(&msg!(CmdDiffNone).text(lang));
            text.push('\n');
        } else {
            let s = c.summary;
            let line = msg!(
                CmdDiffSummary,
                total = s.total,
                added = s.steps_added,
                removed = s.steps_removed,
                changed = s.changed
            );
            text.push_str(&line.text(lang));
            text.push('\n');
            for r in &c.rows {
                let line = msg!(
                    CmdDiffRow,
                    number = r.number.as_str(),
                    element = r.element.as_str(),
                    before = r.before_inline.as_str(),
                    after = r.after_inline.as_str()
                );
                text.push_str(&line.text(lang));
                text.push('\n');
            }
        }
        console.out(&text);
    }
    for d in &diffed.notes {
        let text = diagnostic::render_human(d, None, console.colour, lang);
        console.err(&text);
    }
    for (path, size) in &diffed.written {
        let size = human_size(*size, lang);
        let line = msg!(CmdWroteSize, path = console.shown(path), size = size);
        console.out(&format!("{}\n", line.text(lang)));
    }
    Ok(ExitCode::SUCCESS)
}

fn report_cmd(args: ReportArgs, console: &mut Console) -> Result<ExitCode> {
    let opts = crate::report::ReportOptions {
        period: args.period,
        formats: args.format,
        out: args.out,
        date: args.date,
    };
    let reported = crate::report::report(&opts)?;
    let lang = console.lang;
    print_findings(&reported.checked, DiagFormat::Human, console);
    let (errors, warnings) = reported.checked.counts();
    let root = display_root(&reported.checked.input.root, console);
    if errors > 0 {
        let summary = diagnostic::summary(errors, warnings, lang);
        let line = msg!(CmdBuildNothingWritten, root = root, summary = summary);
        console.err(&line.text(lang));
        return Ok(ExitCode::from(1));
    }
    if warnings > 0 {
        console.err(&format!(
            "{root}: {}",
            diagnostic::summary(errors, warnings, lang)
        ));
    }
    let texts = reported.checked.input.texts();
    for d in &reported.warnings {
        let shown = console.located(&reported.checked.input.root, d, lang);
        let source = texts.get(d.file.as_str()).copied();
        console.err(&diagnostic::render_human(
            &shown,
            source,
            console.colour,
            lang,
        ));
    }
    for d in &reported.notes {
        let shown = console.located(&reported.checked.input.root, d, lang);
        console.err(&diagnostic::render_human(
            &shown,
            None,
            console.colour,
            lang,
        ));
    }
    for (path, size) in &reported.written {
        let size = human_size(*size, lang);
        let line = msg!(CmdWroteSize, path = console.shown(path), size = size);
        console.out(&format!("{}\n", line.text(lang)));
    }
    Ok(ExitCode::SUCCESS)
}

/// `12.3 KiB` (Russian: `12,3 КиБ`).
fn human_size(bytes: usize, lang: Lang) -> Message {
    let tenths = |unit: f64| {
        let n = format!("{:.1}", bytes as f64 / unit);
        match lang {
            Lang::Ru => n.replace('.', ","),
            Lang::En => n,
        }
    };
    if bytes < 1024 {
        msg!(CmdSizeBytes, n = bytes)
    } else if bytes < 1024 * 1024 {
        msg!(CmdSizeKib, n = tenths(1024.0))
    } else {
        msg!(CmdSizeMib, n = tenths(1024.0 * 1024.0))
    }
}

/// Why `--session-date` is not a date, in the words of the input's own check of dates.
fn session_date_error(value: &str) -> Message {
    let b = value.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return msg!(CmdSessionDateShape, value = value);
    }
    let year: i32 = value[0..4].parse().unwrap_or(0);
    let month: u8 = value[5..7].parse().unwrap_or(0);
    if !(1..=12).contains(&month) {
        return msg!(CmdSessionDateNoMonth, value = value, month = month);
    }
    let days = crate::model::days_in_month(year, month);
    msg!(
        CmdSessionDateDays,
        value = value,
        month = month,
        year = year.to_string(),
        days = days
    )
}

fn init_cmd(args: InitArgs, env: &Env, console: &mut Console) -> Result<ExitCode> {
    let target = init::target(args.path, std::path::Path::new("."))?;
    let session_date = match &args.session_date {
        Some(s) => Date::parse(s)
            .map_err(|_| error::Failure::hinted(session_date_error(s), msg!(CmdSessionDateHint)))?,
        None => env.today,
    };
    let opts = init::InitOptions {
        dir: target.clone(),
        title: args.title,
        region: args.region,
        locale: args.locale,
        session_date,
    };
    let written = init::init(&opts)?;
    let shown = console.shown(&target);
    let created = msg!(CmdInitCreated, dir = shown.clone(), n = written.len());
    let next = msg!(CmdInitNext, dir = shown);
    let lang = console.lang;
    console.out(&format!("{}\n{}\n", created.text(lang), next.text(lang)));
    Ok(ExitCode::SUCCESS)
}

/// What the three add commands share: asking for what is missing on a terminal, refusing when
/// a required flag is still empty, then checking and writing.
trait AddCommand {
    /// The subcommand, for the usage error.
    const COMMAND: &'static str;
    /// What it adds, as the messages select their words by it: `step`, `proposal` or
    /// `participant` (in Russian «мероприятие», «предложение», «участник», each in its case).
    const WHAT: &'static str;
    /// The value whose absence starts the questions (`--title`, `--text`, `--name`).
    fn primary(&self) -> &str;
    /// The required flags and their values.
    fn required(&self) -> Vec<(&'static str, &String)>;
    /// Asks for what is missing, in `lang`, and whether to write the entry.
    fn ask(&mut self, lang: Lang) -> Result<edit::prompt::Asked>;
    /// Checks the programme with the entry and writes it.
    fn add(&self) -> Result<Added>;
}

impl AddCommand for edit::AddStep {
    const COMMAND: &'static str = "add-step";
    const WHAT: &'static str = "step";
    fn primary(&self) -> &str {
        &self.title
    }
    fn required(&self) -> Vec<(&'static str, &String)> {
        vec![("--case", &self.case), ("--title", &self.title)]
    }
    fn ask(&mut self, lang: Lang) -> Result<edit::prompt::Asked> {
        edit::prompt::step(self, lang)
    }
    fn add(&self) -> Result<Added> {
        edit::add_step(self)
    }
}

impl AddCommand for edit::AddProposal {
    const COMMAND: &'static str = "add-proposal";
    const WHAT: &'static str = "proposal";
    fn primary(&self) -> &str {
        &self.text
    }
    fn required(&self) -> Vec<(&'static str, &String)> {
        vec![("--case", &self.case), ("--text", &self.text)]
    }
    fn ask(&mut self, lang: Lang) -> Result<edit::prompt::Asked> {
        edit::prompt::proposal(self, lang)
    }
    fn add(&self) -> Result<Added> {
        edit::add_proposal(self)
    }
}

impl AddCommand for edit::AddParticipant {
    const COMMAND: &'static str = "add-participant";
    const WHAT: &'static str = "participant";
    fn primary(&self) -> &str {
        &self.name
    }
    fn required(&self) -> Vec<(&'static str, &String)> {
        vec![("--name", &self.name)]
    }
    fn ask(&mut self, lang: Lang) -> Result<edit::prompt::Asked> {
        edit::prompt::participant(self, lang)
    }
    fn add(&self) -> Result<Added> {
        edit::add_participant(self)
    }
}

fn add_cmd<C: AddCommand>(mut opts: C, env: &Env, console: &mut Console) -> Result<ExitCode> {
    if opts.primary().is_empty()
        && edit::prompt::interactive(env.ci)
        && opts.ask(env.lang)? == edit::prompt::Asked::Declined
    {
        // The user said no to the summary: nothing was written, as after Ctrl-C.
        return Ok(ExitCode::from(130));
    }
    if let Some(code) = missing(C::COMMAND, &opts.required(), console) {
        return Ok(code);
    }
    let added = opts.add()?;
    let code = report_added(&added, C::WHAT, console);
    crate::drop_aside(added);
    code
}

/// A usage error (exit code 2) naming the required flags that are still empty.
fn missing(command: &str, flags: &[(&str, &String)], console: &mut Console) -> Option<ExitCode> {
    use crate::i18n::help;
    let absent: Vec<&str> = flags
        .iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(f, _)| *f)
        .collect();
    if absent.is_empty() {
        return None;
    }
    let lang = console.lang;
    let why = msg!(
        HelpErrorRequired,
        count = absent.len(),
        flags = help::and_list(&absent, lang)
    );
    let text = help::usage_error_text(&why, Some(command), lang, console.colour);
    console.err(&text);
    Some(ExitCode::from(2))
}

/// Prints what an add command did: the findings (the entry's, those it caused elsewhere, and
/// the errors that were already there) to stderr, the new id or the dry run's text to stdout.
fn report_added(added: &Added, what: &str, console: &mut Console) -> Result<ExitCode> {
    let texts = added.checked.input.texts();
    let (colour, lang) = (console.colour, console.lang);
    let root = added.checked.input.root.clone();
    let base = console.base.clone();
    let render = |d: &Diagnostic| {
        let source = texts.get(d.file.as_str()).copied();
        let shown = Console::locate(base.as_deref(), &root, d, lang);
        diagnostic::render_human(&shown, source, colour, lang)
    };
    // A refused entry's warnings would point at lines that were not written: its errors only.
    let refused = added.outcome == Outcome::Rejected;
    for d in added
        .from(Origin::Entry)
        .filter(|d| !refused || d.severity == diagnostic::Severity::Error)
    {
        console.err(&render(d));
    }
    let caused: Vec<&Diagnostic> = added.from(Origin::Edit).collect();
    if !caused.is_empty() {
        console.err(&format!(
            "{}\n",
            msg!(CmdAddFoundElsewhere, what = what).text(lang)
        ));
        for d in caused {
            console.err(&render(d));
        }
    }
    let (old_errors, old_warnings) = added.counts(Origin::Existing);
    let new_errors = added.counts(Origin::Entry).0 + added.counts(Origin::Edit).0;
    let target = if added.number.is_some() {
        format!(
            "{} → {}",
            added.id,
            added.number.as_deref().unwrap_or_default()
        )
    } else {
        added.id.clone()
    };
    match added.outcome {
        Outcome::Rejected => {
            if old_errors > 0 {
                let line = msg!(CmdAddAlreadyThere, what = what).text(lang);
                console.err(&format!("{line}\n"));
                for d in added
                    .from(Origin::Existing)
                    .filter(|d| d.severity == diagnostic::Severity::Error)
                {
                    console.err(&render(d));
                }
            }
            let new = msg!(CmdAddNewErrors, n = new_errors, what = what);
            let old = msg!(CmdAddOldErrors, n = old_errors);
            let why = match (new_errors > 0, old_errors > 0) {
                (true, true) => msg!(CmdAddRefusedBoth, new = new, old = old),
                (true, false) => msg!(CmdAddRefusedOne, why = new),
                (false, true) => msg!(CmdAddRefusedOne, why = old),
                (false, false) => msg!(CmdAddNothingWritten),
            };
            console.err(&msg!(Refused, why = why).text(lang));
            Ok(ExitCode::from(1))
        }
        Outcome::DryRun | Outcome::Written => {
            if old_warnings > 0 {
                console.err(&msg!(CmdAddOtherWarnings, n = old_warnings).text(lang));
            }
            let path = console.shown(&added.checked.input.root.join(&added.file));
            let file = if added.created {
                msg!(CmdAddNewFile, path = path)
            } else {
                msg!(CmdAddFile, path = path)
            };
            if added.outcome == Outcome::DryRun {
                let line = msg!(CmdAddDryRun, target = target.as_str(), file = file);
                console.err(&line.text(lang));
                console.out(&added.text);
            } else {
                console.err(&msg!(CmdAddAdded, file = file).text(lang));
                console.out(&format!("{target}\n"));
            }
            // Written is written: exit 0 even if the report could not be printed, so that a
            // script that retries on failure does not add the entry twice.
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_have_the_decimal_mark_and_unit_of_the_language() {
        assert_eq!(human_size(512, Lang::En).en(), "512 B");
        assert_eq!(human_size(512, Lang::Ru).text(Lang::Ru), "512 Б");
        assert_eq!(human_size(12_595, Lang::En).en(), "12.3 KiB");
        assert_eq!(human_size(12_595, Lang::Ru).text(Lang::Ru), "12,3 КиБ");
        let big = 3 * 1024 * 1024 + 200 * 1024;
        assert_eq!(human_size(big, Lang::Ru).text(Lang::Ru), "3,2 МиБ");
    }

    #[test]
    fn a_session_date_that_is_no_date_is_explained() {
        let ru = |s: &str| session_date_error(s).text(Lang::Ru);
        assert_eq!(
            session_date_error("28.11.2026").en(),
            "--session-date: `28.11.2026` is not a date in the form YYYY-MM-DD"
        );
        assert_eq!(
            ru("28.11.2026"),
            "--session-date: «28.11.2026» — не дата в виде ГГГГ-ММ-ДД"
        );
        // The English words are those of the input's own check of dates.
        for bad in ["2026-13-01", "2027-02-29", "2026-04-31"] {
            let why = Date::parse(bad).expect_err("not a date");
            assert_eq!(
                session_date_error(bad).en(),
                format!("--session-date: {why}")
            );
        }
        assert_eq!(
            ru("2026-04-31"),
            "--session-date: даты «2026-04-31» не существует: в апреле 2026 года 30 дней"
        );
        assert_eq!(
            ru("2026-13-01"),
            "--session-date: даты «2026-13-01» не существует: месяца 13 нет"
        );
    }
}
