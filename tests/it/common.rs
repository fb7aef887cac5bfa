//! Helpers shared by the integration tests: fixture programmes copied into temporary folders,
//! and the real `nko-draft` binary run on them.
//!
//! # Fixtures
//!
//! - `tests/fixtures/valid/base/` is a small but complete valid programme: every file of the
//!   input format, two cases and their steps, all SMART, so `check --strict` passes without a
//!   warning.
//! - `tests/fixtures/invalid/<case>/` is that programme with one thing broken. The folder holds
//!   **only the files that differ from base**, at their paths relative to the programme root
//!   (`steps/training.yaml`). [`Project::case`] copies base, then copies the case's files over
//!   the copy. A file named `<name>.delete` (its content does not matter) means "remove `<name>`
//!   from the copy": `missing-session/session.yaml.delete` deletes `session.yaml`.
//!
//! Inputs that are big or binary (a 50 MB file, random bytes, an alias bomb) are not committed:
//! the tests write them into the copy with [`Project::write`].
//!
//! # Running
//!
//! The copy is made at `<tmp>/programme/`, and the binary runs with `<tmp>` as its current
//! folder and `-C programme`, so every path it prints is relative and snapshots never hold a
//! temporary path; [`Run`] also replaces any temporary path that slips through with `[TMP]`.
//! Colour is off (`NO_COLOR=1` and `--color never`).

#![allow(dead_code)] // each test module uses a different part

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// The name of the programme folder inside a [`Project`]'s temporary folder.
pub(crate) const PROGRAMME: &str = "programme";

/// Longest any single run may take before it is killed (a hang must not stall the suite).
const TIMEOUT: Duration = Duration::from_secs(120);

