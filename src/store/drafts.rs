//! The current drafts of an invitation, one per contact.

use super::rows::DraftRow;
use super::{Conn, StoreError, new_id};
use bowout_core::compose::{Draft, DraftKind};
use bowout_core::model::{EmailAddress, Mailbox, PersonName};
use sqlx::AssertSqlSafe;

/// Replaces the invitation's drafts with these (a new decision makes new drafts).
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
