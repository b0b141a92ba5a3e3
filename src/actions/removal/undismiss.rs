//! `undismiss ID`: a dismissed record back on the list, in the status it had.

use crate::actions::{ActionError, App, Result};
use crate::store;
use bowout_core::model::EventKind;
use serde::Serialize;

/// The `undismiss --json` document.
#[derive(Debug, Clone, Serialize)]
pub struct Undismissed {
    pub id: String,
    /// The status it had before it was dismissed, and has again.
    pub status: &'static str,
}

pub async fn undismiss(app: &App, given_id: &str) -> Result<Undismissed> {
    let now = app.clock.now();
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, given_id).await?;
    let Some(dismissal) = store::load_dismissal(&mut tx, &id).await? else {
        return Err(ActionError::Refused(format!(
            "invitation {id} is not dismissed"
        )));
    };
    if !store::undismiss_invitation(&mut tx, &id, dismissal.previous).await? {
        return Err(ActionError::Refused(format!(
            "invitation {id} changed while it was being brought back; try again"
        )));
    }
    let detail = format!(
        "back on the list (dismissed as {}); {} again",
        dismissal.reason,
        dismissal.previous.as_str()
    );
    store::append_event(&mut tx, &id, now, EventKind::Undismissed, &detail).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(Undismissed {
        id,
        status: dismissal.previous.as_str(),
    })
}
