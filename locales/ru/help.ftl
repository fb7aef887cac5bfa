# --help и ошибки командной строки: слова clap, сообщения об ошибках в командной строке и
# (ниже) справка по каждой команде и каждому параметру.
#
# Ключи справки составляются по дереву команд (src/i18n/help.rs):
#   help-<команда>-about, help-<команда>-long-about, help-<команда>-after
#   help-<команда>-<параметр>, help-<команда>-<параметр>-long,
#   help-<команда>-<параметр>-value-<значение>
#   help-arg-<параметр> для общих параметров и флагов справки и версии
#   help-value-<заполнитель>
# <команда> верхнего уровня — `nko-draft`. Тест падает, если ключа нет или он лишний.

## Слова clap

help-heading-usage = Использование:
help-heading-commands = Команды
help-heading-arguments = Аргументы
help-heading-options = Параметры
help-usage-command = КОМАНДА
help-usage-options = ПАРАМЕТРЫ
help-possible-values = Возможные значения:
help-spec-default = [по умолчанию: { $value }]
help-spec-possible-values = [возможные значения: { $values }]
help-spec-env = [переменная окружения: { $var }={ $value }]

## Ошибки в командной строке

help-tip = подсказка
help-error-more = Подробнее: { $command } --help
help-list-and = { $head } и { $last }
help-error-required = { $count ->
        [one] не указан обязательный параметр { $flags }
       *[other] не указаны обязательные параметры { $flags }
    } (вопросы задаются только в терминале и не задаются, если установлена переменная CI)
help-error-unknown-argument = неизвестный параметр «{ $arg }»
help-error-unexpected-word = лишний аргумент «{ $arg }»
help-error-no-value = не указано значение { $arg }
help-error-no-value-of = не указано значение { $arg }; возможные значения: { $values }
help-error-invalid-value = недопустимое значение «{ $value }» для { $arg }
help-error-invalid-value-of = недопустимое значение «{ $value }» для { $arg }; возможные значения: { $values }
help-error-value-refused = недопустимое значение «{ $value }» для { $arg }: { $why }
help-error-unknown-command = неизвестная команда «{ $name }»
help-error-missing-command = не указана команда; команды: { $names }
help-error-missing-arguments = { $count ->
        [one] не указан обязательный параметр
       *[other] не указаны обязательные параметры:
    } { $args }
help-error-too-many-values = параметр { $arg } не принимает значение «{ $value }»
help-error-number-of-values = для { $arg } нужно значений: { $expected }, а дано: { $given }
help-error-twice = параметр { $arg } указан больше одного раза
help-error-conflict = параметр { $arg } нельзя указывать вместе с { $other }
help-error-no-equals = значение { $arg } указывается через знак «=»: { $arg }=…
help-error-utf8 = в аргументах есть байты не в кодировке UTF-8
help-error-other = командная строка не разобрана
help-tip-similar-command = { $count ->
        [one] похожая команда: { $names }
       *[other] похожие команды: { $names }
    }
help-tip-similar-argument = похожий параметр: { $arg }
help-tip-similar-value = похожее значение: { $value }
help-tip-as-value = чтобы передать «{ $word }» как значение, напишите перед ним «--»: -- { $word }
help-tip-no-double-dash = команда «{ $name }» есть: уберите «--» перед ней
help-tip-other-command = такой параметр есть у команды: { $line }

## Значения, которые не принимают разборщики самой командной строки

help-bad-address = «{ $value }» — не адрес с портом (например, 127.0.0.1:3000) и не порт
help-bad-epoch = «{ $value }» — не целое число секунд от 1970-01-01 (например, 1798761600)
help-bad-epoch-range = { $value } — не дата между 1970 и 9999 годами
help-bad-number = нужно целое число
help-bad-range = нужно целое число от { $from } до { $to }
help-bad-seconds = нужно целое число секунд, не меньше 1

## Справка по командам и их параметрам

