//! A small XML writer: elements opened and closed by the code, every text and attribute value
//! escaped. Nothing a user writes can become markup: `<`, `&`, `"` and `'` are written as
//! entities, and characters XML cannot hold at all (the C0 controls but tab, line feed and
//! carriage return; U+FFFE, U+FFFF; which a YAML string may carry as escapes) as U+FFFD.

/// XML text being written.
#[derive(Debug, Default)]
pub(super) struct Xml {
    out: String,
}

impl Xml {
    /// A document starting with the XML declaration.
    pub(super) fn document() -> Xml {
        Xml {
            out: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n".to_owned(),
        }
    }

    /// A fragment, without the declaration.
    pub(super) fn fragment() -> Xml {
        Xml::default()
    }

    /// `<tag a="v" …>`.
    pub(super) fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.start(tag, attrs);
        self.out.push('>');
        self
    }

    /// `<tag a="v" …/>`.
    pub(super) fn empty(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.start(tag, attrs);
        self.out.push_str("/>");
        self
    }

    /// `</tag>`.
    pub(super) fn close(&mut self, tag: &str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// `<tag a="v" …>text</tag>`, the text escaped.
    pub(super) fn element(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs);
        self.text(text);
        self.close(tag)
    }

    /// Escaped text.
    pub(super) fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.out, text);
        self
    }

    /// Another fragment, already written by this writer (and so already escaped).
    pub(super) fn append(&mut self, other: &Xml) -> &mut Self {
        self.out.push_str(&other.out);
        self
    }

    /// The text written.
    pub(super) fn finish(self) -> String {
        self.out
    }

    fn start(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
    }
}

/// Appends `text` to `out` escaped for XML text and attribute values.
pub(super) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut x = Xml::fragment();
        x.element(
            "w:t",
            &[("a", "\"<&>'")],
            "<w:fldSimple w:instr=\"HYPERLINK\"/> & {{x}}",
        );
        assert_eq!(
            x.finish(),
            "<w:t a=\"&quot;&lt;&amp;&gt;&apos;\">&lt;w:fldSimple w:instr=&quot;HYPERLINK&quot;/&gt; \
             &amp; {{x}}</w:t>"
        );
    }

    #[test]
    fn characters_xml_cannot_hold_are_replaced() {
        let mut out = String::new();
        escape_into(&mut out, "a\u{1}b\u{fffe}\tc");
        assert_eq!(out, "a\u{fffd}b\u{fffd}\tc");
    }
}
