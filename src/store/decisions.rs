//! The user's decision on an invitation (one per invitation; a new one replaces it).

use super::rows::DecisionRow;
use super::{Conn, StoreError};
use bowout_core::model::{Decision, DeclineReason};
use sqlx::AssertSqlSafe;

pub async fn replace_decision(
    conn: &mut Conn,
    invitation_id: &str,
    decision: &Decision,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM decisions WHERE invitation_id = $1")
        .bind(invitation_id)
        .execute(&mut *conn)
        .await?;
    let mut row = DecisionRow {
        invitation_id: invitation_id.to_string(),
        verdict: String::new(),
        reason: None,
        referral_id: None,
        interview_at: None,
        interview_tz: None,
        decided_at: at,
    };
    match decision {
        Decision::Decline {
            reason,
            referral_id,
        } => {
            row.verdict = "decline".into();
            row.reason = Some(reason.as_str().to_string());
            row.referral_id = referral_id.clone();
        }
        Decision::Accept { at, tz } => {
            row.verdict = "accept".into();
            row.interview_at = *at;
            row.interview_tz = tz.clone();
        }
    }
    row.insert(conn).await?;
    Ok(())
}

/// The decision and when it was made, if there is one.
pub async fn load_decision(
    conn: &mut Conn,
    invitation_id: &str,
) -> Result<Option<(Decision, i64)>, StoreError> {
    let row: Option<DecisionRow> = sqlx::query_as(AssertSqlSafe(DecisionRow::select(
        "WHERE invitation_id = $1",
    )))
    .bind(invitation_id)
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let decision = match row.verdict.as_str() {
        "decline" => Decision::Decline {
            reason: row
                .reason
                .as_deref()
                .map_or(Some(DeclineReason::None), DeclineReason::parse)
                .ok_or_else(|| {
                    StoreError::corrupt(
                        "decision",
                        invitation_id,
                        format!("reason {:?}", row.reason),
                    )
                })?,
            referral_id: row.referral_id,
        },
        "accept" => Decision::Accept {
            at: row.interview_at,
            tz: row.interview_tz,
        },
        other => {
            return Err(StoreError::corrupt(
                "decision",
                invitation_id,
                format!("verdict {other:?}"),
            ));
        }
    };
    Ok(Some((decision, row.decided_at)))
}

/// Moves the interview of an accepted invitation to `at` (Unix seconds) in zone `tz`; false
/// when the invitation's decision is not an acceptance.
pub async fn set_interview_time(
    conn: &mut Conn,
    invitation_id: &str,
    at: i64,
    tz: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE decisions SET interview_at = $1, interview_tz = $2 \
         WHERE invitation_id = $3 AND verdict = 'accept'",
    )
    .bind(at)
    .bind(tz)
    .bind(invitation_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
