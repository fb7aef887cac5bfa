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
    /// The programme root (the folder holding programme.yaml). Default: the current folder if
    /// it holds programme.yaml, else ./programme/.
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
}

/// `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Formats to write, comma-separated. Default: `output.formats` of programme.yaml, else
    /// md,html,pdf.
    #[arg(long, value_delimiter = ',', value_enum, value_name = "md,html,pdf")]
    pub format: Option<Vec<FormatArg>>,

    /// Output folder. Default: `output.dir` of programme.yaml (relative to the programme),
    /// else ./out.
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
