# What the commands print besides findings, help and questions: their results (`wrote …`,
# `added to …`, `created a programme in …`), refusals and the failures of build, init,
# templates, add-* and the renderers. Ids start with `cmd-`.

## build

cmd-build-cannot-create-out = cannot create { $path }: { $why }
cmd-build-cannot-create-out-hint = choose another folder with --out
cmd-build-folder-in-the-way = cannot write { $path }: a folder of that name is in the way
cmd-build-folder-in-the-way-hint = move the folder away, or choose another output folder with --out
cmd-build-output-dir = output.dir `{ $dir }` in programme.yaml: { $why }
cmd-build-output-dir-hint = a folder set in programme.yaml stays inside the programme; to write elsewhere, pass --out DIR on the command line
cmd-build-no-pdf = this nko-draft was built without PDF support
cmd-build-no-pdf-hint = build it with the default features (`cargo install --locked --path .`), or write md and html only: --format md,html

## diff

cmd-diff-summary = Changes: { $total } (steps added: { $added }, removed: { $removed }, changed: { $changed })
# One change: `3. Step 2.1, deadline: by 1 June 2027 → Q4 2027`.
cmd-diff-row = { $number }. { $element }: { $before } → { $after }
cmd-diff-none = no changes: the two drafts print the same
cmd-diff-errors-in-old = in the old draft ({ $source }): { $summary }
cmd-diff-errors-in-new = in the new draft ({ $source }): { $summary }
cmd-diff-refused = nothing was compared: fix the errors of the draft, then run diff again
cmd-diff-old-not-found = the old draft: { $dir } holds no programme.yaml (nor does { $dir }/programme/)
cmd-diff-old-not-found-hint = give the folder of the previous draft, the one that holds its programme.yaml
cmd-diff-too-many = with --since, give at most one folder: the new draft
cmd-diff-too-many-hint = to compare two folders, leave out --since: nko-draft diff OLD NEW
cmd-diff-git-missing = --since: cannot run git: { $why }
cmd-diff-git-missing-hint = install git, or compare two folders: nko-draft diff OLD [NEW]
cmd-diff-not-a-repository = --since: { $dir } is not inside a git repository
cmd-diff-not-a-repository-hint = --since reads the programme's history from git; without one, compare two folders: nko-draft diff OLD [NEW]
cmd-diff-unknown-revision = --since { $rev }: no such revision in the repository { $repo }
cmd-diff-unknown-revision-hint = name a commit, a tag or a branch that exists (`git log --oneline` lists the commits), e.g. --since HEAD~1
cmd-diff-not-in-revision = --since { $rev }: the programme ({ $path }) did not exist at that revision
cmd-diff-not-in-revision-hint = choose a later revision: `git log --oneline -- { $path }` lists those that touch it
cmd-diff-git-failed = --since { $rev }: git { $command } failed: { $why }

## report

cmd-report-no-note = indicator `{ $indicator }`: the value for { $year } differs from the target by more than 5 %, and its `actual` gives no `note` to explain it
cmd-report-no-note-hint = write the value with a note: `actual: {"{"}{ $year }: {"{"}value: …, note: "…"{"}"}{"}"}` (nko-draft set-actual --note)
cmd-report-outside = --period { $period }: the programme runs { $from }–{ $to }
cmd-report-outside-hint = give a year or a quarter of the programme's period, e.g. --period { $from }
cmd-report-done-after-date = --date { $date }: step `{ $step }` was done on { $done }, after the date of the report
cmd-report-done-after-date-hint = date the report { $done } or later, or leave --date out (the report is then dated the last day of the period)
cmd-report-bad-period = { $why }; { $hint }

## watch

