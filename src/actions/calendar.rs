//! `calendar --out FILE.ics`: the follow-up calls still to make and the accepted interviews
//! whose time is known, as calendar events with reminders; and, for
//! [`CANCELLED_KEPT_DAYS`] days after they stopped happening, the calls no longer due and
//! the interviews called off, as cancelled events under the same UIDs, so that calendars
//! that imported them remove them.

use super::{ActionError, App, Result, call};
use crate::clock::timestamp;
use crate::ics::{self, CalEvent};
use crate::store::{self, CancelledInterviewRow};
use bowout_core::model::{Decision, Invitation, Status};
use jiff::SignedDuration;
use jiff::civil::{Date, Time};
use serde::Serialize;
use std::collections::HashSet;
use std::path::Path;

/// A call is put at this time of the user's day; the user moves it as they like.
const CALL_TIME: Time = Time::constant(10, 0, 0, 0);
const CALL_MINUTES: i64 = 15;

/// How long an event that no longer happens is still written, as cancelled: long enough
/// for any calendar that imported it to see the cancellation on a later import.
pub const CANCELLED_KEPT_DAYS: i64 = 30;

#[derive(Debug, Clone, Serialize)]
pub struct CalendarEntry {
    pub uid: String,
    pub summary: String,
    pub start: jiff::Timestamp,
    pub end: jiff::Timestamp,
    /// `confirmed`, or `cancelled` for an event that no longer happens.
    pub status: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct CalendarWritten {
    pub path: String,
    /// Events that happen: follow-up calls still due, and interviews.
    pub calls: usize,
    pub interviews: usize,
    /// Events written as cancelled (calls no longer due, interviews called off).
    pub cancelled: usize,
    pub events: Vec<CalendarEntry>,
}

pub async fn calendar(app: &App, out: &Path) -> Result<CalendarWritten> {
    let mut conn = app.store.conn().await?;
    let kept_since = app.clock.now() - CANCELLED_KEPT_DAYS * 24 * 60 * 60;
    let called_off = store::list_cancelled_interviews(&mut conn).await?;
    let mut calls = Vec::new();
    let mut interviews = Vec::new();
    let mut cancelled = Vec::new();
    let mut on_time: HashSet<String> = HashSet::new();
    let invitations = store::list_invitations(&mut conn).await?;
    for inv in &invitations {
        if inv.status == Status::Dismissed {
            continue;
        }
        if inv.status == Status::Accepted {
            if let Some((decision, decided_at)) = store::load_decision(&mut conn, &inv.id).await? {
                let earlier = called_off.iter().find(|c| c.invitation_id == inv.id);
                if let Some(event) = interview(inv, &decision, decided_at, earlier) {
                    on_time.insert(inv.id.clone());
                    interviews.push(event);
                }
            }
            continue;
        }
        let messages = store::list_messages(&mut conn, &inv.id).await?;
        let logged = store::list_calls(&mut conn, &inv.id).await?;
        let sequence = u32::try_from(logged.len()).unwrap_or(u32::MAX);
        match call::state(&app.clock, &messages, &logged) {
            call::CallState::Due(due) => {
                calls.push(call_event(app, inv, due.date, due.since, sequence)?);
            }
            call::CallState::Closed(closed) if closed.at >= kept_since => {
                cancelled.push(cancelled_call(app, inv, closed, sequence)?);
            }
            call::CallState::Closed(_) | call::CallState::NotSent => {}
        }
    }
    for row in &called_off {
        if on_time.contains(&row.invitation_id) || row.cancelled_at < kept_since {
            continue;
        }
        if let Some(inv) = invitations.iter().find(|i| i.id == row.invitation_id) {
            cancelled.push(cancelled_interview(inv, row));
        }
    }
    let events: Vec<CalEvent> = calls
        .iter()
        .chain(&interviews)
        .chain(&cancelled)
        .cloned()
        .collect();
    crate::fsutil::write_atomic(out, ics::render(&events).as_bytes())
        .map_err(|e| ActionError::io(format!("cannot write {}", out.display()), e))?;
    Ok(CalendarWritten {
        path: out.display().to_string(),
        calls: calls.len(),
        interviews: interviews.len(),
        cancelled: cancelled.len(),
        events: events
            .into_iter()
            .map(|e| CalendarEntry {
                uid: e.uid,
                summary: e.summary,
                start: e.start,
                end: e.end,
                status: if e.cancelled {
                    "cancelled"
                } else {
                    "confirmed"
                },
            })
            .collect(),
    })
}

/// The follow-up call on `date`, last changed at `stamp`. Its SEQUENCE counts the calls
/// logged: each one moved or ended it.
fn call_event(
    app: &App,
    inv: &Invitation,
    date: Date,
    stamp: i64,
    sequence: u32,
) -> Result<CalEvent> {
    let start = date
        .to_datetime(CALL_TIME)
        .to_zoned_datetime(app.clock.tz.clone())
        .map_err(|e| ActionError::Refused(format!("cannot place the call on {date}: {e}")))?
        .timestamp();
    let who = inv.primary().map_or_else(
        || "the hiring contact".to_string(),
        |c| {
            c.name
                .as_ref()
                .map_or(c.email.to_string(), ToString::to_string)
        },
    );
    let phone = inv
        .primary()
        .and_then(|c| c.phone.as_ref())
        .or(inv.phone.as_ref())
        .map(|p| format!(" at {p}"))
        .unwrap_or_default();
    Ok(CalEvent {
        uid: format!("call-{}@bowout", inv.id),
        summary: format!("Follow-up call: {who}, {}", inv.employer),
        description: format!(
            "Call {who}{phone} about the declined interview for {} at {}. The call sheet: \
             bowout call {}",
            inv.job_title, inv.employer, inv.id
        ),
        location: None,
        url: None,
        start,
        end: start + SignedDuration::from_mins(CALL_MINUTES),
        stamp: timestamp(stamp),
        reminders: vec![SignedDuration::from_mins(15)],
        cancelled: false,
        sequence,
    })
}

/// The call as it was last due, cancelled: done, or every contact confirmed receipt.
fn cancelled_call(
    app: &App,
    inv: &Invitation,
    closed: call::Closed,
    calls_logged: u32,
) -> Result<CalEvent> {
    // An end by a call is counted among the calls logged; an end by the last receipt is
    // one more change.
    let sequence = if closed.all_confirmed {
        calls_logged.saturating_add(1)
    } else {
        calls_logged
    };
    let mut event = call_event(app, inv, closed.last_due, closed.at, sequence)?;
    event.cancelled = true;
    event.description = if closed.all_confirmed {
        format!(
            "No call needed: every contact confirmed receipt of the decline for {} at {}. \
             bowout call {} keeps the sheet.",
            inv.job_title, inv.employer, inv.id
        )
    } else {
        format!(
            "The follow-up call about {} at {} is done. bowout show {} has the record.",
            inv.job_title, inv.employer, inv.id
        )
    };
    Ok(event)
}

/// An accepted interview at a known time, with its duration, place and video link. When it
/// was called off before, it is numbered above that cancellation.
fn interview(
    inv: &Invitation,
    decision: &Decision,
    decided_at: i64,
    called_off: Option<&CancelledInterviewRow>,
) -> Option<CalEvent> {
    let Decision::Accept {
        at: Some(at),
        tz,
        minutes,
        location,
        video_link,
    } = decision
    else {
        return None;
    };
    let with = inv
        .primary()
        .map(|c| {
            let who = c
                .name
                .as_ref()
                .map_or(c.email.to_string(), ToString::to_string);
            format!(" with {who} <{}>", c.email)
        })
        .unwrap_or_default();
    let zone = tz
        .as_deref()
        .map(|t| format!(" (agreed in {t})"))
        .unwrap_or_default();
    let link = video_link
        .as_deref()
        .map(|l| format!(" Video call: {l}"))
        .unwrap_or_default();
    let sequence = called_off.map_or(0, |c| c.sequence.saturating_add(1));
    Some(CalEvent {
        uid: interview_uid(inv),
        summary: format!("Interview: {} at {}", inv.job_title, inv.employer),
        description: format!(
            "Interview{with}{zone}.{link} Details: bowout show {}",
            inv.id
        ),
        location: location.clone().or_else(|| video_link.clone()),
        url: video_link.clone(),
        start: timestamp(*at),
        end: timestamp(*at) + SignedDuration::from_mins(i64::from(*minutes)),
        stamp: timestamp(decided_at),
        reminders: vec![
            SignedDuration::from_hours(24),
            SignedDuration::from_hours(1),
        ],
        cancelled: false,
        sequence: u32::try_from(sequence).unwrap_or(u32::MAX),
    })
}

/// An interview called off, as it was last accepted, cancelled.
fn cancelled_interview(inv: &Invitation, row: &CancelledInterviewRow) -> CalEvent {
    let start = timestamp(row.interview_at);
    CalEvent {
        uid: interview_uid(inv),
        summary: format!(
            "Cancelled: interview: {} at {}",
            inv.job_title, inv.employer
        ),
        description: format!(
            "The interview for {} at {} is called off. Details: bowout show {}",
            inv.job_title, inv.employer, inv.id
        ),
        location: row
            .interview_location
            .clone()
            .or_else(|| row.interview_video_link.clone()),
        url: row.interview_video_link.clone(),
        start,
        end: start + SignedDuration::from_mins(row.interview_minutes),
        stamp: timestamp(row.cancelled_at),
        reminders: Vec::new(),
        cancelled: true,
        sequence: u32::try_from(row.sequence).unwrap_or(u32::MAX),
    }
}

fn interview_uid(inv: &Invitation) -> String {
    format!("interview-{}@bowout", inv.id)
}
