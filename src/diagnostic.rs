//! Findings about the input, as data: severity, file, line and column, YAML path, message and
//! hint; and their renderings (a snippet with a caret for people, one line each for tools,
//! JSON for editors and CI, GitHub Actions annotations).

use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::Serialize;

use crate::i18n::{Lang, Message};
use crate::msg;
use crate::quote::{EXCERPT_CHARS, escape, escaped};
use crate::yaml::{Pos, YamlPath};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input is wrong: `check` fails and `build` stops.
    Error,
    /// The input works but is not SMART or is odd: `check --strict` fails.
    Warning,
}

impl Severity {
    /// The word printed before a finding: `error`, `ошибка`.
    pub fn word(self, lang: Lang) -> String {
        match self {
            Severity::Error => msg!(SeverityError),
            Severity::Warning => msg!(SeverityWarning),
        }
        .text(lang)
    }
}

/// Defines [`Code`] from one list of variants and their printed names.
macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, )+) => {
        /// The kind of a finding: a stable name for tools (`--format short` and `json` print
        /// it), one per rule. The table of `docs/input-format.md` lists each with its severity
        /// and meaning; a test keeps the two in step.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )+
        }

        impl Code {
            /// Every code, in the order of the documentation's table.
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            /// The code as printed: `dangling-reference`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)+
                }
            }
        }
    };
}

