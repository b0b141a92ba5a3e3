//! What `replies` reports: each reply read and what became of it.

use serde::Serialize;

/// What became of one reply.
#[derive(Debug, Clone, Serialize)]
pub struct ReplyOutcome {
    pub source: String,
    pub message_id: Option<String>,
    pub from: Option<String>,
    pub subject: String,
    /// `acknowledged`, `auto-reply`, `already-seen`, `already-acknowledged`, `unmatched`,
    /// `own-message` (one of the messages bowout sent, not a reply) or `unreadable`.
    pub outcome: &'static str,
    pub invitation_id: Option<String>,
    /// The id of the outgoing message it answers.
    pub answers: Option<String>,
}

/// A file or message that could not be read; the run went on.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub location: String,
    pub message: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct RepliesReport {
    pub read: usize,
    pub acknowledged: usize,
    pub auto_replies: usize,
    pub unmatched: usize,
    pub replies: Vec<ReplyOutcome>,
    pub problems: Vec<Problem>,
    pub imap: Option<ImapReport>,
}

/// Where the sync read and where it stopped.
#[derive(Debug, Clone, Serialize)]
pub struct ImapReport {
    pub account: String,
    pub mailbox: String,
    pub uid_validity: u32,
    pub last_uid: u32,
    /// Set when the server's UIDVALIDITY changed since the last sync: the mailbox was read
    /// again from the start of the follow-up period.
    pub uid_validity_was: Option<u32>,
}
