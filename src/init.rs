//! `init`: a complete, commented skeleton of a programme that passes `check`.
//!
//! The skeleton is a set of built-in files (`templates/init/<locale>/`) with a few
//! placeholders for the title, region, session date and period. Nothing is overwritten and
//! nothing is written through a link: every target path is checked before the first write, and
//! a run that fails mid-way removes what it created.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::{Failing, Failure};
use crate::i18n::Message;
use crate::locale::Locale;
use crate::model::Date;
use crate::msg;
use crate::project::MARKER;
use crate::yaml::emit;

/// What `init` needs to know.
#[derive(Debug, Clone)]
pub(crate) struct InitOptions {
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
pub(crate) fn skeleton(opts: &InitOptions) -> Vec<(&'static str, String)> {
    let (files, default_title, region_comment) = match opts.locale {
        Locale::Ru => (
            &RU,
            "Программа по увеличению вклада некоммерческих организаций в социальное и культурное развитие региона",
            "# region: название региона",
        ),
        Locale::En => (
            &EN,
            "Programme to increase the contribution of non-profit organisations to the social and cultural development of the region",
            "# region: name of the region",
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
            // The first line points an editor (VS Code's YAML extension) at the file's schema.
            let text = match crate::schema::SchemaFile::for_input(rel) {
                Some(schema) => format!("{}\n{text}", schema.modeline(rel)),
                None => text,
            };
            (*rel, text)
        })
        .chain(
            crate::schema::SchemaFile::ALL
                .iter()
                .map(|file| (file.path_in_programme(), file.generate(opts.locale))),
        )
        .collect()
}

/// The folder `init` writes to, relative to `cwd`: `given`, else `programme`. Refused when
/// nothing is given and `cwd` is itself a programme: the default would nest a second programme
/// inside it.
pub(crate) fn target(given: Option<PathBuf>, cwd: &Path) -> Result<PathBuf, Failure> {
    if let Some(dir) = given {
        return Ok(dir);
    }
    if cwd.join(MARKER).exists() {
        return Err(Failure::hinted(
            msg!(CmdInitHereIsAProgramme, marker = MARKER),
            msg!(CmdInitHereIsAProgrammeHint),
        ));
    }
    Ok(PathBuf::from("programme"))
}

/// Why `init` cannot write at a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Taken {
    /// Something already exists there.
    Exists,
    /// A symbolic link is there; `init` never writes through one.
    Link,
    /// A file is where a folder is needed.
    NotAFolder,
}

impl Taken {
    /// Why something that is not a folder is in the way of one.
    fn of_folder(meta: &std::fs::Metadata) -> Taken {
        if meta.file_type().is_symlink() {
            Taken::Link
        } else {
            Taken::NotAFolder
        }
    }

    fn describe(self) -> Message {
        match self {
            Taken::Exists => msg!(CmdInitTakenExists),
            Taken::Link => msg!(CmdInitTakenLink),
            Taken::NotAFolder => msg!(CmdInitTakenNotAFolder),
        }
    }
}

/// What `init` will create, decided before anything is written.
#[derive(Debug)]
struct Plan {
    /// Folders to create, each after its parent.
    dirs: Vec<PathBuf>,
    /// Files to create, with their text.
    files: Vec<(PathBuf, String)>,
}

/// How a path is now, without following a link at its last component; `None` when nothing is
/// there (a file in place of one of its folders is found when the ancestors are probed).
fn probe(path: &Path) -> Result<Option<std::fs::Metadata>> {
    use std::io::ErrorKind;
    match std::fs::symlink_metadata(path) {
        Ok(meta) => Ok(Some(meta)),
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => Ok(None),
        Err(e) => Err(
            Failure::new(msg!(ErrCannotRead, path = path.display().to_string()))
                .because(e)
                .into(),
        ),
    }
}

