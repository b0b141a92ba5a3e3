//! Where a referral is named: the decisions (and so the drafts) of invitations, and whether
//! a decline naming it may have reached its recipient.

use crate::actions::changes;
use crate::actions::{App, Result};
use crate::store;

/// An invitation whose decision names the referral.
pub(super) struct Use {
    pub invitation_id: String,
    /// A decline naming it was sent, exported, or may have been delivered.
    pub delivered: bool,
}

pub(super) async fn uses(conn: &mut store::Conn, referral_id: &str) -> Result<Vec<Use>> {
    Ok(store::referral_uses(conn, referral_id)
        .await?
        .into_iter()
        .map(|(invitation_id, delivered)| Use {
            invitation_id,
            delivered,
        })
        .collect())
}

/// Logs `details` on the timeline of every invitation whose decision names the referral,
/// and marks its drafts stale; the ids of the invitations whose drafts are now stale (those
/// with drafts still to send).
pub(super) async fn mark_stale(
    app: &App,
    tx: &mut store::Tx,
    uses: &[Use],
    why: &str,
    details: &[String],
) -> Result<Vec<String>> {
    let now = app.clock.now();
    let mut stale = Vec::new();
    for u in uses {
        if changes::record(tx, &u.invitation_id, now, why, details).await? {
            stale.push(u.invitation_id.clone());
        }
    }
    Ok(stale)
}
