# What the commands print besides findings, help and questions: their results (`wrote …`,
# `added to …`, `created a programme in …`), refusals and the failures of build, init,
# templates, add-* and the renderers. Ids start with `cmd-`.

## build

cmd-build-cannot-create-out = cannot create { $path }: { $why }
cmd-build-cannot-create-out-hint = choose another folder with --out
cmd-build-folder-in-the-way = cannot write { $path }: a folder of that name is in the way
cmd-build-folder-in-the-way-hint = move the folder away, or choose another output folder with --out
cmd-build-output-dir = output.dir `{ $dir }` in programme.yaml: { $why }
cmd-build-output-dir-hint = a folder set in programme.yaml stays inside the programme; to write elsewhere, pass --out DIR on the command line
cmd-build-no-pdf = this nko-draft was built without PDF support
cmd-build-no-pdf-hint = build it with the default features (`cargo install --locked --path .`), or write md and html only: --format md,html

## init

cmd-init-here-is-a-programme = the current folder is already a programme (it holds { $marker }); init would create another one inside it, in programme/
cmd-init-here-is-a-programme-hint = nothing was written; to start a new programme, name a folder outside this one, e.g. `nko-draft init ../new-region`; to check this one, run `nko-draft check`
cmd-init-is-a-programme = { $dir } is already a programme (it holds { $marker })
cmd-init-is-a-programme-hint = nothing was written; to start another programme, name a new folder, e.g. `nko-draft init new-region`; to check this one, run `nko-draft -C { $dir } check`
cmd-init-in-the-way = { $dir } has paths in the way of the skeleton:
cmd-init-in-the-way-hint = nothing was written; choose an empty or new folder, or move these paths away
# One path in the way: `new/steps: a link (init never writes through a link)`.
cmd-init-taken = { $path }: { $why }
cmd-init-taken-exists = exists
cmd-init-taken-link = a link (init never writes through a link)
cmd-init-taken-not-a-folder = a file where a folder is needed
cmd-init-half-way = init stopped half-way
cmd-init-nothing-left = nothing was left behind: what this run had created was removed
cmd-init-left-behind = these could not be removed and are left from this run: { $paths }
