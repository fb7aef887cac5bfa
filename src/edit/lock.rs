//! The programme lock: one writer at a time.
//!
//! Two people may add steps at the same moment. Each writer holds an exclusive advisory lock on
//! `<root>/.nko-draft.lock` from before it reads a file until after the new file is in place,
//! so the second one waits, then reads what the first wrote: nothing is lost. The lock file
//! stays, empty; the operating system releases the lock when the holder ends, even if it is
//! killed, so a crash never leaves the programme locked.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

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
        let path = root.join(LOCK_FILE);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("cannot open the lock file {}", path.display()))?;
        file.lock()
            .with_context(|| format!("cannot lock {}", path.display()))?;
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
        let dir = tempfile::tempdir().unwrap();
        let first = Lock::acquire(dir.path()).unwrap();
        assert!(first.path().ends_with(LOCK_FILE));
        let (tx, rx) = std::sync::mpsc::channel();
        let root = dir.path().to_path_buf();
        let waiter = std::thread::spawn(move || {
            let _second = Lock::acquire(&root).unwrap();
            tx.send(()).unwrap();
        });
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(
            rx.try_recv().is_err(),
            "the second lock was taken while held"
        );
        drop(first);
        rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
        waiter.join().unwrap();
    }
}
