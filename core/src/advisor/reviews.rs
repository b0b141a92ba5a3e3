//! Employer reviews: worth a question at the interview, never a reason to decline.
//!
//! A bad review is 2 stars or fewer. A couple of them (≤ 2) never justify declining, least
//! of all when older than a year or about another location; many of them still only
//! caution. The questions they lead to never mention reviews.

use super::questions;
use crate::model::{Facts, Review};
use jiff::civil::Date;

/// At or below this many stars a review is bad.
pub(super) const BAD_STARS: u8 = 2;

/// "A couple" of bad reviews: never a reason to decline.
pub(super) const COUPLE: usize = 2;

/// Cautions and interview questions for the bad reviews among `facts.reviews`.
pub(super) fn assess(facts: &Facts, today: Date) -> (Vec<String>, Vec<String>) {
    let bad: Vec<&Review> = facts.reviews.iter().filter(|r| is_bad(r)).collect();
    if bad.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut cautions: Vec<String> = [couple(bad.len()), many(bad.len())]
        .into_iter()
        .flatten()
        .collect();
    for review in &bad {
        cautions.extend(age(review, today));
        cautions.extend(elsewhere(review, facts.job_location.as_deref()));
    }
    let questions = questions::for_topics(bad.iter().filter_map(|r| r.topic.as_deref()));
    (cautions, questions)
}

pub(super) fn is_bad(review: &Review) -> bool {
    review.stars <= BAD_STARS
}

/// The couple rule: one or two bad reviews never justify declining.
fn couple(bad: usize) -> Option<String> {
    (1..=COUPLE).contains(&bad).then(|| {
        format!(
            "Reviews — {bad} bad review{s} (2 stars or fewer) never {verb} declining: a couple \
             of people's experiences need not be yours. Ask about the issues at the interview \
             (questions below), without mentioning the reviews.",
            s = if bad == 1 { "" } else { "s" },
            verb = if bad == 1 { "justifies" } else { "justify" }
        )
    })
}

/// Many bad reviews: worth taking seriously, but they still do not decline by themselves.
fn many(bad: usize) -> Option<String> {
    (bad > COUPLE).then(|| {
        format!(
            "Reviews — {bad} bad reviews (2 stars or fewer): worth taking seriously, but reviews \
             never decline an invitation by themselves. Find out at the interview (questions \
             below), without mentioning the reviews."
        )
    })
}

/// An old review says little about today.
fn age(review: &Review, today: Date) -> Option<String> {
    more_than_a_year_before(review.date, today).then(|| {
        format!(
            "Reviews — the bad review dated {} is more than a year old: things may well have \
             changed since.",
            review.date
        )
    })
}

/// True when `date` lies more than one calendar year before `today`: the same day a year
/// later is still before today (29 February a year later counts as 28 February).
pub(super) fn more_than_a_year_before(date: Date, today: Date) -> bool {
    date.checked_add(jiff::Span::new().years(1))
        .is_ok_and(|a_year_later| a_year_later < today)
}

/// A review about another office says little about the one this job is in.
fn elsewhere(review: &Review, job_location: Option<&str>) -> Option<String> {
    let (place, job) = (review.location.as_deref()?, job_location?);
    (!same_place(place, job)).then(|| {
        format!(
            "Reviews — the bad review about {place} is about another location than this job's \
             ({job}): it may say little about the office you would join."
        )
    })
}

/// Places match on their first comma-separated part, ignoring case and spaces, so that
/// "Chicago, IL" and "chicago" are the same place; empty strings match anything.
fn same_place(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.split(',')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let (a, b) = (key(a), key(b));
    a.is_empty() || b.is_empty() || a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = jiff::civil::date(2025, 6, 15);

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    fn review(stars: u8, date: Date, location: Option<&str>, topic: Option<&str>) -> Review {
        Review {
            stars,
            date,
            location: location.map(Into::into),
            topic: topic.map(Into::into),
        }
    }

    fn facts(reviews: Vec<Review>, job_location: Option<&str>) -> Facts {
        Facts {
            reviews,
            job_location: job_location.map(Into::into),
            ..Facts::default()
        }
    }

    #[test]
    fn bad_means_two_stars_or_fewer() {
        assert!(is_bad(&review(1, TODAY, None, None)));
        assert!(is_bad(&review(2, TODAY, None, None)));
        assert!(!is_bad(&review(3, TODAY, None, None)));
    }

    #[test]
    fn good_reviews_say_nothing() {
        let (c, q) = assess(&facts(vec![review(5, TODAY, None, None)], None), TODAY);
        assert!(c.is_empty() && q.is_empty());
    }

    #[test]
    fn a_couple_of_bad_reviews_never_justify_declining() {
        let f = facts(vec![review(1, d("2025-05-01"), None, Some("pay")); 2], None);
        let (c, q) = assess(&f, TODAY);
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(
            c[0].starts_with("Reviews — 2 bad reviews (2 stars or fewer) never justify declining")
        );
        assert!(q[0].contains("compensation"));
    }

    #[test]
    fn many_bad_reviews_still_only_caution() {
        let f = facts(vec![review(2, d("2025-05-01"), None, None); 3], None);
        let (c, q) = assess(&f, TODAY);
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(c[0].contains("never decline an invitation by themselves"));
        assert_eq!(q.len(), 2, "generic questions: {q:?}");
    }

    #[test]
    fn old_reviews_are_called_out() {
        let f = facts(vec![review(1, d("2024-01-10"), None, None)], None);
        let (c, _) = assess(&f, TODAY);
        assert!(
            c.iter()
                .any(|c| c.contains("2024-01-10 is more than a year old")),
            "{c:?}"
        );
        let recent = facts(vec![review(1, d("2024-07-01"), None, None)], None);
        assert_eq!(assess(&recent, TODAY).0.len(), 1);
    }

    #[test]
    fn reviews_about_another_location_are_called_out() {
        let f = facts(
            vec![review(1, TODAY, Some("Springfield"), None)],
            Some("Chicago, IL"),
        );
        let (c, _) = assess(&f, TODAY);
        assert!(c.iter().any(|c| {
            c.contains("Springfield is about another location than this job's (Chicago, IL)")
        }));
        let same = facts(
            vec![review(1, TODAY, Some("chicago"), None)],
            Some("Chicago, IL"),
        );
        assert_eq!(assess(&same, TODAY).0.len(), 1);
        let unknown = facts(vec![review(1, TODAY, Some("Springfield"), None)], None);
        assert_eq!(assess(&unknown, TODAY).0.len(), 1);
    }

    #[test]
    fn a_year_is_a_calendar_year() {
        let today = d("2025-06-15");
        assert!(more_than_a_year_before(d("2024-06-14"), today));
        assert!(!more_than_a_year_before(d("2024-06-15"), today));
        assert!(!more_than_a_year_before(d("2025-01-01"), today));
        assert!(!more_than_a_year_before(d("2025-07-01"), today));
        assert!(more_than_a_year_before(d("2024-02-29"), d("2025-03-01")));
        assert!(!more_than_a_year_before(d("2024-02-29"), d("2025-02-28")));
    }

    #[test]
    fn questions_come_only_from_bad_reviews() {
        let f = facts(
            vec![
                review(5, TODAY, None, Some("pay")),
                review(1, TODAY, None, Some("long hours")),
            ],
            None,
        );
        let (_, q) = assess(&f, TODAY);
        assert_eq!(q.len(), 1);
        assert!(q[0].contains("typical week"));
    }
}
