//! `--help` and the usage errors of the command line in the interface language.
//!
//! The clap derive types of [`crate::cli`] (and the `add-*` options of [`crate::edit`]) keep
//! their doc comments as developer documentation; what `--help` prints comes from the
//! catalogue, `locales/<lang>/help.ftl`, in both languages. [`command`] walks the command tree
//! and sets every text by an id made from the command and the argument:
//!
//! - `help-<command>-about`, `help-<command>-long-about`, `help-<command>-after`: a command's
//!   summary, its longer description and the section after the options (`<command>` is
//!   `nko-draft` for the top command);
//! - `help-<command>-<arg>` and `help-<command>-<arg>-long`: an argument (its clap id, `_`
//!   written `-`); the global arguments and the help and version flags are `help-arg-<arg>`;
//! - `help-<command>-<arg>-value-<value>`: a possible value of an argument;
//! - `help-value-<name>`: a placeholder (`<DIR>`).
//!
//! clap's own words (`Usage:`, `Options:`, `[default: …]`, `Possible values:`) are replaced
//! the same way: clap's spec values are hidden and written into the argument's help from the
//! catalogue, in the layout clap gives them. clap's parse errors are caught by [`parse`] and
//! told again from their kind and context ([`usage_error`]) as the rest of the tool prints a
//! failure: `error: …`, a tip, the usage and where to read more.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::builder::PossibleValue;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::{Lang, Message, bundle};
use crate::cli::Cli;

/// The catalogue's text for `id` in `lang`, or `None` when the catalogue has no such message:
/// for the help texts, whose ids are made from the command tree at run time.
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, None, &mut errors)
        .into_owned();
    errors.is_empty().then_some(text)
}

/// The id of an argument's help: shared (`help-arg-…`) for the global arguments and the
/// help and version flags, else under its command.
pub(crate) fn arg_id(command: &str, arg: &Arg) -> String {
    let id = arg.get_id().as_str().replace('_', "-");
    let shared = arg.is_global_set() || matches!(id.as_str(), "help" | "version");
    if shared {
        format!("help-arg-{id}")
    } else {
        format!("help-{command}-{id}")
    }
}

/// The id of a placeholder: `DIR` → `help-value-dir`, `md,html,pdf` → `help-value-md-html-pdf`.
pub(crate) fn value_name_id(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("help-value-{slug}")
}

/// The command line's commands and arguments with every text in `lang`, ready to parse.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command()
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(999),
        );
    cmd = localize(cmd, lang, false)
        .subcommand_value_name(msg!(HelpUsageCommand).text(lang))
        .version(version(lang));
    // The global arguments are copied into every subcommand when the tree is built.
    let global_long = cmd
        .get_arguments()
        .any(|a| a.is_global_set() && a.get_long_help().is_some());
    for sub in cmd.get_subcommands_mut() {
        let own = std::mem::take(sub).disable_help_flag(true);
        *sub = localize(own, lang, global_long);
    }
    // Global arguments are copied into the subcommands, the help subcommand is made and every
    // command learns its full name (`nko-draft check`), so the usages can be written.
    cmd.build();
    finish(&mut cmd, lang);
    cmd
}

/// What `--version` prints after the name: the version, the commit it was built from (see
/// build.rs) and whether PDF support is built in.
pub fn version(lang: Lang) -> String {
    let version = env!("CARGO_PKG_VERSION");
    let commit = env!("NKO_DRAFT_COMMIT");
    let line = if cfg!(feature = "pdf") {
        msg!(CmdVersion, version = version, commit = commit)
    } else {
        msg!(CmdVersionNoPdf, version = version, commit = commit)
    };
    line.text(lang)
}

