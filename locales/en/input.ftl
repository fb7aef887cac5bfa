# Reading the files of a programme: files that cannot be read, YAML syntax, keys and the types
# of values (src/load.rs, src/yaml/). Names in messages are quoted `so`; kinds of values are
# nested messages (`input-expect-*`, `input-found-*`).

## Files

input-missing-file = { $file } is missing
input-missing-file-hint = every programme needs { $file }; `nko-draft init` writes a skeleton
input-empty-file = { $file } is empty
input-empty-file-hint = it holds keys such as `title: …`; see `nko-draft init` for a skeleton
input-ignored-file = this file is ignored
input-ignored-file-hint = input files end in `.yaml`; rename it if it is meant to be read
input-cannot-read = cannot read { $path }: { $error }
input-dangling-link = { $file } is a link to a file that does not exist
input-dangling-link-hint = replace the link with the file itself, named { $file }
input-link-outside = { $file } is a link to a file outside the programme
input-link-outside-hint = only files inside the programme folder are read; copy the file into the folder instead of linking to it
# $kind: folder, fifo, socket, device, other.
input-not-a-file = { $kind ->
        [folder] { $file } is a folder, not a file
        [fifo] { $file } is a named pipe (FIFO), not a file
        [socket] { $file } is a socket, not a file
        [device] { $file } is a device, not a file
       *[other] { $file } is not a regular file
    }
input-not-a-file-hint = { $file } must be an ordinary text file; replace it with one
input-too-large = the file is larger than { $mib } MiB
input-too-large-hint = programme files are small text files; is this the right file?
input-utf16 = the file is saved as UTF-16, not as UTF-8 text
input-utf16-hint = save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)
input-invalid-utf8 = the file is not valid UTF-8 text
input-invalid-utf8-hint = save the file as UTF-8 (a file saved as Windows-1251 looks like this)

## Characters

input-control-in-file = the file holds a control character ({ $code })
input-control-in-file-hint = is this a binary file? programme files are UTF-8 YAML text
input-control-in-text = the text holds a control character ({ $code })
input-control-in-text-hint = remove it: text may hold line breaks and tabs, nothing else unprintable
input-invisible-control = the text holds `{ $char }` ({ $name }), an invisible character that changes how the text around it is shown
# $code: the character's code point, `u202e`.
input-invisible-name = { $code ->
        [u202a] left-to-right embedding
        [u202b] right-to-left embedding
        [u202c] pop directional formatting
        [u202d] left-to-right override
        [u202e] right-to-left override
        [u2066] left-to-right isolate
        [u2067] right-to-left isolate
        [u2068] first strong isolate
        [u2069] pop directional isolate
        [u200e] left-to-right mark
        [u200f] right-to-left mark
        [u061c] Arabic letter mark
        [u2028] line separator
        [u2029] paragraph separator
       *[other] a formatting character
    }
input-invisible-separator-hint = replace it with an ordinary line break or a space
input-invisible-control-hint = remove it: it can make the text read differently from what it holds
input-more-invisible = { $n ->
        [one] { $n } more value
       *[other] { $n } more values
    } with invisible characters not shown

## YAML syntax

