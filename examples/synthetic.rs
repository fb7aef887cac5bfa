//! A synthetic programme of any size, for benchmarks: `cargo run --release --example synthetic
//! -- DIR STEPS [PROFILE]` writes a valid programme of STEPS steps over 8 cases, with 400
//! organisations, 1 500 participants, 150 indicators, every deadline form and funding. The same
//! STEPS and PROFILE always give the same files.
//!
//! PROFILE is `short` (the default: five-word titles, a short description on one step in five)
//! or `real-text`, whose steps read like a real programme's: an eight-word title with a quoted
//! name, a 30-word description, two partners, an indicator, a proposal and two years of
//! funding (about 1.1 KB of YAML a step, 11 MB at 10 000 steps).

use std::fmt::Write as _;
use std::path::Path;

use nko_draft::yaml::emit::scalar;

/// Cases, organisations, participants and indicators of every synthetic programme.
pub(crate) const CASES: usize = 8;
const ORGANISATIONS: usize = 400;
const PARTICIPANTS: usize = 1_500;
const INDICATORS: usize = 150;
/// At most this many proposals a case; fewer when the programme has fewer steps, so that
/// every proposal is carried out by a step.
const PROPOSALS_PER_CASE: usize = 20;
/// The period: five years after the session of 28 November 2026.
const FROM: i32 = 2027;
const TO: i32 = 2031;

/// Every deadline form of the input format, all inside the period and after the session.
const DEADLINES: [&str; 15] = [
    "2028-12-01",
    "by 2028-06-01",
    "no-later 2029-03-01",
    "2027-12",
    "2028-Q2",
    "2029-Q2..Q4",
    "2030-H1",
    "2031",
    "2027..2029",
    "annually",
    "annually Q4",
    "annually by 02-01",
    "quarterly",
    "monthly",
    "permanent",
];

const SURNAMES: [&str; 12] = [
    "Иванова",
    "Петров",
    "Сидорова",
    "Кузнецов",
    "Смирнова",
    "Попов",
    "Васильева",
    "Соколов",
    "Михайлова",
    "Новиков",
    "Фёдорова",
    "Морозов",
];
const GIVEN: [&str; 8] = [
    "Анна",
    "Олег",
    "Мария",
    "Илья",
    "Елена",
    "Павел",
    "Ольга",
    "Денис",
];
const PATRONYMIC: [&str; 6] = [
    "Сергеевна",
    "Иванович",
    "Андреевна",
    "Петрович",
    "Викторовна",
    "Алексеевич",
];
const KINDS: [&str; 8] = [
    "nko",
    "nko",
    "nko",
    "authority",
    "municipality",
    "business",
    "university",
    "foundation",
];
const WORDS: [&str; 16] = [
    "обучение",
    "партнёрство",
    "открытость",
    "волонтёров",
    "семинар",
    "форум",
    "грантов",
    "наставничество",
    "консультации",
    "доступности",
    "отчётности",
    "СМИ",
    "молодёжи",
    "старшего поколения",
    "муниципалитетов",
    "бизнеса",
];

/// How much text each step carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Profile {
    /// Five-word titles, a twelve-word description on one step in five, up to three partners.
    Short,
    /// The length of real programmes' steps (see the module's documentation).
    RealText,
}

impl Profile {
    /// Both profiles, as the benchmarks report them.
    pub(crate) const ALL: [Profile; 2] = [Profile::Short, Profile::RealText];

    /// The profile's name on the command line and in benchmark reports.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Profile::Short => "short",
            Profile::RealText => "real-text",
        }
    }
}

/// Words of real programmes' step texts, for the `real-text` profile.
const PROSE: [&str; 48] = [
    "проведение",
    "регионального",
    "обучающего",
    "семинара",
    "для",
    "руководителей",
    "и",
    "сотрудников",
    "социально",
    "ориентированных",
    "некоммерческих",
    "организаций",
    "по",
    "вопросам",
    "подготовки",
    "заявок",
    "на",
    "конкурсы",
    "президентских",
    "грантов",
    "с",
    "участием",
    "представителей",
    "органов",
    "исполнительной",
    "власти",
    "муниципальных",
    "образований",
    "области",
    "экспертов",
    "ресурсного",
    "центра",
    "в",
    "том",
    "числе",
    "в",
    "дистанционном",
    "формате",
    "информационной",
    "открытости",
    "волонтёров",
    "бизнеса",
    "практик",
    "партнёрства",
    "наставничества",
    "молодёжи",
    "старшего",
    "поколения",
];

