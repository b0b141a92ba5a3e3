//! File writes that never leave half a file behind, and survive a power loss once they return.
//!
//! Every file bowout writes (archived copies, letters, exports, `.eml` drafts, the calendar,
//! the first `config.toml`) goes through [`write_atomic`] or [`write_new`]: the bytes go to a
//! temporary file beside the target, which is synced, renamed over the target, and then the
//! directory itself is synced, so that the new name is on disk too. Directories the write
//! creates are synced into their parents the same way. A crash or a power loss at any point
//! leaves the old file or the new one, never a mix, and once the function returns the new
//! one stays.
//!
//! It also says what a write error means for the user: [`is_disk_full`] and [`disk_of`], to
//! name the disk that filled up.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames it over `path`
/// and syncs the directory. A crash or error at any point leaves either the old file or the
/// new one, never a mix; a failed write leaves no temporary file behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = parent_of(path);
    let written = create_dir_durable(dir)
        .and_then(|()| synced_temp(dir, bytes))
        .and_then(|tmp| tmp.persist(path).map_err(|e| e.error))
        .and_then(|_| sync_dir(dir));
    written.map_err(|e| name_the_disk(e, path))
}

/// Like [`write_atomic`], but never replaces a file: when `path` exists (even one created
/// meanwhile) it is left untouched and the error is `AlreadyExists`.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = parent_of(path);
    let written = create_dir_durable(dir)
        .and_then(|()| synced_temp(dir, bytes))
        .and_then(|tmp| tmp.persist_noclobber(path).map_err(|e| e.error))
        .and_then(|_| sync_dir(dir));
    written.map_err(|e| name_the_disk(e, path))
}

/// Bytes written whole to a temporary file in a directory and synced, not yet under their
/// name: for a write that must happen only once something else is recorded. Dropped
/// unplaced, the temporary file is removed.
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    dir: PathBuf,
}

/// Stages `bytes` in `dir` (created if needed); a full disk fails here, before anything is
/// recorded.
pub fn stage(dir: &Path, bytes: &[u8]) -> std::io::Result<Staged> {
    create_dir_durable(dir)
        .and_then(|()| synced_temp(dir, bytes))
        .map(|tmp| Staged {
            tmp,
            dir: dir.to_path_buf(),
        })
        .map_err(|e| name_the_disk(e, dir))
}

impl Staged {
    /// Puts the bytes under `path` (in the staging directory) unless a file has that name:
    /// then the error is `AlreadyExists` and the staged bytes come back for another name.
    pub fn place_new(self, path: &Path) -> Result<(), (Option<Staged>, std::io::Error)> {
        let dir = self.dir;
        match self.tmp.persist_noclobber(path) {
            Ok(_) => sync_dir(&dir).map_err(|e| (None, e)),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                Err((Some(Staged { tmp: e.file, dir }), e.error))
            }
            Err(e) => Err((None, e.error)),
        }
    }
}

/// A disk-full error, with the disk named ([`DiskFull`]); any other error as it is. Called
/// once the temporary file is gone, so the space reported is what is left.
fn name_the_disk(e: std::io::Error, path: &Path) -> std::io::Error {
    if !is_disk_full(&e) || e.get_ref().is_some_and(|inner| inner.is::<DiskFull>()) {
        return e;
    }
    std::io::Error::new(e.kind(), DiskFull::of(path, plain(e)))
}

/// The system's own words for a disk-full error (`No space left on device`), without the
/// name of a temporary file that is gone by now.
fn plain(e: std::io::Error) -> std::io::Error {
    if e.raw_os_error().is_some() {
        return e;
    }
    #[cfg(unix)]
    match e.kind() {
        std::io::ErrorKind::StorageFull => return rustix::io::Errno::NOSPC.into(),
        std::io::ErrorKind::QuotaExceeded => return rustix::io::Errno::DQUOT.into(),
        _ => {}
    }
    e
}

/// Creates `dir` and its missing parents, syncing each new directory into its parent so the
/// directory survives a power loss along with what is written into it.
pub fn create_dir_durable(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let parent = parent_of(dir);
    if parent != dir {
        create_dir_durable(parent)?;
    }
    match std::fs::create_dir(dir) {
        Ok(()) => sync_dir(parent),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(e),
    }
}

