//! The primary contact: the human to answer, and the person who wrote the mail.

use super::addresses::{emails_in, is_no_reply, person_for_email};
use crate::ingest::analysis::ContactOut;
use crate::ingest::lexicon::{AGENCY_WORDS, ATS};
use crate::ingest::read::addr::Addr;
use crate::ingest::read::free_mail::is_free_mail;
use crate::ingest::read::mail::MailView;
use crate::ingest::read::person_name::{fold, name_matches_local, person_from_display};
use crate::ingest::read::sections::Forwarded;
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

/// What a forwarder on the hiring side writes about themselves or asks of the candidate: an
/// agency or in-house recruiter passing on the client's or the manager's note.
#[rustfmt::skip]
const HIRING_SIDE: &[&str] = &[
    "recruiter", "talent", "consultant", "account manager", "human resources",
    "people partner", "hr business partner", "sourcer", "my client", "our client",
    "send me your", "your availability", "i'll coordinate", "i will coordinate",
    "i'll set it up", "i'll arrange", "i will arrange", "i'll schedule", "i'll confirm",
    "lock it in",
];

/// The forwarder is the candidate: a message forwarded to oneself (the same address, or
/// the same person at another address).
fn forwarded_to_oneself(view: &MailView, forwarder: &Addr) -> bool {
    let name = forwarder.name.as_deref().map(name_key);
    view.to.iter().any(|to| {
        to.email == forwarder.email
            || to.local() == forwarder.local()
            || name.is_some() && to.name.as_deref().map(name_key) == name
    })
}

/// A display name as a set of folded words: "Whitfield, Dana" is "Dana Whitfield".
fn name_key(name: &str) -> Vec<String> {
    let mut words: Vec<String> = fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words.sort_unstable();
    words
}

/// The forwarder is on the hiring side, and so the one to answer: they do not hand the
/// conversation over nor forward to themselves, and they work with the forwarded message's
/// author or say they recruit (an agency passing on its client's note).
fn forwarder_is_hiring_side(view: &MailView, forwarder: &Addr, author: Option<&Addr>) -> bool {
    let own = view.newest.to_lowercase();
    if has_any(&own, HAND_OVER) || forwarded_to_oneself(view, forwarder) {
        return false;
    }
    let colleague = author.is_some_and(|a| {
        organisation_domain(a.domain()) == organisation_domain(forwarder.domain())
            && !is_free_mail(forwarder.domain())
    });
    colleague || has_any(&own, HIRING_SIDE) || has_any(&own, AGENCY_WORDS) || is_no_reply(forwarder)
}

/// The hiring side in the forwarded part: its author unless a robot sent it, else a person
/// its text names with an address. `None` when it has no address to answer: never the
/// forwarder, never a guess.
fn forwarded_contact(view: &MailView, fwd: &Forwarded, forwarder: &Addr) -> Option<ContactOut> {
    if let Some(author) = fwd.from.as_ref().filter(|a| !is_no_reply(a)) {
        let name = author
            .name
            .as_deref()
            .and_then(person_from_display)
            .or_else(|| {
                signature::person(&fwd.body).filter(|n| name_matches_local(n, author.local()))
            });
        return contact(name, &author.email);
    }
    let known: Vec<&str> = view
        .recipient_emails()
        .chain(std::iter::once(forwarder.email.as_str()))
        .chain(fwd.from.iter().map(|a| a.email.as_str()))
        .collect();
    emails_in(&fwd.body).into_iter().find_map(|email| {
        if known.contains(&email.as_str()) {
            return None;
        }
        let local = email.split('@').next().unwrap_or("");
        let name = person_for_email(&fwd.body, local)?;
        contact(Some(name), &email)
    })
}

/// The human to answer. In a forwarded invitation, the forwarder when they are on the hiring
/// side (a recruiter passing on the manager's or the client's note), else the hiring side in
/// the forwarded part. Otherwise the sender unless a robot sent the mail (a no-reply or ATS
/// address, an unmonitored mailbox), then the Reply-To, then a person the body names with an
/// address.
pub fn find(view: &MailView) -> Option<ContactOut> {
    let from = view.from.as_ref()?;
    if let Some(fwd) = &view.forwarded
        && !forwarder_is_hiring_side(view, from, fwd.from.as_ref())
    {
        return forwarded_contact(view, fwd, from);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn primary(raw: &str) -> Option<ContactOut> {
        find(&MailView::parse(raw.as_bytes()).expect("parses"))
    }

    const INNER: &str = "---------- Forwarded message ---------\n\
        From: Helen Whitcombe <h.whitcombe@ridgeway.example>\n\
        Date: Mon, Mar 2, 2026 at 9:00 AM\n\
        Subject: Interview invitation - Research Analyst\n\
        To: Dana Whitfield <dana.whitfield@work.example>\n\n\
        Dear Dana,\n\nWe would like to invite you to a first-round interview for the Research \
        Analyst position.\n\nKind regards,\nDr. Helen Whitcombe\nHead of Research, Ridgeway\n";

    #[test]
    fn a_message_forwarded_to_oneself_is_answered_to_its_author() {
        let raw = format!(
            "From: Dana Whitfield <dana.whitfield@work.example>\nTo: Dana Whitfield \
             <dana@example.net>\nSubject: Fwd: Interview invitation - Research Analyst\n\n\
             {INNER}"
        );
        let c = primary(&raw).expect("the author");
        assert_eq!(c.email.as_str(), "h.whitcombe@ridgeway.example");
        assert_eq!(c.name.as_ref().map(|n| n.as_str()), Some("Helen Whitcombe"));
    }

    #[test]
    fn a_friend_forwarding_is_not_the_one_to_answer() {
        let raw = format!(
            "From: Sam Park <sam@fastmail.example>\nTo: Dana Whitfield <dana@example.net>\n\
             Subject: Fwd: Interview invitation\n\nThis came to me by mistake, it is for \
             you.\n\n{INNER}"
        );
        let c = primary(&raw).expect("the author");
        assert_eq!(c.email.as_str(), "h.whitcombe@ridgeway.example");
    }

    #[test]
    fn without_an_address_in_the_forwarded_part_there_is_no_guess() {
        let raw = "From: Sam Park <sam@fastmail.example>\nTo: Dana Whitfield \
                   <dana@example.net>\nSubject: Fwd: Interview invitation\n\nFor you.\n\n\
                   ---------- Forwarded message ---------\nSubject: Interview invitation\n\n\
                   Dear Dana, we would like to invite you to an interview.\n";
        assert_eq!(primary(raw), None);
    }

    #[test]
    fn a_recruiter_passing_on_the_clients_note_is_the_one_to_answer() {
        let raw = format!(
            "From: Nina Park <nina@keystone.example>\nTo: Dana Whitfield <dana@example.net>\n\
             Subject: Fwd: Interview invitation\n\nHi Dana, see below from my client. Send me \
             your availability.\n\nNina Park\nSenior Recruiter\n\n{INNER}"
        );
        let c = primary(&raw).expect("the recruiter");
        assert_eq!(c.email.as_str(), "nina@keystone.example");
    }
}
