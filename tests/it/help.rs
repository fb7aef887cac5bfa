//! `--help` of every command and the usage errors, in English and in Russian (by `--lang` and
//! by the system locale), with their exit codes.

use crate::common::{Project, Run, run_env};

/// Every command, as typed after `nko-draft` (the top command is the empty list).
const COMMANDS: [&[&str]; 13] = [
    &[],
    &["check"],
    &["build"],
    &["watch"],
    &["init"],
    &["report"],
    &["templates"],
    &["add-step"],
    &["add-proposal"],
    &["add-participant"],
    &["add-progress"],
    &["set-actual"],
    &["schema"],
];

/// Runs `nko-draft ARGS` in an empty folder, 100 columns wide, with `env` set.
fn run(args: &[&str], env: &[(&str, &str)]) -> Run {
    let p = Project::empty();
    let mut all = vec![("COLUMNS", "100")];
    all.extend_from_slice(env);
    let run = run_env(p.tmp(), args, &all, Some(p.tmp()));
    run.assert_no_crash(&format!("{args:?}"));
    run
}

fn name<'a>(command: &[&'a str]) -> &'a str {
    command.first().copied().unwrap_or("nko-draft")
}

#[test]
fn help_of_every_command_in_english() {
    for command in COMMANDS {
        let mut args = vec!["--lang", "en"];
        args.extend_from_slice(command);
        args.push("--help");
        let run = run(&args, &[("LANG", "ru_RU.UTF-8")]);
        assert_eq!(run.code, 0, "{}", run.report());
        assert!(run.stderr.is_empty(), "{}", run.report());
        insta::assert_snapshot!(format!("en-{}", name(command)), run.report());
        // The system locale gives the same when it is not Russian.
        let mut plain = command.to_vec();
        plain.push("--help");
        assert_eq!(run.stdout, self::run(&plain, &[("LANG", "C")]).stdout);
    }
}

#[test]
fn help_of_every_command_in_russian() {
    for command in COMMANDS {
        let mut args = command.to_vec();
        args.extend(["--help", "--lang", "ru"]);
        let run = run(&args, &[("LANG", "C")]);
        assert_eq!(run.code, 0, "{}", run.report());
        assert!(run.stderr.is_empty(), "{}", run.report());
        insta::assert_snapshot!(format!("ru-{}", name(command)), run.report());
        // A Russian system locale gives the same without the flag.
        let mut plain = command.to_vec();
        plain.push("--help");
        let by_locale = self::run(&plain, &[("LANG", "ru_RU.UTF-8")]);
        assert_eq!(run.stdout, by_locale.stdout, "LANG=ru_RU.UTF-8 {plain:?}");
        // `-h` is the short form, also in Russian.
        let mut short = command.to_vec();
        short.extend(["-h", "--lang", "ru"]);
        let short = self::run(&short, &[]);
        assert_eq!(short.code, 0, "{}", short.report());
        assert!(
            short.stdout.contains("Использование: nko-draft"),
            "{}",
            short.report()
        );
        assert!(
            short.stdout.contains("(подробнее — с --help)"),
            "{}",
            short.report()
        );
    }
}

#[test]
fn the_help_subcommand_and_the_version() {
    let run = self::run(&["help", "check"], &[("LANG", "ru_RU.UTF-8")]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(
        run.stdout.starts_with("Проверить программу"),
        "{}",
        run.report()
    );
    let top = self::run(&["--lang", "ru", "--help"], &[]);
    assert!(
        top.stdout
            .contains("help             Показать эту справку или справку по команде"),
        "{}",
        top.report()
    );
    let version = self::run(&["--version"], &[("LANG", "ru_RU.UTF-8")]);
    assert_eq!(version.code, 0, "{}", version.report());
    assert!(
        version
            .stdout
            .starts_with(&format!("nko-draft {} (коммит ", env!("CARGO_PKG_VERSION"))),
        "{}",
        version.stdout
    );
    // Without a command, the help is printed to standard error as a usage error.
    let none = self::run(&[], &[("LANG", "ru_RU.UTF-8")]);
    assert_eq!(none.code, 2, "{}", none.report());
    assert!(
        none.stderr
            .contains("Использование: nko-draft [ПАРАМЕТРЫ] <КОМАНДА>")
    );
}

/// Usage errors: what was wrong, a tip when clap has one, the usage and where to read more;
/// exit code 2 in both languages.
#[test]
fn usage_errors_in_both_languages() {
    let cases: [(&str, &[&str]); 13] = [
        ("unknown-argument", &["check", "--formt", "short"]),
        ("invalid-language", &["--lang", "de", "check"]),
        ("missing-value", &["check", "--format"]),
        ("unknown-command", &["chek"]),
        ("missing-command", &["--color", "never"]),
        ("missing-required", &["templates"]),
        ("too-many-values", &["check", "--strict=yes"]),
        ("flag-of-another-command", &["--strict", "check"]),
        ("refused-value", &["build", "--template-timeout", "0"]),
        ("not-a-number", &["add-proposal", "--votes", "many"]),
        (
            "number-too-large",
            &["add-proposal", "--votes", "99999999999"],
        ),
        ("value-for-another-word", &["init", "-x"]),
        ("report-period", &["report", "--period", "2027-q3"]),
    ];
    for (case, args) in cases {
        for (lang, env) in [("en", "C"), ("ru", "ru_RU.UTF-8")] {
            let run = self::run(args, &[("LANG", env)]);
            assert_eq!(run.code, 2, "{args:?}\n{}", run.report());
            assert!(run.stdout.is_empty(), "{}", run.report());
            insta::assert_snapshot!(format!("error-{lang}-{case}"), run.report());
        }
    }
}

/// `add-*` without a terminal and without its required flags is a usage error in the user's
/// language.
#[test]
fn a_missing_required_flag_off_a_terminal_in_russian() {
    let p = Project::base();
    let run = run_env(
        p.tmp(),
        &["-C", "programme", "add-step", "--case", "training"],
        &[("LANG", "ru_RU.UTF-8")],
        Some(p.tmp()),
    );
    assert_eq!(run.code, 2, "{}", run.report());
    insta::assert_snapshot!("error-ru-add-step-without-title", run.report());
}

/// A usage error follows `--color` even though clap has not parsed it yet; NO_COLOR (set by
/// the harness) keeps it plain otherwise.
#[test]
fn usage_errors_follow_the_colour_flag() {
    let always = self::run(&["--color", "always", "--lang", "ru", "chek"], &[]);
    assert_eq!(always.code, 2, "{}", always.report());
    assert!(
        always
            .stderr
            .starts_with("\x1b[1;31mошибка\x1b[0m: неизвестная команда «chek»"),
        "{}",
        always.report()
    );
    let plain = self::run(&["--lang", "ru", "chek"], &[]);
    assert!(!plain.stderr.contains('\x1b'), "{}", plain.report());
    assert!(
        plain
            .stderr
            .starts_with("ошибка: неизвестная команда «chek»")
    );
}
