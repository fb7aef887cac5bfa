//! Asking for an entry's keys on a terminal, for a secretary typing during the session.
//!
//! Only used when standard input is a terminal and `CI` is not set ([`interactive`]); anywhere
//! else a missing required flag is a usage error, so scripts never hang on a question. The
//! questions speak the interface language. Each question offers what the programme already
//! holds, every id with its name (`centre — Центр поддержки …`), checks the answer as it is
//! typed (an unknown id gets a did-you-mean), and leaves optional keys out when the answer is
//! empty. `<` goes back to the previous question, from any question and from the confirmation.
//! At the end a summary of the entry and a confirmation: `no` writes nothing ([`Asked`]). The
//! prompts go to standard error; standard output stays for the result.
//!
//! Ctrl-C during the questions ends the command with exit code 130 and a line saying that
//! nothing was written: nothing is, since the questions come before the lock and the write.

use std::fmt;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;
use dialoguer::Input as Ask;

use super::add::{AddParticipant, AddProposal, AddStep};
use crate::deadline::Deadline;
use crate::diagnostic::Severity;
use crate::i18n::{Lang, Message};
use crate::load::Input;
use crate::model::Case;
use crate::model::{ProposalStatus, Role, StepStatus};
use crate::{msg, suggest};

/// The answer that goes back to the previous question.
const BACK: &str = "<";

/// How many ids a question lists with their names; past that, the list is cut short and the
/// did-you-mean of a mistyped id helps.
const LISTED: usize = 20;

/// How many characters of a title or text a choice shows.
const LABEL_CHARS: usize = 70;

/// True when questions may be asked: standard input is a terminal and not under CI (`ci`, the
/// `CI` variable, read by the binary).
pub fn interactive(ci: bool) -> bool {
    std::io::stdin().is_terminal() && !ci
}

/// How the questions ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// The user confirmed the summary: check and write the entry.
    Confirmed,
    /// The user answered no to the summary: a line says that nothing was written, and the
    /// command ends as after Ctrl-C (exit code 130): the user stopped it, the input is fine.
    Declined,
}

/// Asks for the keys of a step that `opts` does not have yet, in `lang`.
pub fn step(opts: &mut AddStep, lang: Lang) -> Result<Asked> {
    asking(lang, || ask_step(opts, lang))
}

/// Asks for the keys of a proposal that `opts` does not have yet, in `lang`.
pub fn proposal(opts: &mut AddProposal, lang: Lang) -> Result<Asked> {
    asking(lang, || ask_proposal(opts, lang))
}

/// Asks for the keys of a participant that `opts` does not have yet, in `lang`.
pub fn participant(opts: &mut AddParticipant, lang: Lang) -> Result<Asked> {
    asking(lang, || ask_participant(opts, lang))
}

/// True while questions are being asked: an interrupt then ends the command with a word.
static ASKING: AtomicBool = AtomicBool::new(false);

/// The questions are in Russian: the word after an interrupt is too.
static RUSSIAN: AtomicBool = AtomicBool::new(false);

/// Runs the questions of `ask`, ending the process through [`interrupted`] on Ctrl-C.
///
/// The terminal reads keys with the interrupt key turned off, so Ctrl-C reaches the questions
/// as a key; they restore the terminal and raise SIGINT. A handler for SIGINT, running on its
/// own thread, makes that (and an interrupt while the programme is being loaded) end the
/// command here rather than kill it silently. After the questions the default is back: an
/// interrupt during the write ends the process as it would without the handler.
fn asking<R>(lang: Lang, ask: impl FnOnce() -> Result<R>) -> Result<R> {
    static HANDLER: std::sync::Once = std::sync::Once::new();
    RUSSIAN.store(lang == Lang::Ru, Ordering::SeqCst);
    HANDLER.call_once(|| {
        use signal_hook::consts::SIGINT;
        // Without the handler Ctrl-C still ends the command, only without the word.
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT]) {
            std::thread::spawn(move || {
                for _ in signals.forever() {
                    if ASKING.load(Ordering::SeqCst) {
                        interrupted();
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(SIGINT);
                }
            });
        }
    });
    ASKING.store(true, Ordering::SeqCst);
    let result = ask();
    let by_ctrl_c = result.as_ref().is_err_and(|e| {
        e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .map(|io| io.kind())
                .or_else(|| match c.downcast_ref::<dialoguer::Error>() {
                    Some(dialoguer::Error::IO(io)) => Some(io.kind()),
                    _ => None,
                })
                == Some(std::io::ErrorKind::Interrupted)
        })
    });
    if by_ctrl_c {
        interrupted();
    }
    ASKING.store(false, Ordering::SeqCst);
    result
}