help-arg-help-only = Показать справку
help-nko-draft-about = Превращает договорённости стратегической сессии НКО в проект региональной программы (Markdown, HTML, PDF, DOCX)
help-nko-draft-after = Примеры:
      nko-draft init kursk --title "Программа …"   начать программу в папке ./kursk
      nko-draft check                               проверить ./programme (или текущую папку)
      nko-draft build                               записать out/programme.{"{"}md,html,pdf,docx{"}"}
      nko-draft build --format md,html -o site      только Markdown и HTML, в папку ./site
      nko-draft -C examples/english check --strict  проверить другую программу; предупреждения — провал

    Коды выхода: 0 — всё в порядке (предупреждения допустимы), 1 — во входных файлах есть ошибки (или предупреждения при --strict), 2 — ошибка в командной строке или при чтении и записи файлов.
help-arg-dir = Работать так, будто команда запущена в папке ПАПКА (как `git -C`): программа — это сама ПАПКА, если в ней есть programme.yaml, иначе ПАПКА/programme/; относительные пути и ./out отсчитываются от ПАПКИ
help-value-dir = ПАПКА
help-arg-lang = Язык сообщений, вопросов и справки: `ru` или `en` (по умолчанию — из переменной NKO_DRAFT_LANG, иначе по языку системы). Язык самого документа задаёт ключ `locale` в programme.yaml
help-arg-lang-value-ru = русский
help-arg-lang-value-en = английский
help-value-lang = ЯЗЫК
help-arg-color = Когда выделять сообщения цветом
help-arg-color-value-auto = в терминале, если не задана переменная NO_COLOR
help-arg-color-value-always = всегда
help-arg-color-value-never = никогда
help-value-color = ЦВЕТ
help-arg-help = Показать справку (подробнее — с --help)
help-arg-help-long = Показать справку (кратко — с -h)
help-arg-version = Показать версию
help-check-about = Проверить программу и сообщить о каждой ошибке — с файлом, строкой и столбцом
help-check-strict = Завершаться с ошибкой и при предупреждениях (проверки SMART: сроки, ответственные, результаты)
help-check-format = Как печатать находки
help-check-format-value-human = фрагмент файла с отметкой под ошибкой (в поток ошибок)
help-check-format-value-short = по строке на находку, `файл:строка:столбец: уровень: сообщение` (в стандартный вывод)
help-check-format-value-json = один документ JSON со всеми находками и итогами (в стандартный вывод)
help-check-format-value-github = аннотации GitHub Actions, `::error file=…,line=…,col=…,title=код::сообщение` (в стандартный вывод)
help-value-format = ФОРМАТ
help-build-about = Проверить программу и записать её в Markdown, HTML, PDF и DOCX (предупреждения печатаются, а при ошибках сборка останавливается и ничего не записывается)
help-build-format = Какие форматы записать, через запятую. По умолчанию — ключ `output.formats` в programme.yaml, иначе md,html,pdf,docx
help-build-format-value-md = Markdown в варианте GitHub
help-build-format-value-html = одна самодостаточная страница HTML
help-build-format-value-pdf = PDF с разметкой структуры (через Typst)
help-build-format-value-docx = Документ DOCX для согласования правок
help-value-md-html-pdf-docx = md,html,pdf,docx
help-build-out = Папка для результатов (любая). По умолчанию — ключ `output.dir` в programme.yaml (внутри программы), иначе ./out
help-build-template-timeout = Сколько секунд может работать каждый шаблон, прежде чем его остановят (собственные шаблоны программы могут зациклиться)
help-value-seconds = СЕКУНДЫ
help-build-source-date-epoch = Дата, которая пишется в PDF, — в секундах от 1970-01-01 UTC (для воспроизводимой сборки). По умолчанию — ключ `date` программы, иначе дата сессии
help-watch-about = Собрать программу и пересобирать её при каждом изменении её файлов или шаблонов, каждый раз печатая найденное проверкой (при ошибках прежние результаты сохраняются); с --serve — ещё и показывать её в браузере, обновляя страницу после каждой сборки
help-watch-after = Примеры:
      nko-draft watch                               пересобирать out/programme.{"{"}md,html{"}"} при каждом сохранении
      nko-draft watch --serve                       и показывать по адресу http://127.0.0.1:3000/
      nko-draft watch --format md,html,pdf          и PDF (его вёрстка занимает секунды)

    Остановить — Ctrl-C.
    Коды выхода — как у build для последней сборки: 0 — записано (предупреждения допустимы), 1 — во входных файлах есть ошибки (прежние результаты сохранены), 2 — ошибка в командной строке или при чтении и записи файлов (в том числе когда наблюдение не удаётся начать).