/// Texts of a command, its arguments and its own help flag, before the command is built;
/// `long` when the command has a longer help anyway (through the global arguments).
fn localize(mut cmd: Command, lang: Lang, long: bool) -> Command {
    // A command's key in the ids is its name: `check`, `nko-draft` for the top command.
    let name = cmd.get_name().to_owned();
    if let Some(about) = lookup(lang, &format!("help-{name}-about")) {
        cmd = cmd.about(about);
    }
    if cmd.get_long_about().is_some()
        && let Some(long) = lookup(lang, &format!("help-{name}-long-about"))
    {
        cmd = cmd.long_about(long);
    }
    if let Some(after) = lookup(lang, &format!("help-{name}-after")) {
        cmd = cmd.after_help(after);
    }
    cmd = cmd.mut_args(|arg| localize_arg(arg, &name, lang));
    // The help flag says whether `--help` shows more than `-h`, as clap's own does.
    let long = long
        || cmd.get_long_about().is_some()
        || cmd.get_arguments().any(|a| a.get_long_help().is_some());
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .display_order(999)
        .help_heading(msg!(HelpHeadingOptions).text(lang));
    let help = if long {
        help.help(msg!(HelpArgHelp).text(lang))
            .long_help(msg!(HelpArgHelpLong).text(lang))
    } else {
        help.help(msg!(HelpArgHelpOnly).text(lang))
    };
    cmd.arg(help)
}

/// An argument's help in `lang`, with its default, environment variable and possible values
/// written from the catalogue as clap would write them.
fn localize_arg(mut arg: Arg, command: &str, lang: Lang) -> Arg {
    let id = arg_id(command, &arg);
    let about = lookup(lang, &id)
        .or_else(|| arg.get_help().map(ToString::to_string))
        .unwrap_or_default();
    let long_about = if arg.get_long_help().is_some() {
        lookup(lang, &format!("{id}-long"))
    } else {
        None
    };
    if let Some(names) = arg
        .get_value_names()
        .filter(|_| arg.get_action().takes_values())
    {
        let names: Vec<String> = names
            .iter()
            .map(|n| lookup(lang, &value_name_id(n)).unwrap_or_else(|| n.to_string()))
            .collect();
        arg = arg.value_names(names);
    }
    let heading = if arg.is_positional() {
        msg!(HelpHeadingArguments)
    } else {
        msg!(HelpHeadingOptions)
    };
    arg = arg.help_heading(heading.text(lang));

    // What clap calls the spec values: [env: …], [default: …], [possible values: …].
    let mut specs = Vec::new();
    if let Some(var) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let value = std::env::var_os(var).unwrap_or_default();
        let env = msg!(
            HelpSpecEnv,
            var = var.to_string_lossy().into_owned(),
            value = value.to_string_lossy().into_owned()
        );
        specs.push(env.text(lang));
    }
    let takes_value = arg.get_action().takes_values();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !arg.is_hide_default_value_set() && !defaults.is_empty() {
        specs.push(msg!(HelpSpecDefault, value = defaults.join(" ")).text(lang));
    }
    // A flag's `true` and `false` are not shown, as clap does not show them.
    let values: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| takes_value && !v.is_hide_set())
        .collect();
    let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
    let listed = (!names.is_empty())
        .then(|| msg!(HelpSpecPossibleValues, values = names.join(", ")).text(lang));
    let value_help: Vec<(String, String)> = values
        .iter()
        .filter_map(|v| {
            let own = lookup(lang, &format!("{id}-value-{}", v.get_name()))
                .or_else(|| v.get_help().map(ToString::to_string))?;
            Some((v.get_name().to_owned(), own))
        })
        .collect();

    // `-h`: the help, then the spec values on the same line.
    let mut short = specs.clone();
    short.extend(listed.clone());
    let short_text = join_nonempty(&about, &short.join(" "), " ");

    // `--help`: the longer help, the possible values one a line with their help, then the
    // spec values, each on its own line.
    let mut long_text = long_about.clone().unwrap_or_else(|| about.clone());
    if !value_help.is_empty() {
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        let mut list = msg!(HelpPossibleValues).text(lang);
        for (name, help) in &value_help {
            let pad = width - name.chars().count();
            list.push_str(&format!("\n- {name}: {:pad$}{help}", ""));
        }
        long_text = join_nonempty(&long_text, &list, "\n\n");
    } else if let Some(listed) = &listed {
        specs.push(listed.clone());
    }
    long_text = join_nonempty(&long_text, &specs.join("\n"), "\n\n");

    arg = arg.help(short_text);
    if takes_value {
        arg = arg.hide_possible_values(true).hide_default_value(true);
    }
    if arg.get_env().is_some() {
        arg = arg.hide_env(true);
    }
    let has_long = long_about.is_some() || !value_help.is_empty() || !specs.is_empty();
    if has_long {
        arg = arg.long_help(long_text);
    }
    arg
}

