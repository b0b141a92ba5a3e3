//! The six reasons to decline, one function each.
//!
//! Each returns the reason, citing the rule in plain English, when its fact holds. They are
//! the only rules that recommend declining on their own; everything else only cautions.

use crate::model::{Facts, Round};

/// Every decline reason that holds, in the order of the design.
pub(super) fn all(facts: &Facts, round: Option<Round>) -> Vec<String> {
    [
        started_new_job(facts),
        current_job_at_risk(facts),
        poor_fit_after_interview(facts, round),
        bad_feel_earlier_interview(facts),
        insider_hates_it(facts),
        worked_there_hated_it(facts),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Reason 1: a new job has started, so another employer's process only costs both sides time.
pub(super) fn started_new_job(facts: &Facts) -> Option<String> {
    facts.started_new_job.then(|| {
        "Reason 1 — you have accepted an offer and started the new job: decline; \
         interviewing now takes their time for a job you will not take."
            .to_string()
    })
}

/// Reason 2: the current job is acceptable and attending is risky and difficult, so the
/// interview could cost more than it can teach.
pub(super) fn current_job_at_risk(facts: &Facts) -> Option<String> {
    facts.current_job_at_risk.then(|| {
        "Reason 2 — you have an acceptable current job, and attending is risky and difficult: \
         decline rather than put that job at risk."
            .to_string()
    })
}

/// Reason 3: a later round for a job already judged a poor fit. A first round cannot follow
/// a judgement made at an interview for this job, so it does not apply there; an unknown
/// round trusts the user's flag.
pub(super) fn poor_fit_after_interview(facts: &Facts, round: Option<Round>) -> Option<String> {
    let later_or_unknown = round.is_none_or(Round::is_later);
    (facts.poor_fit_after_interview && later_or_unknown).then(|| {
        "Reason 3 — this is a later round for a job you already judged a poor fit: decline; \
         another round will not change the fit."
            .to_string()
    })
}

/// The other half of reason 3: say why the flag was set aside on a first round.
pub(super) fn first_round_caution(facts: &Facts, round: Option<Round>) -> Option<String> {
    let first = round.is_some_and(|r| !r.is_later());
    (facts.poor_fit_after_interview && first).then(|| {
        "Reason 3 does not apply — it is for a 2nd or 3rd round, and this is a first round: \
         you have not interviewed for this job yet, so the interview is how you judge the fit."
            .to_string()
    })
}

/// Reason 4: an earlier interview there, for another job, felt wrong; that says something
/// about the employer, not just the job.
pub(super) fn bad_feel_earlier_interview(facts: &Facts) -> Option<String> {
    facts.bad_feel_earlier_interview.then(|| {
        "Reason 4 — an earlier interview at this employer, for another job, felt wrong: \
         decline; that impression of the employer is likely to hold."
            .to_string()
    })
}

/// Reason 5: an insider hates it with good reason; first-hand and well-founded, unlike a review.
pub(super) fn insider_hates_it(facts: &Facts) -> Option<String> {
    facts.insider_hates_it.then(|| {
        "Reason 5 — someone who works there hates it, with good reason: decline; \
         a well-founded view from the inside outweighs what an interview will show you."
            .to_string()
    })
}

/// Reason 6: the user worked there, hated it, and does not want to repeat it.
pub(super) fn worked_there_hated_it(facts: &Facts) -> Option<String> {
    facts.worked_there_hated_it.then(|| {
        "Reason 6 — you worked there, hated it, and do not want to repeat it: decline.".to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(n: i64) -> Option<Round> {
        Some(Round::new(n).expect("valid round"))
    }

    #[test]
    fn no_facts_no_reasons() {
        assert!(all(&Facts::default(), None).is_empty());
    }

    #[test]
    fn reason_1_started_new_job() {
        let facts = Facts {
            started_new_job: true,
            ..Facts::default()
        };
        let r = started_new_job(&facts).expect("reason 1");
        assert!(r.starts_with("Reason 1 — you have accepted an offer and started the new job"));
        assert_eq!(all(&facts, None), vec![r]);
        assert_eq!(started_new_job(&Facts::default()), None);
    }

    #[test]
    fn reason_2_current_job_at_risk() {
        let facts = Facts {
            current_job_at_risk: true,
            ..Facts::default()
        };
        let r = current_job_at_risk(&facts).expect("reason 2");
        assert!(r.starts_with("Reason 2 — you have an acceptable current job"));
        assert_eq!(all(&facts, None), vec![r]);
        assert_eq!(current_job_at_risk(&Facts::default()), None);
    }

    #[test]
    fn reason_3_applies_to_later_and_unknown_rounds() {
        let facts = Facts {
            poor_fit_after_interview: true,
            ..Facts::default()
        };
        for r in [round(2), round(3), None] {
            let reason = poor_fit_after_interview(&facts, r).expect("reason 3");
            assert!(reason.starts_with("Reason 3 — this is a later round"));
            assert_eq!(all(&facts, r), vec![reason]);
            assert_eq!(first_round_caution(&facts, r), None);
        }
        assert_eq!(poor_fit_after_interview(&Facts::default(), round(2)), None);
    }

    #[test]
    fn reason_3_does_not_apply_to_a_first_round_and_says_so() {
        let facts = Facts {
            poor_fit_after_interview: true,
            ..Facts::default()
        };
        assert_eq!(poor_fit_after_interview(&facts, round(1)), None);
        assert!(all(&facts, round(1)).is_empty());
        let caution = first_round_caution(&facts, round(1)).expect("caution");
        assert!(caution.starts_with("Reason 3 does not apply"));
        assert_eq!(first_round_caution(&Facts::default(), round(1)), None);
    }

    #[test]
    fn reason_4_bad_feel_earlier_interview() {
        let facts = Facts {
            bad_feel_earlier_interview: true,
            ..Facts::default()
        };
        let r = bad_feel_earlier_interview(&facts).expect("reason 4");
        assert!(r.starts_with("Reason 4 — an earlier interview at this employer"));
        assert_eq!(all(&facts, None), vec![r]);
        assert_eq!(bad_feel_earlier_interview(&Facts::default()), None);
    }

    #[test]
    fn reason_5_insider_hates_it() {
        let facts = Facts {
            insider_hates_it: true,
            ..Facts::default()
        };
        let r = insider_hates_it(&facts).expect("reason 5");
        assert!(r.starts_with("Reason 5 — someone who works there hates it"));
        assert_eq!(all(&facts, None), vec![r]);
        assert_eq!(insider_hates_it(&Facts::default()), None);
    }

    #[test]
    fn reason_6_worked_there_hated_it() {
        let facts = Facts {
            worked_there_hated_it: true,
            ..Facts::default()
        };
        let r = worked_there_hated_it(&facts).expect("reason 6");
        assert!(r.starts_with("Reason 6 — you worked there, hated it"));
        assert_eq!(all(&facts, None), vec![r]);
        assert_eq!(worked_there_hated_it(&Facts::default()), None);
    }

    #[test]
    fn several_reasons_are_all_listed_in_order() {
        let facts = Facts {
            started_new_job: true,
            worked_there_hated_it: true,
            ..Facts::default()
        };
        let reasons = all(&facts, None);
        assert_eq!(reasons.len(), 2);
        assert!(reasons[0].starts_with("Reason 1"));
        assert!(reasons[1].starts_with("Reason 6"));
    }
}
