//! `watch`: builds the programme, then rebuilds it whenever one of its files or templates
//! changes, until Ctrl-C. Each rebuild is `build` itself ([`crate::build::build`]): checked
//! first, written all or nothing, so a programme with errors keeps its previous outputs. With
//! `--serve` the outputs are also served over HTTP ([`serve`]), and the page reloads itself
//! after each rebuild.
//!
//! Events are debounced: a save is often several events (an editor writes a temporary file,
//! renames it, changes its permissions), so the rebuild waits until the programme has been
//! quiet for [`QUIET`] (at most [`BUSY`]). Events the build itself causes (its outputs, its
//! temporary files) and those of editors' scratch files are ignored, or every rebuild would
//! start the next one.

pub(crate) mod serve;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Result;
use notify::Watcher as _;

use crate::build::{self, BuildOptions, Built};
use crate::error::Failure;
use crate::model::Format;
use crate::{msg, project};

/// How long the programme must be quiet after a change before it is rebuilt.
pub(crate) const QUIET: Duration = Duration::from_millis(200);

/// The longest a rebuild waits for the programme to be quiet.
const BUSY: Duration = Duration::from_secs(2);

/// The formats `watch` rebuilds when `--format` names none: the fast ones. Typesetting the PDF
/// takes seconds, and the DOCX is for sending round, not for looking at while editing.
pub(crate) const DEFAULT_FORMATS: [Format; 2] = [Format::Md, Format::Html];

/// What to watch and build.
#[derive(Debug, Clone)]
pub(crate) struct WatchOptions {
    /// What each rebuild builds and where (without `formats`, [`DEFAULT_FORMATS`]).
    pub build: BuildOptions,
    /// Serve the outputs over HTTP at this address.
    pub serve: Option<SocketAddr>,
}

/// What [`watch`] reports to its caller, who prints it.
pub(crate) enum Event<'a> {
    /// Watching has started: the programme's root, and the address served, if any.
    Started {
        /// The programme's root.
        root: &'a Path,
        /// The address the outputs are served at.
        serving: Option<SocketAddr>,
    },
    /// A file changed (the first of the changes a rebuild answers).
    Changed(&'a Path),
    /// A build ended: what it found and wrote, or why it failed, and how long it took.
    Built(&'a Result<Built>, Duration),
}

/// Builds, then rebuilds on every change until `stop` is set (by Ctrl-C: see [`stop_flag`]).
/// `report` is told what happens. Fails only when watching cannot start: no programme, an
/// address that cannot be listened on, a folder that cannot be watched.
pub(crate) fn watch(
    opts: &WatchOptions,
    stop: &AtomicBool,
    report: &mut dyn FnMut(Event<'_>),
) -> Result<()> {
    let root = project::find_root(opts.build.dir.as_deref())?;
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    // The build finds the programme again, as `build` does, so that it names its files as
    // `build` names them; only the watcher needs the canonical root.
    let mut build_opts = opts.build.clone();
    if build_opts.formats.is_none() {
        build_opts.formats = Some(DEFAULT_FORMATS.to_vec());
    }
    let site = match opts.serve {
        Some(addr) => Some(serve::Site::start(addr)?),
        None => None,
    };
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        // The receiver is gone only when watching has ended.
        let _ = tx.send(event);
    })
    .and_then(|mut w| {
        w.watch(&root, notify::RecursiveMode::Recursive)?;
        Ok(w)
    })
    .map_err(|e| {
        Failure::hinted(
            msg!(
                CmdWatchCannotWatch,
                dir = root.display().to_string(),
                why = e.to_string()
            ),
            msg!(CmdWatchCannotWatchHint),
        )
    })?;
    report(Event::Started {
        root: &root,
        serving: site.as_ref().map(serve::Site::addr),
    });
    let mut ignore = Ignore::new(&root, build_opts.out.as_deref());
    let rebuild = |ignore: &mut Ignore, report: &mut dyn FnMut(Event<'_>)| {
        let started = Instant::now();
        let built = build::build(&build_opts);
        let took = started.elapsed();
        if let Ok(built) = &built {
            ignore.written(&built.written);
            if let Some(site) = &site
                && !built.written.is_empty()
            {
                site.publish(&built.written);
            }
        }
        report(Event::Built(&built, took));
    };
    rebuild(&mut ignore, report);
    // The first and the last change not yet built, once there is one.
    let mut pending: Option<(Instant, Instant)> = None;
    while !stop.load(Ordering::SeqCst) {
        let wait = match pending {
            Some((_, last)) => QUIET.saturating_sub(last.elapsed()),
            None => Duration::from_millis(100),
        };
        match rx.recv_timeout(wait.min(Duration::from_millis(100))) {
            Ok(Ok(event)) => {
                if let Some(path) = ignore.relevant(&event) {
                    if pending.is_none() {
                        report(Event::Changed(path));
                    }
                    let now = Instant::now();
                    pending = Some((pending.map_or(now, |(first, _)| first), now));
                }
            }
            // A watcher's error (an overflowing queue, a folder gone): rebuild to be sure.
            Ok(Err(_)) => {
                let now = Instant::now();
                pending = pending.or(Some((now, now)));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        // Quiet for a moment, or changing without a pause for too long (a file written
        // continuously): build what is there.
        if pending.is_some_and(|(first, last)| last.elapsed() >= QUIET || first.elapsed() >= BUSY) {
            pending = None;
            rebuild(&mut ignore, report);
        }
    }
    let _ = watcher.unwatch(&root);
    Ok(())
}

/// A flag that Ctrl-C (SIGINT) and SIGTERM set, so that `watch` ends between two builds and
/// the process exits with the code of the last one rather than being killed in a write. A
/// second signal while a build is still running (a PDF takes seconds) ends the process at
/// once, with exit code 130 as after an interrupt.
pub(crate) fn stop_flag() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // Without the handlers the signal still ends the process, only less tidily.
        let _ = signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(&stop));
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }
    stop
}

