# The rules of validate: references, ids, texts, the period, goals, agreements, numbers,
# deadlines against the period and the session, funding and the SMART warnings
# (src/validate/). $kind names what an id is of: organisation, participant, indicator, case,
# problem, proposal, step.

## References and ids

check-unknown-ref = unknown { $kind } `{ $id }`
check-unknown-ref-in-case = unknown { $kind } `{ $id }` in case `{ $case }`
check-none-defined = no { $kind } is defined yet
check-known = known: { $ids }
check-none-near = none of the { $n } { $kind }s is near this id
check-invalid-id = `{ $id }` is not a valid id
check-invalid-id-hint = ids use lowercase latin letters, digits and `-`, e.g. `{ $example }`
check-duplicate-id = { $kind } id `{ $id }` is used twice
check-duplicate-id-hint = it is first defined at { $file }:{ $line }; ids must be unique
check-case-file-name = the file name `{ $name }` is not a valid case id
check-case-file-name-hint = case files are named by their id: lowercase latin letters, digits and `-`
check-steps-file-name-hint = steps files are named by the id of their case
check-steps-without-case = there is no case `{ $case }` for these steps
check-steps-without-case-near = did you mean the case `{ $near }`? its steps go in steps/{ $near }.yaml
check-steps-without-case-hint = create cases/{ $case }.yaml, or move these steps to an existing case
check-proposal-other-case = proposal `{ $proposal }` belongs to case `{ $other }`, not `{ $case }`
check-proposal-other-case-hint = a step carries out proposals of its own case

## Texts

# $what: the text that is empty.
check-empty-text = { $what ->
        [programme-title] the title
        [short-title] the short title
        [risk] the risk
        [mitigation] the mitigation
        [goal] the goal
        [session-title] the title
        [agreement-title] the agreement's title
        [organisation-name] the name
        [short-name] the short name
        [participant-name] the name
        [case-title] the title
        [task] the task
        [problem] the problem
        [proposal] the proposal
        [indicator-name] the name
        [unit] the unit
        [step-title] the title
        [result] the result
        [approval-by] the act that approved the programme (`by`)
        [approval-number] the number of the act
        [revision-label] the label of the revision
        [sign-off-position] the position
        [sign-off-name] the name
        [progress-comment] the comment
        [actual-note] the note
       *[other] the text
    } is empty

## The programme

check-no-cases = the programme has no case track
check-no-cases-hint = add cases/<case>.yaml for each case track; `nko-draft init` shows one
check-period-reversed = the period starts after it ends ({ $from } > { $to })
check-period-reversed-hint = write the first year first: `period: {"{"}from: { $first }, to: { $last }{"}"}`
check-implausible-year = `{ $year }` is not a plausible year
check-period-before-session = the period ends in { $to }, before the session ({ $session })
check-no-goal = the programme has no goal
check-no-goal-hint = add at least one goal: goals: ["…"]
check-output-name = `{ $name }` is not a file name
check-output-name-hint = give a plain, short name such as `programme`; the folder goes in `dir`
check-no-formats = no formats to write: `build` would write nothing
check-no-formats-hint = list at least one, e.g. `formats: [md, html, pdf]`, or remove the key for all
check-output-dir = `{ $dir }` is outside the programme folder
check-output-dir-hint = a folder set in programme.yaml stays inside the programme, e.g. `dir: out`; to write elsewhere, pass --out DIR on the command line

## Life cycle: revision, approval, sign-off

check-missing-approval = the programme is approved, but `approval` does not say by which act
check-missing-approval-hint = add the act that approved it, e.g. `approval: {"{"}by: "постановлением Администрации Курской области", date: 2027-02-10, number: "45-па"{"}"}`; while it is not approved, write `status: draft`
check-approval-of-draft = `approval` is given, but the programme is a draft: the stamp is not printed
check-approval-of-draft-hint = once the act is adopted, write `status: approved`: the stamp then replaces «ПРОЕКТ»
# $what: revision, approval or done (a progress entry's `done_on`).
check-before-session = { $what ->
        [revision] the revision
        [done] `done_on`
       *[approval] the approval
    } is dated { $date }, before the session ({ $session })
check-before-session-hint = { $what ->
        [revision] the draft is made at the session, so it is revised after it: check the date
        [done] steps are agreed at the session, so they are done after it: check the date
       *[approval] the programme is drafted at the session, so it is approved after it: check the date
    }
check-revision-before-date = the revision is dated { $date }, before the date of the document ({ $document })
check-revision-before-date-hint = a revision is a later edition of the draft: date it on or after `date`, or change `date`
check-revision-after-approval = the revision is dated { $date }, after the approval ({ $approved })
check-revision-after-approval-hint = the approved programme prints its stamp, not the revision: check the two dates
check-sign-off-name-and-participant = the row gives both `name` and `participant`
check-sign-off-name-and-participant-hint = keep `participant: { $id }` (the name is printed only if the participant is published) and remove `name`, or keep `name` alone
check-sign-off-unpublished = this is the name of the participant `{ $id }`, who is not published
check-sign-off-unpublished-hint = write `participant: { $id }` instead of `name`: the row then prints the organisation and the position, and leaves the name to be written by hand

## Session and organisations

check-agreement-parties = an agreement needs at least two parties
check-agreement-parties-hint = list the organisations that signed it: `parties: [<id>, <id>]`
check-duplicate-short = the short name «{ $short }» is also used by `{ $other }`
check-duplicate-short-hint = readers cannot tell the two apart in tables

## Cases and indicators

