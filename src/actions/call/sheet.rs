//! `call ID`: everything needed to make the follow-up call, on one sheet.

use super::due::{CallState, first_sent, refuse_unless_sent, state};
use crate::actions::views::ReferralView;
use crate::actions::{ActionError, App, Result};
use crate::mail::outbox;
use crate::store;
use bowout_core::compose::{CallFacts, call_words};
use bowout_core::model::{Decision, DeclineReason};
use serde::Serialize;

/// Whom to call and at what number.
#[derive(Debug, Clone, Serialize)]
pub struct Callee {
    pub name: Option<String>,
    pub email: String,
    pub role: Option<String>,
    /// The contact's phone, else the number the invitation gave.
    pub phone: Option<String>,
}

/// A call already made.
#[derive(Debug, Clone, Serialize)]
pub struct CallView {
    pub at: jiff::Timestamp,
    pub when: String,
    pub outcome: String,
    pub note: Option<String>,
    pub next_due: Option<jiff::civil::Date>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CallSheet {
    pub invitation_id: String,
    pub employer: String,
    pub job_title: String,
    pub requisition: Option<String>,
    /// When the call is due, or null when it is done or not needed.
    pub due: Option<jiff::civil::Date>,
    pub overdue: bool,
    /// Every contact confirmed receipt: no call is needed (the sheet stays for reference).
    pub all_confirmed: bool,
    pub call: Callee,
    /// The person to call has already confirmed receipt.
    pub confirmed: bool,
    /// The subject and send time of the email the call follows up.
    pub subject: String,
    pub sent_at: Option<jiff::Timestamp>,
    pub script: Vec<String>,
    pub voicemail: String,
    /// Stock answers if pressed for a reason, in the order to use them.
    pub if_pressed: Vec<String>,
    /// The colleague to hand over, with their permission on record.
    pub referral: Option<ReferralView>,
    pub calls: Vec<CallView>,
}

pub async fn call_sheet(app: &App, given_id: &str) -> Result<CallSheet> {
    let mut conn = app.store.conn().await?;
    let id = store::resolve_invitation_id(&mut conn, given_id).await?;
    let inv = store::load_invitation(&mut conn, &id).await?;
    let messages = store::list_messages(&mut conn, &id).await?;
    refuse_unless_sent(&id, inv.status, &messages)?;
    let calls = store::list_calls(&mut conn, &id).await?;
    let decision = store::load_decision(&mut conn, &id).await?.map(|(d, _)| d);
    let (reason, referral) = match decision {
        Some(Decision::Decline {
            reason,
            referral_id,
        }) => (
            reason,
            match referral_id {
                Some(rid) => Some(store::load_referral(&mut conn, &rid).await?),
                None => None,
            },
        ),
        _ => (DeclineReason::None, None),
    };
    let primary = inv.primary();
    // The primary contact's own decline; any sent decline if theirs did not go out.
    let message = messages
        .iter()
        .find(|m| {
            m.kind == "decline"
                && m.status == outbox::Status::Sent
                && primary.is_some_and(|p| p.id == m.contact_id)
        })
        .or_else(|| first_sent(&messages))
        .ok_or_else(|| ActionError::Refused(format!("invitation {id} has nothing sent")))?;
    let contact = inv.contacts.iter().find(|c| c.id == message.contact_id);
    let me = app.identity()?;
    let sent_on = message
        .sent_at
        .map(|t| bowout_core::compose::dates::spoken_day(inv.language, app.clock.date_of(t)))
        .unwrap_or_default();
    let words = call_words(
        &CallFacts {
            invitation: &inv,
            name: message.to_name.as_deref(),
            email: &message.to_email,
            greeting: contact.and_then(|c| c.greeting.as_ref()),
            me: &me,
            reason,
            referral: referral.as_ref(),
            sent_on: &sent_on,
            confirmed: message.acknowledged_at.is_some(),
        },
        &app.templates(inv.language)?,
    )?;
    let (due, all_confirmed) = match state(&app.clock, &messages, &calls) {
        CallState::Due(d) => (Some(d), false),
        CallState::Closed(c) => (None, c.all_confirmed),
        CallState::NotSent => (None, false),
    };
    Ok(CallSheet {
        employer: inv.employer.to_string(),
        job_title: inv.job_title.to_string(),
        requisition: inv.requisition.as_ref().map(ToString::to_string),
        due: due.map(|d| d.date),
        overdue: due.is_some_and(|d| d.date < app.clock.today()),
        all_confirmed,
        confirmed: message.acknowledged_at.is_some(),
        call: Callee {
            name: message.to_name.clone(),
            email: message.to_email.clone(),
            role: contact.and_then(|c| c.role.as_ref().map(ToString::to_string)),
            phone: contact
                .and_then(|c| c.phone.as_ref())
                .or(inv.phone.as_ref())
                .map(ToString::to_string),
        },
        subject: message.subject.clone(),
        sent_at: message.sent_at.map(crate::clock::timestamp),
        script: words.script,
        voicemail: words.voicemail,
        if_pressed: words.if_pressed,
        referral: referral.map(ReferralView::from),
        calls: calls
            .into_iter()
            .map(|c| CallView {
                at: crate::clock::timestamp(c.called_at),
                when: app.clock.display(c.called_at),
                outcome: c.outcome,
                note: c.note,
                next_due: c.next_due.map(|d| d.0),
            })
            .collect(),
        invitation_id: id,
    })
}