/// Which changes matter: every file under the root except the outputs (their folder when it
/// lies inside the programme), temporary files of nko-draft's own atomic writes, the lock of
/// `add-*`, git's folder and editors' scratch files.
struct Ignore {
    root: PathBuf,
    /// Output folders strictly inside the root.
    out_dirs: Vec<PathBuf>,
    /// The files the last build wrote.
    outputs: Vec<PathBuf>,
}

impl Ignore {
    fn new(root: &Path, out: Option<&Path>) -> Self {
        let mut ignore = Ignore {
            root: root.to_path_buf(),
            out_dirs: Vec::new(),
            outputs: Vec::new(),
        };
        if let Some(out) = out {
            ignore.out_dir(out);
        }
        ignore
    }

    fn out_dir(&mut self, dir: &Path) {
        let dir = absolute(dir);
        // An output folder that is the root or holds it (`--out .`, `--out ..`) is not ignored
        // as a whole: only the outputs in it are.
        if dir.starts_with(&self.root) && dir != self.root && !self.out_dirs.contains(&dir) {
            self.out_dirs.push(dir);
        }
    }

    fn written(&mut self, written: &[(PathBuf, usize)]) {
        self.outputs = written.iter().map(|(path, _)| absolute(path)).collect();
        for (path, _) in written {
            if let Some(dir) = path.parent() {
                self.out_dir(dir);
            }
        }
    }

    /// The first path of `event` that is part of the programme, if the event changes anything.
    fn relevant<'e>(&self, event: &'e notify::Event) -> Option<&'e Path> {
        use notify::EventKind;
        use notify::event::{MetadataKind, ModifyKind};
        match event.kind {
            // Reading a file (the build itself does) changes nothing.
            EventKind::Access(_)
            | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => {
                return None;
            }
            _ => {}
        }
        event
            .paths
            .iter()
            .map(PathBuf::as_path)
            .find(|path| self.matters(path))
    }

    fn matters(&self, path: &Path) -> bool {
        if self.out_dirs.iter().any(|dir| path.starts_with(dir))
            || self.outputs.iter().any(|out| out == path)
        {
            return false;
        }
        let inside = path.strip_prefix(&self.root).unwrap_or(path);
        if inside.components().any(|c| c.as_os_str() == ".git") {
            return false;
        }
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return true;
        };
        !scratch(name)
    }
}

