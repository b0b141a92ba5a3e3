//! Reading reply files: `.eml` files, mbox files and Maildir trees, one header at a time.
//!
//! Replies need only headers, so this stays small: directories are walked (Maildir's `tmp/`
//! and the servers' bookkeeping files are skipped), a file starting with `From ` is an mbox
//! read as a stream, anything else is one message. Problems are reported per file and the
//! rest goes on.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// A message read from disk: where it came from and its bytes.
pub struct RawMessage {
    /// `path`, or `path:N` for the Nth message (from 1) of an mbox.
    pub source: String,
    pub bytes: Vec<u8>,
}

/// One thing read: a message, or a problem with a path.
pub enum Item {
    Message(RawMessage),
    Problem { location: String, message: String },
}

/// Larger files are read up to this size: a reply's header is at the start.
const MAX_MESSAGE: u64 = 16 << 20;

/// Walks `paths` and hands every message (or problem) to `sink`, in a stable order.
pub fn read(paths: &[PathBuf], sink: &mut dyn FnMut(Item)) {
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, sink, 0),
            Ok(_) => file(path, sink),
            Err(e) => sink(problem(path, format!("cannot read: {e}"))),
        }
    }
}

fn problem(path: &Path, message: String) -> Item {
    Item::Problem {
        location: path.display().to_string(),
        message,
    }
}

fn walk(dir: &Path, sink: &mut dyn FnMut(Item), depth: usize) {
    if depth > 16 {
        return sink(problem(
            dir,
            "directory nesting too deep; not followed".into(),
        ));
    }
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
        Err(e) => return sink(problem(dir, format!("cannot read directory: {e}"))),
    };
    paths.sort();
    for p in paths {
        let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase());
        let name = name.as_deref().unwrap_or_default();
        if name == "tmp" || name.starts_with("dovecot") || name.starts_with("courier") {
            continue;
        }
        if matches!(name, "maildirfolder" | "subscriptions") || name.starts_with(".ds_store") {
            continue;
        }
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, sink, depth + 1),
            Ok(m) if m.is_file() => file(&p, sink),
            Ok(_) => {}
            Err(e) => sink(problem(&p, format!("cannot read: {e}"))),
        }
    }
}

fn file(path: &Path, sink: &mut dyn FnMut(Item)) {
    let mut reader = match std::fs::File::open(path) {
        Ok(f) => BufReader::new(f),
        Err(e) => return sink(problem(path, format!("cannot read: {e}"))),
    };
    let is_mbox = match reader.fill_buf() {
        Ok(head) => head.starts_with(b"From "),
        Err(e) => return sink(problem(path, format!("cannot read: {e}"))),
    };
    if is_mbox {
        return mbox(path, reader, sink);
    }
    let mut bytes = Vec::new();
    if let Err(e) = reader.take(MAX_MESSAGE).read_to_end(&mut bytes) {
        return sink(problem(path, format!("cannot read: {e}")));
    }
    sink(Item::Message(RawMessage {
        source: path.display().to_string(),
        bytes,
    }));
}

fn mbox(path: &Path, reader: BufReader<std::fs::File>, sink: &mut dyn FnMut(Item)) {
    let messages = mail_parser::mailbox::mbox::MessageIterator::new(reader);
    for (n, message) in messages.enumerate() {
        match message {
            Ok(m) => sink(Item::Message(RawMessage {
                source: format!("{}:{}", path.display(), n + 1),
                bytes: m.unwrap_contents(),
            })),
            Err(e) => {
                let message =
                    format!("read error after message {n}, rest of the file skipped: {e}");
                return sink(problem(path, message));
            }
        }
    }
}