/// Names of events and projects, quoted in the `real-text` profile's titles.
const NAMES: [&str; 8] = [
    "Школа НКО",
    "Открытая НКО",
    "Партнёрство для развития",
    "Добрый регион",
    "НКО-СОКРАТ",
    "Социальный навигатор",
    "Точка роста",
    "Вместе сильнее",
];

/// A small deterministic generator (xorshift), so files depend on STEPS only.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn phrase(rng: &mut Rng, words: usize) -> String {
    (0..words)
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

/// A sentence of `words` words of [`PROSE`], capitalised, with a comma after every seventh word
/// and a full stop.
fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut text = String::new();
    for k in 0..words {
        let word = PROSE[rng.below(PROSE.len())];
        if k == 0 {
            let mut chars = word.chars();
            text.extend(chars.next().into_iter().flat_map(char::to_uppercase));
            text.push_str(chars.as_str());
        } else {
            text.push_str(if k % 7 == 0 { ", " } else { " " });
            text.push_str(word);
        }
    }
    text.push('.');
    text
}

/// `key: >-` and `text` folded over lines of at most 96 characters, indented by `indent`, as
/// people write long texts.
fn folded(key: &str, text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = format!("{pad}{key}: >-\n");
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > 96 {
            out.push_str(&format!("{pad}  {line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&format!("{pad}  {line}\n"));
    out
}

fn org(i: usize) -> String {
    format!("org-{:03}", i + 1)
}

/// Writes a programme of `steps` steps into `dir` (created if missing).
pub(crate) fn generate(dir: &Path, steps: usize, profile: Profile) -> std::io::Result<()> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ steps as u64);
    std::fs::create_dir_all(dir.join("cases"))?;
    std::fs::create_dir_all(dir.join("steps"))?;
    let years: Vec<i32> = (FROM..=TO).collect();
    let proposals = (steps / CASES).clamp(1, PROPOSALS_PER_CASE);

    let mut p = String::new();
    let _ = writeln!(
        p,
        "title: Синтетическая программа развития НКО на {steps} мероприятий"
    );
    let _ = writeln!(p, "region: Синтетическая область");
    let _ = writeln!(p, "period: {{from: {FROM}, to: {TO}}}");
    let _ = writeln!(p, "place: г. Образцово");
    let _ = writeln!(p, "responsible: org-001");
    let _ = writeln!(p, "co_executors: [org-002, org-003, org-004]");
    let _ = writeln!(p, "developers: [org-001, org-005]");
    let _ = writeln!(
        p,
        "legal_basis:\n  - Федеральный закон от 12.01.1996 № 7-ФЗ «О некоммерческих организациях»"
    );
    let _ = writeln!(
        p,
        "goals:\n  - Увеличение вклада НКО в социальное развитие региона"
    );
    let _ = writeln!(
        p,
        "expected_results:\n  - Не менее 1000 сотрудников НКО прошли обучение"
    );
    let _ = writeln!(
        p,
        "context: |\n  Первый абзац оценки текущего состояния.\n\n  Второй абзац."
    );
    let _ = writeln!(
        p,
        "risks:\n  - risk: Недостаточное финансирование\n    mitigation: Привлечение грантов"
    );
    std::fs::write(dir.join("programme.yaml"), p)?;

    let session = "title: Синтетическая стратегическая сессия\ndate: 2026-11-28\nvenue: \
                   Конференц-зал\ncity: г. Образцово\ninitiators: [org-001]\nsupport: [org-004]\n\
                   partners: [org-005]\nprogramme: НКО-СОКРАТ\nagreements:\n  - title: Соглашение \
                   о сотрудничестве\n    date: 2026-11-28\n    parties: [org-001, org-005]\n";
    std::fs::write(dir.join("session.yaml"), session)?;

    let mut o = String::new();
    for i in 0..ORGANISATIONS {
        let kind = KINDS[i % KINDS.len()];
        let _ = writeln!(o, "- id: {}", org(i));
        let _ = writeln!(
            o,
            "  name: {}",
            scalar(
                &format!("Организация «{}» № {}", phrase(&mut rng, 2), i + 1),
                2
            )
        );
        if i % 4 == 0 {
            let _ = writeln!(o, "  short: ОРГ-{}", i + 1);
        }
        let _ = writeln!(o, "  kind: {kind}");
    }
    std::fs::write(dir.join("organisations.yaml"), o)?;

    let mut ps = String::new();
    for i in 0..PARTICIPANTS {
        let _ = writeln!(ps, "- id: p-{:04}", i + 1);
        let _ = writeln!(
            ps,
            "  name: {} {} {}",
            SURNAMES[rng.below(SURNAMES.len())],
            GIVEN[rng.below(GIVEN.len())],
            PATRONYMIC[rng.below(PATRONYMIC.len())]
        );
        let _ = writeln!(ps, "  position: специалист");
        let _ = writeln!(ps, "  organisation: {}", org(rng.below(ORGANISATIONS)));
        let _ = writeln!(ps, "  cases: [case-{}]", i % CASES + 1);
        if i % 10 == 0 {
            let _ = writeln!(ps, "  publish: false");
        }
    }
    std::fs::write(dir.join("participants.yaml"), ps)?;

    let mut ind = String::new();
    for i in 0..INDICATORS {
        let _ = writeln!(ind, "- id: i-{:03}", i + 1);
        let _ = writeln!(
            ind,
            "  name: {}",
            scalar(&format!("Показатель {}: {}", i + 1, phrase(&mut rng, 3)), 2)
        );
        let _ = writeln!(ind, "  unit: {}", scalar(["ед.", "чел.", "%"][i % 3], 2));
        let _ = writeln!(ind, "  baseline: {{year: 2026, value: {}}}", 10 + i);
        let targets: Vec<String> = years
            .iter()
            .enumerate()
            .map(|(k, y)| format!("{y}: {}", 12 + i + 5 * k))
            .collect();
        let _ = writeln!(ind, "  targets: {{{}}}", targets.join(", "));
        let _ = writeln!(ind, "  source: ведомственная статистика");
        let _ = writeln!(ind, "  responsible: {}", org(i % ORGANISATIONS));
        let _ = writeln!(ind, "  case: case-{}", i % CASES + 1);
    }
    std::fs::write(dir.join("indicators.yaml"), ind)?;

    for c in 0..CASES {
        let mut text = String::new();
        let _ = writeln!(text, "number: {}", c + 1);
        let _ = writeln!(
            text,
            "title: {}",
            scalar(&format!("Кейс {}: {}", c + 1, phrase(&mut rng, 3)), 0)
        );
        let _ = writeln!(text, "task: Задача {} — {}", c + 1, phrase(&mut rng, 4));
        let _ = writeln!(text, "moderators: [p-{:04}]", c + 1);
        let _ = writeln!(text, "problems:");
        for k in 0..5 {
            let _ = writeln!(
                text,
                "  - id: c{}-p{}\n    text: Проблема {}",
                c + 1,
                k + 1,
                phrase(&mut rng, 5)
            );
        }
        let _ = writeln!(text, "proposals:");
        for k in 0..proposals {
            let _ = writeln!(
                text,
                "  - id: c{}-pr{}\n    text: Предложение {}\n    problems: [c{}-p{}]\n    votes: {}",
                c + 1,
                k + 1,
                phrase(&mut rng, 6),
                c + 1,
                k % 5 + 1,
                rng.below(20)
            );
        }
        std::fs::write(dir.join(format!("cases/case-{}.yaml", c + 1)), text)?;
    }

    let mut files = vec![String::new(); CASES];
    for s in 0..steps {
        let c = s % CASES;
        let n = s / CASES + 1;
        let text = &mut files[c];
        let _ = writeln!(text, "- id: case-{}-{n}", c + 1);
        match profile {
            Profile::Short => {
                let _ = writeln!(
                    text,
                    "  title: {}",
                    scalar(&format!("Мероприятие {n}: {}", phrase(&mut rng, 5)), 2)
                );
                if s % 5 == 0 {
                    let _ = writeln!(text, "  description: {}", phrase(&mut rng, 12));
                }
            }
            Profile::RealText => {
                // Eight words: five of prose, a two-word quoted name, the number.
                let title = sentence(&mut rng, 5);
                let title = format!(
                    "{} «{}» № {n}",
                    title.trim_end_matches('.'),
                    NAMES[rng.below(NAMES.len())]
                );
                let _ = writeln!(text, "  title: {}", scalar(&title, 2));
                text.push_str(&folded("description", &sentence(&mut rng, 30), 2));
            }
        }
        // `permanent` is not time-bound (a warning): keep it to a few steps.
        let form = if s % 150 == 99 { 14 } else { s % 14 };
        let _ = writeln!(text, "  deadline: {}", DEADLINES[form]);
        let lead = rng.below(ORGANISATIONS);
        if s % 3 == 0 {
            let _ = writeln!(
                text,
                "  responsible: [{}, {}]",
                org(lead),
                org((lead + 7) % ORGANISATIONS)
            );
        } else {
            let _ = writeln!(text, "  responsible: {}", org(lead));
        }
        let partner_count = match profile {
            Profile::Short => s % 4,
            Profile::RealText => 2,
        };
        let partners: Vec<String> = (0..partner_count)
            .map(|_| org(rng.below(ORGANISATIONS)))
            .collect();
        let _ = writeln!(text, "  partners: [{}]", partners.join(", "));
        let _ = writeln!(
            text,
            "  result: Не менее {} участников, {}",
            10 + s % 90,
            phrase(&mut rng, 3)
        );
        let _ = writeln!(text, "  indicators: [i-{:03}]", (s * 7) % INDICATORS + 1);
        // Every proposal of the case is carried out by one of its first steps.
        let _ = writeln!(
            text,
            "  proposals: [c{}-pr{}]",
            c + 1,
            (n - 1) % proposals + 1
        );
        if profile == Profile::RealText {
            let sources = ["regional_budget", "grants", "business", "nko_own"];
            let first = FROM + (s % 4) as i32;
            let _ = writeln!(
                text,
                "  funding:\n    - source: {}\n      amounts: {{{first}: {}.{}, {}: {}.{}}}",
                sources[s % sources.len()],
                50 + rng.below(500),
                rng.below(10),
                first + 1,
                50 + rng.below(500),
                rng.below(10)
            );
        } else if s % 3 == 1 {
            let sources = [
                "regional_budget",
                "grants",
                "business",
                "nko_own",
                "local_budgets",
                "federal_budget",
            ];
            let amounts: Vec<String> = years
                .iter()
                .map(|y| format!("{y}: {}.{}", 50 + rng.below(500), rng.below(10)))
                .collect();
            let _ = writeln!(
                text,
                "  funding:\n    - source: {}\n      amounts: {{{}}}",
                sources[s % sources.len()],
                amounts.join(", ")
            );
        }
        let _ = writeln!(
            text,
            "  status: {}",
            ["agreed", "proposed", "disputed"][s % 3]
        );
    }
    for (c, text) in files.iter().enumerate() {
        std::fs::write(dir.join(format!("steps/case-{}.yaml", c + 1)), text)?;
    }
    Ok(())
}

#[allow(dead_code)] // used when built as the example, not when included by the benchmarks
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let profile = match args.get(2).map(String::as_str) {
        None => Some(Profile::Short),
        Some(name) => Profile::ALL.into_iter().find(|p| p.name() == name),
    };
    let (Some(dir), Some(steps), Some(profile)) = (
        args.first(),
        args.get(1).and_then(|s| s.parse().ok()),
        profile,
    ) else {
        eprintln!("usage: cargo run --release --example synthetic -- DIR STEPS [short|real-text]");
        std::process::exit(2);
    };
    if let Err(e) = generate(Path::new(dir), steps, profile) {
        eprintln!("error: cannot write {dir}: {e}");
        std::process::exit(2);
    }
    println!(
        "wrote a programme of {steps} steps ({}) to {dir}",
        profile.name()
    );
}
