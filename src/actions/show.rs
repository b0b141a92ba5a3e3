//! One invitation with everything known about it, in the shape of `show --json`.

pub use super::views::{
    ContactView, DecisionView, EventView, InvitationView, MessageView, OtherContactView,
    PersonView, ReferralView,
};

use super::{App, Result};
use crate::store::{self, MessageRow};
use bowout_core::model::{Contact, Decision, Invitation};

/// Undecided for more than this many business days: flagged on the list and the agenda.
pub const OVERDUE_BUSINESS_DAYS: i64 = 2;

pub async fn show(app: &App, given_id: &str) -> Result<InvitationView> {
    let mut conn = app.store.conn().await?;
    let id = store::resolve_invitation_id(&mut conn, given_id).await?;
    let inv = store::load_invitation(&mut conn, &id).await?;
    let facts = store::load_facts(&mut conn, &id).await?;
    let decision = match store::load_decision(&mut conn, &id).await? {
        Some((d, at)) => Some(decision_view(&mut conn, d, at).await?),
        None => None,
    };
    let messages = store::list_messages(&mut conn, &id).await?;
    let events = store::list_events(&mut conn, &id).await?;
    let letter = store::load_letter(&mut conn, &id).await?;
    let mut view = summary(app, inv);
    view.facts = facts;
    view.decision = decision;
    view.letter = letter.map(|row| super::letter_record::letter_view(app, &row));
    view.messages = messages
        .into_iter()
        .map(|m| message_view(&app.home.archive, m))
        .collect();
    view.timeline = events
        .into_iter()
        .map(|e| EventView {
            at: e.at,
            when: app.clock.display(e.at),
            kind: e.kind.as_str(),
            detail: e.detail,
        })
        .collect();
    Ok(view)
}

async fn decision_view(conn: &mut store::Conn, d: Decision, at: i64) -> Result<DecisionView> {
    Ok(match d {
        Decision::Decline {
            reason,
            referral_id,
        } => {
            let referral = match referral_id {
                Some(rid) => {
                    let r = store::load_referral(conn, &rid).await?;
                    Some(ReferralView {
                        id: r.id,
                        name: r.name.to_string(),
                        email: r.email.to_string(),
                        phone: r.phone.map(|p| p.to_string()),
                    })
                }
                None => None,
            };
            DecisionView {
                verdict: "decline",
                reason: Some(reason.as_str()),
                referral,
                interview_at: None,
                interview_tz: None,
                decided_at: at,
            }
        }
        Decision::Accept { at: when, tz } => DecisionView {
            verdict: "accept",
            reason: None,
            referral: None,
            interview_at: when,
            interview_tz: tz,
            decided_at: at,
        },
    })
}

fn message_view(archive: &std::path::Path, m: MessageRow) -> MessageView {
    MessageView {
        id: m.id,
        kind: m.kind,
        to: PersonView {
            name: m.to_name,
            email: m.to_email,
        },
        subject: m.subject,
        message_id: m.message_id,
        status: m.status,
        attempts: m.attempts,
        last_error: m.last_error,
        copy: crate::mail::archive::display_path(archive, m.copy_path.as_deref()),
        sha256: m.sha256,
        sent_at: m.sent_at,
        acknowledged_at: m.acknowledged_at,
    }
}

fn contact_view(c: &Contact) -> ContactView {
    ContactView {
        id: c.id.clone(),
        name: c.name.as_ref().map(ToString::to_string),
        email: c.email.to_string(),
        role: c.role.as_ref().map(ToString::to_string),
        phone: c.phone.as_ref().map(ToString::to_string),
        primary: c.primary,
        postal_address: c.postal_address.clone(),
    }
}

/// The invitation's own fields, without the joined records (what `list` needs).
pub(super) fn summary(app: &App, inv: Invitation) -> InvitationView {
    let age = app
        .clock
        .business_days_between(app.clock.date_of(inv.created_at), app.clock.today());
    let overdue =
        inv.status == bowout_core::model::Status::Undecided && age > OVERDUE_BUSINESS_DAYS;
    InvitationView {
        primary_contact: inv.primary().map(|c| PersonView {
            name: c.name.as_ref().map(ToString::to_string),
            email: c.email.to_string(),
        }),
        other_contacts: inv
            .others()
            .map(|c| OtherContactView {
                name: c.name.as_ref().map(ToString::to_string),
                email: c.email.to_string(),
                role: c.role.as_ref().map(ToString::to_string),
            })
            .collect(),
        contacts: inv.contacts.iter().map(contact_view).collect(),
        id: inv.id,
        employer: inv.employer.to_string(),
        agency: inv.agency.map(|a| a.to_string()),
        job_title: inv.job_title.to_string(),
        requisition: inv.requisition.map(|r| r.to_string()),
        round: inv.round.map(|r| r.number()),
        phone: inv.phone.map(|p| p.to_string()),
        scheduling_link: inv.scheduling_link,
        red_flags: inv.red_flags,
        message_id: inv.message_id,
        source: inv.source,
        status: inv.status.as_str(),
        created_at: inv.created_at,
        age_business_days: age,
        overdue,
        facts: None,
        decision: None,
        messages: Vec::new(),
        timeline: Vec::new(),
        letter: None,
    }
}
