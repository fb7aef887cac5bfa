//! Stage `edit`, the commands: `add-step`, `add-proposal` and `add-participant` record what the
//! session agrees while it is being agreed.
//!
//! Each command turns its options into an [`Entry`] and hands it to one engine, which
//!
//! 1. takes the programme lock ([`Lock`]), so concurrent writers wait for each other and each
//!    reads what the previous one wrote;
//! 2. loads and checks the programme as it is, to choose a default id and to know which
//!    findings were already there;
//! 3. appends the entry to the file's text ([`append`](super::append)), touching no byte that
//!    is already written;
//! 4. loads and checks the programme again with the new text in memory (the overlay of
//!    [`check_root`]), and refuses when there is any error, old or new, so a file is never
//!    written into a programme that does not check;
//! 5. writes the file atomically ([`write_atomic`]), still under the lock.
//!
//! Nothing is printed here: the [`Added`] report says what happened and carries every finding,
//! each marked as being in the new entry, caused elsewhere by it, or already there.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::append::{self, AppendError, Entry, Value};
use super::atomic::{resolve_inside, write_atomic};
use super::lock::Lock;
use super::nested::{self, Child, Mode};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::error::Failing;
use crate::i18n::Message;
use crate::load::{Input, MAX_FILE_BYTES};
use crate::locale::Locale;
use crate::model::{ProgressStatus, ProposalStatus, ReportPeriod, Role, StepStatus, is_valid_id};
use crate::{Checked, project, suggest};

/// Where findings about the command's flags are, in place of a file.
pub(crate) const COMMAND_LINE: &str = "(command line)";

/// `add-step`: a step appended to `steps/<case>.yaml`. The fields are the command's flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct AddStep {
    /// The programme root, or `None` to find it as every command does.
    #[arg(skip)]
    pub dir: Option<PathBuf>,

    /// The case (its id: the stem of cases/<case>.yaml). Required.
    #[arg(
        long,
        value_name = "CASE",
        default_value = "",
        hide_default_value = true
    )]
    pub case: String,

    /// Наименование мероприятия: the step's title. Required (asked for on a terminal).
    #[arg(long, default_value = "", hide_default_value = true)]
    pub title: String,

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
    #[arg(long = "partner", value_name = "ORG", value_delimiter = ',')]
    pub partners: Vec<String>,

    /// Ожидаемый результат, preferably with a number.
    #[arg(long)]
    pub result: Option<String>,

    /// Target indicator id (repeat, or separate with commas).
    #[arg(long = "indicator", value_name = "ID", value_delimiter = ',')]
    pub indicators: Vec<String>,

    /// Proposal id of the same case that the step carries out (repeat, or separate with commas).
    #[arg(long = "proposal", value_name = "ID", value_delimiter = ',')]
    pub proposals: Vec<String>,

    /// Status; when absent none is written (agreed).
    #[arg(long, value_enum)]
    pub status: Option<StepStatus>,

    /// The step's id. Default: the next in the file's pattern (vol-3), else <case>-<n>.
    #[arg(long)]
    pub id: Option<String>,

    /// Check and print the text that would be appended; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// `add-proposal`: a proposal appended to the `proposals` of `cases/<case>.yaml`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct AddProposal {
    /// The programme root, or `None` to find it.
    #[arg(skip)]
    pub dir: Option<PathBuf>,

    /// The case (its id). Required.
    #[arg(
        long,
        value_name = "CASE",
        default_value = "",
        hide_default_value = true
    )]
    pub case: String,

    /// The proposal. Required (asked for on a terminal).
    #[arg(long, default_value = "", hide_default_value = true)]
    pub text: String,

    /// Problem id of the same case that it answers (repeat, or separate with commas).
    #[arg(long = "problem", value_name = "ID", value_delimiter = ',')]
    pub problems: Vec<String>,

    /// Votes it got.
    #[arg(long)]
    pub votes: Option<u32>,

    /// Status; when absent none is written (accepted).
    #[arg(long, value_enum)]
    pub status: Option<ProposalStatus>,

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

/// `add-participant`: a person appended to `participants.yaml`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct AddParticipant {
    /// The programme root, or `None` to find it.
    #[arg(skip)]
    pub dir: Option<PathBuf>,

    /// «Фамилия Имя Отчество». Required (asked for on a terminal).
    #[arg(long, default_value = "", hide_default_value = true)]
    pub name: String,

    /// Должность.
    #[arg(long)]
    pub position: Option<String>,

    /// Organisation id.
    #[arg(long, value_name = "ORG")]
    pub organisation: Option<String>,

    /// Role at the session; when absent none is written (participant).
    #[arg(long, value_enum)]
    pub role: Option<Role>,

    /// Case the person worked in (repeat, or separate with commas).
    #[arg(long = "case", value_name = "CASE", value_delimiter = ',')]
    pub cases: Vec<String>,

    /// Never print the person's name, only the organisation and the counts
    /// (`--no-publish` writes `publish: false`).
    #[arg(long = "no-publish", action = clap::ArgAction::SetFalse)]
    pub publish: bool,

    /// The participant's id. Default: the surname in latin letters (ivanova), made unique.
    #[arg(long)]
    pub id: Option<String>,

    /// Check and print the text that would be appended; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// `add-progress`: where a step stood at the end of a report period, added to its `progress`.
