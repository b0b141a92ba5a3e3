//! Colleagues who agreed to be referred.

use super::outbox::MAYBE_DELIVERED;
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
    to_referral(row)
}

fn to_referral(row: ReferralRow) -> Result<Referral, StoreError> {
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

/// Every referral, oldest first, with when it was recorded.
pub async fn list_referrals(conn: &mut Conn) -> Result<Vec<(Referral, i64)>, StoreError> {
    let rows: Vec<ReferralRow> = sqlx::query_as(AssertSqlSafe(ReferralRow::select_all()))
        .fetch_all(conn)
        .await?;
    rows.into_iter()
        .map(|row| {
            let at = row.created_at;
            to_referral(row).map(|r| (r, at))
        })
        .collect()
}

/// Writes a referral's name, address, phone, permission and work domain.
pub async fn update_referral(conn: &mut Conn, r: &Referral) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE referrals SET name = $1, email = $2, phone = $3, work_domain = $4, \
         permission_date = $5, permission_how = $6 WHERE id = $7",
    )
    .bind(r.name.to_string())
    .bind(r.email.to_string())
    .bind(r.phone.as_ref().map(ToString::to_string))
    .bind(r.work_domain.clone())
    .bind(super::Day::from(r.permission_date))
    .bind(r.permission_how.clone())
    .bind(r.id.clone())
    .execute(conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "referral",
            id: r.id.clone(),
        });
    }
    Ok(())
}

/// Where a referral is named: each invitation whose decision names it, and whether a
/// decline of that invitation may have reached its recipient (then it was sent with the
/// referral in it: a decision cannot change once a decline went out).
pub async fn referral_uses(
    conn: &mut Conn,
    referral_id: &str,
) -> Result<Vec<(String, bool)>, StoreError> {
    let rows: Vec<(String, i64)> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT d.invitation_id, (SELECT COUNT(*) FROM messages m \
         WHERE m.invitation_id = d.invitation_id AND m.kind = 'decline' \
         AND m.status IN {MAYBE_DELIVERED}) \
         FROM decisions d WHERE d.referral_id = $1 ORDER BY d.invitation_id"
    )))
    .bind(referral_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(id, n)| (id, n > 0)).collect())
}

/// Takes the referral out of the invitation's decision (the referral is being removed).
pub async fn clear_decision_referral(
    conn: &mut Conn,
    invitation_id: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE decisions SET referral_id = NULL WHERE invitation_id = $1")
        .bind(invitation_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete_referral(conn: &mut Conn, referral_id: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM referrals WHERE id = $1")
        .bind(referral_id)
        .execute(conn)
        .await?;
    Ok(())
}
