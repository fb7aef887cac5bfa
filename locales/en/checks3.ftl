# Findings about the programme as a document: its implementation section and its sources of funding.

chk3-no-implementation = `programme.yaml` has no `implementation`: the section on implementation will say only who is responsible and where the indicators are
chk3-no-implementation-hint = describe in `implementation` who reports to whom and by when, how the results are assessed and where the reports are published
chk3-regional-budget = the name of the region `{ $region }` does not say what its budget is called: the source `regional_budget` will be printed as `{ $name }`
chk3-regional-budget-hint = name it in `programme.yaml`, for example `funding_sources: {"{"}regional_budget: краевой бюджет{"}"}`