cmd-watch-watching = watching { $root } for changes (Ctrl-C stops)
cmd-watch-serving = serving the outputs at { $url }
cmd-watch-changed = { $path } changed
cmd-watch-rebuilt = rebuilt in { $ms } ms
cmd-watch-kept = { $root }: { $summary }; the previous outputs are kept
cmd-watch-stopped = stopped watching
cmd-watch-cannot-watch = cannot watch { $dir }: { $why }
cmd-watch-cannot-watch-hint = on Linux the limit of watched folders may be too low: raise fs.inotify.max_user_watches
cmd-watch-cannot-listen = cannot listen on { $addr }: { $why }
cmd-watch-cannot-listen-hint = another program may be using the port: choose another address, e.g. --serve 127.0.0.1:3001

## init

cmd-init-here-is-a-programme = the current folder is already a programme (it holds { $marker }); init would create another one inside it, in programme/
cmd-init-here-is-a-programme-hint = nothing was written; to start a new programme, name a folder outside this one, e.g. `nko-draft init ../new-region`; to check this one, run `nko-draft check`
cmd-init-is-a-programme = { $dir } is already a programme (it holds { $marker })
cmd-init-is-a-programme-hint = nothing was written; to start another programme, name a new folder, e.g. `nko-draft init new-region`; to check this one, run `nko-draft -C { $dir } check`
cmd-init-in-the-way = { $dir } has paths in the way of the skeleton:
cmd-init-in-the-way-hint = nothing was written; choose an empty or new folder, or move these paths away
# One path in the way: `new/steps: a link (init never writes through a link)`.
cmd-init-taken = { $path }: { $why }
cmd-init-taken-exists = exists
cmd-init-taken-link = a link (init never writes through a link)
cmd-init-taken-not-a-folder = a file where a folder is needed
cmd-init-half-way = init stopped half-way
cmd-init-nothing-left = nothing was left behind: what this run had created was removed
cmd-init-left-behind = these could not be removed and are left from this run: { $paths }

## What every command prints

cmd-enter-dir = -C { $dir }: cannot enter this folder: { $why }
cmd-enter-dir-hint = give the folder that holds the programme (its programme.yaml) or its parent
# The place of a finding about a flag, instead of a file.
cmd-command-line = (command line)
cmd-version = { $version } (commit { $commit }, PDF support built in)
cmd-version-no-pdf = { $version } (commit { $commit }, without PDF support)
cmd-man-failed = cannot write the manual pages into { $dir }: { $why }
cmd-schema-failed = cannot write the schemas into { $dir }: { $why }
cmd-wrote = wrote { $path }
cmd-wrote-size = wrote { $path } ({ $size })
cmd-size-bytes = { $n } B
cmd-size-kib = { $n } KiB
cmd-size-mib = { $n } MiB
cmd-templates-next = copy the ones you change into the programme's templates/ folder; the rest keep using the built-in versions
cmd-check-ok = ok: { $root } has no problems
cmd-build-nothing-written = { $root }: { $summary }; nothing was written

## init's results and --session-date

cmd-init-created = created a programme in { $dir } ({ $n ->
        [one] { $n } file
       *[other] { $n } files
    })
cmd-init-next = next: edit the files, then run `nko-draft -C { $dir } check`
cmd-session-date-shape = --session-date: `{ $value }` is not a date in the form YYYY-MM-DD
cmd-session-date-no-month = --session-date: `{ $value }` is not a real date: there is no month { $month }
cmd-session-date-days = --session-date: `{ $value }` is not a real date: { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year } has { $days } days
cmd-session-date-hint = give the date as YYYY-MM-DD, e.g. 2026-11-28

## add-step, add-proposal, add-participant, add-progress, set-actual ($what is step, proposal,
## participant, progress or actual)

cmd-add-found-elsewhere = found elsewhere because of the new { $what ->
        [progress] progress entry
        [actual] actual value
       *[other] { $what }
    }:
cmd-add-already-there = already in the programme before this { $what ->
        [progress] progress entry
        [actual] actual value
       *[other] { $what }
    } was added:
cmd-add-new-errors = { $n ->
        [one] { $n } error
       *[other] { $n } errors
    } with the new { $what ->
        [progress] progress entry
        [actual] actual value
       *[other] { $what }
    }
