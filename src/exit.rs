//! The exit statuses of `bowout`, in one place.
//!
//! Every command ends with a [`Status`]; `main` turns an error into one with
//! [`Status::of_error`].
//!
//! | status | meaning |
//! | --- | --- |
//! | 0 | success |
//! | 1 | failure: the command could not do what was asked; one line on standard error |
//! | 2 | usage error: bad arguments, refused before anything was done |
//! | 3 | finished, but skipped something (`scan`, `import`, `replies`), each with a warning |

use std::process::ExitCode;

/// How a run of `bowout` ended: its exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 0: the command did what was asked.
    Success,
    /// 1: the command could not do what was asked (an unknown id, a state that forbids it, a
    /// server or file that failed); one line on standard error says why.
    Failure,
    /// 2: a usage error: bad arguments, refused before anything was done. clap's errors (an
    /// unknown flag, a missing or malformed value) and values a command checks itself before
    /// it starts (a date in the future, a malformed tracking number).
    Usage,
    /// 3: the command finished but skipped something: `scan`, `import` or `replies` read past
    /// an unreadable file or message, each skip with its own warning on standard error.
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
            Status::Success => "Success: the command did what was asked.",
            Status::Failure => {
                "Failure: the command could not do what was asked; one line on standard error \
                 says why."
            }
            Status::Usage => {
                "Usage error: bad arguments (an unknown flag, a missing or malformed value, or \
                 a value the command refuses before doing anything); nothing was done."
            }
            Status::Skipped => {
                "Finished, but skipped something: scan, import or replies read past an \
                 unreadable file or message; each skip has its own warning on standard error."
            }
        }
    }

    /// The status for an error that ended a command: [`Status::Usage`] for a [`UsageError`],
    /// [`Status::Failure`] for anything else.
    pub fn of_error(err: &anyhow::Error) -> Status {
        if err.chain().any(|cause| cause.is::<UsageError>()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_0_to_3_in_order() {
        let codes: Vec<u8> = Status::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(codes, [0, 1, 2, 3]);
    }

    #[test]
    fn usage_errors_are_2_even_with_context() {
        let err = usage("invalid --mailed").context("letter");
        assert_eq!(Status::of_error(&err), Status::Usage);
        assert_eq!(err.root_cause().to_string(), "invalid --mailed");
    }
}
