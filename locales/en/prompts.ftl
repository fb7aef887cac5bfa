# The questions of add-step, add-proposal and add-participant on a terminal (src/edit/prompt.rs):
# the keys asked for, their hints, the choices, the summary and confirmation, the answers refused,
# and what is said when the user declines or presses Ctrl-C. Ids start with `ask-`.

ask-intro = To go back to the previous question, type <. Enter alone leaves an optional key out; Ctrl-C stops without writing anything.

# The keys, as questions and in the summary: the word, then the key of the file.
ask-field-case = Case (case)
ask-field-title = Title (title)
ask-field-description = Description (description)
ask-field-deadline = Deadline (deadline)
ask-field-responsible = Responsible (responsible)
ask-field-partners = Partners (partners)
ask-field-result = Expected result (result)
ask-field-indicators = Indicators (indicators)
ask-field-proposals = Proposals carried out (proposals)
ask-field-status = Status (status)
ask-field-id = Identifier (id)
ask-field-text = Proposal (text)
ask-field-problems = Problems (problems)
ask-field-votes = Votes (votes)
ask-field-reason = Reason (reason)
ask-field-name = Full name (name)
ask-field-position = Position (position)
ask-field-organisation = Organisation (organisation)
ask-field-role = Role (role)
ask-field-cases = Cases (cases)
ask-field-publish = Print the name in the document (publish)

# A question with how to answer it: `Partners (partners), ids separated by commas`.
ask-with-hint = { $field }, { $hint }
ask-hint-ids = ids separated by commas
ask-hint-lead-first = ids separated by commas, the lead first
ask-hint-one-id = one id
ask-hint-choice = number or id
ask-hint-deadline = e.g. 2027-Q2, by 2027-12-01, annually Q4
ask-hint-result = with a number
ask-hint-votes = a whole number
ask-hint-step-id = empty: the next <case>-<n>
ask-hint-proposal-id = empty: the next in the case's pattern
# A question answered yes or no.
ask-yes-no = { $question }? [y/n]
# `… and 12 more: type an id` under a list cut short.
ask-more = … and { $n } more: type an id

# The choices of a status or a role: what each keyword means.
ask-step-status = { $status ->
        [agreed] agreed by the session
        [proposed] a proposal, not agreed yet
        [disputed] to be agreed
       *[other] { $status }
    }
ask-proposal-status = { $status ->
        [accepted] a step is to carry it out
        [deferred] put off until later
        [rejected] not taken up
       *[other] { $status }
    }
ask-role = { $role ->
        [speaker] gives a talk
        [moderator] leads a case group
        [expert] advises the groups
        [participant] takes part
       *[other] { $role }
    }

# The summary before writing, and the confirmation (asked as a yes-or-no question).
ask-summary = { $what ->
        [step] The new step
        [proposal] The new proposal
       *[participant] The new participant
    }:
ask-confirm = { $what ->
        [step] Add this step
        [proposal] Add this proposal
       *[participant] Add this participant
    }
ask-empty = —
ask-auto-id = chosen when it is written
ask-yes = yes
ask-no = no

# Answers that are asked again.
ask-required = required
ask-first-question = this is the first question: there is nothing to go back to
ask-unknown = unknown { $kind } `{ $id }`
ask-unknown-near = unknown { $kind } `{ $id }`: did you mean `{ $near }`?
ask-no-choice = there is no choice { $answer }: type a number from the list or an id
ask-one-organisation = give one organisation
ask-not-a-number = a whole number, or nothing
ask-bad-deadline = { $why } ({ $hint })
ask-yes-or-no = answer y (yes) or n (no)

# How the questions end without writing.
ask-declined = cancelled: nothing was written
ask-interrupted = interrupted: nothing was written