/// The root of the repository.
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/`.
pub(crate) fn fixtures() -> PathBuf {
    repo().join("tests").join("fixtures")
}

/// `tests/fixtures/valid/base/`.
pub(crate) fn base_dir() -> PathBuf {
    fixtures().join("valid").join("base")
}

/// `tests/fixtures/invalid/`.
pub(crate) fn invalid_dir() -> PathBuf {
    fixtures().join("invalid")
}

/// The names of the folders of `tests/fixtures/invalid/`, sorted.
pub(crate) fn invalid_cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(invalid_dir())
        .expect("tests/fixtures/invalid/ is readable")
        .map(|e| e.expect("a directory entry"))
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().into_string().expect("a UTF-8 fixture name"))
        .collect();
    names.sort();
    names
}

/// Copies the folder `src` into `dst` (created if missing), recursively.
pub(crate) fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap_or_else(|e| panic!("create {}: {e}", dst.display()));
    for entry in std::fs::read_dir(src).unwrap_or_else(|e| panic!("read {}: {e}", src.display())) {
        let entry = entry.expect("a directory entry");
        let to = dst.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to);
        } else {
            std::fs::copy(entry.path(), &to)
                .unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

/// Applies the case folder `case` to the programme at `dst`: every file is copied over (folders
/// created as needed), except `<name>.delete`, which removes `<name>`.
pub(crate) fn overlay(case: &Path, dst: &Path) {
    let entries =
        std::fs::read_dir(case).unwrap_or_else(|e| panic!("read {}: {e}", case.display()));
    for entry in entries {
        let entry = entry.expect("a directory entry");
        let name = entry.file_name().into_string().expect("a UTF-8 file name");
        if entry.path().is_dir() {
            overlay(&entry.path(), &dst.join(&name));
        } else if let Some(target) = name.strip_suffix(".delete") {
            let target = dst.join(target);
            std::fs::remove_file(&target)
                .unwrap_or_else(|e| panic!("{}: cannot delete it: {e}", target.display()));
        } else {
            std::fs::create_dir_all(dst).expect("create a folder of the copy");
            std::fs::copy(entry.path(), dst.join(&name))
                .unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

/// What one run of the binary did.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    /// The exit code; -1 when the process was killed by a signal (a crash).
    pub code: i32,
    /// Standard output, temporary paths redacted.
    pub stdout: String,
    /// Standard error, temporary paths redacted.
    pub stderr: String,
    /// How long it took.
    pub elapsed: Duration,
}

impl Run {
    /// The exit code and standard error as one text, for snapshots; standard output too when
    /// there is any.
    pub(crate) fn report(&self) -> String {
        let mut s = format!("exit code: {}\n", self.code);
        if !self.stdout.is_empty() {
            let _ = write!(s, "--- stdout\n{}", self.stdout);
        }
        let _ = write!(s, "--- stderr\n{}", self.stderr);
        s
    }

    /// Panics unless the process exited by itself (no signal) without a Rust panic.
    pub(crate) fn assert_no_crash(&self, what: &str) {
        assert!(
            self.code >= 0 && !self.stderr.contains("panicked"),
            "{what}: the binary crashed or panicked:\n{}",
            self.report()
        );
    }
}

/// Runs `nko-draft --color never ARGS` in `cwd` with `NO_COLOR=1`, replacing `redact` (and its
/// canonical form) with `[TMP]` in the output.
pub(crate) fn run_in(cwd: &Path, args: &[&str], redact: Option<&Path>) -> Run {
    let mut all = vec!["--color", "never"];
    all.extend_from_slice(args);
    run_raw(cwd, &all, redact)
}

/// Runs `nko-draft ARGS` in `cwd` with `NO_COLOR=1` but without `--color never`, in an
/// English locale (`LANG=C`).
pub(crate) fn run_raw(cwd: &Path, args: &[&str], redact: Option<&Path>) -> Run {
    run_env(cwd, args, &[("LANG", "C")], redact)
}

/// The variables that choose the interface language, all unset for a test's run unless given.
pub(crate) const LANGUAGE_VARIABLES: [&str; 4] =
    ["NKO_DRAFT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

/// Runs `nko-draft ARGS` in `cwd` with `NO_COLOR=1`, the language variables unset and `env`
/// set.
pub(crate) fn run_env(
    cwd: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    redact: Option<&Path>,
) -> Run {
    let mut cmd = assert_cmd::Command::cargo_bin("nko-draft").expect("the nko-draft binary");
    cmd.current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    for var in LANGUAGE_VARIABLES {
        cmd.env_remove(var);
    }
    for (var, value) in env {
        cmd.env(var, value);
    }
    cmd.args(args).timeout(TIMEOUT);
    let start = Instant::now();
    let out = cmd.output().expect("the binary runs");
    let elapsed = start.elapsed();
    let clean = |bytes: &[u8]| {
        let mut text = String::from_utf8_lossy(bytes).into_owned();
        if let Some(dir) = redact {
            let mut forms = vec![dir.display().to_string()];
            if let Ok(canonical) = dir.canonicalize() {
                forms.push(canonical.display().to_string());
            }
            // Longest first, so a canonical path that extends the other is replaced whole.
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
            for form in forms {
                text = text.replace(&form, "[TMP]");
            }
        }
        text
    };
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: clean(&out.stdout),
        stderr: clean(&out.stderr),
        elapsed,
    }
}

/// A programme copied into a temporary folder, at `<tmp>/programme/`. The folder is removed
/// when this is dropped.
pub(crate) struct Project {
    tmp: TempDir,
}

impl Project {
    /// An empty temporary folder (no programme in it).
    pub(crate) fn empty() -> Project {
        Project {
            tmp: tempfile::Builder::new()
                .prefix("nko-draft-it-")
                .tempdir()
                .expect("a temporary folder"),
        }
    }

    /// A copy of the valid base programme.
    pub(crate) fn base() -> Project {
        let p = Project::empty();
        copy_dir(&base_dir(), &p.root());
        p
    }

    /// A copy of a programme folder of the repository (`programme`, `examples/english`).
    pub(crate) fn repo_copy(rel: &str) -> Project {
        let p = Project::empty();
        copy_dir(&repo().join(rel), &p.root());
        p
    }

    /// A copy of base with the invalid fixture `name` applied.
    pub(crate) fn case(name: &str) -> Project {
        let p = Project::base();
        p.apply(name);
        p
    }

    /// Applies one more invalid fixture to this copy.
    pub(crate) fn apply(&self, name: &str) {
        let dir = invalid_dir().join(name);
        assert!(dir.is_dir(), "no fixture folder {}", dir.display());
        overlay(&dir, &self.root());
    }

    /// The temporary folder (the binary's current folder).
    pub(crate) fn tmp(&self) -> &Path {
        self.tmp.path()
    }

    /// The programme root: `<tmp>/programme`.
    pub(crate) fn root(&self) -> PathBuf {
        self.tmp.path().join(PROGRAMME)
    }

    /// Writes `bytes` to the file `rel` of the programme, creating folders.
    pub(crate) fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.root().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create a folder");
        }
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }

    /// Replaces `from` with `to` in the file `rel` of the programme; panics when `from` is not
    /// there, so a test never passes on an edit that did not happen.
    pub(crate) fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.root().join(rel);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        assert!(text.contains(from), "{rel} holds no {from:?}");
        self.write(rel, text.replacen(from, to, 1));
    }

    /// Runs `nko-draft -C programme ARGS` from the temporary folder.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        let mut all = vec!["-C", PROGRAMME];
        all.extend_from_slice(args);
        run_in(self.tmp(), &all, Some(self.tmp()))
    }

    /// Runs `nko-draft -C programme check ARGS` from the temporary folder.
    pub(crate) fn check(&self, args: &[&str]) -> Run {
        let mut all = vec!["check"];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// Runs `nko-draft ARGS` (no `-C`) with `cwd` relative to the temporary folder.
    pub(crate) fn run_from(&self, cwd: &str, args: &[&str]) -> Run {
        run_in(&self.tmp().join(cwd), args, Some(self.tmp()))
    }
}

/// Every file under `dir` with its bytes, by path relative to `dir` with `/`, sorted.
pub(crate) fn snapshot_tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("a readable folder")
            .map(|e| e.expect("a directory entry"))
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let name = format!("{prefix}{}", e.file_name().to_string_lossy());
            if e.path().is_dir() {
                walk(&e.path(), &format!("{name}/"), out);
            } else {
                out.push((name, std::fs::read(e.path()).expect("a readable file")));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out
}
