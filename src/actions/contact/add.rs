//! `contact add ID`: another person on the invitation; the one to answer when the
//! invitation has none yet (an import that could not tell who the hiring side is).

use super::find::label;
use super::view::ContactChanged;
use crate::actions::changes::{self, Change};
use crate::actions::views::ContactView;
use crate::actions::{ActionError, App, Result};
use crate::store;
use bowout_core::model::{Contact, EmailAddress, Greeting, PersonName, Phone, Role};

#[derive(Debug, Clone)]
pub struct NewContactInput {
    /// Invitation id or unique prefix.
    pub invitation: String,
    pub name: PersonName,
    pub email: EmailAddress,
    pub role: Option<Role>,
    pub phone: Option<Phone>,
    /// How to greet them, when not "Dear <full name>,".
    pub greeting: Option<Greeting>,
}

pub async fn add_contact(app: &App, input: NewContactInput) -> Result<ContactChanged> {
    let now = app.clock.now();
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, &input.invitation).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    if inv
        .contacts
        .iter()
        .any(|c| c.email.as_str().eq_ignore_ascii_case(input.email.as_str()))
    {
        return Err(ActionError::Refused(format!(
            "invitation {id} already has a contact with address {} (`bowout contact edit` \
             changes it)",
            input.email
        )));
    }
    let contact = Contact {
        id: store::new_id(),
        name: Some(input.name),
        email: input.email,
        role: input.role,
        primary: inv.primary().is_none(),
        phone: input.phone,
        postal_address: None,
        greeting: input.greeting,
    };
    store::insert_contact(&mut tx, &id, &contact).await?;
    let role = contact
        .role
        .as_ref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    let primary = if contact.primary { ", primary" } else { "" };
    let detail = format!("contact added: {}{role}{primary}", label(&contact));
    let why = format!("contact {} added", contact.email);
    let drafts_stale = changes::record(&mut tx, &id, now, &why, &[detail]).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(ContactChanged {
        invitation_id: id,
        action: "added",
        changes: vec![Change {
            field: "contact",
            from: None,
            to: Some(label(&contact)),
        }],
        contact: ContactView::from(&contact),
        drafts_stale,
    })
}