#[derive(Debug, Clone, clap::Args)]
pub struct AddProgress {
    /// The programme root, or `None` to find it.
    #[arg(skip)]
    pub dir: Option<PathBuf>,

    /// The step (its id).
    #[arg(long, value_name = "ID")]
    pub step: String,

    /// The report period: a year (2027) or a quarter (2027-Q2).
    #[arg(long, value_name = "PERIOD")]
    pub period: String,

    /// Where the step stands at the end of the period.
    #[arg(long, value_enum)]
    pub status: ProgressStatus,

    /// The day it was done, YYYY-MM-DD or DD.MM.YYYY (with --status done).
    #[arg(long, value_name = "DATE")]
    pub done_on: Option<String>,

    /// What was done, or why not.
    #[arg(long)]
    pub comment: Option<String>,

    /// Check and print the text that would be added; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// `set-actual`: the value an indicator reached in a year, set in its `actual`.
#[derive(Debug, Clone, clap::Args)]
pub struct SetActual {
    /// The programme root, or `None` to find it.
    #[arg(skip)]
    pub dir: Option<PathBuf>,

    /// The indicator (its id).
    #[arg(long, value_name = "ID")]
    pub indicator: String,

    /// The year of the value.
    #[arg(long)]
    pub year: i32,

    /// The value reached.
    #[arg(long, allow_negative_numbers = true)]
    pub value: f64,

    /// Why the value differs from the target (kept from the file when not given).
    #[arg(long)]
    pub note: Option<String>,

    /// Check and print the text that would be written; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// What an add command did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The file was written.
    Written,
    /// `--dry-run`: everything checked, nothing written.
    DryRun,
    /// The programme has errors with the entry (new or old ones): nothing was written.
    Rejected,
}

/// Where a finding comes from, relative to the edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// In the lines of the new entry.
    Entry,
    /// Elsewhere, but new with the entry (an id it duplicates, reported at the other one).
    Edit,
    /// Already in the programme before the edit.
    Existing,
}

/// One finding and where it comes from.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The finding.
    pub diagnostic: Diagnostic,
    /// In the new entry, caused by it, or already there.
    pub origin: Origin,
}

/// The report of an add command.
#[derive(Debug)]
pub struct Added {
    /// The new entry's id.
    pub id: String,
    /// A step's number in the document (`2.4`), when the programme checks.
    pub number: Option<String>,
    /// The file, relative to the root.
    pub file: String,
    /// The file did not exist and is created.
    pub created: bool,
    /// The text added to the file (the whole file when it is created); empty when the entry
    /// could not be placed at all.
    pub text: String,
    /// Written, dry run, or rejected.
    pub outcome: Outcome,
    /// Every finding of the programme with the entry, sorted.
    pub findings: Vec<Finding>,
    /// The programme as checked (with the entry when it could be placed): its texts give the
    /// findings their snippets.
    pub checked: Checked,
}

impl Added {
    /// Errors and warnings from `origin`.
    pub fn counts(&self, origin: Origin) -> (usize, usize) {
        let of = |s: Severity| {
            self.findings
                .iter()
                .filter(|f| f.origin == origin && f.diagnostic.severity == s)
                .count()
        };
        (of(Severity::Error), of(Severity::Warning))
    }

    /// The findings from `origin`.
    pub fn from(&self, origin: Origin) -> impl Iterator<Item = &Diagnostic> {
        self.findings
            .iter()
            .filter(move |f| f.origin == origin)
            .map(|f| &f.diagnostic)
    }
}

/// What the engine is to add, decided once the programme is loaded (under the lock).
struct Plan {
    /// The file, relative to the root.
    rel: String,
    /// The text of the file when it does not exist yet; `None`: it must exist.
    header: Option<String>,
    /// Append under this key of a mapping, or to the top-level sequence.
    key: Option<&'static str>,
    /// Set a key of a mapping under an item instead of appending.
    nested: Option<Nested>,
    id: String,
    entry: Entry,
    /// The flag that supplied each key of the entry (the id only when it was given).
    flags: Vec<(&'static str, &'static str)>,
}

/// A key set under a list item: `progress.<period>` of a step, `actual.<year>` of an
/// indicator.
struct Nested {
    /// The item's id.
    item: String,
    /// The mapping of the item.
    parent: &'static str,
    /// The key in it.
    key: String,
    /// Its value.
    child: Child,
    /// Whether a key already there is replaced.
    mode: Mode,
    /// The flag that gave the key (`--period`, `--year`).
    key_flag: &'static str,
}

