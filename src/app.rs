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

use crate::cli::{BuildArgs, CheckArgs, Cli, Command, DiagFormat, InitArgs};
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::edit::{self, Added, Origin, Outcome};
use crate::i18n::Lang;
use crate::model::Date;
use crate::msg;
use crate::project::ProjectError;
use crate::quote::plural;
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
}

/// Runs the command line: `-C` first, then the command. Never panics on output.
pub fn run(cli: Cli, env: &Env) -> ExitCode {
    let mut console = Console::new(env.colour, env.lang);
    // `-C DIR` works as in git, make and cargo: as if the command were started in DIR. Paths
    // in messages are shown from where the user stands, so the folder is remembered.
    if let Some(dir) = &cli.dir {
        if let Err(e) = std::env::set_current_dir(dir) {
            console.failure(&anyhow::Error::new(error::Failure::hinted(
                format!("-C {}: cannot enter this folder: {e}", dir.display()),
                "give the folder that holds the programme (its programme.yaml) or its parent",
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
        for cause in err.chain().skip(1) {
            msg.push_str(&format!("\n  caused by: {}", error::text(cause, lang)));
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
            self.err(&format!(
                "warning: could not print the results to standard output: {e}"
            ));
        }
    }

    /// A finding whose file is named from where the user started (`belgorod/steps/x.yaml`
    /// rather than `steps/x.yaml`), so that an editor or a CI log can open it. The JSON report
    /// keeps the path relative to the programme, as tools that read it expect.
    fn located(&self, root: &Path, d: &Diagnostic) -> Diagnostic {
        Self::locate(self.base.as_deref(), root, d)
    }

    fn locate(base: Option<&Path>, root: &Path, d: &Diagnostic) -> Diagnostic {
        let mut shown = d.clone();
        // `(command line)` names a flag, not a file.
        if !d.file.starts_with('(') {
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
        Command::Init(args) => init_cmd(args, env, console),
        Command::AddStep(opts) => add_cmd(opts, env, console),
        Command::AddProposal(opts) => add_cmd(opts, env, console),
        Command::AddParticipant(opts) => add_cmd(opts, env, console),
        Command::Templates(args) => {
            let written = crate::render::write_built_in(&args.out)?;
            for path in written {
                let line = format!("wrote {}\n", console.shown(&path));
                console.out(&line);
            }
            console.out(
                "copy the ones you change into the programme's templates/ folder; \
                 the rest keep using the built-in versions\n",
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(args: &CheckArgs, console: &mut Console) -> Result<ExitCode> {
    let checked = crate::check(None)?;
    print_findings(&checked, args.format, console);
    let (errors, warnings) = checked.counts();
    if args.format == DiagFormat::Human {
        let root = display_root(&checked.input.root, console);
        if errors == 0 && warnings == 0 {
            console.err(&format!("ok: {root} has no problems"));
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
                let shown = console.located(&checked.input.root, d);
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
                let shown = console.located(&checked.input.root, d);
                lines.push_str(&diagnostic::render_short(&shown));
                lines.push('\n');
            }
            console.out(&lines);
        }
        DiagFormat::Json => {
            let all: &[Diagnostic] = &checked.diagnostics;
            console.out(&diagnostic::render_json(all));
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
    print_findings(&built.checked, DiagFormat::Human, console);
    let (errors, warnings) = built.checked.counts();
    let root = display_root(&built.checked.input.root, console);
    if errors > 0 {
        console.err(&format!(
            "{root}: {}; nothing was written",
            diagnostic::summary(errors, warnings, console.lang)
        ));
        return Ok(ExitCode::from(1));
    }
    if warnings > 0 {
        console.err(&format!(
            "{root}: {}",
            diagnostic::summary(errors, warnings, console.lang)
        ));
    }
    for d in &built.notes {
        let shown = console.located(&built.checked.input.root, d);
        let text = diagnostic::render_human(&shown, None, console.colour, console.lang);
        console.err(&text);
    }
    for (path, size) in &built.written {
        let line = format!("wrote {} ({})\n", console.shown(path), human_size(*size));
        console.out(&line);
    }
    // The process ends here: let the operating system reclaim the input at once rather than
    // freeing it piece by piece (a noticeable share of a large build).
    std::mem::forget(built);
    Ok(ExitCode::SUCCESS)
}

/// `12.3 KiB`.
fn human_size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
    }
}

fn init_cmd(args: InitArgs, env: &Env, console: &mut Console) -> Result<ExitCode> {
    let target = init::target(args.path, std::path::Path::new("."))?;
    let session_date = match &args.session_date {
        Some(s) => Date::parse(s).map_err(|why| {
            error::Failure::hinted(
                format!("--session-date: {why}"),
                "give the date as YYYY-MM-DD, e.g. 2026-11-28",
            )
        })?,
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
    console.out(&format!(
        "created a programme in {shown} ({} files)\n\
         next: edit the files, then run `nko-draft -C {shown} check`\n",
        written.len(),
    ));
    Ok(ExitCode::SUCCESS)
}

/// What the three add commands share: asking for what is missing on a terminal, refusing when
/// a required flag is still empty, then checking and writing.
trait AddCommand {
    /// The subcommand, for the usage error.
    const COMMAND: &'static str;
    /// What it adds, in messages.
    const WHAT: &'static str;
    /// The value whose absence starts the questions (`--title`, `--text`, `--name`).
    fn primary(&self) -> &str;
    /// The required flags and their values.
    fn required(&self) -> Vec<(&'static str, &String)>;
    /// Asks for what is missing.
    fn ask(&mut self) -> Result<()>;
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
    fn ask(&mut self) -> Result<()> {
        edit::prompt::step(self)
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
    fn ask(&mut self) -> Result<()> {
        edit::prompt::proposal(self)
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
    fn ask(&mut self) -> Result<()> {
        edit::prompt::participant(self)
    }
    fn add(&self) -> Result<Added> {
        edit::add_participant(self)
    }
}

fn add_cmd<C: AddCommand>(mut opts: C, env: &Env, console: &mut Console) -> Result<ExitCode> {
    if opts.primary().is_empty() && edit::prompt::interactive(env.ci) {
        opts.ask()?;
    }
    if let Some(code) = missing(C::COMMAND, &opts.required(), console) {
        return Ok(code);
    }
    report_added(&opts.add()?, C::WHAT, console)
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
        let shown = Console::locate(base.as_deref(), &root, d);
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
        console.err(&format!("found elsewhere because of the new {what}:\n"));
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
                console.err(&format!(
                    "already in the programme before this {what} was added:\n"
                ));
                for d in added
                    .from(Origin::Existing)
                    .filter(|d| d.severity == diagnostic::Severity::Error)
                {
                    console.err(&render(d));
                }
            }
            let mut why = Vec::new();
            if new_errors > 0 {
                why.push(format!(
                    "{} with the new {what}",
                    plural(new_errors, "error")
                ));
            }
            if old_errors > 0 {
                why.push(format!(
                    "{} already in the programme (fix {}: `nko-draft check` lists them)",
                    plural(old_errors, "error"),
                    if old_errors == 1 { "it" } else { "them" }
                ));
            }
            console.err(&format!("refused: {}; nothing was written", why.join("; ")));
            Ok(ExitCode::from(1))
        }
        Outcome::DryRun | Outcome::Written => {
            if old_warnings > 0 {
                console.err(&format!(
                    "note: the programme has {} elsewhere; `nko-draft check` lists them",
                    plural(old_warnings, "other warning")
                ));
            }
            let path = console.shown(&added.checked.input.root.join(&added.file));
            let file = if added.created {
                format!("{path} (a new file)")
            } else {
                path
            };
            if added.outcome == Outcome::DryRun {
                console.err(&format!(
                    "dry run: would add {target} to {file}; nothing was written"
                ));
                console.out(&added.text);
            } else {
                console.err(&format!("added to {file}"));
                console.out(&format!("{target}\n"));
            }
            // Written is written: exit 0 even if the report could not be printed, so that a
            // script that retries on failure does not add the entry twice.
            Ok(ExitCode::SUCCESS)
        }
    }
}