codes! {
    /// Error: a template of the programme's own cannot be read or has a syntax error (Tera or
    /// Typst), placed at its line.
    Template = "template",
    /// Warning: Typst warned while making the PDF from the template (an unknown font, a label
    /// used twice), placed at the template's line.
    TemplateWarning = "template-warning",
    /// Warning (`report` only): an indicator's value for the reported year differs from its
    /// target by more than 5 % and its `actual` gives no `note`.
    UnexplainedDeviation = "unexplained-deviation",
    /// Error: `programme.yaml`, `session.yaml` or `organisations.yaml` does not exist (for `add-*`: the file to append to does not)
    MissingFile = "missing-file",
    /// Error: a file exists but cannot be read (permissions, a read error)
    Io = "io",
    /// Error: an input is a folder, a FIFO, a socket, a device or a link that leads nowhere, not a regular file
    NotAFile = "not-a-file",
    /// Error: an input is a symbolic link to a file outside the programme folder; the target is neither read nor named
    OutsideProgramme = "outside-programme",
    /// Error: a file is larger than 32 MiB
    FileTooLarge = "file-too-large",
    /// Error: a file is not UTF-8 text; placed at the first bad byte
    InvalidUtf8 = "invalid-utf8",
    /// Error: not valid YAML, or outside what the format allows: a tab in indentation, a `: ` in an unquoted value, an unclosed bracket, a second document, a tag, a control character, nesting deeper than 64, an alias bomb, an alias to an unknown anchor, a key that is not plain text
    YamlSyntax = "yaml-syntax",
    /// Error: a key appears twice in one mapping (the hint names the line of the first)
    DuplicateKey = "duplicate-key",
    /// Error: `programme.yaml`, `session.yaml` or a case file holds nothing (an empty list file is fine)
    EmptyFile = "empty-file",
    /// Error: a key the format does not have; the hint is the nearest known key
    UnknownKey = "unknown-key",
    /// Error: a required key is missing
    MissingKey = "missing-key",
    /// Error: a value of the wrong type (text for a number, a mapping for a list, nothing for a list), a word that is not one of the allowed values, a negative whole number
    WrongType = "wrong-type",
    /// Warning: a `.yml` file in `cases/` or `steps/`, which is not read
    IgnoredFile = "ignored-file",
    /// Error: a required text (title, name, task, goal, problem, proposal, risk, unit, result…) is empty or only spaces
    EmptyText = "empty-text",
    /// Error: an id, or the name of a case or steps file, breaks the id grammar (for `add-*`: the `--case` given)
    InvalidId = "invalid-id",
    /// Error: an id is defined twice within its kind
    DuplicateId = "duplicate-id",
    /// Error: a reference to an organisation, participant, case, problem, proposal or indicator that does not exist; or a step naming a proposal of another case
    DanglingReference = "dangling-reference",
    /// Warning: the programme has no case file
    NoCases = "no-cases",
    /// Error: the period starts after it ends, a year of it is outside 1900–2200, or it ends before the session's year
    BadPeriod = "bad-period",
    /// Error: `goals` is empty
    MissingGoal = "missing-goal",
    /// Error: a date (`programme.date`, `session.date`, an agreement's `date`, the date of `revision` or `approval`, a progress entry's `done_on`) is not `YYYY-MM-DD` or does not exist
    BadDate = "bad-date",
    /// Error: `status: approved` without `approval`, the act that approved the programme
    MissingApproval = "missing-approval",
    /// Warning: `approval` while `status: draft`: the stamp is not printed
    ApprovalOfDraft = "approval-of-draft",
    /// Error: the date of `revision` or of `approval`, or a step's `done_on`, is before the session
    BeforeSession = "before-session",
    /// Warning: the date of `revision` is before the programme's `date`, or after the date of `approval`
    RevisionOrder = "revision-order",
    /// Error: a `sign_off` row gives both `name` and `participant`, or its `name` is the name of a participant who is not published
    SignOffName = "sign-off-name",
    /// Error: `output.name` is not a plain file name, or `output.dir` is absolute or climbs out of the programme folder
    BadOutput = "bad-output",
    /// Error: an agreement has fewer than two different parties
    AgreementParties = "agreement-parties",
    /// Warning: two organisations share a short name
    DuplicateShort = "duplicate-short",
    /// Error: a case number is 0; a baseline year is outside 1900–2200; a baseline, target or actual value is not finite or larger than 10¹²
    BadNumber = "bad-number",
    /// Error: two cases have the same number
    DuplicateNumber = "duplicate-number",
    /// Warning: a deferred or rejected proposal has no `reason`; a `cancelled` progress entry has no `comment`
    MissingReason = "missing-reason",
    /// Warning: an indicator has no baseline
    SmartBaseline = "smart-baseline",
    /// Error: an indicator has a target for a year outside the period
    TargetOutsidePeriod = "target-outside-period",
    /// Warning: an indicator has no target for some year of the period
    SmartTargets = "smart-targets",
    /// Error: `steps/X.yaml` has no `cases/X.yaml`
    StepsWithoutCase = "steps-without-case",
    /// Warning: a step has no deadline
    SmartDeadline = "smart-deadline",
    /// Error: a deadline that the grammar does not accept, or a date, quarter, month or range in it that does not exist
    BadDeadline = "bad-deadline",
    /// Warning: a step's deadline is `permanent`, which is not time-bound
    SmartPermanent = "smart-permanent",
    /// Error: a step's deadline ends after the period
    DeadlineOutsidePeriod = "deadline-outside-period",
    /// Error: a step's deadline starts before the session
    DeadlineBeforeSession = "deadline-before-session",
    /// Warning: a step has no responsible organisation
    SmartResponsible = "smart-responsible",
    /// Error: a step's `responsible` is an empty list
    EmptyList = "empty-list",
    /// Warning: a step has no expected result
    SmartResult = "smart-result",
    /// Error: a funding amount for a year outside the period
    FundingOutsidePeriod = "funding-outside-period",
    /// Error: a funding amount or an amount spent is negative, not finite, larger than 10¹², or finer than a kopeck
    BadAmount = "bad-amount",
    /// Warning: an amount above zero under `source: none`
    FundingNone = "funding-none",
    /// Warning: an accepted proposal that no step of its case carries out
    SmartProposal = "smart-proposal",
    /// Warning: a case with no steps
    SmartNoSteps = "smart-no-steps",
    /// Warning: `programme.yaml` has no `implementation`, so its section says only who is responsible and where the indicators are
    SmartImplementation = "smart-implementation",
    /// Warning: a Russian programme funds steps from `regional_budget`, its `region` does not say the kind of region (область, край, республика, автономный округ, город) and `funding_sources` does not name the budget
    RegionalBudget = "regional-budget",
    /// Error: `add-*` only: the file cannot take the new entry without changing what is written (not valid YAML, not a list, a non-empty flow list `[a, b]`; for `add-progress` and `set-actual` also a step or indicator written as a flow mapping, a `progress` or `actual` that is not a mapping, a value written as a block scalar)
    CannotAppend = "cannot-append",
    /// Warning: a value or key holds a bidirectional control or a line separator (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C, U+2028, U+2029), which can make text read differently from how it is stored; shown escaped
    InvisibleControl = "invisible-control",
    /// Warning: an indicator has neither a `source` nor a `method`
    SmartIndicatorSource = "smart-indicator-source",
    /// Warning: an all-caps word of the texts (`СМИ`) is neither an organisation's short name nor in `abbreviations`
    UnknownAbbreviation = "unknown-abbreviation",
    /// Warning: a long text (`context`, `implementation`, a step's `description`, a case's `task` or problem, an agreement's `subject`) holds Markdown outside the subset (a heading, an image, raw HTML, code, a table, a quote, a rule, a link that is not `http(s)`): its markup is dropped, its words are printed as plain text
    MarkdownDropped = "markdown-dropped",
    /// Warning: a proposal has more votes than its case has participants in `participants.yaml`
    VotesExceedParticipants = "votes-exceed-participants",
    /// Error: a key of a step's `progress` is not a year (`2027`) or a quarter (`2027-Q2`)
    BadReportPeriod = "bad-report-period",
    /// Error: progress recorded for a period outside the programme's period
    ProgressOutsidePeriod = "progress-outside-period",
    /// Error: a progress entry's `done_on` is after the last day of its period
    DoneAfterPeriod = "done-after-period",
    /// Warning: a progress entry has `done_on` but its status is not `done`
    DoneOnNotDone = "done-on-not-done",
    /// Warning: money spent from a source of funding that the step's `funding` does not name
    SpentUnfunded = "spent-unfunded",
    /// Error: an indicator has an actual value for a year outside the period
    ActualOutsidePeriod = "actual-outside-period",
    /// Warning: a file has more than 1000 findings of loading; the rest are counted at the first one left out
    TooManyFindings = "too-many-findings",
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about the input. Its JSON form has the message and hint in English, whatever
/// the interface language: tools read it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable name for the kind of finding (`dangling-reference`), for tools.
    pub code: Code,
    /// The file, relative to the programme root, with `/` separators.
    pub file: String,
    /// Line, from 1; absent for findings about a whole file that has no text.
    pub line: Option<u32>,
    /// Column in characters, from 1.
    pub column: Option<u32>,
    /// Where inside the file, e.g. `steps[2].responsible[0]`.
    pub path: Option<String>,
    /// What is wrong.
    #[serde(serialize_with = "english")]
    pub message: Message,
    /// How to fix it, when known.
    #[serde(serialize_with = "english_hint")]
    pub hint: Option<Message>,
}