/// Adds a step to `steps/<case>.yaml`.
pub fn add_step(opts: &AddStep) -> Result<Added> {
    let root = project::find_root(opts.dir.as_deref())?;
    let added = run(&root, opts.dry_run, |before| {
        known_case(&root, before, &opts.case)?;
        let id = match &opts.id {
            Some(id) => id.clone(),
            None => next_step_id(&before.input, &opts.case),
        };
        let responsible = match opts.responsible.as_slice() {
            [] => None,
            [one] => Some(Value::Id(one.clone())),
            many => Some(Value::Ids(many.to_vec())),
        };
        let mut entry = Entry::new()
            .with("id", Value::Id(id.clone()))
            .with("title", Value::Text(opts.title.clone()))
            .text("description", opts.description.as_deref());
        // A bare year is written as the number people write (`deadline: 2028`), not quoted.
        match opts.deadline.as_deref() {
            Some(year)
                if year.len() == 4
                    && !year.starts_with('0')
                    && year.bytes().all(|b| b.is_ascii_digit()) =>
            {
                entry = entry.with("deadline", Value::Int(year.parse().unwrap_or_default()));
            }
            other => entry = entry.text("deadline", other),
        }
        if let Some(r) = responsible {
            entry = entry.with("responsible", r);
        }
        entry = entry
            .ids("partners", &opts.partners)
            .text("result", opts.result.as_deref())
            .ids("indicators", &opts.indicators)
            .ids("proposals", &opts.proposals);
        if let Some(s) = opts.status {
            entry = entry.with("status", Value::Id(s.as_str().into()));
        }
        let locale = locale(&before.input);
        Ok(Plan {
            rel: format!("steps/{}.yaml", opts.case),
            header: Some(steps_header(&opts.case, locale)),
            key: None,
            nested: None,
            id,
            entry,
            flags: flags(
                opts.id.is_some(),
                &[
                    ("title", "--title"),
                    ("description", "--description"),
                    ("deadline", "--deadline"),
                    ("responsible", "--responsible"),
                    ("partners", "--partner"),
                    ("result", "--result"),
                    ("indicators", "--indicator"),
                    ("proposals", "--proposal"),
                    ("status", "--status"),
                ],
            ),
        })
    })?;
    Ok(with_number(added, &opts.case))
}

/// Adds a proposal to the `proposals` of `cases/<case>.yaml`.
pub fn add_proposal(opts: &AddProposal) -> Result<Added> {
    let root = project::find_root(opts.dir.as_deref())?;
    run(&root, opts.dry_run, |before| {
        known_case(&root, before, &opts.case)?;
        let id = match &opts.id {
            Some(id) => id.clone(),
            None => next_proposal_id(&before.input, &opts.case),
        };
        let mut entry = Entry::new()
            .with("id", Value::Id(id.clone()))
            .with("text", Value::Text(opts.text.clone()))
            .ids("problems", &opts.problems);
        if let Some(v) = opts.votes {
            entry = entry.with("votes", Value::Int(v.into()));
        }
        if let Some(s) = opts.status {
            entry = entry.with("status", Value::Id(s.as_str().into()));
        }
        entry = entry.text("reason", opts.reason.as_deref());
        Ok(Plan {
            rel: format!("cases/{}.yaml", opts.case),
            header: None,
            key: Some("proposals"),
            nested: None,
            id,
            entry,
            flags: flags(
                opts.id.is_some(),
                &[
                    ("text", "--text"),
                    ("problems", "--problem"),
                    ("votes", "--votes"),
                    ("status", "--status"),
                    ("reason", "--reason"),
                ],
            ),
        })
    })
}

/// Adds a person to `participants.yaml` (created when missing).
pub fn add_participant(opts: &AddParticipant) -> Result<Added> {
    let root = project::find_root(opts.dir.as_deref())?;
    run(&root, opts.dry_run, |before| {
        let id = match &opts.id {
            Some(id) => id.clone(),
            None => participant_id(&before.input, &opts.name),
        };
        let mut entry = Entry::new()
            .with("id", Value::Id(id.clone()))
            .with("name", Value::Text(opts.name.clone()))
            .text("position", opts.position.as_deref());
        if let Some(org) = &opts.organisation {
            entry = entry.with("organisation", Value::Id(org.clone()));
        }
        if let Some(role) = opts.role {
            entry = entry.with("role", Value::Id(role.as_str().into()));
        }
        entry = entry.ids("cases", &opts.cases);
        if !opts.publish {
            entry = entry.with("publish", Value::Bool(false));
        }
        Ok(Plan {
            rel: "participants.yaml".into(),
            header: Some(participants_header(locale(&before.input))),
            key: None,
            nested: None,
            id,
            entry,
            flags: flags(
                opts.id.is_some(),
                &[
                    ("name", "--name"),
                    ("position", "--position"),
                    ("organisation", "--organisation"),
                    ("role", "--role"),
                    ("cases", "--case"),
                    ("publish", "--no-publish"),
                ],
            ),
        })
    })
}

