//! What the agenda shows: one item per thing owed.

use bowout_core::model::Invitation;
use serde::Serialize;

/// What the agenda lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgendaKind {
    /// Undecided for more than [`OVERDUE_BUSINESS_DAYS`](crate::actions::deadlines::OVERDUE_BUSINESS_DAYS) business days.
    Undecided,
    /// A decline sent `[agenda] ack_days` business days ago or more, and not acknowledged.
    Unacknowledged,
    /// The follow-up call is due today or overdue.
    CallDue,
    /// A message that may or may not have been delivered (`unknown`, `exported`, or left
    /// `sending` by an interrupted send).
    SendInDoubt,
    /// An accepted interview ahead, or one whose time is not known yet.
    Interview,
    /// A registered letter mailed [`RECEIPT_BUSINESS_DAYS`](crate::actions::deadlines::RECEIPT_BUSINESS_DAYS) business days ago or more,
    /// without its return receipt.
    LetterReceipt,
}

impl AgendaKind {
    pub const ALL: [Self; 6] = [
        Self::Undecided,
        Self::Unacknowledged,
        Self::CallDue,
        Self::SendInDoubt,
        Self::Interview,
        Self::LetterReceipt,
    ];
}

/// One thing to do.
#[derive(Debug, Clone, Serialize)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    pub invitation_id: String,
    pub employer: String,
    pub job_title: String,
    /// The day it became due (`YYYY-MM-DD`), when there is one.
    pub due: Option<String>,
    /// What is owed, in a line.
    pub summary: String,
    /// What to do about it: the command to run.
    pub todo: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Agenda {
    pub today: String,
    pub items: Vec<AgendaItem>,
}

/// An item for `inv` with the common fields filled in.
pub(super) fn item(
    kind: AgendaKind,
    inv: &Invitation,
    due: Option<String>,
    summary: String,
    todo: String,
) -> AgendaItem {
    AgendaItem {
        kind,
        invitation_id: inv.id.clone(),
        employer: inv.employer.to_string(),
        job_title: inv.job_title.to_string(),
        due,
        summary,
        todo,
    }
}
