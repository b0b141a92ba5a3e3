//! Streaming mbox splitter with bounded buffers: reads a few MB at a time and hands out
//! batches of whole messages that live in one shared buffer (no copy per message).
//!
//! A message starts at a `From ` line at the start of the file or after a newline, *and* the
//! next line looks like a header. That guard keeps an unquoted "From " at the start of a body
//! line (mboxo writers leave them) from splitting a message in two. `Content-Length` is
//! ignored: it is wrong as often as it is right. Both LF and CRLF files work.

use memchr::memmem;
use std::io::Read;
use std::ops::Range;
use std::sync::Arc;

/// Bytes read per batch: big enough to amortise the thread hand-off, small enough that a
/// few batches in flight stay far below the memory target.
pub const CHUNK: usize = 8 << 20;
/// A single message is kept up to this size; the rest of a larger one is skipped (with a
/// warning): text parts sit at the start, attachments make up the bulk.
pub const MAX_MESSAGE: usize = 40 << 20;

/// Whole messages inside one buffer.
pub struct Batch {
    pub buf: Arc<Vec<u8>>,
    /// Byte offset of `buf[0]` in the file (uncompressed stream for `.gz`).
    pub offset: u64,
    pub messages: Vec<Range<usize>>,
    /// Messages cut at [`MAX_MESSAGE`]: (offset in file, bytes dropped).
    pub cut: Vec<(u64, u64)>,
}

pub struct Splitter<R> {
    reader: R,
    carry: Vec<u8>,
    offset: u64,
    eof: bool,
    /// Dropping the tail of an oversized message until the next `From ` line.
    skipping: Option<(u64, u64)>,
}

impl<R: Read> Splitter<R> {
    pub fn new(reader: R) -> Self {
        Self {
            reader,
            carry: Vec::new(),
            offset: 0,
            eof: false,
            skipping: None,
        }
    }

    /// Reads until `buf` holds `want` bytes or the input ends.
    fn fill(&mut self, buf: &mut Vec<u8>, want: usize) -> std::io::Result<()> {
        while buf.len() < want && !self.eof {
            let len = buf.len();
            buf.resize(want, 0);
            match self.reader.read(&mut buf[len..]) {
                Ok(0) => {
                    buf.truncate(len);
                    self.eof = true;
                }
                Ok(n) => buf.truncate(len + n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => buf.truncate(len),
                Err(e) => {
                    buf.truncate(len);
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// The next batch, `None` at the end of the input.
    pub fn next_batch(&mut self) -> Option<std::io::Result<Batch>> {
        let mut buf = std::mem::take(&mut self.carry);
        let mut want = CHUNK.max(buf.len() + CHUNK / 2);
        let mut cut = Vec::new();
        loop {
            if let Err(e) = self.fill(&mut buf, want) {
                return Some(Err(e));
            }
            if let Some((at, dropped)) = self.skipping {
                match starts(&buf, self.eof).into_iter().find(|&s| s > 0) {
                    Some(s) => {
                        cut.push((at, dropped + s as u64));
                        self.offset += s as u64;
                        buf.drain(..s);
                        self.skipping = None;
                    }
                    None => {
                        let keep = buf.len().min(8);
                        let drop = buf.len() - keep;
                        self.skipping = Some((at, dropped + drop as u64));
                        self.offset += drop as u64;
                        buf.drain(..drop);
                        if self.eof {
                            cut.push((at, dropped + buf.len() as u64));
                            return None;
                        }
                        continue;
                    }
                }
            }
            if buf.is_empty() && self.eof {
                return None;
            }
            let found = starts(&buf, self.eof);
            let mut bounds: Vec<usize> = found;
            if bounds.first() != Some(&0) {
                bounds.insert(0, 0); // text before the first From line is a message of its own
            }
            if self.eof {
                bounds.push(buf.len());
            } else if bounds.len() < 2 {
                // One message, larger than the buffer: read more, up to the cap.
                if buf.len() < MAX_MESSAGE {
                    want = (buf.len() * 2).min(MAX_MESSAGE + 1024);
                    continue;
                }
                self.carry = buf.split_off(MAX_MESSAGE);
                self.skipping = Some((self.offset, 0));
                bounds.push(buf.len());
            } else if let Some(&last) = bounds.last() {
                self.carry = buf[last..].to_vec();
                buf.truncate(last);
            }
            let messages: Vec<Range<usize>> = bounds
                .windows(2)
                .map(|w| w[0]..w[1])
                .filter(|r| !r.is_empty())
                .collect();
            let batch = Batch {
                buf: Arc::new(buf),
                offset: self.offset,
                messages,
                cut,
            };
            self.offset += batch.buf.len() as u64;
            return Some(Ok(batch));
        }
    }
}

/// Offsets of message starts: `From ` at a line start, followed by a header line. A `From `
/// line whose next line is not in the buffer yet counts, unless this is the end of input.
fn starts(buf: &[u8], eof: bool) -> Vec<usize> {
    let mut out = Vec::new();
    if buf.starts_with(b"From ") && next_is_header(buf, 0, eof) {
        out.push(0);
    }
    for nl in memmem::find_iter(buf, b"\nFrom ") {
        if next_is_header(buf, nl + 1, eof) {
            out.push(nl + 1);
        }
    }
    out
}

fn next_is_header(buf: &[u8], from_line: usize, eof: bool) -> bool {
    let Some(eol) = memchr::memchr(b'\n', &buf[from_line..]) else {
        return !eof;
    };
    let next = &buf[from_line + eol + 1..];
    if next.is_empty() {
        return !eof;
    }
    let name_len = next.iter().take(80).position(|&b| b == b':');
    match name_len {
        Some(n) if n > 0 => next[..n].iter().all(|&b| b.is_ascii_graphic()),
        _ => false,
    }
}

/// Undoes mboxrd/mboxo quoting: a body line `>From ` (any number of `>`) loses one `>`.
/// The envelope `From ` line, when present, is dropped too: it is not part of the message.
pub fn unquote(msg: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let body = if msg.starts_with(b"From ") {
        msg.iter()
            .position(|&b| b == b'\n')
            .map_or(msg.len(), |i| i + 1)
    } else {
        0
    };
    let rest = &msg[body..];
    if memmem::find(rest, b">From ").is_none() {
        return std::borrow::Cow::Borrowed(&msg[body..]);
    }
    let mut out = Vec::with_capacity(rest.len());
    for line in rest.split_inclusive(|&b| b == b'\n') {
        let gts = line.iter().take_while(|&&b| b == b'>').count();
        if gts > 0 && line[gts..].starts_with(b"From ") {
            out.extend_from_slice(&line[1..]);
        } else {
            out.extend_from_slice(line);
        }
    }
    std::borrow::Cow::Owned(out)
}
