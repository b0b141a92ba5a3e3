//! The dream-job exception and the default: the two rules that recommend accepting.

use crate::model::Facts;

/// The exception: a dream job at a dream employer with a sure offer is worth more than any
/// of the six reasons to decline, so it overrides them (they are kept as cautions).
pub(super) fn dream_job(facts: &Facts) -> Option<String> {
    facts.dream_job_sure_offer.then(|| {
        "Exception — a dream job at a dream employer with a sure offer: accept; \
         this overrides the reasons to decline."
            .to_string()
    })
}

/// A decline reason that the exception set aside, kept visible so the user still weighs it.
pub(super) fn overridden(reason: &str) -> String {
    format!("Overridden by the dream-job exception: {reason}")
}

/// The default: with nothing against it, an interview is practice and a new contact, so
/// accept and see what you learn — but only when attending does not put the current job at
/// risk (then reason 2 speaks instead).
pub(super) fn accept_and_learn(facts: &Facts) -> Option<String> {
    (!facts.current_job_at_risk).then(|| {
        "Default — accept and see what you learn: the interview is practice and a chance to \
         grow your network, and attending does not put your current job at risk."
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dream_job_exception_fires_only_on_its_flag() {
        let facts = Facts {
            dream_job_sure_offer: true,
            ..Facts::default()
        };
        let r = dream_job(&facts).expect("exception");
        assert!(r.starts_with("Exception — a dream job"));
        assert_eq!(dream_job(&Facts::default()), None);
    }

    #[test]
    fn overridden_reasons_are_quoted_in_full() {
        let c = overridden("Reason 6 — you worked there");
        assert_eq!(
            c,
            "Overridden by the dream-job exception: Reason 6 — you worked there"
        );
    }

    #[test]
    fn accept_and_learn_by_default() {
        let r = accept_and_learn(&Facts::default()).expect("default");
        assert!(r.starts_with("Default — accept and see what you learn"));
        assert!(r.contains("practice") && r.contains("network"));
    }

    #[test]
    fn accept_and_learn_not_when_the_current_job_is_at_risk() {
        let facts = Facts {
            current_job_at_risk: true,
            ..Facts::default()
        };
        assert_eq!(accept_and_learn(&facts), None);
    }
}