/// Adds where a step stood at the end of a period to its `progress` in `steps/<case>.yaml`.
///
/// A period already recorded is refused: its entry holds a comment and amounts people wrote,
/// which a replacement would drop unseen; a correction is an edit of the file, seen in review.
pub fn add_progress(opts: &AddProgress) -> Result<Added> {
    let root = project::find_root(opts.dir.as_deref())?;
    run(&root, opts.dry_run, |before| {
        let input = &before.input;
        let (file, step) = find_step(input, &opts.step)?;
        let period = ReportPeriod::parse(opts.period.trim()).map_err(|e| {
            Box::new(
                Diagnostic::error(
                    Code::BadReportPeriod,
                    COMMAND_LINE,
                    crate::msg!(
                        FlagFinding,
                        flag = format!("--period {}", opts.period),
                        why = e.message
                    ),
                )
                .hint(e.hint),
            )
        })?;
        if let Some((p, _)) = step.progress_by_period().find(|(p, _)| *p == period) {
            return Err(Box::new(
                Diagnostic::error(
                    Code::DuplicateKey,
                    COMMAND_LINE,
                    crate::msg!(
                        CmdProgressRecorded,
                        period = p.to_string(),
                        step = step.id.as_str()
                    ),
                )
                .hint(crate::msg!(CmdProgressRecordedHint, file = file.as_str())),
            ));
        }
        let mut entry = Entry::new().with("status", Value::Text(opts.status.as_str().into()));
        // A date as the input writes it; what does not read is written as given, for `check`.
        if let Some(d) = &opts.done_on {
            let written = match crate::model::Date::parse(d) {
                Ok(date) => date.to_string(),
                Err(_) => d.clone(),
            };
            entry = entry.with("done_on", Value::Text(written));
        }
        entry = entry.text("comment", opts.comment.as_deref());
        Ok(Plan {
            rel: file,
            header: None,
            key: None,
            nested: Some(Nested {
                item: step.id.clone(),
                parent: "progress",
                key: period.to_string(),
                child: Child::Map(entry.clone()),
                mode: Mode::Insert,
                key_flag: "--period",
            }),
            id: format!("{} {period}", step.id),
            entry,
            flags: vec![
                ("status", "--status"),
                ("done_on", "--done-on"),
                ("comment", "--comment"),
            ],
        })
    })
}

/// Sets the value an indicator reached in a year in its `actual` in `indicators.yaml`,
/// replacing the year's value when there is one (a yearly correction is normal); its note is
/// kept unless `--note` gives a new one.
pub fn set_actual(opts: &SetActual) -> Result<Added> {
    let root = project::find_root(opts.dir.as_deref())?;
    run(&root, opts.dry_run, |before| {
        let input = &before.input;
        let ids: Vec<&str> = input
            .indicators
            .iter()
            .flat_map(|(_, l)| l.iter().map(|i| i.id.as_str()))
            .collect();
        let Some((file, _)) = input
            .indicators
            .as_ref()
            .filter(|(_, l)| l.iter().any(|i| i.id == opts.indicator))
        else {
            return Err(unknown_id("--indicator", &opts.indicator, &ids));
        };
        // `inf` and `NaN` read as numbers on the command line, not in YAML.
        if !opts.value.is_finite() {
            return Err(Box::new(
                Diagnostic::error(
                    Code::BadNumber,
                    COMMAND_LINE,
                    crate::msg!(
                        FlagFinding,
                        flag = format!("--value {}", opts.value),
                        why = crate::msg!(CheckBadNumber, value = opts.value.to_string())
                    ),
                )
                .hint(crate::msg!(CheckBadNumberHint)),
            ));
        }
        let mut entry = Entry::new().with("value", Value::Number(opts.value));
        entry = entry.text("note", opts.note.as_deref());
        Ok(Plan {
            rel: input.source(*file).rel.clone(),
            header: None,
            key: None,
            nested: Some(Nested {
                item: opts.indicator.clone(),
                parent: "actual",
                key: opts.year.to_string(),
                child: Child::Valued(entry.clone()),
                mode: Mode::Set,
                key_flag: "--year",
            }),
            id: format!("{} {}", opts.indicator, opts.year),
            entry,
            flags: vec![("value", "--value"), ("note", "--note")],
        })
    })
}

/// The steps file (relative to the root) and the step with the id `id`, or a finding about
/// `--step` with the nearest id.
fn find_step<'i>(
    input: &'i Input,
    id: &str,
) -> Result<(String, &'i crate::model::Step), Box<Diagnostic>> {
    for sf in &input.steps {
        if let Some(step) = sf.steps.iter().find(|s| s.id == id) {
            return Ok((input.source(sf.file).rel.clone(), step));
        }
    }
    let ids: Vec<&str> = input
        .steps
        .iter()
        .flat_map(|sf| sf.steps.iter().map(|s| s.id.as_str()))
        .collect();
    Err(unknown_id("--step", id, &ids))
}

/// A finding about a flag naming an id that does not exist, with the nearest one as a hint.
fn unknown_id(flag: &str, id: &str, ids: &[&str]) -> Box<Diagnostic> {
    let hint = match suggest::nearest(id, ids.iter().copied()) {
        Some(near) => crate::msg!(CmdAddDidYouMean, id = near),
        None => crate::msg!(CmdUnknownIdKnown, list = quoted_list(ids)),
    };
    Box::new(
        Diagnostic::error(
            Code::DanglingReference,
            COMMAND_LINE,
            crate::msg!(
                CmdUnknownId,
                flag = flag,
                id = id,
                what = flag.trim_start_matches('-')
            ),
        )
        .hint(hint),
    )
}

