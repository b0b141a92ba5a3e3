//! `doctor`: is anything damaged? The database file (whole, opening, committing with
//! `synchronous = FULL` in WAL mode), every archived copy and letter against its recorded
//! hash, files left by interrupted writes, sends cut off; and, when something is damaged,
//! how to restore from an export.
//!
//! It never writes to a damaged database, and never creates one: it runs when every other
//! command refuses to.

mod database;
mod report;

pub use report::DoctorReport;
use report::{ArchiveHealth, Finding};

use crate::config::Home;
use crate::fsutil::{TEMP_PREFIX, TEMP_SUFFIX};
use crate::mail::archive::{self, Check};
use crate::mail::outbox::Status;
use crate::store::{self, Store};
use std::path::Path;

/// Checks the home (and the database at `url`, when given instead of the home's file).
pub async fn doctor(home: &Home, url: Option<&str>) -> DoctorReport {
    let checked = database::check(home, url).await;
    let mut problems: Vec<Finding> = checked.problem.into_iter().collect();
    let mut notes = Vec::new();
    let mut archive = ArchiveHealth {
        path: home.archive.display().to_string(),
        copies: 0,
        copies_intact: 0,
        letters: 0,
        letters_intact: 0,
        checked: false,
    };
    if let Some(store) = &checked.store {
        match copies(home, store, &mut archive, &mut problems, &mut notes).await {
            Ok(()) => archive.checked = true,
            Err(e) => notes.push(Finding {
                kind: "not-checked",
                path: None,
                invitation: None,
                message_id: None,
                detail: format!("the archive could not be checked: {e}"),
                fix: "run `bowout doctor` again".into(),
            }),
        }
        store.close().await;
    }
    leftovers(home, &mut notes);
    let healthy = problems.is_empty();
    let damaged = problems.iter().any(|p| p.kind != "disk-full");
    DoctorReport {
        healthy,
        database: checked.health,
        archive,
        restore: damaged.then(|| restore_steps(home)),
        problems,
        notes,
    }
}

/// Re-hashes every copy that may have reached its recipient and every letter, and notes the
/// sends that were cut off.
async fn copies(
    home: &Home,
    store: &Store,
    health: &mut ArchiveHealth,
    problems: &mut Vec<Finding>,
    notes: &mut Vec<Finding>,
) -> Result<(), store::StoreError> {
    let mut conn = store.conn().await?;
    for m in store::archived_messages(&mut conn, None).await? {
        health.copies += 1;
        let (path, check) = match (&m.copy_path, &m.sha256) {
            (Some(key), Some(hash)) => {
                let path = archive::locate(&home.archive, key);
                let check = archive::check(&path, hash);
                (Some(path), check)
            }
            _ => (None, Check::Missing),
        };
        let who = format!(
            "the {} to {} (Message-ID {})",
            m.kind, m.to_email, m.message_id
        );
        if let Some(mut finding) = damage(&who, path.as_deref(), &check, "copy") {
            finding.invitation = Some(m.invitation_id.clone());
            finding.message_id = Some(m.message_id.clone());
            problems.push(finding);
        } else {
            health.copies_intact += 1;
        }
    }
    for letter in store::list_letters(&mut conn).await? {
        let Some(hash) = &letter.sha256 else {
            continue;
        };
        health.letters += 1;
        let path = home.archive.join(&letter.invitation_id).join("letter.pdf");
        let who = format!("the letter of invitation {}", letter.invitation_id);
        match damage(&who, Some(&path), &archive::check(&path, hash), "letter") {
            Some(mut finding) => {
                finding.invitation = Some(letter.invitation_id.clone());
                problems.push(finding);
            }
            None => health.letters_intact += 1,
        }
    }
    for m in store::messages_in_status(&mut conn, Status::Sending).await? {
        notes.push(Finding {
            kind: "interrupted-send",
            path: None,
            invitation: Some(m.invitation_id.clone()),
            message_id: Some(m.message_id.clone()),
            detail: format!(
                "the {} to {} was being handed to the mail server when bowout stopped",
                m.kind, m.to_email
            ),
            fix: format!(
                "run `bowout send {}`: it becomes unknown and says how to settle it",
                m.invitation_id
            ),
        });
    }
    Ok(())
}

/// The finding for a copy or letter that is not intact, if it is not.
fn damage(who: &str, path: Option<&Path>, check: &Check, what: &'static str) -> Option<Finding> {
    let shown = path.map(|p| p.display().to_string());
    let (kind, detail) = match check {
        Check::Intact => return None,
        Check::Changed { .. } => (
            if what == "copy" {
                "copy-changed"
            } else {
                "letter-changed"
            },
            format!("{who}: its bytes changed since their hash was recorded"),
        ),
        Check::Missing => (
            if what == "copy" {
                "copy-missing"
            } else {
                "letter-missing"
            },
            format!("{who}: its {what} is missing"),
        ),
        Check::Unreadable(why) => (
            if what == "copy" {
                "copy-unreadable"
            } else {
                "letter-unreadable"
            },
            format!("{who}: its {what} cannot be read: {why}"),
        ),
    };
    let fix = match &shown {
        Some(p) => format!(
            "leave {p} as it is; put back the {what} from an export made after it was written: \
             restore that export into a new home, as below, and copy the same file from that \
             home's archive over it"
        ),
        None => format!("restore an export made after the {what} was written, as below"),
    };
    Some(Finding {
        kind,
        path: shown,
        invitation: None,
        message_id: None,
        detail,
        fix,
    })
}

/// Temporary files left by writes that a crash or power loss interrupted: harmless, since
/// the file each was for is whole (old or new), and safe to delete.
fn leftovers(home: &Home, notes: &mut Vec<Finding>) {
    let mut dirs: Vec<&Path> = vec![home.archive.as_path(), home.templates.as_path()];
    dirs.extend(home.config_file.parent());
    dirs.extend(home.database.parent());
    dirs.sort();
    dirs.dedup();
    let mut found = Vec::new();
    for dir in dirs {
        let recurse = dir == home.archive;
        walk(dir, recurse, &mut found);
    }
    found.sort();
    for path in found {
        notes.push(Finding {
            kind: "temporary-file",
            path: Some(path.display().to_string()),
            invitation: None,
            message_id: None,
            detail: "left by a write that was interrupted (a crash or a power loss); the file \
                     it was for is whole"
                .into(),
            fix: format!("delete it: rm '{}'", path.display()),
        });
    }
}

fn walk(dir: &Path, recurse: bool, found: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        match e.file_type() {
            Ok(t) if t.is_dir() && recurse => walk(&e.path(), true, found),
            Ok(t)
                if t.is_file() && name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) =>
            {
                found.push(e.path());
            }
            _ => {}
        }
    }
}

/// How to get the records back from an export (`bowout export --out FILE.json`), step by
/// step, without touching what is damaged.
fn restore_steps(home: &Home) -> Vec<String> {
    let beside = home
        .database
        .parent()
        .map(|p| p.join("restored"))
        .unwrap_or_else(|| "restored".into());
    let new = beside.display();
    vec![
        "Find your last export (a file written by `bowout export --out FILE.json`).".into(),
        format!("Restore it into a new home: bowout --home '{new}' restore FILE.json"),
        format!("Check it: bowout --home '{new}' verify && bowout --home '{new}' list"),
        format!(
            "Use that home from now on (--home '{new}' or BOWOUT_HOME), or copy from its archive \
             the files named above. Keep the damaged files: what changed since the export is \
             only in them."
        ),
    ]
}
