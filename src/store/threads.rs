//! Mail threads: which invitation a message belongs to.

use super::rows::ThreadMessageRow;
use super::{Conn, StoreError};
use bowout_core::model::Round;

/// The invitation this message belongs to: captured from it, or linked to it later.
pub async fn find_thread(conn: &mut Conn, message_id: &str) -> Result<Option<String>, StoreError> {
    if let Some(id) = super::find_by_message_id(conn, message_id).await? {
        return Ok(Some(id));
    }
    Ok(
        sqlx::query_scalar("SELECT invitation_id FROM thread_messages WHERE message_id = $1")
            .bind(message_id)
            .fetch_optional(conn)
            .await?,
    )
}

/// Invitations recorded for this requisition, oldest first, with their employers: ATS mail
/// for a later round often starts a new thread, so `import` looks for the same requisition
/// at the same employer.
pub async fn invitations_with_requisition(
    conn: &mut Conn,
    requisition: &str,
) -> Result<Vec<(String, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, employer FROM invitations WHERE requisition = $1 ORDER BY created_at, id",
    )
    .bind(requisition)
    .fetch_all(conn)
    .await?)
}

/// Records a later message of an invitation's thread.
pub async fn link_thread_message(
    conn: &mut Conn,
    row: &ThreadMessageRow,
) -> Result<(), StoreError> {
    row.insert(conn).await?;
    Ok(())
}

/// Moves the invitation to a later round; returns whether it changed. A thread never moves
/// back to an earlier round.
pub async fn raise_round(
    conn: &mut Conn,
    invitation_id: &str,
    round: Round,
) -> Result<bool, StoreError> {
    let n = i64::from(round.number());
    let done = sqlx::query(
        "UPDATE invitations SET round = $1 WHERE id = $2 AND (round IS NULL OR round < $1)",
    )
    .bind(n)
    .bind(invitation_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every invitation with a requisition, oldest first: its id, employer and requisition
/// (for finding likely duplicates, compared loosely by the caller).
pub async fn invitations_with_requisitions(
    conn: &mut Conn,
) -> Result<Vec<(String, String, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, employer, requisition FROM invitations WHERE requisition IS NOT NULL \
         ORDER BY created_at, id",
    )
    .fetch_all(conn)
    .await?)
}