/// The engine: lock, load, plan, append, check, write.
fn run(
    root: &Path,
    dry_run: bool,
    plan: impl FnOnce(&Checked) -> Result<Plan, Box<Diagnostic>>,
) -> Result<Added> {
    // A dry run writes nothing, so it needs no lock (and works in a read-only folder).
    let _lock = if dry_run {
        None
    } else {
        Some(Lock::acquire(root)?)
    };
    // Only the edited file is parsed again for the check after the edit.
    let mut cache = crate::load::Cache::default();
    let (input, load_findings) =
        crate::load::load_cached(root, &BTreeMap::new(), Some(&mut cache))?;
    let loaded = Checked {
        input,
        diagnostics: Vec::new(),
    };
    // The rules run over the programme as it is on a thread of their own, while the entry is
    // planned, placed and checked with the programme: the entry needs only what loaded.
    let (found, edit) = std::thread::scope(|scope| {
        let checking = scope.spawn(|| crate::check_loaded(root, &loaded.input));
        let edit = edit(root, &loaded, plan, &mut cache);
        match checking.join() {
            Ok(found) => (found, edit),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    let before = found.complete(loaded.input, load_findings);
    let Edit {
        plan,
        path,
        created,
        appended,
        after,
    } = match edit? {
        Ok(edit) => edit,
        Err(refusal) => {
            let Refusal { reason, id, file } = *refusal;
            return Ok(refused(before, reason, id, file));
        }
    };
    let lines = appended.lines();
    let in_entry = |d: &Diagnostic| {
        d.file == plan.rel && (created || d.line.is_some_and(|l| l >= lines.0 && l <= lines.1))
    };
    let mut findings = classify(&before.diagnostics, &after.diagnostics, in_entry);
    crate::drop_aside(before);
    for f in &mut findings {
        if f.origin == Origin::Entry && f.diagnostic.severity == Severity::Error {
            on_flag(&mut f.diagnostic, &plan);
        }
    }
    let rejected = findings
        .iter()
        .any(|f| f.diagnostic.severity == Severity::Error);
    let outcome = if rejected {
        Outcome::Rejected
    } else if dry_run {
        Outcome::DryRun
    } else {
        let permissions = if created {
            // A new file gets the permissions of the programme's other files.
            std::fs::metadata(root.join(project::MARKER))
                .ok()
                .map(|m| m.permissions())
        } else {
            None
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .failing(|| crate::msg!(ErrCannotCreate, path = parent.display().to_string()))?;
        }
        write_atomic(&path, appended.text.as_bytes(), permissions)?;
        Outcome::Written
    };
    Ok(Added {
        id: plan.id,
        number: None,
        file: plan.rel,
        created,
        text: if created {
            appended.text.clone()
        } else {
            appended.added().to_owned()
        },
        outcome,
        findings,
        checked: after,
    })
}

/// An entry placed in its file and checked with the programme.
struct Edit {
    plan: Plan,
    /// The file it goes into.
    path: std::path::PathBuf,
    /// The file is new.
    created: bool,
    appended: append::Appended,
    /// The programme with the entry.
    after: Checked,
}

/// Why an entry could not even be placed, for [`refused`].
struct Refusal {
    reason: Diagnostic,
    id: String,
    file: String,
}

/// Plans the entry over the programme as loaded (`before`, without its findings yet), places
/// it in the text of its file, and checks the programme with it.
fn edit(
    root: &Path,
    before: &Checked,
    plan: impl FnOnce(&Checked) -> Result<Plan, Box<Diagnostic>>,
    cache: &mut crate::load::Cache,
) -> Result<Result<Edit, Box<Refusal>>> {
    let refuse = |reason: Diagnostic, id: String, file: String| {
        Ok(Err(Box::new(Refusal { reason, id, file })))
    };
    let plan = match plan(before) {
        Ok(p) => p,
        Err(d) => return refuse(*d, String::new(), String::new()),
    };
    // A linked file is edited where it lies, when that is inside the programme.
    let path = match resolve_inside(root, &plan.rel) {
        Ok(path) => path,
        Err(d) => return refuse(*d, plan.id, plan.rel),
    };
    let old = match read(&path)? {
        Some(old) => Some(old),
        None if plan.header.is_some() => None,
        None => {
            let d = Diagnostic::error(
                Code::MissingFile,
                &plan.rel,
                crate::msg!(CmdAddMissingFile, file = plan.rel.as_str()),
            );
            return refuse(d, plan.id, plan.rel);
        }
    };
    let created = old.is_none();
    let base = match &old {
        Some(Ok(text)) => text.clone(),
        Some(Err(why)) => {
            let d = Diagnostic::error(Code::CannotAppend, &plan.rel, why.clone())
                .hint(crate::msg!(CmdAddFixFileHint));
            return refuse(d, plan.id, plan.rel);
        }
        None => plan.header.clone().unwrap_or_default(),
    };
    let appended = match (&plan.nested, plan.key) {
        (Some(n), _) => nested::set_under_item(&base, &n.item, n.parent, &n.key, &n.child, n.mode),
        (None, None) => append::append_item(&base, &plan.entry),
        (None, Some(key)) => append::append_under_key(&base, key, &plan.entry),
    };
    let appended = match appended {
        Ok(a) => a,
        Err(e) => {
            let d = append_diagnostic(&e, &plan.rel);
            return refuse(d, plan.id, plan.rel);
        }
    };
    let overlay = BTreeMap::from([(plan.rel.clone(), appended.text.clone())]);
    let after = crate::check_root_cached(root, &overlay, Some(cache))?;
    Ok(Ok(Edit {
        plan,
        path,
        created,
        appended,
        after,
    }))
}

/// Reads a file: `None` when it does not exist, `Some(Err(why))` when it is not text this
/// command can edit.
fn read(path: &Path) -> Result<Option<Result<String, Message>>> {
    let cannot_read = || crate::msg!(ErrCannotRead, path = path.display().to_string());
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(crate::error::Failure::new(cannot_read()).because(e).into()),
        // Reading a FIFO or a device would wait forever or never end.
        Ok(m) if !m.is_file() => return Ok(Some(Err(crate::msg!(CmdAddNotRegular)))),
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            return Ok(Some(Err(crate::msg!(CmdAddTooLarge))));
        }
        Ok(_) => {}
    }
    let bytes = std::fs::read(path).failing(cannot_read)?;
    Ok(Some(
        String::from_utf8(bytes).map_err(|_| crate::msg!(CmdAddNotUtf8)),
    ))
}

/// A report of an entry that could not even be placed: the reason, and what was already wrong.
fn refused(before: Checked, reason: Diagnostic, id: String, file: String) -> Added {
    let mut findings = vec![Finding {
        diagnostic: reason,
        origin: Origin::Entry,
    }];
    findings.extend(before.diagnostics.iter().map(|d| Finding {
        diagnostic: d.clone(),
        origin: Origin::Existing,
    }));
    Added {
        id,
        number: None,
        file,
        created: false,
        text: String::new(),
        outcome: Outcome::Rejected,
        findings,
        checked: before,
    }
}

/// Marks each finding of the edited programme: in the entry, already there before (same
/// finding, maybe on a shifted line), or new elsewhere.
fn classify(
    before: &[Diagnostic],
    after: &[Diagnostic],
    in_entry: impl Fn(&Diagnostic) -> bool,
) -> Vec<Finding> {
    let key = |d: &Diagnostic| {
        (
            d.severity,
            d.code,
            d.file.clone(),
            d.message.clone(),
            d.path.clone(),
        )
    };
    let mut old: Vec<_> = before.iter().map(key).collect();
    after
        .iter()
        .map(|d| {
            let origin = if in_entry(d) {
                Origin::Entry
            } else if let Some(i) = old.iter().position(|k| *k == key(d)) {
                old.swap_remove(i);
                Origin::Existing
            } else {
                Origin::Edit
            };
            Finding {
                diagnostic: d.clone(),
                origin,
            }
        })
        .collect()
}

/// The keys of an entry with the flags that give them, `--id` included when it was given.
fn flags(
    id_given: bool,
    keys: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    let id = id_given.then_some(("id", "--id"));
    id.into_iter().chain(keys.iter().copied()).collect()
}

/// Turns an error about a value of the new entry into one about the flag that gave it
/// (`--responsible centr: unknown organisation …`): the line it points at is not in the file,
/// since the entry was refused. Errors about the entry as a whole stay as they are.
fn on_flag(d: &mut Diagnostic, plan: &Plan) {
    let Some(path) = d.path.as_deref() else {
        return;
    };
    // `steps[1].responsible[1]`: the key `responsible`, its item 1.
    let (path, item) = match path.strip_suffix(']').and_then(|p| p.rsplit_once('[')) {
        Some((p, i)) => match i.parse::<usize>() {
            Ok(i) => (p, Some(i)),
            Err(_) => return,
        },
        None => (path, None),
    };
    let Some((entry, key)) = path.rsplit_once('.') else {
        return;
    };
    // Under a nested key (`steps[1].progress.2027-Q2.done_on`), or the key itself.
    let nested = plan
        .nested
        .as_ref()
        .map(|n| (format!(".{}.{}", n.parent, n.key), n));
    if let Some((tail, n)) = &nested
        && path.ends_with(tail.as_str())
        && item.is_none()
    {
        d.message = crate::msg!(
            FlagFinding,
            flag = format!("{} {}", n.key_flag, n.key),
            why = d.message.clone()
        );
        d.file = COMMAND_LINE.to_owned();
        d.line = None;
        d.column = None;
        d.path = None;
        return;
    }
    let under_nested = nested
        .as_ref()
        .is_some_and(|(tail, _)| entry.ends_with(tail.as_str()));
    if !entry.ends_with(']') && !under_nested {
        return;
    }
    let Some(flag) = plan.flags.iter().find(|(k, _)| *k == key).map(|(_, f)| *f) else {
        return;
    };
    let Some(value) = plan
        .entry
        .fields
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
    else {
        return;
    };
    let value = match (value, item) {
        (Value::Ids(ids), Some(i)) => ids.get(i).cloned().unwrap_or_default(),
        (Value::Ids(ids), None) => ids.join(","),
        (Value::Text(t) | Value::Id(t), _) => t.clone(),
        (Value::Int(n), _) => n.to_string(),
        // `--no-publish` takes no value.
        (Value::Bool(_), _) => String::new(),
        (Value::Number(n), _) => n.to_string(),
    };
    // Enough of a long text to recognise it.
    let value = if value.chars().count() > 40 {
        format!("{}…", value.chars().take(40).collect::<String>())
    } else {
        value
    };
    let given = if value.is_empty() {
        flag.to_owned()
    } else {
        format!("{flag} {value}")
    };
    d.message = crate::msg!(FlagFinding, flag = given, why = d.message.clone());
    d.file = COMMAND_LINE.to_owned();
    d.line = None;
    d.column = None;
    d.path = None;
}

/// The finding for an entry that cannot be appended to the file.
fn append_diagnostic(e: &AppendError, rel: &str) -> Diagnostic {
    let d = Diagnostic::error(
        Code::CannotAppend,
        rel,
        crate::msg!(CmdAppendCannotAdd, why = e.message()),
    )
    .hint(e.hint());
    match e.pos() {
        Some(pos) => d.at(pos),
        None => d,
    }
}

/// Checks that `case` is an id and has a case file; otherwise a finding with a did-you-mean.
fn known_case(root: &Path, before: &Checked, case: &str) -> Result<(), Box<Diagnostic>> {
    let rel = format!("cases/{case}.yaml");
    if !is_valid_id(case) {
        let suggestion = suggest::id_from(case);
        let hint = if is_valid_id(&suggestion) {
            crate::msg!(CmdAddCaseIdHintExample, example = suggestion)
        } else {
            crate::msg!(CmdAddCaseIdHint)
        };
        return Err(Box::new(
            Diagnostic::error(
                Code::InvalidId,
                COMMAND_LINE,
                crate::msg!(CmdAddInvalidCase, case = case),
            )
            .hint(hint),
        ));
    }
    // A case file that exists but does not load is reported by the check itself.
    if root.join(&rel).is_file() {
        return Ok(());
    }
    let ids: Vec<&str> = before.input.cases.iter().map(|c| c.id.as_str()).collect();
    let hint = match suggest::nearest(case, ids.iter().copied()) {
        Some(near) => crate::msg!(CmdAddDidYouMean, id = near),
        None if ids.is_empty() => crate::msg!(CmdAddNoCases),
        None => crate::msg!(CmdAddKnownCases, list = quoted_list(&ids)),
    };
    Err(Box::new(
        Diagnostic::error(
            Code::DanglingReference,
            COMMAND_LINE,
            crate::msg!(CmdAddUnknownCase, case = case, file = rel),
        )
        .hint(hint),
    ))
}

/// `` `a`, `b`, `c` `` (in Russian «a», «b», «c»).
pub(crate) fn quoted_list(names: &[&str]) -> Message {
    let mut quoted = names.iter().rev().map(|n| crate::msg!(CmdQuote, name = *n));
    let last = quoted
        .next()
        .unwrap_or_else(|| crate::msg!(CmdQuote, name = ""));
    quoted.fold(last, |rest, first| {
        crate::msg!(CmdList, first = first, rest = rest)
    })
}

/// The next id in the pattern of the case's steps file (`vol-3` after `vol-1`, `vol-2`), else
/// `<case>-<n>`; the number is one more than the largest used and the id free across all steps.
fn next_step_id(input: &Input, case: &str) -> String {
    let used: HashSet<&str> = input
        .steps
        .iter()
        .flat_map(|sf| sf.steps.iter().map(|s| s.id.as_str()))
        .collect();
    let own = input
        .steps
        .iter()
        .filter(|sf| sf.case == case)
        .flat_map(|sf| sf.steps.iter().map(|s| s.id.as_str()));
    let prefix = id_pattern(own).unwrap_or_else(|| format!("{case}-"));
    next_id(&prefix, &used)
}

/// The next id in the pattern of the case's proposals (`part-pr6` after `part-pr5`), else
/// `<case>-pr<n>`.
fn next_proposal_id(input: &Input, case: &str) -> String {
    let own = input
        .cases
        .iter()
        .filter(|c| c.id == case)
        .flat_map(|c| c.case.proposals.iter().map(|p| p.id.as_str()));
    let used: HashSet<&str> = input
        .cases
        .iter()
        .flat_map(|c| c.case.proposals.iter().map(|p| p.id.as_str()))
        .collect();
    let prefix = id_pattern(own).unwrap_or_else(|| format!("{case}-pr"));
    next_id(&prefix, &used)
}

/// The pattern of a list of ids: the prefix that every id ending in a number shares (`vol-` for
/// `vol-1`, `vol-2`), when there is one and it makes valid ids; `None` when no id ends in a
/// number or they disagree.
fn id_pattern<'a>(ids: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut prefixes = ids.into_iter().filter_map(|id| {
        let prefix = id.trim_end_matches(|c: char| c.is_ascii_digit());
        (prefix.len() < id.len()).then_some(prefix)
    });
    let first = prefixes.next()?;
    (!first.is_empty() && is_valid_id(first) && prefixes.all(|p| p == first))
        .then(|| first.to_owned())
}