/// Ends the command after Ctrl-C in the questions: the cursor shown (should anything have
/// hidden it), a line saying that nothing was written, in the language of the questions, and
/// exit code 130 (128 + SIGINT) as the shell expects.
fn interrupted() -> ! {
    static ONCE: AtomicBool = AtomicBool::new(false);
    if ONCE.swap(true, Ordering::SeqCst) {
        // The other thread is ending the process.
        loop {
            std::thread::park();
        }
    }
    let lang = if RUSSIAN.load(Ordering::SeqCst) {
        Lang::Ru
    } else {
        Lang::En
    };
    let term = dialoguer::console::Term::stderr();
    let _ = term.show_cursor();
    let _ = writeln!(std::io::stderr(), "\n{}", msg!(AskInterrupted).text(lang));
    std::process::exit(130)
}

/// What a question did.
enum Flow {
    /// Answered: the next question.
    Answered,
    /// `<`: the question answered before it.
    Back,
    /// Not asked, as things stand (a reason for an accepted proposal).
    Skipped,
}

/// An answer, or `<`.
enum Answer<T> {
    Back,
    Given(T),
}

impl<T> Answer<T> {
    /// Records the answer with `set`, then says what to do next.
    fn then(self, set: impl FnOnce(T)) -> Flow {
        match self {
            Answer::Back => Flow::Back,
            Answer::Given(value) => {
                set(value);
                Flow::Answered
            }
        }
    }
}

/// One question: asks through the [`Asker`] and records the answer in the entry.
type Question<'a, T> = Box<dyn FnMut(&Asker, &mut T) -> Result<Flow> + 'a>;

/// A key of the entry as the summary shows it: its name and its values, one a line.
type Shown = (Message, Vec<String>);

/// Asks `questions` in turn, `<` going back to the one answered before (questions not asked
/// are passed over both ways), then shows `summary` and asks to confirm; `<` there goes back
/// to the last question. `what` is `step`, `proposal` or `participant`.
fn form<T>(
    lang: Lang,
    opts: &mut T,
    mut questions: Vec<Question<'_, T>>,
    what: &str,
    summary: impl Fn(&T) -> Vec<Shown>,
) -> Result<Asked> {
    let mut asker = Asker {
        lang,
        look: Look(lang),
        can_go_back: false,
    };
    asker.say(&msg!(AskIntro).text(lang));
    let mut answered: Vec<usize> = Vec::new();
    let mut at = 0;
    loop {
        asker.can_go_back = !answered.is_empty();
        if let Some(question) = questions.get_mut(at) {
            match question(&asker, opts)? {
                Flow::Answered => {
                    answered.push(at);
                    at += 1;
                }
                Flow::Skipped => at += 1,
                Flow::Back => at = answered.pop().unwrap_or(at),
            }
            continue;
        }
        asker.say(&msg!(AskSummary, what = what).text(lang));
        for (field, values) in summary(opts) {
            let field = field.text(lang);
            match values.as_slice() {
                [] => asker.say(&format!("  {field}: {}", msg!(AskEmpty).text(lang))),
                [one] => asker.say(&format!("  {field}: {one}")),
                many => {
                    asker.say(&format!("  {field}:"));
                    for value in many {
                        asker.say(&format!("    {value}"));
                    }
                }
            }
        }
        match asker.yes_no(&msg!(AskConfirm, what = what).text(lang))? {
            Answer::Given(true) => return Ok(Asked::Confirmed),
            Answer::Given(false) => {
                asker.say(&msg!(AskDeclined).text(lang));
                return Ok(Asked::Declined);
            }
            Answer::Back => at = answered.pop().unwrap_or(at),
        }
    }
}

/// How dialoguer shows a refused answer: `ошибка: нужен ответ` rather than its English word.
struct Look(Lang);

impl dialoguer::theme::Theme for Look {
    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        write!(f, "{}: {err}", Severity::Error.word(self.0))
    }
}

/// A choice of a list: what may be typed for it besides the id, the id, and its name.
struct Choice<T> {
    value: T,
    key: String,
    id: String,
    name: String,
}