fn join_nonempty(a: &str, b: &str, sep: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (_, true) => a.to_owned(),
        (true, false) => b.to_owned(),
        (false, false) => format!("{a}{sep}{b}"),
    }
}

/// After the build: the help subcommand, the headings and the usage of every command.
fn finish(cmd: &mut Command, lang: Lang) {
    let usage = general_usage(cmd, lang);
    let template = template(cmd, lang);
    let mut own = std::mem::take(cmd)
        .help_template(template)
        .subcommand_help_heading(msg!(HelpHeadingCommands).text(lang))
        .override_usage(usage);
    for sub in own.get_subcommands_mut() {
        if sub.get_name() == "help" {
            // Made by clap; in a built tree it holds a copy of every command, for completions.
            let mut help = std::mem::take(sub);
            help = help
                .about(lookup(lang, "help-help-about").unwrap_or_default())
                .subcommand_value_name(msg!(HelpUsageCommand).text(lang));
            for copy in help.get_subcommands_mut() {
                let id = format!("help-{}-about", copy.get_name());
                let text = lookup(lang, &id).unwrap_or_default();
                *copy = std::mem::take(copy).about(text);
            }
            *sub = help;
        }
        finish(sub, lang);
    }
    *cmd = own;
}

/// The help's layout as clap's, with its `Usage:` heading from the catalogue.
fn template(cmd: &Command, lang: Lang) -> String {
    let style = cmd.get_styles().get_usage();
    let heading = msg!(HelpHeadingUsage).text(lang);
    format!(
        "{{before-help}}{{about-with-newline}}\n{style}{heading}{style:#} {{usage}}\n\n{{all-args}}{{after-help}}"
    )
}

/// A command's usage as clap writes it, with `[OPTIONS]` in `lang`.
fn general_usage(cmd: &mut Command, lang: Lang) -> String {
    let plain = cmd.render_usage().to_string();
    let plain = plain.strip_prefix("Usage: ").unwrap_or(&plain);
    let options = msg!(HelpUsageOptions).text(lang);
    plain.replacen("[OPTIONS]", &format!("[{options}]"), 1)
}

/// The usage of `path` (`["add-step"]`, or none for the top command) as the help writes it:
/// `nko-draft add-step [OPTIONS]`.
fn usage_of(cmd: &Command, path: &[String]) -> String {
    let mut at = cmd;
    for name in path {
        match at.find_subcommand(name) {
            Some(sub) => at = sub,
            None => break,
        }
    }
    // `render_usage` needs `&mut`; the usage was set by `finish`, so a clone renders it.
    let plain = at.clone().render_usage().to_string();
    plain
        .strip_prefix("Usage: ")
        .unwrap_or(&plain)
        .trim_end()
        .to_owned()
}

/// Parses `args` (the program's name first) with the texts in `lang`. `--help` and
/// `--version` print to standard output and give exit code 0; a usage error is printed to
/// standard error in `lang` (coloured when `colour`) and gives 2.
pub fn parse(args: &[OsString], lang: Lang, colour: bool) -> Result<Cli, ExitCode> {
    let mut cmd = command(lang);
    let parsed = cmd
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let err = match parsed {
        Ok(cli) => return Ok(cli),
        Err(err) => err,
    };
    match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // A closed standard output is nobody's error here.
            let _ = err.print();
            Err(ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2)))
        }
        _ => {
            let path = subcommand_in(&cmd, args);
            let text = usage_error(&err, &cmd, &path, lang, colour);
            eprint(&text);
            Err(ExitCode::from(2))
        }
    }
}

