//! Linter tests: ordinary polite texts that must pass clean, a hostile one that must not,
//! and (in `rules`) one test per rule.

use super::*;

mod languages;
mod rules;

fn decline() -> LintContext {
    LintContext {
        is_decline: true,
        ..LintContext::default()
    }
}

fn rules(text: &str, ctx: &LintContext) -> Vec<String> {
    lint(text, ctx).into_iter().map(|f| f.rule).collect()
}

fn finding(text: &str, ctx: &LintContext, rule: &str) -> Finding {
    lint(text, ctx)
        .into_iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("{rule} expected on {text:?}"))
}

/// Fires exactly `rule` (and nothing else) on `text`, with `severity`, quoting `quote`.
fn only(text: &str, rule: &str, severity: Severity, quote: &str) {
    let found = lint(text, &LintContext::default());
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    assert_eq!(found[0].rule, rule, "{text:?}");
    assert_eq!(found[0].severity, severity, "{text:?}");
    assert!(
        found[0].message.contains(&format!("\"{quote}\"")),
        "{:?}",
        found[0].message
    );
}

const DANA: &str = "Thank you for the invitation to interview for the Data Analyst position. \
    I have decided to withdraw from consideration. Perhaps the timing will be better at some \
    point in the future. Please reply so that I know you have received this message. \
    Best regards, Dana";

/// The default decline template rendered with a referral and the longest reason.
const DEFAULT_WITH_REFERRAL: &str = "Dear Jordan Smith,

Thank you for the invitation to interview for the Senior Payroll Manager position (REQ-2025-0412) at Northwind Traders Company. I appreciate the time you took to consider me.

After careful thought, I have concluded that this field is not a good fit for me at this point in my career, so I am withdrawing from consideration.

If it would help your search, my colleague Alex Rivera may be interested in this opportunity and has agreed that I pass on their contact details: alex.rivera@example.org, +1 555 010 0199.

Perhaps the timing will be better at some point in the future.

Please reply so that I know you have received this message.

Best regards,
Dana Example
+1 555 010 0100";

const ACCEPTED_JOB: &str = "Dear Hiring Manager,

Thank you for the invitation to interview for the Compensation Analyst role at Paymentus. I have accepted a position elsewhere, so I am withdrawing from consideration.

Perhaps the timing will be better at some point in the future.

Please reply so that I know you have received this message.

Kind regards,
Sam";

const ACCEPTANCE: &str = "Dear Jordan,

Thank you for the invitation to interview for the Product Manager position at Acme Company. I am glad to accept, and I confirm Tuesday 14 May at 10:00. I have accepted the offer to interview and reviewed the job description; I am paying attention to the details and hope to repay your kindness.

Please let me know if there is anything I should prepare beforehand.

I look forward to speaking with you.

Best regards,
Dana";

#[test]
fn polite_texts_have_no_findings() {
    let accepted = LintContext {
        chosen_reason: Some(DeclineReason::AcceptedJob),
        started_new_job: Some(true),
        is_decline: true,
        language: crate::model::Language::En,
    };
    let field_fit = LintContext {
        chosen_reason: Some(DeclineReason::FieldFit),
        ..decline()
    };
    assert_eq!(lint(DANA, &decline()), vec![]);
    assert_eq!(lint(DANA, &LintContext::default()), vec![]);
    assert_eq!(lint(DEFAULT_WITH_REFERRAL, &field_fit), vec![]);
    assert_eq!(lint(ACCEPTED_JOB, &accepted), vec![]);
    assert_eq!(lint(ACCEPTANCE, &LintContext::default()), vec![]);
    let short = "Dear Ms. Lee, thank you for thinking of me. I will not be pursuing this \
                 opportunity, and I wish you every success in your search. Could you confirm \
                 that this message reached you? Warm regards, Kim";
    assert_eq!(lint(short, &decline()), vec![]);
}

#[test]
fn hostile_text_has_several_errors() {
    let text = "I hate the commute and your pay is too low because the manager is toxic!!!";
    let found = lint(text, &decline());
    let errors: Vec<&str> = found
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(
        errors,
        [
            "detail-pay",
            "detail-commute",
            "detail-manager",
            "blame",
            "explains-because"
        ]
    );
    let blame = finding(text, &decline(), "blame");
    assert!(
        blame.message.contains("\"hate\", \"toxic\""),
        "{}",
        blame.message
    );
    let warnings: Vec<&str> = found
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(warnings, ["exclamation", "missing-receipt-request"]);
}
