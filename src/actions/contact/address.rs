//! Details of a contact that only the user knows, such as the postal address the formal
//! letter goes to.

use crate::actions::{ActionError, App, Result};
use crate::store;
use bowout_core::model::EventKind;
use serde::Serialize;

/// Longest address line, and most lines: what fits an envelope window.
const MAX_LINE: usize = 100;
const MAX_LINES: usize = 6;

#[derive(Debug, Clone)]
pub struct ContactAddress {
    /// Invitation id or unique prefix.
    pub invitation: String,
    /// The contact's email address; `None` for the primary contact.
    pub email: Option<String>,
    /// Address lines; a line may itself hold line breaks. Empty clears the address.
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactAddressView {
    pub contact_id: String,
    pub email: String,
    pub postal_address: Option<String>,
}

pub async fn set_contact_address(app: &App, input: ContactAddress) -> Result<ContactAddressView> {
    let address = postal_address(&input.lines)?;
    let now = app.clock.now();
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, &input.invitation).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    let contact = match &input.email {
        Some(email) => inv
            .contacts
            .iter()
            .find(|c| c.email.as_str().eq_ignore_ascii_case(email.trim())),
        None => inv.primary(),
    }
    .ok_or_else(|| {
        ActionError::Refused(match &input.email {
            Some(email) => format!("invitation {id} has no contact with address {email:?}"),
            None => format!("invitation {id} has no primary contact"),
        })
    })?;
    store::set_postal_address(&mut tx, &id, &contact.id, address.as_deref()).await?;
    let detail = match &address {
        Some(_) => format!("postal address of {} recorded", contact.email),
        None => format!("postal address of {} cleared", contact.email),
    };
    store::append_event(&mut tx, &id, now, EventKind::Note, &detail).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(ContactAddressView {
        contact_id: contact.id.clone(),
        email: contact.email.to_string(),
        postal_address: address,
    })
}

/// The lines as stored (joined by `\n`), or `None` when there are none.
fn postal_address(given: &[String]) -> Result<Option<String>> {
    let lines: Vec<&str> = given
        .iter()
        .flat_map(|l| l.split(['\n', '\r']))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > MAX_LINES {
        return Err(ActionError::BadInput(format!(
            "a postal address has at most {MAX_LINES} lines; {} given",
            lines.len()
        )));
    }
    for line in &lines {
        if line.chars().count() > MAX_LINE || line.chars().any(char::is_control) {
            return Err(ActionError::BadInput(format!(
                "invalid address line {line:?}: at most {MAX_LINE} characters, no control characters"
            )));
        }
    }
    Ok((!lines.is_empty()).then(|| lines.join("\n")))
}
