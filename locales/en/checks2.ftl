# Findings of issue 12 about the data: indicators without a source, abbreviations missing from
# the list, votes that exceed the people of a case (src/validate/).

chk-indicator-no-source = indicator `{ $id }` has neither a source of data nor a method of calculation
chk-indicator-no-source-hint = add `source:` (where the values come from: a report, a register, a survey) or `method:` (how the value is calculated)
chk-unknown-abbreviation = the abbreviation `{ $word }` is not in the list of abbreviations
chk-unknown-abbreviation-hint = add it to `abbreviations` in programme.yaml: `- {"{"}short: { $word }, full: …{"}"}`; or, when it is an organisation, give it `short: { $word }` in organisations.yaml
chk-votes-exceed = the proposal has more votes ({ $votes }) than participants.yaml lists people in case `{ $case }` ({ $n })
chk-votes-exceed-hint = correct `votes`, or add `{ $case }` to the `cases` of the people of the group in participants.yaml; leave `votes` out when the count is not known
