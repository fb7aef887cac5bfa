//! Command-line arguments (clap derive types only; `main` maps them to library calls).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::help::BadValue;
use crate::msg;

/// Turns what a strategic session of NGOs agreed into a draft regional programme.
#[derive(Debug, Parser)]
#[command(
    name = "nko-draft",
    version,
    about = "Turns what a strategic session of NGOs agreed into a draft regional programme \
             (Markdown, HTML, PDF, DOCX)",
    after_help = "Examples:\n  \
        nko-draft init kursk --title \"Программа …\"   start a programme in ./kursk\n  \
                nko-draft check                               check ./programme (or the current folder)\n  \
        nko-draft build                               write out/programme.{md,html,pdf,docx}\n  \
        nko-draft build --format md,html -o site      only Markdown and HTML, into ./site\n  \
        nko-draft -C examples/english check --strict  check another programme, warnings fail\n\n\
        Exit codes: 0 ok (warnings allowed), 1 the input has errors (or warnings under \
        --strict), 2 usage or I/O failure."
)]
pub struct Cli {
    /// Run as if started in DIR (as `git -C`): the programme is DIR if it holds
    /// programme.yaml, else DIR/programme/; relative paths and ./out count from DIR.
    #[arg(short = 'C', long = "dir", global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// The language of messages, questions and help: `ru` or `en` (default: NKO_DRAFT_LANG,
    /// else the system's locale). The document's language is the programme's `locale`.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::model::Locale>,

