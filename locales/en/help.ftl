# --help and the usage errors of the command line: clap's own words, the messages of the
# usage errors, and (below) the help of every command and argument.
#
# The help ids are made at run time from the command tree (src/i18n/help.rs):
#   help-<command>-about, help-<command>-long-about, help-<command>-after
#   help-<command>-<arg>, help-<command>-<arg>-long, help-<command>-<arg>-value-<value>
#   help-arg-<arg> for the global arguments and the help and version flags
#   help-value-<placeholder>
# <command> is `nko-draft` for the top command. A test fails when an id is missing or unused.

## clap's words

help-heading-usage = Usage:
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-usage-command = COMMAND
help-usage-options = OPTIONS
help-possible-values = Possible values:
help-spec-default = [default: { $value }]
help-spec-possible-values = [possible values: { $values }]
help-spec-env = [env: { $var }={ $value }]

## Usage errors

help-tip = tip
help-error-more = For more information, try '{ $command } --help'.
help-list-and = { $head } and { $last }
help-error-required = { $count ->
        [one] { $flags } is required
       *[other] { $flags } are required
    } (questions are asked only on a terminal, and never when CI is set)
help-error-unknown-argument = unexpected argument '{ $arg }' found
help-error-unexpected-word = unexpected argument '{ $arg }' found
help-error-no-value = a value is required for '{ $arg }' but none was supplied
help-error-no-value-of = a value is required for '{ $arg }' but none was supplied
    {"  "}[possible values: { $values }]
help-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
help-error-invalid-value-of = invalid value '{ $value }' for '{ $arg }'
    {"  "}[possible values: { $values }]
help-error-value-refused = invalid value '{ $value }' for '{ $arg }': { $why }
help-error-unknown-command = unrecognized subcommand '{ $name }'
help-error-missing-command = 'nko-draft' requires a subcommand but one was not provided
    {"  "}[subcommands: { $names }]
help-error-missing-arguments = the following required { $count ->
        [one] argument was
       *[other] arguments were
    } not provided:
    {"  "}{ $args }
help-error-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
help-error-number-of-values = { $expected } values required for '{ $arg }' but { $given } { $given ->
        [one] was
       *[other] were
    } provided
help-error-twice = the argument '{ $arg }' cannot be used multiple times
help-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
help-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
help-error-utf8 = invalid UTF-8 was detected in one or more arguments
help-error-other = the command line is not understood
help-tip-similar-command = { $count ->
        [one] a similar subcommand exists: '{ $names }'
       *[other] some similar subcommands exist: { $names }
    }
help-tip-similar-argument = a similar argument exists: '{ $arg }'
help-tip-similar-value = a similar value exists: '{ $value }'
help-tip-as-value = to pass '{ $word }' as a value, use '-- { $word }'
help-tip-no-double-dash = subcommand '{ $name }' exists; to use it, remove the '--' before it
help-tip-other-command = '{ $line }' exists

## Values the command line's own parsers refuse

help-bad-address = `{ $value }` is not an address and port (e.g. 127.0.0.1:3000) or a port
help-bad-epoch = `{ $value }` is not a whole number of seconds since 1970-01-01 (e.g. 1798761600)
help-bad-epoch-range = { $value } is not a date between 1970 and 9999
help-bad-number = expected a whole number
help-bad-range = expected a whole number from { $from } to { $to }
help-bad-seconds = expected a whole number of seconds, 1 or more

## The help of the commands and their arguments

help-arg-help-only = Print help
help-nko-draft-about = Turns what a strategic session of NGOs agreed into a draft regional programme (Markdown, HTML, PDF, DOCX)
help-nko-draft-after = Examples:
      nko-draft init kursk --title "Программа …"   start a programme in ./kursk
      nko-draft check                               check ./programme (or the current folder)
      nko-draft build                               write out/programme.{"{"}md,html,pdf,docx{"}"}
      nko-draft build --format md,html -o site      only Markdown and HTML, into ./site
      nko-draft -C examples/english check --strict  check another programme, warnings fail

    Exit codes: 0 ok (warnings allowed), 1 the input has errors (or warnings under --strict), 2 usage or I/O failure.
