//! When a command fails because of the machine rather than the command: a full disk or a
//! damaged database. The one line the user reads then says which disk or file, what was not
//! done, and what to do.

use super::Command;
use crate::config::Home;
use crate::fsutil::{self, DiskFull};
use crate::store::{StoreError, health};
use std::path::Path;

/// What a command leaves undone when the disk fills up under it. Each command writes its
/// changes in transactions and its files whole, so this is all that can be lost.
pub fn undone(command: &Command) -> &'static str {
    match command {
        Command::Add(_) => "the invitation was not recorded",
        Command::Decline(_) => "the decline was not recorded and no draft was written",
        Command::Accept(_) => "the acceptance was not recorded and no draft was written",
        Command::Send(_) => {
            "the messages not yet sent were not sent and stay queued; none is marked sent or \
             exported without its archived copy and hash"
        }
        Command::Letter(_) => "the letter was not recorded, and no part of a PDF was left",
        Command::Export(_) => "the export was not written, and no part of it was left",
        Command::Restore(_) => "nothing was restored",
        Command::Import(_) => {
            "the invitations recorded before the disk filled up are kept, the others were not \
             recorded"
        }
        Command::Replies(_) | Command::Sync(_) => {
            "the mail recorded before the disk filled up is kept, the rest was not recorded"
        }
        Command::Calendar(_) => "the calendar file was not written",
        _ => "nothing was changed",
    }
}

/// The error as the user should read it: a full disk named with what was not done, a
/// damaged database named with what to do; anything else as it is.
pub fn explain(err: anyhow::Error, home: &Home, own_database: bool, undone: &str) -> anyhow::Error {
    let again = "free some space, then run the command again";
    let named = err.chain().find_map(|c| {
        c.downcast_ref::<DiskFull>().or_else(|| {
            c.downcast_ref::<std::io::Error>()
                .and_then(|io| io.get_ref())
                .and_then(|inner| inner.downcast_ref::<DiskFull>())
        })
    });
    if let Some(full) = named {
        let line = format!("{full}: {undone}; {again}");
        return err.context(line);
    }
    if disk_full(&err, own_database.then_some(home.database.as_path())) {
        let full = DiskFull::of(
            &home.database,
            std::io::Error::from(std::io::ErrorKind::StorageFull),
        );
        return err.context(format!("{full}: {undone}; {again}"));
    }
    let named = err
        .chain()
        .any(|c| matches!(c.downcast_ref(), Some(StoreError::Damaged { .. })));
    let damaged_db = err.chain().any(|c| {
        c.downcast_ref::<sqlx::Error>()
            .is_some_and(health::is_damage)
    });
    if damaged_db && !named && own_database {
        return err.context(format!(
            "the database {} is damaged; bowout will not write to it (run `bowout doctor` to see \
             what is damaged and how to restore it from an export)",
            home.database.display()
        ));
    }
    err
}

/// True when the error comes from a full disk: an I/O error saying so, SQLite's
/// `SQLITE_FULL`, or SQLite failing to write its files while `database`'s disk has (almost)
/// no space left.
fn disk_full(err: &anyhow::Error, database: Option<&Path>) -> bool {
    err.chain().any(|cause| {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return fsutil::is_disk_full(io);
        }
        let Some(db) = cause.downcast_ref::<sqlx::Error>() else {
            return false;
        };
        health::is_full(db)
            || (health::is_io(db)
                && database
                    .and_then(fsutil::disk_of)
                    .is_some_and(|d| d.available < ALMOST_FULL))
    })
}

/// Less than this left on the database's disk, a failed write of SQLite's is the disk's doing.
const ALMOST_FULL: u64 = 1 << 20;
