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