/// The plan for writing `files` into `dir`, or every path in the way. The target folder itself
/// may be a link to a folder (the user named it); nothing below it may be a link.
fn plan(dir: &Path, files: Vec<(&'static str, String)>) -> Result<Plan> {
    let mut taken: Vec<(PathBuf, Taken)> = Vec::new();
    let mut dirs: Vec<PathBuf> = Vec::new();
    match probe(dir)? {
        Some(meta) if meta.is_dir() => {}
        // The target may be a link to a folder; any other link or file is in the way.
        Some(meta) if meta.file_type().is_symlink() && dir.is_dir() => {}
        Some(meta) => taken.push((dir.to_path_buf(), Taken::of_folder(&meta))),
        None => {
            // The target and its missing ancestors, up to the nearest that exists.
            let mut missing = vec![dir.to_path_buf()];
            let mut up = dir.parent();
            while let Some(parent) = up.filter(|p| !p.as_os_str().is_empty()) {
                match probe(parent)? {
                    None => missing.push(parent.to_path_buf()),
                    Some(_) if parent.is_dir() => break,
                    Some(meta) => {
                        taken.push((parent.to_path_buf(), Taken::of_folder(&meta)));
                        break;
                    }
                }
                up = parent.parent();
            }
            dirs.extend(missing.into_iter().rev());
        }
    }
    if !taken.is_empty() {
        return Err(refusal(dir, &taken));
    }
    let fresh = !dirs.is_empty();
    let mut blocked: Vec<PathBuf> = Vec::new();
    let mut planned = Vec::with_capacity(files.len());
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent().filter(|p| *p != dir) {
            if blocked.iter().any(|b| b == parent) {
                continue;
            }
            if !dirs.iter().any(|d| d == parent) {
                match if fresh { None } else { probe(parent)? } {
                    None => dirs.push(parent.to_path_buf()),
                    Some(meta) if meta.is_dir() => {}
                    Some(meta) => {
                        taken.push((parent.to_path_buf(), Taken::of_folder(&meta)));
                        blocked.push(parent.to_path_buf());
                        continue;
                    }
                }
            }
        }
        let created = dirs.iter().any(|d| Some(d.as_path()) == path.parent());
        if !fresh
            && !created
            && let Some(meta) = probe(&path)?
        {
            let why = if meta.file_type().is_symlink() {
                Taken::Link
            } else {
                Taken::Exists
            };
            taken.push((path.clone(), why));
        }
        planned.push((path, text));
    }
    if taken.is_empty() {
        Ok(Plan {
            dirs,
            files: planned,
        })
    } else {
        Err(refusal(dir, &taken))
    }
}

/// Why nothing was written into `dir`: it is a programme already, or these paths are in the way.
fn refusal(dir: &Path, taken: &[(PathBuf, Taken)]) -> anyhow::Error {
    if dir.join(MARKER).is_file() {
        let dir = dir.display().to_string();
        return Failure::hinted(
            msg!(CmdInitIsAProgramme, dir = dir.clone(), marker = MARKER),
            msg!(CmdInitIsAProgrammeHint, dir = dir),
        )
        .into();
    }
    let mut failure = Failure::hinted(
        msg!(CmdInitInTheWay, dir = dir.display().to_string()),
        msg!(CmdInitInTheWayHint),
    );
    for (path, why) in taken {
        failure = failure.with_detail(msg!(
            CmdInitTaken,
            path = path.display().to_string(),
            why = why.describe()
        ));
    }
    failure.into()
}

/// Writes the skeleton into `opts.dir`, creating folders. Everything is checked first: if any
/// target path exists or is a link, nothing is written; if writing fails mid-way, what this
/// run created is removed. Returns the files written.
pub(crate) fn init(opts: &InitOptions) -> Result<Vec<PathBuf>> {
    let plan = plan(&opts.dir, skeleton(opts))?;
    carry_out(&plan, &mut write_new)
}