help-watch-format = Какие форматы пересобирать, через запятую. По умолчанию — md,html (вёрстка PDF занимает секунды)
help-watch-format-value-md = Markdown в варианте GitHub
help-watch-format-value-html = одна самодостаточная страница HTML
help-watch-format-value-pdf = PDF с разметкой структуры (через Typst)
help-watch-format-value-docx = Документ DOCX для согласования правок
help-watch-out = Папка для результатов (любая). По умолчанию — ключ `output.dir` в programme.yaml (внутри программы), иначе ./out
help-watch-serve = Ещё и отдавать результаты по HTTP по адресу АДРЕС, обновляя страницу в браузере после каждой сборки. АДРЕС по умолчанию — 127.0.0.1:3000; если указан только порт, тоже слушается 127.0.0.1
help-value-addr = АДРЕС
help-watch-template-timeout = Сколько секунд может работать каждый шаблон, прежде чем его остановят (собственные шаблоны программы могут зациклиться)
help-init-about = Создать полную заготовку программы с комментариями, которая проходит `check`
help-init-path = Где создать программу (папка создаётся, если её нет). По умолчанию — ./programme
help-value-path = ПУТЬ
help-init-title = Полное название программы
help-value-title = НАЗВАНИЕ
help-init-region = Регион, например «Курская область»
help-value-region = РЕГИОН
help-init-locale = Язык заготовки и документа
help-init-locale-value-ru = русский
help-init-locale-value-en = английский
help-value-locale = ЯЗЫК
help-init-session-date = Дата сессии: ГГГГ-ММ-ДД или ДД.ММ.ГГГГ. По умолчанию — сегодня
help-value-date = ДАТА
help-templates-about = Записать встроенные шаблоны в папку как основу для своих (те, что измените, положите в папку templates/ программы)
help-templates-out = В какую папку записать шаблоны
help-diff-about = Сравнить две редакции программы и перечислить изменения; с --out или --format записать сравнительную таблицу изменений
help-diff-after = Примеры:
      nko-draft diff --since HEAD~1                 что изменилось после последнего коммита
      nko-draft diff old/ --out out --format md,pdf  таблица по сравнению с редакцией в old/

    Сначала проверяются обе редакции; ошибки в любой из них печатаются с указанием, в какой.
    Коды выхода: 0 — сравнено (с изменениями или без), 1 — в редакции есть ошибки, 2 — ошибка в командной строке, в git или при чтении и записи файлов.
help-diff-old = Папка предыдущей редакции (не вместе с --since)
help-value-old = СТАРАЯ
help-diff-new = Папка новой редакции. По умолчанию — текущая программа
help-value-new = НОВАЯ
help-diff-since = Сравнить с программой в том виде, в каком она была в этой ревизии git хранящего её репозитория (коммит, тег, ветка, HEAD~1); НОВАЯ, если указана, тогда идёт первым аргументом
help-value-rev = РЕВИЗИЯ
help-diff-format = Какие форматы сравнительной таблицы записать, через запятую. По умолчанию при --out — md,html,pdf,docx
help-diff-format-value-md = Markdown в варианте GitHub
help-diff-format-value-html = одна самодостаточная страница HTML
help-diff-format-value-pdf = PDF с разметкой структуры (через Typst)
help-diff-format-value-docx = Документ DOCX для согласования правок
help-diff-out = Папка для сравнительной таблицы (comparison.md, …). По умолчанию при --format — ./out
help-report-about = Записать отчёт о ходе реализации Программы за год или квартал по сведениям о выполнении мероприятий и фактическим значениям показателей
help-report-after = Примеры:
      nko-draft report --period 2027                отчёт за 2027 год
      nko-draft report --period 2027-Q3 --format md  за 9 месяцев 2027 года

    Отчёт за квартал охватывает год с 1 января до конца квартала.
    Коды выхода: 0 — записано (предупреждения допустимы), 1 — во входных файлах есть ошибки (ничего не записано), 2 — ошибка в командной строке или при чтении и записи файлов.
