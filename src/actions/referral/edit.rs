//! `referral edit RID`: a colleague's details corrected. Drafts that name them and are
//! still to be sent become stale, so the next decline writes the new details.

use super::permission::{check_permission, check_personal, work_domain};
use super::uses::{mark_stale, uses};
use crate::actions::changes::Change;
use crate::actions::{ActionError, App, Result};
use crate::store;
use bowout_core::model::{EmailAddress, PersonName, Phone};
use serde::Serialize;

#[derive(Debug, Clone, Default)]
pub struct ReferralEdit {
    /// Referral id or unique prefix.
    pub id: String,
    pub name: Option<PersonName>,
    pub email: Option<EmailAddress>,
    pub phone: Option<Phone>,
    /// `YYYY-MM-DD how`.
    pub permission: Option<String>,
    pub work_domain: Option<String>,
}

/// The `referral edit --json` document.
#[derive(Debug, Clone, Serialize)]
pub struct ReferralEdited {
    pub id: String,
    pub changes: Vec<Change>,
    /// Invitations whose drafts named the referral and are now stale.
    pub stale_drafts: Vec<String>,
}

pub async fn edit_referral(app: &App, input: ReferralEdit) -> Result<ReferralEdited> {
    if input.name.is_none()
        && input.email.is_none()
        && input.phone.is_none()
        && input.permission.is_none()
        && input.work_domain.is_none()
    {
        return Err(ActionError::BadInput(
            "nothing to change: give --name, --email, --phone, --permission or --work-domain"
                .into(),
        ));
    }
    let permission = input
        .permission
        .as_deref()
        .map(|p| check_permission(app, p))
        .transpose()?;
    let domain = input.work_domain.as_deref().map(work_domain).transpose()?;
    let mut tx = app.store.begin().await?;
    let rid = store::resolve_referral_id(&mut tx, &input.id).await?;
    let old = store::load_referral(&mut tx, &rid).await?;
    let mut new = old.clone();
    let mut changes = Vec::new();
    if let Some(name) = input.name {
        changes.extend(Change::of("name", Some(&old.name), Some(&name)));
        new.name = name;
    }
    if let Some(email) = input.email {
        changes.extend(Change::of("email", Some(&old.email), Some(&email)));
        new.email = email;
    }
    if let Some(phone) = input.phone {
        changes.extend(Change::of("phone", old.phone.as_ref(), Some(&phone)));
        new.phone = Some(phone);
    }
    if let Some((date, how)) = permission {
        let shown = |d: &jiff::civil::Date, h: &str| format!("{d} {h}");
        changes.extend(Change::of(
            "permission",
            Some(&shown(&old.permission_date, &old.permission_how)),
            Some(&shown(&date, &how)),
        ));
        new.permission_date = date;
        new.permission_how = how;
    }
    if let Some(domain) = domain {
        changes.extend(Change::of(
            "work_domain",
            old.work_domain.as_ref(),
            Some(&domain),
        ));
        new.work_domain = Some(domain);
    }
    check_personal(&new.email, new.work_domain.as_deref())?;
    let mut stale_drafts = Vec::new();
    if !changes.is_empty() {
        store::update_referral(&mut tx, &new).await?;
        let used = uses(&mut tx, &rid).await?;
        let details: Vec<String> = changes
            .iter()
            .map(|c| format!("referral {}: {}", old.name, c.describe()))
            .collect();
        let why = format!("referral {} edited", old.name);
        stale_drafts = mark_stale(app, &mut tx, &used, &why, &details).await?;
    }
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(ReferralEdited {
        id: rid,
        changes,
        stale_drafts,
    })
}
