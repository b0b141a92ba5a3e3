//! Invitation, scam or other, the second stage: named rules and hashed word features, weighed
//! by a linear model learned from the labelled corpus. Reads the view of
//! [`crate::ingest::read`]; imports nothing of `extract`.
//!
//! - [`signals`]: what every rule reads, computed once (word classes per sentence and line).
//! - [`rules`]: the rule table (stable ids, descriptions, tests); [`scam`] names the red flags.
//! - [`features`]: the words of the message as hashed features.
//! - [`model`]: the learned weights and the calibrated probabilities.
//! - [`prefilter`]: the keywords without which no message is looked at, for the scanner.
//!
//! The verdict: a scam when that is the likeliest kind; an invitation when its probability
//! reaches the upper threshold; otherwise other, with `review` set when the probability of an
//! invitation lies between the two thresholds (the user is asked).

mod features;
mod look_alike;
mod model;
pub mod prefilter;
mod rules;
mod scam;
mod signals;

use crate::ingest::analysis::Kind;
use crate::ingest::read::mail::MailView;
use model::{INVITATION, OTHER, SCAM};
use signals::Signals;

/// How many contributions the evidence lists.
const EVIDENCE: usize = 8;

pub struct Verdict {
    pub kind: Kind,
    /// Calibrated probability that the message is an invitation.
    pub score: f64,
    pub review: bool,
    pub evidence: Vec<String>,
    pub red_flags: Vec<String>,
}

pub fn classify(view: &MailView) -> Verdict {
    let signals = Signals::new(view);
    let fired = rules::fired(&signals);
    let words = features::hashed(&signals);
    let prediction = model::predict(&fired, &words);
    let p = prediction.p;
    let (low, high) = model::review_band();
    let has_headers = view.from.is_some() || !view.subject.is_empty();
    let (kind, review) = if !has_headers {
        (Kind::Other, false)
    } else if p[SCAM] >= p[INVITATION] && p[SCAM] >= p[OTHER] {
        (Kind::Scam, false)
    } else if p[INVITATION] >= high {
        (Kind::Invitation, false)
    } else {
        (Kind::Other, p[INVITATION] >= low)
    };
    let against = |c: &model::Contribution| match kind {
        Kind::Scam => c.logits[SCAM] - c.logits[OTHER],
        _ => c.logits[INVITATION] - c.logits[OTHER],
    };
    let mut contributions = prediction.contributions;
    contributions.sort_by(|a, b| against(b).abs().total_cmp(&against(a).abs()));
    let evidence = contributions
        .iter()
        .filter(|c| against(c).abs() >= 0.005)
        .take(EVIDENCE)
        .map(|c| format!("{:+.2} {}", against(c), c.what.describe(&words)))
        .collect();
    let red_flags = if kind == Kind::Other {
        Vec::new()
    } else {
        signals.red_flags.iter().map(|f| f.to_string()).collect()
    };
    Verdict {
        kind,
        score: (p[INVITATION] * 1000.0).round() / 1000.0,
        review,
        evidence,
        red_flags,
    }
}

/// The features of a message as the model sees them, for training: the index of every rule
/// that fires (in table order), then `rule count + bucket` for every word feature, with its
/// value. `None` for bytes that are not a message.
pub fn training_features(view: &MailView) -> Vec<(usize, f64)> {
    let signals = Signals::new(view);
    let mut out: Vec<(usize, f64)> = rules::fired(&signals)
        .into_iter()
        .map(|i| (i, 1.0))
        .collect();
    let n = rules::RULES.len();
    out.extend(
        features::hashed(&signals)
            .items
            .into_iter()
            .map(|h| (n + h.bucket as usize, f64::from(h.value))),
    );
    out
}

/// The rule ids in table order, and the number of hash buckets: the layout of
/// [`training_features`].
pub fn feature_layout() -> (Vec<&'static str>, u32) {
    (
        rules::RULES.iter().map(|r| r.id).collect(),
        features::BUCKETS,
    )
}

/// One rule of the table, as the corpus report lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub scope: rules::Scope,
    pub description: &'static str,
}

/// The rule table, in order.
pub fn rule_table() -> Vec<RuleInfo> {
    rules::RULES
        .iter()
        .map(|r| RuleInfo {
            id: r.id,
            scope: r.scope,
            description: r.description,
        })
        .collect()
}
