//! One invitation with everything known about it, in the shape of `show --json`.

use super::deadlines::{OVERDUE_BUSINESS_DAYS, arrived_at};
use super::letter::letter_view;
use super::views::{
    ContactView, Contacts, DecisionView, EventView, InvitationView, ListItem, MessageView,
    PersonView, ReferralView,
};
use super::{App, Result};
use crate::clock::timestamp;
use crate::store::{self, MessageRow};
use bowout_core::model::{Decision, Invitation, Status};

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
    view.letter = letter.map(|row| letter_view(app, &row));
    view.messages = messages
        .into_iter()
        .map(|m| message_view(&app.home.archive, m))
        .collect();
    view.timeline = events
        .into_iter()
        .map(|e| EventView {
            at: timestamp(e.at),
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
                Some(rid) => Some(ReferralView::from(store::load_referral(conn, &rid).await?)),
                None => None,
            };
            DecisionView {
                verdict: "decline",
                reason: Some(reason.as_str()),
                referral,
                interview_at: None,
                interview_tz: None,
                interview_minutes: None,
                interview_location: None,
                interview_video_link: None,
                decided_at: timestamp(at),
            }
        }
        Decision::Accept {
            at: when,
            tz,
            minutes,
            location,
            video_link,
        } => DecisionView {
            verdict: "accept",
            reason: None,
            referral: None,
            interview_at: when.map(timestamp),
            interview_tz: tz,
            interview_minutes: Some(minutes),
            interview_location: location,
            interview_video_link: video_link,
            decided_at: timestamp(at),
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
        sent_at: m.sent_at.map(timestamp),
        acknowledged_at: m.acknowledged_at.map(timestamp),
        acknowledged_via: m.acknowledged_via,
    }
}

/// Business days since the invitation arrived, and whether an answer is owed.
fn age(app: &App, inv: &Invitation) -> (i64, bool) {
    let age = app
        .clock
        .business_days_between(app.clock.date_of(arrived_at(inv)), app.clock.today());
    (
        age,
        inv.status == Status::Undecided && age > OVERDUE_BUSINESS_DAYS,
    )
}

/// The invitation's own fields, before the joined records are added.
fn summary(app: &App, inv: Invitation) -> InvitationView {
    let (age_business_days, overdue) = age(app, &inv);
    InvitationView {
        contacts: Contacts(inv.contacts.iter().map(ContactView::from).collect()),
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
        created_at: timestamp(inv.created_at),
        received_at: inv.received_at.map(timestamp),
        language: inv.language.code(),
        age_business_days,
        overdue,
        facts: None,
        decision: None,
        messages: Vec::new(),
        timeline: Vec::new(),
        letter: None,
    }
}

/// One line of `list`.
pub(super) fn list_item(app: &App, inv: Invitation) -> ListItem {
    let (age_business_days, overdue) = age(app, &inv);
    ListItem {
        primary_contact: inv.primary().map(|c| PersonView {
            name: c.name.as_ref().map(ToString::to_string),
            email: c.email.to_string(),
        }),
        id: inv.id,
        employer: inv.employer.to_string(),
        agency: inv.agency.map(|a| a.to_string()),
        job_title: inv.job_title.to_string(),
        requisition: inv.requisition.map(|r| r.to_string()),
        round: inv.round.map(|r| r.number()),
        red_flags: inv.red_flags,
        status: inv.status.as_str(),
        created_at: timestamp(inv.created_at),
        received_at: inv.received_at.map(timestamp),
        language: inv.language.code(),
        age_business_days,
        overdue,
    }
}
