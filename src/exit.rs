//! The exit statuses of `bowout`, in one place.
//!
//! Every command ends with a [`Status`]; `main` turns an error into one with
//! [`Status::of_error`]. `bowout --help` and the man page list them from [`Status::ALL`], so
//! what they say is what the binary does.
//!
//! | status | meaning |
//! | --- | --- |
//! | 0 | success (also when standard output was closed early, as by `… \| head -1`) |
//! | 1 | failure: the command could not do what was asked; one line on standard error |
//! | 2 | usage error: bad arguments, refused before anything was done |
//! | 3 | finished, but skipped something (`scan`, `import`, `replies`, `sync`), each with a warning |

use std::fmt::Write as _;
use std::process::ExitCode;

/// How a run of `bowout` ended: its exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 0: the command did what was asked. Also when standard output was closed before
    /// everything was written (`bowout scan FILE | head -1`): the reader had what it wanted,
    /// so bowout stops writing and says nothing.
    Success,
    /// 1: the command could not do what was asked (an unknown id, a state that forbids it, a
    /// server or file that failed); one line on standard error says why.
    Failure,
    /// 2: a usage error: bad arguments, refused before anything was done. clap's errors (an
    /// unknown flag, a missing or malformed value) and values a command checks itself before
    /// it starts (a date in the future, a malformed tracking number).
    Usage,
    /// 3: the command finished but skipped something: `scan`, `import`, `replies` or `sync`
    /// read past an unreadable file or message, each skip with its own warning on standard
    /// error.
    Skipped,
}

impl Status {
    /// Every status, in numeric order.
    pub const ALL: [Status; 4] = [
        Status::Success,
        Status::Failure,
        Status::Usage,
        Status::Skipped,
    ];

    /// The numeric exit status.
    pub const fn code(self) -> u8 {
        match self {
            Status::Success => 0,
            Status::Failure => 1,
            Status::Usage => 2,
            Status::Skipped => 3,
        }
    }

    /// What the status means, one sentence for `--help` and the man page.
    pub const fn meaning(self) -> &'static str {
        match self {
            Status::Success => {
                "Success: the command did what was asked. Also when standard output is closed \
                 early (as by `bowout scan FILE | head -1`): bowout stops writing and exits \
                 quietly."
            }
            Status::Failure => {
                "Failure: the command could not do what was asked; one line on standard error \
                 says why."
            }
            Status::Usage => {
                "Usage error: bad arguments (an unknown flag, a missing or malformed value, or \
                 a value the command refuses before doing anything); nothing was done."
            }
            Status::Skipped => {
                "Finished, but skipped something: scan, import, replies or sync read past an \
                 unreadable file or message; each skip has its own warning on standard error."
            }
        }
    }

    /// The status for an error that ended a command: [`Status::Success`] for a closed
    /// standard output, [`Status::Usage`] for a [`UsageError`], [`Status::Failure`] for
    /// anything else.
    pub fn of_error(err: &anyhow::Error) -> Status {
        if is_closed_stdout(err) {
            Status::Success
        } else if err.chain().any(|cause| {
            cause.is::<UsageError>()
                || matches!(
                    cause.downcast_ref::<crate::actions::ActionError>(),
                    Some(crate::actions::ActionError::BadInput(_))
                )
        }) {
            Status::Usage
        } else {
            Status::Failure
        }
    }
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(status.code())
    }
}

/// An argument the command refuses before doing anything: exit status 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// A [`UsageError`] as an `anyhow::Error`, for `return Err(usage(…))`.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    UsageError(message.into()).into()
}

