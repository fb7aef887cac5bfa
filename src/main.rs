//! The `nko-draft` binary: parses arguments, calls one library function per command, prints,
//! and exits with 0 (ok), 1 (the input has errors) or 2 (usage or I/O failure).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use nko_draft::cli::{
    BuildArgs, CheckArgs, Cli, ColorChoice, Command, DiagFormat, FormatArg, InitArgs, LocaleArg,
};
use nko_draft::diagnostic::{self, Diagnostic};
use nko_draft::locale::Locale;
use nko_draft::model::Format;
use nko_draft::{Checked, build, error, init, model::Date};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let colour = use_colour(cli.color);
    match run(cli, colour) {
        Ok(code) => code,
        Err(err) => {
            print_failure(&err, colour);
            ExitCode::from(2)
        }
    }
}

/// Colour on stderr when it is a terminal and NO_COLOR is unset, or when forced.
fn use_colour(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

fn print_failure(err: &anyhow::Error, colour: bool) {
    let (red, cyan, reset) = if colour {
        ("\x1b[1;31m", "\x1b[1;36m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let mut msg = format!("{red}error{reset}: {err}");
    for cause in err.chain().skip(1) {
        msg.push_str(&format!("\n  caused by: {cause}"));
    }
    if let Some(hint) = error::hint(err) {
        msg.push_str(&format!("\n{cyan}hint{reset}: {hint}"));
    }
    eprintln!("{msg}");
}

fn run(cli: Cli, colour: bool) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check(cli.dir.as_deref(), &args, colour),
        Command::Build(args) => build_cmd(cli.dir, args, colour),
        Command::Init(args) => init_cmd(cli.dir, args),
        Command::Templates(args) => {
            let written = nko_draft::render::write_built_in(&args.out)?;
            for path in written {
                println!("wrote {}", path.display());
            }
            println!(
                "copy the ones you change into the programme's templates/ folder; \
                 the rest keep using the built-in versions"
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(dir: Option<&std::path::Path>, args: &CheckArgs, colour: bool) -> Result<ExitCode> {
    let checked = nko_draft::check(dir)?;
    print_findings(&checked, args.format, colour)?;
    let (errors, warnings) = checked.counts();
    if args.format == DiagFormat::Human {
        let root = display_root(&checked.input.root);
        if errors == 0 && warnings == 0 {
            eprintln!("ok: {root} has no problems");
        } else {
            eprintln!("{root}: {}", diagnostic::summary(errors, warnings));
        }
    }
    let failed = errors > 0 || (args.strict && warnings > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The root as the user would recognise it: its path, or the current folder's name for `.`.
fn display_root(root: &std::path::Path) -> String {
    if root == std::path::Path::new(".")
        && let Ok(cwd) = std::env::current_dir()
    {
        return cwd.display().to_string();
    }
    root.display().to_string()
}

/// Prints findings in the chosen format: people's to stderr, tools' to stdout.
fn print_findings(checked: &Checked, format: DiagFormat, colour: bool) -> Result<()> {
    let texts = checked.input.texts();
    match format {
        DiagFormat::Human => {
            let mut err = std::io::stderr().lock();
            for d in &checked.diagnostics {
                let source = texts.get(d.file.as_str()).copied();
                writeln!(err, "{}", diagnostic::render_human(d, source, colour))?;
            }
        }
        DiagFormat::Short => {
            let mut out = std::io::stdout().lock();
            for d in &checked.diagnostics {
                writeln!(out, "{}", diagnostic::render_short(d))?;
            }
        }
        DiagFormat::Json => {
            let all: &[Diagnostic] = &checked.diagnostics;
            std::io::stdout()
                .lock()
                .write_all(diagnostic::render_json(all).as_bytes())?;
        }
    }
    Ok(())
}

fn build_cmd(dir: Option<std::path::PathBuf>, args: BuildArgs, colour: bool) -> Result<ExitCode> {
    let opts = build::BuildOptions {
        dir,
        formats: args.format.map(|f| {
            f.into_iter()
                .map(|f| match f {
                    FormatArg::Md => Format::Md,
                    FormatArg::Html => Format::Html,
                    FormatArg::Pdf => Format::Pdf,
                })
                .collect()
        }),
        out: args.out,
    };
    let built = build::build(&opts)?;
    print_findings(&built.checked, DiagFormat::Human, colour)?;
    let (errors, warnings) = built.checked.counts();
    if errors > 0 {
        eprintln!(
            "{}: {}; nothing was written",
            display_root(&built.checked.input.root),
            diagnostic::summary(errors, warnings)
        );
        return Ok(ExitCode::from(1));
    }
    if warnings > 0 {
        eprintln!(
            "{}: {}",
            display_root(&built.checked.input.root),
            diagnostic::summary(errors, warnings)
        );
    }
    for (path, size) in &built.written {
        println!("wrote {} ({})", path.display(), human_size(*size));
    }
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

fn init_cmd(dir: Option<std::path::PathBuf>, args: InitArgs) -> Result<ExitCode> {
    let target = args
        .path
        .or(dir)
        .unwrap_or_else(|| std::path::PathBuf::from("programme"));
    let session_date = match &args.session_date {
        Some(s) => Date::parse(s).map_err(|why| {
            error::Failure::hinted(
                format!("--session-date: {why}"),
                "give the date as YYYY-MM-DD, e.g. 2026-11-28",
            )
        })?,
        None => init::today(),
    };
    let opts = init::InitOptions {
        dir: target.clone(),
        title: args.title,
        region: args.region,
        locale: match args.locale {
            LocaleArg::Ru => Locale::Ru,
            LocaleArg::En => Locale::En,
        },
        session_date,
    };
    let written = init::init(&opts)?;
    println!(
        "created a programme in {} ({} files)",
        target.display(),
        written.len()
    );
    println!(
        "next: edit the files, then run `nko-draft -C {} check`",
        target.display()
    );
    Ok(ExitCode::SUCCESS)
}
