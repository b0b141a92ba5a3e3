//! The error every action returns: typed, so that each front end can tell a refusal from a
//! failure (the CLI picks its exit status from it).

use crate::store::StoreError;
use bowout_core::compose::ComposeError;
use bowout_core::model::ModelError;

#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Invalid(#[from] ModelError),
    #[error(transparent)]
    Compose(#[from] ComposeError),
    /// The IMAP server could not be reached, refused the login, or lost the mailbox.
    #[error(transparent)]
    Imap(#[from] crate::mail::imap::ImapError),
    /// Signing in with OAuth2, or getting an access token, failed.
    #[error(transparent)]
    OAuth(#[from] crate::mail::oauth::OAuthError),
    /// A value the user gave is refused before anything is done (a malformed or future
    /// date, a tracking number with other characters…): a usage error.
    #[error("{0}")]
    BadInput(String),
    /// The request is well-formed but cannot be done in the current state.
    #[error("{0}")]
    Refused(String),
    /// Something the user must set up first (identity, SMTP…).
    #[error("{0}")]
    Setup(String),
    /// A run cut short after recording part of its work: what was kept, and why it
    /// stopped.
    #[error("{done}: {source}")]
    Partly {
        done: String,
        #[source]
        source: Box<ActionError>,
    },
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

/// A store error; an id too short to look up is the user's to correct (a usage error).
impl From<StoreError> for ActionError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::ShortId { .. } | StoreError::NotPostgres => Self::BadInput(e.to_string()),
            other => Self::Store(other),
        }
    }
}

impl ActionError {
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Self::Io {
            context: context.into(),
            source,
        }
    }
}
