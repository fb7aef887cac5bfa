# Сбои, которые останавливают команду: ошибки ввода-вывода словами, что делалось, когда они
# случились («не удалось прочитать …»), и слово перед причиной. Идентификаторы начинаются с `err-`.

# The word before each cause of a failure.
err-caused-by = причина

## What an I/O error means, by its kind.

err-io-not-found = нет такого файла или папки
err-io-permission-denied = нет прав доступа
err-io-already-exists = файл уже существует
err-io-storage-full = на диске не осталось места
err-io-quota-exceeded = превышена дисковая квота
err-io-read-only = файловая система доступна только для чтения
err-io-is-a-directory = это папка, а не файл
err-io-not-a-directory = это не папка
err-io-directory-not-empty = папка не пуста
err-io-invalid-data = недопустимые данные (текст не в кодировке UTF-8?)
err-io-interrupted = операция прервана
err-io-would-block = ресурс временно недоступен (занят другим процессом?)
err-io-busy = устройство или ресурс заняты
err-io-file-too-large = файл слишком велик
err-io-invalid-filename = имя файла слишком длинное или недопустимо
err-io-crosses-devices = нельзя переместить файл на другой диск одним переименованием
err-io-too-many-links = слишком много ссылок
err-io-unexpected-eof = файл неожиданно закончился
err-io-out-of-memory = не хватает памяти
err-io-broken-pipe = канал закрыт читающей стороной
err-io-timed-out = время ожидания истекло
err-io-stale = устаревший дескриптор файла (сетевой диск отключён?)
err-io-deadlock = взаимная блокировка предотвращена
# Any other kind: the system's own text.
err-io-other = { $why }

## What was being done.

err-cannot-read = не удалось прочитать { $path }
err-cannot-create = не удалось создать { $path }
err-cannot-write = не удалось записать { $path }
err-cannot-create-temp = не удалось создать временный файл в папке { $dir }
err-cannot-set-owner = не удалось назначить владельца файла { $path }
err-cannot-set-permissions = не удалось задать права доступа к файлу { $path }
err-cannot-flush = не удалось сохранить на диск { $path }
err-cannot-replace = не удалось заменить { $path }

## The programme lock.

err-lock-outside = не удалось заблокировать программу { $root }: { $why }
err-lock-not-regular = файл блокировки { $path } — не обычный файл
err-lock-cannot-open = не удалось открыть файл блокировки { $path }
err-lock-cannot-lock = не удалось заблокировать { $path }
err-lock-hint = удалите его: nko-draft сам создаёт пустой { $file }

## Where a file of the programme leads.

err-link-cannot-resolve-root = не удалось определить, где находится папка программы: { $why }
err-link-nowhere = { $path } — ссылка, которая никуда не ведёт
err-link-outside = { $path } — ссылка, которая ведёт за пределы папки программы
err-link-hint = файлы программы должны лежать в её папке: замените ссылку самим файлом

## Standard output.

err-stdout-failed = не удалось вывести результаты в стандартный вывод: { $why }

## No programme found.

err-project-not-a-programme = в папке { $dir } нет programme.yaml
err-project-not-found = здесь нет программы: нет ни ./programme.yaml, ни ./programme/programme.yaml
err-project-hint = выполните `nko-draft init ПАПКА`, чтобы начать программу, или укажите её папку в -C ПАПКА

# A failure and its cause on one line, in a finding: `cannot read templates: Permission denied`.
err-chained = { $first }: { $rest }

## Документ не собирается из данных, не прошедших проверку.

err-assemble-not-loaded = документ не собрать: файл { $file } не прочитан
err-assemble-bad-date = документ не собрать: одна из дат не существует
err-assemble-hint = выполните `nko-draft check` и исправьте ошибки, о которых он сообщит
