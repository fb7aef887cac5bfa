//! Errors that stop a command (as opposed to findings about the input, which are data), with
//! an optional hint that `main` prints after the message.
//!
//! Every line of a failure is in the interface language: a [`Failure`] carries a [`Message`]
//! and, as its cause, the error it comes from (another `Failure`, or an [`std::io::Error`],
//! whose kind is put into words by [`io`]); [`text`] renders each link of the chain.

use std::error::Error;
use std::fmt;

use crate::diagnostic::Diagnostic;
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::project::ProjectError;

/// A failure with a message for the user and, where a fix is known, a hint.
#[derive(Debug)]
pub struct Failure {
    /// What went wrong.
    pub message: Message,
    /// What to do about it.
    pub hint: Option<Message>,
    /// The error this one comes from, printed as `caused by: …`.
    pub cause: Option<Box<dyn Error + Send + Sync + 'static>>,
    /// A finding printed after the message, with the line it points at (a template error).
    pub report: Option<Box<(Diagnostic, String)>>,
    /// Lines printed under the message, indented (the paths in the way of `init`).
    pub details: Vec<Message>,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl Error for Failure {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.cause.as_deref().map(|e| e as &(dyn Error + 'static))
    }
}

impl Failure {
    /// A failure without a hint.
    pub fn new(message: Message) -> Self {
        Failure {
            message,
            hint: None,
            cause: None,
            report: None,
            details: Vec::new(),
        }
    }

    /// A failure with a hint.
    pub fn hinted(message: impl Into<Message>, hint: impl Into<Message>) -> Self {
        Failure::new(message.into()).with_hint(hint.into())
    }

    /// The same failure with a hint.
    pub fn with_hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The same failure, caused by `cause` (printed on the next line, `caused by: …`).
    pub fn because(mut self, cause: impl Into<Box<dyn Error + Send + Sync + 'static>>) -> Self {
        self.cause = Some(cause.into());
        self
    }

    /// The same failure, followed by `finding` quoting the line of `source` it points at.
    pub(crate) fn with_report(mut self, finding: Diagnostic, source: String) -> Self {
        self.report = Some(Box::new((finding, source)));
        self
    }

    /// The same failure with `line` printed under it, indented.
    pub(crate) fn with_detail(mut self, line: Message) -> Self {
        self.details.push(line);
        self
    }

    /// The failure's own text in `lang` (without its cause).
    fn text(&self, lang: Lang) -> String {
        let mut message = self.message.text(lang);
        for line in &self.details {
            message.push_str("\n  ");
            message.push_str(&line.text(lang));
        }
        let Some(report) = &self.report else {
            return message;
        };
        let (finding, source) = &**report;
        let index = crate::diagnostic::LineIndex::default();
        let source = crate::diagnostic::SourceText::new(source, &index);
        let shown = crate::diagnostic::render_human(finding, Some(source), false, lang);
        format!("{message}: {}", shown.trim_end())
    }
}

/// Turns the error of a fallible call into a [`Failure`] that says what was being done:
/// `std::fs::read(p).failing(|| msg!(ErrCannotRead, path = …))?`. The original error is kept
/// as the cause.
pub(crate) trait Failing<T> {
    /// The error as the cause of a failure with `message`.
    fn failing(self, message: impl FnOnce() -> Message) -> Result<T, Failure>;
}

impl<T, E: Into<Box<dyn Error + Send + Sync + 'static>>> Failing<T> for Result<T, E> {
    fn failing(self, message: impl FnOnce() -> Message) -> Result<T, Failure> {
        self.map_err(|e| Failure::new(message()).because(e))
    }
}

/// What an I/O error means, in words of the catalogue for the kinds people meet (a missing
/// file, no permission, a full disk, …); the operating system's own (English) text for the
/// others.
pub(crate) fn io(err: &std::io::Error) -> Message {
    use std::io::ErrorKind as K;
    match err.kind() {
        K::NotFound => msg!(ErrIoNotFound),
        K::PermissionDenied => msg!(ErrIoPermissionDenied),
        K::AlreadyExists => msg!(ErrIoAlreadyExists),
        K::StorageFull => msg!(ErrIoStorageFull),
        K::QuotaExceeded => msg!(ErrIoQuotaExceeded),
        K::ReadOnlyFilesystem => msg!(ErrIoReadOnly),
        K::IsADirectory => msg!(ErrIoIsADirectory),
        K::NotADirectory => msg!(ErrIoNotADirectory),
        K::DirectoryNotEmpty => msg!(ErrIoDirectoryNotEmpty),
        K::InvalidData => msg!(ErrIoInvalidData),
        K::Interrupted => msg!(ErrIoInterrupted),
        K::WouldBlock => msg!(ErrIoWouldBlock),
        K::ResourceBusy | K::ExecutableFileBusy => msg!(ErrIoBusy),
        K::FileTooLarge => msg!(ErrIoFileTooLarge),
        K::InvalidFilename => msg!(ErrIoInvalidFilename),
        K::CrossesDevices => msg!(ErrIoCrossesDevices),
        K::TooManyLinks => msg!(ErrIoTooManyLinks),
        K::UnexpectedEof => msg!(ErrIoUnexpectedEof),
        K::OutOfMemory => msg!(ErrIoOutOfMemory),
        K::BrokenPipe => msg!(ErrIoBrokenPipe),
        K::TimedOut => msg!(ErrIoTimedOut),
        K::StaleNetworkFileHandle => msg!(ErrIoStale),
        K::Deadlock => msg!(ErrIoDeadlock),
        _ => {
            // The operating system's text, as it is: no translation is known for it.
            msg!(ErrIoOther, why = err.to_string())
        }
    }
}

/// Why no programme could be found, in words of the catalogue.
fn project(err: &ProjectError) -> Message {
    match err {
        ProjectError::NotAProgramme(dir) => {
            msg!(ErrProjectNotAProgramme, dir = dir.display().to_string())
        }
        ProjectError::NotFound => msg!(ErrProjectNotFound),
        ProjectError::Io { path, .. } => msg!(ErrCannotRead, path = path.display().to_string()),
    }
}

/// What an error in a chain says, in `lang` where it is one of ours.
pub(crate) fn text(err: &(dyn Error + 'static), lang: Lang) -> String {
    if let Some(f) = err.downcast_ref::<Failure>() {
        f.text(lang)
    } else if let Some(p) = err.downcast_ref::<ProjectError>() {
        project(p).text(lang)
    } else if let Some(e) = err.downcast_ref::<std::io::Error>() {
        io(e).text(lang)
    } else {
        err.to_string()
    }
}

/// A whole chain as one message, its links joined by `: ` (`cannot read x: Permission
/// denied`), for a failure that becomes a finding.
pub(crate) fn chain_message(err: &anyhow::Error) -> Message {
    let links: Vec<Message> = err.chain().map(link).collect();
    let mut links = links.into_iter().rev();
    let last = links
        .next()
        .unwrap_or_else(|| msg!(ErrIoOther, why = err.to_string()));
    links.fold(last, |rest, first| {
        msg!(ErrChained, first = first, rest = rest)
    })
}

/// One link of a chain as a message.
fn link(err: &(dyn Error + 'static)) -> Message {
    if let Some(f) = err.downcast_ref::<Failure>() {
        f.message.clone()
    } else if let Some(p) = err.downcast_ref::<ProjectError>() {
        project(p)
    } else if let Some(e) = err.downcast_ref::<std::io::Error>() {
        io(e)
    } else {
        msg!(ErrIoOther, why = err.to_string())
    }
}

/// The hint of the first error in the chain that has one.
pub(crate) fn hint(err: &anyhow::Error) -> Option<Message> {
    err.chain().find_map(|e| {
        if let Some(f) = e.downcast_ref::<Failure>() {
            f.hint.clone()
        } else if let Some(p) = e.downcast_ref::<ProjectError>() {
            p.hint().map(|_| msg!(ErrProjectHint))
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error as IoError, ErrorKind};

    #[test]
    fn io_errors_are_put_into_words_in_both_languages() {
        let missing = IoError::from(ErrorKind::NotFound);
        assert_eq!(io(&missing).en(), "No such file or directory");
        assert_eq!(io(&missing).text(Lang::Ru), "нет такого файла или папки");
        let full = IoError::from(ErrorKind::StorageFull);
        assert_eq!(io(&full).text(Lang::Ru), "на диске не осталось места");
        // A kind without words of ours keeps the system's text.
        let other = IoError::other("something odd");
        assert_eq!(io(&other).text(Lang::Ru), "something odd");
    }

    #[test]
    fn no_programme_is_said_in_both_languages() {
        let err = anyhow::Error::new(ProjectError::NotFound);
        assert_eq!(text(err.as_ref(), Lang::En), err.to_string());
        assert!(text(err.as_ref(), Lang::Ru).starts_with("здесь нет программы"));
        let hint = hint(&err).expect("a hint");
        assert_eq!(hint.en(), ProjectError::NotFound.hint().unwrap_or_default());
        let dir = ProjectError::NotAProgramme("belgorod".into());
        assert_eq!(project(&dir).en(), dir.to_string());
    }

    #[test]
    fn every_link_of_a_chain_is_in_the_language() {
        let inner = Failure::new(msg!(ErrCannotRead, path = "a.yaml"))
            .because(IoError::from(ErrorKind::PermissionDenied));
        let outer =
            anyhow::Error::new(Failure::new(msg!(ErrCannotWrite, path = "b")).because(inner));
        let ru: Vec<String> = outer.chain().map(|e| text(e, Lang::Ru)).collect();
        assert_eq!(
            ru,
            [
                "не удалось записать b",
                "не удалось прочитать a.yaml",
                "нет прав доступа"
            ]
        );
        let en: Vec<String> = outer.chain().map(|e| text(e, Lang::En)).collect();
        assert_eq!(
            en,
            ["cannot write b", "cannot read a.yaml", "Permission denied"]
        );
    }
}
