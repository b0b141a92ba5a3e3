//! The rules working together through [`advise`], and the JSON shape of the advice.

use super::*;
use crate::model::{Concern, Review};
use Gut::{Negative as N, Positive as P};

const TODAY: jiff::civil::Date = jiff::civil::date(2025, 6, 15);

fn advise_facts(facts: &Facts) -> Advice {
    advise_with(facts, None, &[])
}

fn advise_with(facts: &Facts, round: Option<u8>, history: &[Gut]) -> Advice {
    let round = round.map(|n| Round::new(n.into()).expect("valid round"));
    advise(&AdvisorInput {
        facts,
        round,
        today: TODAY,
        gut_history: history,
    })
}

/// Sets one fact flag; paired with the rule it should cite.
type SetFlag = fn(&mut Facts);

fn starts(list: &[String], prefix: &str) -> bool {
    list.iter().any(|s| s.starts_with(prefix))
}

#[test]
fn no_facts_accept_and_learn() {
    let a = advise_facts(&Facts::default());
    assert_eq!(a.verdict, Verdict::Accept);
    assert_eq!(a.reasons.len(), 1);
    assert!(a.reasons[0].starts_with("Default — accept and see what you learn"));
    assert!(a.cautions.is_empty() && a.questions.is_empty());
}

#[test]
fn each_flag_of_the_six_reasons_declines() {
    let flags: [(SetFlag, &str); 6] = [
        (|f| f.started_new_job = true, "Reason 1"),
        (|f| f.current_job_at_risk = true, "Reason 2"),
        (|f| f.poor_fit_after_interview = true, "Reason 3"),
        (|f| f.bad_feel_earlier_interview = true, "Reason 4"),
        (|f| f.insider_hates_it = true, "Reason 5"),
        (|f| f.worked_there_hated_it = true, "Reason 6"),
    ];
    for (set, cite) in flags {
        let mut facts = Facts::default();
        set(&mut facts);
        let a = advise_facts(&facts);
        assert_eq!(a.verdict, Verdict::Decline, "{cite}");
        assert!(starts(&a.reasons, cite), "{cite}: {a:?}");
        assert!(!starts(&a.reasons, "Default"), "{cite}");
    }
}

#[test]
fn reason_3_on_a_first_round_accepts_with_a_caution() {
    let facts = Facts {
        poor_fit_after_interview: true,
        ..Facts::default()
    };
    let a = advise_with(&facts, Some(1), &[]);
    assert_eq!(a.verdict, Verdict::Accept);
    assert!(starts(&a.cautions, "Reason 3 does not apply"));
    assert_eq!(advise_with(&facts, Some(2), &[]).verdict, Verdict::Decline);
    assert_eq!(advise_with(&facts, None, &[]).verdict, Verdict::Decline);
}

#[test]
fn dream_job_overrides_every_reason_and_lists_them_as_cautions() {
    let facts = Facts {
        dream_job_sure_offer: true,
        started_new_job: true,
        insider_hates_it: true,
        gut: N,
        ..Facts::default()
    };
    let a = advise_facts(&facts);
    assert_eq!(a.verdict, Verdict::Accept);
    assert_eq!(a.reasons.len(), 1);
    assert!(a.reasons[0].starts_with("Exception — a dream job"));
    assert!(starts(
        &a.cautions,
        "Overridden by the dream-job exception: Reason 1"
    ));
    assert!(starts(
        &a.cautions,
        "Overridden by the dream-job exception: Reason 5"
    ));
    assert!(starts(
        &a.cautions,
        "Overridden by the dream-job exception: Gut"
    ));
}

#[test]
fn concerns_never_decline_by_themselves() {
    let facts = Facts {
        concerns: Concern::ALL.to_vec(),
        ..Facts::default()
    };
    let a = advise_facts(&facts);
    assert_eq!(a.verdict, Verdict::Accept);
    assert_eq!(a.cautions.len(), 5);
    assert!(
        a.cautions
            .iter()
            .all(|c| c.contains("you won't know unless you interview"))
    );
    assert_eq!(a.questions.len(), 5);
}