/// The directory a file lives in (`.` for a bare name).
fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A temporary file in `dir` holding `bytes`, synced to disk; removed when dropped unless
/// persisted.
fn synced_temp(dir: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Syncs a directory, so that a rename or a new entry in it is on disk. (On systems where a
/// directory cannot be opened for syncing, the rename is as durable as the system makes it.)
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// How the temporary files of a write start and end: one left by a power loss is named so,
/// and nothing else bowout writes is (`bowout doctor` lists them).
pub const TEMP_PREFIX: &str = ".bowout-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// True for an error that means the disk (or the user's quota) is full: `ENOSPC` or `EDQUOT`.
pub fn is_disk_full(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    )
}

/// A write that found no space left, with the disk it was on.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.describe())]
pub struct DiskFull {
    /// What was being written (or the file whose disk filled up).
    pub path: PathBuf,
    /// The disk, when it could be found out.
    pub disk: Option<Disk>,
    #[source]
    pub source: std::io::Error,
}

impl DiskFull {
    /// The disk that `path` is on, which `source` found full.
    pub fn of(path: &Path, source: std::io::Error) -> Self {
        Self {
            path: path.to_path_buf(),
            disk: disk_of(path),
            source,
        }
    }

    fn describe(&self) -> String {
        let what = match self.source.kind() {
            std::io::ErrorKind::QuotaExceeded => "your disk quota is used up",
            _ => "the disk is full",
        };
        match &self.disk {
            Some(d) => format!(
                "{what}: no space left on the disk holding {} (the file system mounted at {}, \
                 {}{} free)",
                self.path.display(),
                d.mount.display(),
                if d.available > 0 { "only " } else { "" },
                size(d.available)
            ),
            None => format!(
                "{what}: no space left on the disk holding {}",
                self.path.display()
            ),
        }
    }
}

/// A size for people: `0 bytes`, `12 kB`, `3.4 MB`.
pub fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{} kB", bytes / 1_000),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// The file system a path is on: where it is mounted and the space left for bowout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disk {
    /// The mount point: the highest directory above the path on the same device.
    pub mount: PathBuf,
    /// Bytes an unprivileged write may still use.
    pub available: u64,
}

/// The disk holding `path` (or, when it does not exist yet, its nearest existing parent);
/// `None` when that cannot be found out.
pub fn disk_of(path: &Path) -> Option<Disk> {
    let path = std::path::absolute(path).ok()?;
    let existing = path.ancestors().find(|p| p.exists())?.to_path_buf();
    Some(Disk {
        mount: mount_point(&existing),
        available: available(&existing)?,
    })
}

#[cfg(unix)]
fn mount_point(path: &Path) -> PathBuf {
    use std::os::unix::fs::MetadataExt;
    let Ok(dev) = std::fs::metadata(path).map(|m| m.dev()) else {
        return path.to_path_buf();
    };
    let mut mount = path.to_path_buf();
    for up in path.ancestors().skip(1) {
        match std::fs::metadata(up) {
            Ok(m) if m.dev() == dev => mount = up.to_path_buf(),
            _ => break,
        }
    }
    mount
}

#[cfg(not(unix))]
fn mount_point(path: &Path) -> PathBuf {
    path.ancestors().last().unwrap_or(path).to_path_buf()
}

#[cfg(unix)]
fn available(path: &Path) -> Option<u64> {
    let s = rustix::fs::statvfs(path).ok()?;
    Some(s.f_bavail.saturating_mul(s.f_frsize))
}

#[cfg(not(unix))]
fn available(_path: &Path) -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"first").expect("write");
        write_atomic(&path, b"second").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn write_new_never_replaces() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.txt");
        write_new(&path, b"first").expect("write");
        let err = write_new(&path, b"second").expect_err("exists");
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).expect("read"), b"first");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    }

    #[test]
    fn creates_missing_directories() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a/b/c/out.txt");
        write_atomic(&path, b"x").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"x");
        create_dir_durable(&dir.path().join("a/b")).expect("exists already");
    }

    #[test]
    fn unwritable_directory_is_an_error() {
        let r = write_atomic(Path::new("/proc/bowout/x"), b"x");
        assert!(r.is_err());
    }

    #[test]
    fn disk_full_errors_are_told_apart() {
        assert!(is_disk_full(&std::io::Error::from_raw_os_error(28)));
        assert!(is_disk_full(&std::io::Error::from(
            std::io::ErrorKind::StorageFull
        )));
        assert!(!is_disk_full(&std::io::Error::from(
            std::io::ErrorKind::PermissionDenied
        )));
    }

    #[test]
    fn a_full_disk_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("x.json");
        let e = name_the_disk(std::io::Error::from_raw_os_error(28), &path);
        assert_eq!(e.kind(), std::io::ErrorKind::StorageFull);
        let text = e.to_string();
        assert!(
            text.starts_with("the disk is full: no space left on the disk holding"),
            "{text}"
        );
        assert!(text.contains("mounted at"), "{text}");
        let other = name_the_disk(std::io::Error::from_raw_os_error(13), &path);
        assert!(!other.to_string().contains("disk"), "{other}");
        assert_eq!(size(0), "0 bytes");
        assert_eq!(size(12_345), "12 kB");
        assert_eq!(size(3_400_000), "3.4 MB");
    }

    #[test]
    fn the_disk_of_a_path_not_yet_written_is_its_parents() {
        let dir = tempfile::tempdir().expect("tempdir");
        let disk = disk_of(&dir.path().join("not/yet/here.json")).expect("disk");
        assert!(dir.path().starts_with(&disk.mount), "{disk:?}");
    }
}