fn english<S: serde::Serializer>(m: &Message, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&m.en())
}

fn english_hint<S: serde::Serializer>(m: &Option<Message>, s: S) -> Result<S::Ok, S::Error> {
    match m {
        Some(m) => s.serialize_some(&m.en()),
        None => s.serialize_none(),
    }
}

impl Diagnostic {
    /// An error about `file`.
    pub fn error(code: Code, file: &str, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.to_owned(),
            line: None,
            column: None,
            path: None,
            message: message.into().clip(CLIP_CHARS),
            hint: None,
        }
    }

    /// A warning about `file`.
    pub fn warning(code: Code, file: &str, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    /// Sets the position.
    pub fn at(mut self, pos: Pos) -> Self {
        self.set_pos(pos);
        self
    }

    /// Sets the position of a finding already recorded.
    pub fn set_pos(&mut self, pos: Pos) -> &mut Self {
        self.line = Some(pos.line);
        self.column = Some(pos.col);
        self
    }

    /// Sets the YAML path.
    pub fn path(mut self, path: &YamlPath) -> Self {
        self.path = Some(path.to_string());
        self
    }

    /// Sets the hint.
    pub fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.set_hint(hint);
        self
    }

    /// Sets the hint of a finding already recorded.
    pub fn set_hint(&mut self, hint: impl Into<Message>) -> &mut Self {
        self.hint = Some(hint.into().clip(CLIP_CHARS));
        self
    }

    /// Sets the hint when there is one.
    pub fn maybe_hint(mut self, hint: Option<Message>) -> Self {
        self.hint = hint.map(|h| h.clip(CLIP_CHARS));
        self
    }

    /// `file:line:col`, or the file alone.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            _ => self.file.clone(),
        }
    }
}

/// The most characters of a text put into a finding's message: twice an excerpt, since a
/// list of known ids may be longer than one value. The net under the messages that quote a
/// value without [`crate::quote::excerpt`].
const CLIP_CHARS: usize = 2 * EXCERPT_CHARS;

