//! The archive's files in an export and back: a backup that left out the copies of sent
//! messages would restore a store whose `verify` finds every copy missing.
//!
//! Restoring writes files whose names come from the export file, which may have been
//! edited or forged: every name must be a plain relative path, and nothing already in the
//! archive is overwritten with other bytes.

use crate::actions::{ActionError, Result};
use crate::store::export::ArchivedFile;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

/// Longest archive path accepted from an export file.
const MAX_PATH_LEN: usize = 1024;

/// Every regular file under `archive` (none when it does not exist yet), by path. Symbolic
/// links and hidden files (the send lock, temporary files of interrupted writes) are left
/// out: no copy's or letter's name starts with a dot.
pub fn collect(archive: &Path) -> Result<Vec<ArchivedFile>> {
    let mut files = Vec::new();
    if archive.exists() {
        walk(archive, archive, &mut files)?;
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn walk(root: &Path, dir: &Path, files: &mut Vec<ArchivedFile>) -> Result<()> {
    let read_error = |e| ActionError::io(format!("cannot read the archive {}", dir.display()), e);
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let entry = entry.map_err(read_error)?;
        let path = entry.path();
        let kind = entry.file_type().map_err(read_error)?;
        if kind.is_dir() {
            walk(root, &path, files)?;
            continue;
        }
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !kind.is_file() || hidden {
            continue;
        }
        let Some(key) = key_of(root, &path) else {
            return Err(ActionError::Refused(format!(
                "the archive file {} has a name that is not UTF-8; rename it before exporting",
                path.display()
            )));
        };
        let bytes = std::fs::read(&path)
            .map_err(|e| ActionError::io(format!("cannot read {}", path.display()), e))?;
        files.push(ArchivedFile {
            path: key,
            base64: STANDARD.encode(bytes),
        });
    }
    Ok(())
}

/// `path` relative to `root`, `/`-separated; `None` when a part is not UTF-8.
fn key_of(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    Some(parts?.join("/"))
}

/// A file of an export, checked and decoded, ready to be written.
pub struct Incoming {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    /// Contents already there that the file may replace (the example `config.toml` a new
    /// home starts with); any other contents stop the restore.
    pub replaceable: Option<&'static [u8]>,
}

/// Checks every file of an export before anything is written: a plain relative path, named
/// once, valid base64.
pub fn check(archive: &Path, files: &[ArchivedFile]) -> Result<Vec<Incoming>> {
    let mut seen = BTreeSet::new();
    files
        .iter()
        .map(|f| {
            if !is_plain_relative(&f.path) {
                return Err(ActionError::Refused(format!(
                    "the export names an archive file {:?}, which is not a plain relative path",
                    f.path
                )));
            }
            if !seen.insert(f.path.as_str()) {
                return Err(ActionError::Refused(format!(
                    "the export names the archive file {:?} twice",
                    f.path
                )));
            }
            let bytes = STANDARD.decode(&f.base64).map_err(|e| {
                ActionError::Refused(format!(
                    "the archive file {:?} in the export is not valid base64: {e}",
                    f.path
                ))
            })?;
            Ok(Incoming {
                path: archive.join(&f.path),
                bytes,
                replaceable: None,
            })
        })
        .collect()
}

/// Only ordinary names: no root, no `..`, no `.`, no empty part, no backslash, no NUL.
fn is_plain_relative(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= MAX_PATH_LEN
        && !key.contains(['\\', '\0'])
        && key.split('/').all(is_plain_name)
}

/// One ordinary file or directory name (not `.`, `..` or empty).
pub fn is_plain_name(part: &str) -> bool {
    let mut components = Path::new(part).components();
    matches!(
        (components.next(), components.next()),
        (Some(Component::Normal(name)), None) if name == part
    )
}

/// Writes the files, each atomically. A file already there with the same bytes is left as
/// it is; one with other bytes stops the restore. On any error the files written so far
/// are removed again, so a failed restore leaves the archive as it found it.
pub fn write_all(files: &[Incoming]) -> Result<Written> {
    let mut written = Written(Vec::new());
    for f in files {
        if let Err(e) = write_one(f, &mut written) {
            written.undo();
            return Err(e);
        }
    }
    Ok(written)
}

/// Writes one file unless the same bytes are already there, noting it in `written`.
fn write_one(f: &Incoming, written: &mut Written) -> Result<()> {
    let previous = match std::fs::read(&f.path) {
        Ok(existing) if existing == f.bytes => return Ok(()),
        Ok(existing) if f.replaceable == Some(existing.as_slice()) => Some(existing),
        Ok(_) => {
            return Err(ActionError::Refused(format!(
                "{} already exists with other contents; restore into a new --home",
                f.path.display()
            )));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(ActionError::io(
                format!("cannot check {}", f.path.display()),
                e,
            ));
        }
    };
    crate::fsutil::write_atomic(&f.path, &f.bytes)
        .map_err(|e| ActionError::io(format!("cannot write {}", f.path.display()), e))?;
    written.0.push((f.path.clone(), previous));
    crate::testhook::pause("restore:file");
    Ok(())
}

/// The files a restore wrote, with what each replaced, to take back if the database
/// refuses the rest.
#[must_use = "call undo() if the restore fails after the files were written"]
pub struct Written(Vec<(PathBuf, Option<Vec<u8>>)>);

impl Written {
    /// Removes the files again, or puts back what they replaced (best effort: a file that
    /// cannot be removed is left).
    pub fn undo(&mut self) {
        for (path, previous) in self.0.drain(..) {
            let _ = match previous {
                Some(bytes) => crate::fsutil::write_atomic(&path, &bytes),
                None => std::fs::remove_file(path),
            };
        }
    }

    /// How many of the files written are `path` or under it.
    pub fn count_under(&self, path: &Path) -> usize {
        self.0.iter().filter(|(p, _)| p.starts_with(path)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, bytes: &[u8]) -> ArchivedFile {
        ArchivedFile {
            path: path.into(),
            base64: STANDARD.encode(bytes),
        }
    }

    #[test]
    fn only_plain_relative_paths_pass() {
        for good in ["a/b.eml", "inv1/m@x.example.eml", "x"] {
            assert!(is_plain_relative(good), "{good}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a/./b",
            "a//b",
            "a/",
            ".",
            "a\\b",
            "a\0b",
        ] {
            assert!(!is_plain_relative(bad), "{bad:?}");
        }
        assert!(!is_plain_relative(&"a/".repeat(600)));
    }

    #[test]
    fn collect_then_write_round_trips_and_skips_hidden_files() {
        let from = tempfile::tempdir().expect("tempdir");
        crate::fsutil::write_atomic(&from.path().join("inv1/m.eml"), b"message").expect("w");
        crate::fsutil::write_atomic(&from.path().join("inv1/letter.pdf"), b"%PDF").expect("w");
        std::fs::write(from.path().join("inv1/.bowout-abc.tmp"), b"half").expect("w");
        std::fs::write(from.path().join(".send.lock"), b"").expect("w");
        let files = collect(from.path()).expect("collect");
        let names: Vec<_> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(names, ["inv1/letter.pdf", "inv1/m.eml"]);

        let to = tempfile::tempdir().expect("tempdir");
        let incoming = check(to.path(), &files).expect("check");
        assert_eq!(
            write_all(&incoming).expect("write").count_under(to.path()),
            2
        );
        assert_eq!(collect(to.path()).expect("collect"), files);
        // Again: the same bytes are already there, nothing to write.
        assert_eq!(
            write_all(&incoming).expect("write").count_under(to.path()),
            0
        );
    }

    #[test]
    fn a_conflict_takes_back_what_was_written() {
        let to = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(to.path().join("b")).expect("dir");
        std::fs::write(to.path().join("b/2.eml"), b"other").expect("w");
        let files = [file("a/1.eml", b"one"), file("b/2.eml", b"two")];
        let incoming = check(to.path(), &files).expect("check");
        let err = write_all(&incoming).err().expect("refused");
        assert!(err.to_string().contains("other contents"), "{err}");
        assert!(!to.path().join("a/1.eml").exists(), "taken back");
        assert_eq!(
            std::fs::read(to.path().join("b/2.eml")).expect("r"),
            b"other"
        );
    }

    #[test]
    fn forged_names_and_bad_base64_are_refused_before_writing() {
        let to = tempfile::tempdir().expect("tempdir");
        let escape = [file("../outside.eml", b"x")];
        assert!(check(to.path(), &escape).is_err());
        let twice = [file("a.eml", b"x"), file("a.eml", b"y")];
        assert!(check(to.path(), &twice).is_err());
        let garbage = [ArchivedFile {
            path: "a.eml".into(),
            base64: "@@@".into(),
        }];
        assert!(check(to.path(), &garbage).is_err());
    }
}