help-report-period = Отчётный период: год (2027) или квартал (2027-Q3) в пределах срока Программы
help-value-period = ПЕРИОД
help-report-format = Какие форматы записать, через запятую. По умолчанию — md,html,pdf,docx
help-report-format-value-md = Markdown в варианте GitHub
help-report-format-value-html = одна самодостаточная страница HTML
help-report-format-value-pdf = PDF с разметкой структуры (через Typst)
help-report-format-value-docx = Документ DOCX для согласования правок
help-report-out = Папка для результатов (любая): report-2027.md, … По умолчанию — ключ `output.dir` в programme.yaml (внутри программы), иначе ./out
help-report-date = Дата отчёта: ГГГГ-ММ-ДД или ДД.ММ.ГГГГ. По умолчанию — последний день периода
help-add-step-about = Добавить согласованное мероприятие в steps/<кейс>.yaml, не трогая того, что уже есть в файле. Сначала программа проверяется вместе с новым мероприятием: при любой ошибке ничего не записывается
help-add-step-after = Финансирование флагом не задаётся: потом допишите ключ `funding:` к мероприятию в файле.

    Если --title не указан и команда запущена в терминале, она спрашивает каждый ключ (но не спрашивает никогда, если задана переменная CI или стандартный ввод — не терминал).

    Пример:
      nko-draft add-step --case partnership --title "Форум НКО" --deadline "annually Q4" \
        --responsible crdi --partner kursk-admin --partner asi --indicator i3 --status proposed

    Печатает id нового мероприятия и его номер в документе (partnership-6 → 2.6).
    Коды выхода: 0 — добавлено (предупреждения допустимы), 1 — отказ из-за ошибок (ничего не записано), 2 — ошибка в командной строке или при чтении и записи файлов, 130 — остановлено на вопросе (ничего не записано).