/// Sorts findings by file, then position, errors before warnings at the same place, so output
/// is stable whatever order the rules ran in.
pub fn sort(diags: &mut [Diagnostic]) {
    // Ties are ordered by the English message, so the order is the same in every language.
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity)
            .cmp(&(&b.file, b.line, b.column, b.severity))
            .then_with(|| a.message.en().cmp(&b.message.en()))
    });
}

/// Counts errors and warnings.
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, diags.len() - errors)
}

/// The terminal styles of the human rendering; all empty when colour is off.
struct Style {
    error: &'static str,
    warning: &'static str,
    bold: &'static str,
    blue: &'static str,
    cyan: &'static str,
    reset: &'static str,
}

const COLOUR: Style = Style {
    error: "\x1b[1;31m",
    warning: "\x1b[1;33m",
    bold: "\x1b[1m",
    blue: "\x1b[1;34m",
    cyan: "\x1b[1;36m",
    reset: "\x1b[0m",
};

const PLAIN: Style = Style {
    error: "",
    warning: "",
    bold: "",
    blue: "",
    cyan: "",
    reset: "",
};

/// Where the lines of a file start, found on the first finding that needs it, so that the
/// findings of a file with many are each placed at once instead of counting lines from the top
/// (quadratic: 40 000 findings took 14 s).
#[derive(Debug, Clone, Default)]
pub struct LineIndex(OnceLock<Lines>);

/// The byte offset of every line's start, and of every [`Lines::MARK`]-th character, to find a
/// column on a long line without counting from its start.
#[derive(Debug, Clone)]
struct Lines {
    starts: Vec<u32>,
    marks: Vec<u32>,
}

impl Lines {
    const MARK: usize = 64;

    /// Offsets fit in `u32`: no input file is larger than `load::MAX_FILE_BYTES`.
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        let mut marks = Vec::with_capacity(text.len() / Self::MARK + 1);
        for (i, (at, c)) in text.char_indices().enumerate() {
            if i % Self::MARK == 0 {
                marks.push(at as u32);
            }
            if c == '\n' {
                starts.push(at as u32 + 1);
            }
        }
        Lines { starts, marks }
    }
}

/// A file's text with its [`LineIndex`], as the human rendering takes it.
#[derive(Debug, Clone, Copy)]
pub struct SourceText<'a> {
    text: &'a str,
    index: &'a LineIndex,
}

impl<'a> SourceText<'a> {
    /// The text of a file and the index kept beside it.
    pub fn new(text: &'a str, index: &'a LineIndex) -> Self {
        SourceText { text, index }
    }

    /// Line `line` (from 1) as a byte range without its line break, and the byte offset of
    /// column `col` (from 1, in characters) in it (its end when the line is shorter); `None`
    /// when the file has no such line.
    fn locate(&self, line: u32, col: u32) -> Option<(usize, usize, usize)> {
        let text = self.text;
        let lines = self.index.0.get_or_init(|| Lines::new(text));
        let l = (line as usize).checked_sub(1)?;
        let start = *lines.starts.get(l)? as usize;
        if start >= text.len() {
            return None;
        }
        let mut end = lines
            .starts
            .get(l + 1)
            .map_or(text.len(), |&next| next as usize - 1);
        if text[start..end].ends_with('\r') {
            end -= 1;
        }
        // The character index of the line's start, counted from the mark before it; then the
        // column's character, from the mark before that.
        let mark = lines.marks.partition_point(|&m| m as usize <= start) - 1;
        let mark_at = lines.marks[mark] as usize;
        let first = mark * Lines::MARK + text[mark_at..start].chars().count();
        let target = first + col.saturating_sub(1) as usize;
        let at = match lines.marks.get(target / Lines::MARK) {
            Some(&m) => {
                let m = m as usize;
                text[m..]
                    .char_indices()
                    .nth(target % Lines::MARK)
                    .map_or(text.len(), |(i, _)| m + i)
            }
            None => text.len(),
        };
        Some((start, end, at.clamp(start, end)))
    }
}

