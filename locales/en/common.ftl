# What every command prints: the words of a finding, counts, and the frame of a refusal.
# Variables are named as in the code (`msg!(CheckSummary, errors = 1, warnings = 0)`).

severity-error = error
severity-warning = warning
finding-hint = hint
finding-at = at
check-summary = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
refused = refused: { $why }

# A finding about a value given on the command line: `--responsible centr: unknown organisation …`.
flag-finding = { $flag }: { $why }
