//! The error every action returns: typed, so the web layer can pick a status code.

use crate::store::StoreError;
use bowout_core::compose::ComposeError;
use bowout_core::model::ModelError;

#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Invalid(#[from] ModelError),
    #[error(transparent)]
    Compose(#[from] ComposeError),
    /// The IMAP server could not be reached, refused the login, or lost the mailbox.
    #[error(transparent)]
    Imap(#[from] crate::mail::imap::ImapError),
    /// The request is well-formed but cannot be done in the current state.
    #[error("{0}")]
    Refused(String),
    /// Something the user must set up first (identity, SMTP…).
    #[error("{0}")]
    Setup(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl ActionError {
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Self::Io {
            context: context.into(),
            source,
        }
    }

    /// True when the thing asked for does not exist (a 404 on the web).
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Store(StoreError::NotFound { .. }))
    }
}