/// Renders one finding for people, with the source line and a caret under the value:
///
/// ```text
/// error: unknown organisation `crdj`
///   --> steps/partnership.yaml:14:17
///    |
/// 14 |   responsible: crdj
///    |                ^^^^ steps[2].responsible
///    = hint: did you mean `crdi`?
/// ```
///
/// `source` is the text of the file, when there is one.
pub fn render_human(
    d: &Diagnostic,
    source: Option<SourceText<'_>>,
    colour: bool,
    lang: Lang,
) -> String {
    let d = &Printable::of(d, lang);
    let s = if colour { &COLOUR } else { &PLAIN };
    let sev_style = match d.severity {
        Severity::Error => s.error,
        Severity::Warning => s.warning,
    };
    let word = d.severity.word(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{sev_style}{word}{}{}: {}{}",
        s.reset, s.bold, d.message, s.reset
    );
    let gutter = d.line.map_or(1, |l| l.to_string().len());
    let pad = " ".repeat(gutter);
    let _ = writeln!(out, "{pad}{}-->{} {}", s.blue, s.reset, d.location());
    let snippet = match (source, d.line, d.column) {
        (Some(source), Some(line), Some(col)) => source
            .locate(line, col)
            .map(|(start, end, at)| (line, snippet_window(&source.text[start..end], at - start))),
        _ => None,
    };
    match snippet {
        Some((line, (shown, col, width))) => {
            let _ = writeln!(out, "{pad} {}|{}", s.blue, s.reset);
            let _ = writeln!(out, "{}{line} |{} {shown}", s.blue, s.reset);
            let path = d
                .path
                .as_deref()
                .map(|p| format!(" {p}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{pad} {}|{} {}{sev_style}{}{path}{}",
                s.blue,
                s.reset,
                " ".repeat(col),
                "^".repeat(width),
                s.reset
            );
        }
        None => {
            if let Some(path) = &d.path {
                let at = msg!(FindingAt).text(lang);
                let _ = writeln!(out, "{pad} {}={} {at}: {path}", s.blue, s.reset);
            }
        }
    }
    if let Some(hint) = &d.hint {
        let _ = writeln!(
            out,
            "{pad} {}={} {}{}{}: {hint}",
            s.blue,
            s.reset,
            s.cyan,
            msg!(FindingHint).text(lang),
            s.reset
        );
    }
    out
}

/// The part of a source line to show, for the value at byte `at`: a window of about 100
/// columns around it, cut with `…`, tabs as spaces, and control, bidirectional and
/// line-separator characters escaped (see [`escape`]) so that a file can neither drive the
/// user's terminal nor make the line read differently. Returns the text, the number of
/// characters shown before the value, and the width of the caret under it.
fn snippet_window(line: &str, at: usize) -> (String, usize, usize) {
    const BEFORE: usize = 50;
    const WIDTH: usize = 100;
    let shown_of = |c: char| match c {
        '\t' => " ".to_owned(),
        c => escape(c).unwrap_or_else(|| c.to_string()),
    };
    let width_of = |c: char| match c {
        '\t' => 1,
        c => escape(c).map_or(1, |e| e.chars().count()),
    };
    // Only the window is looked at: a line may be megabytes long.
    let mut start = at;
    let mut before = 0;
    for (i, c) in line[..at].char_indices().rev() {
        before += width_of(c);
        if before > BEFORE {
            break;
        }
        start = i;
    }
    let mut end = line.len();
    let mut width = 0;
    for (i, c) in line[start..].char_indices() {
        width += width_of(c);
        if width > WIDTH && start + i > at {
            end = start + i;
            break;
        }
    }
    let mut shown = String::new();
    let mut col = 0;
    if start > 0 {
        shown.push('…');
        col += 1;
    }
    for c in line[start..at].chars() {
        let s = shown_of(c);
        col += s.chars().count();
        shown.push_str(&s);
    }
    for c in line[at..end].chars() {
        shown.push_str(&shown_of(c));
    }
    if end < line.len() {
        shown.push('…');
    }
    let token = token_width(&line[at..end], 0);
    let caret = line[at..end]
        .chars()
        .take(token)
        .map(width_of)
        .sum::<usize>()
        .max(1);
    (shown, col, caret)
}

/// How many characters the value starting at `start` (in characters) spans: a quoted scalar to
/// its closing quote, a plain one to the next `,`, `]`, `}` or ` #`; at least one.
fn token_width(line: &str, start: usize) -> usize {
    let chars: Vec<char> = line.chars().skip(start).collect();
    let Some(&first) = chars.first() else {
        return 1;
    };
    let len = if first == '"' || first == '\'' {
        let mut i = 1;
        while i < chars.len() {
            if chars[i] == '\\' && first == '"' {
                i += 2;
                continue;
            }
            if chars[i] == first {
                if first == '\'' && chars.get(i + 1) == Some(&'\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i += 1;
        }
        chars.len()
    } else {
        let mut end = chars.len();
        for (i, c) in chars.iter().enumerate() {
            if matches!(c, ',' | ']' | '}') || (*c == '#' && i > 0 && chars[i - 1] == ' ') {
                end = i;
                break;
            }
            if *c == ':' && chars.get(i + 1).is_none_or(|n| *n == ' ') {
                end = i;
                break;
            }
        }
        chars[..end]
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(0, |p| p + 1)
    };
    len.max(1)
}

/// A finding's texts as printed, in one language, with control, bidirectional and
/// line-separator characters escaped (see [`escape`]), so that nothing taken from a user's
/// files or file names can drive the terminal or reorder what it shows.
struct Printable {
    severity: Severity,
    file: String,
    line: Option<u32>,
    column: Option<u32>,
    path: Option<String>,
    message: String,
    hint: Option<String>,
}

impl Printable {
    fn of(d: &Diagnostic, lang: Lang) -> Printable {
        Printable {
            severity: d.severity,
            file: escaped(&d.file),
            line: d.line,
            column: d.column,
            path: d.path.as_deref().map(escaped),
            message: escaped(&d.message.text(lang)),
            hint: d.hint.as_ref().map(|h| escaped(&h.text(lang))),
        }
    }

    /// `file:line:col`, or the file alone.
    fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            _ => self.file.clone(),
        }
    }
}

/// Renders one finding on one line, in English for tools:
/// `file:line:col: severity: message [path] (hint: …)`.
pub fn render_short(d: &Diagnostic) -> String {
    let d = &Printable::of(d, Lang::En);
    let mut out = format!(
        "{}: {}: {}",
        d.location(),
        d.severity.word(Lang::En),
        d.message
    );
    if let Some(path) = &d.path {
        let _ = write!(out, " [{path}]");
    }
    if let Some(hint) = &d.hint {
        let _ = write!(out, " (hint: {hint})");
    }
    out
}

/// Renders one finding as a GitHub Actions workflow command, in English, which the run's page
/// shows as an annotation on the file's line:
/// `::error file=steps/x.yaml,line=14,col=17,title=dangling-reference::unknown organisation …`.
/// The YAML path follows the message in brackets, the hint on a line of its own.
pub fn render_github(d: &Diagnostic) -> String {
    let p = Printable::of(d, Lang::En);
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut props = vec![format!("file={}", github_property(&p.file))];
    if let Some(line) = d.line {
        props.push(format!("line={line}"));
    }
    if let Some(col) = d.column {
        props.push(format!("col={col}"));
    }
    props.push(format!("title={}", github_property(d.code.as_str())));
    let mut message = p.message;
    if let Some(path) = &p.path {
        let _ = write!(message, " [{path}]");
    }
    if let Some(hint) = &p.hint {
        let _ = write!(message, "\nhint: {hint}");
    }
    format!("::{level} {}::{}", props.join(","), github_data(&message))
}

/// The message of a workflow command, escaped as the runner reads it back: `%`, CR and LF.
fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property of a workflow command (`file=…`), where `:` and `,` end the value unless escaped.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The JSON report: every finding and the counts.
pub fn render_json(diags: &[Diagnostic]) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        errors: usize,
        warnings: usize,
        diagnostics: &'a [Diagnostic],
    }
    let (errors, warnings) = count(diags);
    let mut s = serde_json::to_string_pretty(&Report {
        errors,
        warnings,
        diagnostics: diags,
    })
    .unwrap_or_default();
    s.push('\n');
    s
}

