//! `referral remove RID`: a colleague no longer to be named. Refused when a decline naming
//! them was sent or exported (kept for the record); otherwise the decisions that named them
//! no longer do, and their drafts become stale.

use super::uses::{mark_stale, uses};
use crate::actions::{ActionError, App, Result};
use crate::store;
use serde::Serialize;

/// The `referral remove --json` document.
#[derive(Debug, Clone, Serialize)]
pub struct ReferralRemoved {
    pub id: String,
    pub name: String,
    /// Invitations whose drafts named the referral and are now stale.
    pub stale_drafts: Vec<String>,
}

pub async fn remove_referral(app: &App, given_id: &str) -> Result<ReferralRemoved> {
    let mut tx = app.store.begin().await?;
    let rid = store::resolve_referral_id(&mut tx, given_id).await?;
    let referral = store::load_referral(&mut tx, &rid).await?;
    let used = uses(&mut tx, &rid).await?;
    let sent: Vec<&str> = used
        .iter()
        .filter(|u| u.delivered)
        .map(|u| u.invitation_id.as_str())
        .collect();
    if !sent.is_empty() {
        return Err(ActionError::Refused(format!(
            "referral {} ({rid}) is named in a decline that was sent or exported (invitation {}): \
             it is kept for the record of what was sent",
            referral.name,
            sent.join(", ")
        )));
    }
    for u in &used {
        store::clear_decision_referral(&mut tx, &u.invitation_id).await?;
    }
    let details = [format!(
        "referral {} removed: the decision no longer names them",
        referral.name
    )];
    let why = format!("referral {} removed", referral.name);
    let stale_drafts = mark_stale(app, &mut tx, &used, &why, &details).await?;
    store::delete_referral(&mut tx, &rid).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(ReferralRemoved {
        id: rid,
        name: referral.name.to_string(),
        stale_drafts,
    })
}
