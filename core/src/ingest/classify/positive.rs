//! The positive rules: an invitation *to the reader*, now ("we'd like to invite you to a phone
//! interview", "please pick a time"), each adding weighted evidence.

use super::positive_words::*;
use crate::ingest::lexicon::INTERVIEW;
use crate::ingest::read::text::{has_any, has_word, sentences};

/// A sentence that names a call or a chat ("a quick call", "a chat with our CTO").
fn is_call_sentence(s: &str) -> bool {
    CALL.iter().any(|w| has_word(s, w))
}

/// "Thanks for applying … I'd love to set up a video call with you and our CTO": a hiring
/// side that proposes a call about the role the reader applied for, without ever writing
/// "interview".
pub fn asks_for_a_call_about_the_application(live: &str) -> bool {
    has_any(live, CANDIDACY)
        && sentences(live)
            .iter()
            .any(|s| is_call_sentence(s) && has_any(s, ARRANGE) && !has_any(s, CONDITIONAL))
}

/// Adds the evidence that the message invites the reader to an interview through
/// `add(weight, why)`. `subject` and `live` are lowercased with hyphens folded to spaces.
pub fn positives(subject: &str, live: &str, add: &mut dyn FnMut(f64, &str)) {
    let (mut invite, mut arrange, mut stage, mut selected) = (false, false, false, false);
    let candidacy = has_any(live, CANDIDACY);
    for s in sentences(live) {
        let iw = has_any(s, INTERVIEW) || (candidacy && is_call_sentence(s));
        if !iw || has_any(s, CONDITIONAL) {
            continue;
        }
        if has_any(s, INVITE) && !invited_to_something_else(s) && !about_sender(s) {
            invite = true;
        }
        if has_any(s, ARRANGE) {
            arrange = true;
        }
        if has_any(s, STAGE) {
            stage = true;
        }
        if has_any(s, SELECTED) {
            selected = true;
        }
    }
    if invite {
        add(4.0, "invites the reader to an interview");
    }
    if arrange {
        add(3.0, "asks to schedule or arrange an interview");
    }
    if stage {
        add(
            2.0,
            "names an interview stage (phone screen, first/final round, panel…)",
        );
    }
    if selected {
        add(2.0, "says the reader was selected for an interview");
    }
    if has_any(subject, INTERVIEW) {
        add(1.5, "interview in the subject");
    }
    if has_any(live, AVAILABILITY) {
        add(1.0, "asks for the reader's availability or a time");
    }
}

/// An invitation to a webinar, a test or a podcast rather than an interview. A target word
/// that only qualifies the interview ("technical assessment interview", "case interview")
/// does not count.
fn invited_to_something_else(s: &str) -> bool {
    NOT_INTERVIEW_TARGET.iter().any(|t| {
        s.match_indices(t).any(|(i, _)| {
            let rest = s[i + t.len()..].trim_start_matches(|c: char| c.is_alphabetic());
            !rest.trim_start().starts_with("interview")
        })
    })
}

#[rustfmt::skip]
/// "They invited me to a second interview": the sender's own news, not an invitation.
fn about_sender(s: &str) -> bool {
    has_any(s, &["invited me", "invite me", "invited us", "inviting me", "me to a", "my interview", "my second", "my final"])
}
