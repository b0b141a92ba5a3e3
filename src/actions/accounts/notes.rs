//! A coach's notes on a seeker's invitation, and drafts the coach suggests (the seeker
//! decides whether to use one, and sends it).

use crate::actions::{ActionError, Result};
use crate::store::accounts::{self, Note, Role, User};
use crate::store::{Store, new_id};

/// The longest note or suggested draft, in characters.
const MAX_NOTE: usize = 20_000;

/// A note or a suggested draft as the coach wrote it.
pub struct NewNote<'a> {
    /// The seeker's invitation (a full id or a unique prefix).
    pub invitation: &'a str,
    /// A suggested draft for this contact's address; `None` for a note.
    pub to_email: Option<&'a str>,
    pub body: &'a str,
}

/// Adds the coach's note (or suggested draft) to one of an assigned seeker's invitations.
/// A seeker not assigned, or an invitation the seeker does not have, is not found.
pub async fn add_note(
    accounts: &Store,
    coach: &User,
    seeker_id: &str,
    note: NewNote<'_>,
    now: i64,
) -> Result<Note> {
    let mut conn = accounts.conn().await?;
    let not_found = || {
        ActionError::from(crate::store::StoreError::NotFound {
            what: "invitation",
            id: note.invitation.to_string(),
        })
    };
    if coach.role != Role::Coach {
        return Err(not_found());
    }
    let Some(seeker) = accounts::assigned_seeker(&mut conn, &coach.id, seeker_id).await? else {
        return Err(not_found());
    };
    let body = note.body.trim();
    if body.is_empty() || body.chars().count() > MAX_NOTE {
        return Err(ActionError::BadInput(format!(
            "a note needs 1 to {MAX_NOTE} characters"
        )));
    }
    let theirs = accounts.as_user(&seeker.id, true)?;
    let (invitation_id, to_email) = {
        let mut seeker_conn = theirs.conn().await?;
        let id = crate::store::resolve_invitation_id(&mut seeker_conn, note.invitation).await?;
        let inv = crate::store::load_invitation(&mut seeker_conn, &id).await?;
        let to = match note.to_email {
            None => None,
            Some(given) => Some(
                inv.contacts
                    .iter()
                    .find(|c| c.email.as_str().eq_ignore_ascii_case(given.trim()))
                    .map(|c| c.email.to_string())
                    .ok_or_else(|| {
                        ActionError::BadInput(format!("{given:?} is not a contact of {id}"))
                    })?,
            ),
        };
        (id, to)
    };
    let saved = Note {
        id: new_id(),
        seeker_id: seeker.id,
        invitation_id,
        coach_id: coach.id.clone(),
        kind: if to_email.is_some() { "draft" } else { "note" }.to_string(),
        to_email,
        body: body.to_string(),
        created_at: now,
    };
    accounts::insert_note(&mut conn, &saved).await?;
    Ok(saved)
}

/// The notes and suggested drafts on one of the seeker's invitations.
pub async fn notes(accounts: &Store, seeker_id: &str, invitation_id: &str) -> Result<Vec<Note>> {
    let mut conn = accounts.conn().await?;
    Ok(accounts::list_notes(&mut conn, seeker_id, invitation_id).await?)
}
