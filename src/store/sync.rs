//! What reading replies remembers: the replies already recorded (so that no reply counts
//! twice, whatever is read again) and the IMAP high-water mark per account and mailbox.

use super::rows::{ImapSyncRow, MessageRow, ReplyRow};
use super::{Conn, StoreError};
use sqlx::AssertSqlSafe;

/// True when a reply with this key was recorded before.
pub async fn reply_seen(conn: &mut Conn, reply_key: &str) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM replies WHERE reply_key = $1")
        .bind(reply_key)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

pub async fn insert_reply(conn: &mut Conn, row: &ReplyRow) -> Result<(), StoreError> {
    row.insert(conn).await?;
    Ok(())
}

/// Outgoing messages a reply may answer: those that left (sent, or exported and sent from
/// the user's own mail client), oldest first.
pub async fn answerable_messages(conn: &mut Conn) -> Result<Vec<MessageRow>, StoreError> {
    Ok(sqlx::query_as(AssertSqlSafe(MessageRow::select(
        "WHERE status IN ('sent', 'exported') ORDER BY created_at, id",
    )))
    .fetch_all(conn)
    .await?)
}

/// Every outgoing message of every invitation (agenda).
pub async fn all_messages(conn: &mut Conn) -> Result<Vec<MessageRow>, StoreError> {
    Ok(sqlx::query_as(AssertSqlSafe(MessageRow::select_all()))
        .fetch_all(conn)
        .await?)
}

/// Marks a message acknowledged by the reply `ack_message_id` received at `at`.
pub async fn acknowledge(
    conn: &mut Conn,
    message_row_id: &str,
    at: i64,
    ack_message_id: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE messages SET acknowledged_at = $1, ack_message_id = $2, \
         acknowledged_via = 'email' WHERE id = $3 AND acknowledged_at IS NULL",
    )
    .bind(at)
    .bind(ack_message_id)
    .bind(message_row_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks a message acknowledged on the phone, during the call at `at`. False when it was
/// acknowledged already (nothing changes then).
pub async fn acknowledge_by_phone(
    conn: &mut Conn,
    message_row_id: &str,
    at: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE messages SET acknowledged_at = $1, acknowledged_via = 'phone' \
         WHERE id = $2 AND acknowledged_at IS NULL",
    )
    .bind(at)
    .bind(message_row_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn load_mark(
    conn: &mut Conn,
    account: &str,
    mailbox: &str,
) -> Result<Option<ImapSyncRow>, StoreError> {
    Ok(sqlx::query_as(AssertSqlSafe(ImapSyncRow::select(
        "WHERE account = $1 AND mailbox = $2",
    )))
    .bind(account)
    .bind(mailbox)
    .fetch_optional(conn)
    .await?)
}

/// Replaces the high-water mark of `row.account` and `row.mailbox`.
pub async fn save_mark(conn: &mut Conn, row: &ImapSyncRow) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM imap_sync WHERE account = $1 AND mailbox = $2")
        .bind(&row.account)
        .bind(&row.mailbox)
        .execute(&mut *conn)
        .await?;
    row.insert(conn).await?;
    Ok(())
}
