//! The outbox rows of an invitation (the send path adds and updates them).

use super::rows::MessageRow;
use super::{Conn, StoreError};
use sqlx::AssertSqlSafe;

pub async fn list_messages(
    conn: &mut Conn,
    invitation_id: &str,
) -> Result<Vec<MessageRow>, StoreError> {
    Ok(sqlx::query_as(AssertSqlSafe(MessageRow::select(
        // Contacts in their order (primary first): ids are random, so they cannot order.
        "WHERE invitation_id = $1 ORDER BY created_at, \
         (SELECT c.position FROM contacts c WHERE c.id = messages.contact_id), id",
    )))
    .bind(invitation_id)
    .fetch_all(conn)
    .await?)
}
