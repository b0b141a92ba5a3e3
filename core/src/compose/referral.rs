//! The referral gate: a colleague is named only at their personal address.

use super::ComposeError;
use crate::model::{Invitation, Referral, organisation_domain};

/// Refuses a referral whose address is at the employer's domain or at the domain of any
/// contact on the invitation: passing on a colleague's work address to a company they may
/// work for (or compete with) is exactly the leak the colleague did not agree to.
pub fn referral_gate(referral: &Referral, invitation: &Invitation) -> Result<(), ComposeError> {
    let refused = |domain: &str, whose: String| ComposeError::WorkAddressReferral {
        name: referral.name.to_string(),
        email: referral.email.to_string(),
        domain: domain.to_string(),
        whose,
    };
    for contact in &invitation.contacts {
        if referral.email.same_organisation(contact.email.domain()) {
            let who = contact
                .name
                .as_ref()
                .map_or(contact.email.as_str(), |n| n.as_str());
            return Err(refused(
                referral.email.domain(),
                format!("{} (the domain of {who})", invitation.employer),
            ));
        }
    }
    if let Some(work) = referral.work_domain.as_deref()
        && referral.email.same_organisation(work)
    {
        return Err(refused(
            referral.email.domain(),
            format!("{}'s own employer", referral.name),
        ));
    }
    if domain_names_employer(referral.email.domain(), invitation.employer.as_str()) {
        return Err(refused(
            referral.email.domain(),
            invitation.employer.to_string(),
        ));
    }
    Ok(())
}

/// True when the domain's organisation label spells the employer's name
/// (`northwind.example` for "Northwind Traders", `acmecorp.com` for "Acme Corp").
fn domain_names_employer(domain: &str, employer: &str) -> bool {
    let org = organisation_domain(domain);
    let label = org.split('.').next().unwrap_or_default();
    if label.len() < 3 {
        return false;
    }
    let words: Vec<String> = employer
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let joined: String = words.concat();
    let first = words.first().map(String::as_str).unwrap_or_default();
    label == joined || (first.len() >= 4 && label == first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, EmailAddress, JobTitle, OrgName, PersonName, Status};

    fn invitation(employer: &str, contact_email: &str) -> Invitation {
        Invitation {
            id: "i1".into(),
            employer: OrgName::parse(employer).expect("valid"),
            agency: None,
            job_title: JobTitle::parse("Data Analyst").expect("valid"),
            requisition: None,
            round: None,
            phone: None,
            scheduling_link: None,
            contacts: vec![Contact {
                id: "c1".into(),
                name: Some(PersonName::parse("Ann Lee").expect("valid")),
                email: EmailAddress::parse(contact_email).expect("valid"),
                role: None,
                primary: true,
                phone: None,
                postal_address: None,
                greeting: None,
            }],
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

    fn referral(email: &str) -> Referral {
        Referral {
            id: "r1".into(),
            name: PersonName::parse("Sam Park").expect("valid"),
            email: EmailAddress::parse(email).expect("valid"),
            phone: None,
            permission_date: jiff::civil::date(2026, 11, 20),
            permission_how: "phone call".into(),
            work_domain: None,
        }
    }

    #[test]
    fn refuses_contact_domain_including_subdomains() {
        let inv = invitation("Globex", "ann@talent.globex.example");
        let err = referral_gate(&referral("sam@globex.example"), &inv).expect_err("work address");
        assert!(err.to_string().contains("personal"), "{err}");
    }

    #[test]
    fn refuses_domain_named_after_employer_even_when_contact_is_elsewhere() {
        let inv = invitation("Northwind Traders", "recruiting@greenhouse-mail.example");
        assert!(referral_gate(&referral("sam@northwindtraders.example"), &inv).is_err());
        assert!(referral_gate(&referral("sam@northwind.example"), &inv).is_err());
    }

    #[test]
    fn refuses_colleagues_known_work_domain() {
        let inv = invitation("Globex", "ann@globex.example");
        let mut r = referral("sam@initech.example");
        r.work_domain = Some("initech.example".into());
        assert!(referral_gate(&r, &inv).is_err());
    }

    #[test]
    fn accepts_personal_address() {
        let inv = invitation("Globex", "ann@globex.example");
        assert!(referral_gate(&referral("sam.park@fastmail.example"), &inv).is_ok());
    }
}
