//! The whole store as one JSON document, and back. Rows move verbatim, table by table, in
//! an order that respects foreign keys, so an export of a restore equals the export.

use super::rows::LetterRow;
use super::rows::{
    CallRow, ContactRow, DecisionRow, DraftRow, EventRow, FactsRow, ImapSyncRow, InvitationRow,
    MessageRow, ReferralRow, ReplyRow,
};
use super::{Conn, StoreError};
use serde::{Deserialize, Serialize};
use sqlx::AssertSqlSafe;

/// Identifies the file as ours, so restoring some other JSON fails clearly.
pub const FORMAT: &str = "bowout-export";
pub const VERSION: i64 = 1;

#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Dump {
    pub format: String,
    pub version: i64,
    pub invitations: Vec<InvitationRow>,
    pub contacts: Vec<ContactRow>,
    pub referrals: Vec<ReferralRow>,
    pub facts: Vec<FactsRow>,
    pub decisions: Vec<DecisionRow>,
    pub drafts: Vec<DraftRow>,
    pub messages: Vec<MessageRow>,
    pub events: Vec<EventRow>,
    /// The formal letters (schema 4); absent from older exports.
    #[serde(default)]
    pub letters: Vec<LetterRow>,
    /// Follow-up tables (schema 3); absent from older exports.
    #[serde(default)]
    pub calls: Vec<CallRow>,
    #[serde(default)]
    pub replies: Vec<ReplyRow>,
    #[serde(default)]
    pub imap_sync: Vec<ImapSyncRow>,
}

async fn all<T>(conn: &mut Conn, sql: String) -> Result<Vec<T>, StoreError>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    Ok(sqlx::query_as(AssertSqlSafe(sql)).fetch_all(conn).await?)
}

pub async fn dump(conn: &mut Conn) -> Result<Dump, StoreError> {
    Ok(Dump {
        format: FORMAT.to_string(),
        version: VERSION,
        invitations: all(conn, InvitationRow::select_all()).await?,
        contacts: all(conn, ContactRow::select_all()).await?,
        referrals: all(conn, ReferralRow::select_all()).await?,
        facts: all(conn, FactsRow::select_all()).await?,
        decisions: all(conn, DecisionRow::select_all()).await?,
        drafts: all(conn, DraftRow::select_all()).await?,
        messages: all(conn, MessageRow::select_all()).await?,
        events: all(conn, EventRow::select_all()).await?,
        letters: all(conn, LetterRow::select_all()).await?,
        calls: all(conn, CallRow::select_all()).await?,
        replies: all(conn, ReplyRow::select_all()).await?,
        imap_sync: all(conn, ImapSyncRow::select_all()).await?,
    })
}

/// True when no table holds a row: restore only goes into an empty store.
pub async fn is_empty(conn: &mut Conn) -> Result<bool, StoreError> {
    for table in [InvitationRow::TABLE, ReferralRow::TABLE] {
        let n: i64 = sqlx::query_scalar(AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(&mut *conn)
            .await?;
        if n > 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Inserts every row of the dump. Call inside a transaction: a failure leaves nothing behind.
pub async fn load(conn: &mut Conn, dump: &Dump) -> Result<(), StoreError> {
    for r in &dump.invitations {
        r.insert(conn).await?;
    }
    for r in &dump.contacts {
        r.insert(conn).await?;
    }
    for r in &dump.referrals {
        r.insert(conn).await?;
    }
    for r in &dump.facts {
        r.insert(conn).await?;
    }
    for r in &dump.decisions {
        r.insert(conn).await?;
    }
    for r in &dump.drafts {
        r.insert(conn).await?;
    }
    for r in &dump.messages {
        r.insert(conn).await?;
    }
    for r in &dump.events {
        r.insert(conn).await?;
    }
    for r in &dump.letters {
        r.insert(conn).await?;
    }
    for r in &dump.calls {
        r.insert(conn).await?;
    }
    for r in &dump.replies {
        r.insert(conn).await?;
    }
    for r in &dump.imap_sync {
        r.insert(conn).await?;
    }
    Ok(())
}
