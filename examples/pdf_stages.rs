//! The stages of `nko-draft build --format pdf`, apart: what typst itself costs for the
//! programme's document, the lower bound of nko-draft's PDF.
//!
//! - `pdf_stages DIR`: loads the programme at DIR, assembles it, prepares the JSON the template
//!   reads, then typesets it (compile and PDF export) with the same template as `build` (the
//!   programme's own `templates/programme.typ` or the built-in one), and prints the wall time
//!   of each stage to standard error.
//! - `pdf_stages --prepare DIR WORK`: the same up to the JSON, written into the folder WORK
//!   (`programme.json`, `programme.typ`, and `meta.json` with the PDF's title and date).
//! - `pdf_stages --typeset WORK`: typst alone on what `--prepare` wrote; prints nothing but
//!   errors, so that `/usr/bin/time pdf_stages --typeset WORK` measures typst's time and peak
//!   memory (`benches/compare.sh` does, as "typst alone (compile + export)").
//!
//! Each mode exits 1 with the error on standard error if a stage fails. The PDF itself is
//! thrown away. Like the binary, this uses mimalloc and typesets on a thread with a 64 MiB
//! stack.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context as _, Result, bail};
use nko_draft::document;
use nko_draft::load;
use nko_draft::model::Date;
use nko_draft::render::{Templates, pdf};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The data `--prepare` writes and `--typeset` reads.
struct Prepared {
    template: String,
    json: Vec<u8>,
    title: String,
    date: Date,
    user: bool,
}

/// Loads, assembles and serialises the programme at `dir`, printing each stage's time when
/// `timed`.
fn prepare(dir: &Path, timed: bool) -> Result<Prepared> {
    let t = Instant::now();
    let (input, _) = load::load(dir).map_err(|e| anyhow::anyhow!("{e}"))?;
    let templates = Templates::load(dir)?;
    let loaded = t.elapsed();
    let t = Instant::now();
    let doc = document::assemble(&input).map_err(|e| anyhow::anyhow!("{e}"))?;
    let assembled = t.elapsed();
    let t = Instant::now();
    let json = pdf::programme_json(&doc)?;
    let serialised = t.elapsed();
    if timed {
        eprintln!("load       {:8.3} s", loaded.as_secs_f64());
        eprintln!("assemble   {:8.3} s", assembled.as_secs_f64());
        eprintln!(
            "json       {:8.3} s ({:.1} MiB)",
            serialised.as_secs_f64(),
            json.len() as f64 / 1048576.0
        );
    }
    let (template, user) = templates.get("programme.typ");
    Ok(Prepared {
        template: template.to_owned(),
        json,
        title: doc.meta.title.clone(),
        date: doc.meta.date,
        user,
    })
}

/// Typst alone, on a thread with a roomy stack as in `build`.
fn typeset(p: Prepared) -> Result<Vec<u8>> {
    let worker = std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || pdf::typeset_programme(p.template, p.json, &p.title, p.date, p.user))?;
    match worker.join() {
        Ok(result) => Ok(result?.0),
        Err(_) => bail!("typst panicked"),
    }
}

fn run(args: &[String]) -> Result<()> {
    match args {
        [dir] => {
            let prepared = prepare(Path::new(dir), true)?;
            let t = Instant::now();
            let bytes = typeset(prepared)?;
            eprintln!(
                "typst      {:8.3} s ({:.1} MiB of PDF)",
                t.elapsed().as_secs_f64(),
                bytes.len() as f64 / 1048576.0
            );
        }
        [flag, dir, work] if flag == "--prepare" => {
            let p = prepare(Path::new(dir), false)?;
            let work = Path::new(work);
            std::fs::create_dir_all(work)?;
            std::fs::write(work.join("programme.json"), &p.json)?;
            std::fs::write(work.join("programme.typ"), &p.template)?;
            let meta = serde_json::json!({
                "title": p.title,
                "date": p.date.to_string(),
                "user": p.user,
            });
            std::fs::write(work.join("meta.json"), meta.to_string())?;
        }
        [flag, work] if flag == "--typeset" => {
            let work = Path::new(work);
            let read = |name: &str| {
                std::fs::read(work.join(name)).with_context(|| format!("reading {name}"))
            };
            let meta: serde_json::Value = serde_json::from_slice(&read("meta.json")?)?;
            let date = meta["date"].as_str().context("meta.json: no date")?;
            typeset(Prepared {
                template: String::from_utf8(read("programme.typ")?)?,
                json: read("programme.json")?,
                title: meta["title"].as_str().unwrap_or_default().to_owned(),
                date: Date::parse(date).map_err(|e| anyhow::anyhow!("meta.json: {e:?}"))?,
                user: meta["user"].as_bool().unwrap_or(false),
            })?;
        }
        _ => bail!("usage: pdf_stages DIR | --prepare DIR WORK | --typeset WORK"),
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = run(&args) {
        eprintln!("pdf_stages: {e:#}");
        std::process::exit(1);
    }
}
