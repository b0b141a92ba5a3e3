//! The follow-up call after a decline: when it is due, the call sheet, and logging it.
//!
//! Only what happened is stored (the `calls` table); when the call is due is derived: the
//! next business day after the first decline was sent, or after a "no answer" the next
//! business day after that attempt. A call that reached someone or left a voicemail ends it.

use super::call_script::{self, Context, IF_PRESSED};
use super::show::ReferralView;
use super::{ActionError, App, Result};
use crate::clock::Clock;
use crate::store::{self, CallRow, MessageRow};
use bowout_core::model::{Decision, EventKind};
use jiff::civil::Date;
use serde::Serialize;

pub use super::call_sheet::{CallSheet, call_sheet};

/// How a call went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CallOutcome {
    Reached,
    Voicemail,
    NoAnswer,
}

impl CallOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reached => "reached",
            Self::Voicemail => "voicemail",
            Self::NoAnswer => "no-answer",
        }
    }
}

/// When the call is due (if it still is) and since when that has been so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Due {
    pub date: Date,
    /// When the schedule last changed: the first send, or the unanswered attempt.
    pub since: i64,
}

/// The first decline that went out, if any.
pub(super) fn first_sent(messages: &[MessageRow]) -> Option<&MessageRow> {
    messages
        .iter()
        .filter(|m| m.kind == "decline" && m.status == "sent" && m.sent_at.is_some())
        .min_by_key(|m| m.sent_at)
}

/// The pending call of one invitation: `messages` and `calls` are that invitation's. Of
/// calls logged in the same second, one that ended the follow-up wins.
pub(super) fn due(clock: &Clock, messages: &[MessageRow], calls: &[CallRow]) -> Option<Due> {
    let sent_at = first_sent(messages)?.sent_at?;
    let Some(latest) = calls.iter().map(|c| c.called_at).max() else {
        return Some(Due {
            date: clock.add_business_days(clock.date_of(sent_at), 1),
            since: sent_at,
        });
    };
    let last: Vec<&CallRow> = calls.iter().filter(|c| c.called_at == latest).collect();
    if last.iter().any(|c| c.next_due.is_none()) {
        return None;
    }
    let date = last
        .iter()
        .filter_map(|c| c.next_due.as_deref()?.parse().ok())
        .max()?;
    Some(Due {
        date,
        since: latest,
    })
}

/// What `call --outcome` recorded.
#[derive(Debug, Clone, Serialize)]
pub struct CallLogged {
    pub invitation_id: String,
    pub outcome: CallOutcome,
    pub note: Option<String>,
    /// The next attempt, after no answer.
    pub next_due: Option<String>,
}

pub async fn log_call(
    app: &App,
    given_id: &str,
    outcome: CallOutcome,
    note: Option<String>,
) -> Result<CallLogged> {
    let now = app.clock.now();
    let note = note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    if note
        .as_deref()
        .is_some_and(|n| n.chars().any(char::is_control))
    {
        return Err(ActionError::Refused(
            "--note must be one line of text".into(),
        ));
    }
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, given_id).await?;
    let messages = store::list_messages(&mut tx, &id).await?;
    refuse_unless_sent(&id, &messages)?;
    let next_due = (outcome == CallOutcome::NoAnswer).then(|| {
        app.clock
            .add_business_days(app.clock.today(), 1)
            .to_string()
    });
    let row = CallRow {
        id: store::new_id(),
        invitation_id: id.clone(),
        outcome: outcome.as_str().to_string(),
        note: note.clone(),
        called_at: now,
        next_due: next_due.clone(),
    };
    store::insert_call(&mut tx, &row).await?;
    let mut detail = format!("follow-up call: {}", outcome.as_str());
    if let Some(d) = &next_due {
        detail.push_str(&format!("; next try {d}"));
    }
    if let Some(n) = &note {
        detail.push_str(&format!(" — {n}"));
    }
    store::append_event(&mut tx, &id, now, EventKind::Called, &detail).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(CallLogged {
        invitation_id: id,
        outcome,
        note,
        next_due,
    })
}

/// A call follows a decline that went out; before that there is nothing to follow up.
pub(super) fn refuse_unless_sent(id: &str, messages: &[MessageRow]) -> Result<()> {
    if first_sent(messages).is_some() {
        return Ok(());
    }
    Err(ActionError::Refused(format!(
        "invitation {id} has no decline sent yet, so there is no follow-up call: send it \
         first (bowout send {id})"
    )))
}

/// The script and voicemail for `message`, as the call sheet shows them.
pub(super) fn words(
    app: &App,
    inv: &InvitationParts<'_>,
    message: &MessageRow,
) -> Result<(Vec<String>, String)> {
    let me = app.identity()?;
    let my_phone = me.phone.as_ref().map(ToString::to_string);
    let sent_on = message
        .sent_at
        .map(|t| app.clock.date_of(t).strftime("%A %-d %B").to_string())
        .unwrap_or_default();
    let name = me.name.to_string();
    let ctx = Context {
        me: &name,
        my_phone: my_phone.as_deref(),
        contact: message.to_name.as_deref(),
        job_title: inv.job_title,
        requisition: inv.requisition,
        employer: inv.employer,
        sent_on: &sent_on,
    };
    Ok((
        call_script::script(&ctx, &message.body),
        call_script::voicemail(&ctx, &message.body),
    ))
}

/// The invitation fields the words need.
pub(super) struct InvitationParts<'a> {
    pub job_title: &'a str,
    pub requisition: Option<&'a str>,
    pub employer: &'a str,
}

/// The stock answers, as owned strings for the sheet.
pub(super) fn if_pressed() -> Vec<String> {
    IF_PRESSED.iter().map(ToString::to_string).collect()
}

/// The referral to hand over, from a decline decision.
pub(super) async fn referral(
    conn: &mut store::Conn,
    decision: Option<&Decision>,
) -> Result<Option<ReferralView>> {
    let Some(Decision::Decline {
        referral_id: Some(rid),
        ..
    }) = decision
    else {
        return Ok(None);
    };
    let r = store::load_referral(conn, rid).await?;
    Ok(Some(ReferralView {
        id: r.id,
        name: r.name.to_string(),
        email: r.email.to_string(),
        phone: r.phone.map(|p| p.to_string()),
    }))
}
