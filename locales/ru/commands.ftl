# What the commands print besides findings, help and questions: their results, refusals and
# the failures of build, init, templates, add-* and the renderers. Ids start with `cmd-`.

## build

cmd-build-cannot-create-out = не удалось создать папку { $path }: { $why }
cmd-build-cannot-create-out-hint = укажите другую папку в --out
cmd-build-folder-in-the-way = не удалось записать { $path }: на этом месте папка с тем же именем
cmd-build-folder-in-the-way-hint = уберите эту папку или укажите другую папку для результата в --out
cmd-build-output-dir = output.dir «{ $dir }» в programme.yaml: { $why }
cmd-build-output-dir-hint = папка, заданная в programme.yaml, должна быть внутри программы; чтобы записать результат в другое место, укажите --out ПАПКА в командной строке
cmd-build-no-pdf = эта сборка nko-draft не умеет делать PDF
cmd-build-no-pdf-hint = соберите nko-draft с функциями по умолчанию (`cargo install --locked --path .`) или выводите только md и html: --format md,html

## diff

cmd-diff-summary = Изменений: { $total } (добавлено мероприятий: { $added }, удалено: { $removed }, изменено: { $changed })
# Одно изменение: `3. Мероприятие 2.1, срок исполнения: до 1 июня 2027 г. → IV квартал 2027 г.`.
cmd-diff-row = { $number }. { $element }: { $before } → { $after }
cmd-diff-none = изменений нет: обе редакции печатаются одинаково
cmd-diff-errors-in-old = в старой редакции ({ $source }): { $summary }
cmd-diff-errors-in-new = в новой редакции ({ $source }): { $summary }
cmd-diff-refused = ничего не сравнено: исправьте ошибки редакции и запустите diff снова
cmd-diff-old-not-found = старая редакция: в { $dir } нет programme.yaml (и в { $dir }/programme/ тоже)
cmd-diff-old-not-found-hint = укажите папку предыдущей редакции — ту, где лежит её programme.yaml
cmd-diff-too-many = с --since указывается не больше одной папки — новая редакция
cmd-diff-too-many-hint = чтобы сравнить две папки, уберите --since: nko-draft diff СТАРАЯ НОВАЯ
cmd-diff-git-missing = --since: не удалось запустить git: { $why }
cmd-diff-git-missing-hint = установите git или сравните две папки: nko-draft diff СТАРАЯ [НОВАЯ]
cmd-diff-not-a-repository = --since: папка { $dir } не входит в репозиторий git
cmd-diff-not-a-repository-hint = --since берёт историю программы из git; без репозитория сравните две папки: nko-draft diff СТАРАЯ [НОВАЯ]
cmd-diff-unknown-revision = --since { $rev }: в репозитории { $repo } нет такой ревизии
cmd-diff-unknown-revision-hint = укажите существующий коммит, тег или ветку (`git log --oneline` выводит коммиты), например --since HEAD~1
cmd-diff-not-in-revision = --since { $rev }: в этой ревизии программы ({ $path }) ещё не было
cmd-diff-not-in-revision-hint = выберите более позднюю ревизию: `git log --oneline -- { $path }` выводит те, что её затрагивают
cmd-diff-git-failed = --since { $rev }: команда git { $command } не удалась: { $why }

## report

cmd-report-no-note = показатель «{ $indicator }»: значение за { $year } год отличается от планового более чем на 5 %, а пояснения (`note` в `actual`) нет
cmd-report-no-note-hint = укажите значение с пояснением: `actual: {"{"}{ $year }: {"{"}value: …, note: "…"{"}"}{"}"}` (nko-draft set-actual --note)
cmd-report-outside = --period { $period }: Программа рассчитана на { $from }–{ $to } годы
cmd-report-outside-hint = укажите год или квартал срока Программы, например --period { $from }
cmd-report-done-after-date = --date { $date }: мероприятие «{ $step }» выполнено { $done }, позже даты отчёта
cmd-report-done-after-date-hint = укажите дату отчёта не ранее { $done } или не указывайте --date (тогда отчёт датируется последним днём периода)
cmd-report-bad-period = { $why }; { $hint }

## watch

cmd-watch-watching = слежу за изменениями в { $root } (остановить — Ctrl-C)
cmd-watch-serving = результаты открываются по адресу { $url }
cmd-watch-changed = изменён { $path }
cmd-watch-rebuilt = пересобрано за { $ms } мс
cmd-watch-kept = { $root }: { $summary }; прежние результаты сохранены
cmd-watch-stopped = наблюдение остановлено
cmd-watch-cannot-watch = не удаётся следить за папкой { $dir }: { $why }
cmd-watch-cannot-watch-hint = в Linux может не хватать лимита наблюдаемых папок: увеличьте fs.inotify.max_user_watches
cmd-watch-cannot-listen = не удаётся принимать запросы по адресу { $addr }: { $why }
cmd-watch-cannot-listen-hint = порт, возможно, занят другой программой: выберите другой адрес, например --serve 127.0.0.1:3001