/// An id and its name (or text), as choices and the summary show them.
type Named = (String, String);

/// Asks the questions on standard error, in the interface language.
struct Asker {
    lang: Lang,
    look: Look,
    /// A question has been answered before this one: `<` may be typed.
    can_go_back: bool,
}

impl Asker {
    /// A line on standard error.
    fn say(&self, text: &str) {
        let _ = dialoguer::console::Term::stderr().write_line(text);
    }

    /// Asks for a line. `empty` is the word for an empty answer when one is needed (else an
    /// empty answer is given as it is); `check` the answer's other rules. `initial` is the
    /// answer given before, when the user has come back, ready to be edited; `default` what
    /// Enter alone answers, shown in brackets.
    fn line(
        &self,
        prompt: &str,
        initial: &str,
        default: Option<&str>,
        empty: Option<Message>,
        check: impl Fn(&str) -> Result<(), Message>,
    ) -> Result<Answer<String>> {
        let (lang, can_go_back) = (self.lang, self.can_go_back);
        let mut ask = Ask::<String>::with_theme(&self.look)
            .with_prompt(prompt)
            .allow_empty(true);
        if !initial.is_empty() {
            ask = ask.with_initial_text(initial);
        }
        if let Some(default) = default {
            ask = ask.default(default.to_owned());
        }
        let answer = ask
            .validate_with(move |s: &String| -> Result<(), String> {
                let s = s.trim();
                let refused = if s == BACK {
                    (!can_go_back).then(|| msg!(AskFirstQuestion))
                } else if s.is_empty() {
                    empty.clone()
                } else {
                    check(s).err()
                };
                refused.map_or(Ok(()), |m| Err(m.text(lang)))
            })
            .interact_text()?;
        let answer = answer.trim();
        Ok(if answer == BACK {
            Answer::Back
        } else {
            Answer::Given(answer.to_owned())
        })
    }

    /// The question for `field`, with `hint` on how to answer it.
    fn prompt(&self, field: Message, hint: Option<Message>) -> String {
        match hint {
            Some(hint) => msg!(AskWithHint, field = field, hint = hint),
            None => field,
        }
        .text(self.lang)
    }

    /// A key that must be given.
    fn required(&self, field: Message, value: &mut String) -> Result<Flow> {
        let prompt = self.prompt(field, None);
        Ok(self
            .line(&prompt, value, None, Some(msg!(AskRequired)), |_| Ok(()))?
            .then(|s| *value = s))
    }

    /// A key that may be left out, checked by `check`.
    fn optional(
        &self,
        field: Message,
        hint: Option<Message>,
        value: &mut Option<String>,
        check: impl Fn(&str) -> Result<(), Message>,
    ) -> Result<Flow> {
        let prompt = self.prompt(field, hint);
        let initial = value.clone().unwrap_or_default();
        Ok(self
            .line(&prompt, &initial, None, None, check)?
            .then(|s| *value = non_empty(s)))
    }

    /// Answered `yes` or `no`, in either language; no default.
    fn yes_no(&self, prompt: &str) -> Result<Answer<bool>> {
        let prompt = msg!(AskYesNo, question = prompt).text(self.lang);
        let check = |s: &str| yes_no_answer(s).map(|_| ()).ok_or(msg!(AskYesOrNo));
        Ok(
            match self.line(&prompt, "", None, Some(msg!(AskYesOrNo)), check)? {
                Answer::Back => Answer::Back,
                Answer::Given(s) => Answer::Given(yes_no_answer(&s) == Some(true)),
            },
        )
    }

    /// One of `choices`, by its number or its id; Enter alone takes the current value, or
    /// `default`. Each choice is listed with its name.
    fn choose<T: Clone + PartialEq>(
        &self,
        field: Message,
        kind: &'static str,
        choices: &[Choice<T>],
        current: Option<&T>,
        default: &T,
    ) -> Result<Answer<T>> {
        for c in choices {
            self.say(&format!("  {}) {}", c.key, named(&c.id, &c.name)));
        }
        let find = |s: &str| {
            choices
                .iter()
                .find(|c| c.key == s || c.id.eq_ignore_ascii_case(s))
        };
        let preset = current.unwrap_or(default);
        let default_key = choices
            .iter()
            .find(|c| c.value == *preset)
            .map(|c| c.key.as_str());
        let check = |s: &str| match find(s) {
            Some(_) => Ok(()),
            None if s.chars().all(|c| c.is_ascii_digit()) => Err(msg!(AskNoChoice, answer = s)),
            None => Err(unknown(kind, s, choices.iter().map(|c| c.id.as_str()))),
        };
        let prompt = self.prompt(field, Some(msg!(AskHintChoice)));
        Ok(
            match self.line(&prompt, "", default_key, Some(msg!(AskRequired)), check)? {
                Answer::Back => Answer::Back,
                Answer::Given(s) => Answer::Given(find(&s).map_or(preset, |c| &c.value).clone()),
            },
        )
    }

