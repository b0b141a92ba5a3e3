//! Invitation, scam or other: weighted evidence, each rule named in the output.
//!
//! Positive rules look for an invitation *to the reader*, now: "we'd like to invite you to a
//! phone interview", "please pick a time". Negative rules are the near-misses that share the
//! vocabulary: receipts that promise an interview "if", rejections, assessments, reminders of
//! an interview already booked, offers, background checks, newsletters, calendar spam,
//! informational interviews and cold outreach.

use super::Kind;
use super::lexicon::INTERVIEW;
use super::scam;
use crate::ingest::read::mail::MailView;
use crate::ingest::read::text::{has_any, has_word, sentences};

/// Raw evidence needed to call a message an invitation.
const THRESHOLD: f64 = 4.0;

pub struct Verdict {
    pub kind: Kind,
    pub score: f64,
    pub evidence: Vec<String>,
    pub red_flags: Vec<String>,
}

#[derive(Default)]
struct Evidence {
    items: Vec<(f64, String)>,
}

impl Evidence {
    fn add(&mut self, w: f64, why: &str) {
        self.items.push((w, why.to_string()));
    }
    fn total(&self) -> f64 {
        self.items.iter().map(|(w, _)| w).sum()
    }
    fn positive(&self) -> f64 {
        self.items.iter().map(|(w, _)| w.max(0.0)).sum()
    }
}

pub fn classify(view: &MailView) -> Verdict {
    let subject = view.subject.to_lowercase();
    let live = view.live_text().to_lowercase();
    let mut ev = Evidence::default();
    // Hyphens folded for the positive rules: "second-round panel" reads as "second round".
    let folded = live.replace('-', " ");
    positives(&subject.replace('-', " "), &folded, &mut ev);
    // A calendar request that lists the reader as an attendee of an interview is an
    // invitation in itself ("Interview - Operations Analyst" sent from the manager's
    // calendar); a confirmation of a booked one is caught by the negatives below.
    let reader_attends = view.attendees.iter().any(|a| {
        view.recipient_emails()
            .any(|r| r.eq_ignore_ascii_case(&a.email))
    });
    if reader_attends && has_any(&subject, INTERVIEW) {
        ev.add(
            1.5,
            "a calendar invitation to an interview, the reader an attendee",
        );
    }
    super::classify_neg::negatives(view, &subject, &live, &mut |w, why| ev.add(w, why));
    let flags = scam::red_flags(view, &subject, &live);
    let job_related = has_any(&live, INTERVIEW)
        || has_any(&subject, INTERVIEW)
        || asks_for_a_call_about_the_application(&folded);
    let raw = ev.total();
    let scam_weight = scam::weight(&flags);
    let has_headers = view.from.is_some() || !view.subject.is_empty();
    let kind = if !has_headers {
        Kind::Other
    } else if job_related && ((scam_weight >= 4 && ev.positive() >= 2.0) || scam_weight >= 7) {
        Kind::Scam
    } else if job_related && raw >= THRESHOLD {
        Kind::Invitation
    } else {
        Kind::Other
    };
    let score = match kind {
        Kind::Scam => 0.5 + 0.5 * (scam_weight as f64 / 10.0).min(1.0),
        _ => 1.0 / (1.0 + (-(raw - THRESHOLD) / 2.0).exp()),
    };
    let mut evidence: Vec<String> = ev
        .items
        .iter()
        .map(|(w, why)| format!("{w:+.1} {why}"))
        .collect();
    evidence.extend(flags.iter().map(|f| format!("red flag: {f}")));
    let red_flags = if kind == Kind::Other {
        Vec::new()
    } else {
        flags
    };
    Verdict {
        kind,
        score: (score * 1000.0).round() / 1000.0,
        evidence,
        red_flags,
    }
}

/// Words that make a sentence conditional or about the future: "if you are selected",
/// "may invite you", "will be invited".
#[rustfmt::skip]
const CONDITIONAL: &[&str] = &[
    "if you are", "if your", "if we ", "if selected", "should you", "may invite", "might ",
    "will be invited", "will be contacted", "once you", "candidates who", "who are successful",
    "successful candidates", "may include", "may be invited", "will reach out", "falls ",
    "si su ", "si tu ", "falls sie", "sofern",
];

