//! Status lines on a terminal, for work that makes the user wait: the PDF being typeset, the
//! lock of another writer. They go to standard error only when it is a terminal (the binary
//! says so through [`crate::app::Env`]), so logs, pipes and CI see nothing of them. The
//! terminal is one for the whole process, and so is this switch.

use std::io::Write as _;
use std::sync::OnceLock;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::i18n::{Lang, Message};

/// The interface language of the status lines, set once when standard error is a terminal.
static TERMINAL: OnceLock<Lang> = OnceLock::new();

/// Turns the status lines on, in `lang`: standard error is a terminal.
pub(crate) fn enable(lang: Lang) {
    let _ = TERMINAL.set(lang);
}

/// Prints `message` as a line of its own on the terminal; nothing when there is none.
pub(crate) fn line(message: &Message) {
    if let Some(&lang) = TERMINAL.get() {
        let _ = writeln!(std::io::stderr().lock(), "{}", message.text(lang));
    }
}

/// A status line that appears once the work has taken `delay`, turns a spinner and counts the
/// seconds while it goes on, and is wiped when this is dropped (the work is done, or failed).
/// (Only the PDF takes that long: without PDF support nothing uses it.)
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
#[derive(Debug)]
pub(crate) struct Status {
    running: Option<(mpsc::Sender<()>, JoinHandle<()>)>,
}

#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
impl Status {
    /// Starts the clock for `message` (made with the seconds so far, as `seconds`).
    pub(crate) fn after(
        delay: Duration,
        message: impl Fn(u64) -> Message + Send + 'static,
    ) -> Status {
        let Some(&lang) = TERMINAL.get() else {
            return Status { running: None };
        };
        let (stop, stopped) = mpsc::channel::<()>();
        let started = Instant::now();
        let spinner = std::thread::spawn(move || {
            if stopped.recv_timeout(delay) != Err(RecvTimeoutError::Timeout) {
                return;
            }
            const FRAMES: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
            for frame in FRAMES.iter().cycle() {
                let text = message(started.elapsed().as_secs()).text(lang);
                let _ = write!(std::io::stderr().lock(), "\r\x1b[2K{frame} {text}");
                if stopped.recv_timeout(Duration::from_millis(100))
                    != Err(RecvTimeoutError::Timeout)
                {
                    break;
                }
            }
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        });
        Status {
            running: Some((stop, spinner)),
        }
    }
}

impl Drop for Status {
    fn drop(&mut self) {
        if let Some((stop, spinner)) = self.running.take() {
            let _ = stop.send(());
            let _ = spinner.join();
        }
    }
}
