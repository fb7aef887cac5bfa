//! PDF: the document through typst, linked in as a library, in a World that lives in memory.
//!
//! The World holds three things: the Typst template (`programme.typ`, built-in or the
//! programme's own) as the main source, the [`Document`] as `/programme.json`, and the fonts
//! embedded in the binary: Liberation Serif (`fonts/`: metric-compatible with Times New Roman,
//! which ГОСТ Р 7.0.97 names for official documents, with full Cyrillic) for the text, and
//! typst's own (Libertinus Serif, New Computer Modern) for what it lacks, such as ₽. The
//! template reads the document with `json("/programme.json")`, so user text reaches Typst only
//! as string values and is never parsed as markup. Nothing is read from disk or the network,
//! and `today` is fixed, so the same input gives the same bytes.

use std::sync::LazyLock;

use anyhow::Result;
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::Templates;
use crate::document::Document;
use crate::document::compare::Comparison;
use crate::document::report::Report;
use crate::error::Failure;
use crate::i18n::Message;
use crate::model::Date;
use crate::msg;

/// The embedded fonts and their book, parsed once per process.
static FONTS: LazyLock<(Vec<Font>, LazyHash<FontBook>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = super::LIBERATION_SERIF
        .into_iter()
        .chain(typst_assets::fonts())
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    let book = LazyHash::new(FontBook::from_fonts(&fonts));
    (fonts, book)
});

/// The standard library, built once.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// Where the template says it is in error messages: the path a user would open.
const TEMPLATE_NAME: &str = "templates/programme.typ";

fn file_id(path: &str) -> FileId {
    // Both paths are fixed, valid and absolute.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("valid virtual path"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// Only the template and the data exist in this World.
fn not_found(id: FileId) -> FileError {
    FileError::NotFound(std::path::PathBuf::from(id.vpath().get_with_slash()))
}

/// A typst World in memory.
struct MemoryWorld {
    /// The template's name in messages: the path a user would open.
    shown: &'static str,
    main: Source,
    data: Bytes,
    data_id: FileId,
    today: Date,
}

impl World for MemoryWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.1
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.0.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(self.today.year, self.today.month, self.today.day)
    }
}

/// Renders the document as a tagged PDF/UA-1 file. Returns the file and Typst's warnings,
/// each with the template's file, line and column. Typst runs on a thread of its own, stopped
/// after the templates' time limit (see [`super::run_limited`]).
/// `date` is the date written into the PDF and seen by the template as today: the document's
/// own date unless the caller gives one (`SOURCE_DATE_EPOCH`, read by the binary).
///
/// Two steps, each public so that they can be measured apart (`examples/pdf_stages.rs`): the
/// data the template reads ([`programme_json`]), then Typst alone ([`typeset_programme`]).
pub fn render(
    doc: &Document,
    templates: &Templates,
    date: Option<Date>,
) -> Result<(Vec<u8>, Vec<crate::diagnostic::Diagnostic>)> {
    let (template, user) = templates.get("programme.typ");
    let data = programme_json(doc)?;
    let date = date.unwrap_or(doc.meta.date);
    let (template, title) = (template.to_owned(), doc.meta.title.clone());
    // Typst's memory is not watched: a large programme legitimately takes gigabytes.
    super::run_limited(TEMPLATE_NAME, user, templates.limits(), None, move |_| {
        typeset_programme(template, data, &title, date, user)
    })
}

/// The bytes of `/programme.json`, which `programme.typ` reads: the view model, with its charts
/// drawn as SVG under `charts`.
pub fn programme_json(doc: &Document) -> Result<Vec<u8>> {
    Ok(serde_json::to_vec(&with_charts(doc)?)?)
}

/// Typst alone: compiles the programme's Typst `template` (the text of `programme.typ`) on
/// `data` (the bytes of `/programme.json`, from [`programme_json`]) and exports a tagged
/// PDF/UA-1 file titled `title`, dated `date`. Returns the file and Typst's warnings; errors
/// and warnings name `templates/programme.typ`, with the hint of a programme's own template
/// when `user`. Runs on the calling thread, with no time limit ([`render`] adds one).
pub fn typeset_programme(
    template: String,
    data: Vec<u8>,
    title: &str,
    date: Date,
    user: bool,
) -> Result<(Vec<u8>, Vec<crate::diagnostic::Diagnostic>)> {
    let world = MemoryWorld {
        shown: TEMPLATE_NAME,
        main: Source::new(file_id("/programme.typ"), template),
        data: Bytes::new(data),
        data_id: file_id("/programme.json"),
        today: date,
    };
    typeset(&world, title, date, user)
}

