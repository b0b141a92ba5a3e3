//! `unchosen-claim`: a decline that says "I have accepted a position" must be true and chosen.
//!
//! The claim is a verb of taking a job (accept, accepted, taken, started…), then at most
//! four filler words (a, another, new, full-time…), then a job word (job, position, offer,
//! role, employment) — unless the job word is followed by something that makes it about the
//! interview or the advert ("accepted the offer to interview", "taken the job description").

use super::words::{Span, Words};
use super::{Finding, LintContext, Severity};
use crate::model::DeclineReason;

#[rustfmt::skip]
const VERBS: &[&str] = &[
    "accept", "accepted", "accepting", "taken", "took", "started", "starting", "signed", "joined",
];
#[rustfmt::skip]
const FILLERS: &[&str] = &[
    "a", "an", "another", "the", "new", "different", "other", "full", "part", "time",
    "permanent", "similar", "up",
];
const JOB_WORDS: &[&str] = &["job", "position", "offer", "role", "employment"];
/// Words that, within two words after the job word, show it is not about a job taken.
#[rustfmt::skip]
const NOT_A_CLAIM_AFTER: &[&str] = &[
    "interview", "description", "posting", "title", "ad", "advert", "advertisement", "listing",
    "requirements", "application", "details",
];
const MAX_FILLERS: usize = 4;

/// The finding for a claim to have taken a job, judged against what the user chose and what
/// the facts say: an error when either contradicts it, a warning when neither is known.
pub(super) fn check(words: &Words, ctx: &LintContext) -> Option<Finding> {
    let span = find_claim(words)?;
    let quote = words
        .quote(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let claim = format!("Claims to have taken a job (\"{quote}\")");
    let (severity, why) = match (ctx.chosen_reason, ctx.started_new_job) {
        (Some(r), _) if r != DeclineReason::AcceptedJob => (
            Severity::Error,
            format!(
                "but the reason you chose is \"{}\": state only the reason you chose, and only \
                 what is true",
                r.as_str()
            ),
        ),
        (_, Some(false)) => (
            Severity::Error,
            "but your recorded facts say you have not started a new job: say only what is true"
                .to_string(),
        ),
        (Some(_), Some(true) | None) | (None, Some(true)) => return None,
        (None, None) => (
            Severity::Warning,
            "make sure this is true before you send it".to_string(),
        ),
    };
    Some(Finding {
        rule: "unchosen-claim".to_string(),
        message: format!("{claim}, {why}."),
        severity,
    })
}

/// The first claim in the text, from its verb to its job word.
fn find_claim(words: &Words) -> Option<Span> {
    (0..words.tokens.len()).find_map(|i| claim_at(words, i))
}

fn claim_at(words: &Words, verb: usize) -> Option<Span> {
    if !VERBS.contains(&words.word(verb)?) {
        return None;
    }
    let mut i = verb;
    for _ in 0..=MAX_FILLERS {
        if !words.joined(i) {
            return None;
        }
        i += 1;
        let word = words.word(i)?;
        if JOB_WORDS.contains(&word) {
            return (!about_the_interview(words, i))
                .then(|| span(words, verb, i))
                .flatten();
        }
        if !FILLERS.contains(&word) {
            return None;
        }
    }
    None
}

/// "the offer to interview", "the job description": the job word is not a job taken.
fn about_the_interview(words: &Words, job_word: usize) -> bool {
    (job_word + 1..=job_word + 2)
        .filter_map(|i| words.word(i))
        .any(|w| NOT_A_CLAIM_AFTER.contains(&w))
}

fn span(words: &Words, first: usize, last: usize) -> Option<Span> {
    Some(Span {
        start: words.tokens.get(first)?.start,
        end: words.tokens.get(last)?.end,
        first,
        last,
    })
}
