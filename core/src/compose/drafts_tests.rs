use super::*;
use crate::model::{EmailAddress, JobTitle, OrgName, PersonName, Requisition, Role, Status};

fn contact(id: &str, name: Option<&str>, email: &str, primary: bool) -> Contact {
    Contact {
        id: id.into(),
        name: name.map(|n| PersonName::parse(n).expect("valid")),
        email: EmailAddress::parse(email).expect("valid"),
        role: (!primary).then(|| Role::parse("hiring manager").expect("valid")),
        primary,
        phone: None,
        postal_address: None,
    }
}

fn invitation(req: Option<&str>) -> Invitation {
    Invitation {
        id: "i1".into(),
        employer: OrgName::parse("Globex").expect("valid"),
        agency: None,
        job_title: JobTitle::parse("Data Analyst").expect("valid"),
        requisition: req.map(|r| Requisition::parse(r).expect("valid")),
        round: None,
        phone: None,
        scheduling_link: None,
        contacts: vec![
            contact("c2", Some("Bo Chen"), "bo@globex.example", false),
            contact("c1", Some("Ann Lee"), "ann@globex.example", true),
        ],
        message_id: None,
        source: None,
        red_flags: Vec::new(),
        status: Status::Undecided,
        created_at: 0,
        received_at: None,
    }
}

fn me() -> Identity {
    Identity {
        name: PersonName::parse("Dana Whitfield").expect("valid"),
        email: EmailAddress::parse("dana@example.net").expect("valid"),
        phone: None,
        address: None,
    }
}

fn referral() -> Referral {
    Referral {
        id: "r1".into(),
        name: PersonName::parse("Sam Park").expect("valid"),
        email: EmailAddress::parse("sam@fastmail.example").expect("valid"),
        phone: Some(crate::model::Phone::parse("+1 555 0123").expect("valid")),
        permission_date: "2026-11-20".into(),
        permission_how: "phone".into(),
        work_domain: None,
    }
}

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
        body(DeclineReason::FieldFit).contains("not a good fit for me at this point in my career")
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
    let d =
        decline_drafts(&invitation(None), &me(), DeclineReason::None, None, &t).expect("drafts");
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