## init

cmd-init-here-is-a-programme = текущая папка уже содержит программу (в ней есть { $marker }); init создал бы в ней ещё одну, в папке programme/
cmd-init-here-is-a-programme-hint = ничего не записано; чтобы начать новую программу, укажите папку вне этой, например `nko-draft init ../new-region`; чтобы проверить эту, выполните `nko-draft check`
cmd-init-is-a-programme = в папке { $dir } уже есть программа (в ней есть { $marker })
cmd-init-is-a-programme-hint = ничего не записано; чтобы начать другую программу, укажите новую папку, например `nko-draft init new-region`; чтобы проверить эту, выполните `nko-draft -C { $dir } check`
cmd-init-in-the-way = в папке { $dir } уже есть то, что мешает записать заготовку:
cmd-init-in-the-way-hint = ничего не записано; выберите пустую или новую папку либо уберите эти файлы и папки
cmd-init-taken = { $path }: { $why }
cmd-init-taken-exists = уже существует
cmd-init-taken-link = символическая ссылка (init никогда не пишет через ссылки)
cmd-init-taken-not-a-folder = файл на месте, где нужна папка
cmd-init-half-way = init остановился на полпути
cmd-init-nothing-left = ничего не осталось: всё, что успел создать этот запуск, удалено
cmd-init-left-behind = не удалось удалить, осталось от этого запуска: { $paths }

## What every command prints

cmd-enter-dir = -C { $dir }: не удалось перейти в эту папку: { $why }
cmd-enter-dir-hint = укажите папку, в которой лежит программа (её programme.yaml), или папку над ней
# The place of a finding about a flag, instead of a file.
cmd-command-line = (командная строка)
cmd-version = { $version } (коммит { $commit }, с поддержкой PDF)
cmd-version-no-pdf = { $version } (коммит { $commit }, без поддержки PDF)
cmd-man-failed = не удалось записать страницы руководства в { $dir }: { $why }
cmd-schema-failed = не удалось записать схемы в { $dir }: { $why }
cmd-wrote = записан { $path }
cmd-wrote-size = записан { $path } ({ $size })
cmd-size-bytes = { $n } Б
cmd-size-kib = { $n } КиБ
cmd-size-mib = { $n } МиБ
cmd-templates-next = скопируйте шаблоны, которые хотите изменить, в папку templates/ программы; остальные останутся встроенными
cmd-check-ok = всё в порядке: в { $root } нет ни ошибок, ни предупреждений
cmd-build-nothing-written = { $root }: { $summary }; ничего не записано

## init's results and --session-date

cmd-init-created = программа создана в папке { $dir } ({ $n ->
        [one] { $n } файл
        [few] { $n } файла
       *[many] { $n } файлов
    })
cmd-init-next = дальше: заполните файлы, затем выполните `nko-draft -C { $dir } check`
cmd-session-date-shape = --session-date: «{ $value }» — не дата в виде ГГГГ-ММ-ДД
cmd-session-date-no-month = --session-date: даты «{ $value }» не существует: месяца { $month } нет
cmd-session-date-days = --session-date: даты «{ $value }» не существует: в { $month ->
        [1] январе
        [2] феврале
        [3] марте
        [4] апреле
        [5] мае
        [6] июне
        [7] июле
        [8] августе
        [9] сентябре
        [10] октябре
        [11] ноябре
       *[12] декабре
    } { $year } года { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }
cmd-session-date-hint = укажите дату в виде ГГГГ-ММ-ДД, например 2026-11-28

## add-step, add-proposal, add-participant, add-progress, set-actual ($what is step, proposal,
## participant, progress or actual)

cmd-add-found-elsewhere = найдено в других местах из-за { $what ->
        [step] нового мероприятия
        [proposal] нового предложения
        [progress] новой записи о ходе реализации
        [actual] нового фактического значения
       *[participant] нового участника
    }:
cmd-add-already-there = уже было в программе до того, как { $what ->
        [step] добавлено это мероприятие
        [proposal] добавлено это предложение
        [progress] добавлена эта запись о ходе реализации
        [actual] записано это фактическое значение
       *[participant] добавлен этот участник
    }:
cmd-add-new-errors = { $n ->
        [one] { $n } ошибка
        [few] { $n } ошибки
       *[many] { $n } ошибок
    } из-за { $what ->
        [step] нового мероприятия
        [proposal] нового предложения
        [progress] новой записи о ходе реализации
        [actual] нового фактического значения
       *[participant] нового участника
    }
