//! One draft per contact: the decline to each person, or the acceptance to the primary.

use super::context::{Context, Person, base_context, decline_context, render_subject};
use super::{ComposeError, TemplateName, Templates, referral_gate};
use crate::model::{Contact, DeclineReason, Identity, Invitation, Mailbox, Referral};
use serde::{Deserialize, Serialize};

/// Which answer a draft carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DraftKind {
    Decline,
    Accept,
}

impl DraftKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Decline => "decline",
            Self::Accept => "accept",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "decline" => Some(Self::Decline),
            "accept" => Some(Self::Accept),
            _ => None,
        }
    }
}

/// A message ready to be reviewed, linted and sent to exactly one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub contact_id: String,
    pub kind: DraftKind,
    pub to: Mailbox,
    pub subject: String,
    pub body: String,
}

fn draft(
    templates: &Templates,
    name: TemplateName,
    kind: DraftKind,
    contact: &Contact,
    ctx: &Context<'_>,
) -> Result<Draft, ComposeError> {
    Ok(Draft {
        contact_id: contact.id.clone(),
        kind,
        to: contact.mailbox(),
        subject: render_subject(templates, ctx)?,
        body: templates.render(name, ctx)?,
    })
}

/// One decline per contact, primary first: never one message with everyone in Cc.
/// The referral, if any, must pass [`referral_gate`].
pub fn decline_drafts(
    inv: &Invitation,
    me: &Identity,
    reason: DeclineReason,
    referral: Option<&Referral>,
    templates: &Templates,
) -> Result<Vec<Draft>, ComposeError> {
    if inv.primary().is_none() {
        return Err(ComposeError::NoPrimaryContact);
    }
    if let Some(r) = referral {
        referral_gate(r, inv)?;
    }
    let mut contacts: Vec<&Contact> = inv.contacts.iter().collect();
    contacts.sort_by_key(|c| !c.primary);
    contacts
        .into_iter()
        .map(|contact| {
            let ctx = decline_context(inv, Person::contact(contact), me, reason, referral);
            draft(
                templates,
                TemplateName::Decline,
                DraftKind::Decline,
                contact,
                &ctx,
            )
        })
        .collect()
}

