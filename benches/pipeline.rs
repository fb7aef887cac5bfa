//! Each stage of the pipeline on synthetic programmes of 100, 1 000 and 10 000 steps, in both
//! profiles of the generator (`short` and `real-text`, whose steps carry real-length text):
//! load, validate, assemble, Markdown, HTML and PDF; `check` of a programme whose every step
//! has a finding; the human rendering of 1 000 to 40 000 findings in one file; and what
//! `watch` does after a save of the Kursk programme (`rebuild_kursk_md_html`: check, assemble,
//! render and write Markdown and HTML, as `build --format md,html`; target under 100 ms). Run with
//! `cargo bench`; the synthetic programmes come from
//! `examples/synthetic.rs`.

use std::path::Path;
use std::sync::LazyLock;

use divan::Bencher;
use nko_draft::diagnostic::{self, Diagnostic, LineIndex, SourceText};
use nko_draft::document::{self, Document};
use nko_draft::load::{self, Input};
use nko_draft::render::html::HtmlRenderer;
use nko_draft::render::markdown::MarkdownRenderer;
use nko_draft::render::{self, Templates};
use nko_draft::validate;
use nko_draft::yaml::{Pos, YamlPath};

#[path = "../examples/synthetic.rs"]
mod synthetic;

use synthetic::Profile;

const SIZES: [usize; 3] = [100, 1_000, 10_000];

/// A synthetic programme's size and profile, as a benchmark's argument ("10000 real-text").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Programme {
    steps: usize,
    profile: Profile,
}

impl std::fmt::Display for Programme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.steps, self.profile.name())
    }
}

/// Every size in every profile.
const PROGRAMMES: [Programme; 6] = {
    let mut all = [Programme {
        steps: 0,
        profile: Profile::Short,
    }; 6];
    let mut i = 0;
    while i < 6 {
        all[i] = Programme {
            steps: SIZES[i % 3],
            profile: Profile::ALL[i / 3],
        };
        i += 1;
    }
    all
};

/// A generated programme, loaded and assembled once, for the stages after it.
struct Fixture {
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    input: Input,
    doc: Document,
}

fn make(programme: Programme) -> Fixture {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("programme");
    synthetic::generate(&root, programme.steps, programme.profile)
        .expect("the synthetic programme");
    let (input, diags) = load::load(&root).expect("load");
    assert!(diags.is_empty(), "{diags:?}");
    let doc = document::assemble(&input).expect("assemble");
    Fixture {
        _dir: dir,
        root,
        input,
        doc,
    }
}

static FIXTURES: LazyLock<Vec<(Programme, Fixture)>> =
    LazyLock::new(|| PROGRAMMES.iter().map(|&p| (p, make(p))).collect());

fn fixture(programme: Programme) -> &'static Fixture {
    &FIXTURES
        .iter()
        .find(|(p, _)| *p == programme)
        .expect("a programme")
        .1
}

fn main() {
    divan::main();
}

/// One rebuild of `watch` on the Kursk programme (`programme/`): `build` of Markdown and HTML,
/// from reading the files to writing the outputs. The README promises it under 100 ms.
#[divan::bench(sample_count = 20)]
fn rebuild_kursk_md_html(bencher: Bencher) {
    let out = tempfile::tempdir().expect("a temporary folder");
    let opts = nko_draft::build::BuildOptions {
        dir: Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("programme")),
        formats: Some(vec![
            nko_draft::model::Format::Md,
            nko_draft::model::Format::Html,
        ]),
        out: Some(out.path().to_path_buf()),
        ..Default::default()
    };
    bencher.bench(|| {
        let built = nko_draft::build::build(&opts).expect("the build");
        assert_eq!(built.written.len(), 2, "{:?}", built.checked.diagnostics);
        built
    });
}

#[divan::bench(args = PROGRAMMES)]
fn load(bencher: Bencher, programme: Programme) {
    let root: &Path = &fixture(programme).root;
    bencher.bench(|| load::load(root).expect("load"));
}

#[divan::bench(args = PROGRAMMES)]
fn validate(bencher: Bencher, programme: Programme) {
    let input = &fixture(programme).input;
    bencher.bench(|| validate::validate(input));
}

