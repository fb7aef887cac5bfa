//! Reads the interface's message catalogue (`locales/<lang>/*.ftl`), refuses to build when the
//! languages do not have the same files, messages and variables, and writes `messages.rs`: the
//! enum of message ids that the code names (so that a message id missing from the catalogue
//! fails the build) and the catalogue's files, embedded.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/i18n/catalogue.rs"]
mod catalogue;

/// The interface languages, in the order of `Locale`; English is the reference.
const LANGUAGES: [&str; 2] = ["en", "ru"];

fn main() {
    commit();
    if let Err(why) = run() {
        eprintln!("error in the message catalogue: {why}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or("no manifest dir")?);
    let locales = root.join("locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    let files = catalogue::ftl_files(&locales.join(LANGUAGES[0]))?;
    let mut reference = None;
    for lang in LANGUAGES {
        let dir = locales.join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let own = catalogue::ftl_files(&dir)?;
        if own != files {
            return Err(format!(
                "locales/{lang} has the files {own:?}, locales/en has {files:?}"
            ));
        }
        for file in &files {
            println!("cargo:rerun-if-changed={}", dir.join(file).display());
        }
        let messages = catalogue::read_language(&dir)?;
        match &reference {
            None => reference = Some(messages),
            Some(en) => catalogue::compare(en, &messages, lang)?,
        }
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("no OUT_DIR")?);
    let code = generate(&reference.unwrap_or_default(), &locales, &files);
    std::fs::write(out.join("messages.rs"), code).map_err(|e| e.to_string())
}

/// `NKO_DRAFT_COMMIT` for `--version`: the short hash of the checkout's HEAD, or `unknown`
/// outside a git checkout or without git (a build from a source archive still builds).
fn commit() {
    let git = |args: &[&str]| -> Option<String> {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(std::env::var_os("CARGO_MANIFEST_DIR")?)
            .output()
            .ok()?;
        let text = String::from_utf8(out.stdout).ok()?;
        (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_owned())
    };
    // Only the crate's own checkout: a source archive unpacked inside another repository is
    // not that repository's commit.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let own = git(&["rev-parse", "--show-toplevel"]).is_some_and(|top| {
        let canonical = |p: &Path| p.canonicalize().ok();
        manifest.as_deref().and_then(canonical) == canonical(Path::new(&top))
    });
    let hash = own
        .then(|| git(&["rev-parse", "--short", "HEAD"]))
        .flatten();
    // Rebuilt when HEAD moves: a commit, a checkout, a fetch that packs the refs.
    if hash.is_some() {
        let mut watched = vec!["HEAD".to_owned(), "packed-refs".to_owned()];
        watched.extend(git(&["symbolic-ref", "-q", "HEAD"]));
        for name in watched {
            if let Some(path) = git(&["rev-parse", "--path-format=absolute", "--git-path", &name]) {
                println!("cargo:rerun-if-changed={path}");
            }
        }
    }
    println!(
        "cargo:rustc-env=NKO_DRAFT_COMMIT={}",
        hash.as_deref().unwrap_or("unknown")
    );
}

/// `check-summary` → `CheckSummary`.
fn variant(id: &str) -> String {
    id.split(['-', '_'])
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn generate(messages: &catalogue::Messages, locales: &Path, files: &[String]) -> String {
    let mut out = String::new();
    out.push_str(
        "/// A message of the interface: one per entry of `locales/en/*.ftl` (and `ru`).\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]\n\
         pub enum Msg {\n",
    );
    for id in messages.keys() {
        let _ = writeln!(out, "    /// `{id}`\n    {},", variant(id));
    }
    out.push_str(
        "}\n\nimpl Msg {\n    /// Every message, by id.\n    pub const ALL: &'static [Msg] = &[\n",
    );
    for id in messages.keys() {
        let _ = writeln!(out, "        Msg::{},", variant(id));
    }
    out.push_str("    ];\n\n    /// The id in the catalogue.\n    pub const fn id(self) -> &'static str {\n        match self {\n");
    for id in messages.keys() {
        let _ = writeln!(out, "            Msg::{} => {id:?},", variant(id));
    }
    out.push_str("        }\n    }\n\n    /// The variables the message uses, sorted.\n    pub const fn vars(self) -> &'static [&'static str] {\n        match self {\n");
    for (id, vars) in messages {
        let list: Vec<String> = vars.iter().map(|v| format!("{v:?}")).collect();
        let _ = writeln!(
            out,
            "            Msg::{} => &[{}],",
            variant(id),
            list.join(", ")
        );
    }
    out.push_str("        }\n    }\n}\n\n");
    for lang in LANGUAGES {
        let _ = writeln!(
            out,
            "/// The catalogue's files for `{lang}`, in name order.\npub(crate) const {}: &[(&str, &str)] = &[",
            lang.to_ascii_uppercase()
        );
        for file in files {
            let path = locales.join(lang).join(file);
            let _ = writeln!(
                out,
                "    ({file:?}, include_str!({:?})),",
                path.display().to_string()
            );
        }
        out.push_str("];\n\n");
    }
    out
}