    /// Ids of one `kind`, separated by commas or spaces, each one of `known` (when the
    /// programme has any), listed first with their names. `one`: at most one id.
    fn ids(
        &self,
        field: Message,
        hint: Message,
        kind: &'static str,
        known: &[Named],
        value: &mut Vec<String>,
        one: bool,
    ) -> Result<Flow> {
        for (id, name) in known.iter().take(LISTED) {
            self.say(&format!("  {}", named(id, name)));
        }
        if known.len() > LISTED {
            self.say(&format!(
                "  {}",
                msg!(AskMore, n = known.len() - LISTED).text(self.lang)
            ));
        }
        let check = |s: &str| {
            let ids = split(s);
            if one && ids.len() > 1 {
                return Err(msg!(AskOneOrganisation));
            }
            match ids
                .iter()
                .find(|id| !known.is_empty() && !known.iter().any(|(k, _)| k == *id))
            {
                Some(id) => Err(unknown(kind, id, known.iter().map(|(k, _)| k.as_str()))),
                None => Ok(()),
            }
        };
        let prompt = self.prompt(field, Some(hint));
        Ok(self
            .line(&prompt, &value.join(", "), None, None, check)?
            .then(|s| *value = split(&s)))
    }
}

/// `unknown organisation `centr`: did you mean `centre`?`, in the interface language.
fn unknown<'a>(kind: &'static str, id: &str, known: impl IntoIterator<Item = &'a str>) -> Message {
    match suggest::nearest(id, known) {
        Some(near) => msg!(AskUnknownNear, kind = kind, id = id, near = near),
        None => msg!(AskUnknown, kind = kind, id = id),
    }
}

/// `centre — Центр поддержки …`, or the id alone when there is no name.
fn named(id: &str, name: &str) -> String {
    if name.is_empty() {
        id.to_owned()
    } else {
        format!("{id} — {}", cut(name, LABEL_CHARS))
    }
}

/// `text` in at most about `max` characters: cut after the last whole word that fits, then `…`.
fn cut(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let head: String = text.chars().take(max).collect();
    let head = match head.rfind(' ') {
        Some(space) if space > head.len() / 2 => &head[..space],
        _ => head.as_str(),
    };
    format!(
        "{}…",
        head.trim_end_matches([',', ';', ':', '.', ' ', '—', '-'])
    )
}

/// Each of `ids` with its name from `known`.
fn with_names(ids: &[String], known: &[Named]) -> Vec<String> {
    ids.iter()
        .map(|id| match known.iter().find(|(k, _)| k == id) {
            Some((_, name)) => named(id, name),
            None => id.clone(),
        })
        .collect()
}

/// An optional value for the summary: none, or itself.
fn shown(value: Option<&String>) -> Vec<String> {
    value.map(|v| vec![v.clone()]).unwrap_or_default()
}

/// The id for the summary: as given, or chosen when written.
fn shown_id(id: Option<&String>, lang: Lang) -> Vec<String> {
    vec![id.cloned().unwrap_or_else(|| msg!(AskAutoId).text(lang))]
}

/// A question from a closure (which then gets the signature a [`Question`] needs).
fn q<'a, T>(ask: impl FnMut(&Asker, &mut T) -> Result<Flow> + 'a) -> Question<'a, T> {
    Box::new(ask)
}

