//! What the agenda shows: one item per thing owed or coming up.

use bowout_core::model::Invitation;
use jiff::civil::Date;
use serde::Serialize;

/// What the agenda lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgendaKind {
    /// Not decided yet: owed an answer [`OVERDUE_BUSINESS_DAYS`](crate::actions::deadlines::OVERDUE_BUSINESS_DAYS)
    /// business days after it arrived.
    Undecided,
    /// A sent decline without its receipt: owed `[agenda] ack_days` business days after
    /// sending, unless a call reached someone.
    Unacknowledged,
    /// The follow-up call, due today, overdue, or due within the week.
    CallDue,
    /// A message that may or may not have been delivered (`unknown`, `exported`, or left
    /// `sending` by an interrupted send).
    SendInDoubt,
    /// An accepted interview ahead, or one whose time is not known yet.
    Interview,
    /// A registered letter without its return receipt, owed
    /// [`RECEIPT_BUSINESS_DAYS`](crate::actions::deadlines::RECEIPT_BUSINESS_DAYS) business
    /// days after mailing.
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
    /// The day it is owed (`YYYY-MM-DD`): today or earlier in `owed`, later in `next`;
    /// null for an interview whose time is not agreed yet.
    pub due: Option<Date>,
    /// What is owed, in a line.
    pub summary: String,
    /// The command that closes it.
    pub todo: String,
}

/// `agenda`: what is owed today (overdue or due today) and what comes next.
#[derive(Debug, Clone, Serialize)]
pub struct Agenda {
    pub today: Date,
    /// Due today or earlier, oldest first.
    pub owed: Vec<AgendaItem>,
    /// Due later (soonest first), then what has no date yet.
    pub next: Vec<AgendaItem>,
    /// Messages the classifier was unsure about, waiting for `bowout review`.
    pub to_review: usize,
}

/// An item for `inv` with the common fields filled in.
pub(super) fn item(
    kind: AgendaKind,
    inv: &Invitation,
    due: Option<Date>,
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
