//! `agenda`: everything owed, so nothing is ignored — undecided invitations, declines nobody
//! confirmed, calls due, sends in doubt, interviews ahead.
//!
//! Extension point: each kind of item is an [`AgendaKind`] with one collector in
//! [`AgendaKind::collect`] that reads the [`Snapshot`]. To add a kind, add the variant to the
//! enum and to `ALL`, load what it needs into `Snapshot`, and write its collector; the
//! exhaustive match makes the compiler ask for it.

use super::agenda_items as items;
use super::{App, Result};
use crate::store::{self, CallRow, LetterRow, MessageRow};
use bowout_core::model::{Decision, Invitation, Status};
use serde::Serialize;
use std::collections::HashMap;

/// What the agenda lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgendaKind {
    /// Undecided for more than `OVERDUE_BUSINESS_DAYS` business days.
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
    /// A registered letter mailed `RECEIPT_BUSINESS_DAYS` business days ago or more,
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

    fn collect(self, app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
        match self {
            Self::Undecided => items::undecided(app, snap),
            Self::Unacknowledged => items::unacknowledged(app, snap),
            Self::CallDue => items::calls_due(app, snap),
            Self::SendInDoubt => items::sends_in_doubt(app, snap),
            Self::Interview => items::interviews(app, snap),
            Self::LetterReceipt => super::letter_record::receipts_due(app, snap),
        }
    }
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

/// Everything the collectors read, loaded once.
pub(super) struct Snapshot {
    pub invitations: Vec<Invitation>,
    pub messages: HashMap<String, Vec<MessageRow>>,
    pub calls: HashMap<String, Vec<CallRow>>,
    /// Decisions of accepted invitations (their interview time).
    pub accepted: HashMap<String, Decision>,
    /// Letters mailed whose return receipt is not recorded.
    pub letters: Vec<LetterRow>,
}

impl Snapshot {
    async fn load(app: &App) -> Result<Self> {
        let mut conn = app.store.conn().await?;
        let invitations = store::list_invitations(&mut conn).await?;
        let mut messages: HashMap<String, Vec<MessageRow>> = HashMap::new();
        for m in store::all_messages(&mut conn).await? {
            messages.entry(m.invitation_id.clone()).or_default().push(m);
        }
        let mut calls: HashMap<String, Vec<CallRow>> = HashMap::new();
        for c in store::list_all_calls(&mut conn).await? {
            calls.entry(c.invitation_id.clone()).or_default().push(c);
        }
        let mut accepted = HashMap::new();
        for inv in invitations.iter().filter(|i| i.status == Status::Accepted) {
            if let Some((d, _)) = store::load_decision(&mut conn, &inv.id).await? {
                accepted.insert(inv.id.clone(), d);
            }
        }
        let letters = store::letters_awaiting_receipt(&mut conn).await?;
        Ok(Self {
            invitations,
            messages,
            calls,
            accepted,
            letters,
        })
    }

    pub(super) fn messages_of(&self, id: &str) -> &[MessageRow] {
        self.messages.get(id).map_or(&[], Vec::as_slice)
    }

    pub(super) fn calls_of(&self, id: &str) -> &[CallRow] {
        self.calls.get(id).map_or(&[], Vec::as_slice)
    }
}

pub async fn agenda(app: &App) -> Result<Agenda> {
    let snap = Snapshot::load(app).await?;
    let mut items: Vec<AgendaItem> = AgendaKind::ALL
        .iter()
        .flat_map(|k| k.collect(app, &snap))
        .collect();
    // Oldest debt first; items without a day (interviews to schedule) last.
    items.sort_by(|a, b| {
        (a.due.is_none(), &a.due, &a.invitation_id).cmp(&(
            b.due.is_none(),
            &b.due,
            &b.invitation_id,
        ))
    });
    Ok(Agenda {
        today: app.clock.today().to_string(),
        items,
    })
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
