//! All invitations with their status and age.

use super::show::list_item;
use super::views::ListItem;
use super::{App, Result};
use crate::store;

pub async fn list(app: &App) -> Result<Vec<ListItem>> {
    let mut conn = app.store.conn().await?;
    let invitations = store::list_invitations(&mut conn).await?;
    Ok(invitations
        .into_iter()
        .map(|inv| list_item(app, inv))
        .collect())
}