check-case-number-zero = case numbers start at 1
check-case-number-twice = case number { $number } is also used by case `{ $other }`
check-case-number-twice-hint = each case has its own number: it orders the tasks of the programme
check-missing-reason = a deferred or rejected proposal has no reason
check-missing-reason-hint = add `reason: …` so readers know why
check-no-baseline = indicator `{ $id }` has no baseline
check-no-baseline-hint = add `baseline: {"{"}year: 2026, value: …{"}"}`: a target means little without a start
check-target-outside = a target for { $year }, outside the period { $from }–{ $to }
check-target-outside-hint = targets are set for the years { $from } to { $to }
# $n: how many years are in $years.
check-missing-targets = indicator `{ $id }` has no target for { $n ->
        [one] { $years }
       *[other] { $years }
    }
check-missing-targets-hint = give a target for every year of the period
check-bad-number = `{ $value }` is not a usable number
check-bad-number-hint = give a finite number of at most a trillion

## Steps

check-no-responsible = step `{ $id }` has no responsible organisation
check-no-responsible-hint = add `responsible: <organisation id>`
check-empty-responsible = the list of responsible organisations is empty
check-no-result = step `{ $id }` has no expected result
check-no-result-hint = add `result: …`, preferably with a number
check-proposal-not-carried = accepted proposal `{ $id }` is carried out by no step
check-proposal-not-carried-hint = name it in a step's `proposals` in steps/{ $case }.yaml, or mark it deferred
check-case-no-steps = case `{ $id }` has no steps
check-case-no-steps-hint = add steps with `nko-draft add-step --case { $id } --title …`
check-no-deadline = step `{ $id }` has no deadline
check-no-deadline-hint = add `deadline: …`, e.g. 2027-Q2 or annually Q4
check-permanent = `permanent` is not time-bound
check-permanent-hint = prefer a period such as `2027..2029` or a recurrence such as `annually Q4`
check-deadline-after-period = the deadline ends after the period { $from }–{ $to }
check-deadline-after-period-hint = the programme runs until 31 December { $to }
check-deadline-before-session = the deadline starts before the session ({ $session })
check-deadline-before-session-by = the session was on { $session }; to end with this period write `by { $end }`
check-deadline-before-session-hint = steps are agreed at the session: they cannot be due before it

## Funding

check-funding-outside = funding for { $year }, outside the period { $from }–{ $to }
check-funding-outside-hint = amounts are given for the years { $from } to { $to }
check-bad-amount = `{ $amount }` is not an amount
check-bad-amount-hint = amounts are thousand roubles, from 0 to a trillion, e.g. 350.0
check-amount-too-fine = `{ $amount }` is finer than a kopeck
check-amount-too-fine-hint = amounts are thousand roubles with at most { $decimals } decimals: write { $rounded }
check-funding-none = an amount under `source: none`
check-funding-none-hint = name the source of the money, or drop the amount

# Findings about the data: indicators without a source, abbreviations missing from
# the list, votes that exceed the people of a case (src/validate/).

chk-indicator-no-source = indicator `{ $id }` has neither a source of data nor a method of calculation
chk-indicator-no-source-hint = add `source:` (where the values come from: a report, a register, a survey) or `method:` (how the value is calculated)
chk-unknown-abbreviation = the abbreviation `{ $word }` is not in the list of abbreviations
chk-unknown-abbreviation-hint = add it to `abbreviations` in programme.yaml: `- {"{"}short: { $word }, full: …{"}"}`; or, when it is an organisation, give it `short: { $word }` in organisations.yaml
chk-votes-exceed = the proposal has more votes ({ $votes }) than participants.yaml lists people in case `{ $case }` ({ $n })
chk-votes-exceed-hint = correct `votes`, or add `{ $case }` to the `cases` of the people of the group in participants.yaml; leave `votes` out when the count is not known

# Findings about the programme as a document: its implementation section and its sources of funding.

chk3-no-implementation = `programme.yaml` has no `implementation`: the section on implementation will say only who is responsible and where the indicators are
chk3-no-implementation-hint = describe in `implementation` who reports to whom and by when, how the results are assessed and where the reports are published
chk3-regional-budget = the name of the region `{ $region }` does not say what its budget is called: the source `regional_budget` will be printed as `{ $name }`
chk3-regional-budget-hint = name it in `programme.yaml`, for example `funding_sources: {"{"}regional_budget: краевой бюджет{"}"}`

# Findings about progress after approval: a step's `progress` and an indicator's `actual`
# (src/validate/progress.rs). `period` is a report period as the input writes it (`2027-Q2`).

check-progress-outside = progress for { $period }, outside the period { $from }–{ $to }
check-progress-outside-hint = progress is recorded for the years { $from } to { $to }
check-done-after-period = done on { $date }, after the end of { $period } ({ $end })
check-done-after-period-hint = an entry says where the step stood at the end of its period: record the day under `{ $later }`
check-done-on-not-done = `done_on` with `status: { $status }`
check-done-on-not-done-hint = write `status: done`, or drop `done_on`
check-cancelled-no-reason = a cancelled step has no comment
check-cancelled-no-reason-hint = add `comment: …` saying why it was cancelled
check-spent-unfunded = money spent from `{ $source }`, which the step's `funding` does not name
check-spent-unfunded-hint = the step is funded from { $sources }: correct the source, or add it to `funding`
check-spent-unfunded-none = the step has no `funding`: add `- source: { $source }` with its amounts, or correct the source
check-actual-outside = an actual value for { $year }, outside the period { $from }–{ $to }
check-actual-outside-hint = values are recorded for the years { $from } to { $to }
