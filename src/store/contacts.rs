//! Contacts added, corrected, removed or made primary after an invitation was recorded.

use super::invitations::contact_row;
use super::outbox::MAYBE_DELIVERED;
use super::{Conn, StoreError};
use bowout_core::model::Contact;
use sqlx::AssertSqlSafe;

/// Adds a contact after the invitation's others.
pub async fn insert_contact(
    conn: &mut Conn,
    invitation_id: &str,
    contact: &Contact,
) -> Result<(), StoreError> {
    let last: Option<i64> =
        sqlx::query_scalar("SELECT MAX(position) FROM contacts WHERE invitation_id = $1")
            .bind(invitation_id)
            .fetch_one(&mut *conn)
            .await?;
    let position = usize::try_from(last.map_or(0, |p| p + 1)).unwrap_or(0);
    contact_row(invitation_id, position, contact)
        .insert(conn)
        .await?;
    Ok(())
}

/// Writes a contact's name, address, role, phone and greeting.
pub async fn update_contact(
    conn: &mut Conn,
    invitation_id: &str,
    contact: &Contact,
) -> Result<(), StoreError> {
    let row = contact_row(invitation_id, 0, contact);
    let done = sqlx::query(
        "UPDATE contacts SET name = $1, email = $2, role = $3, phone = $4, greeting = $5, \
         greeting_formal = $6 WHERE id = $7 AND invitation_id = $8",
    )
    .bind(row.name)
    .bind(row.email)
    .bind(row.role)
    .bind(row.phone)
    .bind(row.greeting)
    .bind(row.greeting_formal)
    .bind(row.id)
    .bind(row.invitation_id)
    .execute(conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "contact",
            id: contact.id.clone(),
        });
    }
    Ok(())
}

/// True when a message to this contact may have reached them (sent, in doubt, exported).
pub async fn contact_has_delivered(conn: &mut Conn, contact_id: &str) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM messages WHERE contact_id = $1 AND status IN {MAYBE_DELIVERED}"
    )))
    .bind(contact_id)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// Removes a contact with its drafts and its outbox rows that were certainly never
/// delivered. A message that may have reached them keeps the contact (the delete fails).
pub async fn delete_contact(
    conn: &mut Conn,
    invitation_id: &str,
    contact_id: &str,
) -> Result<(), StoreError> {
    super::drafts::delete_contact_drafts(conn, invitation_id, contact_id).await?;
    sqlx::query(
        "DELETE FROM messages WHERE invitation_id = $1 AND contact_id = $2 \
         AND status IN ('queued', 'failed', 'cancelled')",
    )
    .bind(invitation_id)
    .bind(contact_id)
    .execute(&mut *conn)
    .await?;
    let done = sqlx::query("DELETE FROM contacts WHERE id = $1 AND invitation_id = $2")
        .bind(contact_id)
        .bind(invitation_id)
        .execute(conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "contact",
            id: contact_id.to_string(),
        });
    }
    Ok(())
}

/// Makes `contact_id` the primary contact: first in order, the others after it as they were.
pub async fn set_primary_contact(
    conn: &mut Conn,
    invitation_id: &str,
    contact_id: &str,
) -> Result<(), StoreError> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM contacts WHERE invitation_id = $1 ORDER BY position, id",
    )
    .bind(invitation_id)
    .fetch_all(&mut *conn)
    .await?;
    if !ids.iter().any(|id| id == contact_id) {
        return Err(StoreError::NotFound {
            what: "contact",
            id: contact_id.to_string(),
        });
    }
    let order = std::iter::once(contact_id).chain(
        ids.iter()
            .map(String::as_str)
            .filter(|id| *id != contact_id),
    );
    for (position, id) in order.enumerate() {
        sqlx::query("UPDATE contacts SET position = $1, is_primary = $2 WHERE id = $3")
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .bind(i64::from(id == contact_id))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
