//! `referral list`: every colleague recorded, where each is named, and whether a decline
//! naming them went out.

use super::uses::uses;
use crate::actions::{App, Result};
use crate::clock::timestamp;
use crate::store;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// One element of `referral list --json`.
#[derive(Debug, Clone, Serialize)]
pub struct ReferralItem {
    pub id: String,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub work_domain: Option<String>,
    pub permission_date: Date,
    pub permission_how: String,
    pub created_at: Timestamp,
    /// Invitations whose decline names this referral.
    pub named_in: Vec<String>,
    /// True when a decline naming it was sent or exported: it is kept for the record.
    pub sent: bool,
}

pub async fn referrals(app: &App) -> Result<Vec<ReferralItem>> {
    let mut conn = app.store.conn().await?;
    let mut items = Vec::new();
    for (r, created_at) in store::list_referrals(&mut conn).await? {
        let used = uses(&mut conn, &r.id).await?;
        items.push(ReferralItem {
            named_in: used.iter().map(|u| u.invitation_id.clone()).collect(),
            sent: used.iter().any(|u| u.delivered),
            id: r.id,
            name: r.name.to_string(),
            email: r.email.to_string(),
            phone: r.phone.map(|p| p.to_string()),
            work_domain: r.work_domain,
            permission_date: r.permission_date,
            permission_how: r.permission_how,
            created_at: timestamp(created_at),
        });
    }
    Ok(items)
}
