# Findings about the programme as a document: its implementation section and its sources of funding.

chk3-no-implementation = `programme.yaml` has no `implementation`: the section on implementation will say only who is responsible and where the indicators are
chk3-no-implementation-hint = describe in `implementation` who reports to whom and by when, how the results are assessed and where the reports are published