fn eprint(text: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// The subcommand named on the command line, if any: the first word that is not an option or
/// the value of one of the top command's options.
fn subcommand_in(cmd: &Command, args: &[OsString]) -> Vec<String> {
    let takes_value = |word: &str| {
        cmd.get_arguments().any(|a| {
            a.get_action().takes_values()
                && (a.get_long().is_some_and(|l| word == format!("--{l}"))
                    || a.get_short().is_some_and(|s| word == format!("-{s}")))
        })
    };
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word.starts_with('-') {
            if takes_value(&word) {
                words.next();
            }
            continue;
        }
        if cmd.find_subcommand(word.as_ref()).is_some() && word != "help" {
            return vec![word.into_owned()];
        }
        break;
    }
    Vec::new()
}

/// `--lang <LANG>` → `--lang`: how an argument is named in a message.
fn flag(arg: &str) -> String {
    arg.split([' ', '=']).next().unwrap_or(arg).to_owned()
}

fn string(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

fn number(err: &clap::Error, kind: ContextKind) -> i64 {
    match err.get(kind) {
        Some(ContextValue::Number(n)) => i64::try_from(*n).unwrap_or(0),
        _ => 0,
    }
}

/// A value refused by one of the command line's own value parsers, with why in every
/// language (clap shows it in English, as its `Display`; [`usage_error`] in the user's).
#[derive(Debug)]
pub struct BadValue(pub Message);

impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for BadValue {}

/// What went wrong, from the error's kind and context.
fn what(err: &clap::Error) -> Message {
    let arg = string(err, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(err, ContextKind::InvalidValue).unwrap_or_default();
    let valid = strings(err, ContextKind::ValidValue).join(", ");
    match err.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            msg!(HelpErrorUnknownArgument, arg = arg)
        }
        ErrorKind::UnknownArgument => msg!(HelpErrorUnexpectedWord, arg = arg),
        ErrorKind::InvalidValue if value.is_empty() && valid.is_empty() => {
            msg!(HelpErrorNoValue, arg = flag(&arg))
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            msg!(HelpErrorNoValueOf, arg = flag(&arg), values = valid)
        }
        ErrorKind::InvalidValue if valid.is_empty() => {
            msg!(HelpErrorInvalidValue, arg = flag(&arg), value = value)
        }
        ErrorKind::InvalidValue => msg!(
            HelpErrorInvalidValueOf,
            arg = flag(&arg),
            value = value,
            values = valid
        ),
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(err);
            let why = source.and_then(|s| {
                if let Some(bad) = s.downcast_ref::<BadValue>() {
                    Some(bad.0.clone())
                } else if s.downcast_ref::<std::num::ParseIntError>().is_some() {
                    Some(msg!(HelpBadNumber))
                } else {
                    // clap's ranged number parsers: `99999999999 is not in 0..=4294967295`.
                    let text = s.to_string();
                    let (_, range) = text.split_once(" is not in ")?;
                    let (from, to) = range.split_once("..=")?;
                    Some(msg!(HelpBadRange, from = from, to = to))
                }
            });
            match why {
                Some(why) => msg!(
                    HelpErrorValueRefused,
                    arg = flag(&arg),
                    value = value,
                    why = why
                ),
                None => msg!(HelpErrorInvalidValue, arg = flag(&arg), value = value),
            }
        }
        ErrorKind::InvalidSubcommand => {
            let name = string(err, ContextKind::InvalidSubcommand).unwrap_or_default();
            msg!(HelpErrorUnknownCommand, name = name)
        }
        ErrorKind::MissingSubcommand => {
            // The hidden commands (`__complete`, for the shells) are not offered.
            let mut names = strings(err, ContextKind::ValidSubcommand);
            names.retain(|n| !n.starts_with("__"));
            let names = names.join(", ");
            msg!(HelpErrorMissingCommand, names = names)
        }
        ErrorKind::MissingRequiredArgument => {
            let args = strings(err, ContextKind::InvalidArg);
            msg!(
                HelpErrorMissingArguments,
                count = args.len(),
                args = args.join(", ")
            )
        }
        ErrorKind::TooManyValues => msg!(HelpErrorTooManyValues, arg = flag(&arg), value = value),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected = number(err, ContextKind::MinValues)
                .max(number(err, ContextKind::ExpectedNumValues));
            msg!(
                HelpErrorNumberOfValues,
                arg = flag(&arg),
                expected = expected,
                given = number(err, ContextKind::ActualNumValues)
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = strings(err, ContextKind::PriorArg);
            if prior.is_empty() || prior.contains(&arg) {
                msg!(HelpErrorTwice, arg = flag(&arg))
            } else {
                let prior: Vec<String> = prior.iter().map(|p| flag(p)).collect();
                msg!(
                    HelpErrorConflict,
                    arg = flag(&arg),
                    other = prior.join(", ")
                )
            }
        }
        ErrorKind::NoEquals => msg!(HelpErrorNoEquals, arg = flag(&arg)),
        ErrorKind::InvalidUtf8 => msg!(HelpErrorUtf8),
        _ => msg!(HelpErrorOther),
    }
}

