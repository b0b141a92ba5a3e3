//! The primary contact: the human to answer, and the person who wrote the mail.

use super::addresses::{emails_in, is_no_reply, person_for_email};
use crate::ingest::analysis::ContactOut;
use crate::ingest::lexicon::ATS;
use crate::ingest::read::mail::MailView;
use crate::ingest::read::person_name::{fold, name_matches_local, person_from_display};
use crate::ingest::read::signature;
use crate::ingest::read::text::has_any;
use crate::model::{EmailAddress, PersonName, organisation_domain};

/// The person who wrote the mail: the From display name or the signature's name. When they
/// differ, the one the address is built from wins; failing that the signature, because a
/// display name like "Wide World Importers" is a company that looks like a name.
pub fn sender_person(view: &MailView) -> Option<String> {
    let from = view.from.as_ref()?;
    let display = from.name.as_deref().and_then(person_from_display);
    let sig = signature::person(&view.newest);
    match (display, sig) {
        (Some(d), Some(s)) if fold(&d) != fold(&s) => Some(
            if name_matches_local(&d, from.local())
                || !name_matches_local(&s, from.local()) && s.split_whitespace().count() < 2
            {
                d
            } else {
                s
            },
        ),
        (d, s) => d.or(s),
    }
}

/// The body says the sending mailbox is not read.
fn body_says_unmonitored(live: &str) -> bool {
    let l = live.to_lowercase();
    [
        "unmonitored mailbox",
        "not monitored",
        "do not reply",
        "please don't reply",
        "no responda",
        "nicht auf diese",
    ]
    .iter()
    .any(|p| l.contains(p))
}

/// What a forwarder writes to hand the conversation over to the forwarded message's author.
#[rustfmt::skip]
const HAND_OVER: &[&str] = &[
    "reply to her directly", "reply to him directly", "reply to them directly",
    "just the messenger", "reach out to her directly", "reach out to him directly",
    "contact her directly", "contact him directly", "respond to her directly",
    "respond to him directly", "reply directly to", "respond directly to", "(not to me)",
];

/// The human to answer: the forwarded message's author when the sender hands the conversation
/// over, else the sender unless a robot sent the mail (a no-reply or ATS address, an
/// unmonitored mailbox), then the Reply-To, then a person the body names with an address.
pub fn find(view: &MailView) -> Option<ContactOut> {
    let from = view.from.as_ref()?;
    let live = view.live_text();
    let from_person = from.name.as_deref().and_then(person_from_display).is_some();
    let ats = ATS
        .iter()
        .any(|a| organisation_domain(from.domain()).contains(a));
    let usable_reply = view
        .reply_to
        .as_ref()
        .is_some_and(|r| !is_no_reply(r) && r.email != from.email);
    // An ATS address under a name that is no person ("Olivia from Harborline Hotels", a
    // recruiting chatbot), or one the body calls unmonitored, is a robot even without a
    // no-reply address.
    let from_dead = is_no_reply(from)
        || (body_says_unmonitored(&view.newest) && !from_person)
        || (usable_reply && (!from_person || ats))
        || (ats && (!from_person || body_says_unmonitored(&view.newest)));
    // A colleague forwarding a recruiter's message who says to answer the recruiter: the
    // recruiter, not the messenger, is the one to answer.
    if let Some(author) = view.forwarded.as_ref().and_then(|f| f.from.as_ref())
        && has_any(&view.newest.to_lowercase(), HAND_OVER)
    {
        let name = author.name.as_deref().and_then(person_from_display);
        return contact(name, &author.email);
    }
    if !from_dead {
        return contact(sender_person(view), &from.email);
    }
    if let Some(rt) = view
        .reply_to
        .as_ref()
        .filter(|r| !is_no_reply(r) && r.email != from.email)
    {
        let name = rt
            .name
            .as_deref()
            .and_then(person_from_display)
            .or_else(|| from.name.as_deref().and_then(person_from_display))
            .or_else(|| person_for_email(&live, rt.local()))
            .or_else(|| signature::person(&view.newest));
        return contact(name, &rt.email);
    }
    // The human is only in the body: "contact your recruiter, Kendra Oyelaran, at kendra@…".
    let candidate: Vec<&str> = view.recipient_emails().collect();
    for email in emails_in(&live) {
        if candidate.contains(&email.as_str()) || email == from.email {
            continue;
        }
        let local = email.split('@').next().unwrap_or("");
        if let Some(name) = person_for_email(&live, local) {
            return contact(Some(name), &email);
        }
    }
    None
}

fn contact(name: Option<String>, email: &str) -> Option<ContactOut> {
    let email = EmailAddress::parse(email).ok()?;
    let name = name.and_then(|n| PersonName::parse(&n).ok());
    Some(ContactOut { name, email })
}
