//! Asking for an entry's keys on a terminal, for a secretary typing during the session.
//!
//! Only used when standard input is a terminal and `CI` is not set ([`interactive`]); anywhere
//! else a missing required flag is a usage error, so scripts never hang on a question. Each
//! question offers what the programme already holds (the cases, the organisations), checks the
//! answer as it is typed (an unknown id gets a did-you-mean), and leaves optional keys out when
//! the answer is empty. The prompts go to standard error; standard output stays for the result.

use std::io::IsTerminal;

use anyhow::Result;
use dialoguer::{Confirm, Input as Ask, Select};

use super::add::{AddParticipant, AddProposal, AddStep};
use crate::deadline::Deadline;
use crate::load::Input;
use crate::model::{ProposalStatus, Role, StepStatus};
use crate::suggest;

/// True when questions may be asked: standard input is a terminal and `CI` is not set.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::env::var_os("CI").is_none_or(|v| v.is_empty())
}

/// Asks for the keys of a step that `opts` does not have yet.
pub fn step(opts: &mut AddStep) -> Result<()> {
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
                        None => e.message,
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
        let all = [
            StepStatus::Agreed,
            StepStatus::Proposed,
            StepStatus::Disputed,
        ];
        let names = all.map(super::add::step_status);
        let at = Select::new()
            .with_prompt("Статус (status)")
            .items(names)
            .default(all.iter().position(|s| *s == last).unwrap_or(0))
            .interact()?;
        opts.status = Some(all[at]);
    }
    if opts.id.is_none() {
        opts.id = optional("id (empty: the next <case>-<n>)")?;
    }
    Ok(())
}

/// Asks for the keys of a proposal that `opts` does not have yet.
pub fn proposal(opts: &mut AddProposal) -> Result<()> {
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
        let all = [
            ProposalStatus::Accepted,
            ProposalStatus::Deferred,
            ProposalStatus::Rejected,
        ];
        let at = Select::new()
            .with_prompt("Статус (status)")
            .items(all.map(super::add::proposal_status))
            .default(0)
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

/// Asks for the keys of a participant that `opts` does not have yet.
pub fn participant(opts: &mut AddParticipant) -> Result<()> {
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
        let all = [
            Role::Participant,
            Role::Speaker,
            Role::Moderator,
            Role::Expert,
        ];
        let at = Select::new()
            .with_prompt("Роль (role)")
            .items(all.map(super::add::role_name))
            .default(0)
            .interact()?;
        opts.role = (at > 0).then_some(all[at]);
    }
    if opts.cases.is_empty() {
        let known: Vec<String> = input.cases.iter().map(|c| c.id.clone()).collect();
        opts.cases = ids("Кейсы (cases)", "case", &known)?;
    }
    if opts.publish {
        opts.publish = Confirm::new()
            .with_prompt("Печатать ФИО в документе (publish the name)?")
            .default(true)
            .interact()?;
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
}
