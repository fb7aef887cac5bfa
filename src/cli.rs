//! Command-line arguments (clap derive types only; `main` maps them to library calls).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turns what a strategic session of NGOs agreed into a draft regional programme.
#[derive(Debug, Parser)]
#[command(
    name = "nko-draft",
    version,
    about = "Turns what a strategic session of NGOs agreed into a draft regional programme \
             (Markdown, HTML, PDF)",
    after_help = "Examples:\n  \
        nko-draft init kursk --title \"Программа …\"   start a programme in ./kursk\n  \
                nko-draft check                               check ./programme (or the current folder)\n  \
        nko-draft build                               write out/programme.{md,html,pdf}\n  \
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
    /// Check the programme, then write it as Markdown, HTML and PDF (warnings are printed,
    /// errors stop the build and nothing is written).
    Build(BuildArgs),
    /// Write a complete, commented skeleton of a programme that passes `check`.
    Init(InitArgs),
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
            written), 2 usage or I/O failure."
    )]
    AddStep(AddStepArgs),
    /// Append a proposal of a working group to the `proposals` of cases/<case>.yaml.
    #[command(
        after_help = "Exit codes: 0 added, 1 refused because of errors (nothing \
        written), 2 usage or I/O failure."
    )]
    AddProposal(AddProposalArgs),
    /// Append a participant of the session to participants.yaml (created if missing).
    #[command(
        after_help = "Exit codes: 0 added, 1 refused because of errors (nothing \
        written), 2 usage or I/O failure."
    )]
    AddParticipant(AddParticipantArgs),
}

/// `add-step`.
#[derive(Debug, Args)]
pub struct AddStepArgs {
    /// The case (its id: the stem of cases/<case>.yaml). Required.
    #[arg(long, value_name = "CASE")]
    pub case: Option<String>,

    /// Наименование мероприятия: the step's title. Required (asked for on a terminal).
    #[arg(long)]
    pub title: Option<String>,

    /// Содержание: what the step involves.
    #[arg(long)]
    pub description: Option<String>,

    /// Срок: 2027-12-01, by 2027-12-01, 2027-Q2, 2027-H1, 2027..2029, annually Q4, …
    #[arg(long)]
    pub deadline: Option<String>,

    /// Responsible organisation id, the lead first (repeat, or separate with commas).
    #[arg(long, value_name = "ORG", value_delimiter = ',')]
    pub responsible: Vec<String>,

    /// Partner organisation id (repeat, or separate with commas).
    #[arg(long, value_name = "ORG", value_delimiter = ',')]
    pub partner: Vec<String>,

    /// Ожидаемый результат, preferably with a number.
    #[arg(long)]
    pub result: Option<String>,

    /// Target indicator id (repeat, or separate with commas).
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub indicator: Vec<String>,

    /// Proposal id of the same case that the step carries out (repeat, or separate with commas).
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub proposal: Vec<String>,

    /// Status; when absent none is written (agreed).
    #[arg(long, value_enum)]
    pub status: Option<StepStatusArg>,

    /// The step's id. Default: <case>-<n> with the next free n.
    #[arg(long)]
    pub id: Option<String>,

    /// Check and print the text that would be appended; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// `--status` of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StepStatusArg {
    /// Agreed at the session.
    Agreed,
    /// Proposed, to be agreed with the executors.
    Proposed,
    /// Disputed.
    Disputed,
}

/// `add-proposal`.
#[derive(Debug, Args)]
pub struct AddProposalArgs {
    /// The case (its id). Required.
    #[arg(long, value_name = "CASE")]
    pub case: Option<String>,

    /// The proposal. Required (asked for on a terminal).
    #[arg(long)]
    pub text: Option<String>,

    /// Problem id of the same case that it answers (repeat, or separate with commas).
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub problem: Vec<String>,

    /// Votes it got.
    #[arg(long)]
    pub votes: Option<u32>,

    /// Status; when absent none is written (accepted).
    #[arg(long, value_enum)]
    pub status: Option<ProposalStatusArg>,

    /// Why it was deferred or rejected.
    #[arg(long)]
    pub reason: Option<String>,

    /// The proposal's id. Default: the next in the case's pattern (part-pr6), else <case>-pr<n>.
    #[arg(long)]
    pub id: Option<String>,

    /// Check and print the text that would be added; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// `--status` of a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProposalStatusArg {
    /// Accepted: a step should carry it out.
    Accepted,
    /// Deferred.
    Deferred,
    /// Rejected.
    Rejected,
}

/// `add-participant`.
#[derive(Debug, Args)]
pub struct AddParticipantArgs {
    /// «Фамилия Имя Отчество». Required (asked for on a terminal).
    #[arg(long)]
    pub name: Option<String>,

    /// Должность.
    #[arg(long)]
    pub position: Option<String>,

    /// Organisation id.
    #[arg(long, value_name = "ORG")]
    pub organisation: Option<String>,

    /// Role at the session; when absent none is written (participant).
    #[arg(long, value_enum)]
    pub role: Option<RoleArg>,

    /// Case the person worked in (repeat, or separate with commas).
    #[arg(long = "case", value_name = "CASE", value_delimiter = ',')]
    pub cases: Vec<String>,

    /// Never print the person's name, only the organisation and the counts.
    #[arg(long)]
    pub no_publish: bool,

    /// The participant's id. Default: the surname in latin letters (ivanova), made unique.
    #[arg(long)]
    pub id: Option<String>,

    /// Check and print the text that would be appended; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// `--role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// Спикер.
    Speaker,
    /// Модератор.
    Moderator,
    /// Эксперт.
    Expert,
    /// Участник.
    Participant,
}

/// `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Formats to write, comma-separated. Default: `output.formats` of programme.yaml, else
    /// md,html,pdf.
    #[arg(long, value_delimiter = ',', value_enum, value_name = "md,html,pdf")]
    pub format: Option<Vec<FormatArg>>,

    /// Output folder (anywhere). Default: `output.dir` of programme.yaml (inside the
    /// programme), else ./out.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// An output format on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// GitHub-flavoured Markdown.
    Md,
    /// One self-contained, accessible HTML page.
    Html,
    /// Tagged PDF (PDF/UA-1).
    Pdf,
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
    #[arg(long, value_enum, default_value_t = LocaleArg::Ru)]
    pub locale: LocaleArg,

    /// The session date, YYYY-MM-DD. Default: today.
    #[arg(long, value_name = "DATE")]
    pub session_date: Option<String>,
}

/// `--locale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LocaleArg {
    /// Russian.
    Ru,
    /// English.
    En,
}
