//! The outbox state machine: where each outgoing message stands and what a run may do with it.
//!
//! ```text
//! queued ──claim──▶ sending ──▶ sent
//!   ▲                  │  ├───▶ failed   (refused or unreachable: certainly not delivered)
//!   └── next run ──────┘  └───▶ unknown  (interrupted during the hand-over: maybe delivered)
//! queued ──--eml-dir──▶ exported
//! unknown | exported ──--confirm-sent──▶ sent      ──--resend──▶ queued
//! ```
//!
//! The rule that matters is at-most-once: a message that may have reached the server
//! (`sending` found by a later run, `unknown`, `exported`) is never handed over again unless
//! the user says so. Only `queued` and `failed` messages, which certainly were not delivered,
//! are sent by a plain `bowout send`.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Queued,
    Sending,
    Sent,
    Failed,
    Unknown,
    Exported,
    Cancelled,
}

impl Status {
    pub const ALL: [Self; 7] = [
        Self::Queued,
        Self::Sending,
        Self::Sent,
        Self::Failed,
        Self::Unknown,
        Self::Exported,
        Self::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Failed => "failed",
            Self::Unknown => "unknown",
            Self::Exported => "exported",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Certainly not delivered: a plain `send` may hand it to the server.
    pub fn may_send(self) -> bool {
        matches!(self, Self::Queued | Self::Failed | Self::Cancelled)
    }

    /// Perhaps delivered, and only the user can tell: `--confirm-sent` or `--resend`.
    pub fn needs_user(self) -> bool {
        matches!(self, Self::Unknown | Self::Exported)
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the user is told to do about a message in `status`, if anything.
pub fn advice(status: Status, invitation_id: &str, message_id: &str) -> Option<String> {
    let confirm = format!(
        "bowout send {invitation_id} --confirm-sent '{message_id}' (or --resend '{message_id}')"
    );
    match status {
        Status::Unknown => Some(format!(
            "it may have been delivered: look for it in your mail provider's Sent folder, \
             then run {confirm}"
        )),
        Status::Exported => Some(format!(
            "written as an .eml file: once you have sent it from your mail client, run {confirm}"
        )),
        Status::Failed => Some(format!(
            "not delivered: fix the cause, then run bowout send {invitation_id} again"
        )),
        _ => None,
    }
}

/// How one hand-over to the server ended, seen from the at-most-once rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The server took responsibility for the message (a 2xx reply to the final dot).
    Accepted { reply: String },
    /// The server did not take it; `transient` (4xx, connection trouble before the content
    /// went out) is worth retrying, permanent (5xx) is not.
    NotDelivered { transient: bool, reason: String },
    /// The content went out but no reply came back: the server may have accepted it.
    Unknown { reason: String },
}

impl Delivery {
    /// The status a message takes after this outcome, when no retry follows.
    pub fn final_status(&self) -> Status {
        match self {
            Self::Accepted { .. } => Status::Sent,
            Self::NotDelivered { .. } => Status::Failed,
            Self::Unknown { .. } => Status::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("delivered"), None);
    }

    #[test]
    fn only_undelivered_messages_are_sent_automatically() {
        let automatic: Vec<_> = Status::ALL.into_iter().filter(|s| s.may_send()).collect();
        assert_eq!(
            automatic,
            [Status::Queued, Status::Failed, Status::Cancelled]
        );
        assert!(!Status::Sending.may_send() && !Status::Unknown.may_send());
        assert!(Status::Unknown.needs_user() && Status::Exported.needs_user());
    }

    #[test]
    fn unknown_advice_names_both_ways_out() {
        let text = advice(Status::Unknown, "abcd", "<m@x.example>").expect("advice");
        assert!(text.contains("--confirm-sent '<m@x.example>'"));
        assert!(text.contains("--resend"));
        assert!(advice(Status::Sent, "abcd", "<m@x.example>").is_none());
    }

    #[test]
    fn outcomes_map_to_final_states() {
        let sent = Delivery::Accepted {
            reply: "250".into(),
        };
        assert_eq!(sent.final_status(), Status::Sent);
        let lost = Delivery::Unknown {
            reason: "timeout".into(),
        };
        assert_eq!(lost.final_status(), Status::Unknown);
    }
}