#[test]
fn negative_gut_alone_is_your_call() {
    let facts = Facts {
        gut: N,
        ..Facts::default()
    };
    let a = advise_with(&facts, None, &[P, N, P]);
    assert_eq!(a.verdict, Verdict::YourCall);
    assert!(starts(&a.reasons, "Gut — your gut feeling"));
}

#[test]
fn negative_gut_backed_by_poor_communication_declines() {
    let facts = Facts {
        gut: N,
        poor_communication: true,
        ..Facts::default()
    };
    let a = advise_facts(&facts);
    assert_eq!(a.verdict, Verdict::Decline);
    assert_eq!(a.reasons.len(), 2);
    assert!(a.reasons[1].contains("legitimate gut signal"));
}

#[test]
fn gut_pattern_warns_and_the_gut_no_longer_counts() {
    let facts = Facts {
        gut: N,
        poor_communication: true,
        ..Facts::default()
    };
    let a = advise_with(&facts, None, &[N; 5]);
    assert_eq!(a.verdict, Verdict::Accept);
    assert!(starts(&a.reasons, "Default"));
    assert!(
        a.cautions
            .iter()
            .any(|c| c.contains("don't trust this instinct"))
    );
    assert!(
        starts(&a.cautions, "Poor communication"),
        "still said: {a:?}"
    );
}

#[test]
fn poor_communication_alone_is_said_to_be_a_gut_signal() {
    let facts = Facts {
        poor_communication: true,
        ..Facts::default()
    };
    let a = advise_facts(&facts);
    assert_eq!(a.verdict, Verdict::Accept);
    assert!(
        a.cautions
            .iter()
            .any(|c| c.contains("legitimate gut signal"))
    );
}

#[test]
fn bad_reviews_never_decline_and_lead_to_questions() {
    let bad = |topic: &str| Review {
        stars: 1,
        date: jiff::civil::date(2023, 1, 1),
        location: Some("Springfield".into()),
        topic: Some(topic.into()),
    };
    let facts = Facts {
        reviews: vec![bad("management"), bad("layoffs"), bad("hours")],
        job_location: Some("Chicago".into()),
        ..Facts::default()
    };
    let a = advise_facts(&facts);
    assert_eq!(a.verdict, Verdict::Accept);
    assert!(starts(&a.cautions, "Reviews — 3 bad reviews"));
    assert!(
        a.cautions
            .iter()
            .any(|c| c.contains("more than a year old"))
    );
    assert!(a.cautions.iter().any(|c| c.contains("another location")));
    assert_eq!(a.questions.len(), 3);
    assert!(
        a.questions
            .iter()
            .all(|q| !q.to_lowercase().contains("review"))
    );
}

#[test]
fn concern_and_review_questions_are_not_repeated() {
    let facts = Facts {
        concerns: vec![Concern::Manager],
        reviews: vec![Review {
            stars: 1,
            date: TODAY,
            location: None,
            topic: Some("manager".into()),
        }],
        ..Facts::default()
    };
    let a = advise_facts(&facts);
    let distinct: std::collections::HashSet<_> = a.questions.iter().collect();
    assert_eq!(distinct.len(), a.questions.len(), "{:?}", a.questions);
}

#[test]
fn advice_serialises_with_kebab_case_verdicts() {
    let a = advise_facts(&Facts {
        gut: N,
        ..Facts::default()
    });
    let json = serde_json::to_value(&a).expect("serialise");
    assert_eq!(json["verdict"], "your-call");
    assert!(
        json["reasons"].is_array() && json["cautions"].is_array() && json["questions"].is_array()
    );
    let back: Advice = serde_json::from_value(json).expect("deserialise");
    assert_eq!(back, a);
    assert_eq!(
        serde_json::to_value(Verdict::Decline).expect("ser"),
        "decline"
    );
    assert_eq!(
        serde_json::to_value(Verdict::Accept).expect("ser"),
        "accept"
    );
}