    /// When to colour messages.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the programme and report every problem, with file, line and column.
    Check(CheckArgs),
    /// Check the programme, then write it as Markdown, HTML, PDF and DOCX (warnings are printed,
    /// errors stop the build and nothing is written).
    Build(BuildArgs),
    /// Write a complete, commented skeleton of a programme that passes `check`.
    Init(InitArgs),
    /// Compare two drafts of the programme and list what changed; with --out or --format,
    /// write the comparison table («Сравнительная таблица изменений»).
    #[command(after_help = "Examples:\n  \
            nko-draft diff --since HEAD~1                 what changed since the last commit\n  \
            nko-draft diff old/ --out out --format md,pdf  the table against the draft in old/\n\n\
            Both drafts are checked first; errors in either are reported, labelled by the side.\n\
            Exit codes: 0 compared (with or without changes), 1 a draft has errors, 2 usage, \
            git or I/O failure.")]
    Diff(DiffArgs),
    /// Write the implementation report of the programme for a year or a quarter («Отчёт о ходе
    /// реализации Программы») from the progress recorded in the steps and the actual values of
    /// the indicators.
    #[command(after_help = "Examples:\n  \
            nko-draft report --period 2027                the report for 2027\n  \
            nko-draft report --period 2027-Q3 --format md  for the first nine months of 2027\n\n\
            A quarter's report covers the year from 1 January to the quarter's end.\n\
            Exit codes: 0 written (warnings allowed), 1 the input has errors (nothing written), \
            2 usage or I/O failure.")]
    Report(ReportArgs),
    /// Build the programme, then rebuild it whenever one of its files or templates changes,
    /// printing what check finds each time (errors keep the previous outputs); with --serve,
    /// also show it in the browser, reloaded after each rebuild.
    #[command(after_help = "Examples:\n  \
            nko-draft watch                               rebuild out/programme.{md,html} on every save\n  \
            nko-draft watch --serve                       and show it at http://127.0.0.1:3000/\n  \
            nko-draft watch --format md,html,pdf          the PDF too (it takes seconds)\n\n\
            Ctrl-C stops it.\n\
            Exit codes: what build would say of the last rebuild: 0 written (warnings allowed), \
            1 the input has errors (the previous outputs kept), 2 usage or I/O failure (also \
            when watching cannot start).")]
    Watch(WatchArgs),
    /// Write the built-in templates to a folder, as a starting point for your own
    /// (put the ones you change in the programme's templates/ folder).
    Templates(TemplatesArgs),
    /// Append an agreed step to steps/<case>.yaml, keeping everything already in the file.
    /// The programme is checked with the new step first: on any error nothing is written.
    #[command(
        after_help = "Funding is not a flag: add `funding:` to the step in the file afterwards.\n\n\
            Without --title, on a terminal, every key is asked for (never when CI is set or \
            standard input is not a terminal).\n\n\
            Example:\n  \
            nko-draft add-step --case partnership --title \"Форум НКО\" --deadline \"annually Q4\" \\\n    \
            --responsible crdi --partner kursk-admin --partner asi --indicator i3 --status proposed\n\n\
            Prints the new id and its number in the document (partnership-6 → 2.6).\n\
            Exit codes: 0 added (warnings allowed), 1 refused because of errors (nothing \
            written), 2 usage or I/O failure, 130 stopped at a question (nothing written)."
    )]
    AddStep(crate::edit::AddStep),
    /// Append a proposal of a working group to the `proposals` of cases/<case>.yaml.
    #[command(
        after_help = "Exit codes: 0 added, 1 refused because of errors (nothing \
        written), 2 usage or I/O failure, 130 stopped at a question (nothing written)."
    )]
    AddProposal(crate::edit::AddProposal),
    /// Append a participant of the session to participants.yaml (created if missing).
    #[command(
        after_help = "Exit codes: 0 added, 1 refused because of errors (nothing \
        written), 2 usage or I/O failure, 130 stopped at a question (nothing written)."
    )]
    AddParticipant(crate::edit::AddParticipant),
    /// Record where a step stood at the end of a report period, in its `progress` in
    /// steps/<case>.yaml. The programme is checked with the entry first: on any error nothing
    /// is written.
    #[command(after_help = "Example:\n  \
            nko-draft add-progress --step competencies-1 --period 2027-Q2 --status done \\\n    \
            --done-on 2027-06-25 --comment \"Обучено 58 человек\"\n\n\
            A period already recorded is refused: change its entry in the file. Money spent is \
            not a flag: add `spent:` to the entry in the file afterwards.\n\
            Exit codes: 0 added (warnings allowed), 1 refused because of errors (nothing \
            written), 2 usage or I/O failure.")]
    AddProgress(crate::edit::AddProgress),
    /// Set the value an indicator reached in a year, in its `actual` in indicators.yaml
    /// (a value already there is replaced). The programme is checked with it first: on any
    /// error nothing is written.
    #[command(after_help = "Example:\n  \
            nko-draft set-actual --indicator i4 --year 2027 --value 3 \\\n    \
            --note \"Два проекта перенесены на 2028 г.\"\n\n\
            Exit codes: 0 set (warnings allowed), 1 refused because of errors (nothing \
            written), 2 usage or I/O failure.")]
    SetActual(crate::edit::SetActual),
    /// Print the completion script of a shell; bash, zsh and fish also complete the ids of the
    /// programme's cases and organisations.
    #[command(after_help = "Set-up:\n  \
            bash        nko-draft completions bash > ~/.local/share/bash-completion/completions/nko-draft\n  \
            zsh         nko-draft completions zsh > ~/.zfunc/_nko-draft   (with fpath+=~/.zfunc before compinit)\n  \
            fish        nko-draft completions fish > ~/.config/fish/completions/nko-draft.fish\n  \
            PowerShell  nko-draft completions powershell | Out-String | Invoke-Expression   (in $PROFILE)\n\n\
            bash, zsh and fish ask `nko-draft __complete` for the ids of the programme that -C \
            names (or of the current folder).")]
    Completions(CompletionsArgs),
    /// Write the manual pages: nko-draft.1 and one page per command (nko-draft-check.1, …).
    Man(ManArgs),
    /// Write the JSON Schemas of the input files (programme.schema.json, steps.schema.json, …),
    /// for an editor to complete and check them as they are typed.
    #[command(after_help = "Example:\n  \
            nko-draft schema --out .schema\n\n\
            A file then names its schema in its first line, which the YAML extension of VS Code \
            reads:\n  \
            # yaml-language-server: $schema=.schema/programme.schema.json\n\
            (init writes both into a new programme.)")]
    Schema(SchemaArgs),
    /// Print the ids of the programme's cases or organisations, one a line (the completion
    /// scripts call it; nothing on errors).
    #[command(name = "__complete", hide = true)]
    Complete(CompleteArgs),
}

