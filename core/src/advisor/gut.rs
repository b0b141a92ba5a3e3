//! Gut feeling, the gut-pattern warning, and poor communication as a gut signal.
//!
//! A negative gut counts (it makes the verdict "your call", or "decline" when poor
//! communication backs it up) — unless the user's own history shows a negative gut on nearly
//! every invitation, which points at interview stress rather than at this employer.

use crate::model::{Facts, Gut};

/// How many of the most recent other invitations the pattern looks at. Ten is recent enough
/// to reflect the current search, and large enough that one good day does not hide a habit.
pub const PATTERN_WINDOW: usize = 10;

/// Fewer entries than this are too few to call anything a pattern (a pattern needs the last five or more).
pub const PATTERN_MIN: usize = 5;

/// Negative share, as numerator/denominator, at or above which the gut is a pattern (80 %).
const PATTERN_SHARE: (usize, usize) = (4, 5);

/// Negative entries and window size when the user's history (most recent first, other
/// invitations only) is at least 80 % negative over its most recent `PATTERN_WINDOW`
/// entries, with at least `PATTERN_MIN` entries; `None` otherwise.
pub(super) fn pattern(history: &[Gut]) -> Option<(usize, usize)> {
    let window = &history[..history.len().min(PATTERN_WINDOW)];
    let negative = window.iter().filter(|g| **g == Gut::Negative).count();
    let (num, den) = PATTERN_SHARE;
    (window.len() >= PATTERN_MIN && negative * den >= window.len() * num)
        .then_some((negative, window.len()))
}

/// Whether the gut counts in the verdict: negative, and not part of the avoidance pattern.
pub(super) fn counts(gut: Gut, history: &[Gut]) -> bool {
    gut == Gut::Negative && pattern(history).is_none()
}

/// The gut rule as a reason, when the gut counts.
pub(super) fn negative_gut(gut: Gut, history: &[Gut]) -> Option<String> {
    counts(gut, history).then(|| {
        "Gut — your gut feeling about this invitation is negative, and a negative gut counts: \
         it is your call."
            .to_string()
    })
}

/// What the gut pattern means, said plainly.
pub(super) const PATTERN_PLAINLY: &str = "A gut that is negative about every company says \
     more about how the search is going than about this employer; consider the interview \
     anyway.";

/// The gut-pattern warning, only when it changes something: the gut is negative now.
pub(super) fn pattern_caution(gut: Gut, history: &[Gut]) -> Option<String> {
    let (negative, window) = pattern(history)?;
    (gut == Gut::Negative).then(|| {
        format!(
            "Gut pattern — your gut was negative on {negative} of your last {window} other \
             invitations: you may be avoiding the stress of interviewing; don't trust this \
             instinct. Your negative gut is not counted here. {PATTERN_PLAINLY}"
        )
    })
}

/// Poor communication backing up a negative gut that counts: together they recommend
/// declining, because the signal is no longer only a feeling.
pub(super) fn communication_backs_gut(facts: &Facts, history: &[Gut]) -> Option<String> {
    (facts.poor_communication && counts(facts.gut, history)).then(|| {
        "Poor communication — how the employer communicates is a legitimate gut signal, and \
         here it backs up your negative gut: decline."
            .to_string()
    })
}

/// Poor communication on its own: say that it is a legitimate signal, without declining.
pub(super) fn communication_caution(facts: &Facts, history: &[Gut]) -> Option<String> {
    (facts.poor_communication && !counts(facts.gut, history)).then(|| {
        "Poor communication — how an employer communicates before hiring you is a legitimate \
         gut signal of how it treats people: weigh it, and watch for it at the interview."
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Gut::{Negative as N, Neutral as U, Positive as P};

    #[test]
    fn pattern_needs_five_entries_and_eighty_percent() {
        assert_eq!(pattern(&[N, N, N, N]), None);
        assert_eq!(pattern(&[N, N, N, N, N]), Some((5, 5)));
        assert_eq!(pattern(&[N, N, P, N, N]), Some((4, 5)));
        assert_eq!(pattern(&[N, N, P, U, N]), None);
        assert_eq!(pattern(&[]), None);
    }

    #[test]
    fn pattern_looks_at_the_most_recent_ten_only() {
        let mut history = vec![N; 8];
        history.extend([P, P]);
        assert_eq!(pattern(&history), Some((8, 10)));
        // Older entries beyond the window do not dilute a recent habit.
        history.extend([P; 20]);
        assert_eq!(pattern(&history), Some((8, 10)));
        // Nor do old negatives make a pattern of a recent positive streak.
        let mut recent_positive = vec![P; 10];
        recent_positive.extend([N; 20]);
        assert_eq!(pattern(&recent_positive), None);
    }

    #[test]
    fn a_negative_gut_counts_without_a_pattern() {
        assert!(counts(N, &[P, N, U]));
        let r = negative_gut(N, &[]).expect("gut reason");
        assert!(r.starts_with("Gut — your gut feeling about this invitation is negative"));
        assert_eq!(negative_gut(P, &[]), None);
        assert_eq!(negative_gut(U, &[]), None);
    }

    #[test]
    fn the_pattern_stops_the_gut_counting_and_warns() {
        let history = [N; 5];
        assert!(!counts(N, &history));
        assert_eq!(negative_gut(N, &history), None);
        let c = pattern_caution(N, &history).expect("warning");
        assert!(
            c.contains("you may be avoiding the stress of interviewing; don't trust this instinct")
        );
        assert!(c.contains("5 of your last 5"));
        assert_eq!(
            pattern_caution(P, &history),
            None,
            "irrelevant when the gut is fine"
        );
        assert_eq!(pattern_caution(N, &[N; 4]), None);
    }

    #[test]
    fn the_pattern_says_plainly_to_consider_the_interview_anyway() {
        let c = pattern_caution(N, &[N, N, N, P, N, N]).expect("warning");
        assert!(
            c.ends_with(
                "A gut that is negative about every company says more about how the search \
                 is going than about this employer; consider the interview anyway."
            ),
            "{c}"
        );
        assert_eq!(pattern_caution(N, &[N, N, P, P, N, N]), None, "4 of 6");
    }

    #[test]
    fn poor_communication_backs_a_negative_gut() {
        let facts = Facts {
            poor_communication: true,
            gut: N,
            ..Facts::default()
        };
        let r = communication_backs_gut(&facts, &[]).expect("backs gut");
        assert!(r.contains("legitimate gut signal"));
        assert_eq!(communication_caution(&facts, &[]), None);
        assert_eq!(
            communication_backs_gut(&facts, &[N; 5]),
            None,
            "pattern: gut not counted"
        );
    }

    #[test]
    fn poor_communication_alone_is_a_caution() {
        let facts = Facts {
            poor_communication: true,
            ..Facts::default()
        };
        assert_eq!(communication_backs_gut(&facts, &[]), None);
        let c = communication_caution(&facts, &[]).expect("caution");
        assert!(c.contains("legitimate gut signal"));
        assert_eq!(communication_caution(&Facts::default(), &[]), None);
    }
}
