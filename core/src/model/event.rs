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
}

impl EventKind {
    pub const ALL: [Self; 11] = [
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
