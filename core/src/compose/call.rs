//! The follow-up call's words, from `call-script.txt`, `call-voicemail.txt` and
//! `call-pressed.txt`: the decline again, spoken, so the call never says something the email
//! did not.

use super::context::{Person, decline_context};
use super::{ComposeError, TemplateName, Templates};
use crate::model::{DeclineReason, Greeting, Identity, Invitation, Referral};
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
    /// How the invitation greeted or signed ("Karen", informally), when it showed it.
    pub greeting: Option<&'a Greeting>,
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
        greeting: f.greeting.map(|g| g.name.as_str()).or(f.name),
        formal: f.greeting.is_none_or(|g| g.formal),
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
    use crate::compose::Style;
    use crate::compose::fixtures::{invitation, me, referral};
    use crate::model::{PersonName, Requisition};

    fn words(reason: DeclineReason, referral: Option<&Referral>) -> CallWords {
        words_for(reason, referral, false)
    }

    fn words_for(reason: DeclineReason, referral: Option<&Referral>, confirmed: bool) -> CallWords {
        let inv = invitation(Some("4471"));
        call(
            &inv,
            reason,
            referral,
            confirmed,
            None,
            &Templates::default(),
        )
    }

    fn call(
        inv: &Invitation,
        reason: DeclineReason,
        referral: Option<&Referral>,
        confirmed: bool,
        greeting: Option<&Greeting>,
        templates: &Templates,
    ) -> CallWords {
        let me = me();
        call_words(
            &CallFacts {
                invitation: inv,
                name: Some("Ann Lee"),
                email: "ann@globex.example",
                greeting,
                me: &me,
                reason,
                referral,
                sent_on: "Friday 27 November",
                confirmed,
            },
            templates,
        )
        .expect("words")
    }

    #[test]
    fn the_script_repeats_the_decline_without_greeting_line_or_receipt_request() {
        let w = words(DeclineReason::AcceptedJob, None);
        assert_eq!(
            w.script[0],
            "Hello Ann Lee, this is Dana Whitfield. I'm calling about the interview invitation \
             for the Data Analyst position, requisition 4 4 7 1, at Globex."
        );
        assert!(w.script[1].contains("Friday 27 November"), "{w:?}");
        let all = w.script.join("\n");
        assert!(
            all.contains("I regret that I must decline because I have accepted a job."),
            "{all}"
        );
        assert!(!all.contains("Dear "), "{all}");
        assert!(!all.contains("Please reply"), "{all}");
        assert!(
            !all.contains('('),
            "nothing in brackets is read aloud: {all}"
        );
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
            w.voicemail.contains(
                "at Globex. At this time I regret that I must decline because I have concluded \
                 that this field is not a good fit"
            ),
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
    fn the_referral_is_passed_on_only_when_there_is_one_its_address_read_aloud() {
        let r = referral();
        let with = words(DeclineReason::None, Some(&r)).script.join(" ");
        assert!(
            with.contains("You can reach them at sam at fastmail dot example, +1 555 0123."),
            "{with}"
        );
        assert!(
            !words(DeclineReason::None, None)
                .script
                .join(" ")
                .contains("colleague")
        );
    }

    #[test]
    fn a_requisition_with_letters_is_read_as_a_reference() {
        let mut inv = invitation(None);
        inv.requisition = Some(Requisition::parse("JR-0042").expect("valid"));
        let w = call(
            &inv,
            DeclineReason::None,
            None,
            false,
            None,
            &Templates::default(),
        );
        assert!(
            w.script[0].contains("the Data Analyst position, reference JR-0042, at Globex."),
            "{w:?}"
        );
        assert!(w.voicemail.contains("reference JR-0042"), "{}", w.voicemail);
        let none = call(
            &invitation(None),
            DeclineReason::None,
            None,
            false,
            None,
            &Templates::default(),
        );
        assert!(
            none.script[0].ends_with("for the Data Analyst position at Globex."),
            "{none:?}"
        );
    }

    #[test]
    fn the_call_greets_by_first_name_when_the_mail_did() {
        let karen = Greeting {
            name: PersonName::parse("Karen").expect("valid"),
            formal: false,
        };
        let inv = invitation(None);
        for style in Style::ALL {
            let t = Templates::of_style(style);
            let w = call(&inv, DeclineReason::None, None, false, Some(&karen), &t);
            assert!(w.script[0].starts_with("Hi Karen, this is"), "{w:?}");
            assert!(w.voicemail.starts_with("Hi Karen, this is"), "{w:?}");
        }
    }

    #[test]
    fn the_answers_if_pressed_follow_the_reason_given() {
        let accepted = words(DeclineReason::AcceptedJob, None).if_pressed;
        assert_eq!(accepted.len(), 2);
        assert_eq!(accepted[0], "I have accepted a position elsewhere.");
        assert!(
            accepted.iter().all(|a| !a.contains("timing")),
            "{accepted:?}"
        );
        let field_fit = words(DeclineReason::FieldFit, None).if_pressed;
        assert!(
            field_fit[0].contains("this field is not a good fit"),
            "{field_fit:?}"
        );
        let none = words(DeclineReason::None, None).if_pressed;
        assert_eq!(none.len(), 2);
        assert!(none[0].starts_with("The timing is just wrong"));
        assert_eq!(none[1], "I'm pursuing other opportunities.");
    }

    #[test]
    fn the_warm_style_speaks_its_own_decision() {
        let inv = invitation(Some("4471"));
        let t = Templates::of_style(Style::Warm);
        let w = call(&inv, DeclineReason::AcceptedJob, None, false, None, &t);
        let all = w.script.join("\n");
        assert!(
            all.contains("I have accepted a position elsewhere, so I am withdrawing"),
            "{all}"
        );
        assert!(w.script[0].contains("requisition 4 4 7 1"), "{all}");
    }
}
