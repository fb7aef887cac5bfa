//! The HTML page takes its table and annex semantics from the view model, through the markers
//! of `html_table` and `html_annex`: a programme's own `body.md` laid out differently keeps
//! them, a table of its own gets plain semantics, and user text cannot forge a marker.

use crate::common::{self, Project};

/// Builds `formats` of `p` into `<tmp>/programme/<out>` and returns the Markdown and the HTML.
fn build(p: &Project, out: &str) -> (String, String) {
    let run = p.run(&["build", "--format", "md,html", "--out", out]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.report());
    let read = |name: &str| {
        let path = p.root().join(out).join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    (read("programme.md"), read("programme.html"))
}

/// The table (with its region) of `html` whose text contains `needle`.
fn table_with<'h>(html: &'h str, needle: &str) -> &'h str {
    html.split("<div class=\"table-wrap\"")
        .skip(1)
        .map(|chunk| &chunk[..chunk.find("</table>").expect("a table ends")])
        .find(|table| table.contains(needle))
        .unwrap_or_else(|| panic!("no table holds `{needle}`:\n{html}"))
}

/// The tags of `html` in order, without the text between them: its structure.
/// The structure of a page: its tags in order, without the inline spans that keep a compound
/// name on one line (they follow the words, not the structure).
/// The page without its inline SVG pictures (their texts and lines follow the data).
fn without_svg(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<svg ") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find("</svg>").expect("an SVG ends") + at + "</svg>".len();
        out.push_str("<svg>");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .map(|s| &s[..s.find('>').expect("a tag ends")])
        .filter(|t| *t != "span class=\"nobr\"" && *t != "/span")
        .collect()
}

#[test]
fn a_users_body_keeps_the_documents_table_semantics() {
    let p = Project::repo_copy("programme");
    common::overlay(&common::fixtures().join("user-body"), &p.root());
    let (md, html) = build(&p, "out");

    assert!(
        !md.contains("<!--"),
        "a marker shows in the Markdown:\n{md}"
    );
    assert!(!html.contains("nko-draft table"), "{html}");

    // The list of steps: a paragraph above it that is no caption, row groups without bold, and
    // its name from the document, since no heading of its own is right above it.
    assert!(html.contains("<p>Мероприятия сгруппированы по задачам Программы.</p>"));
    let steps = table_with(&html, "Наименование мероприятия");
    assert!(
        steps.contains(
            "<caption id=\"table-1\" class=\"visually-hidden\">5. Перечень мероприятий Программы</caption>"
        ),
        "{steps}"
    );
    assert_eq!(
        steps
            .matches("<th scope=\"rowgroup\" colspan=\"5\" class=\"group\">Задача ")
            .count(),
        3,
        "{steps}"
    );
    assert_eq!(steps.matches("<tbody>").count(), 3, "{steps}");
    assert!(
        steps.contains("<th scope=\"row\" data-label=\"№\u{a0}п/п\">1.1</th>"),
        "row headers: {steps}"
    );

    // Proposals without their caption paragraph still have their captions; so has the
    // resources table, whose caption paragraph is not repeated.
    for case in 1..=3 {
        let caption = format!("Предложения группы по кейсу 3.{case}");
        let table = table_with(&html, &caption);
        assert!(table.contains(&format!(">{caption}</caption>")), "{table}");
    }
    let resources = "Объёмы финансирования по источникам и\u{a0}годам, тыс.\u{a0}рублей";
    assert!(table_with(&html, resources).contains(&format!(">{resources}</caption>")));
    assert!(!html.contains(&format!("<p>{resources}</p>")), "{html}");

    // The user's own table: a header row, plain data below it, no caption, no row groups.
    assert!(html.contains("<p>Таблица ниже составлена рабочей группой.</p>"));
    let own = table_with(&html, "Контакт");
    assert!(own.contains("<th scope=\"col\">Роль</th>"), "{own}");
    assert!(
        own.contains("<td data-label=\"Роль\"><strong>Секретарь</strong></td>"),
        "{own}"
    );
    assert!(
        own.contains("<td data-label=\"Роль\">Координатор</td>"),
        "{own}"
    );
    for absent in ["<caption", "rowgroup", "scope=\"row\""] {
        assert!(!own.contains(absent), "`{absent}` in {own}");
    }
    assert!(
        own.contains("<table aria-labelledby=\"контакты-рабочей-группы\">"),
        "{own}"
    );

    // The passport follows its heading: labelled by it, as in the built-in layout.
    let passport = table_with(&html, "Параметр");
    assert!(
        passport.starts_with(
            " role=\"region\" tabindex=\"0\" aria-labelledby=\"1-паспорт-программы\">\n<table>\n<thead>"
        ),
        "{passport}"
    );
    assert!(html.contains("<p class=\"annex-mark\">Приложение №\u{a0}3 к\u{a0}Программе</p>"));
}

