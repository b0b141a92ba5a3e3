//! Re-hashing the archive: every copy must still hold the bytes whose SHA-256 was recorded
//! when it was handed to the server (or exported).

use super::{App, Result};
use crate::mail::archive::{self, Check};
use crate::store;
use serde::Serialize;

/// One copy and what the re-hash found: `intact`, `changed`, `missing` or `unreadable`.
#[derive(Debug, Clone, Serialize)]
pub struct CopyCheck {
    pub invitation: String,
    pub message: String,
    pub message_id: String,
    pub to: String,
    pub status: crate::mail::outbox::Status,
    pub copy: Option<String>,
    pub sha256: Option<String>,
    pub result: &'static str,
    /// The hash found now, when it differs.
    pub actual: Option<String>,
    pub detail: Option<String>,
}

impl CopyCheck {
    pub fn is_intact(&self) -> bool {
        self.result == "intact"
    }
}

/// Checks every archived copy, or those of one invitation.
pub async fn verify(app: &App, given_id: Option<&str>) -> Result<Vec<CopyCheck>> {
    let mut conn = app.store.conn().await?;
    let id = match given_id {
        Some(g) => Some(store::resolve_invitation_id(&mut conn, g).await?),
        None => None,
    };
    let rows = store::archived_messages(&mut conn, id.as_deref()).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let check = match (&r.copy_path, &r.sha256) {
                (Some(recorded), Some(hash)) => {
                    archive::check(&archive::locate(&app.home.archive, recorded), hash)
                }
                _ => Check::Missing,
            };
            let (result, actual, detail) = match check {
                Check::Intact => ("intact", None, None),
                Check::Changed { actual } => ("changed", Some(actual), None),
                Check::Missing => ("missing", None, None),
                Check::Unreadable(why) => ("unreadable", None, Some(why)),
            };
            CopyCheck {
                invitation: r.invitation_id,
                message: r.id,
                message_id: r.message_id,
                to: r.to_email,
                status: r.status,
                copy: archive::display_path(&app.home.archive, r.copy_path.as_deref()),
                sha256: r.sha256,
                result,
                actual,
                detail,
            }
        })
        .collect())
}
