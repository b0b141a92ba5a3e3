//! Coach mode's accounts, on PostgreSQL: users, API tokens, assignments, sessions, the audit
//! log, coaches' notes and the encrypted mail passwords, in the schema `bowout_accounts`.
//!
//! Each user's records live in a schema of their own, `bowout_u_<user id>`, holding the same
//! tables as a single-user store (`migrations/`). A store scoped to a user
//! ([`Store::as_user`]) sets the search path on every connection it hands out, so every
//! query of the store runs against that user's tables and no other: a record of another
//! user is not found, whatever its id. A coach looking at a seeker gets the seeker's
//! schema with every transaction read-only.

use super::{Conn, Store, StoreError};
use sqlx::AssertSqlSafe;
use std::sync::Arc;

static ACCOUNTS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/accounts");

/// The schema of the accounts.
pub const ACCOUNTS_SCHEMA: &str = "bowout_accounts";

/// The schema a connection reads and writes, and whether it may write.
#[derive(Clone, Debug)]
pub struct Scope {
    schema: Arc<str>,
    read_only: bool,
}

impl Scope {
    fn new(schema: String, read_only: bool) -> Self {
        Self {
            schema: schema.into(),
            read_only,
        }
    }

    /// Points the connection at the schema (and makes its transactions read-only, or not).
    /// Set on every connection handed out, since the pool is shared by every user.
    pub(super) async fn apply(&self, conn: &mut Conn) -> Result<(), StoreError> {
        sqlx::query(
            "SELECT set_config('search_path', $1, false), \
             set_config('default_transaction_read_only', $2, false)",
        )
        .bind(self.schema.to_string())
        .bind(if self.read_only { "on" } else { "off" })
        .execute(conn)
        .await?;
        Ok(())
    }
}

/// The schema of a user's records. Ids are bowout's own (lowercase letters and digits).
pub fn user_schema(user_id: &str) -> Result<String, StoreError> {
    if user_id.is_empty() || !user_id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(StoreError::corrupt("user", user_id, "not a user id"));
    }
    Ok(format!("bowout_u_{}", user_id.to_ascii_lowercase()))
}

impl Store {
    /// Opens coach mode's accounts in the PostgreSQL database at `url`: creates the accounts
    /// schema if needed and brings it to the current version (safe to run again).
    pub async fn open_accounts(url: &str) -> Result<Self, StoreError> {
        if !url.starts_with("postgres:") && !url.starts_with("postgresql:") {
            return Err(StoreError::NotPostgres);
        }
        // A server waits a few seconds at most for the database: then it answers 503, and
        // the next request tries again.
        let pool = sqlx::any::AnyPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(std::time::Duration::from_secs(3));
        let mut store = Self::connect_with(url, pool, false).await?;
        {
            let mut conn = store.pool.acquire().await?;
            create_schema(&mut conn, ACCOUNTS_SCHEMA).await?;
        }
        store.scope = Some(Scope::new(ACCOUNTS_SCHEMA.to_string(), false));
        let mut conn = store.conn().await?;
        ACCOUNTS.run(&mut *conn).await?;
        Ok(store)
    }

    /// The same database as `user_id` sees it: every connection reads and writes that user's
    /// schema, and only reads it when `read_only`.
    pub fn as_user(&self, user_id: &str, read_only: bool) -> Result<Self, StoreError> {
        Ok(Self {
            pool: self.pool.clone(),
            sqlite: self.sqlite,
            scope: Some(Scope::new(user_schema(user_id)?, read_only)),
        })
    }

    /// Creates the user's schema if needed and brings it to the current version (safe to
    /// run twice, and at every start).
    pub async fn prepare_user(&self, user_id: &str) -> Result<(), StoreError> {
        let schema = user_schema(user_id)?;
        let mut conn = self.pool.acquire().await?;
        create_schema(&mut conn, &schema).await?;
        Scope::new(schema, false).apply(&mut conn).await?;
        super::MIGRATOR.run(&mut *conn).await?;
        Ok(())
    }
}

async fn create_schema(conn: &mut Conn, schema: &str) -> Result<(), StoreError> {
    // The name is bowout's own (a constant or `user_schema`), never text from a request.
    sqlx::query(AssertSqlSafe(format!(
        "CREATE SCHEMA IF NOT EXISTS {schema}"
    )))
    .execute(conn)
    .await
    .map(|_| ())
    .or_else(|e| match &e {
        // Two processes creating it at once: the other one did.
        sqlx::Error::Database(d) if d.code().as_deref() == Some("23505") => Ok(()),
        _ => Err(e.into()),
    })
}

