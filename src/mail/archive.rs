//! bowout's own copy of every message it hands to a server: the exact bytes, written
//! atomically as `<archive>/<invitation id>/<message id>.eml`, with their SHA-256.
//!
//! The database records a copy by its *key*, the path relative to the archive directory,
//! so that a store restored into another home, or onto another machine, still finds its
//! copies (stores from before keys hold absolute paths, which [`locate`] accepts as they are).
//!
//! The copy is written *before* the bytes go out, so a crash can never leave a delivered
//! message without its copy. Mail providers' Sent folders are not a reliable record; this is.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A copy on disk: its key, where it lives, and the hash of its bytes (lowercase hex).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    pub key: String,
    pub path: PathBuf,
    pub sha256: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A file name made from a `Message-ID`: its angle brackets dropped and anything but
/// letters, digits and `.-_+@=` replaced, so no id can climb out of its directory.
pub fn file_name(message_id: &str) -> String {
    let inner = message_id
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>');
    let mut name: String = inner
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_+@=".contains(c) || c == '.' {
                c
            } else {
                '_'
            }
        })
        .take(200)
        .collect();
    if name.is_empty() || name.starts_with('.') {
        name.insert(0, '_');
    }
    name.push_str(".eml");
    name
}

/// The key of the copy of `message_id` for this invitation: `<invitation>/<message>.eml`.
pub fn copy_key(invitation_id: &str, message_id: &str) -> String {
    format!(
        "{}/{}",
        file_name(invitation_id).trim_end_matches(".eml"),
        file_name(message_id)
    )
}

/// Where a recorded copy lives: its key under the archive directory (an absolute path,
/// recorded by older versions, is taken as it is).
pub fn locate(archive: &Path, recorded: &str) -> PathBuf {
    archive.join(recorded)
}

/// A recorded copy's full path as the user sees it, in `show`, `send` and `verify`.
pub fn display_path(archive: &Path, recorded: Option<&str>) -> Option<String> {
    recorded.map(|r| locate(archive, r).to_string_lossy().into_owned())
}

/// Writes `bytes` atomically as the copy with this key and returns it with its hash.
pub fn store(archive: &Path, key: &str, bytes: &[u8]) -> std::io::Result<Copy> {
    let path = locate(archive, key);
    crate::fsutil::write_atomic(&path, bytes)?;
    Ok(Copy {
        key: key.to_string(),
        path,
        sha256: sha256_hex(bytes),
    })
}

/// True when the archive holds any file of bowout's (a copy or a letter; hidden files, the
/// send lock and temporary files, do not count): records were kept beside it.
pub fn holds_files(archive: &Path) -> bool {
    fn walk(dir: &Path) -> bool {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return false;
        };
        entries.flatten().any(|e| {
            let hidden = e.file_name().to_string_lossy().starts_with('.');
            match e.file_type() {
                Ok(t) if t.is_dir() => walk(&e.path()),
                Ok(t) => t.is_file() && !hidden,
                Err(_) => false,
            }
        })
    }
    walk(archive)
}

/// What a re-hash of one copy found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Intact,
    Changed { actual: String },
    Missing,
    Unreadable(String),
}

/// Re-hashes the copy at `path` and compares it with `expected`.
pub fn check(path: &Path, expected: &str) -> Check {
    match std::fs::read(path) {
        Ok(bytes) => {
            let actual = sha256_hex(&bytes);
            if actual.eq_ignore_ascii_case(expected) {
                Check::Intact
            } else {
                Check::Changed { actual }
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Check::Missing,
        Err(e) => Check::Unreadable(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_cannot_escape_or_hide() {
        assert_eq!(file_name("<a.1@x.example>"), "a.1@x.example.eml");
        assert_eq!(file_name("<../../etc/passwd>"), "_.._.._etc_passwd.eml");
        assert_eq!(file_name("<>"), "_.eml");
        assert!(!file_name("<a/b\\c\0d>").contains(['/', '\\', '\0']));
    }

    #[test]
    fn keys_live_under_the_archive_and_absolute_paths_stay_as_recorded() {
        let archive = Path::new("/home/dana/.local/share/bowout/archive");
        assert_eq!(
            locate(archive, "inv1/m.eml"),
            archive.join("inv1").join("m.eml")
        );
        assert_eq!(
            locate(archive, "/old/home/archive/inv1/m.eml"),
            Path::new("/old/home/archive/inv1/m.eml")
        );
    }

    #[test]
    fn known_hash() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn check_reports_intact_changed_missing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let key = copy_key("inv1", "<m@x.example>");
        assert_eq!(key, "inv1/m@x.example.eml");
        let copy = store(dir.path(), &key, b"hello").expect("store");
        let path = copy.path.clone();
        assert_eq!(path, dir.path().join("inv1").join("m@x.example.eml"));
        assert_eq!(check(&path, &copy.sha256), Check::Intact);
        std::fs::write(&path, b"hellO").expect("tamper");
        assert!(matches!(check(&path, &copy.sha256), Check::Changed { .. }));
        std::fs::remove_file(&path).expect("rm");
        assert_eq!(check(&path, &copy.sha256), Check::Missing);
    }
}
