//! One `send` at a time per home: an OS file lock, released by the kernel when the process
//! ends, however it ends. Holding it is what lets a run treat any message still `sending` as
//! left behind by a run that died.

use crate::actions::{ActionError, App, Result};
use std::fs::{File, TryLockError};

pub(super) struct OutboxLock {
    _file: File,
}

pub(super) fn acquire(app: &App) -> Result<OutboxLock> {
    let dir = &app.home.archive;
    std::fs::create_dir_all(dir)
        .map_err(|e| ActionError::io(format!("cannot create {}", dir.display()), e))?;
    let path = dir.join(".send.lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| ActionError::io(format!("cannot open {}", path.display()), e))?;
    match file.try_lock() {
        Ok(()) => Ok(OutboxLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(ActionError::Refused(
            "another `bowout send` is running on this home; wait for it to finish".into(),
        )),
        Err(TryLockError::Error(e)) => Err(ActionError::io(
            format!("cannot lock {}", path.display()),
            e,
        )),
    }
}
