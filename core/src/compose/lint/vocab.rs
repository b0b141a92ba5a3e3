//! The word rules: details, reviews, blame, explanations and negative tone.
//!
//! Each rule is a list of words and phrases (see [`super::words`] for the pattern syntax)
//! with a severity and plain-English advice. One finding per rule quotes every distinct
//! offending wording. The lists are per language (`en.rs`, `de.rs`…), with the same rule ids.

use super::Finding;
use super::Severity::{self, Error};
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

pub(super) const DETAIL_ADVICE: &str = "a decline gives no details, and every detail is something to argue \
                             with or take offence at; leave it out";

pub(super) const fn detail(
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

/// Runs one word rule; at most one finding, quoting each distinct wording once.
/// `titles_by_case`: a Capitalised word mid-sentence marks a name or a job title (not in
/// German, where every noun is Capitalised).
pub(super) fn check(rule: &WordRule, words: &Words, titles_by_case: bool) -> Option<Finding> {
    let spans: Vec<Span> = words
        .find_any(rule.patterns)
        .into_iter()
        .filter(|s| counts(rule, words, *s, titles_by_case))
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
fn counts(rule: &WordRule, words: &Words, span: Span, titles_by_case: bool) -> bool {
    let title = titles_by_case
        && rule.skip_titles
        && (span.first..=span.last).any(|i| words.is_title_word(i));
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
