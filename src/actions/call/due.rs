//! When the follow-up call is due. Only what happened is stored (the `calls` table and the
//! receipts); the schedule is derived: the next business day after the first decline was
//! sent, or after a "no answer" the next business day after that attempt. A call that
//! reached someone or left a voicemail ends it, and so does a receipt from every contact:
//! then no call is needed.

use crate::actions::deadlines::CALL_AFTER_BUSINESS_DAYS;
use crate::actions::{ActionError, Result};
use crate::clock::Clock;
use crate::mail::outbox;
use crate::store::{CallRow, MessageRow};
use bowout_core::model::Status;
use jiff::civil::Date;

/// When the call is due (if it still is) and since when that has been so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Due {
    pub date: Date,
    /// When the schedule last changed: the first send, or the unanswered attempt.
    pub since: i64,
}

/// A follow-up call that is no longer due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Closed {
    /// The day it was due when it stopped being due.
    pub last_due: Date,
    /// When it stopped: the call that ended it, or the last receipt.
    pub at: i64,
    /// Every contact had confirmed receipt: the call was not needed.
    pub all_confirmed: bool,
}

/// Where the follow-up call of one invitation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CallState {
    /// No decline went out: there is nothing to follow up.
    NotSent,
    Due(Due),
    Closed(Closed),
}

/// The first decline that went out, if any.
pub(crate) fn first_sent(messages: &[MessageRow]) -> Option<&MessageRow> {
    messages
        .iter()
        .filter(|m| m.kind == "decline" && m.status == outbox::Status::Sent && m.sent_at.is_some())
        .min_by_key(|m| m.sent_at)
}

/// The pending call of one invitation, if it is still due.
pub(crate) fn due(clock: &Clock, messages: &[MessageRow], calls: &[CallRow]) -> Option<Due> {
    match state(clock, messages, calls) {
        CallState::Due(due) => Some(due),
        CallState::NotSent | CallState::Closed(_) => None,
    }
}

/// Where the call of one invitation stands: `messages` and `calls` are that invitation's.
/// The calls are replayed in order; of calls logged in the same second, one that ended the
/// follow-up wins (the day it ends on is the latest any of them set), and a later attempt
/// opens it again.
pub(crate) fn state(clock: &Clock, messages: &[MessageRow], calls: &[CallRow]) -> CallState {
    let Some(sent_at) = first_sent(messages).and_then(|m| m.sent_at) else {
        return CallState::NotSent;
    };
    let mut due = Due {
        date: clock.add_business_days(clock.date_of(sent_at), CALL_AFTER_BUSINESS_DAYS),
        since: sent_at,
    };
    let mut ended_at = None;
    let mut ordered: Vec<&CallRow> = calls.iter().collect();
    ordered.sort_by_key(|c| c.called_at);
    for group in ordered.chunk_by(|a, b| a.called_at == b.called_at) {
        let Some(at) = group.first().map(|c| c.called_at) else {
            continue;
        };
        if let Some(date) = group.iter().filter_map(|c| c.next_due.map(|d| d.0)).max() {
            due = Due { date, since: at };
        }
        ended_at = group.iter().any(|c| c.next_due.is_none()).then_some(at);
    }
    if let Some(at) = ended_at {
        return CallState::Closed(Closed {
            last_due: due.date,
            at,
            all_confirmed: false,
        });
    }
    match all_confirmed_at(messages) {
        // A receipt's time is its reply's Date header: never later than now.
        Some(at) => CallState::Closed(Closed {
            last_due: due.date,
            at: at.max(due.since).min(clock.now()),
            all_confirmed: true,
        }),
        None => CallState::Due(due),
    }
}

/// When the last of the invitation's declines was acknowledged, if every one of them was.
fn all_confirmed_at(messages: &[MessageRow]) -> Option<i64> {
    let declines: Vec<&MessageRow> = messages
        .iter()
        .filter(|m| m.kind == "decline" && m.status != outbox::Status::Cancelled)
        .collect();
    declines
        .iter()
        .map(|m| m.acknowledged_at)
        .collect::<Option<Vec<i64>>>()?
        .into_iter()
        .max()
}

/// A call follows a decline that went out; before that there is nothing to follow up, and
/// the refusal says what comes first: the decision (undecided, accepted) or the send.
pub(crate) fn refuse_unless_sent(id: &str, status: Status, messages: &[MessageRow]) -> Result<()> {
    if first_sent(messages).is_some() {
        return Ok(());
    }
    Err(ActionError::Refused(match status {
        Status::Undecided => format!(
            "invitation {id} has no decision yet, so there is no follow-up call: decide \
             first (bowout advise {id}, then bowout decline {id})"
        ),
        Status::Accepted => format!(
            "invitation {id} was accepted, so there is no decline to follow up by phone: \
             decline it first (bowout decline {id}) if you changed your mind"
        ),
        _ => format!(
            "invitation {id} has no decline sent yet, so there is no follow-up call: send it \
             first (bowout send {id})"
        ),
    }))
}
