//! `call ID`: everything needed to make the follow-up call, on one sheet.

use super::call::{self, InvitationParts};
use super::show::ReferralView;
use super::{App, Result};
use crate::store;
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
    pub at: i64,
    pub when: String,
    pub outcome: String,
    pub note: Option<String>,
    pub next_due: Option<String>,
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
    pub sent_at: Option<i64>,
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
    call::refuse_unless_sent(&id, &messages)?;
    let calls = store::list_calls(&mut conn, &id).await?;
    let decision = store::load_decision(&mut conn, &id).await?.map(|(d, _)| d);
    let referral = call::referral(&mut conn, decision.as_ref()).await?;
    let primary = inv.primary();
    // The primary contact's own decline; any sent decline if theirs did not go out.
    let message = messages
        .iter()
        .find(|m| {
            m.kind == "decline"
                && m.status == "sent"
                && primary.is_some_and(|p| p.id == m.contact_id)
        })
        .or_else(|| call::first_sent(&messages))
        .ok_or_else(|| super::ActionError::Refused(format!("invitation {id} has nothing sent")))?;
    let contact = inv.contacts.iter().find(|c| c.id == message.contact_id);
    let requisition = inv.requisition.as_ref().map(ToString::to_string);
    let (job_title, employer) = (inv.job_title.to_string(), inv.employer.to_string());
    let parts = InvitationParts {
        job_title: &job_title,
        requisition: requisition.as_deref(),
        employer: &employer,
    };
    let (script, voicemail) = call::words(app, &parts, message)?;
    let due = call::due(&app.clock, &messages, &calls);
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
        sent_at: message.sent_at,
        script,
        voicemail,
        if_pressed: call::if_pressed(),
        referral,
        calls: calls
            .into_iter()
            .map(|c| CallView {
                at: c.called_at,
                when: app.clock.display(c.called_at),
                outcome: c.outcome,
                note: c.note,
                next_due: c.next_due,
            })
            .collect(),
        invitation_id: id,
    })
}
