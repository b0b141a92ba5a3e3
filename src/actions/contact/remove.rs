//! `contact remove ID --email E`: a contact who should not be on the invitation. Refused
//! for the primary contact (name another one first) and for a contact a message may have
//! reached (the record of what they were sent keeps them).

use super::find::{by_email, label};
use super::view::ContactChanged;
use crate::actions::changes::{self, Change};
use crate::actions::views::ContactView;
use crate::actions::{ActionError, App, Result};
use crate::store;
use bowout_core::model::EmailAddress;

pub async fn remove_contact(
    app: &App,
    invitation: &str,
    email: &EmailAddress,
) -> Result<ContactChanged> {
    let now = app.clock.now();
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, invitation).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    let contact = by_email(&inv, email)?.clone();
    if contact.primary {
        return Err(ActionError::Refused(format!(
            "{} is the primary contact of invitation {id}: make another contact primary first \
             (`bowout contact primary {id} --email OTHER`)",
            contact.email
        )));
    }
    if store::contact_has_delivered(&mut tx, &contact.id).await? {
        return Err(ActionError::Refused(format!(
            "a message to {} was sent (or exported, or may have been delivered): the contact \
             stays on invitation {id} as part of the record of it",
            contact.email
        )));
    }
    store::delete_contact(&mut tx, &id, &contact.id).await?;
    let detail = format!("contact removed: {}", label(&contact));
    let why = format!("contact {} removed", contact.email);
    let drafts_stale = changes::record(&mut tx, &id, now, &why, &[detail]).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(ContactChanged {
        invitation_id: id,
        action: "removed",
        changes: vec![Change {
            field: "contact",
            from: Some(label(&contact)),
            to: None,
        }],
        contact: ContactView::from(&contact),
        drafts_stale,
    })
}