fn ask_step(opts: &mut AddStep, lang: Lang) -> Result<Asked> {
    let input = load(opts.dir.as_deref())?;
    let cases = case_choices(&input);
    let case_names = named_cases(&input);
    let orgs = organisations(&input);
    let indicators = indicators(&input);
    let statuses = enum_choices(
        StepStatus::ALL,
        |s| s.as_str(),
        lang,
        |s| msg!(AskStepStatus, status = s.as_str()),
    );
    let last_status = |case: &str| {
        input
            .steps
            .iter()
            .find(|sf| sf.case == case)
            .and_then(|sf| sf.steps.last())
            .map_or(StepStatus::Agreed, |s| s.status)
    };
    let mut questions: Vec<Question<'_, AddStep>> = Vec::new();
    if opts.case.is_empty() {
        questions.push(q(|a, o: &mut AddStep| a.case(&cases, &mut o.case)));
    }
    if opts.title.is_empty() {
        questions.push(q(|a, o: &mut AddStep| {
            a.required(msg!(AskFieldTitle), &mut o.title)
        }));
    }
    if opts.description.is_none() {
        questions.push(q(|a, o: &mut AddStep| {
            a.optional(msg!(AskFieldDescription), None, &mut o.description, |_| {
                Ok(())
            })
        }));
    }
    if opts.deadline.is_none() {
        questions.push(q(|a, o: &mut AddStep| {
            let hint = Some(msg!(AskHintDeadline));
            a.optional(
                msg!(AskFieldDeadline),
                hint,
                &mut o.deadline,
                check_deadline,
            )
        }));
    }
    if opts.responsible.is_empty() {
        questions.push(q(|a, o: &mut AddStep| {
            let (field, hint) = (msg!(AskFieldResponsible), msg!(AskHintLeadFirst));
            a.ids(
                field,
                hint,
                "organisation",
                &orgs,
                &mut o.responsible,
                false,
            )
        }));
    }
    if opts.partners.is_empty() {
        questions.push(q(|a, o: &mut AddStep| {
            let (field, hint) = (msg!(AskFieldPartners), msg!(AskHintIds));
            a.ids(field, hint, "organisation", &orgs, &mut o.partners, false)
        }));
    }
    if opts.result.is_none() {
        questions.push(q(|a, o: &mut AddStep| {
            let hint = Some(msg!(AskHintResult));
            a.optional(msg!(AskFieldResult), hint, &mut o.result, |_| Ok(()))
        }));
    }
    if opts.indicators.is_empty() {
        questions.push(q(|a, o: &mut AddStep| {
            let (field, hint) = (msg!(AskFieldIndicators), msg!(AskHintIds));
            a.ids(
                field,
                hint,
                "indicator",
                &indicators,
                &mut o.indicators,
                false,
            )
        }));
    }
    if opts.proposals.is_empty() {
        questions.push(q(|a, o: &mut AddStep| {
            let known = proposals_of(&input, &o.case);
            let (field, hint) = (msg!(AskFieldProposals), msg!(AskHintIds));
            a.ids(field, hint, "proposal", &known, &mut o.proposals, false)
        }));
    }
    if opts.status.is_none() {
        questions.push(q(|a, o: &mut AddStep| {
            let last = last_status(&o.case);
            let field = msg!(AskFieldStatus);
            Ok(
                a.choose(field, "status", &statuses, o.status.as_ref(), &last)?
                    .then(|s| o.status = Some(s)),
            )
        }));
    }
    if opts.id.is_none() {
        questions.push(q(|a, o: &mut AddStep| {
            let hint = Some(msg!(AskHintStepId));
            a.optional(msg!(AskFieldId), hint, &mut o.id, |_| Ok(()))
        }));
    }
    form(lang, opts, questions, "step", |o| {
        let status = o.status.unwrap_or(last_status(&o.case));
        vec![
            (
                msg!(AskFieldCase),
                with_names(std::slice::from_ref(&o.case), &case_names),
            ),
            (msg!(AskFieldTitle), vec![o.title.clone()]),
            (msg!(AskFieldDescription), shown(o.description.as_ref())),
            (msg!(AskFieldDeadline), shown(o.deadline.as_ref())),
            (msg!(AskFieldResponsible), with_names(&o.responsible, &orgs)),
            (msg!(AskFieldPartners), with_names(&o.partners, &orgs)),
            (msg!(AskFieldResult), shown(o.result.as_ref())),
            (
                msg!(AskFieldIndicators),
                with_names(&o.indicators, &indicators),
            ),
            (
                msg!(AskFieldProposals),
                with_names(&o.proposals, &proposals_of(&input, &o.case)),
            ),
            (msg!(AskFieldStatus), chosen(&statuses, &status)),
            (msg!(AskFieldId), shown_id(o.id.as_ref(), lang)),
        ]
    })
}