cmd-add-old-errors = { $n ->
        [one] { $n } error already in the programme (fix it: `nko-draft check` lists them)
       *[other] { $n } errors already in the programme (fix them: `nko-draft check` lists them)
    }
cmd-add-refused-one = { $why }; nothing was written
cmd-add-refused-both = { $new }; { $old }; nothing was written
cmd-add-nothing-written = nothing was written
cmd-add-other-warnings = note: the programme has { $n ->
        [one] { $n } other warning
       *[other] { $n } other warnings
    } elsewhere; `nko-draft check` lists them
cmd-add-file = { $path }
cmd-add-new-file = { $path } (a new file)
cmd-add-dry-run = dry run: would add { $target } to { $file }; nothing was written
cmd-add-added = added to { $file }

## add-*: why an entry cannot be added to its file (findings of the command)

cmd-add-missing-file = { $file } is missing
cmd-add-fix-file-hint = fix the file first; `nko-draft check` shows what is wrong
cmd-add-not-regular = it is not a regular file
cmd-add-too-large = the file is too large to edit
cmd-add-not-utf8 = the file is not valid UTF-8 text
cmd-add-invalid-case = `{ $case }` is not a valid case id
cmd-add-case-id-hint = case ids use lowercase latin letters, digits and `-`
cmd-add-case-id-hint-example = case ids use lowercase latin letters, digits and `-`, e.g. `{ $example }`
cmd-add-unknown-case = unknown case `{ $case }`: there is no { $file }
cmd-add-did-you-mean = did you mean `{ $id }`?
cmd-add-no-cases = no case is defined yet: create cases/<case>.yaml
cmd-add-known-cases = known: { $list }
# add-progress, set-actual: `flag` is `--step` or `--indicator`, `what` is step or indicator.
cmd-unknown-id = { $flag } { $id }: there is no such { $what ->
        [step] step
       *[indicator] indicator
    }
cmd-unknown-id-known = known: { $list }
cmd-progress-recorded = progress for { $period } is already recorded for step `{ $step }`
cmd-progress-recorded-hint = change that entry in { $file } by hand (a replacement would drop its comment and amounts unseen), or record another period
# A name in a list: `crdi`.
cmd-quote = `{ $name }`
cmd-list = { $first }, { $rest }
cmd-append-cannot-add = cannot add the entry: { $why }
cmd-append-the-file = the file
cmd-append-the-list = the list
cmd-append-key = `{ $key }`
cmd-append-syntax = the file is not valid YAML
cmd-append-not-a-list = { $what } is not a list
cmd-append-not-a-mapping = the file does not hold keys such as `title: …`
cmd-append-flow = { $what } is written as a flow sequence `[…]`
cmd-append-document-end = the file ends its YAML document with `...`
cmd-append-unsafe = adding the entry here would change what is already written
cmd-append-flow-mapping = the entry is written as a flow mapping `{"{"}…{"}"}`
cmd-append-not-a-mapping-at = { $what } does not hold keys such as `2027: …`
cmd-append-key-exists = `{ $key }` is already there
cmd-append-fix-first-hint = fix the file first; `nko-draft check` shows where
cmd-append-not-a-list-hint = entries are written as a list, one `- id: …` item each
cmd-append-flow-hint = rewrite it as a block list (one `- id: …` item a line), then try again
cmd-append-document-end-hint = remove the `...` line (an entry added after it would not be read), then try again
cmd-append-unsafe-hint = add a final line break to the file (or add the entry by hand) and try again
cmd-append-flow-mapping-hint = rewrite it in block style (one `key: value` a line), then try again
cmd-append-not-a-mapping-at-hint = write its entries as keys, one `2027: …` a line, then try again
cmd-append-key-exists-hint = change it in the file by hand

## templates, and the programme's own templates (failures of build, findings of check)

cmd-tpl-not-a-folder = templates is not a folder
cmd-tpl-not-a-folder-hint = put your templates in a folder named templates, or remove the file
cmd-tpl-exist = { $n ->
        [one] { $files } already exists
       *[other] { $files } already exist
    }
