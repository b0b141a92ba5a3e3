//! What the templates see: the people and the invitation, by the names the README lists
//! (`contact` with its `greeting`, `formal`, `me`, `employer`, `agency`, `job_title`,
//! `requisition`, `round`, `reason`, `referral`, `interview_at`, `scheduling_link`, and
//! `sent_on` and `confirmed` for the call).

use super::{ComposeError, TemplateName, Templates};
use crate::model::{Contact, DeclineReason, Identity, Invitation, Referral};
use serde::Serialize;

#[derive(Serialize, Clone, Copy)]
pub(super) struct Person<'a> {
    pub name: Option<&'a str>,
    pub email: &'a str,
    pub phone: Option<&'a str>,
    pub role: Option<&'a str>,
    /// The name to greet them by: as the invitation greeted or signed ("Dr. Whitcombe",
    /// "Karen"), else their full name.
    pub greeting: Option<&'a str>,
    /// Greet formally ("Dear …,") rather than informally ("Hi …,").
    #[serde(skip)]
    pub formal: bool,
}

impl<'a> Person<'a> {
    pub(super) fn contact(c: &'a Contact) -> Self {
        let name = c.name.as_ref().map(|n| n.as_str());
        Self {
            name,
            email: c.email.as_str(),
            phone: c.phone.as_ref().map(|p| p.as_str()),
            role: c.role.as_ref().map(|r| r.as_str()),
            greeting: c.greeting.as_ref().map(|g| g.name.as_str()).or(name),
            formal: c.greeting.as_ref().is_none_or(|g| g.formal),
        }
    }

    pub(super) fn identity(me: &'a Identity) -> Self {
        Self {
            name: Some(me.name.as_str()),
            email: me.email.as_str(),
            phone: me.phone.as_ref().map(|p| p.as_str()),
            role: None,
            greeting: Some(me.name.as_str()),
            formal: true,
        }
    }

    pub(super) fn referral(r: &'a Referral) -> Self {
        Self {
            name: Some(r.name.as_str()),
            email: r.email.as_str(),
            phone: r.phone.as_ref().map(|p| p.as_str()),
            role: None,
            greeting: Some(r.name.as_str()),
            formal: true,
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
    /// 1, 2 or 3 (final), when known: a later round thanks for the earlier interviews.
    pub round: Option<u8>,
    /// The contact's register: "Dear Dr. Whitcombe," (true) or "Hi Karen," (false).
    pub formal: bool,
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
        formal: contact.formal,
        contact,
        me: Person::identity(me),
        employer: inv.employer.as_str(),
        agency: inv.agency.as_ref().map(|a| a.as_str()),
        job_title: inv.job_title.as_str(),
        requisition: inv.requisition.as_ref().map(|r| r.as_str()),
        round: inv.round.map(|r| r.number()),
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