fn ask_proposal(opts: &mut AddProposal, lang: Lang) -> Result<Asked> {
    let input = load(opts.dir.as_deref())?;
    let cases = case_choices(&input);
    let case_names = named_cases(&input);
    let statuses = enum_choices(
        ProposalStatus::ALL,
        |s| s.as_str(),
        lang,
        |s| msg!(AskProposalStatus, status = s.as_str()),
    );
    let mut questions: Vec<Question<'_, AddProposal>> = Vec::new();
    if opts.case.is_empty() {
        questions.push(q(|a, o: &mut AddProposal| a.case(&cases, &mut o.case)));
    }
    if opts.text.is_empty() {
        questions.push(q(|a, o: &mut AddProposal| {
            a.required(msg!(AskFieldText), &mut o.text)
        }));
    }
    if opts.problems.is_empty() {
        questions.push(q(|a, o: &mut AddProposal| {
            let known = problems_of(&input, &o.case);
            let (field, hint) = (msg!(AskFieldProblems), msg!(AskHintIds));
            a.ids(field, hint, "problem", &known, &mut o.problems, false)
        }));
    }
    if opts.votes.is_none() {
        questions.push(q(|a, o: &mut AddProposal| {
            let mut text = o.votes.map(|v| v.to_string());
            let hint = Some(msg!(AskHintVotes));
            let flow = a.optional(msg!(AskFieldVotes), hint, &mut text, |s| {
                s.parse::<u32>()
                    .map(|_| ())
                    .map_err(|_| msg!(AskNotANumber))
            })?;
            o.votes = text.and_then(|t| t.parse().ok());
            Ok(flow)
        }));
    }
    if opts.status.is_none() {
        questions.push(q(|a, o: &mut AddProposal| {
            let field = msg!(AskFieldStatus);
            let default = ProposalStatus::default();
            Ok(
                a.choose(field, "status", &statuses, o.status.as_ref(), &default)?
                    .then(|s| o.status = Some(s)),
            )
        }));
    }
    if opts.reason.is_none() {
        questions.push(q(|a, o: &mut AddProposal| {
            // An accepted proposal needs no reason; one given before going back is dropped.
            if o.status.unwrap_or_default() == ProposalStatus::Accepted {
                o.reason = None;
                return Ok(Flow::Skipped);
            }
            a.optional(msg!(AskFieldReason), None, &mut o.reason, |_| Ok(()))
        }));
    }
    if opts.id.is_none() {
        questions.push(q(|a, o: &mut AddProposal| {
            let hint = Some(msg!(AskHintProposalId));
            a.optional(msg!(AskFieldId), hint, &mut o.id, |_| Ok(()))
        }));
    }
    form(lang, opts, questions, "proposal", |o| {
        let status = o.status.unwrap_or_default();
        let mut shown_keys = vec![
            (
                msg!(AskFieldCase),
                with_names(std::slice::from_ref(&o.case), &case_names),
            ),
            (msg!(AskFieldText), vec![o.text.clone()]),
            (
                msg!(AskFieldProblems),
                with_names(&o.problems, &problems_of(&input, &o.case)),
            ),
            (
                msg!(AskFieldVotes),
                o.votes.map(|v| v.to_string()).into_iter().collect(),
            ),
            (msg!(AskFieldStatus), chosen(&statuses, &status)),
        ];
        // An accepted proposal has no reason, unless one was given with --reason.
        if status != ProposalStatus::Accepted || o.reason.is_some() {
            shown_keys.push((msg!(AskFieldReason), shown(o.reason.as_ref())));
        }
        shown_keys.push((msg!(AskFieldId), shown_id(o.id.as_ref(), lang)));
        shown_keys
    })
}

