//! Messages the classifier was unsure about (`bowout review`), and what the user answered.

use super::rows::ReviewRow;
use super::{Conn, StoreError};
use sqlx::AssertSqlSafe;

/// Remembers a message to review; false when it is known already (asked or answered).
pub async fn insert_review(conn: &mut Conn, row: &ReviewRow) -> Result<bool, StoreError> {
    let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reviews WHERE review_key = $1")
        .bind(row.review_key.clone())
        .fetch_one(&mut *conn)
        .await?;
    if known > 0 {
        return Ok(false);
    }
    row.insert(conn).await?;
    Ok(true)
}

/// The messages not answered yet, oldest first.
pub async fn pending_reviews(conn: &mut Conn) -> Result<Vec<ReviewRow>, StoreError> {
    Ok(sqlx::query_as(AssertSqlSafe(ReviewRow::select(
        "WHERE answer IS NULL ORDER BY found_at, review_key",
    )))
    .fetch_all(conn)
    .await?)
}

/// One message to review, by its key or a unique prefix of it.
pub async fn load_review(conn: &mut Conn, given: &str) -> Result<ReviewRow, StoreError> {
    let rows: Vec<ReviewRow> = sqlx::query_as(AssertSqlSafe(ReviewRow::select(
        "WHERE review_key = $1 OR review_key LIKE $2 ESCAPE '\\' ORDER BY review_key",
    )))
    .bind(given.to_string())
    .bind(format!(
        "{}%",
        given
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    ))
    .fetch_all(conn)
    .await?;
    if let Some(exact) = rows.iter().find(|r| r.review_key == given) {
        return Ok(exact.clone());
    }
    match rows.len() {
        1 => Ok(rows.into_iter().next().ok_or_else(|| not_found(given))?),
        0 => Err(not_found(given)),
        n => Err(StoreError::Ambiguous {
            what: "message to review",
            prefix: given.to_string(),
            count: n,
        }),
    }
}

fn not_found(given: &str) -> StoreError {
    StoreError::NotFound {
        what: "message to review",
        id: given.to_string(),
    }
}

/// Records the user's answer (and the invitation it became, if any).
pub async fn answer_review(
    conn: &mut Conn,
    key: &str,
    answer: &str,
    at: i64,
    invitation_id: Option<&str>,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE reviews SET answer = $1, answered_at = $2, invitation_id = $3 \
         WHERE review_key = $4 AND answer IS NULL",
    )
    .bind(answer.to_string())
    .bind(at)
    .bind(invitation_id.map(str::to_string))
    .bind(key.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
