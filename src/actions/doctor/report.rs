//! What `doctor` found: the `doctor --json` document.

use serde::Serialize;

/// The `doctor --json` document.
#[derive(Debug, Clone, Serialize)]
pub struct DoctorReport {
    /// True when nothing is damaged (notes may still say something).
    pub healthy: bool,
    pub database: DatabaseHealth,
    pub archive: ArchiveHealth,
    /// What is damaged: each makes `doctor` exit with status 1.
    pub problems: Vec<Finding>,
    /// What is not damage but deserves a look (a file left by an interrupted write, a send
    /// that was cut off).
    pub notes: Vec<Finding>,
    /// How to restore from an export, when something is damaged (a full disk is not).
    pub restore: Option<Vec<String>>,
}

/// The database and how it commits.
#[derive(Debug, Clone, Serialize)]
pub struct DatabaseHealth {
    /// `sqlite` (the home's file) or `postgres` (`--database`).
    pub kind: &'static str,
    /// The SQLite file; none for PostgreSQL (its URL may hold a password).
    pub path: Option<String>,
    /// `whole`, `missing` (no file yet), `damaged` or `unreachable`.
    pub state: &'static str,
    pub bytes: Option<u64>,
    /// Why it is damaged or unreachable.
    pub detail: Option<String>,
    /// SQLite's `journal_mode` and `synchronous` as bowout opens it (`wal`, `full`).
    pub journal_mode: Option<String>,
    pub synchronous: Option<&'static str>,
}

/// The archive and what re-hashing it found.
#[derive(Debug, Clone, Serialize)]
pub struct ArchiveHealth {
    pub path: String,
    /// Copies of messages that may have reached their recipient (sent, unknown, exported).
    pub copies: usize,
    pub copies_intact: usize,
    /// Letters rendered, each kept as `letter.pdf`.
    pub letters: usize,
    pub letters_intact: usize,
    /// False when the database could not be read, so nothing could be checked.
    pub checked: bool,
}

/// One thing found: what, where, and what to do.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// `database-damaged`, `database-lost`, `disk-full`, `copy-changed`, `copy-missing`,
    /// `copy-unreadable`, `letter-changed`, `letter-missing`, `temporary-file` or
    /// `interrupted-send`.
    pub kind: &'static str,
    pub path: Option<String>,
    /// The invitation and the `Message-ID` of the message it is about, if any.
    pub invitation: Option<String>,
    pub message_id: Option<String>,
    pub detail: String,
    pub fix: String,
}