fn ask_participant(opts: &mut AddParticipant, lang: Lang) -> Result<Asked> {
    let input = load(opts.dir.as_deref())?;
    let orgs = organisations(&input);
    let case_names = named_cases(&input);
    let roles = enum_choices(
        Role::ALL,
        |r| r.as_str(),
        lang,
        |r| msg!(AskRole, role = r.as_str()),
    );
    let mut questions: Vec<Question<'_, AddParticipant>> = Vec::new();
    if opts.name.is_empty() {
        questions.push(q(|a, o: &mut AddParticipant| {
            a.required(msg!(AskFieldName), &mut o.name)
        }));
    }
    if opts.position.is_none() {
        questions.push(q(|a, o: &mut AddParticipant| {
            a.optional(msg!(AskFieldPosition), None, &mut o.position, |_| Ok(()))
        }));
    }
    if opts.organisation.is_none() {
        questions.push(q(|a, o: &mut AddParticipant| {
            let mut ids: Vec<String> = o.organisation.iter().cloned().collect();
            let (field, hint) = (msg!(AskFieldOrganisation), msg!(AskHintOneId));
            let flow = a.ids(field, hint, "organisation", &orgs, &mut ids, true)?;
            o.organisation = ids.into_iter().next();
            Ok(flow)
        }));
    }
    if opts.role.is_none() {
        questions.push(q(|a, o: &mut AddParticipant| {
            let default = Role::default();
            let field = msg!(AskFieldRole);
            // The default role is not written, as with the flags.
            Ok(a.choose(field, "role", &roles, o.role.as_ref(), &default)?
                .then(|r| o.role = (r != default).then_some(r)))
        }));
    }
    if opts.cases.is_empty() {
        questions.push(q(|a, o: &mut AddParticipant| {
            let (field, hint) = (msg!(AskFieldCases), msg!(AskHintIds));
            a.ids(field, hint, "case", &case_names, &mut o.cases, false)
        }));
    }
    if opts.publish {
        // No default: Enter alone must not print the name of someone who asked not to be named.
        questions.push(q(|a, o: &mut AddParticipant| {
            let question = msg!(AskFieldPublish).text(a.lang);
            Ok(a.yes_no(&question)?.then(|yes| o.publish = yes))
        }));
    }
    form(lang, opts, questions, "participant", |o| {
        let organisation: Vec<String> = o.organisation.iter().cloned().collect();
        let publish = if o.publish { msg!(AskYes) } else { msg!(AskNo) };
        vec![
            (msg!(AskFieldName), vec![o.name.clone()]),
            (msg!(AskFieldPosition), shown(o.position.as_ref())),
            (msg!(AskFieldOrganisation), with_names(&organisation, &orgs)),
            (
                msg!(AskFieldRole),
                chosen(&roles, &o.role.unwrap_or_default()),
            ),
            (msg!(AskFieldCases), with_names(&o.cases, &case_names)),
            (msg!(AskFieldPublish), vec![publish.text(lang)]),
        ]
    })
}

impl Asker {
    /// The case: chosen by its number or id among the programme's cases, or typed when there
    /// are none.
    fn case(&self, cases: &[Choice<String>], value: &mut String) -> Result<Flow> {
        if cases.is_empty() {
            return self.required(msg!(AskFieldCase), value);
        }
        let current = (!value.is_empty()).then(|| value.clone());
        let first = cases[0].value.clone();
        Ok(self
            .choose(msg!(AskFieldCase), "case", cases, current.as_ref(), &first)?
            .then(|id| *value = id))
    }
}

/// A deadline as the questions accept it: empty, or one that reads.
fn check_deadline(s: &str) -> Result<(), Message> {
    Deadline::parse(s).map(|_| ()).map_err(|e| {
        let why = e.message;
        match e.hint {
            Some(hint) => msg!(AskBadDeadline, why = why, hint = hint),
            None => why,
        }
    })
}

/// The programme as it is, for the choices. Files that do not load only leave their choices
/// out: the command itself reports what is wrong with them.
fn load(dir: Option<&std::path::Path>) -> Result<Input> {
    Ok(crate::check(dir)?.input)
}

/// The cases in the order of their numbers, chosen by number or id.
fn case_choices(input: &Input) -> Vec<Choice<String>> {
    let mut cases: Vec<_> = input.cases.iter().collect();
    cases.sort_by_key(|c| c.case.number);
    cases
        .into_iter()
        .map(|c| Choice {
            value: c.id.clone(),
            key: c.case.number.to_string(),
            id: c.id.clone(),
            name: c.case.title.clone(),
        })
        .collect()
}

/// The cases with their titles.
fn named_cases(input: &Input) -> Vec<Named> {
    case_choices(input)
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect()
}

/// The organisations with their names.
fn organisations(input: &Input) -> Vec<Named> {
    input
        .organisations
        .iter()
        .flat_map(|(_, l)| l.iter().map(|o| (o.id.clone(), o.name.clone())))
        .collect()
}

/// The indicators with their names.
fn indicators(input: &Input) -> Vec<Named> {
    input
        .indicators
        .iter()
        .flat_map(|(_, l)| l.iter().map(|i| (i.id.clone(), i.name.clone())))
        .collect()
}