/// Creates the plan's folders and files with `write`; on a failure removes what it created,
/// so a failed run leaves the folder as it found it.
fn carry_out(
    plan: &Plan,
    write: &mut dyn FnMut(&Path, &str) -> std::io::Result<()>,
) -> Result<Vec<PathBuf>> {
    let mut dirs: Vec<&Path> = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    let outcome = (|| -> Result<()> {
        for dir in &plan.dirs {
            std::fs::create_dir(dir)
                .failing(|| msg!(ErrCannotCreate, path = dir.display().to_string()))?;
            dirs.push(dir);
        }
        for (path, text) in &plan.files {
            write(path, text)
                .failing(|| msg!(ErrCannotWrite, path = path.display().to_string()))?;
            files.push(path.clone());
        }
        Ok(())
    })();
    let Err(err) = outcome else {
        return Ok(files);
    };
    let mut left: Vec<String> = Vec::new();
    for file in files.iter().rev() {
        if std::fs::remove_file(file).is_err() {
            left.push(file.display().to_string());
        }
    }
    for dir in dirs.iter().rev() {
        if std::fs::remove_dir(dir).is_err() {
            left.push(dir.display().to_string());
        }
    }
    let hint = if left.is_empty() {
        msg!(CmdInitNothingLeft)
    } else {
        msg!(CmdInitLeftBehind, paths = left.join(", "))
    };
    Err(Failure::hinted(msg!(CmdInitHalfWay), hint)
        .because(err)
        .into())
}

/// Creates `path` with `text`, failing if anything is there, a link included (even if it
/// appeared just now).
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(dir: &Path) -> InitOptions {
        InitOptions {
            dir: dir.to_path_buf(),
            title: None,
            region: None,
            locale: Locale::Ru,
            session_date: Date::parse("2026-11-28").expect("a date"),
        }
    }

    /// Every path under `dir`, relative, sorted.
    fn paths(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).expect("readable") {
                let path = e.expect("an entry").path();
                out.push(
                    path.strip_prefix(dir)
                        .expect("under dir")
                        .display()
                        .to_string(),
                );
                if path.is_dir() {
                    stack.push(path);
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn the_default_target_is_refused_inside_a_programme() {
        let tmp = tempfile::tempdir().expect("tmp");
        assert_eq!(
            target(None, tmp.path()).expect("not a programme"),
            PathBuf::from("programme")
        );
        std::fs::write(tmp.path().join(MARKER), "title: x\n").expect("write");
        let err = target(None, tmp.path()).expect_err("a programme");
        assert!(err.message.en().contains("already a programme"), "{err}");
        assert!(
            err.hint
                .is_some_and(|h| h.en().contains("nko-draft init ../"))
        );
        assert_eq!(
            target(Some(PathBuf::from("x")), tmp.path()).expect("given"),
            PathBuf::from("x")
        );
    }

    #[test]
    fn missing_folders_are_planned_parents_first() {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = tmp.path().join("a").join("b");
        let plan = plan(&dir, skeleton(&opts(&dir))).expect("a plan");
        assert_eq!(
            plan.dirs,
            vec![
                tmp.path().join("a"),
                dir.clone(),
                dir.join("cases"),
                dir.join("steps"),
                dir.join(".schema")
            ]
        );
        // The eleven input files and the seven schemas.
        assert_eq!(plan.files.len(), 18);
    }

    #[test]
    fn a_failure_mid_way_removes_what_this_run_created() {
        let tmp = tempfile::tempdir().expect("tmp");
        // A folder the run did not create, with a file of the user's: both must stay.
        std::fs::create_dir(tmp.path().join("new")).expect("mkdir");
        std::fs::create_dir(tmp.path().join("new/cases")).expect("mkdir");
        std::fs::write(tmp.path().join("new/cases/notes.txt"), "mine").expect("write");
        let before = paths(tmp.path());
        let dir = tmp.path().join("new");
        let plan = plan(&dir, skeleton(&opts(&dir))).expect("a plan");
        let mut count = 0;
        let mut failing = |path: &Path, text: &str| {
            count += 1;
            if count == 9 {
                Err(std::io::Error::other("disk full"))
            } else {
                write_new(path, text)
            }
        };
        let err = carry_out(&plan, &mut failing).expect_err("the 9th write fails");
        assert_eq!(count, 9);
        assert_eq!(paths(tmp.path()), before, "the run left files behind");
        let hint = crate::error::hint(&err).expect("a hint");
        assert!(hint.en().contains("nothing was left behind"), "{hint}");
        assert!(format!("{err:#}").contains("disk full"), "{err:#}");
        assert!(err.to_string().contains("init stopped half-way"), "{err}");
    }
}
