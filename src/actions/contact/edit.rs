//! `contact edit ID --email E`: a contact's name, address, role or phone corrected.

use super::find::by_email;
use super::view::ContactChanged;
use crate::actions::changes::{self, Change};
use crate::actions::views::ContactView;
use crate::actions::{ActionError, App, Result};
use crate::store;
use bowout_core::model::{EmailAddress, PersonName, Phone, Role};

#[derive(Debug, Clone)]
pub struct ContactEdit {
    /// Invitation id or unique prefix.
    pub invitation: String,
    /// Which contact: their current address.
    pub email: EmailAddress,
    pub name: Option<PersonName>,
    pub new_email: Option<EmailAddress>,
    pub role: Option<Role>,
    pub phone: Option<Phone>,
}

pub async fn edit_contact(app: &App, input: ContactEdit) -> Result<ContactChanged> {
    if input.name.is_none()
        && input.new_email.is_none()
        && input.role.is_none()
        && input.phone.is_none()
    {
        return Err(ActionError::BadInput(
            "nothing to change: give --name, --new-email, --role or --phone".into(),
        ));
    }
    let now = app.clock.now();
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, &input.invitation).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    let old = by_email(&inv, &input.email)?;
    if let Some(new_email) = &input.new_email
        && inv
            .contacts
            .iter()
            .any(|c| c.id != old.id && c.email.as_str().eq_ignore_ascii_case(new_email.as_str()))
    {
        return Err(ActionError::Refused(format!(
            "invitation {id} already has another contact with address {new_email}"
        )));
    }
    let mut new = old.clone();
    let mut changes = Vec::new();
    if let Some(name) = input.name {
        changes.extend(Change::of("name", old.name.as_ref(), Some(&name)));
        new.name = Some(name);
    }
    if let Some(email) = input.new_email {
        changes.extend(Change::of("email", Some(&old.email), Some(&email)));
        new.email = email;
    }
    if let Some(role) = input.role {
        changes.extend(Change::of("role", old.role.as_ref(), Some(&role)));
        new.role = Some(role);
    }
    if let Some(phone) = input.phone {
        changes.extend(Change::of("phone", old.phone.as_ref(), Some(&phone)));
        new.phone = Some(phone);
    }
    if !changes.is_empty() {
        store::update_contact(&mut tx, &id, &new).await?;
    }
    let details: Vec<String> = changes
        .iter()
        .map(|c| format!("contact {}: {}", old.email, c.describe()))
        .collect();
    let why = format!("contact {} edited", old.email);
    let drafts_stale = changes::record(&mut tx, &id, now, &why, &details).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(ContactChanged {
        invitation_id: id,
        action: "edited",
        contact: ContactView::from(&new),
        changes,
        drafts_stale,
    })
}