/// Things one is invited to that are not an interview.
#[rustfmt::skip]
const NOT_INTERVIEW_TARGET: &[&str] = &[
    "workshop", "webinar", "event", "fair", "assessment", "test", "complete", "party",
    "questionnaire", "survey", "challenge", "course", "conference", "meetup", "info session",
    "guide", "read our", "article", "tips", "story", "podcast", "newsletter",
];

/// Invitation verbs, and "to interview you", the hiring side's own way of inviting.
const INVITE: &[&str] = &[
    "invit",
    "einlad",
    "einzulad",
    "convoc",
    "convoqu",
    "convier",
    "to interview you",
    "laden sie",
    "laden dich",
    "please attend",
    "like you to attend",
    "attend for interview",
    "attend for an interview",
    "attend an interview",
    "called forward",
];

#[rustfmt::skip]
const ARRANGE: &[&str] = &[
    "schedule", "set up", "arrange", "book a time", "pick a time", "choose a time",
    "select an interview time", "select a time", "find a time", "availability", "lock it in",
    "are you available", "which works", "works best", "works for you", "let me know",
    "would like to", "we'd like", "we would like", "we'd love", "would love", "want to bring you",
    "move forward with", "move you forward", "bring you in", "would like to meet", "like to do",
    "nos gustaría", "quisiéramos", "möchten", "würden gerne", "würden uns freuen", "termin",
    "disponibilidad", "agendar", "coordinar", "nous aimerions", "what works", "up for",
    "'d like to", "’d like to", "are you free", "free for a", "bring you back", "have you back",
    "réserver", "créneau", "time that works", "times that work", "work for you",
    "wants you back", "want you back", "vous propose", "te propongo", "le proponemos",
    "book your slot", "book a slot", "slots works", "whichever suits", "times free",
    "this time works", "would you be available", "be available for", "scheduling link",
    "grab a time", "grab time", "grab some time", "grab 30", "get you in for", "time to talk",
    "want to do", "want to set up", "grab any slot", "grab a slot",
];

/// Nouns for an interview event; a sentence about one addressed to the reader is evidence.
#[rustfmt::skip]
const STAGE: &[&str] = &[
    "first interview", "first round", "first-round", "phone screen", "phone interview",
    "final round", "final-round", "second round", "second interview", "next round",
    "panel interview", "technical interview", "video interview", "virtual interview",
    "telephone interview", "onsite", "on-site interview", "intro call", "oral panel",
    "primera entrevista", "segunda entrevista", "entrevista final", "entrevista telefónica",
    "vorstellungsgespräch", "bewerbungsgespräch", "kennenlerngespräch", "zweites gespräch",
    "telefoninterview", "première entrevue", "entretien téléphonique", "round two", "round 2",
    "2nd round", "2nd interview", "final stage", "assessment interview", "oral board",
    "premier entretien", "second entretien", "deuxième entretien", "entretien final",
    "primera ronda", "segunda ronda", "ronda final", "zweitgespräch", "erstgespräch",
    "1st round", "first stage", "second stage", "stage 2", "competency based interview",
    "formal interview", "selection day", "interview day", "meet the panel", "meet our panel",
    "conversational interview", "interview board", "interview panel", "panel will be",
    "interview will be conducted", "interview will be held", "the interview will be",
];

const SELECTED: &[&str] = &[
    "selected",
    "shortlisted",
    "short-listed",
    "ausgewählt",
    "seleccionad",
    "shortlisting",
    "called forward",
];

/// The reader's own candidacy: a call about it is an interview by another name.
#[rustfmt::skip]
pub(super) const CANDIDACY: &[&str] = &[
    "your application", "applying to", "applying for", "you applied", "your cv", "your resume",
    "your résumé", "passed on your", "hiring manager for", "the role", "this role",
];

