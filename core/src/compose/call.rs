//! The follow-up call's words, from `call-script.txt`, `call-voicemail.txt` and
//! `call-pressed.txt`: the decline again, spoken, so the call never says something the email
//! did not.

use super::context::{Person, decline_context};
use super::{ComposeError, TemplateName, Templates};
use crate::model::{DeclineReason, Identity, Invitation, Referral};
use serde::Serialize;

/// What the call sheet shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallWords {
    /// What to say when someone answers, a line each.
    pub script: Vec<String>,
    pub voicemail: String,
    /// What to say if pressed for a reason, in the order to use them.
    pub if_pressed: Vec<String>,
}

/// Who is called, and about which decline.
pub struct CallFacts<'a> {
    pub invitation: &'a Invitation,
    /// The person called, as the decline was addressed.
    pub name: Option<&'a str>,
    pub email: &'a str,
    pub me: &'a Identity,
    pub reason: DeclineReason,
    pub referral: Option<&'a Referral>,
    /// The day the decline went out, as read aloud.
    pub sent_on: &'a str,
    /// The person called already confirmed receipt: the script does not ask again.
    pub confirmed: bool,
}

pub fn call_words(f: &CallFacts<'_>, templates: &Templates) -> Result<CallWords, ComposeError> {
    let person = Person {
        name: f.name,
        email: f.email,
        phone: None,
        role: None,
    };
    let mut ctx = decline_context(f.invitation, person, f.me, f.reason, f.referral);
    ctx.sent_on = Some(f.sent_on);
    ctx.confirmed = f.confirmed;
    Ok(CallWords {
        script: templates.paragraphs(TemplateName::CallScript, &ctx)?,
        voicemail: templates
            .paragraphs(TemplateName::CallVoicemail, &ctx)?
            .join(" "),
        if_pressed: templates.paragraphs(TemplateName::CallPressed, &ctx)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::fixtures::{invitation, me, referral};

    fn words(reason: DeclineReason, referral: Option<&Referral>) -> CallWords {
        words_for(reason, referral, false)
    }

    fn words_for(reason: DeclineReason, referral: Option<&Referral>, confirmed: bool) -> CallWords {
        let inv = invitation(Some("4471"));
        let me = me();
        call_words(
            &CallFacts {
                invitation: &inv,
                name: Some("Ann Lee"),
                email: "ann@globex.example",
                me: &me,
                reason,
                referral,
                sent_on: "Friday 27 November",
                confirmed,
            },
            &Templates::default(),
        )
        .expect("words")
    }

    #[test]
    fn the_script_repeats_the_decline_without_greeting_line_or_receipt_request() {
        let w = words(DeclineReason::AcceptedJob, None);
        assert!(
            w.script[0].starts_with("Hello Ann Lee, this is Dana Whitfield."),
            "{w:?}"
        );
        assert!(w.script[1].contains("Friday 27 November"), "{w:?}");
        let all = w.script.join("\n");
        assert!(
            all.contains("I have accepted a position elsewhere"),
            "{all}"
        );
        assert!(!all.contains("Dear "), "{all}");
        assert!(!all.contains("Please reply"), "{all}");
        assert_eq!(
            w.script.last().map(String::as_str),
            Some("Thank you again for your time.")
        );
    }

    #[test]
    fn the_script_asks_whether_the_email_arrived_only_when_it_is_not_confirmed() {
        let asking = words(DeclineReason::None, None).script.join("\n");
        assert!(
            asking.contains("I wanted to make sure it reached you"),
            "{asking}"
        );
        let confirmed = words_for(DeclineReason::None, None, true).script.join("\n");
        assert!(
            !confirmed.contains("make sure it reached you"),
            "{confirmed}"
        );
        assert!(
            confirmed.contains("thank you for letting me know it reached you"),
            "{confirmed}"
        );
    }

    #[test]
    fn the_voicemail_states_the_decision_in_one_paragraph() {
        let w = words(DeclineReason::FieldFit, None);
        assert!(
            w.voicemail.contains("this field is not a good fit"),
            "{}",
            w.voicemail
        );
        assert!(!w.voicemail.contains('\n'), "{}", w.voicemail);
        assert!(
            w.voicemail.ends_with("Thank you, goodbye."),
            "{}",
            w.voicemail
        );
    }

    #[test]
    fn the_referral_is_passed_on_only_when_there_is_one() {
        let r = referral();
        assert!(
            words(DeclineReason::None, Some(&r))
                .script
                .join(" ")
                .contains("Sam Park")
        );
        assert!(
            !words(DeclineReason::None, None)
                .script
                .join(" ")
                .contains("colleague")
        );
    }

    #[test]
    fn two_answers_if_pressed_in_order() {
        let w = words(DeclineReason::None, None);
        assert_eq!(w.if_pressed.len(), 2);
        assert!(w.if_pressed[0].starts_with("The timing is just wrong"));
        assert_eq!(w.if_pressed[1], "I'm pursuing other opportunities.");
    }
}
