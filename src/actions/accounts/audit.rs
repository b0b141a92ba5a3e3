//! The audit log: appended to, never changed; read by the user it concerns and the admin.

use crate::actions::Result;
use crate::store::accounts::{self, AuditEntry, User};
use crate::store::{Conn, Store, new_id};

/// Appends one entry.
pub async fn audit(
    conn: &mut Conn,
    now: i64,
    user_id: Option<&str>,
    actor: Option<&str>,
    kind: &str,
    detail: &str,
    address: Option<&str>,
) -> Result<()> {
    accounts::append_audit(
        conn,
        &AuditEntry {
            id: ordered_id(),
            at: now,
            user_id: user_id.map(str::to_string),
            actor: actor.map(str::to_string),
            kind: kind.to_string(),
            detail: detail.to_string(),
            address: address.map(str::to_string),
        },
    )
    .await?;
    Ok(())
}

/// An id that sorts after every id this machine gave before (the nanoseconds since 1970),
/// then random: entries written in the same second keep their order.
fn ordered_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{nanos:020}{}", new_id())
}

/// What `reader` may read of the log: everything for the admin, else the entries that
/// concern the reader (newest first, at most `limit`).
pub async fn audit_log(accounts: &Store, reader: &User, limit: i64) -> Result<Vec<AuditEntry>> {
    let mut conn = accounts.conn().await?;
    let whose = match reader.role {
        accounts::Role::Admin => None,
        _ => Some(reader.id.as_str()),
    };
    Ok(accounts::list_audit(&mut conn, whose, limit).await?)
}
