//! Every message under the given paths as whole raw bytes, for readers that need the
//! messages themselves rather than a scan (replies). Same formats, walking and mbox
//! splitting as `scan`: `.eml`, Maildir trees, mbox (mboxrd unquoted) and `.mbox.gz`.

use super::mbox::{self, MAX_MESSAGE, Splitter};
use super::sources::{self, Format, Source};
use std::io::Read;
use std::path::PathBuf;

/// A message read from disk: where it came from and its bytes.
pub struct RawMessage {
    /// `path` for a one-message file, `path:offset` for a message inside a mailbox.
    pub source: String,
    pub bytes: Vec<u8>,
}

/// One thing read: a message, or a problem with a path (the rest goes on).
pub enum Item {
    Message(RawMessage),
    Problem { location: String, message: String },
}

/// Walks `paths` and hands every message (or problem) to `sink`, in a stable order, one
/// message at a time: a mailbox is never held in memory whole.
pub fn read(paths: &[PathBuf], sink: &mut dyn FnMut(Item)) {
    let (found, warnings) = sources::expand(paths);
    for (location, message) in warnings {
        sink(Item::Problem { location, message });
    }
    for src in &found {
        match src.format {
            Format::Message => one_file(src, sink),
            Format::Mbox | Format::MboxGz => mailbox(src, sink),
        }
    }
}

fn problem(src: &Source, message: String) -> Item {
    Item::Problem {
        location: src.path.display().to_string(),
        message,
    }
}

fn one_file(src: &Source, sink: &mut dyn FnMut(Item)) {
    let mut bytes = Vec::new();
    let read = std::fs::File::open(&src.path)
        .and_then(|f| f.take(MAX_MESSAGE as u64).read_to_end(&mut bytes));
    match read {
        Ok(_) => sink(Item::Message(RawMessage {
            source: src.path.display().to_string(),
            bytes,
        })),
        Err(e) => sink(problem(src, format!("cannot read: {e}"))),
    }
}

fn mailbox(src: &Source, sink: &mut dyn FnMut(Item)) {
    let file = match std::fs::File::open(&src.path) {
        Ok(f) => f,
        Err(e) => return sink(problem(src, format!("cannot read: {e}"))),
    };
    let reader: Box<dyn Read> = match src.format {
        Format::MboxGz => Box::new(flate2::read::MultiGzDecoder::new(std::io::BufReader::new(
            file,
        ))),
        _ => Box::new(file),
    };
    let path = src.path.display();
    let mut splitter = Splitter::new(reader);
    while let Some(batch) = splitter.next_batch() {
        let batch = match batch {
            Ok(b) => b,
            Err(e) => {
                return sink(problem(
                    src,
                    format!("read error, rest of the file skipped: {e}"),
                ));
            }
        };
        for (at, dropped) in &batch.cut {
            sink(Item::Problem {
                location: format!("{path}:{at}"),
                message: format!(
                    "message larger than {MAX_MESSAGE} bytes; {dropped} bytes skipped"
                ),
            });
        }
        for range in &batch.messages {
            let offset = batch.offset + range.start as u64;
            sink(Item::Message(RawMessage {
                source: format!("{path}:{offset}"),
                bytes: mbox::unquote(&batch.buf[range.clone()]).into_owned(),
            }));
        }
    }
}
