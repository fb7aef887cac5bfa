//! Finding the programme root and listing its input files.

use std::path::{Path, PathBuf};

use thiserror::Error;

/// The file that marks a programme root.
pub const MARKER: &str = "programme.yaml";

/// Why no programme could be found or listed.
#[derive(Debug, Error)]
pub enum ProjectError {
    /// `-C DIR` named a folder without `programme.yaml`.
    #[error("{0} holds no programme.yaml")]
    NotAProgramme(PathBuf),
    /// Neither the current folder nor `./programme/` holds a programme.
    #[error("no programme here: neither ./programme.yaml nor ./programme/programme.yaml exists")]
    NotFound,
    /// A folder could not be read.
    #[error("cannot read {path}")]
    Io {
        /// The folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

impl ProjectError {
    /// What the user can do about it.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            ProjectError::NotAProgramme(_) | ProjectError::NotFound => Some(
                "run `nko-draft init DIR` to start a programme, or pass its folder with -C DIR",
            ),
            ProjectError::Io { .. } => None,
        }
    }
}

/// Finds the programme root: `dir` when given (it must hold `programme.yaml`), else the
/// current folder if it holds one, else `./programme/`.
pub fn find_root(dir: Option<&Path>) -> Result<PathBuf, ProjectError> {
    if let Some(dir) = dir {
        return if dir.join(MARKER).is_file() {
            Ok(dir.to_path_buf())
        } else {
            Err(ProjectError::NotAProgramme(dir.to_path_buf()))
        };
    }
    let here = Path::new(".");
    if here.join(MARKER).is_file() {
        return Ok(here.to_path_buf());
    }
    let sub = Path::new("programme");
    if sub.join(MARKER).is_file() {
        return Ok(sub.to_path_buf());
    }
    Err(ProjectError::NotFound)
}

/// The YAML files of `cases/` and `steps/` under `root`, as paths relative to the root with `/`
/// separators, sorted by name. Files with other extensions are returned in `ignored`.
#[derive(Debug, Default)]
pub struct Listing {
    /// `cases/<stem>.yaml`, sorted.
    pub cases: Vec<String>,
    /// `steps/<stem>.yaml`, sorted.
    pub steps: Vec<String>,
    /// Files in `cases/` or `steps/` ending in `.yml`: a likely slip for `.yaml`, so reported.
    pub ignored: Vec<String>,
}

/// Lists the case and steps files of a root.
pub fn list(root: &Path) -> Result<Listing, ProjectError> {
    let mut listing = Listing::default();
    for (folder, out) in [("cases", &mut listing.cases), ("steps", &mut listing.steps)] {
        let path = root.join(folder);
        let entries = match std::fs::read_dir(&path) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(source) => return Err(ProjectError::Io { path, source }),
        };
        for entry in entries {
            let entry = entry.map_err(|source| ProjectError::Io {
                path: path.clone(),
                source,
            })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{folder}/{name}");
            // Whatever its type: the loader reads only regular files inside the programme,
            // and says what else a `.yaml` name is (a folder, a pipe, a link out).
            if name.ends_with(".yaml") {
                out.push(rel);
            } else if name.ends_with(".yml") && !entry.path().is_dir() {
                listing.ignored.push(rel);
            }
        }
        out.sort();
    }
    listing.ignored.sort();
    Ok(listing)
}

/// The stem of `cases/x.yaml`: `x`.
pub fn stem(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.strip_suffix(".yaml").unwrap_or(name)
}
