# Dates and deadlines as the input writes them (src/model/date.rs, src/deadline.rs): why a date
# or a deadline cannot be read, and what to write instead. `text` and `whole` are values as
# written; `date` and `value` are corrected values, in the form of the input; `month` is 1 to 12.

## Month names, put into the messages below.

# A month on its own (ru: the form after «в», «в ноябре»).
date-month-in = { $month ->
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
    }
# A month after a day (ru: the genitive, «ноября»).
date-month-of = { $month ->
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
    }

## Dates: `programme.date`, `session.date`, agreements' dates, `--session-date`.

date-not-a-date = `{ $text }` is not a date in the form YYYY-MM-DD
date-not-real = `{ $text }` is not a real date: { $why }
date-no-month = there is no month { $month }
# `month` is a `date-month-in`.
date-month-days = { $month } { $year } has { $days } days
date-hint-write = write `{ $date }`
# `month` is a `date-month-of`.
date-hint-month-ends = { $month } { $year } ends on { $end }; write the day that was meant
date-hint-form = write the date as YYYY-MM-DD, e.g. 2026-11-28

## Deadlines: `deadline` of a step, `--deadline`.

date-deadline-empty = the deadline is empty
date-deadline-unknown = `{ $text }` is not a deadline
date-deadline-hint-forms = write a deadline such as `2027-Q2`, `by 2027-12-01` or `annually Q4`
date-deadline-hint-write = write `{ $value }`
date-deadline-hint-by = write `by YYYY-MM-DD`, e.g. by 2027-12-01
date-deadline-hint-no-later = write `no-later YYYY-MM-DD`
date-deadline-no-quarter = there is no quarter Q{ $q } in `{ $whole }`
date-deadline-hint-quarters = quarters are Q1 to Q4
date-deadline-not-quarter = `{ $text }` in `{ $whole }` is not a quarter
date-deadline-hint-quarter-form = write quarters as Q1 to Q4, e.g. 2027-Q2
date-deadline-years-reversed = the years in `{ $whole }` are reversed or the same
date-deadline-hint-one-year = for one year write `{ $value }`
date-deadline-hint-years-order = write the earlier year first: `{ $value }`
date-deadline-quarters-reversed = the quarters in `{ $whole }` are reversed or the same
date-deadline-hint-one-quarter = for one quarter write `{ $value }`
date-deadline-hint-quarters-order = write the earlier quarter first: `{ $value }`
date-deadline-no-month = there is no month { $month } in `{ $whole }`
date-deadline-no-half = there is no half-year H{ $h } in `{ $whole }`
date-deadline-hint-halves = half-years are H1 and H2
date-deadline-not-day-of-year = `{ $text }` in `{ $whole }` is not a day of the year
date-deadline-hint-annually-by = write `annually by MM-DD`, e.g. annually by 02-01
date-deadline-feb-29 = 29 February in `{ $whole }` is not a day of every year
date-deadline-hint-feb-29 = write `annually by 02-28` or `annually by 03-01`

## Report periods: the keys of a step's `progress`, `--period`.

date-period-not-period = `{ $text }` is not a report period
date-period-no-quarter = there is no quarter Q{ $q } in `{ $text }`
date-period-hint-forms = write a year (`2027`) or a quarter (`2027-Q2`)
date-period-hint-write = write `{ $value }`