/// The tips clap adds: a similar argument, command or value, and its ready-made suggestions
/// (read back from their English wording, the only form clap keeps them in).
fn tips(err: &clap::Error) -> Vec<Message> {
    let mut tips = Vec::new();
    let names = strings(err, ContextKind::SuggestedSubcommand);
    if !names.is_empty() {
        tips.push(msg!(
            HelpTipSimilarCommand,
            count = names.len(),
            names = names.join(", ")
        ));
    }
    if let Some(arg) = string(err, ContextKind::SuggestedArg) {
        tips.push(msg!(HelpTipSimilarArgument, arg = arg));
    }
    if let Some(value) = string(err, ContextKind::SuggestedValue) {
        tips.push(msg!(HelpTipSimilarValue, value = value));
    }
    if let Some(ContextValue::StyledStrs(list)) = err.get(ContextKind::Suggested) {
        for tip in list {
            let text = tip.to_string();
            if let Some(rest) = text.strip_prefix("to pass '")
                && let Some((word, _)) = rest.split_once("' as a value, use '")
            {
                tips.push(msg!(HelpTipAsValue, word = word));
            } else if let Some(rest) = text.strip_prefix("subcommand '")
                && let Some((name, _)) = rest.split_once("' exists;")
            {
                tips.push(msg!(HelpTipNoDoubleDash, name = name));
            } else if let Some(rest) = text.strip_prefix('\'')
                && let Some(line) = rest.strip_suffix("' exists")
            {
                tips.push(msg!(HelpTipOtherCommand, line = line));
            }
        }
    }
    tips
}

/// A usage error as the tool prints it: `error: …`, the tips, the usage of the command (or
/// of `path`), and where to read more.
pub fn usage_error(
    err: &clap::Error,
    cmd: &Command,
    path: &[String],
    lang: Lang,
    colour: bool,
) -> String {
    render(&what(err), &tips(err), cmd, path, lang, colour)
}

/// A usage error that the parser did not find (`add-*` without its required flags off a
/// terminal), printed as [`usage_error`] prints clap's.
pub fn usage_error_text(why: &Message, command: Option<&str>, lang: Lang, colour: bool) -> String {
    let cmd = self::command(lang);
    let path: Vec<String> = command.into_iter().map(str::to_owned).collect();
    render(why, &[], &cmd, &path, lang, colour)
}

/// `--case and --title` / `--case и --title`: flags named in a message.
pub fn and_list(items: &[&str], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [head @ .., last] => msg!(HelpListAnd, head = head.join(", "), last = *last).text(lang),
    }
}

fn render(
    what: &Message,
    tips: &[Message],
    cmd: &Command,
    path: &[String],
    lang: Lang,
    colour: bool,
) -> String {
    let (red, green, bold, reset) = if colour {
        ("\x1b[1;31m", "\x1b[1;32m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "", "")
    };
    let word = crate::diagnostic::Severity::Error.word(lang);
    let mut out = format!("{red}{word}{reset}: {}", what.text(lang));
    if !tips.is_empty() {
        out.push('\n');
        let tip = msg!(HelpTip).text(lang);
        for t in tips {
            out.push_str(&format!("\n  {green}{tip}{reset}: {}", t.text(lang)));
        }
    }
    let usage = usage_of(cmd, path);
    let heading = msg!(HelpHeadingUsage).text(lang);
    out.push_str(&format!("\n\n{bold}{heading}{reset} {usage}"));
    let mut full = vec![cmd.get_name().to_owned()];
    full.extend(path.iter().cloned());
    let more = msg!(HelpErrorMore, command = full.join(" ")).text(lang);
    out.push_str(&format!("\n\n{more}"));
    out
}

/// `--color` (or `--color=`) as written on a command line, read before parsing so that a
/// usage error follows it; `None` when absent or not one of the choices.
pub fn color_in_args<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Option<crate::cli::ColorChoice> {
    use clap::ValueEnum as _;
    let mut words = args.iter().map(|a| a.as_ref().to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            return None;
        }
        let value = if word == "--color" {
            words.next().map(|v| v.into_owned())
        } else {
            word.strip_prefix("--color=").map(str::to_owned)
        };
        if let Some(value) = value {
            return crate::cli::ColorChoice::from_str(&value, false).ok();
        }
    }
    None
}

