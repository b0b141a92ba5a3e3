//! `sync`: one pass over the new mail of the `[imap]` mailbox and `[imap] folders`, which
//! records the invitations it finds (as `import` does) and the receipts among the replies
//! (as `replies --imap` does), in one report.
//!
//! Each folder keeps its own high-water mark (UIDVALIDITY and highest UID, shared with
//! `replies --imap`); a folder read for the first time is read from the `--since` window
//! only. Whole messages are fetched (the classifier needs them), each bounded in size, and
//! the mark moves only after everything read from the folder was recorded: an interrupted
//! sync reads the same mail again, and imports (by Message-ID) and replies (by their key)
//! are recorded once whatever is read twice.

mod folder;
mod report;
mod window;

pub use report::{FolderReport, SyncReport, SyncedInvitation};

use super::replies::{self, Matcher};
use crate::actions::{ActionError, App, Result};
use crate::mail::imap::Session;
use crate::mail::scan::Analyser;

/// How far back the first sync of a folder reads when `--since` is not given.
pub const DEFAULT_SINCE: &str = "30d";

/// Reads the new mail of every folder to sync and records what it finds.
pub async fn sync(app: &App, since: Option<&str>) -> Result<SyncReport> {
    let window = window::start(app, since.unwrap_or(DEFAULT_SINCE))?;
    let folders = folders(app)?;
    let account = replies::account(app).await?;
    let mut state = folder::State {
        matcher: Matcher::load(app).await?,
        analyser: Analyser::new()
            .map_err(|e| ActionError::Refused(format!("cannot start the classifier: {e}")))?,
        report: SyncReport::new(&account.name),
    };
    let mut session = Session::login(&account.settings, &account.login).await?;
    // Every folder must exist before anything is recorded from any of them.
    for (name, key) in &folders {
        session.open(name, key).await?;
    }
    let since = window.strftime("%-d-%b-%Y").to_string();
    for (name, key) in &folders {
        folder::sync_folder(
            app,
            &mut session,
            &account.name,
            name,
            key,
            (window, &since),
            &mut state,
        )
        .await?;
    }
    session.logout().await;
    Ok(state.report.finish())
}

/// The folders to read, each with the `[imap]` key that named it: `mailbox` (INBOX by
/// default), then every one of `folders` not already named.
fn folders(app: &App) -> Result<Vec<(String, &'static str)>> {
    let c = &app.config.imap;
    let mut out = vec![(
        c.mailbox.clone().unwrap_or_else(|| "INBOX".into()),
        "mailbox",
    )];
    for f in &c.folders {
        let name = f.trim();
        if name.is_empty() || name.chars().any(char::is_control) {
            return Err(ActionError::Setup(format!(
                "[imap] folders names {f:?}, which is not a folder name (empty, or with a \
                 control character) in {}",
                app.home.config_file.display()
            )));
        }
        let same = |(known, _): &(String, &str)| {
            known == name
                || (known.eq_ignore_ascii_case("INBOX") && name.eq_ignore_ascii_case("INBOX"))
        };
        if !out.iter().any(same) {
            out.push((name.to_string(), "folders"));
        }
    }
    Ok(out)
}