/// Replaces the first line of `rel` (in the programme of `p`) that starts with `from`.
fn replace_line(p: &Project, rel: &str, from: &str, to: &str) {
    let path = p.root().join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    let line = text
        .lines()
        .find(|l| l.starts_with(from))
        .unwrap_or_else(|| panic!("{rel} has no line starting with `{from}`"));
    std::fs::write(&path, text.replacen(line, to, 1)).expect("write");
}

#[test]
fn marker_text_in_user_text_stays_literal() {
    let p = Project::repo_copy("programme");
    let (_, before) = build(&p, "before");
    // A compound name does not break at its hyphen, and is read as written.
    assert!(before.contains("<span class=\"nobr\">«НКО-СОКРАТ»</span>"));
    // Marker texts where a marker would change the most: a paragraph right before the
    // paragraph above a table, a step's title, a proposal.
    replace_line(
        &p,
        "steps/competencies.yaml",
        "  title: Ежегодная школа",
        "  title: <!-- nko-draft table steps -->",
    );
    replace_line(
        &p,
        "programme.yaml",
        "  Социально ориентированные",
        "  <!-- nko-draft annex -->",
    );
    replace_line(
        &p,
        "cases/competencies.yaml",
        "    text: Ежегодно проводить школу",
        "    text: <!-- nko-draft table proposals-1 -->",
    );
    let (md, after) = build(&p, "after");

    assert!(
        md.contains("| 1.1 | \\<!-- nko-draft table steps --\\> |"),
        "{md}"
    );
    assert!(md.contains("\n\\<!-- nko-draft annex --\\>\n"), "{md}");
    for literal in [
        "&lt;!-- nko-draft table steps --&gt;",
        "<p>&lt;!-- nko-draft annex --&gt;</p>",
        ">&lt;!-- nko-draft table proposals-1 --&gt;</td>",
    ] {
        assert!(
            after.contains(literal),
            "`{literal}` is not printed:\n{after}"
        );
    }
    // The pictures aside: a longer title may take another line of the roadmap.
    assert_eq!(
        tags(&without_svg(&before)),
        tags(&without_svg(&after)),
        "user text changed the structure of the page"
    );
}

/// On a narrow screen every table is a list of blocks: each body cell carries its column's
/// header as `data-label`, which the page's CSS prints before the cell below 600 px (the
/// audit in `tests/a11y` checks the layout in a browser at 390 px).
#[test]
fn cells_carry_their_column_headers_for_the_phone() {
    let p = Project::base();
    let (_, html) = build(&p, "out");
    let steps = table_with(&html, "Наименование мероприятия");
    assert!(
        steps.contains("<td data-label=\"Срок исполнения\">"),
        "{steps}"
    );
    assert!(
        steps.contains("<td data-label=\"Ответственный исполнитель\">"),
        "{steps}"
    );
    // Every body cell but a group's header has a label; no header cell has one.
    let cells = steps.matches("<td").count();
    assert!(cells > 0, "{steps}");
    assert_eq!(steps.matches("<td data-label=\"").count(), cells, "{steps}");
    assert!(!steps.contains("scope=\"col\" data-label"), "{steps}");
    assert!(!steps.contains("class=\"group\" data-label"), "{steps}");
    // The page lays them out as blocks below 600 px, and the labels are not read twice.
    assert!(
        html.contains("@media screen and (max-width: 37.5rem)"),
        "{html}"
    );
    assert!(html.contains("content: attr(data-label) / \"\";"), "{html}");
}

/// The built-in page is written in pieces around its body, a programme's own page through
/// Tera with the body in the context: the same template gives the same bytes either way.
#[test]
fn the_built_in_page_written_in_pieces_is_the_page_tera_renders() {
    let p = Project::repo_copy("programme");
    let (_, built_in) = build(&p, "built-in");
    let page = std::fs::read_to_string(common::repo().join("templates/page.html"))
        .expect("the built-in page template");
    p.write("templates/page.html", page);
    let (_, own) = build(&p, "own");
    assert!(built_in.contains("<main"), "a whole page");
    assert!(built_in == own, "the two pages differ");
}
