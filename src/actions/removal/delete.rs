//! `delete ID`: erases a record that never had a message leave, every row of it in one
//! transaction and its archive folder (copies of messages that certainly never went out, a
//! letter never mailed). A record with evidence of contact can only be dismissed.

use crate::actions::{ActionError, App, Result};
use crate::store;
use bowout_core::model::Invitation;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What `delete` is about to erase, for the user to confirm.
#[derive(Debug, Clone, Serialize)]
pub struct ToDelete {
    pub id: String,
    pub employer: String,
    pub job_title: String,
    pub status: &'static str,
}

/// The `delete --json` document.
#[derive(Debug, Clone, Serialize)]
pub struct Deleted {
    pub id: String,
    pub employer: String,
    pub job_title: String,
    /// Rows erased, across every table.
    pub rows: u64,
    /// The archive folder removed with them, if there was one.
    pub archive: Option<String>,
}

/// Resolves the id and refuses a record with evidence of contact; what would be deleted.
pub async fn check_delete(app: &App, given_id: &str) -> Result<ToDelete> {
    let mut conn = app.store.conn().await?;
    let id = store::resolve_invitation_id(&mut conn, given_id).await?;
    let inv = store::load_invitation(&mut conn, &id).await?;
    refuse_evidence(&mut conn, &inv).await?;
    Ok(ToDelete {
        id: inv.id,
        employer: inv.employer.to_string(),
        job_title: inv.job_title.to_string(),
        status: inv.status.as_str(),
    })
}

async fn refuse_evidence(conn: &mut store::Conn, inv: &Invitation) -> Result<()> {
    let evidence = store::evidence(conn, &inv.id).await?;
    if !evidence.any() {
        return Ok(());
    }
    let mut what = Vec::new();
    if evidence.messages > 0 {
        what.push(format!("{} message(s) sent or exported", evidence.messages));
    }
    if evidence.letters_mailed > 0 {
        what.push("a letter mailed".to_string());
    }
    Err(ActionError::Refused(format!(
        "invitation {0} has {1}: that record is evidence of what you told the employer, so it \
         cannot be deleted; `bowout dismiss {0} --reason duplicate|not-an-invitation|withdrawn` \
         takes it off the list and keeps its history",
        inv.id,
        what.join(" and ")
    )))
}

/// Deletes the invitation `given_id` (checked again inside the transaction).
pub async fn delete(app: &App, given_id: &str) -> Result<Deleted> {
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, given_id).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    refuse_evidence(&mut tx, &inv).await?;
    let rows = store::delete_invitation(&mut tx, &id).await?;
    // The folder is moved aside first and removed only once the rows are gone, so a failed
    // commit leaves both in place.
    let folder = app.home.archive.join(&id);
    let aside = move_aside(&app.home.archive, &folder, &id)?;
    if let Err(e) = tx.commit().await {
        if let Some(aside) = &aside {
            let _ = std::fs::rename(aside, &folder);
        }
        return Err(store::StoreError::from(e).into());
    }
    if let Some(aside) = &aside {
        std::fs::remove_dir_all(aside).map_err(|e| {
            ActionError::io(
                format!(
                    "invitation {id} is deleted, but its archive folder could not be removed \
                     (now {})",
                    aside.display()
                ),
                e,
            )
        })?;
    }
    Ok(Deleted {
        id,
        employer: inv.employer.to_string(),
        job_title: inv.job_title.to_string(),
        rows,
        archive: aside.map(|_| folder.display().to_string()),
    })
}

/// Renames the invitation's archive folder to a hidden name beside it; `None` when it has
/// none.
fn move_aside(archive: &Path, folder: &Path, id: &str) -> Result<Option<PathBuf>> {
    if !folder.is_dir() {
        return Ok(None);
    }
    let aside = archive.join(format!(".deleting-{id}-{}", store::new_id()));
    std::fs::rename(folder, &aside)
        .map_err(|e| ActionError::io(format!("cannot remove {}", folder.display()), e))?;
    Ok(Some(aside))
}
