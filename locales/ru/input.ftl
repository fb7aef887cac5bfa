# Чтение файлов программы: файлы, которые не читаются, синтаксис YAML, ключи и типы значений
# (src/load.rs, src/yaml/). Имена и значения — в «ёлочках»; виды значений — вложенные
# сообщения (`input-expect-*`, `input-found-*`).

## Files

input-missing-file = нет файла { $file }
input-missing-file-hint = в каждой программе должен быть файл { $file }; заготовку создаёт «nko-draft init»
input-empty-file = файл { $file } пуст
input-empty-file-hint = в нём должны быть ключи вроде «title: …»; заготовку создаёт «nko-draft init»
input-ignored-file = этот файл не учитывается
input-ignored-file-hint = файлы программы имеют расширение «.yaml»; переименуйте файл, если его нужно читать
input-cannot-read = не удаётся прочитать { $path }: { $error }
input-dangling-link = { $file } — ссылка на несуществующий файл
input-dangling-link-hint = замените ссылку самим файлом с именем { $file }
input-link-outside = { $file } — ссылка на файл за пределами папки программы
input-link-outside-hint = читаются только файлы внутри папки программы; скопируйте файл в папку вместо ссылки на него
input-not-a-file = { $kind ->
        [folder] { $file } — папка, а не файл
        [fifo] { $file } — именованный канал (FIFO), а не файл
        [socket] { $file } — сокет, а не файл
        [device] { $file } — устройство, а не файл
       *[other] { $file } — не обычный файл
    }
input-not-a-file-hint = { $file } должен быть обычным текстовым файлом; замените его таким файлом
input-too-large = файл больше { $mib } МиБ
input-too-large-hint = файлы программы — небольшие текстовые файлы; это точно нужный файл?
input-utf16 = файл сохранён в кодировке UTF-16, а не UTF-8
input-utf16-hint = сохраните его в UTF-8 (в Блокноте: «Сохранить как» → «Кодировка: UTF-8»)
input-invalid-utf8 = файл — не текст в кодировке UTF-8
input-invalid-utf8-hint = сохраните файл в кодировке UTF-8 (так выглядит файл, сохранённый в Windows-1251)

## Characters

input-control-in-file = в файле есть управляющий символ ({ $code })
input-control-in-file-hint = не двоичный ли это файл? Файлы программы — текст YAML в кодировке UTF-8
input-control-in-text = в тексте есть управляющий символ ({ $code })
input-control-in-text-hint = удалите его: из непечатаемых символов в тексте допустимы только переводы строк и табуляция
input-invisible-control = в тексте есть «{ $char }» ({ $name }) — невидимый символ, который меняет вид текста вокруг него
input-invisible-name = { $code ->
        [u202a] встраивание слева направо
        [u202b] встраивание справа налево
        [u202c] конец направленного форматирования
        [u202d] принудительное направление слева направо
        [u202e] принудительное направление справа налево
        [u2066] изоляция слева направо
        [u2067] изоляция справа налево
        [u2068] изоляция по первому значимому символу
        [u2069] конец изоляции
        [u200e] метка «слева направо»
        [u200f] метка «справа налево»
        [u061c] арабская буквенная метка
        [u2028] разделитель строк
        [u2029] разделитель абзацев
       *[other] символ форматирования
    }
input-invisible-separator-hint = замените его обычным переводом строки или пробелом
input-invisible-control-hint = удалите его: из-за него текст может читаться не так, как записан
input-more-invisible = { $n ->
        [one] ещё { $n } значение с невидимыми символами не показано
        [few] ещё { $n } значения с невидимыми символами не показаны
       *[many] ещё { $n } значений с невидимыми символами не показаны
    }

## YAML syntax

