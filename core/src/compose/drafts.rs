//! One draft per contact: the decline to each person, or the acceptance to the primary.

use super::{ComposeError, TemplateName, Templates, referral_gate};
use crate::model::{Contact, DeclineReason, Identity, Invitation, Mailbox, Referral};
use serde::{Deserialize, Serialize};

/// Which answer a draft carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DraftKind {
    Decline,
    Accept,
}

impl DraftKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Decline => "decline",
            Self::Accept => "accept",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "decline" => Some(Self::Decline),
            "accept" => Some(Self::Accept),
            _ => None,
        }
    }
}

/// A message ready to be reviewed, linted and sent to exactly one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub contact_id: String,
    pub kind: DraftKind,
    pub to: Mailbox,
    pub subject: String,
    pub body: String,
}

#[derive(Serialize, Clone, Copy)]
struct Person<'a> {
    name: Option<&'a str>,
    email: &'a str,
    phone: Option<&'a str>,
    role: Option<&'a str>,
}

#[derive(Serialize)]
struct Context<'a> {
    contact: Person<'a>,
    me: Person<'a>,
    employer: &'a str,
    agency: Option<&'a str>,
    job_title: &'a str,
    requisition: Option<&'a str>,
    reason: &'a str,
    referral: Option<Person<'a>>,
    interview_at: Option<&'a str>,
    scheduling_link: Option<&'a str>,
}

fn contact_person(c: &Contact) -> Person<'_> {
    Person {
        name: c.name.as_ref().map(|n| n.as_str()),
        email: c.email.as_str(),
        phone: c.phone.as_ref().map(|p| p.as_str()),
        role: c.role.as_ref().map(|r| r.as_str()),
    }
}

fn identity_person(me: &Identity) -> Person<'_> {
    Person {
        name: Some(me.name.as_str()),
        email: me.email.as_str(),
        phone: me.phone.as_ref().map(|p| p.as_str()),
        role: None,
    }
}

fn base_context<'a>(inv: &'a Invitation, contact: &'a Contact, me: &'a Identity) -> Context<'a> {
    Context {
        contact: contact_person(contact),
        me: identity_person(me),
        employer: inv.employer.as_str(),
        agency: inv.agency.as_ref().map(|a| a.as_str()),
        job_title: inv.job_title.as_str(),
        requisition: inv.requisition.as_ref().map(|r| r.as_str()),
        reason: DeclineReason::None.as_str(),
        referral: None,
        interview_at: None,
        scheduling_link: inv.scheduling_link.as_deref(),
    }
}

/// The subject must stay one header line whatever the user's template does.
fn render_subject(templates: &Templates, ctx: &Context<'_>) -> Result<String, ComposeError> {
    let raw = templates.render(TemplateName::Subject, ctx)?;
    crate::model::text::single_line("subject", raw.trim(), 250).map_err(ComposeError::Subject)
}

fn draft(
    templates: &Templates,
    name: TemplateName,
    kind: DraftKind,
    contact: &Contact,
    ctx: &Context<'_>,
) -> Result<Draft, ComposeError> {
    Ok(Draft {
        contact_id: contact.id.clone(),
        kind,
        to: contact.mailbox(),
        subject: render_subject(templates, ctx)?,
        body: templates.render(name, ctx)?,
    })
}

/// One decline per contact, primary first: never one message with everyone in Cc.
/// The referral, if any, must pass [`referral_gate`].
pub fn decline_drafts(
    inv: &Invitation,
    me: &Identity,
    reason: DeclineReason,
    referral: Option<&Referral>,
    templates: &Templates,
) -> Result<Vec<Draft>, ComposeError> {
    if inv.primary().is_none() {
        return Err(ComposeError::NoPrimaryContact);
    }
    if let Some(r) = referral {
        referral_gate(r, inv)?;
    }
    let referral_person = referral.map(|r| Person {
        name: Some(r.name.as_str()),
        email: r.email.as_str(),
        phone: r.phone.as_ref().map(|p| p.as_str()),
        role: None,
    });
    let mut contacts: Vec<&Contact> = inv.contacts.iter().collect();
    contacts.sort_by_key(|c| !c.primary);
    contacts
        .into_iter()
        .map(|contact| {
            let mut ctx = base_context(inv, contact, me);
            ctx.reason = reason.as_str();
            ctx.referral = referral_person;
            draft(
                templates,
                TemplateName::Decline,
                DraftKind::Decline,
                contact,
                &ctx,
            )
        })
        .collect()
}

/// The acceptance goes to the primary contact only. `interview_at` is the time as the user
/// should read it ("Tuesday 2 December 2026 at 14:00 (Europe/Berlin)").
pub fn accept_draft(
    inv: &Invitation,
    me: &Identity,
    interview_at: Option<&str>,
    templates: &Templates,
) -> Result<Draft, ComposeError> {
    let primary = inv.primary().ok_or(ComposeError::NoPrimaryContact)?;
    let mut ctx = base_context(inv, primary, me);
    ctx.interview_at = interview_at;
    draft(
        templates,
        TemplateName::Accept,
        DraftKind::Accept,
        primary,
        &ctx,
    )
}

#[cfg(test)]
#[path = "drafts_tests.rs"]
mod tests;