/// A generated programme whose steps have no deadline, and whose lead organisation is unknown in
/// two steps of three: thousands of findings, so the time of the rules and of placing their
/// findings shows, not only that of reading the files.
static FLAWED: LazyLock<Vec<(usize, tempfile::TempDir)>> = LazyLock::new(|| {
    SIZES
        .iter()
        .map(|&n| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            synthetic::generate(dir.path(), n, Profile::Short).expect("the synthetic programme");
            for case in 1..=synthetic::CASES {
                let path = dir.path().join(format!("steps/case-{case}.yaml"));
                let text = std::fs::read_to_string(&path).expect("a steps file");
                let flawed: String = text
                    .lines()
                    .filter(|l| !l.starts_with("  deadline:"))
                    .map(|l| match l.strip_prefix("  responsible: org-") {
                        Some(rest) => format!("  responsible: orq-{rest}\n"),
                        None => format!("{l}\n"),
                    })
                    .collect();
                std::fs::write(&path, flawed).expect("write a steps file");
            }
            (n, dir)
        })
        .collect()
});

/// `nko-draft check --format short` without the printing: load, validate, sort, one line each.
#[divan::bench(args = SIZES)]
fn check_many_findings(bencher: Bencher, steps: usize) {
    let root = FLAWED
        .iter()
        .find(|(n, _)| *n == steps)
        .expect("a size")
        .1
        .path();
    bencher.bench(|| {
        let checked = nko_draft::check_root(root, &Default::default()).expect("check");
        assert!(
            checked.diagnostics.len() >= steps,
            "every step has a finding"
        );
        checked
            .diagnostics
            .iter()
            .map(|d| nko_draft::diagnostic::render_short(d).len())
            .sum::<usize>()
    });
}

#[divan::bench(args = PROGRAMMES)]
fn assemble(bencher: Bencher, programme: Programme) {
    let input = &fixture(programme).input;
    bencher.bench(|| document::assemble(input).expect("assemble"));
}

#[divan::bench(args = PROGRAMMES)]
fn markdown(bencher: Bencher, programme: Programme) {
    let doc = &fixture(programme).doc;
    let templates = Templates::built_in();
    let md = MarkdownRenderer::new(&templates).expect("templates");
    bencher.bench(|| {
        let mut ctx = render::context(doc);
        let body = md.body(&ctx).expect("body");
        md.programme(&mut ctx, &body).expect("markdown")
    });
}

#[divan::bench(args = PROGRAMMES)]
fn html(bencher: Bencher, programme: Programme) {
    let doc = &fixture(programme).doc;
    let templates = Templates::built_in();
    let md = MarkdownRenderer::new(&templates).expect("templates");
    let html = HtmlRenderer::new(&templates).expect("templates");
    bencher.bench(|| {
        let mut ctx = render::context(doc);
        let body = md.body(&ctx).expect("body");
        html.page(&mut ctx, doc, &body).expect("html")
    });
}

#[cfg(feature = "pdf")]
#[divan::bench(args = PROGRAMMES, sample_count = 3, sample_size = 1)]
fn pdf(bencher: Bencher, programme: Programme) {
    let doc = &fixture(programme).doc;
    let templates = Templates::built_in();
    // typst memoizes across compilations; evict its cache so every sample is a cold compile,
    // as in a real `nko-draft build` process.
    bencher
        .with_inputs(|| typst::comemo::evict(0))
        .bench_values(|()| {
            nko_draft::render::pdf::render(doc, &templates, None)
                .expect("pdf")
                .0
        });
}

/// Every finding of a file with one finding a line, rendered with its snippet, as `check`
/// prints them: linear in the number of findings (each line is found through the file's line
/// index, not by counting lines from the top).
#[divan::bench(args = [1_000, 10_000, 40_000], sample_count = 5)]
fn render_findings(bencher: Bencher, findings: usize) {
    let text: String = (0..findings)
        .map(|i| format!("- {{id: p{i}, name: Участник {i}, organisation: nowhere}}\n"))
        .collect();
    let diags: Vec<Diagnostic> = (0..findings)
        .map(|i| {
            Diagnostic::error(
                nko_draft::diagnostic::Code::DanglingReference,
                "participants.yaml",
                nko_draft::msg!(CheckUnknownRef, kind = "organisation", id = "nowhere"),
            )
            .at(Pos {
                line: i as u32 + 1,
                col: 45,
            })
            .path(&YamlPath::root("participants").index(i).key("organisation"))
            .hint(nko_draft::msg!(InputDidYouMean, near = "centre"))
        })
        .collect();
    bencher.bench(|| {
        // A fresh index each time, as in one run of `check`.
        let index = LineIndex::default();
        let source = SourceText::new(&text, &index);
        diags
            .iter()
            .map(|d| {
                diagnostic::render_human(d, Some(source), false, nko_draft::i18n::Lang::Ru).len()
            })
            .sum::<usize>()
    });
}
