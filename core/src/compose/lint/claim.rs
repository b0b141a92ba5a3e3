//! `unchosen-claim`: a decline that says "I have accepted a position" must be true and chosen.
//!
//! The claim is a verb of taking a job (accept, accepted, taken, started…), then at most
//! four filler words (a, another, new, full-time…), then a job word (job, position, offer,
//! role, employment) — unless the job word is followed by something that makes it about the
//! interview or the advert ("accepted the offer to interview", "taken the job description").
//! Where the verb comes last ("eine andere Stelle angenommen"), the job word, at most two
//! fillers, then the verb is a claim too. The words are the language's [`ClaimWords`].

use super::words::{Span, Words};
use super::{Finding, LintContext, Severity};
use crate::model::DeclineReason;

/// One language's words for a claim to have taken a job.
pub(super) struct ClaimWords {
    /// Verbs of taking a job: "accepted", "angenommen", "accepté".
    pub verbs: &'static [&'static str],
    /// Words that may stand between the verb and the job word: "a", "another", "new".
    pub fillers: &'static [&'static str],
    /// Nouns of a job: "job", "position", "Stelle", "poste".
    pub job_words: &'static [&'static str],
    /// Words that, within two words after the job word, show it is not about a job taken.
    pub not_a_claim_after: &'static [&'static str],
}

const MAX_FILLERS: usize = 4;
const MAX_FILLERS_BEFORE_VERB: usize = 2;

/// The finding for a claim to have taken a job, judged against what the user chose and what
/// the facts say: an error when either contradicts it, a warning when neither is known.
pub(super) fn check(words: &Words, ctx: &LintContext, claim: &ClaimWords) -> Option<Finding> {
    let span = find_claim(words, claim)?;
    let quote = words
        .quote(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let said = format!("Claims to have taken a job (\"{quote}\")");
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
        message: format!("{said}, {why}."),
        severity,
    })
}

/// The first claim in the text, from its verb to its job word (or from its job word to its
/// verb).
fn find_claim(words: &Words, claim: &ClaimWords) -> Option<Span> {
    (0..words.tokens.len())
        .find_map(|i| claim_at(words, i, claim).or_else(|| verb_last_at(words, i, claim)))
}

fn claim_at(words: &Words, verb: usize, claim: &ClaimWords) -> Option<Span> {
    if !claim.verbs.contains(&words.word(verb)?) {
        return None;
    }
    let mut i = verb;
    for _ in 0..=MAX_FILLERS {
        if !words.joined(i) {
            return None;
        }
        i += 1;
        let word = words.word(i)?;
        if claim.job_words.contains(&word) {
            return (!about_the_interview(words, i, claim))
                .then(|| span(words, verb, i))
                .flatten();
        }
        if !claim.fillers.contains(&word) {
            return None;
        }
    }
    None
}

/// "Stelle angenommen", "ein anderes Angebot angenommen": the job word, then the verb.
fn verb_last_at(words: &Words, job_word: usize, claim: &ClaimWords) -> Option<Span> {
    if !claim.job_words.contains(&words.word(job_word)?) {
        return None;
    }
    let mut i = job_word;
    for _ in 0..=MAX_FILLERS_BEFORE_VERB {
        if !words.joined(i) {
            return None;
        }
        i += 1;
        let word = words.word(i)?;
        if claim.verbs.contains(&word) {
            return span(words, job_word, i);
        }
        if !claim.fillers.contains(&word) {
            return None;
        }
    }
    None
}

/// "the offer to interview", "the job description": the job word is not a job taken.
fn about_the_interview(words: &Words, job_word: usize, claim: &ClaimWords) -> bool {
    (job_word + 1..=job_word + 2)
        .filter_map(|i| words.word(i))
        .any(|w| claim.not_a_claim_after.contains(&w))
}

fn span(words: &Words, first: usize, last: usize) -> Option<Span> {
    Some(Span {
        start: words.tokens.get(first)?.start,
        end: words.tokens.get(last)?.end,
        first,
        last,
    })
}