/// What a user may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Has invitations of their own.
    Seeker,
    /// Reads the seekers assigned to them, leaves notes and suggests drafts.
    Coach,
    /// Manages accounts and nothing else.
    Admin,
}

impl Role {
    pub const ALL: [Self; 3] = [Self::Seeker, Self::Coach, Self::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Seeker => "seeker",
            Self::Coach => "coach",
            Self::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// An account.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct User {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub full_name: Option<String>,
    pub email: Option<String>,
    #[serde(serialize_with = "rfc3339")]
    pub created_at: i64,
}

/// Instants print as RFC 3339 in `--json` and the API, as everywhere in bowout.
fn rfc3339<S: serde::Serializer>(unix: &i64, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&crate::clock::timestamp(*unix), s)
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: String,
    name: String,
    role: String,
    full_name: Option<String>,
    email: Option<String>,
    created_at: i64,
}

const USER_COLUMNS: &str = "id, name, role, full_name, email, created_at";

impl TryFrom<UserRow> for User {
    type Error = StoreError;

    fn try_from(row: UserRow) -> Result<Self, StoreError> {
        let role = Role::parse(&row.role)
            .ok_or_else(|| StoreError::corrupt("user", &row.id, format!("role {:?}", row.role)))?;
        Ok(Self {
            id: row.id,
            name: row.name,
            role,
            full_name: row.full_name,
            email: row.email,
            created_at: row.created_at,
        })
    }
}

/// A new account, its password already hashed.
pub struct NewUser<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    pub full_name: Option<&'a str>,
    pub email: Option<&'a str>,
    pub created_at: i64,
}

/// Records a new account; false when the name is taken.
pub async fn insert_user(conn: &mut Conn, user: &NewUser<'_>) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO users (id, name, role, password_hash, full_name, email, created_at) \
         SELECT $1, $2, $3, $4, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM users WHERE name = $2)",
    )
    .bind(user.id)
    .bind(user.name)
    .bind(user.role.as_str())
    .bind(user.password_hash)
    .bind(user.full_name)
    .bind(user.email)
    .bind(user.created_at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The account called `name` (not removed), with its password hash.
pub async fn user_by_name(
    conn: &mut Conn,
    name: &str,
) -> Result<Option<(User, String)>, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT password_hash FROM users WHERE name = $1 AND deleted_at IS NULL")
            .bind(name)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((hash,)) = row else {
        return Ok(None);
    };
    let user = sqlx::query_as::<_, UserRow>(AssertSqlSafe(format!(
        "SELECT {USER_COLUMNS} FROM users WHERE name = $1 AND deleted_at IS NULL"
    )))
    .bind(name)
    .fetch_optional(conn)
    .await?;
    user.map(|u| Ok((User::try_from(u)?, hash))).transpose()
}

