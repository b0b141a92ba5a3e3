//! Facts → advice with reasons. One small function per rule: the
//! default (accept and learn), the six reasons to decline, the dream-job exception, the gut
//! and its self-check, reviews, concerns and poor communication.
//!
//! The advisor only advises: it says what the rules suggest and why, quoting each rule in
//! plain English, and the user decides.
//!
//! How the verdict is reached, in order:
//! 1. The dream-job exception ([`exception`]) → accept; any decline reasons become cautions.
//! 2. Any of the six decline reasons ([`reasons`]) → decline.
//! 3. A negative gut that counts ([`gut`]) → your call, or decline when poor communication
//!    backs it up. It does not count when the user's own history shows the avoidance pattern.
//! 4. Otherwise the default: accept and see what you learn.
//!
//! Concerns, reviews, the first-round caveat of reason 3, the gut pattern and poor
//! communication on its own never change the verdict: they add cautions and interview
//! questions.

mod concerns;
mod exception;
mod gut;
mod questions;
mod reasons;
mod reviews;
#[cfg(test)]
mod tests;

use crate::model::{Facts, Gut, Round};

/// How many recent other invitations the gut-pattern rule reads, and the fewest it needs:
/// callers loading `gut_history` need load no more than the window.
pub use gut::{PATTERN_MIN as GUT_PATTERN_MIN, PATTERN_WINDOW as GUT_PATTERN_WINDOW};
use serde::{Deserialize, Serialize};

/// Everything the advisor weighs for one invitation.
#[derive(Debug, Clone, Copy)]
pub struct AdvisorInput<'a> {
    pub facts: &'a Facts,
    pub round: Option<Round>,
    /// Today in the user's time zone (core has no clock; the caller passes it).
    pub today: jiff::civil::Date,
    /// The user's gut on their OTHER invitations, most recent first.
    pub gut_history: &'a [Gut],
}

/// What the rules suggest. The user decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Decline,
    Accept,
    /// Nothing decides it either way (a negative gut alone): the user's call.
    YourCall,
}

impl Verdict {
    /// The verdict as it appears in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Decline => "decline",
            Self::Accept => "accept",
            Self::YourCall => "your-call",
        }
    }
}

/// The advice: a verdict, the rules behind it, what to keep in mind, and what to ask.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Advice {
    pub verdict: Verdict,
    /// The rules that produced the verdict, each citing its rule.
    pub reasons: Vec<String>,
    /// Rules that weigh in without deciding (concerns, reviews, overridden reasons…).
    pub cautions: Vec<String>,
    /// Questions to ask at the interview; they never mention reviews.
    pub questions: Vec<String>,
}

/// Applies every rule to `input`.
pub fn advise(input: &AdvisorInput) -> Advice {
    let facts = input.facts;
    let history = input.gut_history;
    let (verdict, reasons, mut cautions) = verdict(input);

    cautions.extend(reasons::first_round_caution(facts, input.round));
    cautions.extend(gut::pattern_caution(facts.gut, history));
    cautions.extend(gut::communication_caution(facts, history));
    cautions.extend(concerns::cautions(&facts.concerns));
    let (review_cautions, review_questions) = reviews::assess(facts, input.today);
    cautions.extend(review_cautions);

    let mut questions = concerns::questions(&facts.concerns);
    for q in review_questions {
        if !questions.contains(&q) {
            questions.push(q);
        }
    }
    Advice {
        verdict,
        reasons,
        cautions,
        questions,
    }
}

/// The deciding rules, in precedence order: exception, reasons, gut, default. Returns the
/// verdict, its reasons, and the cautions that come from rules set aside by a stronger one.
fn verdict(input: &AdvisorInput) -> (Verdict, Vec<String>, Vec<String>) {
    let facts = input.facts;
    let history = input.gut_history;
    let declines = reasons::all(facts, input.round);
    let gut_signals: Vec<String> = [
        gut::negative_gut(facts.gut, history),
        gut::communication_backs_gut(facts, history),
    ]
    .into_iter()
    .flatten()
    .collect();

    if let Some(exception) = exception::dream_job(facts) {
        let set_aside = declines.iter().chain(&gut_signals);
        let cautions = set_aside.map(|r| exception::overridden(r)).collect();
        return (Verdict::Accept, vec![exception], cautions);
    }
    if !declines.is_empty() {
        let reasons = declines.into_iter().chain(gut_signals).collect();
        return (Verdict::Decline, reasons, Vec::new());
    }
    match gut_signals.len() {
        // The gut alone: it counts, but only the user can weigh it.
        1 => (Verdict::YourCall, gut_signals, Vec::new()),
        // Poor communication backs up the gut: a signal that is no longer only a feeling.
        2.. => (Verdict::Decline, gut_signals, Vec::new()),
        0 => match exception::accept_and_learn(facts) {
            Some(default) => (Verdict::Accept, vec![default], Vec::new()),
            None => (Verdict::YourCall, Vec::new(), Vec::new()),
        },
    }
}
