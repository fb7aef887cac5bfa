# Findings about the long texts, which accept a subset of Markdown.

rich-markdown-dropped = { $kind ->
    [heading] a Markdown heading is printed as a plain paragraph
    [image] a Markdown image is not shown: only its description is printed
    [html] HTML is not interpreted: it is printed as text
    [code] Markdown code is printed as plain text
    [table] a Markdown table is printed as plain paragraphs, a row each
    [link] a link that is not `http://` or `https://` is printed as its text alone
    [quote] a Markdown quote is printed as plain paragraphs
   *[rule] a Markdown horizontal rule is left out
  }
rich-markdown-dropped-hint = long texts accept paragraphs, lists (`- item`, `1. item`), `*italics*`, `**bold**` and links `[text](https://…)`; write the rest as plain text
