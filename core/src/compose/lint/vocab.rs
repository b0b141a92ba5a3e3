//! The word rules: details, reviews, blame, explanations and negative tone.
//!
//! Each rule is a list of words and phrases (see [`super::words`] for the pattern syntax)
//! with a severity and plain-English advice. One finding per rule quotes every distinct
//! offending wording.

use super::Finding;
use super::Severity::{self, Error, Warning};
use super::words::{Span, Words};

/// A rule that fires on words or phrases.
pub(super) struct WordRule {
    pub id: &'static str,
    pub severity: Severity,
    pub patterns: &'static [&'static str],
    /// Ignore a Capitalised match mid-sentence: it is part of a job title or a name
    /// ("the Compensation Analyst position", "Dear Hiring Manager").
    pub skip_titles: bool,
    /// Ignore a match right after one of these words ("hiring manager").
    pub unless_after: &'static [&'static str],
    /// Ignore a match right before one of these words ("the product manager role").
    pub unless_before: &'static [&'static str],
    /// Ignore a match followed by one of these phrases: the reasons a decline may give
    /// ("because I have accepted a job").
    pub unless_followed_by: &'static [&'static str],
    /// What the text does, then the advice, around the quotes.
    pub what: &'static str,
    pub advice: &'static str,
}

const DETAIL_ADVICE: &str = "a decline gives no details, and every detail is something to argue \
                             with or take offence at; leave it out";

const fn detail(
    id: &'static str,
    what: &'static str,
    patterns: &'static [&'static str],
) -> WordRule {
    WordRule {
        id,
        severity: Error,
        patterns,
        skip_titles: true,
        unless_after: &[],
        unless_before: &[],
        unless_followed_by: &[],
        what,
        advice: DETAIL_ADVICE,
    }
}

/// The reasons a decline may state after "because": the two a user chooses from, in the
/// words of the sample decline. Whether the reason is the one chosen (and true) is
/// `unchosen-claim`'s business.
#[rustfmt::skip]
const STATED_REASONS: &[&str] = &[
    "i have accepted a job", "i have accepted a position", "i've accepted a job",
    "i've accepted a position", "i have concluded that this field is not a good fit",
    "i've concluded that this field is not a good fit",
];

/// The rules in the order findings are reported. Kept as a table by hand: rustfmt would put
/// every word on its own line.
#[rustfmt::skip]
pub(super) const RULES: &[WordRule] = &[
    detail(
        "detail-pay",
        "Mentions pay",
        &["pay", "salary", "salaries", "compensation", "wage", "wages", "underpaid",
          "paycheck", "paycheque", "money", "bonus", "pay rate", "lowball*"],
    ),
    detail(
        "detail-commute",
        "Mentions the commute",
        &["commute", "commutes", "commuting", "traffic", "too far", "the drive", "distance",
          "parking", "travel time"],
    ),
    detail(
        "detail-location",
        "Mentions the location",
        &["location", "locations", "relocate", "relocating", "relocation", "neighborhood",
          "neighbourhood"],
    ),
    WordRule {
        unless_after: &["hiring", "recruiting", "recruitment", "talent"],
        unless_before: &["position", "role", "job", "opening", "vacancy", "post"],
        ..detail(
            "detail-manager",
            "Mentions the manager",
            &["manager", "managers", "management", "boss", "bosses", "supervisor",
              "supervisors", "team lead", "team leader"],
        )
    },
    detail(
        "detail-coworkers",
        "Mentions co-workers",
        &["coworker*", "co worker*", "teammate*", "your staff", "your employees",
          "the people there"],
    ),
    WordRule {
        skip_titles: false,
        advice: "never tell an employer what reviews say about it; ask about the issues at an \
                 interview instead, or leave them out",
        ..detail(
            "mentions-reviews",
            "Mentions reviews",
            &["reviews", "glassdoor", "kununu", "online review", "employee review",
              "bad review", "negative review", "poor review", "terrible review", "review site*",
              "ratings"],
        )
    },
    WordRule {
        skip_titles: false,
        advice: "blame burns the bridge you are trying to keep; leave it out",
        ..detail(
            "blame",
            "Blames the employer",
            &["hate", "hated", "hates", "hating", "hateful", "toxic", "toxicity", "disorgani*",
              "rude", "rudely", "rudeness", "unprofessional*", "incompetent*", "incompetence",
              "waste of time", "waste of my time", "wasted my time", "wasting my time",
              "chaotic", "chaos", "poorly run", "poorly managed",
              "poorly organized", "poorly organised", "liar", "liars", "lied", "dishonest",
              "ghosted", "shady", "sketchy", "scam", "exploit*", "micromanag*", "mismanag*",
              "bully", "bullies", "bullying", "mess", "messy", "insult*", "offensive",
              "disrespect*", "arrogant", "lazy", "never heard back", "never got back"],
        )
    },
    WordRule {
        skip_titles: false,
        unless_followed_by: STATED_REASONS,
        advice: "an explanation gives details and invites an argument; decline without one, or \
                 with only the reason you chose",
        ..detail(
            "explains-because",
            "Explains the decline",
            &["because", "due to", "since the", "since your", "since you", "owing to",
              "as a result of", "on account of", "the reason is", "the reason being",
              "reason being"],
        )
    },
    WordRule {
        severity: Warning,
        skip_titles: false,
        advice: "keep a decline warm and neutral, so the door stays open",
        ..detail(
            "negative-tone",
            "Sounds negative",
            &["disappointed", "disappointing", "disappointment", "frustrated", "frustrating",
              "frustration", "annoyed", "annoying", "upset", "unacceptable", "terrible",
              "awful", "horrible", "ridiculous", "worst", "angry", "unhappy", "fed up",
              "sick of", "not impressed", "unimpressed", "bad", "poor", "pathetic", "useless",
              "stupid", "shame", "shameful"],
        )
    },
];

/// Runs one word rule; at most one finding, quoting each distinct wording once.
pub(super) fn check(rule: &WordRule, words: &Words) -> Option<Finding> {
    let spans: Vec<Span> = words
        .find_any(rule.patterns)
        .into_iter()
        .filter(|s| counts(rule, words, *s))
        .collect();
    if spans.is_empty() {
        return None;
    }
    let mut quotes: Vec<String> = Vec::new();
    for span in spans {
        let quote = words
            .quote(span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !quotes.iter().any(|q| q.eq_ignore_ascii_case(&quote)) {
            quotes.push(quote);
        }
    }
    let quoted: Vec<String> = quotes.iter().map(|q| format!("\"{q}\"")).collect();
    Some(Finding {
        rule: rule.id.to_string(),
        message: format!("{} ({}): {}.", rule.what, quoted.join(", "), rule.advice),
        severity: rule.severity,
    })
}

/// Applies the rule's exceptions to one match.
fn counts(rule: &WordRule, words: &Words, span: Span) -> bool {
    let title = rule.skip_titles && (span.first..=span.last).any(|i| words.is_title_word(i));
    let after = span
        .first
        .checked_sub(1)
        .filter(|&i| words.joined(i))
        .and_then(|i| words.word(i));
    let before = Some(span.last + 1)
        .filter(|_| words.joined(span.last))
        .and_then(|i| words.word(i));
    let excused_after = after.is_some_and(|w| rule.unless_after.contains(&w));
    let excused_before = before.is_some_and(|w| rule.unless_before.contains(&w));
    let excused_by_reason = words.joined(span.last)
        && rule
            .unless_followed_by
            .iter()
            .any(|phrase| words.starts_at(span.last + 1, phrase));
    !(title || excused_after || excused_before || excused_by_reason)
}
