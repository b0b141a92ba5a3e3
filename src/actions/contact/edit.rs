//! `contact edit ID --email E`: a contact's name, address, role, phone or greeting
//! corrected.

use super::find::by_email;
use super::view::ContactChanged;
use crate::actions::changes::{self, Change};
use crate::actions::views::ContactView;
use crate::actions::{ActionError, App, Result};
use crate::store;
use bowout_core::model::{EmailAddress, Greeting, PersonName, Phone, Role};

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
    pub greeting: GreetingEdit,
}

/// A change to how a contact is greeted; all empty: unchanged.
#[derive(Debug, Clone, Default)]
pub struct GreetingEdit {
    /// The name to greet them by ("Dr. Whitcombe", "Karen").
    pub name: Option<PersonName>,
    /// `Some(true)`: "Dear …,"; `Some(false)`: "Hi …,".
    pub formal: Option<bool>,
    /// Back to the default: "Dear <full name>,".
    pub clear: bool,
}

impl GreetingEdit {
    fn is_empty(&self) -> bool {
        self.name.is_none() && self.formal.is_none() && !self.clear
    }

    /// The greeting after this edit of `old`.
    fn apply(&self, old: Option<&Greeting>) -> Result<Option<Greeting>> {
        if self.clear {
            return Ok(None);
        }
        let Some(name) = self.name.clone().or_else(|| old.map(|g| g.name.clone())) else {
            return match self.formal {
                Some(false) => Err(ActionError::BadInput(
                    "an informal greeting needs the name to greet them by: give --greeting NAME"
                        .into(),
                )),
                _ => Ok(None),
            };
        };
        let formal = self.formal.or(old.map(|g| g.formal)).unwrap_or(true);
        Ok(Some(Greeting { name, formal }))
    }
}

/// How a greeting shows in the timeline: `"Dr. Whitcombe" (formal)`.
pub(super) fn greeting_label(g: &Greeting) -> String {
    let register = if g.formal { "formal" } else { "informal" };
    format!("{} ({register})", g.name)
}

pub async fn edit_contact(app: &App, input: ContactEdit) -> Result<ContactChanged> {
    if input.name.is_none()
        && input.new_email.is_none()
        && input.role.is_none()
        && input.phone.is_none()
        && input.greeting.is_empty()
    {
        return Err(ActionError::BadInput(
            "nothing to change: give --name, --new-email, --role, --phone or --greeting".into(),
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
    if !input.greeting.is_empty() {
        let greeting = input.greeting.apply(old.greeting.as_ref())?;
        changes.extend(Change::of(
            "greeting",
            old.greeting.as_ref().map(greeting_label).as_ref(),
            greeting.as_ref().map(greeting_label).as_ref(),
        ));
        new.greeting = greeting;
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