help-add-step-case = Кейс (его id — имя файла cases/<кейс>.yaml без расширения). Обязателен
help-value-case = КЕЙС
help-add-step-title = Наименование мероприятия. Обязательно (в терминале спрашивается)
help-add-step-description = Содержание: в чём состоит мероприятие
help-value-description = ОПИСАНИЕ
help-add-step-deadline = Срок: 2027-12-01, by 2027-12-01, 2027-Q2, 2027-H1, 2027..2029, annually Q4, … или так, как его печатает документ: «до 1 декабря 2027 г.», «II квартал 2027 г.»
help-value-deadline = СРОК
help-add-step-responsible = id ответственной организации, головная — первой (повторите флаг или перечислите через запятую)
help-value-org = ОРГ
help-add-step-partners = id организации-партнёра (повторите флаг или перечислите через запятую)
help-add-step-result = Ожидаемый результат, лучше с числом
help-value-result = РЕЗУЛЬТАТ
help-add-step-indicators = id целевого показателя (повторите флаг или перечислите через запятую)
help-value-id = ID
help-add-step-proposals = id предложения того же кейса, которое выполняет мероприятие (повторите флаг или перечислите через запятую)
help-add-step-status = Статус; если не указан, не записывается (согласовано)
help-add-step-status-value-agreed = согласовано
help-add-step-status-value-proposed = предложено; в перечне мероприятий отмечено «*» с примечанием под ним
help-add-step-status-value-disputed = не согласовано; в перечне мероприятий отмечено «**» с примечанием под ним
help-value-status = СТАТУС
help-add-step-id = id мероприятия. По умолчанию — следующий по образцу файла (vol-3), иначе <кейс>-<n>
help-add-step-dry-run = Проверить и напечатать текст, который был бы добавлен; ничего не записывать
help-add-proposal-about = Добавить предложение рабочей группы в список `proposals` файла cases/<кейс>.yaml
help-add-proposal-after = Коды выхода: 0 — добавлено, 1 — отказ из-за ошибок (ничего не записано), 2 — ошибка в командной строке или при чтении и записи файлов, 130 — остановлено на вопросе (ничего не записано).
help-add-proposal-case = Кейс (его id). Обязателен
help-add-proposal-text = Текст предложения. Обязателен (в терминале спрашивается)
help-value-text = ТЕКСТ
help-add-proposal-problems = id проблемы того же кейса, на которую отвечает предложение (повторите флаг или перечислите через запятую)
help-add-proposal-votes = Сколько голосов получило предложение
help-value-votes = ГОЛОСА
help-add-proposal-status = Статус; если не указан, не записывается (принято)
help-add-proposal-status-value-accepted = принято: его должно выполнять какое-то мероприятие
help-add-proposal-status-value-deferred = отложено
help-add-proposal-status-value-rejected = отклонено
help-add-proposal-reason = Почему отложено или отклонено
help-value-reason = ПРИЧИНА
help-add-proposal-id = id предложения. По умолчанию — следующий по образцу кейса (part-pr6), иначе <кейс>-pr<n>
help-add-proposal-dry-run = Проверить и напечатать текст, который был бы добавлен; ничего не записывать
help-add-participant-about = Добавить участника сессии в participants.yaml (файл создаётся, если его нет)
help-add-participant-after = Коды выхода: 0 — добавлено, 1 — отказ из-за ошибок (ничего не записано), 2 — ошибка в командной строке или при чтении и записи файлов, 130 — остановлено на вопросе (ничего не записано).
help-add-participant-name = «Фамилия Имя Отчество». Обязательно (в терминале спрашивается)
help-value-name = ФИО
help-add-participant-position = Должность
help-value-position = ДОЛЖНОСТЬ
help-add-participant-organisation = id организации
help-add-participant-role = Роль на сессии; если не указана, не записывается (участник)
help-add-participant-role-value-speaker = докладчик
help-add-participant-role-value-moderator = модератор
help-add-participant-role-value-expert = эксперт
help-add-participant-role-value-participant = участник
help-value-role = РОЛЬ
help-add-participant-cases = Кейс, в котором работал участник (повторите флаг или перечислите через запятую)
help-add-participant-publish = Нигде не печатать ФИО участника, только организацию и число участников (`--no-publish` записывает `publish: false`)
help-add-participant-id = id участника. По умолчанию — фамилия латиницей (ivanova), при совпадении дополненная до уникальной
help-add-participant-dry-run = Проверить и напечатать текст, который был бы добавлен; ничего не записывать
help-add-progress-about = Записать, в каком состоянии мероприятие было в конце отчётного периода, в его `progress` в steps/<кейс>.yaml. Сначала программа проверяется вместе с записью: при любой ошибке ничего не записывается
help-add-progress-after = Пример:
      nko-draft add-progress --step competencies-1 --period 2027-Q2 --status done \
        --done-on 2027-06-25 --comment "Обучено 58 человек"

    Период, который уже записан, не принимается: исправьте его запись в файле. Расходы флагом не задаются: потом допишите ключ `spent:` к записи в файле.
    Коды выхода: 0 — добавлено (предупреждения допустимы), 1 — отказ из-за ошибок (ничего не записано), 2 — ошибка в командной строке или при чтении и записи файлов.
