//! Finding a contact of an invitation by email address, and naming it.

use crate::actions::{ActionError, Result};
use bowout_core::model::{Contact, EmailAddress, Invitation};

/// The invitation's contact with this address (case aside).
pub(super) fn by_email<'a>(inv: &'a Invitation, email: &EmailAddress) -> Result<&'a Contact> {
    inv.contacts
        .iter()
        .find(|c| c.email.as_str().eq_ignore_ascii_case(email.as_str()))
        .ok_or_else(|| {
            ActionError::Refused(format!(
                "invitation {} has no contact with address {email}",
                inv.id
            ))
        })
}

/// `Ann Lee <ann@globex.example>`, or the address alone.
pub(super) fn label(c: &Contact) -> String {
    match &c.name {
        Some(name) => format!("{name} <{}>", c.email),
        None => c.email.to_string(),
    }
}
