//! `call ID`: everything needed to make the follow-up call, on one sheet.

use super::due::{due, first_sent, refuse_unless_sent};
use super::script::{self, Context, IF_PRESSED};
use crate::actions::views::ReferralView;
use crate::actions::{ActionError, App, Result};
use crate::mail::outbox;
use crate::store::{self, MessageRow};
use bowout_core::model::Decision;
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
    /// When the call is due (`YYYY-MM-DD`), or null when it is done.
    pub due: Option<String>,
    pub overdue: bool,
    pub call: Callee,
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
    refuse_unless_sent(&id, &messages)?;
    let calls = store::list_calls(&mut conn, &id).await?;
    let decision = store::load_decision(&mut conn, &id).await?.map(|(d, _)| d);
    let referral = referral(&mut conn, decision.as_ref()).await?;
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
    let requisition = inv.requisition.as_ref().map(ToString::to_string);
    let (job_title, employer) = (inv.job_title.to_string(), inv.employer.to_string());
    let parts = InvitationParts {
        job_title: &job_title,
        requisition: requisition.as_deref(),
        employer: &employer,
    };
    let (script, voicemail) = words(app, &parts, message)?;
    let due = due(&app.clock, &messages, &calls);
    Ok(CallSheet {
        employer,
        job_title,
        requisition,
        due: due.map(|d| d.date.to_string()),
        overdue: due.is_some_and(|d| d.date < app.clock.today()),
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
        script,
        voicemail,
        if_pressed: if_pressed(),
        referral,
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

/// The script and voicemail for `message`, as the call sheet shows them.
fn words(
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
        script::script(&ctx, &message.body),
        script::voicemail(&ctx, &message.body),
    ))
}

/// The invitation fields the words need.
struct InvitationParts<'a> {
    pub job_title: &'a str,
    pub requisition: Option<&'a str>,
    pub employer: &'a str,
}

/// The stock answers, as owned strings for the sheet.
fn if_pressed() -> Vec<String> {
    IF_PRESSED.iter().map(ToString::to_string).collect()
}

/// The referral to hand over, from a decline decision.
async fn referral(
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