/// `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The shells that `completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash 4 and later.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell (commands and flags only, no ids).
    Powershell,
}

/// `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Folder to write the pages to (created if missing).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,
}

/// `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Folder to write the schemas to (created if missing).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,
    /// Language of the descriptions an editor shows.
    #[arg(long, value_enum, default_value_t = crate::locale::Locale::Ru)]
    pub locale: crate::locale::Locale,
}

/// `__complete`.
#[derive(Debug, Args)]
pub struct CompleteArgs {
    /// What to list.
    #[arg(value_enum)]
    pub what: CompleteWhat,
}

/// The ids `__complete` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompleteWhat {
    /// The ids of the cases (the stems of cases/*.yaml).
    Cases,
    /// The ids of organisations.yaml.
    Organisations,
}

/// `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Formats to write, comma-separated. Default: `output.formats` of programme.yaml, else
    /// md,html,pdf,docx.
    #[arg(
        long,
        value_delimiter = ',',
        value_enum,
        value_name = "md,html,pdf,docx"
    )]
    pub format: Option<Vec<crate::model::Format>>,

    /// Output folder (anywhere). Default: `output.dir` of programme.yaml (inside the
    /// programme), else ./out.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// How long each template may run before it is stopped (a programme's own templates may
    /// loop for ever).
    #[arg(long, value_name = "SECONDS", default_value_t = crate::render::DEFAULT_TIMEOUT.as_secs(), value_parser = seconds)]
    pub template_timeout: u64,

    /// The date written into the PDF, as seconds since 1970-01-01 UTC (reproducible builds).
    /// Default: the programme's `date`, else the session's.
    #[arg(
        long,
        env = "SOURCE_DATE_EPOCH",
        value_name = "SECONDS",
        value_parser = source_date_epoch
    )]
    pub source_date_epoch: Option<crate::model::Date>,
}

/// `watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Formats to rebuild, comma-separated. Default: md,html (the PDF takes seconds to typeset).
    #[arg(
        long,
        value_delimiter = ',',
        value_enum,
        value_name = "md,html,pdf,docx"
    )]
    pub format: Option<Vec<crate::model::Format>>,

    /// Output folder (anywhere). Default: `output.dir` of programme.yaml (inside the
    /// programme), else ./out.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Also serve the outputs over HTTP at ADDR and reload the page in the browser after each
    /// rebuild. Default ADDR: 127.0.0.1:3000; a port alone listens on 127.0.0.1 too.
    #[arg(
        long,
        value_name = "ADDR",
        num_args = 0..=1,
        default_missing_value = "127.0.0.1:3000",
        value_parser = address
    )]
    pub serve: Option<std::net::SocketAddr>,

    /// How long each template may run before it is stopped (a programme's own templates may
    /// loop for ever).
    #[arg(long, value_name = "SECONDS", default_value_t = crate::render::DEFAULT_TIMEOUT.as_secs(), value_parser = seconds)]
    pub template_timeout: u64,
}

/// `--serve`: an address and port (`127.0.0.1:3000`, `[::1]:3000`, `0.0.0.0:8080`), or a port
/// alone on the loopback address; `localhost` is the loopback address (no name is looked up).
fn address(s: &str) -> Result<std::net::SocketAddr, BadValue> {
    let s = s.trim();
    let loopback = |port: &str| {
        port.parse::<u16>()
            .ok()
            .map(|port| std::net::SocketAddr::from(([127, 0, 0, 1], port)))
    };
    s.parse()
        .ok()
        .or_else(|| loopback(s))
        .or_else(|| s.strip_prefix("localhost:").and_then(loopback))
        .ok_or(BadValue(msg!(HelpBadAddress, value = s)))
}

/// `SOURCE_DATE_EPOCH` (https://reproducible-builds.org/specs/source-date-epoch/): a whole
/// number of seconds since the epoch; its day in UTC.
fn source_date_epoch(s: &str) -> Result<crate::model::Date, BadValue> {
    let secs: i64 = s
        .trim()
        .parse()
        .map_err(|_| BadValue(msg!(HelpBadEpoch, value = s)))?;
    if !(0..=253_402_300_799).contains(&secs) {
        return Err(BadValue(msg!(HelpBadEpochRange, value = secs.to_string())));
    }
    Ok(crate::model::Date::from_epoch_days(secs.div_euclid(86_400)))
}

