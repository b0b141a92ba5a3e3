//! The database's part of `doctor`: is the file whole, can it be opened, how does it commit.
//! Nothing here writes to a file that is not whole.

use super::report::{DatabaseHealth, Finding};
use crate::config::Home;
use crate::store::health::{self, FileState};
use crate::store::{Store, StoreError};

/// The database opened, if it is whole, and what was found.
pub(super) struct Checked {
    pub store: Option<Store>,
    pub health: DatabaseHealth,
    pub problem: Option<Finding>,
}

/// Checks the home's SQLite file, or the database at `url`.
pub(super) async fn check(home: &Home, url: Option<&str>) -> Checked {
    match url {
        Some(url) => postgres(url).await,
        None => sqlite(home).await,
    }
}

async fn postgres(url: &str) -> Checked {
    let mut health = DatabaseHealth {
        kind: if url.starts_with("sqlite:") {
            "sqlite"
        } else {
            "postgres"
        },
        path: None,
        state: "whole",
        bytes: None,
        detail: None,
        journal_mode: None,
        synchronous: None,
    };
    match Store::open_url(url).await {
        Ok(store) => {
            durability(&store, &mut health).await;
            Checked {
                store: Some(store),
                health,
                problem: None,
            }
        }
        Err(e) => {
            health.state = "unreachable";
            health.detail = Some(e.to_string());
            Checked {
                store: None,
                health,
                problem: None,
            }
        }
    }
}

async fn sqlite(home: &Home) -> Checked {
    let path = &home.database;
    let mut health = DatabaseHealth {
        kind: "sqlite",
        path: Some(path.display().to_string()),
        state: "whole",
        bytes: None,
        detail: None,
        journal_mode: None,
        synchronous: None,
    };
    let records_kept = crate::mail::archive::holds_files(&home.archive);
    let damaged = |health: &mut DatabaseHealth, why: String| {
        health.state = "damaged";
        health.detail = Some(why.clone());
        Finding {
            kind: "database-damaged",
            path: Some(path.display().to_string()),
            invitation: None,
            message_id: None,
            detail: why,
            fix: format!(
                "leave {} as it is (what changed since your last export is only in it) and \
                 restore your last export into a new home, as below",
                path.display()
            ),
        }
    };
    let state = match health::check_file(path) {
        Ok(state) => state,
        Err(StoreError::Damaged { why, .. }) => {
            let problem = damaged(&mut health, why);
            return unopened(health, Some(problem));
        }
        Err(e) => {
            health.state = "unreachable";
            health.detail = Some(e.to_string());
            return unopened(health, None);
        }
    };
    match state {
        FileState::Missing | FileState::Empty if records_kept => {
            health.state = "damaged";
            let why = match state {
                FileState::Empty => "it is empty (0 bytes)",
                _ => "it is missing",
            };
            health.detail = Some(why.to_string());
            let problem = Finding {
                kind: "database-lost",
                path: Some(path.display().to_string()),
                invitation: None,
                message_id: None,
                detail: format!(
                    "{why}, though the archive holds copies: the records of what was sent are \
                     lost"
                ),
                fix: "restore your last export into a new home, as below".into(),
            };
            return unopened(health, Some(problem));
        }
        FileState::Missing | FileState::Empty => {
            health.state = "missing";
            health.detail = Some("nothing recorded yet: the first command creates it".into());
            return unopened(health, None);
        }
        FileState::Whole { bytes, .. } => health.bytes = Some(bytes),
    }
    match Store::open_sqlite(path, false).await {
        Ok(store) => {
            durability(&store, &mut health).await;
            Checked {
                store: Some(store),
                health,
                problem: None,
            }
        }
        Err(StoreError::Damaged { why, .. }) => {
            let problem = damaged(&mut health, why);
            unopened(health, Some(problem))
        }
        Err(e) => {
            health.state = "unreachable";
            health.detail = Some(e.to_string());
            unopened(health, full_disk(path))
        }
    }
}

/// A database that cannot be opened on a disk with (almost) no space left: SQLite needs a
/// little room for its log even to read.
fn full_disk(path: &std::path::Path) -> Option<Finding> {
    let disk = crate::fsutil::disk_of(path).filter(|d| d.available < 1 << 20)?;
    Some(Finding {
        kind: "disk-full",
        path: Some(path.display().to_string()),
        invitation: None,
        message_id: None,
        detail: format!(
            "the disk holding it is full (the file system mounted at {}, {} free): the \
             database cannot be opened, though nothing shows it is damaged",
            disk.mount.display(),
            crate::fsutil::size(disk.available)
        ),
        fix: format!(
            "free some space on the file system mounted at {}, then run `bowout doctor` again",
            disk.mount.display()
        ),
    })
}

fn unopened(health: DatabaseHealth, problem: Option<Finding>) -> Checked {
    Checked {
        store: None,
        health,
        problem,
    }
}

/// Fills in how the database commits, as every command opens it.
async fn durability(store: &Store, health: &mut DatabaseHealth) {
    let Ok(mut conn) = store.conn().await else {
        return;
    };
    if let Ok(Some((mode, sync))) = health::durability(&mut conn).await {
        health.journal_mode = Some(mode);
        health.synchronous = Some(sync);
    }
}
