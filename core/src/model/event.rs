//! The append-only timeline of an invitation: the evidence record.

use serde::{Deserialize, Serialize};

/// What happened. The detail text is written by the action that appends the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Captured,
    Advised,
    Decided,
    Drafted,
    Sent,
    SendFailed,
    Acknowledged,
    Called,
    LetterMailed,
    LetterReceipt,
    Note,
    /// A captured field, a contact or a referral corrected by the user.
    Edited,
    Dismissed,
    Undismissed,
}

impl EventKind {
    pub const ALL: [Self; 14] = [
        Self::Captured,
        Self::Advised,
        Self::Decided,
        Self::Drafted,
        Self::Sent,
        Self::SendFailed,
        Self::Acknowledged,
        Self::Called,
        Self::LetterMailed,
        Self::LetterReceipt,
        Self::Note,
        Self::Edited,
        Self::Dismissed,
        Self::Undismissed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Captured => "captured",
            Self::Advised => "advised",
            Self::Decided => "decided",
            Self::Drafted => "drafted",
            Self::Sent => "sent",
            Self::SendFailed => "send-failed",
            Self::Acknowledged => "acknowledged",
            Self::Called => "called",
            Self::LetterMailed => "letter-mailed",
            Self::LetterReceipt => "letter-receipt",
            Self::Note => "note",
            Self::Edited => "edited",
            Self::Dismissed => "dismissed",
            Self::Undismissed => "undismissed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Unix seconds.
    pub at: i64,
    pub kind: EventKind,
    pub detail: String,
}
