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
use crate::fsutil::Staged;
use crate::mail::outbox::Status;
use crate::mail::{archive, message};
use crate::store::{self, MessageRow};
use crate::testhook;
use bowout_core::model::EventKind;
use std::path::{Path, PathBuf};

pub(super) async fn run(app: &App, plan: &Plan, dir: &Path, outcomes: &mut Outcomes) -> Result<()> {
    crate::fsutil::create_dir_durable(dir)
        .map_err(|e| ActionError::io(format!("cannot create --eml-dir {}", dir.display()), e))?;
    for row in &plan.rows {
        let stem = draft_name(&row.subject, &row.to_email);
        let target = match row.status {
            Status::Queued => export_new(app, plan, row, dir, &stem).await?,
            Status::Exported => write_draft(dir, &stem, &archived_bytes(app, row)?)?,
            _ => continue,
        };
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
/// message is left in place. Returns the path.
fn write_draft(dir: &Path, stem: &str, bytes: &[u8]) -> Result<PathBuf> {
    let draft = draft_bytes(bytes);
    let staged = crate::fsutil::stage(dir, &draft).map_err(|e| cannot_write(dir, e))?;
    place_draft(staged, dir, stem, &draft)
}

/// The draft's bytes: `X-Unsent: 1`, then the message.
fn draft_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut draft = UNSENT.to_vec();
    draft.extend_from_slice(bytes);
    draft
}

fn cannot_write(target: &Path, e: std::io::Error) -> ActionError {
    ActionError::io(format!("cannot write {}", target.display()), e)
}

/// Puts the staged `draft` under the first free name for it (see [`write_draft`]).
fn place_draft(staged: Staged, dir: &Path, stem: &str, draft: &[u8]) -> Result<PathBuf> {
    let mut staged = Some(staged);
    for n in 1..=1000u32 {
        let name = match n {
            1 => format!("{stem}.eml"),
            n => format!("{stem}-{n}.eml"),
        };
        let target = dir.join(name);
        // Only a file of the same length can be this message's; others are not read.
        if std::fs::metadata(&target).is_ok_and(|m| m.len() != draft.len() as u64) {
            continue;
        }
        match std::fs::read(&target) {
            Ok(existing) if existing == draft => return Ok(target),
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(cannot_write(&target, e)),
        }
        let Some(bytes) = staged.take() else {
            break;
        };
        match bytes.place_new(&target) {
            Ok(()) => return Ok(target),
            Err((back, e)) if e.kind() == std::io::ErrorKind::AlreadyExists => staged = back,
            Err((_, e)) => return Err(cannot_write(&target, e)),
        }
    }
    Err(ActionError::Refused(format!(
        "{} already holds 1000 files named {stem}…; choose another --eml-dir",
        dir.display()
    )))
}

/// Builds and archives a queued message, stages its draft in `dir`, records it as
/// `exported`, and only then puts the draft under its name; returns its path. A full disk
/// fails before anything is recorded; a crash after the record leaves the draft unnamed
/// (hidden) and the message exported, so the next run writes it from the archived copy:
/// never a draft on disk that bowout would also send.
async fn export_new(
    app: &App,
    plan: &Plan,
    row: &MessageRow,
    dir: &Path,
    stem: &str,
) -> Result<PathBuf> {
    let now = app.clock.now();
    let me = app.identity()?;
    let bytes = message::build(&plan.outgoing(&me, row, now))
        .map_err(|e| ActionError::Refused(format!("the message to {}: {e}", row.to_email)))?;
    testhook::pause("eml:built");
    let key = archive::copy_key(&row.invitation_id, &row.message_id);
    let copy = archive::store(&app.home.archive, &key, &bytes).map_err(|e| {
        let path = archive::locate(&app.home.archive, &key);
        ActionError::io(
            format!(
                "cannot write the copy {} of the message to {}, so it was not exported (it \
                 stays queued)",
                path.display(),
                row.to_email
            ),
            e,
        )
    })?;
    testhook::pause("eml:copied");
    let draft = draft_bytes(&bytes);
    let staged = crate::fsutil::stage(dir, &draft).map_err(|e| {
        ActionError::io(
            format!(
                "cannot write the .eml file of the message to {} into {}, so it was not \
                 exported (it stays queued)",
                row.to_email,
                dir.display()
            ),
            e,
        )
    })?;
    let mut tx = app.store.begin().await?;
    let t = store::Transition {
        from: Status::Queued,
        to: Status::Exported,
        last_error: None,
        sent_at: None,
    };
    if !store::transition_message(&mut tx, &row.id, t, now).await? {
        return Err(ActionError::Refused(format!(
            "the message to {} is no longer queued; no .eml file was written for it",
            row.to_email
        )));
    }
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
    tx.commit().await.map_err(store::StoreError::from)?;
    testhook::pause("eml:exported");
    place_draft(staged, dir, stem, &draft)
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
        let names = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(names, 2, "nothing staged is left behind");
        assert_eq!(first, again, "the same message keeps its file");
        assert!(other.ends_with("s_to_a-2.eml"), "{}", other.display());
        assert_eq!(std::fs::read(&first).expect("read"), b"X-Unsent: 1\r\none");
    }
}