help-arg-dir = Run as if started in DIR (as `git -C`): the programme is DIR if it holds programme.yaml, else DIR/programme/; relative paths and ./out count from DIR
help-value-dir = DIR
help-arg-lang = The language of messages, questions and help: `ru` or `en` (default: NKO_DRAFT_LANG, else the system's locale). The document's language is the programme's `locale`
help-arg-lang-value-ru = Russian
help-arg-lang-value-en = English
help-value-lang = LANG
help-arg-color = When to colour messages
help-arg-color-value-auto = On a terminal, unless NO_COLOR is set
help-arg-color-value-always = Always
help-arg-color-value-never = Never
help-value-color = COLOR
help-arg-help = Print help (see more with '--help')
help-arg-help-long = Print help (see a summary with '-h')
help-arg-version = Print version
help-check-about = Check the programme and report every problem, with file, line and column
help-check-strict = Fail on warnings too (the SMART checks: deadlines, responsible, results)
help-check-format = How to print findings
help-check-format-value-human = A snippet of the file with a caret under the problem (to stderr)
help-check-format-value-short = One line each, `file:line:col: severity: message` (to stdout)
help-check-format-value-json = One JSON document with every finding and the counts (to stdout)
help-check-format-value-github = GitHub Actions annotations, `::error file=…,line=…,col=…,title=code::message` (to stdout)
help-value-format = FORMAT
help-build-about = Check the programme, then write it as Markdown, HTML, PDF and DOCX (warnings are printed, errors stop the build and nothing is written)
help-build-format = Formats to write, comma-separated. Default: `output.formats` of programme.yaml, else md,html,pdf,docx
help-build-format-value-md = GitHub-flavoured Markdown
help-build-format-value-html = One self-contained HTML page
help-build-format-value-pdf = Tagged PDF through typst
help-build-format-value-docx = A Word document (DOCX), for the round of comments
help-value-md-html-pdf-docx = md,html,pdf,docx
help-build-out = Output folder (anywhere). Default: `output.dir` of programme.yaml (inside the programme), else ./out
help-build-template-timeout = How long each template may run before it is stopped (a programme's own templates may loop for ever)
help-value-seconds = SECONDS
help-build-source-date-epoch = The date written into the PDF, as seconds since 1970-01-01 UTC (reproducible builds). Default: the programme's `date`, else the session's
help-watch-about = Build the programme, then rebuild it whenever one of its files or templates changes, printing what check finds each time (errors keep the previous outputs); with --serve, also show it in the browser, reloaded after each rebuild
help-watch-after = Examples:
      nko-draft watch                               rebuild out/programme.{"{"}md,html{"}"} on every save
      nko-draft watch --serve                       and show it at http://127.0.0.1:3000/
      nko-draft watch --format md,html,pdf          the PDF too (it takes seconds)

    Ctrl-C stops it.
    Exit codes: what build would say of the last rebuild: 0 written (warnings allowed), 1 the input has errors (the previous outputs kept), 2 usage or I/O failure (also when watching cannot start).
help-watch-format = Formats to rebuild, comma-separated. Default: md,html (the PDF takes seconds to typeset)
help-watch-format-value-md = GitHub-flavoured Markdown
help-watch-format-value-html = One self-contained HTML page
help-watch-format-value-pdf = Tagged PDF through typst
help-watch-format-value-docx = A Word document (DOCX), for the round of comments
help-watch-out = Output folder (anywhere). Default: `output.dir` of programme.yaml (inside the programme), else ./out
help-watch-serve = Also serve the outputs over HTTP at ADDR and reload the page in the browser after each rebuild. Default ADDR: 127.0.0.1:3000; a port alone listens on 127.0.0.1 too
help-value-addr = ADDR
help-watch-template-timeout = How long each template may run before it is stopped (a programme's own templates may loop for ever)
help-init-about = Write a complete, commented skeleton of a programme that passes `check`
help-init-path = Where to create the programme (created if missing). Default: ./programme
help-value-path = PATH
help-init-title = The programme's full title
help-value-title = TITLE
help-init-region = The region, e.g. «Курская область»
help-value-region = REGION
help-init-locale = Language of the skeleton and of the output
help-init-locale-value-ru = Russian
help-init-locale-value-en = English
help-value-locale = LOCALE
help-init-session-date = The session date, YYYY-MM-DD or DD.MM.YYYY. Default: today
help-value-date = DATE
help-templates-about = Write the built-in templates to a folder, as a starting point for your own (put the ones you change in the programme's templates/ folder)
help-templates-out = Folder to write the templates to
help-diff-about = Compare two drafts of the programme and list what changed; with --out or --format, write the comparison table («Сравнительная таблица изменений»)
help-diff-after = Examples:
      nko-draft diff --since HEAD~1                 what changed since the last commit
      nko-draft diff old/ --out out --format md,pdf  the table against the draft in old/

    Both drafts are checked first; errors in either are reported, labelled by the side.
    Exit codes: 0 compared (with or without changes), 1 a draft has errors, 2 usage, git or I/O failure.
help-diff-old = The folder of the previous draft (not with --since)
help-value-old = OLD
help-diff-new = The folder of the new draft. Default: the current programme
help-value-new = NEW
help-diff-since = Compare with the programme as it was at this git revision of the repository that holds it (a commit, a tag, a branch, HEAD~1); NEW, if given, is then the first argument
help-value-rev = REV
help-diff-format = Formats of the comparison table to write, comma-separated. Default with --out: md,html,pdf,docx
help-diff-format-value-md = GitHub-flavoured Markdown
help-diff-format-value-html = One self-contained HTML page
help-diff-format-value-pdf = Tagged PDF through typst
help-diff-format-value-docx = A Word document (DOCX), for the round of comments
help-diff-out = Folder to write the comparison table to (comparison.md, …). Default with --format: ./out
help-report-about = Write the implementation report of the programme for a year or a quarter («Отчёт о ходе реализации Программы») from the progress recorded in the steps and the actual values of the indicators
help-report-after = Examples:
      nko-draft report --period 2027                the report for 2027
      nko-draft report --period 2027-Q3 --format md  for the first nine months of 2027

    A quarter's report covers the year from 1 January to the quarter's end.
    Exit codes: 0 written (warnings allowed), 1 the input has errors (nothing written), 2 usage or I/O failure.
help-report-period = The period of the report: a year (2027) or a quarter (2027-Q3), within the programme's period
help-value-period = PERIOD
help-report-format = Formats to write, comma-separated. Default: md,html,pdf,docx
help-report-format-value-md = GitHub-flavoured Markdown
help-report-format-value-html = One self-contained HTML page
help-report-format-value-pdf = Tagged PDF through typst
help-report-format-value-docx = A Word document (DOCX), for the round of comments
help-report-out = Output folder (anywhere), for report-2027.md, … Default: `output.dir` of programme.yaml (inside the programme), else ./out
help-report-date = The date of the report, YYYY-MM-DD or DD.MM.YYYY. Default: the last day of the period
help-add-step-about = Append an agreed step to steps/<case>.yaml, keeping everything already in the file. The programme is checked with the new step first: on any error nothing is written
help-add-step-after = Funding is not a flag: add `funding:` to the step in the file afterwards.

    Without --title, on a terminal, every key is asked for (never when CI is set or standard input is not a terminal).

    Example:
      nko-draft add-step --case partnership --title "Форум НКО" --deadline "annually Q4" \
        --responsible crdi --partner kursk-admin --partner asi --indicator i3 --status proposed

    Prints the new id and its number in the document (partnership-6 → 2.6).
    Exit codes: 0 added (warnings allowed), 1 refused because of errors (nothing written), 2 usage or I/O failure, 130 stopped at a question (nothing written).
help-add-step-case = The case (its id: the stem of cases/<case>.yaml). Required
help-value-case = CASE
help-add-step-title = Наименование мероприятия: the step's title. Required (asked for on a terminal)
help-add-step-description = Содержание: what the step involves
help-value-description = DESCRIPTION
help-add-step-deadline = Срок: 2027-12-01, by 2027-12-01, 2027-Q2, 2027-H1, 2027..2029, annually Q4, …
help-value-deadline = DEADLINE
help-add-step-responsible = Responsible organisation id, the lead first (repeat, or separate with commas)
help-value-org = ORG
help-add-step-partners = Partner organisation id (repeat, or separate with commas)
help-add-step-result = Ожидаемый результат, preferably with a number
help-value-result = RESULT
help-add-step-indicators = Target indicator id (repeat, or separate with commas)
help-value-id = ID
help-add-step-proposals = Proposal id of the same case that the step carries out (repeat, or separate with commas)
help-add-step-status = Status; when absent none is written (agreed)
help-add-step-status-value-agreed = Agreed
help-add-step-status-value-proposed = Proposed: marked «*» in the list of steps, with a note under it
help-add-step-status-value-disputed = Disputed: marked «**» in the list of steps, with a note under it
help-value-status = STATUS
help-add-step-id = The step's id. Default: the next in the file's pattern (vol-3), else <case>-<n>
help-add-step-dry-run = Check and print the text that would be appended; write nothing
help-add-proposal-about = Append a proposal of a working group to the `proposals` of cases/<case>.yaml
help-add-proposal-after = Exit codes: 0 added, 1 refused because of errors (nothing written), 2 usage or I/O failure, 130 stopped at a question (nothing written).
help-add-proposal-case = The case (its id). Required
help-add-proposal-text = The proposal. Required (asked for on a terminal)
help-value-text = TEXT
help-add-proposal-problems = Problem id of the same case that it answers (repeat, or separate with commas)
help-add-proposal-votes = Votes it got
help-value-votes = VOTES
help-add-proposal-status = Status; when absent none is written (accepted)
help-add-proposal-status-value-accepted = Accepted: some step should carry it out
help-add-proposal-status-value-deferred = Deferred
help-add-proposal-status-value-rejected = Rejected
help-add-proposal-reason = Why it was deferred or rejected
help-value-reason = REASON
help-add-proposal-id = The proposal's id. Default: the next in the case's pattern (part-pr6), else <case>-pr<n>
help-add-proposal-dry-run = Check and print the text that would be added; write nothing
help-add-participant-about = Append a participant of the session to participants.yaml (created if missing)
help-add-participant-after = Exit codes: 0 added, 1 refused because of errors (nothing written), 2 usage or I/O failure, 130 stopped at a question (nothing written).
help-add-participant-name = «Фамилия Имя Отчество». Required (asked for on a terminal)
help-value-name = NAME
help-add-participant-position = Должность
help-value-position = POSITION
help-add-participant-organisation = Organisation id
help-add-participant-role = Role at the session; when absent none is written (participant)
help-add-participant-role-value-speaker = Докладчик
help-add-participant-role-value-moderator = Модератор
help-add-participant-role-value-expert = Эксперт
help-add-participant-role-value-participant = Участник
help-value-role = ROLE
help-add-participant-cases = Case the person worked in (repeat, or separate with commas)
help-add-participant-publish = Never print the person's name, only the organisation and the counts (`--no-publish` writes `publish: false`)
help-add-participant-id = The participant's id. Default: the surname in latin letters (ivanova), made unique
help-add-participant-dry-run = Check and print the text that would be appended; write nothing
help-add-progress-about = Record where a step stood at the end of a report period, in its `progress` in steps/<case>.yaml. The programme is checked with the entry first: on any error nothing is written
help-add-progress-after = Example:
      nko-draft add-progress --step competencies-1 --period 2027-Q2 --status done \
        --done-on 2027-06-25 --comment "Обучено 58 человек"

    A period already recorded is refused: change its entry in the file. Money spent is not a flag: add `spent:` to the entry in the file afterwards.
    Exit codes: 0 added (warnings allowed), 1 refused because of errors (nothing written), 2 usage or I/O failure.
help-add-progress-step = The step (its id)
help-add-progress-period = The report period: a year (2027) or a quarter (2027-Q2)
help-add-progress-status = Where the step stands at the end of the period
help-add-progress-status-value-not_started = Not started yet
help-add-progress-status-value-in_progress = Under way
help-add-progress-status-value-done = Done
help-add-progress-status-value-late = Behind its deadline
help-add-progress-status-value-cancelled = Cancelled (the comment says why)
help-add-progress-done-on = The day it was done, YYYY-MM-DD or DD.MM.YYYY (with --status done)
help-add-progress-comment = What was done, or why not
help-value-comment = COMMENT
help-add-progress-dry-run = Check and print the text that would be added; write nothing
help-set-actual-about = Set the value an indicator reached in a year, in its `actual` in indicators.yaml (a value already there is replaced). The programme is checked with it first: on any error nothing is written
help-set-actual-after = Example:
      nko-draft set-actual --indicator i4 --year 2027 --value 3 \
        --note "Два проекта перенесены на 2028 г."

    Exit codes: 0 set (warnings allowed), 1 refused because of errors (nothing written), 2 usage or I/O failure.
help-set-actual-indicator = The indicator (its id)
help-set-actual-year = The year of the value
help-value-year = YEAR
help-set-actual-value = The value reached
help-value-value = VALUE
help-set-actual-note = Why the value differs from the target (kept from the file when not given)
help-value-note = NOTE
help-set-actual-dry-run = Check and print the text that would be written; write nothing
help-completions-about = Print the completion script of a shell; bash, zsh and fish also complete the ids of the programme's cases and organisations
help-completions-after = Set-up:
      bash        nko-draft completions bash > ~/.local/share/bash-completion/completions/nko-draft
      zsh         nko-draft completions zsh > ~/.zfunc/_nko-draft   (with fpath+=~/.zfunc before compinit)
      fish        nko-draft completions fish > ~/.config/fish/completions/nko-draft.fish
      PowerShell  nko-draft completions powershell | Out-String | Invoke-Expression   (in $PROFILE)

    bash, zsh and fish ask `nko-draft __complete` for the ids of the programme that -C names (or of the current folder).
help-completions-shell = The shell
help-completions-shell-value-bash = Bash 4 and later
help-completions-shell-value-zsh = Zsh
help-completions-shell-value-fish = Fish
help-completions-shell-value-powershell = PowerShell (commands and flags only, no ids)
help-value-shell = SHELL
help-man-about = Write the manual pages: nko-draft.1 and one page per command (nko-draft-check.1, …)
help-man-out = Folder to write the pages to (created if missing)
help-schema-about = Write the JSON Schemas of the input files (programme.schema.json, steps.schema.json, …), for an editor to complete and check them as they are typed
help-schema-after = Example:
      nko-draft schema --out .schema

    A file then names its schema in its first line, which the YAML extension of VS Code reads:
      # yaml-language-server: $schema=.schema/programme.schema.json
    (init writes both into a new programme.)
help-schema-out = Folder to write the schemas to (created if missing)
help-schema-locale = Language of the descriptions an editor shows
help-schema-locale-value-ru = Russian
help-schema-locale-value-en = English
help-__complete-about = Print the ids of the programme's cases or organisations, one a line (the completion scripts call it; nothing on errors)
help-__complete-what = What to list
help-__complete-what-value-cases = The ids of the cases (the stems of cases/*.yaml)
help-__complete-what-value-organisations = The ids of organisations.yaml
help-value-what = WHAT
help-help-about = Print this message or the help of the given subcommand(s)

