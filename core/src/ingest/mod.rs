//! Raw RFC 5322 bytes → classification, extracted fields and threading ids. Never panics.
//!
//! The pipeline is deliberately plain rules, not a model: every verdict carries the evidence
//! that produced it, so a user (or a test) can see *why* a message was called an invitation.
//!
//! Three stages, one folder each. A stage imports only the stages above it in this list, and
//! `classify` and `extract` never import each other:
//!
//! 1. [`read`]: the message into a view ([`read::mail::MailView`]): headers, the newest text
//!    (quoted history cut off), any forwarded message, calendar attendees and the links, with
//!    the helpers every rule uses on that text (names, signatures, text scanning).
//! 2. [`classify`]: invitation, scam or other. Evidence for an invitation is weighed against
//!    the near-misses (receipts, rejections, assessments, reminders, offers, newsletters…),
//!    and the scam red flags are named. Its [`prefilter`] is the scanner's cheap first look.
//! 3. [`extract`]: for invitations and scams only, the fields: employer and agency, job
//!    title, requisition, round, primary and other contacts, phone and scheduling link.
//!
//! Beside them, shared by all three: [`lexicon`] (the word lists several rules read) and
//! [`analysis`] (the result: [`Analysis`], [`Kind`] and the contacts). The tests of the whole
//! pipeline over files (corpus, held-out set, golden files, robustness, the shape of the
//! imports) are in `tests/`; each file keeps its own unit tests at its bottom.

mod analysis;
mod classify;
mod extract;
mod lexicon;
mod read;

#[cfg(test)]
mod tests;

pub use analysis::{Analysis, ContactOut, Kind, OtherContact};
pub use classify::prefilter;
pub use read::mail::{Headline, is_list_field, marks_a_list};

/// Analyses one raw message. Never panics, whatever the bytes: unparseable input comes back
/// as `Kind::Other` with a warning.
pub fn analyze(raw: &[u8]) -> Analysis {
    analyze_with(raw, false)
}

/// Like [`analyze`], for a message the user says is an invitation whatever the classifier
/// thinks (`bowout import --invitation`): the kind is `invitation` and the fields are
/// extracted as well as they can be; the score and evidence stay the classifier's.
pub fn analyze_as_invitation(raw: &[u8]) -> Analysis {
    analyze_with(raw, true)
}

/// [`read_and_classify`], with a fault in the reading or the rules contained to the one message:
/// it comes back for the user to review, with a warning, and the rest of the mailbox is read.
fn analyze_with(raw: &[u8], invitation: bool) -> Analysis {
    std::panic::catch_unwind(|| read_and_classify(raw, invitation)).unwrap_or_else(|_| {
        let mut out = Analysis::unreadable(
            "bowout could not analyse this message (an internal error): look at it yourself",
        );
        out.review = true;
        out
    })
}

fn read_and_classify(raw: &[u8], invitation: bool) -> Analysis {
    let Some(view) = read::mail::MailView::parse(raw) else {
        return Analysis::unreadable("not a parseable mail message");
    };
    let verdict = classify::classify(&view);
    let mut out = Analysis::from_view(&view, verdict.kind, verdict.score, verdict.evidence);
    out.review = verdict.review;
    out.red_flags = verdict.red_flags;
    if invitation {
        out.kind = Kind::Invitation;
        out.review = false;
    }
    if out.kind != Kind::Other || out.review {
        extract::fill(&view, &mut out);
        out.language = detect_language(&view);
    }
    out
}

/// The language the invitation is written in: its subject and newest text, and the
/// forwarded message when the invitation came forwarded.
fn detect_language(view: &read::mail::MailView) -> Option<crate::model::Language> {
    let mut text = format!("{}\n{}", view.subject, view.newest);
    if let Some(f) = &view.forwarded {
        text.push('\n');
        text.push_str(&f.body);
    }
    crate::model::Language::detect(&text)
}

/// The classifier's features of one raw message, for training (`core/examples/features.rs`):
/// `(index, value)` pairs laid out as [`feature_layout`] says. `None` for bytes that are not
/// a message.
pub fn training_features(raw: &[u8]) -> Option<Vec<(usize, f64)>> {
    read::mail::MailView::parse(raw).map(|view| classify::training_features(&view))
}

/// A field's candidate as training sees it: the phrase and its sparse features.
pub struct FieldCandidate {
    pub text: String,
    /// `(index, value)` pairs laid out as [`title_feature_layout`] says.
    pub features: Vec<(u32, f32)>,
}

/// The job-title candidates of one raw message, for training the ranker
/// (`core/examples/fields.rs`): each phrase and its `(index, value)` features. `None` for
/// bytes that are not a message.
pub fn training_title_candidates(raw: &[u8]) -> Option<Vec<FieldCandidate>> {
    read::mail::MailView::parse(raw).map(|view| {
        extract::title_candidates_of(&view)
            .into_iter()
            .map(|c| FieldCandidate {
                text: c.title.as_str().to_string(),
                features: c.features,
            })
            .collect()
    })
}

/// The employer candidates of one raw message, for training the ranker
/// (`core/examples/fields.rs`). `None` for bytes that are not a message.
pub fn training_employer_candidates(raw: &[u8]) -> Option<Vec<FieldCandidate>> {
    read::mail::MailView::parse(raw).map(|view| {
        extract::employer_candidates_of(&view)
            .into_iter()
            .map(|(o, features)| FieldCandidate {
                text: o.as_str().to_string(),
                features,
            })
            .collect()
    })
}

/// The names of the employer ranker's features and its number of hash buckets.
pub fn employer_feature_layout() -> (&'static [&'static str], u32) {
    (extract::org_features::FEATURES, extract::BUCKETS)
}

/// The names of the job-title ranker's features and its number of hash buckets.
pub fn title_feature_layout() -> (&'static [&'static str], u32) {
    (extract::title_candidates::FEATURES, extract::BUCKETS)
}

/// The rule ids, in the order of the first feature indices, and the number of hash buckets
/// that follow them.
pub fn feature_layout() -> (Vec<&'static str>, u32) {
    classify::feature_layout()
}

pub use classify::{RuleInfo, rule_table};
