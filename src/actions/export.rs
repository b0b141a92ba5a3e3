//! The whole store to one JSON document and back.

use super::{ActionError, App, Result};
use crate::store::{self, export::Dump};
use serde::Serialize;

pub async fn export(app: &App) -> Result<Dump> {
    let mut conn = app.store.conn().await?;
    Ok(store::export::dump(&mut conn).await?)
}

#[derive(Debug, Clone, Serialize)]
pub struct RestoreSummary {
    pub invitations: usize,
    pub referrals: usize,
    pub messages: usize,
    pub events: usize,
}

/// Loads a dump into an empty store, in one transaction; every record must read back as
/// valid or nothing is kept.
pub async fn restore(app: &App, dump: &Dump) -> Result<RestoreSummary> {
    if dump.format != store::export::FORMAT {
        return Err(ActionError::Refused(format!(
            "not a bowout export (format {:?})",
            dump.format
        )));
    }
    if dump.version != store::export::VERSION {
        return Err(ActionError::Refused(format!(
            "export version {} is not supported (this bowout reads version {})",
            dump.version,
            store::export::VERSION
        )));
    }
    let mut tx = app.store.begin().await?;
    if !store::export::is_empty(&mut tx).await? {
        return Err(ActionError::Refused(
            "the store is not empty; restore into a new --home (or an empty database)".into(),
        ));
    }
    store::export::load(&mut tx, dump).await?;
    // Read everything back through the model: a hand-edited file with a bad address or a
    // CR/LF in a name is refused here rather than failing later at send time.
    store::list_invitations(&mut tx).await?;
    for r in &dump.referrals {
        store::load_referral(&mut tx, &r.id).await?;
    }
    for inv in &dump.invitations {
        store::load_drafts(&mut tx, &inv.id).await?;
        store::load_decision(&mut tx, &inv.id).await?;
        store::load_facts(&mut tx, &inv.id).await?;
        store::list_events(&mut tx, &inv.id).await?;
    }
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(RestoreSummary {
        invitations: dump.invitations.len(),
        referrals: dump.referrals.len(),
        messages: dump.messages.len(),
        events: dump.events.len(),
    })
}
