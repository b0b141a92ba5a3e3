//! What the templates see: the people and the invitation, by the names the README lists
//! (`contact`, `me`, `employer`, `agency`, `job_title`, `requisition`, `reason`,
//! `referral`, `interview_at`, `scheduling_link`, and `sent_on` and `confirmed` for the
//! call).

use super::{ComposeError, TemplateName, Templates};
use crate::model::{Contact, DeclineReason, Identity, Invitation, Referral};
use serde::Serialize;

#[derive(Serialize, Clone, Copy)]
pub(super) struct Person<'a> {
    pub name: Option<&'a str>,
    pub email: &'a str,
    pub phone: Option<&'a str>,
    pub role: Option<&'a str>,
}

impl<'a> Person<'a> {
    pub(super) fn contact(c: &'a Contact) -> Self {
        Self {
            name: c.name.as_ref().map(|n| n.as_str()),
            email: c.email.as_str(),
            phone: c.phone.as_ref().map(|p| p.as_str()),
            role: c.role.as_ref().map(|r| r.as_str()),
        }
    }

    pub(super) fn identity(me: &'a Identity) -> Self {
        Self {
            name: Some(me.name.as_str()),
            email: me.email.as_str(),
            phone: me.phone.as_ref().map(|p| p.as_str()),
            role: None,
        }
    }

    pub(super) fn referral(r: &'a Referral) -> Self {
        Self {
            name: Some(r.name.as_str()),
            email: r.email.as_str(),
            phone: r.phone.as_ref().map(|p| p.as_str()),
            role: None,
        }
    }
}

#[derive(Serialize)]
pub(super) struct Context<'a> {
    pub contact: Person<'a>,
    pub me: Person<'a>,
    pub employer: &'a str,
    pub agency: Option<&'a str>,
    pub job_title: &'a str,
    pub requisition: Option<&'a str>,
    pub reason: &'a str,
    pub referral: Option<Person<'a>>,
    pub interview_at: Option<&'a str>,
    pub scheduling_link: Option<&'a str>,
    /// The day the decline went out, as read aloud (`Friday 27 November`): for the call.
    pub sent_on: Option<&'a str>,
    /// The contact called already confirmed receipt of the decline: for the call.
    pub confirmed: bool,
}

pub(super) fn base_context<'a>(
    inv: &'a Invitation,
    contact: Person<'a>,
    me: &'a Identity,
) -> Context<'a> {
    Context {
        contact,
        me: Person::identity(me),
        employer: inv.employer.as_str(),
        agency: inv.agency.as_ref().map(|a| a.as_str()),
        job_title: inv.job_title.as_str(),
        requisition: inv.requisition.as_ref().map(|r| r.as_str()),
        reason: DeclineReason::None.as_str(),
        referral: None,
        interview_at: None,
        scheduling_link: inv.scheduling_link.as_deref(),
        sent_on: None,
        confirmed: false,
    }
}

/// The decline's context for `contact`: the reason given and the referral passed on.
pub(super) fn decline_context<'a>(
    inv: &'a Invitation,
    contact: Person<'a>,
    me: &'a Identity,
    reason: DeclineReason,
    referral: Option<&'a Referral>,
) -> Context<'a> {
    let mut ctx = base_context(inv, contact, me);
    ctx.reason = reason.as_str();
    ctx.referral = referral.map(Person::referral);
    ctx
}

/// The subject must stay one header line whatever the user's template does.
pub(super) fn render_subject(
    templates: &Templates,
    ctx: &Context<'_>,
) -> Result<String, ComposeError> {
    let raw = templates.render(TemplateName::Subject, ctx)?;
    crate::model::text::single_line("subject", raw.trim(), 250).map_err(ComposeError::Subject)
}