/// `prefix` followed by one more than the largest number used after it, skipping used ids.
fn next_id(prefix: &str, used: &HashSet<&str>) -> String {
    let max = used
        .iter()
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    // After the largest number; from 1 if that is the largest number there is.
    let mut n = max.checked_add(1).unwrap_or(1);
    loop {
        let id = format!("{prefix}{n}");
        if !used.contains(id.as_str()) {
            return id;
        }
        n = n.checked_add(1).unwrap_or(1);
    }
}

/// A participant's id from the name, as the programmes write them: the surname
/// (`Иванова Анна Петровна` → `ivanova`), then surname and first name, then a number.
fn participant_id(input: &Input, name: &str) -> String {
    let used: HashSet<&str> = input
        .participants
        .iter()
        .flat_map(|(_, l)| l.iter().map(|p| p.id.as_str()))
        .collect();
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut base = String::new();
    for n in 1..=words.len().min(2) {
        base = suggest::id_from(&words[..n].join(" "));
        if is_valid_id(&base) && !used.contains(base.as_str()) {
            return base;
        }
    }
    if !is_valid_id(&base) {
        base = "participant".into();
    }
    next_id(&format!("{base}-"), &used)
}

/// Fills in a written step's number in the document: `<case number>.<position in its file>`.
fn with_number(mut added: Added, case: &str) -> Added {
    if added.outcome == Outcome::Rejected {
        return added;
    }
    let input = &added.checked.input;
    let number = input
        .cases
        .iter()
        .find(|c| c.id == case)
        .map(|c| c.case.number);
    let position = input
        .steps
        .iter()
        .find(|sf| sf.case == case)
        .and_then(|sf| sf.steps.iter().position(|s| s.id == added.id));
    if let (Some(n), Some(i)) = (number, position) {
        added.number = Some(format!("{n}.{}", i + 1));
    }
    added
}

