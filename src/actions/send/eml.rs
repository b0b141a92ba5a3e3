//! `--eml-dir`: the messages as `.eml` files for the user's own mail client.
//!
//! bowout cannot see that client, so an exported message is neither `sent` nor free to be
//! sent again: it becomes `exported`, keeps its `Message-ID` and archived copy, and waits for
//! `--confirm-sent` (the user sent it) or `--resend` (bowout should send it after all).
//! Exporting again rewrites the same archived bytes; it never makes a second message.

use super::outcome::{Outcome, Outcomes};
use super::plan::Plan;
use super::state::recipient;
use crate::actions::{ActionError, App, Result};
use crate::mail::outbox::Status;
use crate::mail::{archive, message};
use crate::store::{self, MessageRow};
use bowout_core::model::EventKind;
use std::path::Path;

pub(super) async fn run(app: &App, plan: &Plan, dir: &Path, outcomes: &mut Outcomes) -> Result<()> {
    std::fs::create_dir_all(dir)
        .map_err(|e| ActionError::io(format!("cannot create --eml-dir {}", dir.display()), e))?;
    for row in &plan.rows {
        let bytes = match Some(row.status) {
            Some(Status::Queued) => export_new(app, plan, row).await?,
            Some(Status::Exported) => archived_bytes(app, row)?,
            _ => continue,
        };
        let target = dir.join(archive::file_name(&row.message_id));
        crate::fsutil::write_atomic(&target, &bytes)
            .map_err(|e| ActionError::io(format!("cannot write {}", target.display()), e))?;
        outcomes.insert(
            row.id.clone(),
            Outcome {
                action: "exported",
                note: (row.status == Status::Exported)
                    .then(|| "written again from the archived copy".to_string()),
                eml: Some(target.to_string_lossy().into_owned()),
            },
        );
    }
    Ok(())
}

/// Builds, archives and records a queued message as `exported`; returns its bytes.
async fn export_new(app: &App, plan: &Plan, row: &MessageRow) -> Result<Vec<u8>> {
    let now = app.clock.now();
    let me = app.identity()?;
    let bytes = message::build(&plan.outgoing(&me, row, now))
        .map_err(|e| ActionError::Refused(format!("the message to {}: {e}", row.to_email)))?;
    let key = archive::copy_key(&row.invitation_id, &row.message_id);
    let copy = archive::store(&app.home.archive, &key, &bytes).map_err(|e| {
        let path = archive::locate(&app.home.archive, &key);
        ActionError::io(format!("cannot write the copy {}", path.display()), e)
    })?;
    let mut tx = app.store.begin().await?;
    let t = store::Transition {
        from: Status::Queued,
        to: Status::Exported,
        last_error: None,
        sent_at: None,
    };
    if store::transition_message(&mut tx, &row.id, t, now).await? {
        store::record_copy(&mut tx, &row.id, &copy.key, &copy.sha256, now).await?;
        let detail = format!(
            "{} to {} written as an .eml file for your mail client (not sent by bowout), \
             Message-ID {}, copy sha256 {}",
            row.kind,
            recipient(row),
            row.message_id,
            copy.sha256
        );
        store::append_event(&mut tx, &row.invitation_id, now, EventKind::Note, &detail).await?;
    }
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(bytes)
}

/// The archived bytes of an exported message, refused if the copy changed since.
fn archived_bytes(app: &App, row: &MessageRow) -> Result<Vec<u8>> {
    let (Some(recorded), Some(hash)) = (&row.copy_path, &row.sha256) else {
        return Err(ActionError::Refused(format!(
            "the exported message to {} has no archived copy",
            row.to_email
        )));
    };
    let path = archive::locate(&app.home.archive, recorded);
    let bytes = std::fs::read(&path)
        .map_err(|e| ActionError::io(format!("cannot read the copy {}", path.display()), e))?;
    if !archive::sha256_hex(&bytes).eq_ignore_ascii_case(hash) {
        return Err(ActionError::Refused(format!(
            "the archived copy {} changed since it was written; run `bowout verify`",
            path.display()
        )));
    }
    Ok(bytes)
}
