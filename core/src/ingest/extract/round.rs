//! The interview round: 1 = phone screen or first interview, 2 = second or technical round,
//! 3 = final round or onsite. Explicit words win over hints, and the highest explicit round
//! named wins, since a later round's mail recalls the earlier ones.

use crate::ingest::read::mail::MailView;
use crate::ingest::read::text::has_any;
use crate::model::Round;

#[rustfmt::skip]
const FINAL: &[&str] = &[
    "final round", "final interview", "final stage", "onsite interview", "virtual onsite",
    "round onsite", "last round", "third round", "third interview", "round 3", "round three",
    "entrevista final", "ronda final", "última entrevista", "tercera entrevista",
    "letzte runde", "finale runde", "finales gespräch", "finalgespräch", "drittgespräch",
    "entretien final", "dernier entretien", "troisième entretien", "3. runde", "3. gespräch",
];

#[rustfmt::skip]
const SECOND: &[&str] = &[
    "second round", "second interview", "second stage", "2nd round", "2nd interview", "round 2",
    "round two", "next round", "segunda entrevista", "segunda ronda", "zweites gespräch",
    "zweitgespräch", "zweite runde", "zweiten gespräch", "second entretien",
    "deuxième entretien", "deuxième tour", "2. runde", "2. gespräch", "zweiten runde",
];

#[rustfmt::skip]
const FIRST: &[&str] = &[
    "first round", "first interview", "first stage", "first step", "phone screen", "initial",
    "primera entrevista", "primera ronda", "erstes gespräch", "première entrevue",
    "premier entretien",
];

/// Interviews that come after a first conversation even when the mail does not say so.
#[rustfmt::skip]
const TECHNICAL: &[&str] = &[
    "technical interview", "technical round", "technical assessment interview", "pairing session",
    "system design interview", "coding interview",
];

/// Hints that the reader already spoke with the employer: a later round only when the mail
/// also names a later kind of interview ("moving forward" may lead to a first call).
#[rustfmt::skip]
const EARLIER: &[&str] = &[
    "recruiter screen", "chatting with", "next stage", "moving forward", "move you forward",
    "great speaking",
];

/// A conversation that already happened: whatever comes next is a later round.
#[rustfmt::skip]
const SPOKEN: &[&str] = &[
    "your conversation", "enjoyed talking", "enjoyed speaking", "after speaking",
    "your technical interview", "after our call", "your screen", "screen went well",
    "time on the phone", "enjoyed your first",
    "after your first round", "after your first interview", "great conversation with",
];

#[rustfmt::skip]
const LATER_KIND: &[&str] = &[
    "technical interview", "panel interview", "next step", "next stage", "onsite",
];

pub fn find(view: &MailView) -> Option<Round> {
    // Hyphens folded to spaces: "second-round" and "second round" read the same.
    let live = format!("{}\n{}", view.subject, view.live_text())
        .to_lowercase()
        .replace('-', " ");
    let n = if has_any(&live, FINAL) {
        3
    } else if has_any(&live, SECOND) || has_any(&live, SPOKEN) {
        2
    } else if has_any(&live, FIRST) {
        1
    } else if has_any(&live, TECHNICAL) || has_any(&live, EARLIER) && has_any(&live, LATER_KIND) {
        2
    } else {
        1
    };
    Round::new(n).ok()
}