/// A call or a chat, as a hiring manager proposes one.
const CALL: &[&str] = &[
    "call",
    "chat",
    "conversation",
    "catch up",
    "meet you",
    "talk",
];

fn is_call_sentence(s: &str) -> bool {
    CALL.iter().any(|w| has_word(s, w))
}

/// "Thanks for applying … I'd love to set up a video call with you and our CTO": a hiring
/// side that proposes a call about the role the reader applied for, without ever writing
/// "interview".
fn asks_for_a_call_about_the_application(live: &str) -> bool {
    has_any(live, CANDIDACY)
        && sentences(live)
            .iter()
            .any(|s| is_call_sentence(s) && has_any(s, ARRANGE) && !has_any(s, CONDITIONAL))
}

fn positives(subject: &str, live: &str, ev: &mut Evidence) {
    let (mut invite, mut arrange, mut stage, mut selected) = (false, false, false, false);
    let candidacy = has_any(live, CANDIDACY);
    for s in sentences(live) {
        let iw = has_any(s, INTERVIEW) || (candidacy && is_call_sentence(s));
        if !iw || has_any(s, CONDITIONAL) {
            continue;
        }
        if has_any(s, INVITE) && !invited_to_something_else(s) && !about_sender(s) {
            invite = true;
        }
        if has_any(s, ARRANGE) {
            arrange = true;
        }
        if has_any(s, STAGE) {
            stage = true;
        }
        if has_any(s, SELECTED) {
            selected = true;
        }
    }
    if invite {
        ev.add(4.0, "invites the reader to an interview");
    }
    if arrange {
        ev.add(3.0, "asks to schedule or arrange an interview");
    }
    if stage {
        ev.add(
            2.0,
            "names an interview stage (phone screen, first/final round, panel…)",
        );
    }
    if selected {
        ev.add(2.0, "says the reader was selected for an interview");
    }
    if has_any(subject, INTERVIEW) {
        ev.add(1.5, "interview in the subject");
    }
    if has_any(live, AVAILABILITY) {
        ev.add(1.0, "asks for the reader's availability or a time");
    }
}

/// An invitation to a webinar, a test or a podcast rather than an interview. A target word
/// that only qualifies the interview ("technical assessment interview", "case interview")
/// does not count.
fn invited_to_something_else(s: &str) -> bool {
    NOT_INTERVIEW_TARGET.iter().any(|t| {
        s.match_indices(t).any(|(i, _)| {
            let rest = s[i + t.len()..].trim_start_matches(|c: char| c.is_alphabetic());
            !rest.trim_start().starts_with("interview")
        })
    })
}

#[rustfmt::skip]
/// "They invited me to a second interview": the sender's own news, not an invitation.
fn about_sender(s: &str) -> bool {
    has_any(s, &["invited me", "invite me", "invited us", "inviting me", "me to a", "my interview", "my second", "my final"])
}

const AVAILABILITY: &[&str] = &[
    "let me know which",
    "your availability",
    "which works",
    "what works",
    "are you available",
    "choose a time",
    "pick a time",
    "book a time",
    "select an interview time",
    "schedule your interview",
    "when you're free",
    "whats easiest",
    "what's easiest",
    "which day you prefer",
    "confirm your attendance",
    "reply with what works",
    "choose times",
    "submit your availability",
    "which one works",
    "let me know a time",
    "choisir le créneau",
    "su disponibilidad",
    "ihre verfügbarkeit",
    "terminvorschläge",
    "can you do one of those",
    "do any of these",
    "would any of the following",
    "are you free",
    "reply with a time",
    "times that work",
    "windows that work",
    "time that works",
    "réserver le créneau",
    "indícame tu disponibilidad",
    "book your slot",
    "whichever suits",
    "confirm you can make it",
    "able to attend",
    "revert with your confirmation",
    "this time works",
    "slots works",
    "confirm your availability",
    "free mon",
    "free tue",
    "free wed",
    "free thu",
    "free fri",
    "free this week",
    "free next week",
    "free tomorrow",
    "whatever works",
    "grab any slot",
    "confirmer votre présence",
    "confirm your interview slot",
];