/// Every help id the command tree needs, with the developer's text of the derive types
/// (English): for the test that the catalogue has them all, and none more.
#[cfg(test)]
fn needed_ids() -> Vec<(String, String)> {
    fn walk(cmd: &Command, under_help: bool, out: &mut Vec<(String, String)>) {
        let name = cmd.get_name();
        let text = |s: Option<&clap::builder::StyledStr>| s.map(ToString::to_string);
        out.push((
            format!("help-{name}-about"),
            text(cmd.get_about()).unwrap_or_default(),
        ));
        if under_help {
            // The copies of the commands under `help` (for completions) have only their about.
            return;
        }
        if let Some(long) = text(cmd.get_long_about()) {
            out.push((format!("help-{name}-long-about"), long));
        }
        if let Some(after) = text(cmd.get_after_help()) {
            out.push((format!("help-{name}-after"), after));
        }
        for arg in cmd.get_arguments() {
            let id = arg_id(name, arg);
            out.push((id.clone(), text(arg.get_help()).unwrap_or_default()));
            if let Some(long) = text(arg.get_long_help()) {
                out.push((format!("{id}-long"), long));
            }
            for v in arg.get_possible_values() {
                if let Some(help) = v.get_help() {
                    out.push((format!("{id}-value-{}", v.get_name()), help.to_string()));
                }
            }
            let takes_values = arg.get_action().takes_values();
            for n in arg
                .get_value_names()
                .filter(|_| takes_values)
                .unwrap_or_default()
            {
                out.push((value_name_id(n), n.to_string()));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, under_help || cmd.get_name() == "help", out);
        }
    }
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, false, &mut out);
    let mut seen = std::collections::HashSet::new();
    out.retain(|(id, _)| seen.insert(id.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Msg;

    /// Help ids that the code names itself (`msg!`) rather than making them from the tree.
    const FIXED: [&str; 9] = [
        "help-heading-",
        "help-usage-",
        "help-possible-values",
        "help-spec-",
        "help-tip",
        "help-error-",
        "help-list-",
        "help-bad-",
        "help-arg-help-only",
    ];

    /// Every command and argument of the tree (the global ones, `--help` and `--version`
    /// included), every placeholder and every possible value that has a help has its text in
    /// both languages, and the catalogue has no help text for anything that is not there.
    #[test]
    fn the_catalogue_has_a_text_for_every_command_and_argument_and_no_more() {
        let needed = needed_ids();
        let ids: Vec<&str> = needed.iter().map(|(id, _)| id.as_str()).collect();
        for shared in [
            "help-arg-dir",
            "help-arg-lang",
            "help-arg-color",
            "help-arg-help",
        ] {
            assert!(ids.contains(&shared), "the walk misses {shared}");
        }
        assert!(ids.contains(&"help-arg-version"));
        assert!(ids.contains(&"help-help-about"));
        for lang in [Lang::En, Lang::Ru] {
            for id in &ids {
                let text = lookup(lang, id);
                assert!(
                    text.as_deref().is_some_and(|t| !t.trim().is_empty()),
                    "{lang:?}: no help text `{id}`"
                );
            }
        }
        for m in Msg::ALL {
            let id = m.id();
            if !id.starts_with("help-") || FIXED.iter().any(|f| id.starts_with(f)) {
                continue;
            }
            assert!(ids.contains(&id), "`{id}` is the help of nothing");
        }
    }

    /// The English catalogue says what the doc comments of the derive types say, so that the
    /// developer's documentation and the English help do not drift apart.
    #[test]
    fn english_help_is_what_the_doc_comments_say() {
        for (id, doc) in needed_ids() {
            let text = lookup(Lang::En, &id).unwrap_or_default();
            assert_eq!(text, doc, "`{id}` differs from the derive types");
        }
    }

    /// Every text of the Russian tree comes from the catalogue: no English sentence of the
    /// derive types or of clap is left in it.
    #[test]
    fn the_russian_tree_has_no_english_text() {
        fn walk(cmd: &Command, english: &[String], found: &mut Vec<String>) {
            let mut texts: Vec<String> =
                [cmd.get_about(), cmd.get_long_about(), cmd.get_after_help()]
                    .into_iter()
                    .flatten()
                    .map(ToString::to_string)
                    .collect();
            for arg in cmd.get_arguments() {
                texts.extend(arg.get_help().map(ToString::to_string));
                texts.extend(arg.get_long_help().map(ToString::to_string));
                texts.extend(arg.get_help_heading().map(str::to_owned));
            }
            for t in texts {
                if english.contains(&t) || t.contains("Options") || t.contains("Possible") {
                    found.push(t);
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, english, found);
            }
        }
        let english: Vec<String> = needed_ids()
            .into_iter()
            .filter(|(id, _)| !id.starts_with("help-value-"))
            .map(|(_, doc)| doc)
            // A few doc comments are Russian already (Срок, Должность).
            .filter(|doc| !doc.starts_with(|c: char| matches!(c, 'А'..='я')))
            .collect();
        let mut found = Vec::new();
        walk(&command(Lang::Ru), &english, &mut found);
        assert!(found.is_empty(), "English in the Russian help: {found:#?}");
    }

    #[test]
    fn a_usage_error_names_the_flag_and_the_values_in_the_users_language() {
        let mut cmd = command(Lang::Ru);
        let err = cmd
            .try_get_matches_from_mut(["nko-draft", "--lang", "de", "check"])
            .expect_err("de is no language");
        let text = usage_error(&err, &cmd, &[], Lang::Ru, false);
        assert!(
            text.starts_with(
                "ошибка: недопустимое значение «de» для --lang; возможные значения: ru, en"
            ),
            "{text}"
        );
        assert!(text.ends_with("Подробнее: nko-draft --help"), "{text}");
        let mut cmd = command(Lang::En);
        let err = cmd
            .try_get_matches_from_mut(["nko-draft", "check", "--formt"])
            .expect_err("no such flag");
        let text = usage_error(&err, &cmd, &["check".to_owned()], Lang::En, false);
        assert!(
            text.contains("tip: a similar argument exists: '--format'"),
            "{text}"
        );
        assert!(text.contains("Usage: nko-draft check [OPTIONS]"), "{text}");
    }

    #[test]
    fn the_subcommand_is_found_past_the_global_options() {
        let cmd = command(Lang::En);
        let args = |list: &[&str]| -> Vec<OsString> { list.iter().map(OsString::from).collect() };
        assert_eq!(
            subcommand_in(&cmd, &args(&["nko-draft", "-C", "check", "build", "-x"])),
            ["build"]
        );
        assert_eq!(
            subcommand_in(&cmd, &args(&["nko-draft", "--color=never", "add-step"])),
            ["add-step"]
        );
        assert!(subcommand_in(&cmd, &args(&["nko-draft", "chek"])).is_empty());
        assert_eq!(
            color_in_args(&["nko-draft", "--color", "never"]),
            Some(crate::cli::ColorChoice::Never)
        );
        assert_eq!(color_in_args(&["nko-draft", "--", "--color=always"]), None);
    }

    #[test]
    fn lists_are_joined_as_the_language_joins_them() {
        assert_eq!(
            and_list(&["--case", "--title"], Lang::Ru),
            "--case и --title"
        );
        assert_eq!(and_list(&["a", "b", "c"], Lang::En), "a, b and c");
        assert_eq!(and_list(&["--name"], Lang::En), "--name");
    }
}
