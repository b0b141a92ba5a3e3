//! The current drafts of an invitation, one per contact.

use super::rows::DraftRow;
use super::{Conn, StoreError, new_id};
use bowout_core::compose::{Draft, DraftKind};
use bowout_core::model::{EmailAddress, Mailbox, PersonName};
use sqlx::AssertSqlSafe;

/// Replaces the invitation's drafts with these (a new decision makes new drafts), which
/// are current: no longer stale.
pub async fn replace_drafts(
    conn: &mut Conn,
    invitation_id: &str,
    drafts: &[Draft],
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM drafts WHERE invitation_id = $1")
        .bind(invitation_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE invitations SET drafts_stale = NULL WHERE id = $1")
        .bind(invitation_id)
        .execute(&mut *conn)
        .await?;
    for (position, d) in drafts.iter().enumerate() {
        DraftRow {
            id: new_id(),
            invitation_id: invitation_id.to_string(),
            contact_id: d.contact_id.clone(),
            position: i64::try_from(position).unwrap_or(i64::MAX),
            kind: d.kind.as_str().to_string(),
            to_name: d.to.name.as_ref().map(ToString::to_string),
            to_email: d.to.email.to_string(),
            subject: d.subject.clone(),
            body: d.body.clone(),
            created_at: at,
        }
        .insert(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn load_drafts(conn: &mut Conn, invitation_id: &str) -> Result<Vec<Draft>, StoreError> {
    let rows: Vec<DraftRow> = sqlx::query_as(AssertSqlSafe(DraftRow::select(
        "WHERE invitation_id = $1 ORDER BY position, id",
    )))
    .bind(invitation_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let bad = |e: bowout_core::model::ModelError| StoreError::corrupt("draft", &r.id, e);
            Ok(Draft {
                kind: DraftKind::parse(&r.kind).ok_or_else(|| {
                    StoreError::corrupt("draft", &r.id, format!("kind {:?}", r.kind))
                })?,
                to: Mailbox {
                    name: super::parse::optional(r.to_name.as_deref(), PersonName::parse)
                        .map_err(bad)?,
                    email: EmailAddress::parse(&r.to_email).map_err(bad)?,
                },
                contact_id: r.contact_id.clone(),
                subject: r.subject.clone(),
                body: r.body.clone(),
            })
        })
        .collect()
}

/// Marks the invitation's drafts stale (written before `why` changed what they say); false
/// when it has no drafts, or when every decline is sent (nothing is left to send).
pub async fn mark_drafts_stale(
    conn: &mut Conn,
    invitation_id: &str,
    why: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE invitations SET drafts_stale = $1 WHERE id = $2 \
         AND status NOT IN ('sent', 'acknowledged') \
         AND EXISTS (SELECT 1 FROM drafts WHERE drafts.invitation_id = $2)",
    )
    .bind(why)
    .bind(invitation_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Why the invitation's drafts are stale, when they are.
pub async fn drafts_stale(
    conn: &mut Conn,
    invitation_id: &str,
) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar::<_, Option<String>>(
        "SELECT drafts_stale FROM invitations WHERE id = $1",
    )
    .bind(invitation_id)
    .fetch_optional(conn)
    .await?
    .flatten())
}

/// Deletes one contact's drafts (the contact is being removed).
pub async fn delete_contact_drafts(
    conn: &mut Conn,
    invitation_id: &str,
    contact_id: &str,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM drafts WHERE invitation_id = $1 AND contact_id = $2")
        .bind(invitation_id)
        .bind(contact_id)
        .execute(conn)
        .await?;
    Ok(())
}