/// `2 errors, 1 warning`; `2 ошибки, 1 предупреждение`.
pub fn summary(errors: usize, warnings: usize, lang: Lang) -> String {
    msg!(CheckSummary, errors = errors, warnings = warnings).text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::{excerpt, is_invisible_control};

    /// The documentation's table of codes (`docs/input-format.md`) lists every code once,
    /// with the severity its doc comment here gives, and no other.
    #[test]
    fn the_documented_codes_are_the_codes() {
        let doc = include_str!("../docs/input-format.md");
        let table: Vec<(&str, &str)> = doc
            .lines()
            .filter_map(|l| {
                let cells: Vec<&str> = l.split(" | ").collect();
                let code = cells.first()?.strip_prefix("| `")?.strip_suffix('`')?;
                let severity = *cells.get(1)?;
                matches!(severity, "error" | "warning").then_some((code, severity))
            })
            .collect();
        let documented: Vec<&str> = table.iter().map(|(c, _)| *c).collect();
        let ours: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut a = documented.clone();
        a.sort_unstable();
        let mut b = ours.clone();
        b.sort_unstable();
        assert_eq!(a, b, "the table of docs/input-format.md and Code differ");
        assert_eq!(documented.len(), ours.len(), "a code is documented twice");
    }

    fn sample() -> Diagnostic {
        Diagnostic::error(
            Code::DanglingReference,
            "steps/partnership.yaml",
            msg!(CheckUnknownRef, kind = "organisation", id = "crdj"),
        )
        .at(Pos { line: 2, col: 16 })
        .path(&YamlPath::root("steps").index(0).key("responsible"))
        .hint(msg!(InputDidYouMean, near = "crdi"))
    }

    /// A message for tests about where and how a finding is shown, not what it says.
    fn some() -> Message {
        msg!(SeverityError)
    }

    fn human(d: &Diagnostic, src: &str) -> String {
        let index = LineIndex::default();
        render_human(d, Some(SourceText::new(src, &index)), false, Lang::En)
    }

    #[test]
    fn human_rendering_has_snippet_and_caret() {
        let src = "- id: p-1\n  responsible: crdj # lead\n";
        let out = human(&sample(), src);
        assert_eq!(
            out,
            "error: unknown organisation `crdj`\n \
             --> steps/partnership.yaml:2:16\n  \
             |\n\
             2 |   responsible: crdj # lead\n  \
             |                ^^^^ steps[0].responsible\n  \
             = hint: did you mean `crdi`?\n"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        assert!(!render_human(&sample(), None, false, Lang::En).contains('\x1b'));
        assert!(render_human(&sample(), None, true, Lang::En).contains("\x1b[1;31merror"));
    }

    #[test]
    fn short_rendering() {
        assert_eq!(
            render_short(&sample()),
            "steps/partnership.yaml:2:16: error: unknown organisation `crdj` \
             [steps[0].responsible] (hint: did you mean `crdi`?)"
        );
    }

    #[test]
    fn github_rendering() {
        assert_eq!(
            render_github(&sample()),
            "::error file=steps/partnership.yaml,line=2,col=16,title=dangling-reference::\
             unknown organisation `crdj` [steps[0].responsible]%0Ahint: did you mean `crdi`?"
        );
        // A file of its own, no position, a warning; `%`, `:` and `,` in the data escaped.
        let d = Diagnostic::warning(
            Code::NoCases,
            "a,b:c%.yaml",
            msg!(FlagFinding, flag = "50%", why = "x\r\ny"),
        );
        let line = render_github(&d);
        assert!(
            line.starts_with("::warning file=a%2Cb%3Ac%25.yaml,title=no-cases::50%25: x"),
            "{line}"
        );
        assert!(!line.contains(['\r', '\n']), "{line}");
    }

    #[test]
    fn long_lines_are_windowed_and_control_characters_hidden() {
        let line = format!("{}X{}", "[".repeat(5000), "]".repeat(5000));
        let d =
            Diagnostic::error(Code::YamlSyntax, "a.yaml", some()).at(Pos { line: 1, col: 5001 });
        let out = human(&d, &line);
        assert!(out.len() < 1000, "{}", out.len());
        let caret_line = out.lines().nth(4).unwrap();
        let text_line = out.lines().nth(3).unwrap();
        let x = text_line.chars().position(|c| c == 'X').unwrap();
        assert_eq!(caret_line.chars().position(|c| c == '^'), Some(x), "{out}");
        let d = Diagnostic::error(Code::YamlSyntax, "a.yaml", some()).at(Pos { line: 1, col: 1 });
        let out = human(&d, "\u{1b}[2Jboom");
        assert!(!out.contains('\u{1b}'));
    }

    #[test]
    fn excerpts_are_short_and_escaped() {
        assert_eq!(excerpt("crdj"), "crdj");
        let long = "я".repeat(EXCERPT_CHARS + 1);
        assert_eq!(excerpt(&long), format!("{}…", "я".repeat(EXCERPT_CHARS)));
        assert_eq!(
            excerpt("a\u{202e}b\u{1b}c\nd\u{2029}"),
            "a\\u{202E}b\\u{1B}c\\nd\\u{2029}"
        );
        // The net under messages that quote a value themselves.
        let long = "z".repeat(10_000);
        let d = Diagnostic::error(
            Code::YamlSyntax,
            "a.yaml",
            msg!(FlagFinding, flag = long.as_str(), why = "ok"),
        )
        .hint(msg!(InputDidYouMean, near = long.as_str()));
        assert_eq!(d.message.en(), format!("{}…: ok", "z".repeat(CLIP_CHARS)));
        assert!(d.hint.unwrap().en().len() < 200);
    }

    #[test]
    fn bidi_and_line_separators_are_shown_escaped() {
        let src = "title: \"\u{202e}txt.exe\u{2066}\"\nnext: \u{2028}x\n";
        let d = Diagnostic::warning(
            Code::InvisibleControl,
            "p.yaml",
            msg!(FlagFinding, flag = "odd \u{202e}here", why = "x"),
        )
        .at(Pos { line: 1, col: 8 })
        .hint(msg!(InputDidYouMean, near = "\u{2069}"));
        let out = human(&d, src);
        assert!(
            !out.chars().any(is_invisible_control),
            "raw invisible controls: {out:?}"
        );
        assert!(out.contains("odd \\u{202E}here"), "{out}");
        assert!(
            out.contains("1 | title: \"\\u{202E}txt.exe\\u{2066}\"\n"),
            "{out}"
        );
        // The caret spans the escaped value.
        assert!(
            out.contains("\n  |        ^^^^^^^^^^^^^^^^^^^^^^^^^\n"),
            "{out}"
        );
        assert!(!render_short(&d).chars().any(is_invisible_control));
        let d = Diagnostic::error(Code::YamlSyntax, "p.yaml", some()).at(Pos { line: 2, col: 7 });
        let out = human(&d, src);
        assert!(
            out.contains("2 | next: \\u{2028}x\n  |       ^^^^^^^^^"),
            "{out}"
        );
    }

    #[test]
    fn lines_and_columns_are_found_from_the_index() {
        let mut src = String::new();
        for i in 1..=300 {
            src.push_str(&format!("k{i}: значение {i}\r\n"));
        }
        let long = format!("{}X{}\n", "ж".repeat(1000), "y".repeat(10));
        src.push_str(&long);
        let index = LineIndex::default();
        let text = SourceText::new(&src, &index);
        let (start, end, at) = text.locate(300, 7).unwrap();
        assert_eq!(&src[start..end], "k300: значение 300");
        assert_eq!(&src[at..end], "значение 300");
        let (_, end, at) = text.locate(301, 1001).unwrap();
        assert_eq!(&src[at..end], "Xyyyyyyyyyy");
        let (_, end, at) = text.locate(301, 5000).unwrap();
        assert_eq!(at, end, "a column past the end is the end");
        assert!(
            text.locate(302, 1).is_none(),
            "no line after the final break"
        );
        assert!(text.locate(0, 1).is_none());
        let d = Diagnostic::error(Code::YamlSyntax, "a.yaml", some()).at(Pos {
            line: 301,
            col: 1001,
        });
        let out = render_human(&d, Some(text), false, Lang::En);
        assert!(
            out.contains(&format!("301 | …{}Xyyyyyyyyyy\n", "ж".repeat(50))),
            "{out}"
        );
        assert!(
            out.contains(&format!("    | {}^^^^^^^^^^^\n", " ".repeat(51))),
            "{out}"
        );
    }

    #[test]
    fn token_widths() {
        assert_eq!(token_width("  a: [x, yy]", 9), 2);
        assert_eq!(token_width("  a: \"q, r\" # c", 5), 6);
        assert_eq!(token_width("  a: 'it''s'", 5), 7);
        assert_eq!(token_width("  title: Итоги", 9), 5);
        assert_eq!(token_width("  key: value", 2), 3);
        assert_eq!(token_width("", 0), 1);
    }

    #[test]
    fn json_has_counts() {
        let json = render_json(&[sample()]);
        assert!(json.contains("\"errors\": 1"));
        assert!(json.contains("\"line\": 2"));
    }

    #[test]
    fn summaries() {
        assert_eq!(summary(1, 0, Lang::En), "1 error, 0 warnings");
        assert_eq!(summary(2, 1, Lang::En), "2 errors, 1 warning");
        assert_eq!(summary(2, 5, Lang::Ru), "2 ошибки, 5 предупреждений");
    }
}
