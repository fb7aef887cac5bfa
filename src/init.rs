//! `init`: a complete, commented skeleton of a programme that passes `check`.
//!
//! The skeleton is a set of built-in files (`templates/init/<locale>/`) with a few
//! placeholders for the title, region, session date and period. Nothing is overwritten: if any
//! target file exists, nothing is written.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::error::Failure;

use crate::locale::Locale;
use crate::model::Date;
use crate::yaml::emit;

/// What `init` needs to know.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The folder to create the programme in.
    pub dir: PathBuf,
    /// The full title; a default for the locale when absent.
    pub title: Option<String>,
    /// The region.
    pub region: Option<String>,
    /// Language of the skeleton and the output.
    pub locale: Locale,
    /// The session date; the period is the three following years.
    pub session_date: Date,
}

macro_rules! skeleton {
    ($locale:literal) => {
        [
            (
                "programme.yaml",
                include_str!(concat!("../templates/init/", $locale, "/programme.yaml")),
            ),
            (
                "session.yaml",
                include_str!(concat!("../templates/init/", $locale, "/session.yaml")),
            ),
            (
                "organisations.yaml",
                include_str!(concat!(
                    "../templates/init/",
                    $locale,
                    "/organisations.yaml"
                )),
            ),
            (
                "participants.yaml",
                include_str!(concat!("../templates/init/", $locale, "/participants.yaml")),
            ),
            (
                "indicators.yaml",
                include_str!(concat!("../templates/init/", $locale, "/indicators.yaml")),
            ),
            (
                "cases/competencies.yaml",
                include_str!(concat!(
                    "../templates/init/",
                    $locale,
                    "/cases/competencies.yaml"
                )),
            ),
            (
                "cases/partnership.yaml",
                include_str!(concat!(
                    "../templates/init/",
                    $locale,
                    "/cases/partnership.yaml"
                )),
            ),
            (
                "cases/openness.yaml",
                include_str!(concat!(
                    "../templates/init/",
                    $locale,
                    "/cases/openness.yaml"
                )),
            ),
            (
                "steps/competencies.yaml",
                include_str!(concat!(
                    "../templates/init/",
                    $locale,
                    "/steps/competencies.yaml"
                )),
            ),
            (
                "steps/partnership.yaml",
                include_str!(concat!(
                    "../templates/init/",
                    $locale,
                    "/steps/partnership.yaml"
                )),
            ),
            (
                "steps/openness.yaml",
                include_str!(concat!(
                    "../templates/init/",
                    $locale,
                    "/steps/openness.yaml"
                )),
            ),
        ]
    };
}

const RU: [(&str, &str); 11] = skeleton!("ru");
const EN: [(&str, &str); 11] = skeleton!("en");

/// The skeleton's files, relative path and text, with the placeholders filled in.
pub fn skeleton(opts: &InitOptions) -> Vec<(&'static str, String)> {
    let (files, default_title, region_comment) = match opts.locale {
        Locale::Ru => (
            &RU,
            "Программа по увеличению вклада некоммерческих организаций в социальное и культурное развитие региона",
            "# region: Курская область",
        ),
        Locale::En => (
            &EN,
            "Programme to increase the contribution of non-profit organisations to the social and cultural development of the region",
            "# region: Northfield Region",
        ),
    };
    let title = emit::scalar(opts.title.as_deref().unwrap_or(default_title), 0);
    let region = match &opts.region {
        Some(r) => format!("region: {}", emit::scalar(r, 0)),
        None => region_comment.to_owned(),
    };
    let year = opts.session_date.year;
    files
        .iter()
        .map(|(rel, text)| {
            let text = text
                .replace("@TITLE@", &title)
                .replace("@REGION@", &region)
                .replace("@DATE@", &opts.session_date.to_string())
                .replace("@BASEYEAR@", &year.to_string())
                .replace("@FROM@", &(year + 1).to_string())
                .replace("@Y2@", &(year + 2).to_string())
                .replace("@TO@", &(year + 3).to_string());
            (*rel, text)
        })
        .collect()
}

/// Writes the skeleton into `opts.dir`, creating folders; refuses if any file exists.
/// Returns the files written.
pub fn init(opts: &InitOptions) -> Result<Vec<PathBuf>> {
    let files = skeleton(opts);
    let existing: Vec<String> = files
        .iter()
        .map(|(rel, _)| opts.dir.join(rel))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(Failure::hinted(
            format!(
                "{} already holds programme files: {}",
                opts.dir.display(),
                existing.join(", ")
            ),
            "nothing was written; choose an empty or new folder",
        )
        .into());
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = opts.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        write_new(&path, &text)?;
        written.push(path);
    }
    Ok(written)
}

/// Creates `path` with `text`, failing if it exists (even if it appeared just now).
fn write_new(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    f.write_all(text.as_bytes())
        .and_then(|()| f.sync_all())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Today's date from the system clock (UTC).
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_epoch_days((secs / 86_400) as i64)
}
