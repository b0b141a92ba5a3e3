//! `calendar --out FILE.ics`: the follow-up calls still to make and the accepted interviews
//! whose time is known, as calendar events with reminders.

use super::{ActionError, App, Result, call};
use crate::clock::timestamp;
use crate::ics::{self, CalEvent};
use crate::store;
use bowout_core::model::{Decision, Invitation, Status};
use jiff::SignedDuration;
use jiff::civil::Time;
use serde::Serialize;
use std::path::Path;

/// A call is put at this time of the user's day; the user moves it as they like.
const CALL_TIME: Time = Time::constant(10, 0, 0, 0);
const CALL_MINUTES: i64 = 15;
const INTERVIEW_MINUTES: i64 = 60;

#[derive(Debug, Clone, Serialize)]
pub struct CalendarEntry {
    pub uid: String,
    pub summary: String,
    pub start: jiff::Timestamp,
}

#[derive(Debug, Clone, Serialize)]
pub struct CalendarWritten {
    pub path: String,
    pub calls: usize,
    pub interviews: usize,
    pub events: Vec<CalendarEntry>,
}

pub async fn calendar(app: &App, out: &Path) -> Result<CalendarWritten> {
    let mut conn = app.store.conn().await?;
    let mut calls = Vec::new();
    let mut interviews = Vec::new();
    for inv in store::list_invitations(&mut conn).await? {
        if inv.status == Status::Dismissed {
            continue;
        }
        if inv.status == Status::Accepted {
            if let Some((decision, decided_at)) = store::load_decision(&mut conn, &inv.id).await? {
                interviews.extend(interview(&inv, &decision, decided_at));
            }
            continue;
        }
        let messages = store::list_messages(&mut conn, &inv.id).await?;
        let logged = store::list_calls(&mut conn, &inv.id).await?;
        if let Some(due) = call::due(&app.clock, &messages, &logged) {
            calls.push(call_event(app, &inv, due)?);
        }
    }
    let events: Vec<CalEvent> = calls.iter().chain(&interviews).cloned().collect();
    crate::fsutil::write_atomic(out, ics::render(&events).as_bytes())
        .map_err(|e| ActionError::io(format!("cannot write {}", out.display()), e))?;
    Ok(CalendarWritten {
        path: out.display().to_string(),
        calls: calls.len(),
        interviews: interviews.len(),
        events: events
            .into_iter()
            .map(|e| CalendarEntry {
                uid: e.uid,
                summary: e.summary,
                start: e.start,
            })
            .collect(),
    })
}

fn call_event(app: &App, inv: &Invitation, due: call::Due) -> Result<CalEvent> {
    let start = due
        .date
        .to_datetime(CALL_TIME)
        .to_zoned_datetime(app.clock.tz.clone())
        .map_err(|e| ActionError::Refused(format!("cannot place the call on {}: {e}", due.date)))?
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
        start,
        end: start + SignedDuration::from_mins(CALL_MINUTES),
        stamp: timestamp(due.since),
        reminders: vec![SignedDuration::from_mins(15)],
        cancelled: false,
    })
}

fn interview(inv: &Invitation, decision: &Decision, decided_at: i64) -> Option<CalEvent> {
    let Decision::Accept { at: Some(at), tz } = decision else {
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
    Some(CalEvent {
        uid: format!("interview-{}@bowout", inv.id),
        summary: format!("Interview: {} at {}", inv.job_title, inv.employer),
        description: format!("Interview{with}{zone}. Details: bowout show {}", inv.id),
        location: None,
        start: timestamp(*at),
        end: timestamp(*at) + SignedDuration::from_mins(INTERVIEW_MINUTES),
        stamp: timestamp(decided_at),
        reminders: vec![
            SignedDuration::from_hours(24),
            SignedDuration::from_hours(1),
        ],
        cancelled: false,
    })
}