/// A write to standard output failed. Every write to standard output reports its error as
/// this, so that a closed pipe there, and only there, ends the run quietly with status 0: a
/// broken connection to a mail server stays a failure.
#[derive(Debug, thiserror::Error)]
#[error("cannot write to standard output")]
pub struct StdoutError(#[source] pub std::io::Error);

/// True when `err`, or an error that caused it, is a write to a closed standard output.
pub fn is_closed_stdout(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<StdoutError>()
            .is_some_and(|e| e.0.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// `printed`, except that a closed standard output is no error: for commands whose status
/// is decided after printing (a skipped file, a failed message), so that closing the pipe
/// neither hides that status nor adds an error of its own.
pub fn unless_closed(printed: anyhow::Result<()>) -> anyhow::Result<()> {
    match printed {
        Err(err) if is_closed_stdout(&err) => Ok(()),
        other => other,
    }
}

/// Width of the `--help` section's lines, so that clap does not wrap them again.
const HELP_WIDTH: usize = 80;

/// The "EXIT STATUS" section of `bowout --help` (long form).
pub fn help_section() -> String {
    let mut s = String::from("EXIT STATUS:\n");
    for status in Status::ALL {
        let mut line = format!("  {}  ", status.code());
        let indent = line.len();
        for word in status.meaning().split(' ') {
            if line.len() + word.len() > HELP_WIDTH && line.len() > indent {
                let _ = writeln!(s, "{}", line.trim_end());
                line = " ".repeat(indent);
            }
            line.push_str(word);
            line.push(' ');
        }
        let _ = writeln!(s, "{}", line.trim_end());
    }
    s.trim_end().to_string()
}

/// The "EXIT STATUS" section of the man page, in roff.
pub fn man_section() -> String {
    let mut s = String::from(".SH \"EXIT STATUS\"\n");
    for status in Status::ALL {
        let _ = write!(
            s,
            ".TP\n\\fB{}\\fR\n{}\n",
            status.code(),
            roff_text(status.meaning())
        );
    }
    s
}

/// Text for a roff body line: backslashes and hyphens escaped, and a leading `.` or `'`
/// kept from being read as a request.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken_pipe() -> std::io::Error {
        std::io::Error::from(std::io::ErrorKind::BrokenPipe)
    }

    #[test]
    fn codes_are_0_to_3_in_order() {
        let codes: Vec<u8> = Status::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(codes, [0, 1, 2, 3]);
    }

    #[test]
    fn a_closed_stdout_is_success_anywhere_in_the_chain() {
        let err = anyhow::Error::from(StdoutError(broken_pipe())).context("printing the list");
        assert_eq!(Status::of_error(&err), Status::Success);
        assert!(unless_closed(Err(err)).is_ok());
    }

    #[test]
    fn a_broken_pipe_elsewhere_is_a_failure() {
        let err = anyhow::Error::from(broken_pipe()).context("talking to the SMTP server");
        assert_eq!(Status::of_error(&err), Status::Failure);
        let other = anyhow::Error::from(StdoutError(std::io::Error::other("disk full")));
        assert_eq!(Status::of_error(&other), Status::Failure);
        assert!(unless_closed(Err(other)).is_err());
    }

    #[test]
    fn usage_errors_are_2_even_with_context() {
        let err = usage("invalid --mailed").context("letter");
        assert_eq!(Status::of_error(&err), Status::Usage);
        assert_eq!(err.root_cause().to_string(), "invalid --mailed");
    }

    #[test]
    fn the_help_section_lists_every_status_within_the_width() {
        let help = help_section();
        assert!(help.starts_with("EXIT STATUS:\n  0  Success"));
        for status in Status::ALL {
            assert!(help.contains(&format!("\n  {}  ", status.code())), "{help}");
        }
        assert!(
            help.lines().all(|l| l.chars().count() <= HELP_WIDTH),
            "{help}"
        );
    }

    #[test]
    fn the_man_section_is_roff() {
        let man = man_section();
        assert!(man.starts_with(".SH \"EXIT STATUS\"\n.TP\n\\fB0\\fR\n"));
        assert!(man.contains("\\fB3\\fR\nFinished"));
        assert!(!man.contains(" - "), "hyphens are escaped: {man}");
        assert_eq!(roff_text(".x"), "\\&.x");
    }
}
