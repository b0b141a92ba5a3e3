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
    use crate::compose::fixtures::{contact, invitation, me, referral};
    use crate::model::EmailAddress;

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
        assert!(body(DeclineReason::AcceptedJob).contains("I have accepted a position elsewhere"));
        assert!(
            body(DeclineReason::FieldFit)
                .contains("not a good fit for me at this point in my career")
        );
        let none = body(DeclineReason::None);
        assert!(!none.contains("accepted a position") && !none.contains("good fit"));
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
