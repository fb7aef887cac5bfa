//! The questions of the add commands, answered through a pseudo-terminal as a person would: the
//! real binary, a terminal for its standard streams, and `CI` removed from its environment (it
//! turns the questions off). The interface language comes from `LANG` or `--lang`, with the
//! variables that would override `LANG` removed.

use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

use crate::common::{PROGRAMME, Project, snapshot_tree};

/// Starts `nko-draft -C programme ARGS` in `p` on a pseudo-terminal, with `LANG` set to `lang`.
fn spawn(p: &Project, lang: &str, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nko-draft"));
    cmd.current_dir(p.tmp())
        .env_remove("CI")
        .env_remove("NKO_DRAFT_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .args(["--color", "never", "-C", PROGRAMME])
        .args(args);
    spawn_command(cmd, Some(30_000)).expect("nko-draft starts on a pseudo-terminal")
}

/// `text` as the session reads it: the pseudo-terminal is read byte by byte, each byte taken
/// for a character, so Russian is looked for in that form.
fn seen(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// Waits for `text` in what the program shows.
fn expect(s: &mut PtySession, text: &str) {
    s.exp_string(&seen(text))
        .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
}

/// Waits for `text` in what the program shows, then types `answer` and Enter.
fn answer(s: &mut PtySession, text: &str, answer: &str) {
    expect(s, text);
    s.send_line(answer).expect("type an answer");
}

/// The exit code of the finished program.
fn exit_code(s: &PtySession) -> i32 {
    match s.process().wait().expect("nko-draft ends") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("nko-draft did not exit by itself: {other:?}"),
    }
}

/// Every question of `add-step` in Russian (from `LANG`): `<` at the first question is refused
/// with a word, a bad deadline is asked again, `<` goes back to the responsible organisations
/// with the answer given ready to be extended, each id is listed with its name, and the summary
/// shows every key before «да» writes the step.
#[test]
fn a_step_in_russian_with_a_mistake_and_a_way_back() {
    let p = Project::base();
    let mut s = spawn(&p, "ru_RU.UTF-8", &["add-step"]);
    expect(&mut s, "Чтобы вернуться к предыдущему вопросу, введите <");
    expect(
        &mut s,
        "2) partnership — Партнёрство НКО с органами власти и бизнесом",
    );
    answer(&mut s, "Кейс (case), номер или id [1]:", "<");
    expect(&mut s, "ошибка: это первый вопрос, возвращаться некуда");
    answer(&mut s, "Кейс (case), номер или id [1]:", "partnershp");
    expect(
        &mut s,
        "неизвестный кейс «partnershp» — может быть, «partnership»?",
    );
    answer(&mut s, "Кейс (case), номер или id [1]:", "2");
    answer(
        &mut s,
        "Наименование мероприятия (title):",
        "Форум НКО и власти",
    );
    answer(
        &mut s,
        "Содержание (description):",
        "Ежегодная встреча НКО с администрацией",
    );
    answer(&mut s, "Срок (deadline), например:", "когда-нибудь");
    expect(&mut s, "ошибка: ");
    answer(&mut s, "Срок (deadline), например:", "annually Q4");
    expect(
        &mut s,
        "centre — Центр поддержки некоммерческих организаций Тестовой области",
    );
    answer(
        &mut s,
        "Ответственные (responsible), id через запятую, первым — головной исполнитель:",
        "centre",
    );
    answer(&mut s, "Партнёры (partners), id через запятую:", "<");
    // Back: the answer given is on the line, ready to be extended.
    answer(&mut s, "Ответственные (responsible)", ", admin");
    answer(
        &mut s,
        "Партнёры (partners), id через запятую:",
        "volunteers",
    );
    answer(
        &mut s,
        "Ожидаемый результат (result), с числом:",
        "Не менее 50 участников",
    );
    expect(&mut s, "agreements — Число соглашений о партнёрстве НКО");
    answer(
        &mut s,
        "Показатели (indicators), id через запятую:",
        "agreements",
    );
    expect(
        &mut s,
        "partnership-pr1 — Типовое соглашение о сотрудничестве НКО",
    );
    answer(&mut s, "(proposals), id через запятую:", "partnership-pr1");
    expect(&mut s, "3) disputed — требует согласования");
    answer(&mut s, "Статус (status), номер или id [1]:", "");
    answer(
        &mut s,
        "Идентификатор (id), пусто — следующий по порядку в кейсе:",
        "",
    );
    expect(&mut s, "Новое мероприятие:");
    expect(
        &mut s,
        "Кейс (case): partnership — Партнёрство НКО с органами власти",
    );
    expect(&mut s, "Срок (deadline): annually Q4");
    expect(&mut s, "Ответственные (responsible):");
    expect(&mut s, "centre — Центр поддержки");
    expect(&mut s, "admin — Администрация Тестовой области");
    expect(
        &mut s,
        "Партнёры (partners): volunteers — Ассоциация волонтёров",
    );
    expect(&mut s, "Статус (status): agreed — согласовано на сессии");
    expect(&mut s, "Идентификатор (id): будет выбран при записи");
    answer(&mut s, "Добавить это мероприятие? [д/н]:", "ДА");
    s.exp_string("partnership-2").expect("the new id");
    s.exp_eof().expect("nko-draft ends");
    assert_eq!(exit_code(&s), 0);
    let text = std::fs::read_to_string(p.root().join("steps/partnership.yaml")).unwrap();
    assert!(
        text.ends_with(
            "\n- id: partnership-2\n  title: Форум НКО и власти\n  \
             description: Ежегодная встреча НКО с администрацией\n  deadline: annually Q4\n  \
             responsible: [centre, admin]\n  partners: [volunteers]\n  \
             result: Не менее 50 участников\n  indicators: [agreements]\n  \
             proposals: [partnership-pr1]\n  status: agreed\n"
        ),
        "{text}"
    );
}

/// Every question of `add-proposal` in English (`--lang en` over a Russian `LANG`): a missing
/// text and a mistyped problem are asked again, `<` from the id goes back to the reason, which
/// Enter keeps, and `yes` writes the proposal.
#[test]
fn a_proposal_in_english_with_a_mistake_and_a_way_back() {
    let p = Project::base();
    let mut s = spawn(&p, "ru_RU.UTF-8", &["--lang", "en", "add-proposal"]);
    expect(&mut s, "To go back to the previous question, type <");
    expect(&mut s, "1) training — Обучение сотрудников НКО");
    answer(&mut s, "Case (case), number or id [1]:", "training");
    answer(&mut s, "Proposal (text):", "");
    expect(&mut s, "error: required");
    answer(&mut s, "Proposal (text):", "Школа грантрайтинга");
    expect(
        &mut s,
        "training-p2 — Обучение редко доступно за пределами областного центра",
    );
    answer(
        &mut s,
        "Problems (problems), ids separated by commas:",
        "training-p3",
    );
    expect(
        &mut s,
        "error: unknown problem `training-p3`: did you mean `training-p1`?",
    );
    answer(
        &mut s,
        "Problems (problems), ids separated by commas:",
        "training-p1",
    );
    answer(&mut s, "Votes (votes), a whole number:", "many");
    expect(&mut s, "error: a whole number, or nothing");
    answer(&mut s, "Votes (votes), a whole number:", "12");
    expect(&mut s, "2) deferred — put off until later");
    answer(&mut s, "Status (status), number or id [1]:", "deferred");
    answer(&mut s, "Reason (reason):", "No trainer yet");
    answer(
        &mut s,
        "Identifier (id), empty: the next in the case's pattern:",
        "<",
    );
    answer(&mut s, "Reason (reason):", ""); // keeps the answer on the line
    answer(
        &mut s,
        "Identifier (id), empty: the next in the case's pattern:",
        "",
    );
    expect(&mut s, "The new proposal:");
    expect(
        &mut s,
        "Problems (problems): training-p1 — Немногие сотрудники НКО",
    );
    expect(&mut s, "Votes (votes): 12");
    expect(&mut s, "Status (status): deferred — put off until later");
    expect(&mut s, "Reason (reason): No trainer yet");
    expect(&mut s, "Identifier (id): chosen when it is written");
    answer(&mut s, "Add this proposal? [y/n]:", "Yes");
    s.exp_string("training-pr4").expect("the new id");
    s.exp_eof().expect("nko-draft ends");
    assert_eq!(exit_code(&s), 0);
    let text = std::fs::read_to_string(p.root().join("cases/training.yaml")).unwrap();
    assert!(
        text.ends_with(
            "  - id: training-pr4\n    text: Школа грантрайтинга\n    problems: [training-p1]\n    \
             votes: 12\n    status: deferred\n    reason: No trainer yet\n"
        ),
        "{text}"
    );
}

/// «нет» at the summary writes nothing, says so in Russian, and ends with 130, as Ctrl-C does:
/// the user stopped the command, the input is not at fault.
#[test]
fn no_at_the_summary_in_russian_writes_nothing() {
    let p = Project::base();
    let before = snapshot_tree(&p.root());
    let mut s = spawn(
        &p,
        "ru_RU.UTF-8",
        &["add-participant", "--case", "training"],
    );
    answer(&mut s, "Фамилия Имя Отчество (name):", "Кузнецов Олег");
    answer(&mut s, "Должность (position):", "");
    answer(
        &mut s,
        "Организация (organisation), один id:",
        "centre, admin",
    );
    expect(&mut s, "ошибка: укажите одну организацию");
    answer(&mut s, "Организация (organisation), один id:", "centre");
    expect(&mut s, "4) participant — участник сессии");
    answer(&mut s, "Роль (role), номер или id [4]:", "9");
    expect(&mut s, "варианта «9» нет: введите номер из списка или id");
    answer(&mut s, "Роль (role), номер или id [4]:", "3");
    answer(&mut s, "Печатать ФИО в документе (publish)? [д/н]:", "y");
    expect(&mut s, "Новый участник:");
    expect(&mut s, "Роль (role): expert — консультирует группы");
    expect(&mut s, "Кейсы (cases): training — Обучение сотрудников НКО");
    expect(&mut s, "Печатать ФИО в документе (publish): да");
    answer(&mut s, "Добавить этого участника? [д/н]:", "нет");
    expect(&mut s, "отменено: ничего не записано");
    s.exp_eof().expect("nko-draft ends");
    assert_eq!(exit_code(&s), 130);
    assert_eq!(snapshot_tree(&p.root()), before);
}

/// `<` at the summary goes back to the last question; `n` then writes nothing, in English.
#[test]
fn back_from_the_summary_then_no_in_english() {
    let p = Project::base();
    let before = snapshot_tree(&p.root());
    let mut s = spawn(
        &p,
        "en_GB.UTF-8",
        &["add-step", "--case", "training", "--responsible", "centre"],
    );
    answer(&mut s, "Title (title):", "Volunteer school");
    answer(&mut s, "Description (description):", "");
    answer(&mut s, "Deadline (deadline), e.g.", "2027-Q4");
    answer(&mut s, "Partners (partners), ids separated by commas:", "");
    answer(&mut s, "Expected result (result), with a number:", "");
    answer(
        &mut s,
        "Indicators (indicators), ids separated by commas:",
        "",
    );
    answer(
        &mut s,
        "Proposals carried out (proposals), ids separated by commas:",
        "",
    );
    answer(&mut s, "Status (status), number or id [2]:", "1");
    answer(&mut s, "Identifier (id), empty: the next <case>-<n>:", "");
    expect(
        &mut s,
        "Responsible (responsible): centre — Центр поддержки",
    );
    answer(&mut s, "Add this step? [y/n]:", "<");
    answer(
        &mut s,
        "Identifier (id), empty: the next <case>-<n>:",
        "volunteer-school",
    );
    expect(&mut s, "Identifier (id): volunteer-school");
    answer(&mut s, "Add this step? [y/n]:", "perhaps");
    expect(&mut s, "error: answer y (yes) or n (no)");
    answer(&mut s, "Add this step? [y/n]:", "N");
    expect(&mut s, "cancelled: nothing was written");
    s.exp_eof().expect("nko-draft ends");
    assert_eq!(exit_code(&s), 130);
    assert_eq!(snapshot_tree(&p.root()), before);
}

/// «Не печатать» answered in Russian under English is recorded as `publish: false`; an answer
/// that is neither yes nor no asks again, and so would Enter alone (there is no default).
#[test]
fn the_publish_question_takes_russian_answers_and_has_no_default() {
    let p = Project::base();
    let mut s = spawn(&p, "C", &["add-participant"]);
    answer(&mut s, "(name)", "Смирнова Анна Петровна");
    answer(&mut s, "(position)", "Директор");
    answer(&mut s, "(organisation)", "centre");
    answer(&mut s, "(role)", ""); // the default: participant
    answer(&mut s, "(cases)", "training");
    answer(&mut s, "(publish)? [y/n]", "может быть");
    expect(&mut s, "answer y (yes) or n (no)");
    answer(&mut s, "(publish)? [y/n]", "");
    expect(&mut s, "answer y (yes) or n (no)");
    answer(&mut s, "(publish)? [y/n]", "НЕТ");
    expect(&mut s, "Print the name in the document (publish): no");
    answer(&mut s, "Add this participant? [y/n]", "y");
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
    let mut s = spawn(
        &p,
        "ru_RU.UTF-8",
        &["add-participant", "--case", "training"],
    );
    answer(&mut s, "(name)", "Кузнецов Олег");
    answer(&mut s, "(position)", "");
    answer(&mut s, "(organisation)", "");
    answer(&mut s, "(role)", "");
    answer(&mut s, "(publish)? [д/н]", "д");
    answer(&mut s, "Добавить этого участника? [д/н]", "д");
    s.exp_eof().expect("nko-draft ends");
    assert_eq!(exit_code(&s), 0);
    let text = std::fs::read_to_string(p.root().join("participants.yaml")).unwrap();
    assert!(
        text.ends_with("- id: kuznetsov\n  name: Кузнецов Олег\n  cases: [training]\n"),
        "{text}"
    );
}

/// Ctrl-C in a question ends the command with 130 and says that nothing was written.
#[test]
fn ctrl_c_in_the_questions_says_nothing_was_written() {
    let p = Project::base();
    let before = snapshot_tree(&p.root());
    let mut s = spawn(&p, "C", &["add-step"]);
    answer(&mut s, "(case)", ""); // the first case
    answer(&mut s, "(title)", "Школа волонтёров");
    answer(&mut s, "(description)", "");
    answer(&mut s, "(deadline)", "2027-Q4");
    answer(&mut s, "(responsible)", "centre");
    answer(&mut s, "(partners)", "");
    answer(&mut s, "(result)", "");
    answer(&mut s, "(indicators)", "");
    answer(&mut s, "(proposals)", "");
    expect(&mut s, "(status)");
    s.send_control('c').expect("press Ctrl-C");
    s.exp_regex("interrupted: nothing was written\r?\n")
        .expect("a word about the interrupt");
    s.exp_eof().expect("nko-draft ends");
    assert_eq!(exit_code(&s), 130);
    assert_eq!(snapshot_tree(&p.root()), before);
}

/// Ctrl-C at the first question, before anything else is on the screen, in Russian.
#[test]
fn ctrl_c_in_a_text_question() {
    let p = Project::base();
    let mut s = spawn(&p, "ru_RU.UTF-8", &["add-proposal", "--case", "training"]);
    expect(&mut s, "Предложение (text):");
    s.send_control('c').expect("press Ctrl-C");
    expect(&mut s, "прервано: ничего не записано");
    s.exp_eof().expect("nko-draft ends");
    assert_eq!(exit_code(&s), 130);
}

/// A question not asked is passed over going back too: `<` from the id of an accepted proposal
/// goes to the status (the reason was not asked), and a rejected one is then asked its reason.
#[test]
fn back_passes_over_a_question_not_asked() {
    let p = Project::base();
    let args = [
        "add-proposal",
        "--case",
        "training",
        "--problem",
        "training-p1",
    ];
    let mut s = spawn(&p, "ru_RU.UTF-8", &args);
    answer(&mut s, "Предложение (text):", "Наставничество");
    answer(&mut s, "Голоса (votes), целое число:", "");
    answer(&mut s, "Статус (status), номер или id [1]:", "");
    answer(&mut s, "Идентификатор (id)", "<");
    answer(&mut s, "Статус (status), номер или id [1]:", "rejected");
    answer(&mut s, "Причина (reason):", "Нет наставников");
    answer(&mut s, "Идентификатор (id)", "");
    expect(&mut s, "Статус (status): rejected — отклонено");
    expect(&mut s, "Причина (reason): Нет наставников");
    answer(&mut s, "Добавить это предложение? [д/н]:", "д");
    s.exp_eof().expect("nko-draft ends");
    assert_eq!(exit_code(&s), 0);
    let text = std::fs::read_to_string(p.root().join("cases/training.yaml")).unwrap();
    assert!(
        text.ends_with(
            "  - id: training-pr4\n    text: Наставничество\n    problems: [training-p1]\n    \
             status: rejected\n    reason: Нет наставников\n"
        ),
        "{text}"
    );
}
