//! The facts behind an invitation's advice, and the user's gut history across invitations.

use super::rows::FactsRow;
use super::{Conn, StoreError};
use bowout_core::model::{Facts, Gut};
use sqlx::AssertSqlSafe;

/// Records the facts for an invitation, replacing earlier ones.
pub async fn replace_facts(
    conn: &mut Conn,
    invitation_id: &str,
    facts: &Facts,
    at: i64,
) -> Result<(), StoreError> {
    let json =
        serde_json::to_string(facts).map_err(|e| StoreError::corrupt("facts", invitation_id, e))?;
    sqlx::query("DELETE FROM facts WHERE invitation_id = $1")
        .bind(invitation_id)
        .execute(&mut *conn)
        .await?;
    FactsRow {
        invitation_id: invitation_id.to_string(),
        gut: facts.gut.as_str().to_string(),
        facts_json: json,
        recorded_at: at,
    }
    .insert(conn)
    .await?;
    Ok(())
}

pub async fn load_facts(conn: &mut Conn, invitation_id: &str) -> Result<Option<Facts>, StoreError> {
    let row: Option<FactsRow> =
        sqlx::query_as(AssertSqlSafe(FactsRow::select("WHERE invitation_id = $1")))
            .bind(invitation_id)
            .fetch_optional(conn)
            .await?;
    row.map(|r| {
        serde_json::from_str(&r.facts_json)
            .map_err(|e| StoreError::corrupt("facts", invitation_id, e))
    })
    .transpose()
}

/// The gut recorded for the user's other invitations, most recent first.
pub async fn gut_history(
    conn: &mut Conn,
    except_invitation: &str,
    limit: i64,
) -> Result<Vec<Gut>, StoreError> {
    let guts: Vec<String> = sqlx::query_scalar(
        "SELECT gut FROM facts WHERE invitation_id <> $1 ORDER BY recorded_at DESC, invitation_id LIMIT $2",
    )
    .bind(except_invitation)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(guts.iter().filter_map(|g| Gut::parse(g)).collect())
}
