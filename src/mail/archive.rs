//! bowout's own copy of every message it hands to a server: the exact bytes, written
//! atomically as `<archive>/<invitation id>/<message id>.eml`, with their SHA-256.
//!
//! The copy is written *before* the bytes go out, so a crash can never leave a delivered
//! message without its copy. Mail providers' Sent folders are not a reliable record; this is.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A copy on disk and the hash of its bytes (lowercase hex).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
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

/// Where the copy of `message_id` for this invitation lives.
pub fn copy_path(archive: &Path, invitation_id: &str, message_id: &str) -> PathBuf {
    archive
        .join(file_name(invitation_id).trim_end_matches(".eml"))
        .join(file_name(message_id))
}

/// Writes `bytes` to `path` atomically and returns the copy with its hash.
pub fn store(path: &Path, bytes: &[u8]) -> std::io::Result<Copy> {
    crate::fsutil::write_atomic(path, bytes)?;
    Ok(Copy {
        path: path.to_path_buf(),
        sha256: sha256_hex(bytes),
    })
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
    fn known_hash() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn check_reports_intact_changed_missing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = copy_path(dir.path(), "inv1", "<m@x.example>");
        let copy = store(&path, b"hello").expect("store");
        assert_eq!(check(&path, &copy.sha256), Check::Intact);
        std::fs::write(&path, b"hellO").expect("tamper");
        assert!(matches!(check(&path, &copy.sha256), Check::Changed { .. }));
        std::fs::remove_file(&path).expect("rm");
        assert_eq!(check(&path, &copy.sha256), Check::Missing);
    }
}
