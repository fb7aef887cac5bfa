//! The programme lock: one writer at a time.
//!
//! Two people may add steps at the same moment. Each writer holds an exclusive advisory lock on
//! `<root>/.nko-draft.lock` from before it reads a file until after the new file is in place,
//! so the second one waits, then reads what the first wrote: nothing is lost. The lock file
//! stays, empty; the operating system releases the lock when the holder ends, even if it is
//! killed, so a crash never leaves the programme locked.
//!
//! The lock file is part of a programme that may not be the user's own: a link there may lead
//! only to a file inside the programme, and it must be a regular file (a FIFO would make the
//! open wait forever for a reader).

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::atomic::resolve_inside;
use crate::error::{Failing, Failure};
use crate::msg;

/// The lock file's name in the programme root.
pub const LOCK_FILE: &str = ".nko-draft.lock";

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    /// Waits until no other writer holds the lock of the programme at `root`, then takes it.
    pub fn acquire(root: &Path) -> Result<Lock> {
        let hint = msg!(ErrLockHint, file = LOCK_FILE);
        let path = resolve_inside(root, LOCK_FILE).map_err(|d| {
            Failure::hinted(
                msg!(
                    ErrLockOutside,
                    root = root.display().to_string(),
                    why = d.message
                ),
                hint.clone(),
            )
        })?;
        let mut options = File::options();
        options.create(true).truncate(false).write(true);
        // Never follow a link swapped in since it was resolved, and never wait on a FIFO.
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let not_regular = || {
            anyhow::Error::new(Failure::hinted(
                msg!(ErrLockNotRegular, path = path.display().to_string()),
                hint.clone(),
            ))
        };
        if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
            return Err(not_regular());
        }
        let file = options
            .open(&path)
            .failing(|| msg!(ErrLockCannotOpen, path = path.display().to_string()))?;
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            return Err(not_regular());
        }
        let cannot = || msg!(ErrLockCannotLock, path = path.display().to_string());
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                // Another writer is at work: say why nothing happens, then wait for it.
                crate::progress::line(&msg!(ProgressLockWait, file = LOCK_FILE));
                file.lock().failing(cannot)?;
            }
            Err(std::fs::TryLockError::Error(e)) => Err::<(), _>(e).failing(cannot)?,
        }
        Ok(Lock { file, path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Closing the file releases the lock too; unlocking first makes it explicit.
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_waits_for_the_first() {
        use std::sync::mpsc::channel;
        use std::time::{Duration, Instant};
        let dir = tempfile::tempdir().unwrap();
        let first = Lock::acquire(dir.path()).unwrap();
        assert!(first.path().ends_with(LOCK_FILE));
        let (started_tx, started) = channel();
        let (locked_tx, locked) = channel();
        let root = dir.path().to_path_buf();
        let waiter = std::thread::spawn(move || {
            started_tx.send(()).unwrap();
            let _second = Lock::acquire(&root).unwrap();
            locked_tx.send(Instant::now()).unwrap();
        });
        // The waiter is running and about to ask for the lock: give it time to take it if the
        // lock did not hold, then check it has not.
        started
            .recv_timeout(Duration::from_secs(10))
            .expect("the waiting thread never ran");
        std::thread::sleep(Duration::from_millis(200));
        assert!(
            locked.try_recv().is_err(),
            "the second lock was taken while held"
        );
        let released = Instant::now();
        drop(first);
        let taken = locked
            .recv_timeout(Duration::from_secs(10))
            .expect("the second writer never got the lock after it was released");
        assert!(taken >= released, "taken before the first was released");
        waiter.join().unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_out_or_not_a_file_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("programme");
        std::fs::create_dir(&root).unwrap();
        let lock = root.join(LOCK_FILE);
        // A link out of the programme: an error naming it, and its target is not created.
        let victim = tmp.path().join("victim");
        std::os::unix::fs::symlink(&victim, &lock).unwrap();
        let e = Lock::acquire(&root).unwrap_err().to_string();
        assert!(e.contains("leads outside the programme folder"), "{e}");
        assert!(e.contains(LOCK_FILE), "{e}");
        assert!(!victim.exists());
        // A link to a file inside the programme is fine.
        std::fs::remove_file(&lock).unwrap();
        std::fs::write(root.join("real.lock"), "").unwrap();
        std::os::unix::fs::symlink("real.lock", &lock).unwrap();
        let held = Lock::acquire(&root).unwrap();
        assert!(held.path().ends_with("real.lock"));
        drop(held);
        // A FIFO is an error at once, not a wait for a reader that never comes.
        std::fs::remove_file(&lock).unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(&lock)
            .status()
            .unwrap();
        assert!(status.success());
        let (tx, rx) = std::sync::mpsc::channel();
        let r = root.clone();
        std::thread::spawn(move || tx.send(Lock::acquire(&r).map(drop).map_err(|e| e.to_string())));
        let e = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("acquire returns")
            .unwrap_err();
        assert!(e.contains("is not a regular file"), "{e}");
    }
}
