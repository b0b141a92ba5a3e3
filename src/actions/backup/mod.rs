//! The whole store to one JSON document and back, with the archive's files.

mod archive;
mod home;

use crate::actions::{ActionError, App, Result};
use crate::store::{self, export::Dump};
use serde::Serialize;

/// The store's rows and the archive's files.
pub async fn export(app: &App) -> Result<Dump> {
    let mut conn = app.store.conn().await?;
    let mut dump = store::export::dump(&mut conn).await?;
    dump.archive = archive::collect(&app.home.archive)?;
    dump.config = home::config_without_secrets(app)?;
    dump.templates = home::templates(app)?;
    Ok(dump)
}

#[derive(Debug, Clone, Serialize)]
pub struct RestoreSummary {
    pub invitations: usize,
    pub referrals: usize,
    pub messages: usize,
    pub events: usize,
    /// Archive files written (those already present with the same bytes are not counted).
    pub archive_files: usize,
    /// True when the export's `config.toml` was written (it replaces the example a new home
    /// starts with).
    pub config: bool,
    /// Templates written into `<home>/templates/`.
    pub templates: usize,
}

/// Loads a dump into an empty store, in one transaction, its files into the archive, and its
/// configuration and templates into the home; every record must read back as valid or
/// nothing is kept, neither rows nor files.
pub async fn restore(app: &App, dump: &Dump) -> Result<RestoreSummary> {
    if dump.format != store::export::FORMAT {
        return Err(ActionError::Refused(format!(
            "not a bowout export (format {:?})",
            dump.format
        )));
    }
    if !(store::export::OLDEST_VERSION..=store::export::VERSION).contains(&dump.version) {
        return Err(ActionError::Refused(format!(
            "export version {} is not supported (this bowout reads versions {} to {})",
            dump.version,
            store::export::OLDEST_VERSION,
            store::export::VERSION
        )));
    }
    let mut files = archive::check(&app.home.archive, &dump.archive)?;
    files.extend(home::check(app, dump.config.as_deref(), &dump.templates)?);
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
    // The files last but one: a refused file rolls the rows back (the transaction drops),
    // and a failed commit takes the files back.
    let mut written = archive::write_all(&files)?;
    crate::testhook::pause("restore:loaded");
    if let Err(e) = tx.commit().await {
        written.undo();
        return Err(store::StoreError::from(e).into());
    }
    Ok(RestoreSummary {
        invitations: dump.invitations.len(),
        referrals: dump.referrals.len(),
        messages: dump.messages.len(),
        events: dump.events.len(),
        archive_files: written.count_under(&app.home.archive),
        config: written.count_under(&app.home.config_file) > 0,
        templates: written.count_under(&app.home.templates),
    })
}
