//! `scan`: reads `.eml` files, mbox files (also gzip-compressed), Maildirs and directories
//! of them, and analyses every message.
//!
//! Most bytes in a real mailbox can be skipped: [`lazy`] finds each message's text parts
//! without decoding attachments and runs a keyword prefilter; only hits get
//! [`bowout_core::ingest::analyze`]. Mailboxes are streamed in bounded batches ([`mbox`]),
//! and the messages of a batch are analysed in parallel with rayon, in order.

mod decode;
mod headers;
mod lazy;
mod mapped;
mod mbox;
mod message;
mod pipeline;
mod progress;
pub mod raw;
mod read;
mod sources;

use bowout_core::ingest::{Analysis, Kind};
use serde::Serialize;

pub use read::{Analyser, scan};

use std::path::{Path, PathBuf};

/// The first of `paths` that does not exist: a mistyped path is the user's to correct before
/// anything is read (a usage error), while a path that exists but cannot be read is skipped
/// with a warning.
pub fn missing_path(paths: &[PathBuf]) -> Option<&Path> {
    use std::io::ErrorKind;
    paths.iter().map(PathBuf::as_path).find(|p| {
        std::fs::metadata(p)
            .is_err_and(|e| matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory))
    })
}

/// The message for a path [`missing_path`] found.
pub fn missing_message(path: &Path) -> String {
    format!("{}: no such file or directory", path.display())
}

/// How to scan.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Report every message (`--all`), not only invitations and scams.
    pub all: bool,
    /// Show a progress bar when standard error is a terminal.
    pub progress: bool,
    /// Every message is an invitation whatever the classifier says (`import --invitation`):
    /// the prefilter is bypassed and the fields extracted.
    pub as_invitation: bool,
}

/// One reported message: a `scan --jsonl` line.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    /// `path` for a one-message file, `path:offset` for a message inside a mailbox.
    pub source: String,
    #[serde(flatten)]
    pub analysis: Analysis,
    /// SHA-256 of the raw message, for deduplicating messages without a Message-ID.
    #[serde(skip)]
    pub content_hash: Option<String>,
}

/// A problem with one message or file; the scan goes on.
#[derive(Debug, Clone)]
pub struct Warning {
    pub location: String,
    pub message: String,
    /// True when something was not read at all (counts towards the exit code).
    pub skipped: bool,
}

pub enum Event {
    Found(Box<Found>),
    Warning(Warning),
}

/// Totals for the closing line and the exit code.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files: u64,
    pub messages: u64,
    pub bytes: u64,
    pub invitations: u64,
    pub scams: u64,
    /// Messages the classifier was unsure about (`review: true`).
    pub reviews: u64,
    pub skipped: u64,
    pub warnings: u64,
}

impl Summary {
    pub(crate) fn count(&mut self, kind: Kind, review: bool) {
        if review {
            self.reviews += 1;
        }
        match kind {
            Kind::Invitation => self.invitations += 1,
            Kind::Scam => self.scams += 1,
            Kind::Other => {}
        }
    }
}
