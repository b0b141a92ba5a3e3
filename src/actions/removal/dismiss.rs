//! `dismiss ID --reason …`: off the list and the agenda, history kept.

use crate::actions::{ActionError, App, Result};
use crate::store;
use bowout_core::model::{EventKind, Status};
use serde::Serialize;

/// Why a record is dismissed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DismissReason {
    /// The same invitation is recorded under another id.
    Duplicate,
    /// The mail was not an invitation to interview after all.
    NotAnInvitation,
    /// The employer withdrew the invitation (or the position).
    Withdrawn,
}

impl DismissReason {
    pub const ALL: [Self; 3] = [Self::Duplicate, Self::NotAnInvitation, Self::Withdrawn];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Duplicate => "duplicate",
            Self::NotAnInvitation => "not-an-invitation",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// The `dismiss --json` document.
#[derive(Debug, Clone, Serialize)]
pub struct Dismissed {
    pub id: String,
    /// Always `dismissed`.
    pub status: &'static str,
    pub reason: &'static str,
    /// The status `undismiss` brings it back to.
    pub previous_status: &'static str,
}

pub async fn dismiss(app: &App, given_id: &str, reason: DismissReason) -> Result<Dismissed> {
    let now = app.clock.now();
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, given_id).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    if inv.status == Status::Dismissed {
        return Err(ActionError::Refused(format!(
            "invitation {id} is already dismissed (`bowout undismiss {id}` brings it back)"
        )));
    }
    if !store::dismiss_invitation(&mut tx, &id, reason.as_str(), inv.status).await? {
        return Err(ActionError::Refused(format!(
            "invitation {id} changed while it was being dismissed; try again"
        )));
    }
    let detail = format!(
        "dismissed (reason: {}); it was {}",
        reason.as_str(),
        inv.status.as_str()
    );
    store::append_event(&mut tx, &id, now, EventKind::Dismissed, &detail).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(Dismissed {
        id,
        status: Status::Dismissed.as_str(),
        reason: reason.as_str(),
        previous_status: inv.status.as_str(),
    })
}
