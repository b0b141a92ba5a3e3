//! Email addresses and "Name <address>" mailboxes, validated once at the edge.

use super::{ModelError, PersonName};
use serde::{Deserialize, Serialize};

/// An email address fit for an SMTP envelope and a `To:` header.
///
/// Deliberately stricter than RFC 5322 (no quoted local parts, no comments, ASCII only):
/// every address bowout writes must survive every server it meets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct EmailAddress(String);

const LOCAL_SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~.";

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, ModelError> {
        let bad = |reason| ModelError::InvalidEmail {
            input: input.to_string(),
            reason,
        };
        if input.contains(['\r', '\n']) {
            return Err(ModelError::LineBreak {
                field: "email address",
            });
        }
        let s = input.trim();
        if s.is_empty() {
            return Err(bad("it is empty"));
        }
        if s.len() > 254 {
            return Err(bad("it is longer than 254 characters"));
        }
        if !s.is_ascii() {
            return Err(bad("only ASCII addresses are supported"));
        }
        let (local, domain) = s.rsplit_once('@').ok_or_else(|| bad("it has no @"))?;
        if local.is_empty() || local.len() > 64 {
            return Err(bad("the part before @ must be 1 to 64 characters"));
        }
        let local_ok = local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || LOCAL_SPECIALS.contains(c));
        if !local_ok || local.starts_with('.') || local.ends_with('.') || local.contains("..") {
            return Err(bad("the part before @ has characters that are not allowed"));
        }
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() < 2 {
            return Err(bad("the domain needs a dot (e.g. example.com)"));
        }
        let label_ok = |l: &&str| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        if !labels.iter().all(label_ok) {
            return Err(bad("the domain is not a valid host name"));
        }
        Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The domain, lowercased (`jobs.acme.example`).
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, d)| d)
    }

    /// True when both addresses share a registrable domain, so that `hr@jobs.acme.com` and
    /// `ann@acme.com` count as the same organisation.
    pub fn same_organisation(&self, other_domain: &str) -> bool {
        let mine = organisation_domain(self.domain());
        let theirs = organisation_domain(&other_domain.to_ascii_lowercase());
        !mine.is_empty() && mine == theirs
    }
}

/// The last two labels of a domain, or three when the second-level label is a generic one
/// such as `co.uk` or `com.au`. Good enough to tell organisations apart without a suffix list.
pub fn organisation_domain(domain: &str) -> String {
    let labels: Vec<&str> = domain.trim_end_matches('.').split('.').collect();
    let n = labels.len();
    if n < 2 {
        return domain.to_string();
    }
    let generic_second = ["co", "com", "org", "net", "ac", "gov", "edu"];
    let take = if n >= 3 && labels[n - 1].len() == 2 && generic_second.contains(&labels[n - 2]) {
        3
    } else {
        2
    };
    labels[n - take.min(n)..].join(".")
}

impl std::fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for EmailAddress {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Self::parse(&raw).map_err(serde::de::Error::custom)
    }
}

impl std::str::FromStr for EmailAddress {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// A person and their address: `Jane Doe <jane@acme.example>` or a bare address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailbox {
    pub name: Option<PersonName>,
    pub email: EmailAddress,
}

impl Mailbox {
    /// Parses `Name <addr>`, `"Doe, Jane" <addr>` or `addr`.
    pub fn parse(input: &str) -> Result<Self, ModelError> {
        if input.contains(['\r', '\n']) {
            return Err(ModelError::LineBreak { field: "contact" });
        }
        let s = input.trim();
        let Some(open) = s.rfind('<') else {
            return Ok(Self {
                name: None,
                email: EmailAddress::parse(s)?,
            });
        };
        let close =
            s[open..]
                .find('>')
                .map(|i| open + i)
                .ok_or_else(|| ModelError::InvalidEmail {
                    input: s.to_string(),
                    reason: "a '<' without its closing '>'",
                })?;
        if !s[close + 1..].trim().is_empty() {
            return Err(ModelError::InvalidEmail {
                input: s.to_string(),
                reason: "text after the closing '>'",
            });
        }
        let email = EmailAddress::parse(&s[open + 1..close])?;
        let raw_name = s[..open].trim().trim_matches('"').trim();
        let name = if raw_name.is_empty() {
            None
        } else {
            Some(PersonName::parse(raw_name)?)
        };
        Ok(Self { name, email })
    }

    /// The name if known, else the address: what a person would be called in a list.
    pub fn display_name(&self) -> &str {
        self.name
            .as_ref()
            .map_or(self.email.as_str(), PersonName::as_str)
    }
}

impl std::fmt::Display for Mailbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.name {
            Some(n) => write!(f, "{n} <{}>", self.email),
            None => write!(f, "{}", self.email),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_lowercases_domain() {
        let a = EmailAddress::parse(" Ann.Lee+jobs@Mail.ACME.example ").expect("valid");
        assert_eq!(a.as_str(), "Ann.Lee+jobs@mail.acme.example");
        assert_eq!(a.domain(), "mail.acme.example");
    }

    #[test]
    fn refuses_malformed_addresses() {
        for bad in [
            "",
            "no-at-sign",
            "@acme.example",
            "a@",
            "a@localhost",
            "a b@acme.example",
            "a..b@acme.example",
            "a@-acme.example",
            "zoë@acme.example",
            "a@acme..example",
        ] {
            assert!(
                EmailAddress::parse(bad).is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn refuses_header_injection() {
        assert_eq!(
            EmailAddress::parse("a@acme.example\r\nBcc: x@evil.example"),
            Err(ModelError::LineBreak {
                field: "email address"
            })
        );
        assert!(Mailbox::parse("Ann\nBcc: x@evil.example <a@acme.example>").is_err());
    }

    #[test]
    fn parses_mailbox_forms() {
        let m = Mailbox::parse("\"Lee, Ann\" <ann@acme.example>").expect("valid");
        assert_eq!(m.name.as_ref().map(|n| n.as_str()), Some("Lee, Ann"));
        assert_eq!(m.email.as_str(), "ann@acme.example");
        let bare = Mailbox::parse("ann@acme.example").expect("valid");
        assert!(bare.name.is_none());
        assert_eq!(bare.display_name(), "ann@acme.example");
        assert!(Mailbox::parse("Ann <ann@acme.example").is_err());
        assert!(Mailbox::parse("Ann <ann@acme.example> trailing").is_err());
    }

    #[test]
    fn same_organisation_uses_registrable_domain() {
        let a = EmailAddress::parse("hr@jobs.acme.example").expect("valid");
        assert!(a.same_organisation("acme.example"));
        assert!(a.same_organisation("MAIL.ACME.EXAMPLE"));
        assert!(!a.same_organisation("gmail.example"));
        assert_eq!(organisation_domain("hr.acme.co.uk"), "acme.co.uk");
    }
}
