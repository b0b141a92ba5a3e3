//! What the user pointed at, turned into things to read: single messages (`.eml`, Maildir
//! files) and mailboxes (mbox, `.mbox.gz`). Directories are walked recursively, which covers
//! Maildir (`cur/`, `new/`) and Maildir++ (`.Folder.Sub/cur`) trees.

use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One message per file.
    Message,
    Mbox,
    MboxGz,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub format: Format,
    pub len: u64,
}

/// Files that live in mail directories but hold no mail.
fn is_bookkeeping(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("dovecot")
        || lower.starts_with("courier")
        || lower.starts_with(".ds_store")
        || lower == "maildirfolder"
        || lower == "subscriptions"
        || lower.ends_with(".msf")
        || lower.ends_with(".json")
        || lower.ends_with(".md")
        || lower.starts_with("license")
        || lower.starts_with(".mbsync")
        || lower.starts_with(".uidvalidity")
        || lower.starts_with(".notmuch")
}

/// Expands `paths`; problems (missing paths, unreadable directories) are returned as
/// warnings and the rest goes on.
pub fn expand(paths: &[PathBuf]) -> (Vec<Source>, Vec<(String, String)>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut out, &mut warnings, 0),
            Ok(m) => push_file(p, m.len(), &mut out, &mut warnings),
            Err(e) => warnings.push((p.display().to_string(), format!("cannot read: {e}"))),
        }
    }
    (out, warnings)
}

fn walk(dir: &Path, out: &mut Vec<Source>, warnings: &mut Vec<(String, String)>, depth: usize) {
    if depth > 32 {
        warnings.push((
            dir.display().to_string(),
            "directory nesting too deep; not followed".into(),
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            warnings.push((
                dir.display().to_string(),
                format!("cannot read directory: {e}"),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Maildir's tmp/ holds messages still being delivered.
        if name == "tmp" || is_bookkeeping(&name) {
            continue;
        }
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, out, warnings, depth + 1),
            Ok(m) if m.is_file() => push_file(&p, m.len(), out, warnings),
            Ok(_) => {}
            Err(e) => warnings.push((p.display().to_string(), format!("cannot read: {e}"))),
        }
    }
}

fn push_file(p: &Path, len: u64, out: &mut Vec<Source>, warnings: &mut Vec<(String, String)>) {
    let mut head = [0u8; 5];
    let n = match std::fs::File::open(p).and_then(|mut f| read_up_to(&mut f, &mut head)) {
        Ok(n) => n,
        Err(e) => {
            warnings.push((p.display().to_string(), format!("cannot read: {e}")));
            return;
        }
    };
    let format = if head[..n].starts_with(&[0x1f, 0x8b]) {
        Format::MboxGz
    } else if head[..n].starts_with(b"From ") {
        Format::Mbox
    } else {
        Format::Message
    };
    out.push(Source {
        path: p.to_path_buf(),
        format,
        len,
    });
}

fn read_up_to(f: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}