cmd-add-old-errors = { $n ->
        [one] { $n } ошибка уже есть в программе (исправьте её: `nko-draft check` покажет, где)
        [few] { $n } ошибки уже есть в программе (исправьте их: `nko-draft check` покажет, где)
       *[many] { $n } ошибок уже есть в программе (исправьте их: `nko-draft check` покажет, где)
    }
cmd-add-refused-one = { $why }; ничего не записано
cmd-add-refused-both = { $new }; { $old }; ничего не записано
cmd-add-nothing-written = ничего не записано
cmd-add-other-warnings = заметка: в других местах программы { $n ->
        [one] есть ещё { $n } предупреждение
        [few] есть ещё { $n } предупреждения
       *[many] есть ещё { $n } предупреждений
    }; `nko-draft check` их покажет
cmd-add-file = { $path }
cmd-add-new-file = { $path } (новый файл)
cmd-add-dry-run = пробный запуск: { $target } добавили бы в { $file }; ничего не записано
cmd-add-added = добавлено в { $file }

## add-*: why an entry cannot be added to its file (findings of the command)

cmd-add-missing-file = файла { $file } нет
cmd-add-fix-file-hint = сначала исправьте файл: `nko-draft check` покажет, что в нём не так
cmd-add-not-regular = это не обычный файл
cmd-add-too-large = файл слишком велик, чтобы его редактировать
cmd-add-not-utf8 = файл — не текст в кодировке UTF-8
cmd-add-invalid-case = «{ $case }» — недопустимый идентификатор кейса
cmd-add-case-id-hint = идентификаторы кейсов пишутся строчными латинскими буквами, цифрами и знаком «-»
cmd-add-case-id-hint-example = идентификаторы кейсов пишутся строчными латинскими буквами, цифрами и знаком «-», например «{ $example }»
cmd-add-unknown-case = неизвестный кейс «{ $case }»: файла { $file } нет
cmd-add-did-you-mean = может быть, «{ $id }»?
cmd-add-no-cases = кейсов пока нет: создайте файл cases/<кейс>.yaml
cmd-add-known-cases = известные кейсы: { $list }
# add-progress, set-actual: `flag` — `--step` или `--indicator`, `what` — step или indicator.
cmd-unknown-id = { $flag } { $id }: { $what ->
        [step] такого мероприятия нет
       *[indicator] такого показателя нет
    }
cmd-unknown-id-known = известные: { $list }
cmd-progress-recorded = ход реализации мероприятия «{ $step }» за { $period } уже записан
cmd-progress-recorded-hint = исправьте эту запись в файле { $file } вручную (замена незаметно удалила бы её комментарий и суммы) или укажите другой период
cmd-quote = «{ $name }»
cmd-list = { $first }, { $rest }
cmd-append-cannot-add = не удалось добавить запись: { $why }
cmd-append-the-file = файл
cmd-append-the-list = список
cmd-append-key = ключ «{ $key }»
cmd-append-syntax = в файле ошибка синтаксиса YAML
cmd-append-not-a-list = { $what } не содержит списка
cmd-append-not-a-mapping = в файле нет ключей вида `title: …`
cmd-append-flow = { $what } записан в одну строку, как `[…]`
cmd-append-document-end = файл заканчивает YAML-документ строкой `...`
cmd-append-unsafe = добавление записи сюда изменило бы то, что уже написано
cmd-append-flow-mapping = запись написана в строку, в фигурных скобках «{"{"}…{"}"}»
cmd-append-not-a-mapping-at = { $what } не содержит ключей вида «2027: …»
cmd-append-key-exists = «{ $key }» уже есть
cmd-append-fix-first-hint = сначала исправьте файл: `nko-draft check` покажет, где ошибка
cmd-append-not-a-list-hint = записи пишутся списком, каждая — отдельным элементом `- id: …`
cmd-append-flow-hint = перепишите его блочным списком (по одному элементу `- id: …` на строку) и повторите
cmd-append-document-end-hint = удалите строку `...` (запись после неё не была бы прочитана) и повторите
cmd-append-unsafe-hint = добавьте перевод строки в конец файла (или внесите запись вручную) и повторите
cmd-append-flow-mapping-hint = перепишите её по строкам (по одному «ключ: значение» в строке) и повторите
cmd-append-not-a-mapping-at-hint = запишите значения ключами, по одному «2027: …» в строке, и повторите
cmd-append-key-exists-hint = измените значение в файле вручную

## templates, and the programme's own templates (failures of build, findings of check)

