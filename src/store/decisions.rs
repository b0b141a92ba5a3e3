//! The user's decision on an invitation (one per invitation; a new one replaces it), and
//! the accepted interviews a later decision called off.

use super::rows::{CancelledInterviewRow, DecisionRow};
use super::{Conn, StoreError};
use bowout_core::model::{DEFAULT_INTERVIEW_MINUTES, Decision, DeclineReason};
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
        interview_minutes: None,
        interview_location: None,
        interview_video_link: None,
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
        Decision::Accept {
            at,
            tz,
            minutes,
            location,
            video_link,
        } => {
            row.verdict = "accept".into();
            row.interview_at = *at;
            row.interview_tz = tz.clone();
            row.interview_minutes = Some(i64::from(*minutes));
            row.interview_location = location.clone();
            row.interview_video_link = video_link.clone();
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
            minutes: match row.interview_minutes {
                None => DEFAULT_INTERVIEW_MINUTES,
                Some(m) => u16::try_from(m).map_err(|_| {
                    StoreError::corrupt("decision", invitation_id, format!("duration {m}"))
                })?,
            },
            location: row.interview_location,
            video_link: row.interview_video_link,
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

/// The interview of `invitation_id` called off, if one was.
pub async fn load_cancelled_interview(
    conn: &mut Conn,
    invitation_id: &str,
) -> Result<Option<CancelledInterviewRow>, StoreError> {
    Ok(sqlx::query_as(AssertSqlSafe(CancelledInterviewRow::select(
        "WHERE invitation_id = $1",
    )))
    .bind(invitation_id)
    .fetch_optional(conn)
    .await?)
}

/// Records (replacing an earlier one) the interview of `row.invitation_id` as called off.
pub async fn save_cancelled_interview(
    conn: &mut Conn,
    row: &CancelledInterviewRow,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM cancelled_interviews WHERE invitation_id = $1")
        .bind(&row.invitation_id)
        .execute(&mut *conn)
        .await?;
    row.insert(conn).await?;
    Ok(())
}

/// Every interview called off, for the calendar.
pub async fn list_cancelled_interviews(
    conn: &mut Conn,
) -> Result<Vec<CancelledInterviewRow>, StoreError> {
    Ok(
        sqlx::query_as(AssertSqlSafe(CancelledInterviewRow::select_all()))
            .fetch_all(conn)
            .await?,
    )
}
