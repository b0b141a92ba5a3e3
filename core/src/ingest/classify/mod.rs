//! Invitation, scam or other, the second stage: weighted evidence, each rule named in the
//! output. Reads the view of [`crate::ingest::read`]; imports nothing of `extract`.
//!
//! - [`positive`] (words in [`positive_words`]): an invitation *to the reader*, now: "we'd
//!   like to invite you to a phone interview", "please pick a time".
//! - [`negative`] (words in [`negative_words`]): the near-misses that share the vocabulary:
//!   receipts that promise an interview "if", rejections, assessments, reminders of an
//!   interview already booked, offers, background checks, newsletters, calendar spam,
//!   informational interviews and cold outreach.
//! - [`scam`] (words in [`scam_words`], domains in [`look_alike`]): the red flags of a job
//!   scam, which outweigh the evidence of an invitation.
//! - [`prefilter`]: the keywords without which no message is an invitation, for the scanner.
//!
//! This file adds the evidence up and decides.

mod look_alike;
mod negative;
mod negative_words;
mod positive;
mod positive_words;
pub mod prefilter;
mod scam;
mod scam_words;

use crate::ingest::analysis::Kind;
use crate::ingest::lexicon::INTERVIEW;
use crate::ingest::read::mail::MailView;
use crate::ingest::read::text::has_any;
use negative::negatives;
use positive::{asks_for_a_call_about_the_application, positives};

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
    positives(&subject.replace('-', " "), &folded, &mut |w, why| {
        ev.add(w, why)
    });
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
    negatives(view, &subject, &live, &mut |w, why| ev.add(w, why));
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
