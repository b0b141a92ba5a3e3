//! The referrals a decline of one invitation may name: each with whether it passes the
//! referral gate (a colleague is named only at their personal address), and why not.

use crate::actions::{App, Result};
use crate::store;
use bowout_core::compose::referral_gate;
use serde::Serialize;

/// One referral and whether the decline of this invitation may name it.
#[derive(Debug, Clone, Serialize)]
pub struct ReferralChoice {
    pub id: String,
    pub name: String,
    pub email: String,
    /// Why the gate refuses it for this invitation; null when it may be named.
    pub refused: Option<String>,
}

/// Every referral recorded, as `referral list` orders them, for the invitation `given_id`.
pub async fn referral_choices(app: &App, given_id: &str) -> Result<Vec<ReferralChoice>> {
    let mut conn = app.store.conn().await?;
    let id = store::resolve_invitation_id(&mut conn, given_id).await?;
    let inv = store::load_invitation(&mut conn, &id).await?;
    Ok(store::list_referrals(&mut conn)
        .await?
        .into_iter()
        .map(|(r, _)| ReferralChoice {
            refused: referral_gate(&r, &inv).err().map(|e| e.to_string()),
            id: r.id,
            name: r.name.to_string(),
            email: r.email.to_string(),
        })
        .collect())
}
