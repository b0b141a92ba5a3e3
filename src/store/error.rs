//! Storage errors: typed so that callers can tell a missing record from a failure.

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// The database file is not whole: bowout leaves it exactly as it is.
    #[error(
        "the database {} is damaged: {why}; bowout will not write to it (run `bowout doctor` \
         to see what is damaged and how to restore it from an export)",
        path.display()
    )]
    Damaged {
        path: std::path::PathBuf,
        why: String,
    },
    #[error("cannot read the database {}: {source}", path.display())]
    Unreadable {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// Coach mode's accounts need PostgreSQL: a usage error.
    #[error("accounts need a PostgreSQL database: give --database postgres://…")]
    NotPostgres,
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("no {what} with id {id:?}")]
    NotFound { what: &'static str, id: String },
    /// A prefix too short to pick one record: a usage error.
    #[error("{what} ids need at least four characters; {id:?} is too short")]
    ShortId { what: &'static str, id: String },
    #[error("{count} {what}s have ids starting with {prefix:?}; give more characters")]
    Ambiguous {
        what: &'static str,
        prefix: String,
        count: usize,
    },
    #[error("the database holds an invalid {what} (id {id}): {message}")]
    Corrupt {
        what: &'static str,
        id: String,
        message: String,
    },
}

impl StoreError {
    pub(crate) fn corrupt(what: &'static str, id: &str, err: impl std::fmt::Display) -> Self {
        Self::Corrupt {
            what,
            id: id.to_string(),
            message: err.to_string(),
        }
    }
}
