//! The diplomacy linter: flags what would burn a bridge in a decline.
//!
//! A decline is short and sweet: appreciation, the decline (with no reason, "accepted a
//! job", or the vague field-fit line), perhaps a referral, the door left open, a request to
//! confirm receipt. Anything more is a detail someone can argue with or take offence at.
//!
//! Rule ids are stable (scripts key on them):
//!
//! | rule | severity | fires on |
//! |---|---|---|
//! | `detail-pay` | error | pay, salary, compensation, wages… |
//! | `detail-commute` | error | commute, traffic, too far… |
//! | `detail-location` | error | location, relocation… |
//! | `detail-manager` | error | manager, boss, supervisor… (not "hiring manager", not "the manager position") |
//! | `detail-coworkers` | error | co-workers, teammates, your staff… |
//! | `mentions-reviews` | error | reviews, Glassdoor, ratings… |
//! | `blame` | error | hate, toxic, disorganized/disorganised, rude, unprofessional, incompetent, waste of time… |
//! | `explains-because` | error | because, due to, since the/your/you, owing to… (not "because I have accepted a job" or "because I have concluded that this field is not a good fit": the reasons a decline may give) |
//! | `unchosen-claim` | error, or warning | "accepted a position" that the chosen reason or the facts contradict; a warning when neither is known |
//! | `negative-tone` | warning | disappointed, frustrating, unacceptable, terrible… |
//! | `exclamation` | warning | any `!` |
//! | `too-long` | warning | more than [`WORD_BUDGET`] words |
//! | `missing-receipt-request` | warning | a decline that does not ask for a reply |
//!
//! Severities: errors are what burns a bridge or says something untrue — details, blame,
//! explanations, an unchosen claim — and sending a draft with errors needs an explicit
//! override. Warnings are matters of style the user may keep.
//!
//! Matching is on whole words, case-insensitively: "repay", "payload", "paying" and
//! "company" do not match "pay". A Capitalised detail word in mid-sentence is taken for part
//! of a job title or a name ("the Compensation Analyst position") and ignored; ALL CAPS is not
//! (except in German, where every noun is Capitalised).
//!
//! The words are data, one table per language with the same rule ids: `lint/en.rs`,
//! `lint/fr.rs`, `lint/de.rs`, `lint/es.rs`, `lint/pt.rs`, `lint/it.rs` (a [`table::Table`]
//! each). The linter reads a text with the table of [`LintContext::language`]. Advice is in
//! English, quoting the text's own words.

mod claim;
mod de;
mod en;
mod es;
mod fr;
mod it;
mod pt;
mod shape;
mod table;
mod tables;
#[cfg(test)]
mod tests;
mod vocab;
mod words;

use crate::model::{DeclineReason, Language};
use serde::{Deserialize, Serialize};

pub use shape::WORD_BUDGET;

/// Every rule id the linter can report, errors first.
pub const RULE_IDS: [&str; 13] = [
    "detail-pay",
    "detail-commute",
    "detail-location",
    "detail-manager",
    "detail-coworkers",
    "mentions-reviews",
    "blame",
    "explains-because",
    "unchosen-claim",
    "negative-tone",
    "exclamation",
    "too-long",
    "missing-receipt-request",
];

/// How bad a finding is. Errors block sending without an explicit override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a text.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Finding {
    /// A stable kebab-case id from [`RULE_IDS`].
    pub rule: String,
    /// Plain English, quoting the offending words.
    pub message: String,
    pub severity: Severity,
}

/// What the linter knows beyond the text itself.
#[derive(Default, Debug, Clone)]
pub struct LintContext {
    /// The decline reason the user chose, when linting a bowout draft; None for free text.
    pub chosen_reason: Option<DeclineReason>,
    /// What the recorded facts say about having started a new job; None when unknown.
    pub started_new_job: Option<bool>,
    /// True for a decline (receipt request required); false for other text kinds such as an acceptance.
    pub is_decline: bool,
    /// The language the text is written in: whose word lists apply.
    pub language: Language,
}

/// Lints `text`: at most one finding per rule, errors first, then in the order of
/// [`RULE_IDS`]. An empty result means nothing to fix.
pub fn lint(text: &str, ctx: &LintContext) -> Vec<Finding> {
    let table = tables::of(ctx.language);
    let words = words::Words::with_elisions(text, table.elisions);
    let mut findings: Vec<Finding> = table
        .rules
        .iter()
        .filter_map(|rule| vocab::check(rule, &words, table.titles_by_case))
        .collect();
    findings.extend(claim::check(&words, ctx, &table.claim));
    findings.extend(shape::exclamation(&words));
    findings.extend(shape::too_long(&words));
    findings.extend(shape::missing_receipt_request(
        &words,
        ctx,
        table.receipt,
        table.receipt_example,
    ));
    findings.sort_by_key(|f| {
        let order = RULE_IDS.iter().position(|id| *id == f.rule);
        (f.severity, order)
    });
    findings
}
