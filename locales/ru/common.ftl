# Что печатает каждая команда: слова находки, счёт и рамка отказа.

severity-error = ошибка
severity-warning = предупреждение
finding-hint = подсказка
finding-at = где
check-summary = { $errors ->
        [one] { $errors } ошибка
        [few] { $errors } ошибки
       *[many] { $errors } ошибок
    }, { $warnings ->
        [one] { $warnings } предупреждение
        [few] { $warnings } предупреждения
       *[many] { $warnings } предупреждений
    }
refused = отказ: { $why }

# A finding about a value given on the command line: `--responsible centr: unknown organisation …`.
flag-finding = { $flag }: { $why }
