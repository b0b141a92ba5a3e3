//! The one error type for values that fail validation.

/// Why a value given by the user, a file or a mail message was refused.
///
/// Messages are one line and name the field, so the CLI can print them as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("{field} contains a line break (CR or LF), which is not allowed")]
    LineBreak { field: &'static str },
    #[error("{field} contains a control character, which is not allowed")]
    ControlChar { field: &'static str },
    #[error("{field} is empty")]
    Empty { field: &'static str },
    #[error("{field} is too long ({len} characters; at most {max})")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("invalid email address {input:?}: {reason}")]
    InvalidEmail { input: String, reason: &'static str },
    #[error("invalid {field} {input:?}: {reason}")]
    Invalid {
        field: &'static str,
        input: String,
        reason: &'static str,
    },
}
