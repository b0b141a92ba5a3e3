//! Deleting an invitation with every row that belongs to it: only for a record that never
//! had a message leave (the caller checks [`evidence`] first), so no evidence is lost.

use super::outbox::MAYBE_DELIVERED;
use super::{Conn, StoreError};
use sqlx::AssertSqlSafe;

/// What of an invitation is evidence of contact with the employer: messages that may have
/// reached their recipient and formal letters mailed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    pub messages: i64,
    pub letters_mailed: i64,
}

impl Evidence {
    pub fn any(self) -> bool {
        self.messages > 0 || self.letters_mailed > 0
    }
}

pub async fn evidence(conn: &mut Conn, invitation_id: &str) -> Result<Evidence, StoreError> {
    let messages: i64 = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM messages WHERE invitation_id = $1 AND status IN {MAYBE_DELIVERED}"
    )))
    .bind(invitation_id)
    .fetch_one(&mut *conn)
    .await?;
    let letters_mailed: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM letters WHERE invitation_id = $1 AND mailed_on IS NOT NULL",
    )
    .bind(invitation_id)
    .fetch_one(conn)
    .await?;
    Ok(Evidence {
        messages,
        letters_mailed,
    })
}

/// Tables holding an invitation's rows, children before parents.
const TABLES: &[&str] = &[
    "replies",
    "thread_messages",
    "letters",
    "cancelled_interviews",
    "calls",
    "events",
    "messages",
    "drafts",
    "decisions",
    "facts",
    "contacts",
    "invitations",
];

/// Deletes every row of the invitation; returns how many. Call inside a transaction.
pub async fn delete_invitation(conn: &mut Conn, invitation_id: &str) -> Result<u64, StoreError> {
    let mut rows = 0;
    for table in TABLES {
        let column = if *table == "invitations" {
            "id"
        } else {
            "invitation_id"
        };
        // Built only from the constant names above: no user text.
        let done = sqlx::query(AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE {column} = $1"
        )))
        .bind(invitation_id)
        .execute(&mut *conn)
        .await?;
        rows += done.rows_affected();
    }
    Ok(rows)
}
