//! The invitations with their status and age; dismissed ones only when asked for all.

use super::show::list_item;
use super::views::ListItem;
use super::{App, Result};
use crate::store;
use bowout_core::model::Status;

/// Every invitation, oldest first; dismissed ones only when `all`.
pub async fn list(app: &App, all: bool) -> Result<Vec<ListItem>> {
    let mut conn = app.store.conn().await?;
    let invitations = store::list_invitations(&mut conn).await?;
    Ok(invitations
        .into_iter()
        .filter(|inv| all || inv.status != Status::Dismissed)
        .map(|inv| list_item(app, inv))
        .collect())
}
