//! When the follow-up call is due. Only what happened is stored (the `calls` table); the due
//! day is derived: the next business day after the first decline was sent, or after a "no
//! answer" the next business day after that attempt. A call that reached someone or left a
//! voicemail ends it.

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

/// The first decline that went out, if any.
pub(crate) fn first_sent(messages: &[MessageRow]) -> Option<&MessageRow> {
    messages
        .iter()
        .filter(|m| m.kind == "decline" && m.status == outbox::Status::Sent && m.sent_at.is_some())
        .min_by_key(|m| m.sent_at)
}

/// The pending call of one invitation: `messages` and `calls` are that invitation's. Of
/// calls logged in the same second, one that ended the follow-up wins.
pub(crate) fn due(clock: &Clock, messages: &[MessageRow], calls: &[CallRow]) -> Option<Due> {
    let sent_at = first_sent(messages)?.sent_at?;
    let Some(latest) = calls.iter().map(|c| c.called_at).max() else {
        return Some(Due {
            date: clock.add_business_days(clock.date_of(sent_at), CALL_AFTER_BUSINESS_DAYS),
            since: sent_at,
        });
    };
    let last: Vec<&CallRow> = calls.iter().filter(|c| c.called_at == latest).collect();
    if last.iter().any(|c| c.next_due.is_none()) {
        return None;
    }
    let date = last.iter().filter_map(|c| c.next_due.map(|d| d.0)).max()?;
    Some(Due {
        date,
        since: latest,
    })
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