input-yaml-invalid = invalid YAML: { $detail }
input-yaml-other = { $text }
input-yaml-unexpected-char = unexpected character: `{ $char }'
input-yaml-tab-hint = indent with spaces: YAML does not allow tabs for indentation
input-yaml-colon-hint = a value that holds `: ` must be quoted, e.g. title: "Итоги: 2027"
input-yaml-quote-hint = a value that starts with % @ ` & * ! | > or a quote must be quoted, e.g. unit: "%"
input-yaml-unprintable-hint = is this a text file? programme files are UTF-8 YAML
input-yaml-too-deep = nesting is too deep
input-yaml-deeper = nesting is deeper than { $n } levels
input-yaml-depth-hint = programme files nest only a few levels; is the file damaged?
input-yaml-long-flow = a list or mapping in brackets runs on for more than { $n } characters
input-yaml-long-flow-hint = write a long list as a block list, one `- item` a line
input-yaml-long-value = a value runs on for more than { $n } characters
input-yaml-long-value-hint = programme files hold short texts; is this the right file?
input-yaml-two-documents = the file holds more than one YAML document
input-yaml-two-documents-hint = remove the `---` line: each file holds one document
input-yaml-tag = YAML tags such as `{ $tag }` are not supported
input-yaml-tag-hint = remove the tag; quote the value if it must be text
input-yaml-tag-here = YAML tags are not supported here
input-yaml-tag-here-hint = remove the tag
input-yaml-unknown-alias = alias to an unknown anchor
input-yaml-expands = the document expands to more than { $n } values
input-yaml-expands-hint = aliases (`*name`) repeat what their anchor names; is this an alias bomb?
input-yaml-too-many-values = the file holds more than { $n } values
input-yaml-too-many-values-hint = programme files hold far fewer; is this the right file?
input-yaml-key-not-text = a mapping key must be plain text
input-yaml-key-not-text-hint = keys are names such as `title` or `deadline`
input-duplicate-key = duplicate key `{ $key }`
input-duplicate-key-hint = `{ $key }` is already set on line { $line }; keep one of the two

# What the YAML parser (saphyr-parser) says, one message for each of its texts.
input-yaml-dash-space = '-' must be followed by a valid YAML whitespace
input-yaml-colon-before-bracket = ':' may not precede any of `[{"{"}` in flow mapping
input-yaml-colon-space = ':' must be followed by a valid YAML whitespace
input-yaml-dash-in-flow = "-" is only valid inside a block
input-yaml-block-tab = a block scalar content cannot start with a tab
input-yaml-bom-inside = a byte order mark must not appear inside a document
input-yaml-dash-here = block sequence entries are not allowed in this context
input-yaml-comment-in-text = comment intercepting the multiline text
input-yaml-no-document-start = did not find expected <document start>
input-yaml-no-document-start-mark = did not find expected <document-start>
input-yaml-no-stream-start = did not find expected <stream-start>
input-yaml-no-next-token = did not find expected next token
input-yaml-version-twice = duplicate version directive
input-yaml-space-expected = expected whitespace
input-yaml-unprintable = found unprintable character
input-yaml-colon-placement = illegal placement of ':' indicator
input-yaml-after-document-end = invalid content after document end marker
input-yaml-global-tag-char = invalid global tag character
input-yaml-indentation = invalid indentation
input-yaml-anchor-indentation = invalid indentation for anchor
input-yaml-flow-indentation = invalid indentation in flow construct
input-yaml-quoted-indentation = invalid indentation in quoted scalar
input-yaml-after-quote = invalid trailing content after double-quoted scalar
input-yaml-key-here = mapping keys are not allowed in this context
input-yaml-value-here = mapping values are not allowed in this context
input-yaml-misplaced-bracket = misplaced bracket
input-yaml-no-document-end = missing explicit document end marker before directive
input-yaml-plain-dash = plain scalar cannot start with '-' followed by ,[]{"{"}{"}"}
input-yaml-key-colon = simple key expect ':'
input-yaml-key-expected = simple key expected
input-yaml-tab-indent = tab cannot be used as indentation
input-yaml-tab-here = tabs disallowed in this context
input-yaml-tab-block = tabs disallowed within this context (block indentation)
input-yaml-tag-directive-twice = the TAG directive must only be given at most once per handle in the same document
input-yaml-tag-handle = the handle wasn't declared
input-yaml-plain-end = unexpected end of plain scalar
input-yaml-eof = unexpected eof
input-yaml-block-dash = while parsing a block collection, did not find expected '-' indicator
input-yaml-block-key = while parsing a block mapping, did not find expected key
input-yaml-flow-mapping-end = while parsing a flow mapping, did not find expected ',' or '{"}"}'
input-yaml-flow-sequence-end = while parsing a flow sequence, expected ',' or ']'
input-yaml-node-content = while parsing a node, did not find expected node content
input-yaml-quoted-hex = while parsing a quoted scalar, did not find expected hexadecimal number
input-yaml-quoted-unicode = while parsing a quoted scalar, found invalid Unicode character escape code
input-yaml-quoted-escape = while parsing a quoted scalar, found unknown escape character
input-yaml-tag-directive-bang = while parsing a tag directive, did not find expected '!'
input-yaml-tag-uri = while parsing a tag, did not find expected tag URI
input-yaml-tag-leading-byte = while parsing a tag, found an incorrect leading UTF-8 byte
input-yaml-tag-trailing-byte = while parsing a tag, found an incorrect trailing UTF-8 byte
input-yaml-tag-codepoint = while parsing a tag, found an invalid UTF-8 codepoint
input-yaml-tag-escape = while parsing a tag, found an invalid escape sequence
input-yaml-unknown-anchor = while parsing node, found unknown anchor
input-yaml-tag-directive-space = while scanning TAG, did not find expected whitespace or line break
input-yaml-version-digit = while scanning a YAML directive, did not find expected digit or '.' character
input-yaml-version-missing = while scanning a YAML directive, did not find expected version number
input-yaml-version-long = while scanning a YAML directive, found extremely long version number
input-yaml-block-header = while scanning a block scalar, did not find expected comment or line break
input-yaml-block-zero = while scanning a block scalar, found an indentation indicator equal to 0
input-yaml-directive-name = while scanning a directive, could not find expected directive name
input-yaml-directive-end = while scanning a directive, did not find expected comment or line break
input-yaml-directive-char = while scanning a directive, found unexpected non-alphabetical character
input-yaml-plain-tab = while scanning a plain scalar, found a tab
input-yaml-quoted-document = while scanning a quoted scalar, found unexpected document indicator
input-yaml-quoted-eof = while scanning a quoted scalar, found unexpected end of stream
input-yaml-tag-bang = while scanning a tag, did not find expected '!'
input-yaml-tag-space = while scanning a tag, did not find expected whitespace or line break
input-yaml-verbatim-tag = while scanning a verbatim tag, did not find the expected '>'
input-yaml-anchor-char = while scanning an anchor or alias, did not find expected alphabetic or numeric character
input-yaml-block-line-indent = wrongly indented line in block scalar
input-yaml-comment-space = comments must be separated from other tokens by whitespace
input-yaml-unbalanced-end = unbalanced collection end

