//! Raw RFC 5322 bytes → classification, extracted fields and threading ids. Never panics.
//!
//! The pipeline is deliberately plain rules, not a model: every verdict carries the evidence
//! that produced it, so a user (or a test) can see *why* a message was called an invitation.
//!
//! 1. [`mail`] parses with mail-parser and builds a [`mail::MailView`]: headers, the newest
//!    text (quoted history cut off), any forwarded message, and the links of HTML parts.
//! 2. [`classify`] scores invitation evidence against the near-misses (receipts, rejections,
//!    assessments, reminders, offers, newsletters…) and [`scam`] names the red flags.
//! 3. For invitations and scams only, the extractors fill the fields of DESIGN §1.1.

mod analysis;
mod classify;
mod extract;
mod lexicon;
mod read;

#[cfg(test)]
mod tests;

pub use analysis::{Analysis, ContactOut, Kind, OtherContact};
pub use classify::prefilter;

/// Analyses one raw message. Never panics, whatever the bytes: unparseable input comes back
/// as `Kind::Other` with a warning.
pub fn analyze(raw: &[u8]) -> Analysis {
    let Some(view) = read::mail::MailView::parse(raw) else {
        return Analysis::unreadable("not a parseable mail message");
    };
    let verdict = classify::classify(&view);
    let mut out = Analysis::from_view(&view, verdict.kind, verdict.score, verdict.evidence);
    out.red_flags = verdict.red_flags;
    if out.kind != Kind::Other {
        extract::fill(&view, &mut out);
    }
    out
}