/// The document as the template reads it: the view model, and its charts drawn as SVG under
/// `charts` (see [`charts_json`]), the same pictures as the HTML page's.
pub(crate) fn with_charts(doc: &Document) -> Result<serde_json::Value> {
    let mut value = serde_json::to_value(doc)?;
    if let serde_json::Value::Object(map) = &mut value {
        map.insert("charts".into(), charts_json(super::chart::of_document(doc)));
    }
    Ok(value)
}

/// Drawn charts for a Typst template, by id, each with its `svg`, `width` and `height`: the
/// template embeds one with `image(bytes(c.svg), format: "svg", alt: …)` (see `chart` in
/// `programme.typ`). Any document with charts adds this to the JSON its template reads.
pub(crate) fn charts_json(charts: Vec<super::chart::Drawn>) -> serde_json::Value {
    charts
        .into_iter()
        .map(|c| {
            let drawn = serde_json::json!({
                "svg": c.svg.text,
                "width": c.svg.width,
                "height": c.svg.height,
            });
            (c.id, drawn)
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// The comparison table of two drafts (`diff`) as a tagged PDF/UA-1 file, through the
/// built-in `comparison.typ`, which reads the [`Comparison`] as `/comparison.json`.
pub fn comparison(
    c: &Comparison,
    limits: super::Limits,
) -> Result<(Vec<u8>, Vec<crate::diagnostic::Diagnostic>)> {
    let data = serde_json::to_vec(c)?;
    let world = MemoryWorld {
        shown: "comparison.typ",
        main: Source::new(
            file_id("/comparison.typ"),
            super::comparison::TYPST.to_owned(),
        ),
        data: Bytes::new(data),
        data_id: file_id("/comparison.json"),
        today: c.date,
    };
    let (title, date) = (format!("{}: {}", c.title, c.programme), c.date);
    super::run_limited("comparison.typ", false, limits, None, move |_| {
        typeset(&world, &title, date, false)
    })
}

/// The implementation report as a tagged PDF/UA-1 file, through `report.typ` (built-in or the
/// programme's own), which reads the [`Report`] as `/report.json`, with its charts drawn as SVG
/// under `drawn` (see `charts_json`; `charts` is the report's own field of chart data).
pub fn report(
    r: &Report,
    templates: &Templates,
) -> Result<(Vec<u8>, Vec<crate::diagnostic::Diagnostic>)> {
    let (template, user) = templates.get("report.typ");
    let mut value = serde_json::to_value(r)?;
    if let serde_json::Value::Object(map) = &mut value {
        map.insert("drawn".into(), charts_json(super::chart::of_report(r)));
    }
    let data = serde_json::to_vec(&value)?;
    let world = MemoryWorld {
        shown: "templates/report.typ",
        main: Source::new(file_id("/report.typ"), template.to_owned()),
        data: Bytes::new(data),
        data_id: file_id("/report.json"),
        today: r.date,
    };
    let (title, date) = (format!("{}: {}", r.title, r.programme), r.date);
    super::run_limited(
        "templates/report.typ",
        user,
        templates.limits(),
        None,
        move |_| typeset(&world, &title, date, user),
    )
}

/// Compiles the World's template and writes the PDF.
fn typeset(
    world: &MemoryWorld,
    title: &str,
    date: Date,
    user: bool,
) -> Result<(Vec<u8>, Vec<crate::diagnostic::Diagnostic>)> {
    let warned = typst::compile::<PagedDocument>(world);
    let warnings = warned
        .warnings
        .iter()
        .map(|w| warning_finding(world, w))
        .collect();
    let document = warned
        .output
        .map_err(|errors| typst_failure(world, &errors, user))?;
    let standards = PdfStandards::new(&[PdfStandard::Ua_1])
        .map_err(|e| Failure::new(msg!(CmdPdfStandards, why = e.message().as_str())))?;
    let timestamp =
        Datetime::from_ymd_hms(date.year, date.month, date.day, 0, 0, 0).map(Timestamp::new_utc);
    let options = PdfOptions {
        ident: Smart::Custom(format!("nko-draft:{title}")),
        creator: Smart::Custom(Some(format!("nko-draft {}", env!("CARGO_PKG_VERSION")))),
        timestamp,
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options)
        .map_err(|errors| typst_failure(world, &errors, user))?;
    Ok((bytes, warnings))
}

/// One of Typst's findings: `templates/programme.typ:3:5: message (hint: …)`; Typst's own
/// words stay as Typst says them.
fn describe(world: &MemoryWorld, d: &SourceDiagnostic) -> Message {
    let mut out = match world
        .range(d.span)
        .and_then(|r| world.main.lines().byte_to_line_column(r.start))
    {
        Some((line, col)) => msg!(
            CmdTypstAt,
            place = format!("{}:{}:{}", world.shown, line + 1, col + 1),
            text = d.message.as_str()
        ),
        None => msg!(CmdTypstSays, text = d.message.as_str()),
    };
    // Typst's hints about its own command line (`--root`) do not apply to this one.
    for hint in d.hints.iter().filter(|h| !h.v.contains("--root")) {
        out = msg!(CmdTypstHinted, text = out, hint = hint.v.as_str());
    }
    out
}

/// One of Typst's warnings as a finding at the template's line and column, printed like the
/// findings about the input.
fn warning_finding(world: &MemoryWorld, d: &SourceDiagnostic) -> crate::diagnostic::Diagnostic {
    use crate::diagnostic::{Code, Diagnostic};
    let mut finding = Diagnostic::warning(
        Code::TemplateWarning,
        world.shown,
        msg!(CmdTypstSays, text = d.message.as_str()),
    );
    if let Some((line, col)) = world
        .range(d.span)
        .and_then(|r| world.main.lines().byte_to_line_column(r.start))
    {
        finding = finding.at(crate::yaml::Pos {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
        });
    }
    // Typst's hints about its own command line (`--root`) do not apply to this one.
    let hints: Vec<&str> = d
        .hints
        .iter()
        .map(|h| h.v.as_str())
        .filter(|h| !h.contains("--root"))
        .collect();
    if hints.is_empty() {
        finding
    } else {
        finding.hint(msg!(CmdTypstSays, text = hints.join("; ")))
    }
}

/// Typst's errors as one failure, each with the template file, line and column.
fn typst_failure(world: &MemoryWorld, errors: &[SourceDiagnostic], user: bool) -> anyhow::Error {
    let hint = if user {
        msg!(CmdPdfOwnHint)
    } else {
        msg!(CmdPdfBuiltInHint)
    };
    let mut failure = Failure::hinted(msg!(CmdPdfFailed), hint);
    for e in errors.iter().filter(|e| e.severity == Severity::Error) {
        failure = failure.with_detail(describe(world, e));
    }
    failure.into()
}

/// The syntax errors of the Typst template `text`, each a finding at its line and column.
/// Only parsed, not compiled: `check` runs this, and compiling needs the document.
pub(crate) fn syntax_errors(text: &str) -> Vec<crate::diagnostic::Diagnostic> {
    syntax_errors_of(TEMPLATE_NAME, text)
}

/// [`syntax_errors`] of the template `shown` (`templates/report.typ`).
pub(crate) fn syntax_errors_of(shown: &str, text: &str) -> Vec<crate::diagnostic::Diagnostic> {
    use crate::diagnostic::{Code, Diagnostic};
    use typst::syntax::DiagSpanKind;
    let source = Source::new(file_id(TEMPLATE_NAME), text.to_owned());
    let (errors, _) = source.root().errors_and_warnings();
    errors
        .into_iter()
        .map(|e| {
            let range = match e.span.get() {
                DiagSpanKind::Number { num, sub_range, .. } => source.range(num, sub_range),
                DiagSpanKind::Range { range, .. } => Some(range),
                DiagSpanKind::Detached => None,
            };
            let hints: Vec<&str> = e.hints.iter().map(|h| h.v.as_str()).collect();
            let hint = if hints.is_empty() {
                super::template_hint()
            } else {
                super::with_template_hint(msg!(CmdTypstSays, text = hints.join("; ")))
            };
            let d = Diagnostic::error(
                Code::Template,
                shown,
                msg!(CmdTplError, why = e.message.as_str()),
            )
            .hint(hint);
            match range.and_then(|r| source.lines().byte_to_line_column(r.start)) {
                Some((line, col)) => d.at(crate::yaml::Pos {
                    line: u32::try_from(line + 1).unwrap_or(u32::MAX),
                    col: u32::try_from(col + 1).unwrap_or(u32::MAX),
                }),
                None => d,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use typst::syntax::package::PackageSpec;

    use super::*;

    /// A World with `template` as its main source and a small JSON document as its data.
    fn world(template: &str) -> MemoryWorld {
        MemoryWorld {
            shown: TEMPLATE_NAME,
            main: Source::new(file_id("/programme.typ"), template.to_owned()),
            data: Bytes::new(br#"{"title": "data-ok"}"#.to_vec()),
            data_id: file_id("/programme.json"),
            today: Date::from_epoch_days(0),
        }
    }

    /// The World serves its two files and nothing else: no path of the disk, no other file of
    /// the programme, nothing from a package.
    #[test]
    fn the_world_serves_only_the_template_and_the_data() {
        let w = world("x");
        assert!(w.file(file_id("/programme.json")).is_ok());
        assert!(w.source(w.main()).is_ok());
        let spec: PackageSpec = "@preview/cetz:0.3.0".parse().expect("a package spec");
        let package = RootedPath::new(
            VirtualRoot::Package(spec),
            VirtualPath::new("/programme.typ").expect("a virtual path"),
        )
        .intern();
        for id in [
            file_id("/etc/passwd"),
            file_id("/programme.yaml"),
            file_id("/templates/body.md"),
            file_id("/programme.typ/x"),
            package,
        ] {
            assert!(matches!(w.file(id), Err(FileError::NotFound(_))), "{id:?}");
            assert!(
                matches!(w.source(id), Err(FileError::NotFound(_))),
                "{id:?}"
            );
        }
        // The package's file of the same name is not the template either.
        assert!(w.file(package).is_err());
    }

    /// A hostile template cannot read, include, import or show anything but the document.
    #[test]
    fn a_template_cannot_reach_files_outside_its_world() {
        let ok = typeset(
            &world(
                "#set document(title: json(\"/programme.json\").title)\n#read(\"programme.json\")",
            ),
            "t",
            Date::from_epoch_days(0),
            true,
        );
        assert!(ok.is_ok(), "the data must be readable: {:?}", ok.err());
        for (code, want) in [
            ("#read(\"/etc/passwd\")", "file not found"),
            (
                "#read(\"../../../../../../etc/passwd\")",
                "would escape the project root",
            ),
            ("#json(\"../../x.json\")", "would escape the project root"),
            ("#image(\"/etc/hostname\")", "file not found"),
            ("#include \"/etc/passwd\"", "file not found"),
            ("#import \"@preview/cetz:0.3.0\"", "file not found"),
            ("#read(\"/proc/self/environ\")", "file not found"),
        ] {
            let err = typeset(&world(code), "t", Date::from_epoch_days(0), true)
                .expect_err(code)
                .to_string();
            assert!(err.contains("templates/programme.typ:1:"), "{code}: {err}");
            assert!(err.contains(want), "{code}: {err}");
            assert!(!err.contains("root:"), "{code} leaked the file: {err}");
            assert!(!err.contains("--root"), "{code}: typst's CLI hint: {err}");
        }
    }

    #[test]
    fn syntax_errors_places_each_at_its_line_and_the_built_in_template_has_none() {
        let built_in = super::super::Templates::built_in();
        assert!(syntax_errors(built_in.get("programme.typ").0).is_empty());
        assert!(syntax_errors(built_in.get("report.typ").0).is_empty());
        let found = syntax_errors("#let doc = 1\n= Раздел #f(\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].file, TEMPLATE_NAME);
        assert_eq!((found[0].line, found[0].column), (Some(2), Some(12)));
    }
}
