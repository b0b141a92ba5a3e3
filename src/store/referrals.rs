//! Colleagues who agreed to be referred.

use super::rows::ReferralRow;
use super::{Conn, StoreError};
use bowout_core::model::{EmailAddress, PersonName, Phone, Referral};
use sqlx::AssertSqlSafe;

pub async fn insert_referral(conn: &mut Conn, r: &Referral, at: i64) -> Result<(), StoreError> {
    ReferralRow {
        id: r.id.clone(),
        name: r.name.to_string(),
        email: r.email.to_string(),
        phone: r.phone.as_ref().map(ToString::to_string),
        work_domain: r.work_domain.clone(),
        permission_date: r.permission_date.into(),
        permission_how: r.permission_how.clone(),
        created_at: at,
    }
    .insert(conn)
    .await?;
    Ok(())
}

pub async fn load_referral(conn: &mut Conn, id: &str) -> Result<Referral, StoreError> {
    let row: ReferralRow = sqlx::query_as(AssertSqlSafe(ReferralRow::select("WHERE id = $1")))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "referral",
            id: id.to_string(),
        })?;
    let bad = |e: bowout_core::model::ModelError| StoreError::corrupt("referral", &row.id, e);
    Ok(Referral {
        name: PersonName::parse(&row.name).map_err(bad)?,
        email: EmailAddress::parse(&row.email).map_err(bad)?,
        phone: super::parse::optional(row.phone.as_deref(), Phone::parse).map_err(bad)?,
        permission_date: row.permission_date.0,
        permission_how: row.permission_how.clone(),
        work_domain: row.work_domain.clone(),
        id: row.id.clone(),
    })
}

pub async fn resolve_referral_id(conn: &mut Conn, given: &str) -> Result<String, StoreError> {
    super::invitations::resolve_prefix(conn, "referrals", "referral", given).await
}
