//! The questions of the add commands, answered through a pseudo-terminal as a person would: the
//! real binary, a terminal for its standard streams, and `CI` removed from its environment (it
//! turns the questions off).

use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

use crate::common::{PROGRAMME, Project};

/// Starts `nko-draft -C programme ARGS` in `p` on a pseudo-terminal.
fn spawn(p: &Project, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nko-draft"));
    cmd.current_dir(p.tmp())
        .env_remove("CI")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .args(["--color", "never", "-C", PROGRAMME])
        .args(args);
    spawn_command(cmd, Some(30_000)).expect("nko-draft starts on a pseudo-terminal")
}

/// Waits for `text` in what the program shows, then types `answer` and Enter.
fn answer(s: &mut PtySession, text: &str, answer: &str) {
    s.exp_string(text)
        .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
    s.send_line(answer).expect("type an answer");
}

/// The exit code of the finished program.
fn exit_code(s: &PtySession) -> i32 {
    match s.process().wait().expect("nko-draft ends") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("nko-draft did not exit by itself: {other:?}"),
    }
}

/// «Не печатать» answered in Russian is recorded as `publish: false`; an answer that is neither
/// yes nor no asks again, and so would Enter alone (there is no default).
#[test]
fn the_publish_question_takes_russian_answers_and_has_no_default() {
    let p = Project::base();
    let mut s = spawn(&p, &["add-participant"]);
    answer(&mut s, "(name)", "Смирнова Анна Петровна");
    answer(&mut s, "(position)", "Директор");
    answer(&mut s, "(organisation)", "centre");
    answer(&mut s, "(role)", ""); // the first choice: participant
    answer(&mut s, "(cases)", "training");
    answer(&mut s, "(publish the name)", "может быть");
    // (The pseudo-terminal is read byte by byte: only ASCII can be looked for.)
    s.exp_string("answer y (yes) or n (no)")
        .expect("a wrong answer is refused");
    answer(&mut s, "(publish the name)", "");
    answer(&mut s, "(publish the name)", "НЕТ");
    s.exp_regex(r"added to \S*participants\.yaml")
        .expect("the participant is added");
    s.exp_eof().expect("nko-draft ends");
    assert_eq!(exit_code(&s), 0);
    let text = std::fs::read_to_string(p.root().join("participants.yaml")).unwrap();
    assert!(
        text.ends_with(
            "- id: smirnova\n  name: Смирнова Анна Петровна\n  position: Директор\n  \
             organisation: centre\n  cases: [training]\n  publish: false\n"
        ),
        "{text}"
    );
}

/// `д` publishes the name: nothing is written about it.
#[test]
fn yes_in_russian_publishes_the_name() {
    let p = Project::base();
    let mut s = spawn(&p, &["add-participant", "--case", "training"]);
    answer(&mut s, "(name)", "Кузнецов Олег");
    answer(&mut s, "(position)", "");
    answer(&mut s, "(organisation)", "");
    answer(&mut s, "(role)", "");
    answer(&mut s, "(publish the name)", "д");
    s.exp_eof().expect("nko-draft ends");
    assert_eq!(exit_code(&s), 0);
    let text = std::fs::read_to_string(p.root().join("participants.yaml")).unwrap();
    assert!(
        text.ends_with("- id: kuznetsov\n  name: Кузнецов Олег\n  cases: [training]\n"),
        "{text}"
    );
}

/// Ctrl-C in a question ends the command with 130 and says that nothing was written; the
/// cursor, hidden by a choice, is shown again.
#[test]
fn ctrl_c_in_the_questions_says_nothing_was_written() {
    let p = Project::base();
    let before = crate::common::snapshot_tree(&p.root());
    let mut s = spawn(&p, &["add-step"]);
    answer(&mut s, "(case)", ""); // the first case
    answer(&mut s, "(title)", "Школа волонтёров");
    answer(&mut s, "(description)", "");
    answer(&mut s, "(deadline", "2027-Q4");
    answer(&mut s, "(responsible", "centre");
    answer(&mut s, "(partners)", "");
    answer(&mut s, "(result", "");
    answer(&mut s, "(indicators)", "");
    answer(&mut s, "(proposals)", "");
    let mut shown = s.exp_string("(status)").expect("the status choice");
    s.send_control('c').expect("press Ctrl-C");
    let (rest, _) = s
        .exp_regex("interrupted: nothing was written\r?\n")
        .expect("a word about the interrupt");
    shown.push_str(&rest);
    s.exp_eof().expect("nko-draft ends");
    assert_eq!(exit_code(&s), 130);
    // The choice hid the cursor; it is shown again before the word.
    let hidden = shown
        .rfind("\x1b[?25l")
        .expect("the choice hides the cursor");
    assert!(
        shown[hidden..].contains("\x1b[?25h"),
        "the cursor is left hidden: {shown:?}"
    );
    assert_eq!(crate::common::snapshot_tree(&p.root()), before);
}

/// Ctrl-C at the first question, before anything else is on the screen.
#[test]
fn ctrl_c_in_a_text_question() {
    let p = Project::base();
    let mut s = spawn(&p, &["add-proposal", "--case", "training"]);
    s.exp_string("(text)").expect("the first question");
    s.send_control('c').expect("press Ctrl-C");
    s.exp_string("interrupted: nothing was written")
        .expect("a word about the interrupt");
    s.exp_eof().expect("nko-draft ends");
    assert_eq!(exit_code(&s), 130);
}
