//! The self-scheduling link: an ATS slot picker, an availability form, a booking page.
//! A video-meeting link is not one, nor are unsubscribe, tracking or careers-blog links.
//! Video paths are matched whole (`/meet/`), so a booking page under `/meetings/` or
//! `/meetingtype/` still counts.

use crate::ingest::read::mail::MailView;
use crate::ingest::read::signature;
use crate::ingest::read::text::has_any;

#[rustfmt::skip]
const URL_WORDS: &[&str] = &[
    "schedul", "availability", "calendly", "book", "self-schedule", "appointment", "slot",
    "timeslot", "reserve", "verify", "termin", "agenda", "cita",
];
#[rustfmt::skip]
const CONTEXT_WORDS: &[&str] = &[
    "schedule", "choose a time", "pick a time", "select a time", "select an interview time",
    "book a time", "availability", "time that works", "times that work", "slot", "calendar",
    "form", "créneau", "termin", "horario", "disponibilidad",
];
/// Anchor words of links to something else one can book: a campus tour, an event.
#[rustfmt::skip]
const OTHER_BOOKINGS: &[&str] = &[
    "tour", "webinar", "event", "open house", "career fair", "benefits", "life at", "privacy",
    "unsubscribe", "coffee chat",
];

#[rustfmt::skip]
const NOT_SCHEDULING: &[&str] = &[
    "zoom", "meet.google", "teams.microsoft", "webex", "unsubscribe", "/u/", "optout", "opt-out",
    "/wf/open", "tracking", "privacy", "/meet/", "meet.", "whereby", "gotomeeting",
];

/// The best-scoring link that lets the reader pick an interview time, if any.
pub fn find(view: &MailView) -> Option<String> {
    // A booking page on a short signature line ("Book a coffee chat: …") is the sender's
    // standing calendar, not the way to answer this invitation.
    // Only lines under the signer's name: without a name the block may be the body itself.
    let sig = signature::lines(&view.newest);
    let named = sig
        .iter()
        .position(|l| signature::head_name(l).is_some())
        .map_or(&[][..], |i| &sig[i..]);
    let mut best: Option<(u32, &str)> = None;
    for link in &view.links {
        let url = link.url.to_lowercase();
        let in_sig = named
            .iter()
            .any(|l| l.contains(link.url.as_str()) && l.len().saturating_sub(link.url.len()) < 60);
        if has_any(&url, NOT_SCHEDULING) || in_sig {
            continue;
        }
        let ctx = link.context.to_lowercase();
        if has_any(&ctx, OTHER_BOOKINGS) {
            continue;
        }
        let score = u32::from(has_any(&url, URL_WORDS)) * 2
            + u32::from(has_any(&ctx, CONTEXT_WORDS)) * 2
            + u32::from(url.contains("interview") || url.contains("candidate"))
            + u32::from(ctx.contains("interview"));
        if score >= 2 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, link.url.as_str()));
        }
    }
    best.map(|(_, u)| u.to_string())
}
