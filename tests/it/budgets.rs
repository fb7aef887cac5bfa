//! Words the document must not put in the user's mouth: the name of the regional budget comes
//! from the region or from `funding_sources`, and the built-in implementation section promises
//! nothing the files do not say.

use crate::common::Project;

/// Builds the Markdown of `p` and returns it.
fn markdown(p: &Project) -> String {
    let run = p.run(&["build", "--format", "md", "--out", "out"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.report());
    let path = p.root().join("out/programme.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_krai_prints_its_krai_budget() {
    let p = Project::base();
    p.edit(
        "programme.yaml",
        "region: Тестовая область",
        "region: Хабаровский край",
    );
    let md = markdown(&p);
    assert!(md.contains("краевой бюджет"), "{md}");
    assert!(!md.contains("областной бюджет"), "{md}");

    p.edit("programme.yaml", "locale: ru", "locale: en");
    let md = markdown(&p);
    assert!(md.contains("krai budget"), "{md}");
}

#[test]
fn an_oblast_prints_its_oblast_budget_and_a_city_its_own() {
    let p = Project::base();
    let md = markdown(&p);
    assert!(md.contains("областной бюджет"), "{md}");
    p.edit(
        "programme.yaml",
        "region: Тестовая область",
        "region: г. Севастополь",
    );
    let md = markdown(&p);
    assert!(md.contains("бюджет города Севастополя"), "{md}");
    assert!(!md.contains("областной бюджет"), "{md}");
}

#[test]
fn the_programme_names_its_sources_where_the_region_does_not_say() {
    let p = Project::base();
    p.edit(
        "programme.yaml",
        "region: Тестовая область",
        "region: Кузбасс\nfunding_sources:\n  regional_budget: бюджет Кузбасса\n  grants: гранты Президента Российской Федерации",
    );
    let run = p.check(&["--strict"]);
    assert!(!run.stderr.contains("funding_sources"), "{}", run.report());
    let md = markdown(&p);
    assert!(md.contains("бюджет Кузбасса"), "{md}");
    assert!(
        md.contains("гранты Президента Российской Федерации"),
        "{md}"
    );
    assert!(!md.contains("областной бюджет"), "{md}");
    // Without the name, the generic one, and a warning.
    p.edit("programme.yaml", "  regional_budget: бюджет Кузбасса\n", "");
    let md = markdown(&p);
    assert!(md.contains("бюджет субъекта Российской Федерации"), "{md}");
    let run = p.check(&[]);
    insta::assert_snapshot!("regional-budget", run.report());
    let ru = crate::build::russian_from(&p, "", &["-C", "programme", "check"]);
    insta::assert_snapshot!("regional-budget@ru", ru.report());
    // An English document says «regional budget», which is right for any region.
    p.edit("programme.yaml", "locale: ru", "locale: en");
    let run = p.check(&["--strict"]);
    assert_eq!(run.code, 0, "{}", run.report());
}

#[test]
fn a_misspelt_source_name_is_an_error_with_a_suggestion() {
    let p = Project::base();
    p.edit(
        "programme.yaml",
        "region: Тестовая область",
        "region: Тестовая область\nfunding_sources: {regional_budjet: краевой бюджет}",
    );
    let run = p.check(&[]);
    assert_ne!(run.code, 0, "{}", run.report());
    assert!(
        run.stderr.contains("unknown key `regional_budjet`"),
        "{}",
        run.report()
    );
    assert!(
        run.stderr.contains("did you mean `regional_budget`?"),
        "{}",
        run.report()
    );
}

#[test]
fn without_implementation_the_section_states_only_the_data_and_check_warns() {
    let p = Project::base();
    p.edit(
        "programme.yaml",
        "implementation: |\n  Соисполнители ежеквартально сообщают ответственному исполнителю о ходе мероприятий.\n\n  Ответственный исполнитель ежегодно публикует отчёт о достигнутых значениях целевых показателей.\n\n",
        "",
    );
    let md = markdown(&p);
    let section = &md[md.find("## 8. Механизм реализации").expect("the section")..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    assert!(
        section.contains("Ответственный исполнитель Программы"),
        "{section}"
    );
    assert!(section.contains("Соисполнитель Программы"), "{section}");
    assert!(section.contains("Целевые показатели"), "{section}");
    for promise in ["феврал", "ежегодно", "отчёт"] {
        assert!(!section.contains(promise), "{promise}: {section}");
    }
    let run = p.check(&[]);
    assert!(
        run.stderr
            .contains("`programme.yaml` has no `implementation`"),
        "{}",
        run.report()
    );
    insta::assert_snapshot!("smart-implementation", run.report());
    let ru = crate::build::russian_from(&p, "", &["-C", "programme", "check"]);
    insta::assert_snapshot!("smart-implementation@ru", ru.report());
    let json = p.check(&["--format", "json"]);
    assert!(
        json.stdout.contains("smart-implementation"),
        "{}",
        json.report()
    );

    p.edit(
        "programme.yaml",
        "risks:",
        "implementation: |\n  Соисполнители ежеквартально сообщают центру о ходе работ.\n\nrisks:",
    );
    let md = markdown(&p);
    assert!(md.contains("ежеквартально сообщают"), "{md}");
    assert!(
        !md.contains("Ответственный исполнитель Программы\u{a0}—"),
        "{md}"
    );
    let run = p.check(&["--strict"]);
    assert_eq!(run.code, 0, "{}", run.report());
    assert!(!run.stderr.contains("implementation"), "{}", run.report());
}