/// `--template-timeout`: a whole number of seconds, at least one.
fn seconds(s: &str) -> Result<u64, BadValue> {
    s.trim()
        .parse()
        .ok()
        .filter(|&n| n >= 1)
        .ok_or(BadValue(msg!(HelpBadSeconds)))
}

/// `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The folder of the previous draft (not with --since).
    #[arg(value_name = "OLD", required_unless_present = "since")]
    pub old: Option<PathBuf>,

    /// The folder of the new draft. Default: the current programme.
    #[arg(value_name = "NEW")]
    pub new: Option<PathBuf>,

    /// Compare with the programme as it was at this git revision of the repository that holds
    /// it (a commit, a tag, a branch, HEAD~1); NEW, if given, is then the first argument.
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,

    /// Formats of the comparison table to write, comma-separated. Default with --out:
    /// md,html,pdf,docx.
    #[arg(
        long,
        value_delimiter = ',',
        value_enum,
        value_name = "md,html,pdf,docx"
    )]
    pub format: Option<Vec<crate::model::Format>>,

    /// Folder to write the comparison table to (comparison.md, …). Default with --format: ./out.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The period of the report: a year (2027) or a quarter (2027-Q3), within the programme's
    /// period.
    #[arg(long, value_name = "PERIOD", value_parser = report_period)]
    pub period: crate::model::ReportPeriod,

    /// Formats to write, comma-separated. Default: md,html,pdf,docx.
    #[arg(
        long,
        value_delimiter = ',',
        value_enum,
        value_name = "md,html,pdf,docx"
    )]
    pub format: Option<Vec<crate::model::Format>>,

    /// Output folder (anywhere), for report-2027.md, … Default: `output.dir` of programme.yaml
    /// (inside the programme), else ./out.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// The date of the report, YYYY-MM-DD or DD.MM.YYYY. Default: the last day of the period.
    #[arg(long, value_name = "DATE", value_parser = report_date)]
    pub date: Option<crate::model::Date>,
}

/// `--period`: a report period as the input writes it; a near miss is refused with the form
/// meant (`2027-q3` → `2027-Q3`).
fn report_period(s: &str) -> Result<crate::model::ReportPeriod, BadValue> {
    crate::model::ReportPeriod::parse(s)
        .map_err(|e| BadValue(msg!(CmdReportBadPeriod, why = e.message, hint = e.hint)))
}

/// `--date`: a date as the input writes one.
fn report_date(s: &str) -> Result<crate::model::Date, BadValue> {
    crate::model::Date::parse(s.trim()).map_err(BadValue)
}

/// `templates`.
#[derive(Debug, Args)]
pub struct TemplatesArgs {
    /// Folder to write the templates to.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,
}

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    /// A snippet of the file with a caret under the problem (to stderr).
    Human,
    /// One line each, `file:line:col: severity: message` (to stdout).
    Short,
    /// One JSON document with every finding and the counts (to stdout).
    Json,
    /// GitHub Actions annotations, `::error file=…,line=…,col=…,title=code::message` (to
    /// stdout).
    Github,
}

/// `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fail on warnings too (the SMART checks: deadlines, responsible, results).
    #[arg(long)]
    pub strict: bool,

    /// How to print findings.
    #[arg(long, value_enum, default_value_t = DiagFormat::Human)]
    pub format: DiagFormat,
}

/// `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the programme (created if missing). Default: ./programme
    pub path: Option<PathBuf>,

    /// The programme's full title.
    #[arg(long)]
    pub title: Option<String>,

    /// The region, e.g. «Курская область».
    #[arg(long)]
    pub region: Option<String>,

    /// Language of the skeleton and of the output.
    #[arg(long, value_enum, default_value_t = crate::locale::Locale::Ru)]
    pub locale: crate::locale::Locale,

    /// The session date, YYYY-MM-DD or DD.MM.YYYY. Default: today.
    #[arg(long, value_name = "DATE")]
    pub session_date: Option<String>,
}
