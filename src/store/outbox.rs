//! Outbox writes: every change of a message's state is a conditional UPDATE on the state it
//! must be in, so two runs can never both act on one message (`rows_affected == 1` says
//! which one won).

use super::rows::MessageRow;
use super::{Conn, StoreError};
use crate::mail::outbox::Status;
use sqlx::AssertSqlSafe;

/// The states in which a message may have reached its recipient, as an SQL list.
pub(super) const MAYBE_DELIVERED: &str = "('sending', 'sent', 'unknown', 'exported')";

/// One message by its row id.
pub async fn load_message(conn: &mut Conn, id: &str) -> Result<MessageRow, StoreError> {
    sqlx::query_as(AssertSqlSafe(MessageRow::select("WHERE id = $1")))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "message",
            id: id.to_string(),
        })
}

/// Messages in `status`, across every invitation (for recovery after a crash).
pub async fn messages_in_status(
    conn: &mut Conn,
    status: Status,
) -> Result<Vec<MessageRow>, StoreError> {
    Ok(sqlx::query_as(AssertSqlSafe(MessageRow::select(
        "WHERE status = $1 ORDER BY created_at, id",
    )))
    .bind(status)
    .fetch_all(conn)
    .await?)
}

/// Every message that may have reached its recipient (sent, in doubt, exported), whose
/// archived copy must therefore stay as it was; optionally of one invitation only.
pub async fn archived_messages(
    conn: &mut Conn,
    invitation_id: Option<&str>,
) -> Result<Vec<MessageRow>, StoreError> {
    const HAS_COPY: &str = "status IN ('sent', 'unknown', 'exported')";
    let query = match invitation_id {
        Some(id) => sqlx::query_as(AssertSqlSafe(MessageRow::select(&format!(
            "WHERE {HAS_COPY} AND invitation_id = $1 ORDER BY created_at, id"
        ))))
        .bind(id.to_string()),
        None => sqlx::query_as(AssertSqlSafe(MessageRow::select(&format!(
            "WHERE {HAS_COPY} ORDER BY invitation_id, created_at, id"
        )))),
    };
    Ok(query.fetch_all(conn).await?)
}

/// Records the copy a queued message is about to be offered with (its place in the archive
/// and the hash of its bytes), counting the attempt. False when the message is not queued
/// any more.
pub async fn prepare_attempt(
    conn: &mut Conn,
    id: &str,
    path: &str,
    sha256: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE messages SET copy_path = $1, sha256 = $2, attempts = attempts + 1, \
         updated_at = $3 WHERE id = $4 AND status = 'queued'",
    )
    .bind(path)
    .bind(sha256)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes a queued message whose content is about to go out: `queued → sending`. False when
/// the message was not queued any more (another run took it, or its state changed).
pub async fn claim_message(conn: &mut Conn, id: &str, now: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE messages SET status = 'sending', updated_at = $1 \
         WHERE id = $2 AND status = 'queued'",
    )
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A change of state, applied only if the message is still in `from`.
#[derive(Debug, Clone, Copy)]
pub struct Transition<'a> {
    pub from: Status,
    pub to: Status,
    /// Replaces `last_error` (None clears it).
    pub last_error: Option<&'a str>,
    /// Sets `sent_at` when given.
    pub sent_at: Option<i64>,
}

pub async fn transition_message(
    conn: &mut Conn,
    id: &str,
    t: Transition<'_>,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE messages SET status = $1, last_error = $2, sent_at = COALESCE($3, sent_at), \
         updated_at = $4 WHERE id = $5 AND status = $6",
    )
    .bind(t.to)
    .bind(t.last_error)
    .bind(t.sent_at)
    .bind(now)
    .bind(id)
    .bind(t.from)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records where the copy of a message is and the hash of its bytes.
pub async fn record_copy(
    conn: &mut Conn,
    id: &str,
    path: &str,
    sha256: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE messages SET copy_path = $1, sha256 = $2, updated_at = $3 WHERE id = $4")
        .bind(path)
        .bind(sha256)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// New text for a message that was certainly never delivered (queued, failed, cancelled),
/// queued again. False when it is in any other state.
pub async fn requeue_message(
    conn: &mut Conn,
    row: &MessageRow,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE messages SET status = 'queued', to_name = $1, to_email = $2, subject = $3, \
         body = $4, updated_at = $5 \
         WHERE id = $6 AND status IN ('queued', 'failed', 'cancelled')",
    )
    .bind(&row.to_name)
    .bind(&row.to_email)
    .bind(&row.subject)
    .bind(&row.body)
    .bind(now)
    .bind(&row.id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// True when some decline of the invitation may have reached its recipient: a new decision
/// would then contradict what they have read. (A sent acceptance does not count: declining
/// after accepting is an ordinary change of mind.)
pub async fn any_decline_maybe_delivered(
    conn: &mut Conn,
    invitation_id: &str,
) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM messages WHERE invitation_id = $1 AND kind = 'decline' \
         AND status IN ('sending', 'sent', 'unknown', 'exported')",
    )
    .bind(invitation_id)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}
