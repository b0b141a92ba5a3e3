//! Rules about the shape of the text rather than its words: exclamation marks, length, and
//! the receipt request every decline ends with.

use super::words::Words;
use super::{Finding, LintContext, Severity};

/// "Short and sweet" as a number. The default decline with a referral paragraph and a
/// field-fit reason is about 110 words; 180 leaves room for a personal line or two while
/// still catching a letter that explains itself.
pub const WORD_BUDGET: usize = 180;

/// `exclamation`: any `!`. Quotes the word before the first run of them.
pub(super) fn exclamation(words: &Words) -> Option<Finding> {
    let text = words.text;
    let count = text.matches('!').count();
    let first = text.find('!')?;
    let run_end = text[first..]
        .find(|c| c != '!')
        .map_or(text.len(), |n| first + n);
    let start = words
        .tokens
        .iter()
        .rev()
        .find(|t| t.end <= first)
        .map_or(first, |t| t.start);
    let quote = text.get(start..run_end).unwrap_or("!");
    Some(Finding {
        rule: "exclamation".to_string(),
        message: format!(
            "Uses {count} exclamation mark{s} (\"{quote}\"): they read as excitement or anger; \
             a calm full stop keeps a decline gracious.",
            s = if count == 1 { "" } else { "s" }
        ),
        severity: Severity::Warning,
    })
}

/// `too-long`: more than [`WORD_BUDGET`] words (whitespace-separated, with a letter or digit).
pub(super) fn too_long(words: &Words) -> Option<Finding> {
    let count = word_count(words.text);
    (count > WORD_BUDGET).then(|| Finding {
        rule: "too-long".to_string(),
        message: format!(
            "Is {count} words long, past the {WORD_BUDGET} of a short and sweet decline: the \
             longer it is, the more it explains; cut it down."
        ),
        severity: Severity::Warning,
    })
}

/// `missing-receipt-request`: a decline must ask for a reply, so the user knows it arrived.
/// `patterns` are the language's phrases that ask for a reply; `example` is its default
/// receipt request, quoted in the advice.
pub(super) fn missing_receipt_request(
    words: &Words,
    ctx: &LintContext,
    patterns: &[&str],
    example: &str,
) -> Option<Finding> {
    (ctx.is_decline && words.find_any(patterns).is_empty()).then(|| Finding {
        rule: "missing-receipt-request".to_string(),
        message: format!("Does not ask the reader to confirm receipt: add \"{example}\""),
        severity: Severity::Warning,
    })
}

fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
