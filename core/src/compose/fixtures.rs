//! Records for the compose tests: an invitation to Globex with two contacts, the user, and
//! a colleague who agreed to be referred.

use crate::model::{
    Contact, EmailAddress, Identity, Invitation, JobTitle, OrgName, PersonName, Referral,
    Requisition, Role, Status,
};

pub(crate) fn contact(id: &str, name: Option<&str>, email: &str, primary: bool) -> Contact {
    Contact {
        id: id.into(),
        name: name.map(|n| PersonName::parse(n).expect("valid")),
        email: EmailAddress::parse(email).expect("valid"),
        role: (!primary).then(|| Role::parse("hiring manager").expect("valid")),
        primary,
        phone: None,
        postal_address: None,
        greeting: None,
    }
}

pub(crate) fn invitation(req: Option<&str>) -> Invitation {
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
        references: Vec::new(),
        source: None,
        red_flags: Vec::new(),
        status: Status::Undecided,
        created_at: 0,
        received_at: None,
        language: crate::model::Language::En,
    }
}

pub(crate) fn me() -> Identity {
    Identity {
        name: PersonName::parse("Dana Whitfield").expect("valid"),
        email: EmailAddress::parse("dana@example.net").expect("valid"),
        phone: None,
        address: None,
    }
}

pub(crate) fn referral() -> Referral {
    Referral {
        id: "r1".into(),
        name: PersonName::parse("Sam Park").expect("valid"),
        email: EmailAddress::parse("sam@fastmail.example").expect("valid"),
        phone: Some(crate::model::Phone::parse("+1 555 0123").expect("valid")),
        permission_date: jiff::civil::date(2026, 11, 20),
        permission_how: "phone".into(),
        work_domain: None,
    }
}
