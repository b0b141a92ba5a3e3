//! Look-alike domains that bolt a recruiting word onto a brand (`acme-careers`), and the host
//! of a link, whose domain is checked the same way.

use crate::ingest::lexicon::ATS;
use crate::model::organisation_domain;

/// A registrable domain that bolts a recruiting word onto a name: `acme-careers`, `acme-hr`,
/// `acme-onboarding-portal`. Real employers send from their own domain or their ATS.
pub fn is_look_alike(domain: &str) -> bool {
    let org = organisation_domain(domain);
    let label = org.split('.').next().unwrap_or("");
    if !label.contains('-') || ATS.iter().any(|a| label.contains(a)) {
        return false;
    }
    let bolted = [
        "hr",
        "careers",
        "career",
        "jobs",
        "hiring",
        "onboarding",
        "portal",
        "verify",
        "verification",
        "payroll",
        "employment",
    ];
    label.split('-').skip(1).any(|t| bolted.contains(&t))
}

/// The host a URL points to, lowercased; `None` when it has no dot.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    Some(host.to_ascii_lowercase()).filter(|h| h.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alike_shapes() {
        assert!(is_look_alike("tailspin-toys-hr.example"));
        assert!(!is_look_alike("northwind-analytics.example"));
        assert!(!is_look_alike("talent.icims-mail.example"));
    }
}