/// The acceptance goes to the primary contact only. `interview_at` is the time as the user
/// should read it ("Tuesday 2 December 2026 at 14:00 (Europe/Berlin)").
pub fn accept_draft(
    inv: &Invitation,
    me: &Identity,
    interview_at: Option<&str>,
    templates: &Templates,
) -> Result<Draft, ComposeError> {
    let primary = inv.primary().ok_or(ComposeError::NoPrimaryContact)?;
    let mut ctx = base_context(inv, Person::contact(primary), me);
    ctx.interview_at = interview_at;
    draft(
        templates,
        TemplateName::Accept,
        DraftKind::Accept,
        primary,
        &ctx,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::Style;
    use crate::compose::fixtures::{contact, invitation, me, referral};
    use crate::model::{EmailAddress, Greeting, PersonName, Round};

    #[test]
    fn one_decline_per_contact_primary_first_each_by_name() {
        let drafts = decline_drafts(
            &invitation(Some("Req #4471")),
            &me(),
            DeclineReason::None,
            None,
            &Templates::default(),
        )
        .expect("drafts");
        assert_eq!(drafts.len(), 2);
        assert_eq!(drafts[0].to.email.as_str(), "ann@globex.example");
        assert!(drafts[0].body.starts_with("Dear Ann Lee,"));
        assert!(drafts[1].body.starts_with("Dear Bo Chen,"));
        for d in &drafts {
            assert_eq!(d.subject, "Interview invitation for Data Analyst 4471");
            assert!(
                d.body
                    .contains("Please reply so that I know you have received this message.")
            );
            assert!(
                d.body
                    .contains("Perhaps the timing will be better at some point in the future.")
            );
            assert!(d.body.trim_end().ends_with("Dana Whitfield"));
            assert!(!d.body.contains("colleague"));
        }
    }

    #[test]
    fn subject_has_no_trailing_space_without_requisition() {
        let drafts = decline_drafts(
            &invitation(None),
            &me(),
            DeclineReason::None,
            None,
            &Templates::default(),
        )
        .expect("drafts");
        assert_eq!(drafts[0].subject, "Interview invitation for Data Analyst");
    }

    #[test]
    fn reasons_change_only_the_reason_line() {
        let t = Templates::default();
        let body = |r| {
            decline_drafts(&invitation(None), &me(), r, None, &t).expect("drafts")[0]
                .body
                .clone()
        };
        assert!(
            body(DeclineReason::AcceptedJob)
                .contains("I regret that I must decline because I have accepted a job.")
        );
        assert!(body(DeclineReason::FieldFit).contains(
            "I must decline because I have concluded that this field is not a good fit for me \
             at this point in my career."
        ));
        let none = body(DeclineReason::None);
        assert!(none.contains("However, at this time I regret that I must decline.\n"));
        assert!(!none.contains("accepted a") && !none.contains("good fit"));
    }

    #[test]
    fn the_default_decline_keeps_the_words_of_the_sample_message() {
        let d = decline_drafts(
            &invitation(Some("4471")),
            &me(),
            DeclineReason::AcceptedJob,
            Some(&referral()),
            &Templates::default(),
        )
        .expect("drafts");
        assert_eq!(
            d[0].body,
            "Dear Ann Lee,\n\n\
             I greatly appreciate the opportunity to interview for the Data Analyst position \
             (4471) and learn more about your organization. However, at this time I regret that \
             I must decline because I have accepted a job.\n\n\
             My colleague Sam Park is a very good fit for this opportunity. You can reach them \
             at sam@fastmail.example, +1 555 0123.\n\n\
             Perhaps the timing will be better at some point in the future.\n\n\
             Please reply so that I know you have received this message.\n\n\
             Best regards,\nDana Whitfield\n"
        );
    }

    #[test]
    fn the_warm_style_keeps_the_earlier_wording() {
        let d = decline_drafts(
            &invitation(Some("4471")),
            &me(),
            DeclineReason::AcceptedJob,
            Some(&referral()),
            &Templates::of_style(Style::Warm),
        )
        .expect("drafts");
        assert_eq!(
            d[0].body,
            "Dear Ann Lee,\n\n\
             Thank you for the invitation to interview for the Data Analyst position (4471) at \
             Globex. I appreciate the time you took to consider me.\n\n\
             I have accepted a position elsewhere, so I am withdrawing from consideration.\n\n\
             If it would help your search, my colleague Sam Park may be interested in this \
             opportunity and has agreed that I pass on their contact details: \
             sam@fastmail.example, +1 555 0123.\n\n\
             Perhaps the timing will be better at some point in the future.\n\n\
             Please reply so that I know you have received this message.\n\n\
             Best regards,\nDana Whitfield\n"
        );
    }

    #[test]
    fn every_default_draft_of_both_styles_is_clean() {
        use crate::compose::lint::{LintContext, lint};
        let r = referral();
        for style in Style::ALL {
            let t = Templates::of_style(style);
            for reason in [
                DeclineReason::None,
                DeclineReason::AcceptedJob,
                DeclineReason::FieldFit,
            ] {
                for round in [None, Some(1), Some(3)] {
                    for referral in [None, Some(&r)] {
                        let mut inv = invitation(Some("Req #4471"));
                        inv.round = round.map(|n| Round::new(n).expect("round"));
                        let ctx = LintContext {
                            chosen_reason: Some(reason),
                            started_new_job: Some(reason == DeclineReason::AcceptedJob),
                            is_decline: true,
                            language: crate::model::Language::En,
                        };
                        for d in decline_drafts(&inv, &me(), reason, referral, &t).expect("drafts")
                        {
                            assert_eq!(lint(&d.body, &ctx), vec![], "{style:?}: {}", d.body);
                        }
                    }
                }
            }
            let accept = accept_draft(&invitation(None), &me(), None, &t).expect("draft");
            assert_eq!(lint(&accept.body, &LintContext::default()), vec![]);
        }
    }

    #[test]
    fn every_default_draft_of_every_language_passes_its_own_lint() {
        use crate::compose::lint::{LintContext, lint};
        use crate::model::Language;
        let r = referral();
        for language in Language::ALL {
            for style in Style::ALL {
                let t = Templates::new(language, style);
                for reason in [
                    DeclineReason::None,
                    DeclineReason::AcceptedJob,
                    DeclineReason::FieldFit,
                ] {
                    for round in [None, Some(3)] {
                        for referral in [None, Some(&r)] {
                            let mut inv = invitation(Some("Req #4471"));
                            inv.round = round.map(|n| Round::new(n).expect("round"));
                            let ctx = LintContext {
                                chosen_reason: Some(reason),
                                started_new_job: Some(reason == DeclineReason::AcceptedJob),
                                is_decline: true,
                                language,
                            };
                            let drafts =
                                decline_drafts(&inv, &me(), reason, referral, &t).expect("drafts");
                            for d in drafts {
                                let found = lint(&d.body, &ctx);
                                assert_eq!(found, vec![], "{language:?} {style:?}: {}", d.body);
                            }
                        }
                    }
                }
                let accept = accept_draft(&invitation(None), &me(), None, &t).expect("draft");
                let ctx = LintContext {
                    language,
                    ..LintContext::default()
                };
                assert_eq!(lint(&accept.body, &ctx), vec![], "{}", accept.body);
            }
        }
    }

    #[test]
    fn the_german_decline_follows_the_sample_and_greets_by_the_invitation() {
        use crate::model::Language;
        let mut inv = invitation(Some("4471"));
        inv.contacts[1].greeting = Some(Greeting {
            name: PersonName::parse("Frau Lee").expect("valid"),
            formal: true,
        });
        inv.contacts[0].greeting = Some(Greeting {
            name: PersonName::parse("Bo").expect("valid"),
            formal: false,
        });
        let t = Templates::new(Language::De, Style::Sample);
        let d = decline_drafts(
            &inv,
            &me(),
            DeclineReason::AcceptedJob,
            Some(&referral()),
            &t,
        )
        .expect("drafts");
        assert_eq!(
            d[0].body,
            "Sehr geehrte Frau Lee,\n\n\
             ich danke Ihnen sehr für die Gelegenheit, mich für die Position „Data Analyst“ (4471) \
             vorzustellen und Ihr Unternehmen näher kennenzulernen. Zum jetzigen Zeitpunkt muss \
             ich Ihnen jedoch leider absagen, da ich eine andere Stelle angenommen habe.\n\n\
             Sam Park aus meinem Kollegenkreis wäre für diese Position sehr gut geeignet. Sie \
             erreichen Sam Park unter sam@fastmail.example oder +1 555 0123.\n\n\
             Vielleicht passt es zu einem späteren Zeitpunkt besser.\n\n\
             Ich wäre Ihnen dankbar, wenn Sie mir kurz bestätigen könnten, dass Sie diese \
             Nachricht erhalten haben.\n\n\
             Mit freundlichen Grüßen\nDana Whitfield\n"
        );
        assert!(d[1].body.starts_with("Hallo Bo,\n"), "{}", d[1].body);
        assert_eq!(
            d[0].subject,
            "Ihre Einladung zum Vorstellungsgespräch: Data Analyst 4471"
        );
        inv.contacts = vec![contact("c1", None, "jobs@globex.example", true)];
        let d = decline_drafts(&inv, &me(), DeclineReason::None, None, &t).expect("drafts");
        assert!(
            d[0].body.starts_with("Sehr geehrte Damen und Herren,\n"),
            "{}",
            d[0].body
        );
    }

    #[test]
    fn a_later_round_thanks_for_the_earlier_interviews() {
        let mut inv = invitation(None);
        for style in Style::ALL {
            let t = Templates::of_style(style);
            inv.round = Some(Round::new(2).expect("round"));
            let later = decline_drafts(&inv, &me(), DeclineReason::None, None, &t).expect("drafts")
                [0]
            .body
            .clone();
            assert!(later.contains("the conversations so far."), "{later}");
            inv.round = Some(Round::new(1).expect("round"));
            let first = decline_drafts(&inv, &me(), DeclineReason::None, None, &t).expect("drafts")
                [0]
            .body
            .clone();
            assert!(!first.contains("conversations"), "{first}");
        }
    }

    #[test]
    fn drafts_greet_as_the_invitation_did() {
        let mut inv = invitation(None);
        inv.contacts[1].greeting = Some(Greeting {
            name: PersonName::parse("Dr. Lee").expect("valid"),
            formal: true,
        });
        inv.contacts[0].greeting = Some(Greeting {
            name: PersonName::parse("Bo").expect("valid"),
            formal: false,
        });
        for style in Style::ALL {
            let t = Templates::of_style(style);
            let d = decline_drafts(&inv, &me(), DeclineReason::None, None, &t).expect("drafts");
            assert!(d[0].body.starts_with("Dear Dr. Lee,\n"), "{}", d[0].body);
            assert!(d[1].body.starts_with("Hi Bo,\n"), "{}", d[1].body);
            let a = accept_draft(&inv, &me(), None, &t).expect("draft");
            assert!(a.body.starts_with("Dear Dr. Lee,\n"), "{}", a.body);
        }
    }

    #[test]
    fn referral_paragraph_only_with_a_referral() {
        let drafts = decline_drafts(
            &invitation(None),
            &me(),
            DeclineReason::None,
            Some(&referral()),
            &Templates::default(),
        )
        .expect("drafts");
        assert!(drafts[1].body.contains("Sam Park"));
        assert!(drafts[1].body.contains("sam@fastmail.example, +1 555 0123"));
    }

    #[test]
    fn referral_at_employer_domain_is_refused() {
        let mut r = referral();
        r.email = EmailAddress::parse("sam@globex.example").expect("valid");
        let err = decline_drafts(
            &invitation(None),
            &me(),
            DeclineReason::None,
            Some(&r),
            &Templates::default(),
        )
        .expect_err("gate");
        assert!(matches!(err, ComposeError::WorkAddressReferral { .. }));
    }

    #[test]
    fn user_template_overrides_default_and_subject_stays_one_line() {
        let t = Templates::default()
            .with_override(
                TemplateName::Decline,
                "Hi {{ contact.name }}, no thanks. {{ me.name }}".into(),
            )
            .expect("compiles");
        let d = decline_drafts(&invitation(None), &me(), DeclineReason::None, None, &t)
            .expect("drafts");
        assert_eq!(d[0].body, "Hi Ann Lee, no thanks. Dana Whitfield\n");
        let bad = Templates::default()
            .with_override(TemplateName::Subject, "a\nBcc: x@evil.example".into())
            .expect("compiles");
        assert!(matches!(
            decline_drafts(&invitation(None), &me(), DeclineReason::None, None, &bad),
            Err(ComposeError::Subject(_))
        ));
    }

    #[test]
    fn acceptance_goes_to_primary_only() {
        let d = accept_draft(
            &invitation(None),
            &me(),
            Some("Tuesday 1 December 2026 at 14:00"),
            &Templates::default(),
        )
        .expect("draft");
        assert_eq!(d.to.email.as_str(), "ann@globex.example");
        assert_eq!(d.kind, DraftKind::Accept);
        assert!(
            d.body
                .contains("I confirm Tuesday 1 December 2026 at 14:00")
        );
    }

    #[test]
    fn nameless_contact_gets_a_neutral_greeting() {
        let mut inv = invitation(None);
        inv.contacts = vec![contact("c1", None, "jobs@globex.example", true)];
        let d = decline_drafts(
            &inv,
            &me(),
            DeclineReason::None,
            None,
            &Templates::default(),
        )
        .expect("drafts");
        assert!(d[0].body.starts_with("Dear Hiring Team,"));
    }
}