fn locale(input: &Input) -> Locale {
    input
        .programme
        .as_ref()
        .map_or(Locale::Ru, |(_, p)| p.locale)
}

/// The comment at the top of a new steps file.
fn steps_header(case: &str, locale: Locale) -> String {
    match locale {
        Locale::Ru => format!(
            "# Мероприятия кейса «{case}». Добавление: nko-draft add-step --case {case} --title …\n"
        ),
        Locale::En => format!(
            "# Steps of the case «{case}». Add more with: nko-draft add-step --case {case} --title …\n"
        ),
    }
}

/// The comment at the top of a new participants file.
fn participants_header(locale: Locale) -> String {
    match locale {
        Locale::Ru => "# Участники сессии. publish: false — имя не печатается нигде, только организация.\n# role: speaker | moderator | expert | participant\n".into(),
        Locale::En => "# The people who took part. publish: false: the name is never printed, only the organisation.\n# role: speaker | moderator | expert | participant\n".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_ids() {
        let used: HashSet<&str> = ["p-1", "p-3", "p-x", "q-9"].into_iter().collect();
        assert_eq!(next_id("p-", &used), "p-4");
        assert_eq!(next_id("r-", &used), "r-1");
        let used: HashSet<&str> = ["p-1", "p-2"].into_iter().collect();
        assert_eq!(next_id("p-", &used), "p-3");
    }

    #[test]
    fn id_patterns() {
        assert_eq!(id_pattern(["vol-1", "vol-2"]).as_deref(), Some("vol-"));
        assert_eq!(
            id_pattern(["part-pr5", "extra"]).as_deref(),
            Some("part-pr")
        );
        assert_eq!(id_pattern(["a-1", "b-2"]), None);
        assert_eq!(id_pattern(["12"]), None);
        assert_eq!(id_pattern(["x"]), None);
        assert_eq!(id_pattern([]), None);
    }

    #[test]
    fn participant_ids_from_names() {
        let mut input = Input::default();
        assert_eq!(participant_id(&input, "Иванова Анна Петровна"), "ivanova");
        assert_eq!(participant_id(&input, "  "), "participant-1");
        let people = ["ivanova", "ivanova-anna"]
            .iter()
            .map(|id| crate::model::Participant {
                id: (*id).into(),
                name: String::new(),
                position: None,
                organisation: None,
                role: Role::Participant,
                cases: Vec::new(),
                publish: true,
            })
            .collect();
        input.participants = Some((crate::load::FileId(0), people));
        assert_eq!(
            participant_id(&input, "Иванова Анна Петровна"),
            "ivanova-anna-1"
        );
    }

    #[test]
    fn findings_are_classified() {
        let d = |line: u32, msg: &str| {
            Diagnostic::warning(
                Code::SmartDeadline,
                "steps/a.yaml",
                crate::msg!(CmdQuote, name = msg),
            )
            .at(crate::yaml::Pos { line, col: 1 })
        };
        let before = [d(3, "old"), d(9, "other")];
        let after = [d(5, "old"), d(12, "new here"), d(20, "new elsewhere")];
        let f = classify(&before, &after, |d| d.line == Some(12));
        let origins: Vec<Origin> = f.iter().map(|f| f.origin).collect();
        assert_eq!(origins, [Origin::Existing, Origin::Entry, Origin::Edit]);
    }
}
