//! All invitations with their status and age.

use super::show::{InvitationView, summary};
use super::{App, Result};
use crate::store;

/// One line of `list`: the invitation's own fields, status and age.
pub type ListItem = InvitationView;

pub async fn list(app: &App) -> Result<Vec<ListItem>> {
    let mut conn = app.store.conn().await?;
    let invitations = store::list_invitations(&mut conn).await?;
    Ok(invitations
        .into_iter()
        .map(|inv| summary(app, inv))
        .collect())
}
