//! Everything the agenda's collectors read, loaded from the store once.

use crate::actions::{App, Result};
use crate::store::{self, CallRow, LetterRow, MessageRow};
use bowout_core::model::{Decision, Invitation, Status};
use std::collections::HashMap;

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
    pub(super) async fn load(app: &App) -> Result<Self> {
        let mut conn = app.store.conn().await?;
        // A dismissed invitation owes nothing.
        let mut invitations = store::list_invitations(&mut conn).await?;
        invitations.retain(|i| i.status != Status::Dismissed);
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