help-add-progress-step = Мероприятие (его id)
help-add-progress-period = Отчётный период: год (2027) или квартал (2027-Q2)
help-add-progress-status = В каком состоянии мероприятие в конце периода
help-add-progress-status-value-not_started = Не начато
help-add-progress-status-value-in_progress = Выполняется
help-add-progress-status-value-done = Выполнено
help-add-progress-status-value-late = Отстаёт от срока
help-add-progress-status-value-cancelled = Отменено (причина — в комментарии)
help-add-progress-done-on = Дата выполнения, ГГГГ-ММ-ДД или ДД.ММ.ГГГГ (при --status done)
help-add-progress-comment = Что сделано или почему нет
help-value-comment = КОММЕНТАРИЙ
help-add-progress-dry-run = Проверить и напечатать текст, который был бы добавлен; ничего не записывать
help-set-actual-about = Записать значение, которого показатель достиг за год, в его `actual` в indicators.yaml (значение, которое уже есть, заменяется). Сначала программа проверяется вместе с ним: при любой ошибке ничего не записывается
help-set-actual-after = Пример:
      nko-draft set-actual --indicator i4 --year 2027 --value 3 \
        --note "Два проекта перенесены на 2028 г."

    Коды выхода: 0 — записано (предупреждения допустимы), 1 — отказ из-за ошибок (ничего не записано), 2 — ошибка в командной строке или при чтении и записи файлов.
help-set-actual-indicator = Показатель (его id)
help-set-actual-year = Год значения
help-value-year = ГОД
help-set-actual-value = Достигнутое значение
help-value-value = ЗНАЧЕНИЕ
help-set-actual-note = Почему значение отличается от целевого (если не указано, остаётся пояснение из файла)
help-value-note = ПОЯСНЕНИЕ
help-set-actual-dry-run = Проверить и напечатать текст, который был бы записан; ничего не записывать
help-completions-about = Напечатать сценарий дополнения для оболочки; в bash, zsh и fish дополняются и id кейсов и организаций программы
help-completions-after = Как подключить:
      bash        nko-draft completions bash > ~/.local/share/bash-completion/completions/nko-draft
      zsh         nko-draft completions zsh > ~/.zfunc/_nko-draft   (и fpath+=~/.zfunc до compinit)
      fish        nko-draft completions fish > ~/.config/fish/completions/nko-draft.fish
      PowerShell  nko-draft completions powershell | Out-String | Invoke-Expression   (в $PROFILE)

    bash, zsh и fish берут id у `nko-draft __complete` — из программы, которую называет -C (или из текущей папки).
help-completions-shell = Оболочка
help-completions-shell-value-bash = Bash 4 и новее
help-completions-shell-value-zsh = Zsh
help-completions-shell-value-fish = Fish
help-completions-shell-value-powershell = PowerShell (только команды и флаги, без id)
help-value-shell = ОБОЛОЧКА
help-man-about = Записать страницы руководства man: nko-draft.1 и по странице на каждую команду (nko-draft-check.1, …)
help-man-out = В какую папку записать страницы (создаётся, если её нет)
help-schema-about = Записать JSON-схемы входных файлов (programme.schema.json, steps.schema.json, …), чтобы редактор подсказывал и проверял их при наборе
help-schema-after = Пример:
      nko-draft schema --out .schema

    Файл называет свою схему в первой строке, её читает расширение YAML для VS Code:
      # yaml-language-server: $schema=.schema/programme.schema.json
    (init записывает и то и другое в новую программу.)
help-schema-out = В какую папку записать схемы (создаётся, если её нет)
help-schema-locale = Язык описаний, которые показывает редактор
help-schema-locale-value-ru = русский
help-schema-locale-value-en = английский
help-__complete-about = Напечатать id кейсов или организаций программы, по одному в строке (для сценариев дополнения; при ошибках — ничего)
help-__complete-what = Что перечислить
help-__complete-what-value-cases = id кейсов (имена файлов cases/*.yaml без расширения)
help-__complete-what-value-organisations = id из organisations.yaml
help-value-what = ЧТО
help-help-about = Показать эту справку или справку по команде