cmd-tpl-exist-hint = nothing was written; remove the files or choose another folder
cmd-tpl-no-thread = cannot start a thread to render the templates
cmd-tpl-stopped = rendering { $template } stopped unexpectedly; this is a bug in nko-draft, please report it with the template
cmd-tpl-memory = { $template } took more than { $mib } MiB of memory and was stopped; nothing was written
cmd-tpl-memory-hint = look for a text that the template makes longer and longer in a loop (`set` with `~`)
cmd-tpl-timeout = { $template } ran longer than the limit of { $limit } s (--template-timeout) and was stopped; nothing was written
cmd-tpl-timeout-hint-own = look for a loop that runs too often (over a large range, or nested), or raise the limit: --template-timeout { $seconds }
cmd-tpl-timeout-hint-built-in = the built-in template needs more time for a programme this large: --template-timeout { $seconds }
cmd-tpl-not-utf8 = { $template } printed text that is not UTF-8
cmd-tpl-too-long = { $template } printed more than { $mib } MiB and was stopped; nothing was written
cmd-tpl-too-long-hint = a template's output is limited to this size; look for a loop that prints more than the document needs
cmd-tpl-unknown = { $file } is not the name of a template
cmd-tpl-unknown-hint = templates that can be replaced: { $names }; `nko-draft templates --out DIR` writes them
cmd-tpl-not-a-file = { $file } is not a regular file but { $kind }
cmd-tpl-not-a-file-hint = a template must be a plain text file; remove it or put the template's text in its place
cmd-tpl-kind-folder = a folder
cmd-tpl-kind-fifo = a named pipe (FIFO)
cmd-tpl-kind-socket = a socket
cmd-tpl-kind-device = a device
cmd-tpl-kind-other = not a regular file
# `templates/body.md (a link to ../x.md)`.
cmd-tpl-link = { $file } (a link to { $target })
cmd-tpl-outside = { $file } leads outside the programme folder
cmd-tpl-outside-hint = templates are read only from inside the programme folder; copy the file there instead of linking to it
cmd-tpl-nowhere = { $file } leads to a file that does not exist
cmd-tpl-nowhere-hint = remove the link, or put the template's text in its place
cmd-tpl-hint = `nko-draft templates --out DIR` shows the built-in template
cmd-tpl-fix-and-hint = { $fix } ({ $hint })
cmd-tpl-error = template error: { $why }
# Followed by the finding, with the line of the template it is at.
cmd-tpl-error-at = template error
cmd-tpl-own-hint = the error is in the programme's own template; `nko-draft templates --out DIR` shows the built-in one
cmd-tpl-built-in-hint = this is a bug in a built-in template; please report it
cmd-tpl-named = the templates here are named { $list }
cmd-tpl-missing-parent = `{ $template }` extends `{ $parent }`, which is not a template
cmd-tpl-extends-itself = `{ $template }` extends itself: { $chain }
cmd-tpl-extends-itself-hint = a template cannot extend itself, directly or through another; remove this `extends`
cmd-tpl-includes-itself = `{ $template }` includes itself: { $chain }
cmd-tpl-includes-itself-hint = a template cannot include itself, directly or through another; remove this `include`

## The PDF (Typst's own words stay as Typst says them)

cmd-pdf-standards = PDF standards: { $why }
cmd-pdf-failed = the PDF could not be made:
cmd-pdf-own-hint = the error is in the programme's own templates/programme.typ; `nko-draft templates --out DIR` shows the built-in one
cmd-pdf-built-in-hint = this is a bug in the built-in PDF template; please report it with the programme that shows it
cmd-typst-says = { $text }
cmd-typst-at = { $place }: { $text }
cmd-typst-hinted = { $text } (hint: { $hint })

## Status lines on a terminal

progress-pdf = typesetting the PDF… { $seconds } s
progress-lock-wait = another nko-draft is changing this programme (it holds { $file }); waiting for it to finish…