cmd-tpl-not-a-folder = templates — не папка
cmd-tpl-not-a-folder-hint = положите свои шаблоны в папку templates или удалите этот файл
cmd-tpl-exist = { $n ->
        [one] { $files } уже существует
       *[other] { $files } уже существуют
    }
cmd-tpl-exist-hint = ничего не записано; удалите эти файлы или выберите другую папку
cmd-tpl-no-thread = не удалось запустить поток для обработки шаблонов
cmd-tpl-stopped = обработка шаблона { $template } неожиданно прервалась; это ошибка nko-draft, сообщите о ней и приложите шаблон
cmd-tpl-memory = шаблон { $template } занял больше { $mib } МиБ памяти и был остановлен; ничего не записано
cmd-tpl-memory-hint = поищите текст, который шаблон в цикле делает всё длиннее и длиннее (`set` с `~`)
cmd-tpl-timeout = шаблон { $template } работал дольше допустимых { $limit } с (--template-timeout) и был остановлен; ничего не записано
cmd-tpl-timeout-hint-own = поищите цикл, который выполняется слишком много раз (по большому диапазону или вложенный), или увеличьте предел: --template-timeout { $seconds }
cmd-tpl-timeout-hint-built-in = встроенному шаблону нужно больше времени для такой большой программы: --template-timeout { $seconds }
cmd-tpl-not-utf8 = шаблон { $template } вывел текст не в кодировке UTF-8
cmd-tpl-too-long = шаблон { $template } вывел больше { $mib } МиБ и был остановлен; ничего не записано
cmd-tpl-too-long-hint = вывод шаблона ограничен этим размером; поищите цикл, который выводит больше, чем нужно документу
cmd-tpl-unknown = { $file } — не имя шаблона
cmd-tpl-unknown-hint = заменить можно такие шаблоны: { $names }; `nko-draft templates --out ПАПКА` запишет их
cmd-tpl-not-a-file = { $file } — не обычный файл, а { $kind }
cmd-tpl-not-a-file-hint = шаблон должен быть обычным текстовым файлом; удалите это или положите на его место текст шаблона
cmd-tpl-kind-folder = папка
cmd-tpl-kind-fifo = именованный канал (FIFO)
cmd-tpl-kind-socket = сокет
cmd-tpl-kind-device = устройство
cmd-tpl-kind-other = нечто иное
cmd-tpl-link = { $file } (ссылка на { $target })
cmd-tpl-outside = { $file } ведёт за пределы папки программы
cmd-tpl-outside-hint = шаблоны читаются только из папки программы; скопируйте файл туда вместо ссылки на него
cmd-tpl-nowhere = { $file } ведёт к файлу, которого нет
cmd-tpl-nowhere-hint = удалите ссылку или положите на её место текст шаблона
cmd-tpl-hint = встроенный шаблон покажет `nko-draft templates --out ПАПКА`
cmd-tpl-fix-and-hint = { $fix } ({ $hint })
cmd-tpl-error = ошибка в шаблоне: { $why }
cmd-tpl-error-at = ошибка в шаблоне
cmd-tpl-own-hint = ошибка в собственном шаблоне программы; встроенный покажет `nko-draft templates --out ПАПКА`
cmd-tpl-built-in-hint = это ошибка во встроенном шаблоне; пожалуйста, сообщите о ней
cmd-tpl-named = шаблоны здесь называются так: { $list }
cmd-tpl-missing-parent = «{ $template }» расширяет «{ $parent }», но такого шаблона нет
cmd-tpl-extends-itself = «{ $template }» расширяет сам себя: { $chain }
cmd-tpl-extends-itself-hint = шаблон не может расширять сам себя, ни прямо, ни через другой; удалите этот `extends`
cmd-tpl-includes-itself = «{ $template }» включает сам себя: { $chain }
cmd-tpl-includes-itself-hint = шаблон не может включать сам себя, ни прямо, ни через другой; удалите этот `include`

## The PDF (Typst's own words stay as Typst says them)

cmd-pdf-standards = стандарты PDF: { $why }
cmd-pdf-failed = не удалось создать PDF:
cmd-pdf-own-hint = ошибка в собственном шаблоне программы templates/programme.typ; встроенный покажет `nko-draft templates --out ПАПКА`
cmd-pdf-built-in-hint = это ошибка во встроенном шаблоне PDF; пожалуйста, сообщите о ней и приложите программу, на которой она видна
cmd-typst-says = { $text } (сообщение Typst)
cmd-typst-at = { $place }: { $text } (сообщение Typst)
cmd-typst-hinted = { $text } (подсказка: { $hint })

## Status lines on a terminal

progress-pdf = вёрстка PDF… { $seconds } с
progress-lock-wait = эту программу сейчас меняет другой nko-draft (он держит { $file }); ждём, пока он закончит…
