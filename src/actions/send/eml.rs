//! `--eml-dir`: the messages as `.eml` files for the user's own mail client.
//!
//! bowout cannot see that client, so an exported message is neither `sent` nor free to be
//! sent again: it becomes `exported`, keeps its `Message-ID` and archived copy, and waits for
//! `--confirm-sent` (the user sent it) or `--resend` (bowout should send it after all).
//! Exporting again rewrites the same archived bytes; it never makes a second message.
//!
//! Each file opens as an editable draft in the mail client: it starts with `X-Unsent: 1`
//! (the archived copy does not, since a message bowout sends itself must not carry it), and
//! its name says what it is, from the subject and the recipient, in safe characters only
//! and unique in the folder.

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
        let target = write_draft(dir, &draft_name(&row.subject, &row.to_email), &bytes)?;
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

/// Marks a message as a draft for mail clients (Outlook and others open it for editing).
const UNSENT: &[u8] = b"X-Unsent: 1\r\n";

/// Longest file name stem, well under every file system's limit.
const MAX_STEM: usize = 120;

/// `Interview-invitation-for-Data-Analyst-4471_to_ann-globex.example`: the subject and the
/// recipient in letters, digits, `.`, `_` and `-` only (every other run of characters one
/// `-`), so that no name can leave the folder, hide or clash with a device name.
fn draft_name(subject: &str, to: &str) -> String {
    fn safe(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
                out.push(c);
            } else if !out.ends_with('-') {
                out.push('-');
            }
        }
        out.trim_matches(['-', '.', '_']).to_string()
    }
    let subject = safe(subject);
    let to = safe(to);
    let mut stem = match (subject.is_empty(), to.is_empty()) {
        (true, true) => "message".to_string(),
        (true, false) => to,
        (false, true) => subject,
        (false, false) => format!("{subject}_to_{to}"),
    };
    stem.truncate(MAX_STEM);
    stem
}

/// Writes `X-Unsent: 1` and `bytes` as `<stem>.eml` in `dir`, or as `<stem>-2.eml`… when a
/// file with other contents has that name; the file of an earlier export of the same
/// message is written again in place. Returns the path.
fn write_draft(dir: &Path, stem: &str, bytes: &[u8]) -> Result<std::path::PathBuf> {
    let mut draft = UNSENT.to_vec();
    draft.extend_from_slice(bytes);
    for n in 1..=1000u32 {
        let name = match n {
            1 => format!("{stem}.eml"),
            n => format!("{stem}-{n}.eml"),
        };
        let target = dir.join(name);
        let cannot = |e| ActionError::io(format!("cannot write {}", target.display()), e);
        // Only a file of the same length can be this message's; others are not read.
        if std::fs::metadata(&target).is_ok_and(|m| m.len() != draft.len() as u64) {
            continue;
        }
        match std::fs::read(&target) {
            Ok(existing) if existing == draft => {
                crate::fsutil::write_atomic(&target, &draft).map_err(cannot)?;
                return Ok(target);
            }
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(cannot(e)),
        }
        match crate::fsutil::write_new(&target, &draft) {
            Ok(()) => return Ok(target),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(cannot(e)),
        }
    }
    Err(ActionError::Refused(format!(
        "{} already holds 1000 files named {stem}…; choose another --eml-dir",
        dir.display()
    )))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_and_say_what_the_file_is() {
        assert_eq!(
            draft_name(
                "Interview invitation for Data Analyst 4471",
                "ann@globex.example"
            ),
            "Interview-invitation-for-Data-Analyst-4471_to_ann-globex.example"
        );
        assert_eq!(draft_name("../../etc/passwd", "x@y"), "etc-passwd_to_x-y");
        assert_eq!(
            draft_name("Re: Bewerbung für Köln", ""),
            "Re-Bewerbung-f-r-K-ln"
        );
        assert_eq!(draft_name("…", "…"), "message");
        assert!(draft_name(&"a".repeat(500), "b@c").len() <= MAX_STEM);
    }

    #[test]
    fn a_name_taken_by_another_file_gets_a_number() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = write_draft(dir.path(), "s_to_a", b"one").expect("write");
        let other = write_draft(dir.path(), "s_to_a", b"two").expect("write");
        let again = write_draft(dir.path(), "s_to_a", b"one").expect("write");
        assert_eq!(first, again, "the same message keeps its file");
        assert!(other.ends_with("s_to_a-2.eml"), "{}", other.display());
        assert_eq!(std::fs::read(&first).expect("read"), b"X-Unsent: 1\r\none");
    }
}
