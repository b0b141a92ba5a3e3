//! The append-only timeline. There is no update or delete here, by design.

use super::rows::EventRow;
use super::{Conn, StoreError, new_id};
use bowout_core::model::{Event, EventKind};
use sqlx::AssertSqlSafe;

/// Appends one event after the invitation's last one.
pub async fn append_event(
    conn: &mut Conn,
    invitation_id: &str,
    at: i64,
    kind: EventKind,
    detail: &str,
) -> Result<(), StoreError> {
    let last: Option<i64> =
        sqlx::query_scalar("SELECT MAX(seq) FROM events WHERE invitation_id = $1")
            .bind(invitation_id)
            .fetch_one(&mut *conn)
            .await?;
    EventRow {
        id: new_id(),
        invitation_id: invitation_id.to_string(),
        seq: last.unwrap_or(0) + 1,
        at,
        kind: kind.as_str().to_string(),
        detail: detail.to_string(),
    }
    .insert(conn)
    .await?;
    Ok(())
}

pub async fn list_events(conn: &mut Conn, invitation_id: &str) -> Result<Vec<Event>, StoreError> {
    let rows: Vec<EventRow> = sqlx::query_as(AssertSqlSafe(EventRow::select(
        "WHERE invitation_id = $1 ORDER BY seq",
    )))
    .bind(invitation_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let kind = EventKind::parse(&r.kind)
                .ok_or_else(|| StoreError::corrupt("event", &r.id, format!("kind {:?}", r.kind)))?;
            Ok(Event {
                at: r.at,
                kind,
                detail: r.detail,
            })
        })
        .collect()
}
