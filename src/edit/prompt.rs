//! Asking for an entry's keys on a terminal, for a secretary typing during the session.
//!
//! Only used when standard input is a terminal and `CI` is not set ([`interactive`]); anywhere
//! else a missing required flag is a usage error, so scripts never hang on a question. Each
//! question offers what the programme already holds (the cases, the organisations), checks the
//! answer as it is typed (an unknown id gets a did-you-mean), and leaves optional keys out when
//! the answer is empty. The prompts go to standard error; standard output stays for the result.
//!
//! Ctrl-C during the questions ends the command with exit code 130 and a line saying that
//! nothing was written: nothing is, since the questions come before the lock and the write.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;
use dialoguer::{Input as Ask, Select};

use super::add::{AddParticipant, AddProposal, AddStep};
use crate::deadline::Deadline;
use crate::load::Input;
use crate::model::{ProposalStatus, Role, StepStatus};
use crate::suggest;

/// True when questions may be asked: standard input is a terminal and not under CI (`ci`, the
/// `CI` variable, read by the binary).
pub fn interactive(ci: bool) -> bool {
    std::io::stdin().is_terminal() && !ci
}

/// Asks for the keys of a step that `opts` does not have yet.
pub fn step(opts: &mut AddStep) -> Result<()> {
    asking(|| ask_step(opts))
}

/// Asks for the keys of a proposal that `opts` does not have yet.
pub fn proposal(opts: &mut AddProposal) -> Result<()> {
    asking(|| ask_proposal(opts))
}

/// Asks for the keys of a participant that `opts` does not have yet.
pub fn participant(opts: &mut AddParticipant) -> Result<()> {
    asking(|| ask_participant(opts))
}

/// True while questions are being asked: an interrupt then ends the command with a word.
static ASKING: AtomicBool = AtomicBool::new(false);

