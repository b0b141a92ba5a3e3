//! Requisition number and interview round.

use super::mail::MailView;
use super::text::has_any;
use crate::model::{Requisition, Round};

/// Labels that introduce a requisition, as written before the number.
#[rustfmt::skip]
const REQ_LABELS: &[&str] = &[
    "req id", "req. id", "req #", "req.", "req ", "requisition", "job id", "job number", "job no",
    "job #", "job ref", "job reference", "posting id", "position id", "réf.", "réf :", "ref.",
    "reference number", "kennziffer", "referenznummer", "stellen-id", "referencia", "código",
];

pub fn requisition(view: &MailView) -> Option<Requisition> {
    let subject = view.subject.as_str();
    [
        view.newest.as_str(),
        view.forwarded.as_ref().map_or("", |f| f.body.as_str()),
        subject,
        view.quoted.as_str(),
    ]
    .iter()
    .find_map(|t| labeled(t))
    .or_else(|| parenthesised(subject))
    .or_else(|| parenthesised(&view.newest))
}

fn labeled(text: &str) -> Option<Requisition> {
    let lower = text.to_lowercase();
    for label in REQ_LABELS {
        let mut from = 0;
        while let Some(i) = lower[from..].find(label) {
            let at = from + i;
            from = at + label.len();
            let before = lower[..at].trim_end();
            let bounded = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !bounded || before.ends_with("interview") || before.ends_with("order") {
                continue;
            }
            let after = &text[at + label.len()..];
            let after = after.trim_start_matches([' ', ':', '#', '.']).trim_start();
            let id: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/'))
                .collect();
            let id = id.trim_end_matches(['-', '/']);
            if is_id(id)
                && let Ok(r) = Requisition::parse(id)
            {
                return Some(r);
            }
        }
    }
    None
}

/// An identifier has a digit, is 3–30 characters, and is not a year or a time.
fn is_id(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (3..=30).contains(&s.len())
        && digits >= 2
        && !(s.len() == 4 && s.starts_with("20") && digits == 4)
}

/// `(JR-00123)`, `(R0034567)`, `(REQ-2025-0412)` in a subject: an id in parentheses.
fn parenthesised(text: &str) -> Option<Requisition> {
    let mut rest = text;
    while let Some(i) = rest.find('(') {
        let inner = &rest[i + 1..];
        let end = inner.find(')')?;
        let id = inner[..end].trim();
        let shaped = id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && id
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if shaped && is_id(id) && id.chars().filter(char::is_ascii_digit).count() >= 4 {
            return Requisition::parse(id).ok();
        }
        rest = &inner[end..];
    }
    None
}

/// 3 for a final round or onsite, 2 for a second or technical round after an earlier
/// conversation, otherwise 1 (a first interview or phone screen).
pub fn round(view: &MailView) -> Option<Round> {
    // Hyphens folded to spaces: "second-round" and "second round" read the same.
    let live = format!("{}\n{}", view.subject, view.live_text())
        .to_lowercase()
        .replace('-', " ");
    let n = if has_any(
        &live,
        &[
            "final round",
            "final interview",
            "onsite interview",
            "virtual onsite",
            "round onsite",
            "last round",
            "third round",
            "third interview",
            "round 3",
            "round three",
            "entrevista final",
            "letzte runde",
            "finale runde",
            "finales gespräch",
        ],
    ) {
        3
    } else if has_any(
        &live,
        &[
            "second round",
            "second interview",
            "second stage",
            "2nd round",
            "2nd interview",
            "round 2",
            "round two",
            "next round",
            "segunda entrevista",
            "zweites gespräch",
            "zweite runde",
        ],
    ) {
        2
    } else if has_any(
        &live,
        &[
            "first round",
            "first interview",
            "first step",
            "phone screen",
            "initial",
            "primera entrevista",
            "erstes gespräch",
            "première entrevue",
        ],
    ) {
        1
    } else {
        let earlier = has_any(
            &live,
            &[
                "recruiter screen",
                "chatting with",
                "your conversation",
                "enjoyed talking",
                "enjoyed speaking",
                "after speaking",
                "your technical interview",
                "next stage",
                "moving forward",
                "move you forward",
                "great speaking",
                "after our call",
            ],
        );
        let later_kind = has_any(
            &live,
            &[
                "technical interview",
                "panel interview",
                "next step",
                "next stage",
                "onsite",
            ],
        );
        if earlier && later_kind { 2 } else { 1 }
    };
    Round::new(n).ok()
}