/// Files no programme is made of: the lock of `add-*`, the temporary files of nko-draft's
/// atomic writes, and editors' scratch and backup files (Vim's `.x.swp` and its test file
/// `4913`, Emacs's `x~` and `.#x`).
fn scratch(name: &str) -> bool {
    name == crate::edit::lock::LOCK_FILE
        || (name.starts_with(".nko-draft-") && name.ends_with(".tmp"))
        || [".swp", ".swx", ".swo"].iter().any(|s| name.ends_with(s))
        || name.ends_with('~')
        || name.starts_with(".#")
        || name == "4913"
}

/// `path` from the root of the file system, through links where it exists (as the watcher
/// reports paths under the canonical root), else joined to the current folder.
fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::EventKind;
    use notify::event::{CreateKind, ModifyKind};

    fn event(kind: EventKind, path: &Path) -> notify::Event {
        notify::Event::new(kind).add_path(path.to_path_buf())
    }

    #[test]
    fn editors_scratch_files_and_nko_drafts_own_are_not_the_programme() {
        for name in [
            ".steps.yaml.swp",
            ".steps.yaml.swx",
            "steps.yaml~",
            ".#steps.yaml",
            "4913",
            ".nko-draft.lock",
            ".nko-draft-a1b2c3.tmp",
        ] {
            assert!(scratch(name), "{name}");
        }
        for name in ["steps.yaml", "programme.yaml", "page.html", "notes.md"] {
            assert!(!scratch(name), "{name}");
        }
    }

    #[test]
    fn the_outputs_and_reading_cause_no_rebuild() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(root.join("out")).unwrap();
        let mut ignore = Ignore::new(&root, None);
        ignore.written(&[(root.join("out/programme.md"), 1)]);
        let create = EventKind::Create(CreateKind::File);
        let write = EventKind::Modify(ModifyKind::Any);
        let yaml = root.join("steps/a.yaml");
        assert!(ignore.relevant(&event(write, &yaml)).is_some());
        assert!(
            ignore
                .relevant(&event(create, &root.join("templates/page.html")))
                .is_some()
        );
        let read = EventKind::Access(notify::event::AccessKind::Any);
        assert!(ignore.relevant(&event(read, &yaml)).is_none());
        assert!(
            ignore
                .relevant(&event(write, &root.join("out/programme.html")))
                .is_none()
        );
        assert!(
            ignore
                .relevant(&event(create, &root.join("out/.nko-draft-x.tmp")))
                .is_none()
        );
        assert!(
            ignore
                .relevant(&event(write, &root.join(".git/index")))
                .is_none()
        );
        assert!(
            ignore
                .relevant(&event(write, &root.join("steps/.a.yaml.swp")))
                .is_none()
        );
    }

    #[test]
    fn an_output_folder_that_holds_the_programme_ignores_only_the_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let mut ignore = Ignore::new(&root, Some(&root));
        ignore.written(&[(root.join("programme.md"), 1)]);
        let write = EventKind::Modify(ModifyKind::Any);
        assert!(
            ignore
                .relevant(&event(write, &root.join("programme.md")))
                .is_none()
        );
        assert!(
            ignore
                .relevant(&event(write, &root.join("programme.yaml")))
                .is_some()
        );
        let parent = root.parent().unwrap();
        let ignore = Ignore::new(&root, Some(parent));
        assert!(
            ignore
                .relevant(&event(write, &root.join("session.yaml")))
                .is_some()
        );
    }
}