/// Runs the questions of `ask`, ending the process through [`interrupted`] on Ctrl-C.
///
/// The terminal reads keys with the interrupt key turned off, so Ctrl-C reaches the questions
/// as a key; they restore the terminal and raise SIGINT. A handler for SIGINT, running on its
/// own thread, makes that (and an interrupt while the programme is being loaded) end the
/// command here rather than kill it silently. After the questions the default is back: an
/// interrupt during the write ends the process as it would without the handler.
fn asking(ask: impl FnOnce() -> Result<()>) -> Result<()> {
    static HANDLER: std::sync::Once = std::sync::Once::new();
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

/// Ends the command after Ctrl-C in the questions: the cursor shown again (a choice hides it),
/// a line saying that nothing was written, exit code 130 (128 + SIGINT) as the shell expects.
fn interrupted() -> ! {
    static ONCE: AtomicBool = AtomicBool::new(false);
    if ONCE.swap(true, Ordering::SeqCst) {
        // The other thread is ending the process.
        loop {
            std::thread::park();
        }
    }
    let term = dialoguer::console::Term::stderr();
    let _ = term.show_cursor();
    let _ = writeln!(std::io::stderr(), "\ninterrupted: nothing was written");
    std::process::exit(130)
}

fn ask_step(opts: &mut AddStep) -> Result<()> {
    let input = load(opts.dir.as_deref())?;
    if opts.case.is_empty() {
        opts.case = choose_case(&input)?;
    }
    if opts.title.is_empty() {
        opts.title = required("Наименование мероприятия (title)")?;
    }
    if opts.description.is_none() {
        opts.description = optional("Содержание (description)")?;
    }
    if opts.deadline.is_none() {
        opts.deadline = Ask::<String>::new()
            .with_prompt("Срок (deadline: 2027-Q2, by 2027-12-01, annually Q4, …)")
            .allow_empty(true)
            .validate_with(|s: &String| -> Result<(), String> {
                if s.trim().is_empty() {
                    return Ok(());
                }
                Deadline::parse(s.trim())
                    .map(|_| ())
                    .map_err(|e| match e.hint {
                        Some(h) => format!("{} ({h})", e.message),
                        None => e.message.to_string(),
                    })
            })
            .interact_text()
            .map(non_empty)?;
    }
    let orgs = org_ids(&input);
    if opts.responsible.is_empty() {
        opts.responsible = ids(
            "Ответственный (responsible, lead first)",
            "organisation",
            &orgs,
        )?;
    }
    if opts.partners.is_empty() {
        opts.partners = ids("Партнёры (partners)", "organisation", &orgs)?;
    }
    if opts.result.is_none() {
        opts.result = optional("Ожидаемый результат (result, with a number)")?;
    }
    if opts.indicators.is_empty() {
        let known: Vec<String> = input
            .indicators
            .iter()
            .flat_map(|(_, l)| l.iter().map(|i| i.id.clone()))
            .collect();
        opts.indicators = ids("Показатели (indicators)", "indicator", &known)?;
    }
    if opts.proposals.is_empty() {
        let known: Vec<String> = input
            .cases
            .iter()
            .filter(|c| c.id == opts.case)
            .flat_map(|c| c.case.proposals.iter().map(|p| p.id.clone()))
            .collect();
        opts.proposals = ids("Предложения (proposals)", "proposal", &known)?;
    }
    if opts.status.is_none() {
        let last = input
            .steps
            .iter()
            .find(|sf| sf.case == opts.case)
            .and_then(|sf| sf.steps.last())
            .map_or(StepStatus::Agreed, |s| s.status);
        let all = StepStatus::ALL;
        let at = Select::new()
            .with_prompt("Статус (status)")
            .items(all.iter().map(|s| s.as_str()))
            .default(all.iter().position(|s| *s == last).unwrap_or(0))
            .interact()?;
        opts.status = Some(all[at]);
    }
    if opts.id.is_none() {
        opts.id = optional("id (empty: the next <case>-<n>)")?;
    }
    Ok(())
}

fn ask_proposal(opts: &mut AddProposal) -> Result<()> {
    let input = load(opts.dir.as_deref())?;
    if opts.case.is_empty() {
        opts.case = choose_case(&input)?;
    }
    if opts.text.is_empty() {
        opts.text = required("Предложение (text)")?;
    }
    if opts.problems.is_empty() {
        let known: Vec<String> = input
            .cases
            .iter()
            .filter(|c| c.id == opts.case)
            .flat_map(|c| c.case.problems.iter().map(|p| p.id.clone()))
            .collect();
        opts.problems = ids("Проблемы (problems)", "problem", &known)?;
    }
    if opts.votes.is_none() {
        let votes = Ask::<String>::new()
            .with_prompt("Голоса (votes)")
            .allow_empty(true)
            .validate_with(|s: &String| -> Result<(), &str> {
                if s.trim().is_empty() || s.trim().parse::<u32>().is_ok() {
                    Ok(())
                } else {
                    Err("a whole number, or nothing")
                }
            })
            .interact_text()?;
        opts.votes = votes.trim().parse().ok();
    }
    if opts.status.is_none() {
        let all = ProposalStatus::ALL;
        let at = Select::new()
            .with_prompt("Статус (status)")
            .items(all.iter().map(|s| s.as_str()))
            .default(
                all.iter()
                    .position(|s| *s == ProposalStatus::default())
                    .unwrap_or(0),
            )
            .interact()?;
        opts.status = Some(all[at]);
    }
    if opts.reason.is_none() && opts.status != Some(ProposalStatus::Accepted) {
        opts.reason = optional("Причина (reason)")?;
    }
    if opts.id.is_none() {
        opts.id = optional("id (empty: the next in the case's pattern)")?;
    }
    Ok(())
}

fn ask_participant(opts: &mut AddParticipant) -> Result<()> {
    let input = load(opts.dir.as_deref())?;
    if opts.name.is_empty() {
        opts.name = required("Фамилия Имя Отчество (name)")?;
    }
    if opts.position.is_none() {
        opts.position = optional("Должность (position)")?;
    }
    if opts.organisation.is_none() {
        opts.organisation = ids(
            "Организация (organisation)",
            "organisation",
            &org_ids(&input),
        )?
        .into_iter()
        .next();
    }
    if opts.role.is_none() {
        let all = Role::ALL;
        let at = Select::new()
            .with_prompt("Роль (role)")
            .items(all.iter().map(|r| r.as_str()))
            .default(all.iter().position(|r| *r == Role::default()).unwrap_or(0))
            .interact()?;
        // The default role is not written, as with the flags.
        opts.role = (all[at] != Role::default()).then_some(all[at]);
    }
    if opts.cases.is_empty() {
        let known: Vec<String> = input.cases.iter().map(|c| c.id.clone()).collect();
        opts.cases = ids("Кейсы (cases)", "case", &known)?;
    }
    if opts.publish {
        // No default: Enter alone must not print the name of someone who asked not to be named.
        opts.publish = yes_no("Печатать ФИО в документе (publish the name)? [д/н, y/n]")?;
    }
    Ok(())
}

/// The programme as it is, for the choices. Files that do not load only leave their choices
/// out: the command itself reports what is wrong with them.
fn load(dir: Option<&std::path::Path>) -> Result<Input> {
    Ok(crate::check(dir)?.input)
}

fn choose_case(input: &Input) -> Result<String> {
    let mut cases: Vec<_> = input.cases.iter().collect();
    cases.sort_by_key(|c| c.case.number);
    if cases.is_empty() {
        return required("Кейс (case id)");
    }
    let items: Vec<String> = cases
        .iter()
        .map(|c| {
            let title: String = c.case.title.chars().take(60).collect();
            format!("{} — {}. {title}", c.id, c.case.number)
        })
        .collect();
    let at = Select::new()
        .with_prompt("Кейс (case)")
        .items(&items)
        .default(0)
        .interact()?;
    Ok(cases[at].id.clone())
}

fn org_ids(input: &Input) -> Vec<String> {
    input
        .organisations
        .iter()
        .flat_map(|(_, l)| l.iter().map(|o| o.id.clone()))
        .collect()
}

fn required(prompt: &str) -> Result<String> {
    Ok(Ask::<String>::new()
        .with_prompt(prompt)
        .validate_with(|s: &String| -> Result<(), &str> {
            if s.trim().is_empty() {
                Err("required")
            } else {
                Ok(())
            }
        })
        .interact_text()?
        .trim()
        .to_owned())
}

fn optional(prompt: &str) -> Result<Option<String>> {
    Ok(non_empty(
        Ask::<String>::new()
            .with_prompt(prompt)
            .allow_empty(true)
            .interact_text()?,
    ))
}

/// Asks a question that needs an explicit yes or no, in Russian or English; anything else asks
/// again.
fn yes_no(prompt: &str) -> Result<bool> {
    let answer = Ask::<String>::new()
        .with_prompt(prompt)
        .validate_with(|s: &String| -> Result<(), &str> {
            match yes_no_answer(s) {
                Some(_) => Ok(()),
                None => Err("ответьте д (да) или н (нет); answer y (yes) or n (no)"),
            }
        })
        .interact_text()?;
    Ok(yes_no_answer(&answer) == Some(true))
}

/// `д`, `да`, `y`, `yes` are yes; `н`, `нет`, `n`, `no` are no, in any case of letters.
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

/// Asks for a comma-separated list of ids of one kind, each checked against `known`.
fn ids(prompt: &str, noun: &str, known: &[String]) -> Result<Vec<String>> {
    let shown = if known.is_empty() || known.len() > 12 {
        String::new()
    } else {
        format!(" [{}]", known.join(", "))
    };
    let answer = Ask::<String>::new()
        .with_prompt(format!("{prompt}{shown}"))
        .allow_empty(true)
        .validate_with(|s: &String| -> Result<(), String> {
            for id in split(s) {
                if !known.is_empty() && !known.contains(&id) {
                    let near = suggest::nearest(&id, known.iter().map(String::as_str));
                    return Err(match near {
                        Some(n) => format!("unknown {noun} `{id}`: did you mean `{n}`?"),
                        None => format!("unknown {noun} `{id}`"),
                    });
                }
            }
            Ok(())
        })
        .interact_text()?;
    Ok(split(&answer))
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
        for neither in ["", "ok", "нe", "д н", "1"] {
            assert_eq!(yes_no_answer(neither), None, "{neither}");
        }
    }
}
