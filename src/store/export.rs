//! The whole store as one JSON document, and back. Rows move verbatim, table by table, in
//! an order that respects foreign keys, so an export of a restore equals the export.

use super::rows::{
    CallRow, CancelledInterviewRow, ContactRow, DecisionRow, DraftRow, EventRow, FactsRow,
    ImapSyncRow, InvitationRow, LetterRow, MessageRow, ReferralRow, ReplyRow, ReviewRow,
    ThreadMessageRow,
};
use super::{Conn, StoreError};
use serde::{Deserialize, Serialize};
use sqlx::AssertSqlSafe;

/// Identifies the file as ours, so restoring some other JSON fails clearly.
pub const FORMAT: &str = "bowout-export";
/// Version 2 added the configuration and the templates; version 1 files are still read.
pub const VERSION: i64 = 2;
/// The oldest version `restore` reads.
pub const OLDEST_VERSION: i64 = 1;

/// Declares the dump with one field per table, in foreign-key order, and the functions
/// that read every table into it and write it back: a new table is one line here.
macro_rules! dump_tables {
    ($($(#[$meta:meta])* $field:ident: $row:ty,)*) => {
        #[derive(Debug, Serialize, Deserialize, PartialEq)]
        #[serde(deny_unknown_fields)]
        pub struct Dump {
            pub format: String,
            pub version: i64,
            $($(#[$meta])* pub $field: Vec<$row>,)*
            /// The archive's files (the copies of sent messages, the letters): not rows,
            /// so [`dump`] leaves this empty and the export action fills it. Absent from
            /// older exports.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub archive: Vec<ArchivedFile>,
            /// `config.toml` without its secrets, filled by the export action (version 2).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub config: Option<String>,
            /// The user's templates, `<home>/templates/*`, filled by the export action
            /// (version 2).
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub templates: Vec<TemplateFile>,
        }

        pub async fn dump(conn: &mut Conn) -> Result<Dump, StoreError> {
            Ok(Dump {
                format: FORMAT.to_string(),
                version: VERSION,
                $($field: all(conn, <$row>::select_all()).await?,)*
                archive: Vec::new(),
                config: None,
                templates: Vec::new(),
            })
        }

        /// Inserts every row of the dump. Call inside a transaction: a failure leaves
        /// nothing behind.
        pub async fn load(conn: &mut Conn, dump: &Dump) -> Result<(), StoreError> {
            $(for r in &dump.$field {
                r.insert(conn).await?;
            })*
            Ok(())
        }
    };
}

dump_tables! {
    invitations: InvitationRow,
    contacts: ContactRow,
    referrals: ReferralRow,
    facts: FactsRow,
    decisions: DecisionRow,
    drafts: DraftRow,
    messages: MessageRow,
    events: EventRow,
    /// The formal letters (schema 4); absent from older exports.
    #[serde(default)]
    letters: LetterRow,
    /// Follow-up tables (schema 3); absent from older exports.
    #[serde(default)]
    calls: CallRow,
    #[serde(default)]
    replies: ReplyRow,
    #[serde(default)]
    imap_sync: ImapSyncRow,
    /// Later messages of invitation threads (schema 5); absent from older exports.
    #[serde(default)]
    thread_messages: ThreadMessageRow,
    /// Interviews called off (schema 7); absent from older exports.
    #[serde(default)]
    cancelled_interviews: CancelledInterviewRow,
    /// Messages to review and the user's answers (schema 10); absent from older exports.
    #[serde(default)]
    reviews: ReviewRow,
}

/// One file of the archive: its path relative to the archive directory (`/`-separated) and
/// its bytes in standard base64.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ArchivedFile {
    pub path: String,
    pub base64: String,
}

/// One of the user's templates: its file name in `<home>/templates/` and its text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TemplateFile {
    pub name: String,
    pub text: String,
}

async fn all<T>(conn: &mut Conn, sql: String) -> Result<Vec<T>, StoreError>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    Ok(sqlx::query_as(AssertSqlSafe(sql)).fetch_all(conn).await?)
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
