//! Recording a colleague who agreed to be referred.

use super::permission::{check_permission, check_personal, work_domain};
use crate::actions::{App, Result};
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

pub async fn add_referral(app: &App, new: NewReferral) -> Result<String> {
    let (permission_date, permission_how) = check_permission(app, &new.permission)?;
    let work_domain = new.work_domain.as_deref().map(work_domain).transpose()?;
    check_personal(&new.email, work_domain.as_deref())?;
    let referral = Referral {
        id: store::new_id(),
        name: new.name,
        email: new.email,
        phone: new.phone,
        permission_date,
        permission_how,
        work_domain,
    };
    let mut tx = app.store.begin().await?;
    store::insert_referral(&mut tx, &referral, app.clock.now()).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(referral.id)
}
