//! Storage: sqlx over SQLite (the default, one file in the home) or PostgreSQL (servers).
//!
//! Both backends run the same portable SQL through sqlx's `Any` driver: `$n` placeholders
//! (SQLite understands them too), TEXT ids, BIGINT timestamps and flags. This module is the
//! only place where rows become model values; every function takes a connection so callers
//! can group writes into one transaction.

pub mod accounts;
mod calls;
mod contacts;
mod day;
mod decisions;
mod delete;
mod error;
mod events;
pub mod export;
mod facts;
pub mod health;
mod invitations;
mod letters;
mod messages;
mod outbox;
mod parse;
mod referrals;
mod reviews;
mod rows;
mod sync;
mod text_column;
mod threads;

pub use crate::ids::new_id;
pub use calls::{insert_call, list_all_calls, list_calls};
pub use contacts::{
    contact_has_delivered, delete_contact, insert_contact, set_primary_contact, update_contact,
};
pub use day::Day;
pub use decisions::{
    list_cancelled_interviews, load_cancelled_interview, load_decision, replace_decision,
    save_cancelled_interview, set_interview_time,
};
pub use delete::{Evidence, delete_invitation, evidence};
pub use drafts::{drafts_stale, load_drafts, mark_drafts_stale, replace_drafts, update_draft_body};
pub use error::StoreError;
pub use events::{append_event, list_events};
pub use facts::{gut_history, load_facts, replace_facts};
pub use invitations::{
    Dismissal, dismiss_invitation, find_by_message_id, insert_invitation, list_invitations,
    load_dismissal, load_invitation, resolve_invitation_id, set_status, undismiss_invitation,
    update_captured_fields,
};
pub use letters::{
    letters_awaiting_receipt, list_letters, load_letter, save_letter, set_postal_address,
};
pub use messages::list_messages;
pub use outbox::{
    Transition, any_decline_maybe_delivered, archived_messages, claim_message, load_message,
    messages_in_status, prepare_attempt, record_copy, requeue_message, transition_message,
};
pub use referrals::{
    clear_decision_referral, delete_referral, insert_referral, list_referrals, load_referral,
    referral_uses, resolve_referral_id, update_referral,
};
pub use reviews::{answer_review, insert_review, load_review, pending_reviews};
pub use rows::LetterRow;
pub use rows::MessageRow;
pub use rows::ReviewRow;
pub use rows::{CallRow, CancelledInterviewRow, ImapSyncRow, ReplyRow, ThreadMessageRow};
pub use sync::{
    acknowledge, acknowledge_by_phone, all_messages, answerable_messages, insert_reply, load_mark,
    reply_seen, save_mark,
};
pub use threads::{
    find_thread, invitations_with_requisition, invitations_with_requisitions, link_thread_message,
    raise_round,
};

mod drafts;

use health::FileState;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, Transaction};
use std::path::Path;
use std::str::FromStr;

/// A connection inside a transaction: what every write takes.
pub type Tx = Transaction<'static, sqlx::Any>;
/// Any connection: what every function here takes.
pub type Conn = AnyConnection;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The open database.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    /// SQLite rather than PostgreSQL.
    sqlite: bool,
    /// Coach mode (PostgreSQL): the schema every connection handed out reads and writes.
    scope: Option<accounts::Scope>,
}

