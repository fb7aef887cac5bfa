# Failures that stop a command: I/O errors in words, what was being done when they happened
# (`cannot read …`), and the line that introduces a cause. Ids start with `err-`.

# The word before each cause of a failure: `  caused by: No such file or directory`.
err-caused-by = caused by

## What an I/O error means, by its kind (the system's own text is kept for other kinds).

err-io-not-found = No such file or directory
err-io-permission-denied = Permission denied
err-io-already-exists = File exists
err-io-storage-full = No space left on device
err-io-quota-exceeded = Disk quota exceeded
err-io-read-only = Read-only file system
err-io-is-a-directory = Is a directory
err-io-not-a-directory = Not a directory
err-io-directory-not-empty = Directory not empty
err-io-invalid-data = invalid data (not UTF-8 text?)
err-io-interrupted = Interrupted system call
err-io-would-block = Resource temporarily unavailable (locked by another process?)
err-io-busy = Device or resource busy
err-io-file-too-large = File too large
err-io-invalid-filename = File name too long or not allowed
err-io-crosses-devices = Invalid cross-device link
err-io-too-many-links = Too many links
err-io-unexpected-eof = unexpected end of file
err-io-out-of-memory = out of memory
err-io-broken-pipe = Broken pipe
err-io-timed-out = Connection timed out
err-io-stale = Stale file handle
err-io-deadlock = Resource deadlock avoided
# Any other kind: the system's own text.
err-io-other = { $why }

## What was being done.

err-cannot-read = cannot read { $path }
err-cannot-create = cannot create { $path }
err-cannot-write = cannot write { $path }
err-cannot-create-temp = cannot create a temporary file in { $dir }
err-cannot-set-owner = cannot set the owner of { $path }
err-cannot-set-permissions = cannot set permissions on { $path }
err-cannot-flush = cannot flush { $path }
err-cannot-replace = cannot replace { $path }

## The programme lock (`.nko-draft.lock`).

err-lock-outside = cannot lock the programme { $root }: { $why }
err-lock-not-regular = the lock file { $path } is not a regular file
err-lock-cannot-open = cannot open the lock file { $path }
err-lock-cannot-lock = cannot lock { $path }
err-lock-hint = remove it; nko-draft creates an empty { $file } itself

## Where a file of the programme leads (`resolve_inside`).

err-link-cannot-resolve-root = cannot resolve the programme folder: { $why }
err-link-nowhere = { $path } is a link that leads nowhere
err-link-outside = { $path } is a link that leads outside the programme folder
err-link-hint = a programme's files must be inside its folder: replace the link with the file

## Standard output.

err-stdout-failed = could not print the results to standard output: { $why }

## No programme found (as `project::ProjectError` says them).

err-project-not-a-programme = { $dir } holds no programme.yaml
err-project-not-found = no programme here: neither ./programme.yaml nor ./programme/programme.yaml exists
err-project-hint = run `nko-draft init DIR` to start a programme, or pass its folder with -C DIR

# A failure and its cause on one line, in a finding: `cannot read templates: Permission denied`.
err-chained = { $first }: { $rest }

## The document cannot be assembled from an input that did not check (a caller that skipped
## `check`; `build` never gets here).

err-assemble-not-loaded = cannot assemble the document: { $file } did not load
err-assemble-bad-date = cannot assemble the document: a date is not a real date
err-assemble-hint = run `nko-draft check` and fix the errors it reports