/// The account with this id, unless removed.
pub async fn user_by_id(conn: &mut Conn, id: &str) -> Result<Option<User>, StoreError> {
    sqlx::query_as::<_, UserRow>(AssertSqlSafe(format!(
        "SELECT {USER_COLUMNS} FROM users WHERE id = $1 AND deleted_at IS NULL"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .map(User::try_from)
    .transpose()
}

/// Every account not removed, by name.
pub async fn list_users(conn: &mut Conn) -> Result<Vec<User>, StoreError> {
    sqlx::query_as::<_, UserRow>(AssertSqlSafe(format!(
        "SELECT {USER_COLUMNS} FROM users WHERE deleted_at IS NULL ORDER BY name"
    )))
    .fetch_all(conn)
    .await?
    .into_iter()
    .map(User::try_from)
    .collect()
}

pub async fn set_role(conn: &mut Conn, user_id: &str, role: Role) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
        .bind(role.as_str())
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Removes an account: its sessions end, its tokens stop working, its assignments go.
/// Its records stay in its schema (and in the audit log).
pub async fn remove_user(conn: &mut Conn, user_id: &str, now: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET deleted_at = $1 WHERE id = $2")
        .bind(now)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
        .bind(now)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM assignments WHERE coach_id = $1 OR seeker_id = $1")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert_token(
    conn: &mut Conn,
    user_id: &str,
    token_hash: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Revokes every token of the user; how many were in force.
pub async fn revoke_tokens(conn: &mut Conn, user_id: &str, now: i64) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// The account a token in force belongs to, and whether its use is the first in a minute
/// (then noted as its last use).
pub async fn user_by_token(
    conn: &mut Conn,
    token_hash: &str,
    now: i64,
) -> Result<Option<(User, bool)>, StoreError> {
    let found: Option<(String, Option<i64>)> = sqlx::query_as(
        "SELECT user_id, last_used_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((user_id, last_used)) = found else {
        return Ok(None);
    };
    let first = last_used.is_none_or(|at| now - at >= 60 || at > now);
    if first {
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(&mut *conn)
            .await?;
    }
    Ok(user_by_id(conn, &user_id).await?.map(|u| (u, first)))
}

/// Assigns a seeker to a coach (again: nothing changes); false if it already was.
pub async fn assign(
    conn: &mut Conn,
    coach_id: &str,
    seeker_id: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO assignments (coach_id, seeker_id, assigned_at) SELECT $1, $2, $3 \
         WHERE NOT EXISTS (SELECT 1 FROM assignments WHERE coach_id = $1 AND seeker_id = $2)",
    )
    .bind(coach_id)
    .bind(seeker_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The seekers assigned to the coach, by name.
pub async fn seekers_of(conn: &mut Conn, coach_id: &str) -> Result<Vec<User>, StoreError> {
    sqlx::query_as::<_, UserRow>(AssertSqlSafe(format!(
        "SELECT {} FROM users u JOIN assignments a ON a.seeker_id = u.id \
         WHERE a.coach_id = $1 AND u.deleted_at IS NULL AND u.role = 'seeker' ORDER BY u.name",
        USER_COLUMNS
            .split(", ")
            .map(|c| format!("u.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    )))
    .bind(coach_id)
    .fetch_all(conn)
    .await?
    .into_iter()
    .map(User::try_from)
    .collect()
}

/// The seeker `seeker_id` if assigned to the coach (and still a seeker), else nothing.
pub async fn assigned_seeker(
    conn: &mut Conn,
    coach_id: &str,
    seeker_id: &str,
) -> Result<Option<User>, StoreError> {
    let assigned: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM assignments WHERE coach_id = $1 AND seeker_id = $2")
            .bind(coach_id)
            .bind(seeker_id)
            .fetch_optional(&mut *conn)
            .await?;
    if assigned.is_none() {
        return Ok(None);
    }
    Ok(user_by_id(conn, seeker_id)
        .await?
        .filter(|u| u.role == Role::Seeker))
}

/// A signed-in browser.
#[derive(Clone, Debug)]
pub struct Session {
    pub user: User,
    pub csrf: String,
    pub expires_at: i64,
    /// The seeker a coach is looking at.
    pub viewing: Option<String>,
}

pub async fn insert_session(
    conn: &mut Conn,
    session_hash: &str,
    user_id: &str,
    csrf: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (session_hash, user_id, csrf, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(session_hash)
    .bind(user_id)
    .bind(csrf)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The session in force with this hash (its user not removed).
pub async fn session(
    conn: &mut Conn,
    session_hash: &str,
    now: i64,
) -> Result<Option<Session>, StoreError> {
    let row: Option<(String, String, i64, Option<String>)> = sqlx::query_as(
        "SELECT user_id, csrf, expires_at, viewing FROM sessions \
         WHERE session_hash = $1 AND expires_at > $2",
    )
    .bind(session_hash)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((user_id, csrf, expires_at, viewing)) = row else {
        return Ok(None);
    };
    Ok(user_by_id(conn, &user_id).await?.map(|user| Session {
        user,
        csrf,
        expires_at,
        viewing,
    }))
}

pub async fn delete_session(conn: &mut Conn, session_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE session_hash = $1")
        .bind(session_hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets sessions that ended before `now`.
pub async fn delete_expired_sessions(conn: &mut Conn, now: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_viewing(
    conn: &mut Conn,
    session_hash: &str,
    seeker_id: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET viewing = $1 WHERE session_hash = $2")
        .bind(seeker_id)
        .bind(session_hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct AuditEntry {
    /// Ordered as written: the entries of one second sort by it.
    pub id: String,
    #[serde(serialize_with = "rfc3339")]
    pub at: i64,
    pub user_id: Option<String>,
    pub actor: Option<String>,
    pub kind: String,
    pub detail: String,
    pub address: Option<String>,
}

/// Appends to the audit log (nothing here changes or removes an entry).
pub async fn append_audit(conn: &mut Conn, entry: &AuditEntry) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit (id, at, user_id, actor, kind, detail, address) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&entry.id)
    .bind(entry.at)
    .bind(&entry.user_id)
    .bind(&entry.actor)
    .bind(&entry.kind)
    .bind(&entry.detail)
    .bind(&entry.address)
    .execute(conn)
    .await?;
    Ok(())
}

/// The newest `limit` entries concerning `user_id` (every entry when `None`), newest first.
pub async fn list_audit(
    conn: &mut Conn,
    user_id: Option<&str>,
    limit: i64,
) -> Result<Vec<AuditEntry>, StoreError> {
    let sql = "SELECT id, at, user_id, actor, kind, detail, address FROM audit";
    let rows = match user_id {
        Some(id) => {
            sqlx::query_as(AssertSqlSafe(format!(
                "{sql} WHERE user_id = $1 ORDER BY at DESC, id DESC LIMIT $2"
            )))
            .bind(id)
            .bind(limit)
            .fetch_all(conn)
            .await?
        }
        None => {
            sqlx::query_as(AssertSqlSafe(format!(
                "{sql} ORDER BY at DESC, id DESC LIMIT $1"
            )))
            .bind(limit)
            .fetch_all(conn)
            .await?
        }
    };
    Ok(rows)
}

/// A coach's note on an invitation, or a draft the coach suggests to one contact.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct Note {
    pub id: String,
    pub seeker_id: String,
    pub invitation_id: String,
    pub coach_id: String,
    /// `note` or `draft`.
    pub kind: String,
    pub to_email: Option<String>,
    pub body: String,
    #[serde(serialize_with = "rfc3339")]
    pub created_at: i64,
}

pub async fn insert_note(conn: &mut Conn, note: &Note) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO notes (id, seeker_id, invitation_id, coach_id, kind, to_email, body, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&note.id)
    .bind(&note.seeker_id)
    .bind(&note.invitation_id)
    .bind(&note.coach_id)
    .bind(&note.kind)
    .bind(&note.to_email)
    .bind(&note.body)
    .bind(note.created_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The notes and suggested drafts on one of the seeker's invitations, oldest first.
pub async fn list_notes(
    conn: &mut Conn,
    seeker_id: &str,
    invitation_id: &str,
) -> Result<Vec<Note>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, seeker_id, invitation_id, coach_id, kind, to_email, body, created_at \
         FROM notes WHERE seeker_id = $1 AND invitation_id = $2 ORDER BY created_at, id",
    )
    .bind(seeker_id)
    .bind(invitation_id)
    .fetch_all(conn)
    .await?)
}

/// A mail password as stored: encrypted under the server key `key_id`.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SealedSecret {
    pub user_id: String,
    pub name: String,
    pub key_id: String,
    pub nonce: String,
    pub ciphertext: String,
}

pub async fn save_secret(
    conn: &mut Conn,
    secret: &SealedSecret,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM secrets WHERE user_id = $1 AND name = $2")
        .bind(&secret.user_id)
        .bind(&secret.name)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO secrets (user_id, name, key_id, nonce, ciphertext, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&secret.user_id)
    .bind(&secret.name)
    .bind(&secret.key_id)
    .bind(&secret.nonce)
    .bind(&secret.ciphertext)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn load_secret(
    conn: &mut Conn,
    user_id: &str,
    name: &str,
) -> Result<Option<SealedSecret>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT user_id, name, key_id, nonce, ciphertext FROM secrets \
         WHERE user_id = $1 AND name = $2",
    )
    .bind(user_id)
    .bind(name)
    .fetch_optional(conn)
    .await?)
}

/// Every stored secret, for key rotation.
pub async fn all_secrets(conn: &mut Conn) -> Result<Vec<SealedSecret>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT user_id, name, key_id, nonce, ciphertext FROM secrets ORDER BY user_id, name",
    )
    .fetch_all(conn)
    .await?)
}