## Keys and types of values

input-unknown-key = unknown key `{ $key }`
input-did-you-mean = did you mean `{ $near }`?
input-keys-allowed = the keys allowed here: { $keys }
input-missing-key = missing required key `{ $key }`
input-missing-key-hint = add `{ $key }: …` here
input-unknown-value = unknown value `{ $value }`
input-unknown-value-near = did you mean `{ $near }`? allowed: { $allowed }
input-unknown-value-allowed = allowed: { $allowed }
input-expected-found = expected { $expected }, found { $found }
input-invalid-value = invalid value: { $found }, expected { $expected }
input-wrong-length = expected { $expected }, found { $n } items
input-custom = { $text }
input-number-too-large = the number { $number } is too large
input-without-decimals = write it without the decimal part: `{ $number }`
input-variant-needs-value = `{ $value }` needs a value, written as a mapping
input-variant-needs-list = `{ $value }` needs a list of values
input-variant-needs-mapping = `{ $value }` needs a mapping
input-more-problems = { $n ->
        [one] { $n } more problem
       *[other] { $n } more problems
    }, from here on, not shown
input-more-problems-hint = fix the problems above, then check again

# What a value should be: `expected …`.
input-expect-mapping = a mapping of keys and values
input-expect-list = a list
input-expect-whole-from-zero = a whole number of 0 or more
input-expect-whole = a whole number
input-expect-number = a number
input-expect-bool = `true` or `false`
input-expect-text = text
input-expect-id-or-list = an organisation id or a list of them
input-expect-date-or-revision = a date, or a mapping with `date` and `label`
input-expect-number-or-actual = a number, or a mapping with `value` and `note`
input-expect-one-of = one of { $values }
input-expect-other = { $text }
# What it is instead: `found …`.
input-found-nothing = nothing
input-found-list = a list
input-found-mapping = a mapping
input-found-text = the text `{ $text }`
input-found-bool = `{ $value }`
input-found-number = the number { $number }
input-found-other = { $text }

# A list of names: `a`, `b`, `c`.
input-name = `{ $name }`
input-names = { $first }, { $rest }
input-names-none = nothing