/// The proposals of `case` with their texts.
fn proposals_of(input: &Input, case: &str) -> Vec<Named> {
    of_case(input, case, |c| {
        c.proposals
            .iter()
            .map(|p| (p.id.clone(), p.text.clone()))
            .collect()
    })
}

/// The problems of `case` with their texts.
fn problems_of(input: &Input, case: &str) -> Vec<Named> {
    of_case(input, case, |c| {
        c.problems
            .iter()
            .map(|p| (p.id.clone(), p.text.clone()))
            .collect()
    })
}

/// What `pick` takes from the case `case`, if it loaded.
fn of_case(input: &Input, case: &str, pick: impl Fn(&Case) -> Vec<Named>) -> Vec<Named> {
    input
        .cases
        .iter()
        .filter(|c| c.id == case)
        .flat_map(|c| pick(&c.case))
        .collect()
}

/// The choices of a keyword (a status, a role), numbered from 1, each with what it means.
fn enum_choices<T: Copy>(
    all: &[T],
    id: impl Fn(T) -> &'static str,
    lang: Lang,
    meaning: impl Fn(T) -> Message,
) -> Vec<Choice<T>> {
    all.iter()
        .enumerate()
        .map(|(at, &value)| Choice {
            value,
            key: (at + 1).to_string(),
            id: id(value).to_owned(),
            name: meaning(value).text(lang),
        })
        .collect()
}

/// The choice of `value` for the summary, with what it means.
fn chosen<T: PartialEq>(choices: &[Choice<T>], value: &T) -> Vec<String> {
    choices
        .iter()
        .filter(|c| c.value == *value)
        .map(|c| named(&c.id, &c.name))
        .collect()
}

/// `д`, `да`, `y`, `yes` are yes; `н`, `нет`, `n`, `no` are no, in any case of letters and
/// whatever the interface language (the question shows the answers of its own).
fn yes_no_answer(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "д" | "да" | "y" | "yes" => Some(true),
        "н" | "нет" | "n" | "no" => Some(false),
        _ => None,
    }
}

fn non_empty(s: String) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

fn split(s: &str) -> Vec<String> {
    s.split([',', ' '])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_commas_and_spaces() {
        assert_eq!(split("crdi, asi  swsu,"), ["crdi", "asi", "swsu"]);
        assert!(split(" ").is_empty());
    }

    #[test]
    fn yes_and_no_in_both_languages() {
        for yes in ["д", "Да", "ДА", "y", "Yes", " yes "] {
            assert_eq!(yes_no_answer(yes), Some(true), "{yes}");
        }
        for no in ["н", "НЕТ", "нет", "n", "No", "NO"] {
            assert_eq!(yes_no_answer(no), Some(false), "{no}");
        }
        for neither in ["", "ok", "нe", "д н", "1", "<"] {
            assert_eq!(yes_no_answer(neither), None, "{neither}");
        }
    }

    #[test]
    fn long_names_are_cut_after_a_whole_word() {
        let name = "Центр развития общественных инициатив Курской области при поддержке \
                    Фонда президентских грантов";
        let shown = cut(name, 70);
        assert_eq!(
            shown,
            "Центр развития общественных инициатив Курской области при поддержке…"
        );
        assert_eq!(cut("Короткое  имя", 70), "Короткое имя");
        // One long word is cut inside it rather than left whole.
        assert_eq!(cut(&"а".repeat(80), 10), format!("{}…", "а".repeat(10)));
    }

    #[test]
    fn ids_are_shown_with_their_names() {
        let known = vec![("centre".to_owned(), "Центр поддержки НКО".to_owned())];
        assert_eq!(
            with_names(&["centre".to_owned(), "other".to_owned()], &known),
            ["centre — Центр поддержки НКО", "other"]
        );
    }

    #[test]
    fn a_mistyped_id_is_answered_in_the_interface_language() {
        let known = ["centre", "admin"];
        let m = unknown("organisation", "centr", known);
        assert_eq!(
            m.text(Lang::En),
            "unknown organisation `centr`: did you mean `centre`?"
        );
        assert_eq!(
            m.text(Lang::Ru),
            "неизвестная организация «centr» — может быть, «centre»?"
        );
        assert_eq!(
            unknown("indicator", "zzzzzz", known).text(Lang::Ru),
            "неизвестный показатель «zzzzzz»"
        );
    }
}
