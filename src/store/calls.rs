//! Logged follow-up calls. The schedule itself is derived (see `actions::call`): only what
//! happened is stored, so there is nothing to keep in step when a decline is sent.

use super::rows::CallRow;
use super::{Conn, StoreError};
use sqlx::AssertSqlSafe;

pub async fn insert_call(conn: &mut Conn, row: &CallRow) -> Result<(), StoreError> {
    row.insert(conn).await?;
    Ok(())
}

/// The calls logged for one invitation, oldest first.
pub async fn list_calls(conn: &mut Conn, invitation_id: &str) -> Result<Vec<CallRow>, StoreError> {
    Ok(sqlx::query_as(AssertSqlSafe(CallRow::select(
        "WHERE invitation_id = $1 ORDER BY called_at, id",
    )))
    .bind(invitation_id)
    .fetch_all(conn)
    .await?)
}

/// Every logged call, grouped by invitation, oldest first (agenda and calendar).
pub async fn list_all_calls(conn: &mut Conn) -> Result<Vec<CallRow>, StoreError> {
    Ok(sqlx::query_as(AssertSqlSafe(CallRow::select_all()))
        .fetch_all(conn)
        .await?)
}
