//! `contact primary ID --email E`: another contact becomes the one to answer.

use super::find::by_email;
use super::view::ContactChanged;
use crate::actions::changes::{self, Change};
use crate::actions::views::ContactView;
use crate::actions::{App, Result};
use crate::store;
use bowout_core::model::EmailAddress;

pub async fn make_primary(
    app: &App,
    invitation: &str,
    email: &EmailAddress,
) -> Result<ContactChanged> {
    let now = app.clock.now();
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, invitation).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    let contact = by_email(&inv, email)?.clone();
    let before = inv.primary().map(|c| &c.email);
    let changes: Vec<Change> = Change::of("primary", before, Some(&contact.email))
        .into_iter()
        .collect();
    if !changes.is_empty() {
        store::set_primary_contact(&mut tx, &id, &contact.id).await?;
    }
    let details: Vec<String> = changes
        .iter()
        .map(|c| {
            format!(
                "primary contact changed from {} to {}",
                c.from.as_deref().unwrap_or("none"),
                contact.email
            )
        })
        .collect();
    let drafts_stale =
        changes::record(&mut tx, &id, now, "primary contact changed", &details).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    let mut view = ContactView::from(&contact);
    view.primary = true;
    Ok(ContactChanged {
        invitation_id: id,
        action: "primary",
        contact: view,
        changes,
        drafts_stale,
    })
}
