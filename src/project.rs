//! Finding the programme root and listing its input files.

use std::path::{Path, PathBuf};

use thiserror::Error;

/// The file that marks a programme root.
pub(crate) const MARKER: &str = "programme.yaml";

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
pub(crate) fn find_root(dir: Option<&Path>) -> Result<PathBuf, ProjectError> {
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
pub(crate) struct Listing {
    /// `cases/<stem>.yaml`, sorted.
    pub cases: Vec<String>,
    /// `steps/<stem>.yaml`, sorted.
    pub steps: Vec<String>,
    /// Files in `cases/` or `steps/` ending in `.yml`: a likely slip for `.yaml`, so reported.
    pub ignored: Vec<String>,
}

/// Lists the case and steps files of a root.
pub(crate) fn list(root: &Path) -> Result<Listing, ProjectError> {
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
pub(crate) fn stem(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.strip_suffix(".yaml").unwrap_or(name)
}

/// Whether `dir`, a folder named in the programme itself, would lead out of the programme root
/// (absolute, or climbing above the root with `..`). A folder typed on the command line may
/// point anywhere; one set in a programme must not, as the programme may come from someone
/// else (a pull request that CI builds).
pub(crate) fn leads_outside_root(dir: &str) -> bool {
    use std::path::Component;
    let mut depth = 0usize;
    // `\` separates folders on Windows: treat it the same everywhere, so a programme behaves
    // alike on every system.
    let unified = dir.replace('\\', "/");
    let path = Path::new(&unified);
    path.components().any(|c| match c {
        Component::Prefix(_) | Component::RootDir => true,
        Component::ParentDir => match depth.checked_sub(1) {
            Some(d) => {
                depth = d;
                false
            }
            None => true,
        },
        Component::Normal(_) => {
            depth += 1;
            false
        }
        Component::CurDir => false,
    }) || unified.get(1..2) == Some(":")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_outside_the_root_are_recognised() {
        for inside in ["out", "./out", "a/../out", "docs/site", "a/b/../../c"] {
            assert!(!leads_outside_root(inside), "{inside}");
        }
        for outside in [
            "../victim",
            "../../victim",
            "/tmp/x",
            "a/../../x",
            "C:\\x",
            "\\\\server\\share",
            "..",
        ] {
            assert!(leads_outside_root(outside), "{outside}");
        }
    }
}
