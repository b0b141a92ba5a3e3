//! What `sync` reports: the invitations recorded, those to review, the replies matched, and
//! where each folder was read up to.

use crate::actions::Imported;
use crate::actions::replies::{Problem, ReplyOutcome};
use serde::Serialize;

/// The `sync --json` document.
#[derive(Debug, Clone, Serialize)]
pub struct SyncReport {
    /// `user@host`, the account the folders belong to.
    pub account: String,
    /// Messages read, in every folder.
    pub read: usize,
    /// Invitations recorded for the first time.
    pub new_invitations: usize,
    /// Later messages joined to an invitation already recorded (a later round).
    pub linked: usize,
    /// Replies that confirm receipt of a message bowout sent.
    pub receipts: usize,
    pub auto_replies: usize,
    /// Scams found (never recorded).
    pub scams: usize,
    /// Every invitation found, in the order read: `recorded`, `linked` or `duplicate`.
    pub invitations: Vec<SyncedInvitation>,
    /// Invitations the classifier was unsure about: check them (`bowout show ID`).
    pub review: Vec<crate::actions::ToReview>,
    /// Every reply to a message bowout sent, and what became of it.
    pub replies: Vec<ReplyOutcome>,
    pub folders: Vec<FolderReport>,
    /// Messages that were not read or recorded; each is a warning and exit status 3.
    pub problems: Vec<Problem>,
}

/// An invitation found in the mail.
#[derive(Debug, Clone, Serialize)]
pub struct SyncedInvitation {
    pub id: String,
    /// `recorded`, `linked` (a later message of one already recorded) or `duplicate`.
    pub outcome: &'static str,
    /// `imap:FOLDER/UID`.
    pub source: String,
    pub employer: Option<String>,
    pub job_title: Option<String>,
    /// The classifier's confidence, 0 to 1.
    pub score: f64,
    /// Set when the mail does not say whom to answer: the command that adds them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub todo: Option<String>,
}

impl SyncedInvitation {
    pub(super) fn new(
        imported: Imported,
        employer: Option<String>,
        job_title: Option<String>,
        score: f64,
    ) -> Self {
        Self {
            id: imported.id,
            outcome: imported.outcome,
            source: imported.source,
            employer,
            job_title,
            score,
            todo: imported.todo,
        }
    }
}

/// Where one folder was read.
#[derive(Debug, Clone, Serialize)]
pub struct FolderReport {
    pub mailbox: String,
    /// Messages read from it in this sync.
    pub read: usize,
    pub uid_validity: u32,
    /// Everything up to this UID is read.
    pub last_uid: u32,
    /// Set when the server's UIDVALIDITY changed since the last sync: the folder was read
    /// again from the start of the window.
    pub uid_validity_was: Option<u32>,
    /// The first day read when the folder had no usable mark (a first sync); null otherwise.
    pub since: Option<jiff::civil::Date>,
}

impl SyncReport {
    pub(super) fn new(account: &str) -> Self {
        Self {
            account: account.to_string(),
            read: 0,
            new_invitations: 0,
            linked: 0,
            receipts: 0,
            auto_replies: 0,
            scams: 0,
            invitations: Vec::new(),
            review: Vec::new(),
            replies: Vec::new(),
            folders: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// Fills in the totals from the lists.
    pub(super) fn finish(mut self) -> Self {
        let count = |outcome: &str| {
            self.invitations
                .iter()
                .filter(|i| i.outcome == outcome)
                .count()
        };
        self.new_invitations = count("recorded");
        self.linked = count("linked");
        let replies = |outcome: &str| self.replies.iter().filter(|r| r.outcome == outcome).count();
        self.receipts = replies("acknowledged");
        self.auto_replies = replies("auto-reply");
        self.read = self.folders.iter().map(|f| f.read).sum();
        self
    }
}