impl Store {
    /// Opens (creating if needed) the SQLite file at `path`, in WAL mode with `synchronous =
    /// FULL` and foreign keys on. A file that is not whole (cut short, garbled, or failing
    /// SQLite's check of its pages) is [`StoreError::Damaged`] and left as it is; so is an
    /// empty file unless `empty_ok` (nothing was ever recorded beside it).
    pub async fn open_sqlite(path: &Path, empty_ok: bool) -> Result<Self, StoreError> {
        let state = health::check_file(path)?;
        if state == FileState::Empty && !empty_ok {
            return Err(StoreError::Damaged {
                path: path.to_path_buf(),
                why: "it is empty (0 bytes), though the archive beside it holds copies: its \
                      records are lost"
                    .into(),
            });
        }
        let store = Self::connect(&sqlite_url(path), 4, true).await?;
        if matches!(state, FileState::Whole { .. }) {
            let found = match store.conn().await {
                Ok(mut conn) => health::quick_check(&mut conn).await,
                Err(e) => Err(e),
            };
            let why = match found {
                Ok(None) => None,
                Ok(Some(problems)) => {
                    Some(format!("SQLite's check of its pages failed: {problems}"))
                }
                Err(StoreError::Database(e)) if health::is_damage(&e) => {
                    let said = e
                        .as_database_error()
                        .map_or_else(|| e.to_string(), |d| d.message().to_string());
                    Some(format!("SQLite's check of its pages failed: {said}"))
                }
                Err(e) => {
                    store.close().await;
                    return Err(e);
                }
            };
            if let Some(why) = why {
                store.close().await;
                return Err(StoreError::Damaged {
                    path: path.to_path_buf(),
                    why,
                });
            }
        }
        // WAL is persistent in the file: readers never block the writer (two commands at once).
        sqlx::query("PRAGMA journal_mode = WAL")
            .execute(&store.pool)
            .await?;
        MIGRATOR.run(&store.pool).await?;
        Ok(store)
    }

    /// Opens a database by URL (`postgres://…` or `sqlite://…`).
    pub async fn open_url(url: &str) -> Result<Self, StoreError> {
        let sqlite = url.starts_with("sqlite:");
        let store = Self::connect(url, 8, sqlite).await?;
        MIGRATOR.run(&store.pool).await?;
        Ok(store)
    }

    /// A pool of `max` connections.
    async fn connect(url: &str, max: u32, sqlite: bool) -> Result<Self, StoreError> {
        Self::connect_with(url, AnyPoolOptions::new().max_connections(max), sqlite).await
    }

    async fn connect_with(
        url: &str,
        pool: AnyPoolOptions,
        sqlite: bool,
    ) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let options = AnyConnectOptions::from_str(url).map_err(StoreError::Connect)?;
        let pool = pool
            .connect_with(options)
            .await
            .map_err(StoreError::Connect)?;
        Ok(Self {
            pool,
            sqlite,
            scope: None,
        })
    }

    pub async fn begin(&self) -> Result<Tx, StoreError> {
        let conn = self.conn().await?;
        Ok(sqlx::Transaction::begin(conn, None).await?)
    }

    /// A plain connection for reads.
    ///
    /// On SQLite every connection commits with `synchronous = FULL`: in WAL mode that syncs
    /// the log at every commit, so a state recorded (a copy's hash, a message `sending`) is
    /// on disk before bowout acts on it, and a power loss never takes back a commit. (Set on
    /// each use, since a setting that failed on connecting would be lost.)
    pub async fn conn(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        if self.sqlite {
            sqlx::query("PRAGMA synchronous = FULL")
                .execute(&mut *conn)
                .await?;
        }
        if let Some(scope) = &self.scope {
            scope.apply(&mut conn).await?;
        }
        Ok(conn)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A `sqlite://` URL for a path, percent-encoding whatever a URL would misread.
fn sqlite_url(path: &Path) -> String {
    let raw = path.to_string_lossy();
    let mut encoded = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '%' | '?' | '#' | ' ' | '"' | '<' | '>' | '`' | '{' | '}' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    encoded.push_str(&format!("%{b:02X}"));
                }
            }
            c => encoded.push(c),
        }
    }
    format!("sqlite://{encoded}?mode=rwc")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_url_escapes_url_syntax() {
        assert_eq!(
            sqlite_url(Path::new("/tmp/a b/50%?#.db")),
            "sqlite:///tmp/a%20b/50%25%3F%23.db?mode=rwc"
        );
    }
}
