//! Recording a colleague who agreed to be referred.

use super::{ActionError, App, Result};
use crate::store;
use bowout_core::model::{EmailAddress, PersonName, Phone, Referral};

#[derive(Debug, Clone)]
pub struct NewReferral {
    pub name: PersonName,
    pub email: EmailAddress,
    pub phone: Option<Phone>,
    /// `YYYY-MM-DD how`, e.g. `2026-11-20 phone call`.
    pub permission: String,
    /// The colleague's employer's mail domain, if known: their address must not be there.
    pub work_domain: Option<String>,
}

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

pub async fn add_referral(app: &App, new: NewReferral) -> Result<String> {
    let (permission_date, permission_how) = parse_permission(&new.permission)?;
    if permission_date > app.clock.today() {
        return Err(ActionError::BadInput(format!(
            "the permission date {permission_date} is in the future"
        )));
    }
    if let Some(domain) = new.work_domain.as_deref()
        && new.email.same_organisation(domain)
    {
        return Err(ActionError::BadInput(format!(
            "{} is at the colleague's work domain {domain}; record their personal (non-work) address",
            new.email
        )));
    }
    let referral = Referral {
        id: store::new_id(),
        name: new.name,
        email: new.email,
        phone: new.phone,
        permission_date,
        permission_how,
        work_domain: new.work_domain.map(|d| d.trim().to_ascii_lowercase()),
    };
    let mut tx = app.store.begin().await?;
    store::insert_referral(&mut tx, &referral, app.clock.now()).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(referral.id)
}

#[cfg(test)]
mod tests {
    use super::parse_permission;

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
}