input-yaml-invalid = нарушен синтаксис YAML: { $detail }
input-yaml-other = { $text }
input-yaml-unexpected-char = неожиданный символ «{ $char }»
input-yaml-tab-hint = делайте отступы пробелами: YAML не допускает табуляцию в отступах
input-yaml-colon-hint = значение, в котором есть «: », возьмите в кавычки, например «title: "Итоги: 2027"»
input-yaml-quote-hint = значение, которое начинается с % @ ` & * ! | > или кавычки, возьмите в кавычки, например «unit: "%"»
input-yaml-unprintable-hint = это точно текстовый файл? Файлы программы — текст YAML в кодировке UTF-8
input-yaml-too-deep = слишком глубокая вложенность
input-yaml-deeper = { $n ->
        [one] вложенность глубже { $n } уровня
       *[other] вложенность глубже { $n } уровней
    }
input-yaml-depth-hint = в файлах программы всего несколько уровней вложенности; не повреждён ли файл?
input-yaml-long-flow = { $n ->
        [one] список или набор ключей в скобках длиннее { $n } символа
       *[other] список или набор ключей в скобках длиннее { $n } символов
    }
input-yaml-long-flow-hint = запишите длинный список без скобок: по одному «- элемент» в строке
input-yaml-long-value = { $n ->
        [one] значение длиннее { $n } символа
       *[other] значение длиннее { $n } символов
    }
input-yaml-long-value-hint = в файлах программы короткие тексты; это точно нужный файл?
input-yaml-two-documents = в файле больше одного документа YAML
input-yaml-two-documents-hint = удалите строку «---»: в каждом файле один документ
input-yaml-tag = теги YAML вроде «{ $tag }» не поддерживаются
input-yaml-tag-hint = удалите тег; если значение должно быть текстом, возьмите его в кавычки
input-yaml-tag-here = теги YAML здесь не поддерживаются
input-yaml-tag-here-hint = удалите тег
input-yaml-unknown-alias = ссылка на неизвестный якорь
input-yaml-expands = { $n ->
        [one] после подстановки ссылок в документе больше { $n } значения
       *[other] после подстановки ссылок в документе больше { $n } значений
    }
input-yaml-expands-hint = каждая ссылка («*имя») повторяет всё, что помечено её якорем; не составлен ли файл так, чтобы исчерпать память?
input-yaml-too-many-values = { $n ->
        [one] в файле больше { $n } значения
       *[other] в файле больше { $n } значений
    }
input-yaml-too-many-values-hint = в файлах программы значений гораздо меньше; это точно нужный файл?
input-yaml-key-not-text = ключ должен быть простым текстом
input-yaml-key-not-text-hint = ключи — это имена вроде «title» или «deadline»
input-duplicate-key = ключ «{ $key }» повторяется
input-duplicate-key-hint = ключ «{ $key }» уже задан в строке { $line }; оставьте один из двух

# Что говорит разборщик YAML (saphyr-parser): по сообщению на каждый его текст.
input-yaml-dash-space = после «-» нужен пробел
input-yaml-colon-before-bracket = в наборе ключей в фигурных скобках «:» не может стоять перед «[» или «{"{"}»
input-yaml-colon-space = после «:» нужен пробел
input-yaml-dash-in-flow = «-» допустим только в списке без скобок, одно значение в строке
input-yaml-block-tab = текст после «|» или «>» не может начинаться с табуляции
input-yaml-bom-inside = метка порядка байтов (BOM) не может стоять внутри документа
input-yaml-dash-here = здесь не может быть элемента списка («- …»)
input-yaml-comment-in-text = комментарий прерывает многострочный текст
input-yaml-no-document-start = не найдено начало документа
input-yaml-no-document-start-mark = не найдено начало документа («---»)
input-yaml-no-stream-start = не найдено начало текста
input-yaml-no-next-token = не найдено ожидаемое продолжение
input-yaml-version-twice = директива %YAML указана дважды
input-yaml-space-expected = ожидается пробел
input-yaml-unprintable = найден непечатаемый символ
input-yaml-colon-placement = двоеточие «:» стоит в недопустимом месте
input-yaml-after-document-end = после метки конца документа («...») есть лишний текст
input-yaml-global-tag-char = недопустимый символ в глобальном теге
input-yaml-indentation = неверный отступ
input-yaml-anchor-indentation = неверный отступ у якоря («&»)
input-yaml-flow-indentation = неверный отступ внутри скобок
input-yaml-quoted-indentation = неверный отступ в тексте в кавычках
input-yaml-after-quote = лишний текст после закрывающей кавычки
input-yaml-key-here = здесь не может быть ключа
input-yaml-value-here = здесь не может быть пары «ключ: значение»
input-yaml-misplaced-bracket = скобка стоит не на своём месте
input-yaml-no-document-end = перед директивой нет метки конца документа («...»)
input-yaml-plain-dash = значение без кавычек не может начинаться с «-», за которым идёт «,», «[», «]», «{"{"}» или «{"}"}»
input-yaml-key-colon = после ключа ожидается «:»
input-yaml-key-expected = ожидается ключ
input-yaml-tab-indent = табуляцию нельзя использовать для отступа
input-yaml-tab-here = здесь нельзя использовать табуляцию
input-yaml-tab-block = в отступе нельзя использовать табуляцию
input-yaml-tag-directive-twice = директива %TAG для одного префикса указана в документе больше одного раза
input-yaml-tag-handle = префикс тега не объявлен
input-yaml-plain-end = значение без кавычек неожиданно оборвалось
input-yaml-eof = файл неожиданно закончился
input-yaml-block-dash = в списке не найден ожидаемый «-»
input-yaml-block-key = в наборе ключей не найден ожидаемый ключ
input-yaml-flow-mapping-end = в фигурных скобках не найдена ожидаемая «,» или «{"}"}»
input-yaml-flow-sequence-end = в квадратных скобках ожидается «,» или «]»
input-yaml-node-content = не найдено ожидаемое значение
input-yaml-quoted-hex = в тексте в кавычках ожидается шестнадцатеричное число
input-yaml-quoted-unicode = в тексте в кавычках неверный код символа Юникода
input-yaml-quoted-escape = в тексте в кавычках неизвестный символ после «\»
input-yaml-tag-directive-bang = в директиве %TAG не найден ожидаемый «!»
input-yaml-tag-uri = в теге не найден ожидаемый адрес (URI)
input-yaml-tag-leading-byte = в теге неверный первый байт символа UTF-8
input-yaml-tag-trailing-byte = в теге неверный последующий байт символа UTF-8
input-yaml-tag-codepoint = в теге неверный символ UTF-8
input-yaml-tag-escape = в теге неверная экранированная последовательность
input-yaml-unknown-anchor = ссылка на неизвестный якорь
input-yaml-tag-directive-space = в директиве %TAG ожидается пробел или конец строки
input-yaml-version-digit = в директиве %YAML ожидается цифра или «.»
input-yaml-version-missing = в директиве %YAML не найден номер версии
input-yaml-version-long = в директиве %YAML слишком длинный номер версии
input-yaml-block-header = после «|» или «>» ожидается комментарий или конец строки
input-yaml-block-zero = отступ текста после «|» или «>» не может быть равен 0
input-yaml-directive-name = не найдено имя директивы
input-yaml-directive-end = после директивы ожидается комментарий или конец строки
input-yaml-directive-char = в имени директивы недопустимый символ
input-yaml-plain-tab = в значении без кавычек найдена табуляция
input-yaml-quoted-document = внутри текста в кавычках найдена метка документа («---» или «...»)
input-yaml-quoted-eof = текст в кавычках не закрыт до конца файла
input-yaml-tag-bang = в теге не найден ожидаемый «!»
input-yaml-tag-space = после тега ожидается пробел или конец строки
input-yaml-verbatim-tag = в теге не найдена ожидаемая «>»
input-yaml-anchor-char = в имени якоря или ссылки («&» или «*») ожидается буква или цифра
input-yaml-block-line-indent = строка текста после «|» или «>» с неверным отступом
input-yaml-comment-space = перед «#» комментария нужен пробел
input-yaml-unbalanced-end = лишняя закрывающая скобка

## Keys and types of values

input-unknown-key = неизвестный ключ «{ $key }»
input-did-you-mean = возможно, имелось в виду «{ $near }»?
input-keys-allowed = здесь допустимы ключи: { $keys }
input-missing-key = нет обязательного ключа «{ $key }»
input-missing-key-hint = добавьте сюда строку «{ $key }: …»
input-unknown-value = неизвестное значение «{ $value }»
input-unknown-value-near = возможно, имелось в виду «{ $near }»? Допустимые значения: { $allowed }
input-unknown-value-allowed = допустимые значения: { $allowed }
input-expected-found = ожидается { $expected }, а здесь { $found }
input-invalid-value = недопустимое значение: { $found }; ожидается { $expected }
input-wrong-length = { $n ->
        [one] ожидается { $expected }, а здесь { $n } элемент
        [few] ожидается { $expected }, а здесь { $n } элемента
       *[many] ожидается { $expected }, а здесь { $n } элементов
    }
input-custom = недопустимое значение: { $text }
input-number-too-large = число { $number } слишком велико
input-without-decimals = запишите его без дробной части: { $number }
input-variant-needs-value = для «{ $value }» нужно значение в виде набора ключей
input-variant-needs-list = для «{ $value }» нужен список значений
input-variant-needs-mapping = для «{ $value }» нужен набор ключей со значениями
input-more-problems = { $n ->
        [one] ещё { $n } ошибка дальше не показана
        [few] ещё { $n } ошибки дальше не показаны
       *[many] ещё { $n } ошибок дальше не показаны
    }
input-more-problems-hint = исправьте ошибки выше и запустите проверку снова

# Каким должно быть значение: «ожидается …».
input-expect-mapping = набор ключей со значениями
input-expect-list = список
input-expect-whole-from-zero = целое число не меньше 0
input-expect-whole = целое число
input-expect-number = число
input-expect-bool = «true» или «false»
input-expect-text = текст
input-expect-id-or-list = id организации или список таких id
input-expect-date-or-revision = дата или набор из ключей date и label
input-expect-number-or-actual = число или набор из ключей value и note
input-expect-one-of = одно из значений: { $values }
input-expect-other = { $text }
# Что оно на самом деле: «а здесь …».
input-found-nothing = пустое значение
input-found-list = список
input-found-mapping = набор ключей со значениями
input-found-text = текст «{ $text }»
input-found-bool = значение «{ $value }»
input-found-number = число { $number }
input-found-other = { $text }

# Список имён: «a», «b», «c».
input-name = «{ $name }»
input-names = { $first }, { $rest }
input-names-none = ничего
