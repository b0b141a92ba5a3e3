//! One test per lint rule: each fails if its rule is removed.

use super::*;

#[test]
fn detail_rules() {
    use Severity::Error;
    only("The salary is not for me.", "detail-pay", Error, "salary");
    only("The PAY is low.", "detail-pay", Error, "PAY");
    only("The commute is long.", "detail-commute", Error, "commute");
    only("The office is too far.", "detail-commute", Error, "too far");
    only(
        "The location does not suit me.",
        "detail-location",
        Error,
        "location",
    );
    only("I met the manager.", "detail-manager", Error, "manager");
    only(
        "My co-workers would be there.",
        "detail-coworkers",
        Error,
        "co-workers",
    );
    only(
        "I read your Glassdoor page.",
        "mentions-reviews",
        Error,
        "Glassdoor",
    );
    only(
        "The reviews say a lot.",
        "mentions-reviews",
        Error,
        "reviews",
    );
}

#[test]
fn words_match_on_boundaries_only() {
    for text in [
        "I will repay the favour.",
        "The payload arrived.",
        "Your company is great.",
        "I was paying attention.",
        "Whatever happens, thank you.",
        "I have reviewed the description.",
        "Please pass my thanks to the hiring manager.",
        "Thank you for the Compensation Analyst role.",
        "Thank you for the product manager role.",
        "My colleague may be interested.",
    ] {
        assert_eq!(
            rules(text, &LintContext::default()),
            Vec::<String>::new(),
            "{text}"
        );
    }
}

#[test]
fn blame_rule() {
    use Severity::Error;
    only(
        "The process was disorganized.",
        "blame",
        Error,
        "disorganized",
    );
    only(
        "The process was disorganised.",
        "blame",
        Error,
        "disorganised",
    );
    only("The team was rude.", "blame", Error, "rude");
    only("It was unprofessional.", "blame", Error, "unprofessional");
    only("It was a waste of time.", "blame", Error, "waste of time");
    only("HATE it.", "blame", Error, "HATE");
}

#[test]
fn explains_because_rule() {
    use Severity::Error;
    only(
        "I withdraw because of the hours.",
        "explains-because",
        Error,
        "because",
    );
    only(
        "I withdraw due to other plans.",
        "explains-because",
        Error,
        "due to",
    );
    only(
        "I withdraw since the role changed.",
        "explains-because",
        Error,
        "since the",
    );
}

#[test]
fn the_reasons_a_decline_may_give_after_because_are_no_explanation() {
    use Severity::Error;
    let accepted = LintContext {
        chosen_reason: Some(DeclineReason::AcceptedJob),
        ..decline()
    };
    let text = "However, at this time I regret that I must decline because I have accepted a \
                job. Please reply so that I know you have received this message.";
    assert_eq!(lint(text, &accepted), vec![]);
    let field_fit = "I must decline because I have concluded that this field is not a good fit \
                     for me at this point in my career. Please reply.";
    assert_eq!(lint(field_fit, &decline()), vec![]);
    only(
        "I must decline because I have accepted that the hours are long.",
        "explains-because",
        Error,
        "because",
    );
    only(
        "I must decline because. I have concluded that this field is not a good fit.",
        "explains-because",
        Error,
        "because",
    );
}

#[test]
fn negative_tone_rule() {
    only(
        "I was disappointed.",
        "negative-tone",
        Severity::Warning,
        "disappointed",
    );
    only(
        "That is unacceptable.",
        "negative-tone",
        Severity::Warning,
        "unacceptable",
    );
}

#[test]
fn exclamation_rule() {
    let f = finding("Thanks so much!", &LintContext::default(), "exclamation");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("\"much!\"") && f.message.contains("1 exclamation mark "));
    let f = finding("Wow!!!", &LintContext::default(), "exclamation");
    assert!(f.message.contains("3 exclamation marks") && f.message.contains("\"Wow!!!\""));
}

#[test]
fn too_long_rule() {
    let ok = "word ".repeat(WORD_BUDGET);
    assert_eq!(lint(&ok, &LintContext::default()), vec![]);
    let long = format!("{ok} more");
    let f = finding(&long, &LintContext::default(), "too-long");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains(&format!("{} words", WORD_BUDGET + 1)));
    assert!(DEFAULT_WITH_REFERRAL.split_whitespace().count() < WORD_BUDGET);
}

#[test]
fn missing_receipt_request_rule() {
    let text = "Thank you. I have decided to withdraw. Best regards, Dana";
    let f = finding(text, &decline(), "missing-receipt-request");
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        rules(text, &LintContext::default()).is_empty(),
        "not for an acceptance"
    );
    assert!(rules(DANA, &decline()).is_empty());
}

#[test]
fn unchosen_claim_rule() {
    let text = "I have accepted a new position elsewhere.";
    let ctx = |reason, started| LintContext {
        chosen_reason: reason,
        started_new_job: started,
        is_decline: false,
        language: crate::model::Language::En,
    };
    let none = finding(
        text,
        &ctx(Some(DeclineReason::None), None),
        "unchosen-claim",
    );
    assert_eq!(none.severity, Severity::Error);
    assert!(
        none.message.contains("\"accepted a new position\"") && none.message.contains("\"none\"")
    );
    let fit = finding(
        text,
        &ctx(Some(DeclineReason::FieldFit), Some(true)),
        "unchosen-claim",
    );
    assert_eq!(fit.severity, Severity::Error);
    let facts = finding(
        text,
        &ctx(Some(DeclineReason::AcceptedJob), Some(false)),
        "unchosen-claim",
    );
    assert_eq!(facts.severity, Severity::Error);
    assert!(facts.message.contains("not started a new job"));
    let unknown = finding(text, &ctx(None, None), "unchosen-claim");
    assert_eq!(unknown.severity, Severity::Warning);
    assert!(unknown.message.contains("make sure this is true"));
    assert!(rules(text, &ctx(Some(DeclineReason::AcceptedJob), None)).is_empty());
    assert!(rules(text, &ctx(None, Some(true))).is_empty());
}

#[test]
fn unchosen_claim_phrasings() {
    let ctx = LintContext::default();
    for claim in [
        "I took a job at another firm.",
        "I have started a new full-time role.",
        "I have accepted an offer.",
        "I signed another offer last week.",
        "I am starting a new job on Monday.",
        "I have decided to accept another offer.",
    ] {
        assert_eq!(rules(claim, &ctx), ["unchosen-claim"], "{claim}");
    }
    for not_claim in [
        "I have accepted the offer to interview.",
        "I have taken the job description into account.",
        "I accepted. A job is a job.",
        "I accepted your invitation for the position.",
        "I am glad to accept the job interview.",
        "I accept, and the position sounds great.",
    ] {
        assert!(rules(not_claim, &ctx).is_empty(), "{not_claim}");
    }
}

#[test]
fn every_rule_id_is_listed_and_findings_serialise() {
    let text = "I hate the commute, the location, my manager, my coworkers, the pay and the \
                reviews, because it is terrible! I accepted a job.";
    let found = lint(
        &format!("{text} {}", "word ".repeat(WORD_BUDGET)),
        &decline(),
    );
    let ids: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(ids, RULE_IDS, "every rule fires, in order");
    let json = serde_json::to_value(&found[0]).expect("serialise");
    assert_eq!(json["severity"], "error");
    assert_eq!(json["rule"], "detail-pay");
    let back: Finding = serde_json::from_value(json).expect("deserialise");
    assert_eq!(back, found[0]);
}
