//! The checks a referral's details pass, when added and when edited: the permission given
//! (a date not in the future, and how), and a personal address, not one at their work.

use crate::actions::{ActionError, App, Result};
use bowout_core::model::EmailAddress;

/// Splits `YYYY-MM-DD how` and checks both parts.
pub fn parse_permission(raw: &str) -> Result<(jiff::civil::Date, String)> {
    let bad = |why: &str| {
        ActionError::BadInput(format!(
            "invalid --permission {raw:?}: {why}; give \"YYYY-MM-DD how\", e.g. \"2026-11-20 phone call\""
        ))
    };
    if raw.contains(['\r', '\n']) {
        return Err(bad("it contains a line break"));
    }
    let raw_trim = raw.trim();
    let (date, how) = raw_trim
        .split_once(char::is_whitespace)
        .ok_or_else(|| bad("it needs a date and how permission was given"))?;
    let date: jiff::civil::Date = date
        .parse()
        .map_err(|_| bad("the date is not YYYY-MM-DD"))?;
    let how = how.trim();
    if how.is_empty() || how.chars().count() > 200 {
        return Err(bad(
            "say how permission was given, in at most 200 characters",
        ));
    }
    Ok((date, how.to_string()))
}

/// [`parse_permission`], and the date not after today.
pub(super) fn check_permission(app: &App, raw: &str) -> Result<(jiff::civil::Date, String)> {
    let (date, how) = parse_permission(raw)?;
    if date > app.clock.today() {
        return Err(ActionError::BadInput(format!(
            "the permission date {date} is in the future"
        )));
    }
    Ok((date, how))
}

/// A mail domain as given to `--work-domain`: one word of letters, digits, dots and
/// hyphens, lower-cased.
pub(super) fn work_domain(raw: &str) -> Result<String> {
    let domain = raw.trim().to_ascii_lowercase();
    if raw.contains(['\r', '\n']) {
        return Err(ActionError::BadInput(format!(
            "invalid --work-domain {raw:?}: it contains a line break"
        )));
    }
    let valid = !domain.is_empty()
        && domain.len() <= 253
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    if !valid {
        return Err(ActionError::BadInput(format!(
            "invalid --work-domain {raw:?}: give a mail domain such as example.com"
        )));
    }
    Ok(domain)
}

/// Refuses an address at the colleague's work domain: a referral is reached privately.
pub(super) fn check_personal(email: &EmailAddress, work_domain: Option<&str>) -> Result<()> {
    if let Some(domain) = work_domain
        && email.same_organisation(domain)
    {
        return Err(ActionError::BadInput(format!(
            "{email} is at the colleague's work domain {domain}; record their personal (non-work) address"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{parse_permission, work_domain};

    #[test]
    fn permission_needs_date_and_how() {
        assert_eq!(
            parse_permission("2026-11-20 phone call").expect("valid"),
            (jiff::civil::date(2026, 11, 20), "phone call".to_string())
        );
        assert!(parse_permission("2026-11-20").is_err());
        assert!(parse_permission("yesterday by phone").is_err());
        assert!(parse_permission("2026-11-20 ok\nBcc: x").is_err());
    }

    #[test]
    fn work_domains_are_one_word() {
        assert_eq!(
            work_domain(" Initech.Example ").expect("valid"),
            "initech.example"
        );
        assert!(work_domain("initech.example\r\nBcc: x").is_err());
        assert!(work_domain("two words").is_err());
        assert!(work_domain("").is_err());
    }
}
