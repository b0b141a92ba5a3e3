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

/// The messages of a whole mailbox in memory (a memory map), a batch at a time, cut where
/// [`Splitter`] cuts them: about [`CHUNK`] bytes of whole messages per batch, a message over
/// [`MAX_MESSAGE`] kept up to that size.
pub struct Mapped<'a> {
    data: &'a [u8],
    pos: usize,
}

/// One batch of a mapped mailbox: absolute ranges of `data`.
pub struct MappedBatch {
    pub messages: Vec<Range<usize>>,
    /// Messages cut at [`MAX_MESSAGE`]: (offset in file, bytes dropped).
    pub cut: Vec<(u64, u64)>,
    /// Where the batch ends: every byte before it has been handed out.
    pub end: usize,
}

impl<'a> Mapped<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Self { data, pos: 0 }
    }
}

impl Iterator for Mapped<'_> {
    type Item = MappedBatch;

    fn next(&mut self) -> Option<MappedBatch> {
        let len = self.data.len();
        let pos = self.pos;
        if pos >= len {
            return None;
        }
        let window = (pos + CHUNK).min(len);
        let mut bounds = starts_in(self.data, pos, window, true);
        if bounds.first() != Some(&pos) {
            bounds.insert(0, pos); // text before the first From line is a message of its own
        }
        let mut cut = Vec::new();
        if window == len {
            bounds.push(len);
        } else if bounds.len() < 2 {
            // One message larger than the window: it ends at the next start, if any.
            let mut next = len;
            let mut from = window;
            while from < len {
                let to = (from + CHUNK).min(len);
                if let Some(&s) = starts_in(self.data, from, to, true).first() {
                    next = s;
                    break;
                }
                from = to;
            }
            if next - pos > MAX_MESSAGE {
                cut.push((pos as u64, (next - pos - MAX_MESSAGE) as u64));
                self.pos = next;
                return Some(MappedBatch {
                    messages: std::iter::once(pos..pos + MAX_MESSAGE).collect(),
                    cut,
                    end: next,
                });
            }
            bounds.push(next);
        }
        let end = bounds.last().copied().unwrap_or(len);
        self.pos = end;
        Some(MappedBatch {
            messages: bounds
                .windows(2)
                .map(|w| w[0]..w[1])
                .filter(|r| !r.is_empty())
                .collect(),
            cut,
            end,
        })
    }
}

/// Offsets of message starts: `From ` at a line start, followed by a header line. A `From `
/// line whose next line is not whole in the buffer yet is no start *yet*: it stays after the
/// batch's last start, is carried into the next batch and decided there, with more bytes
/// (taking it for a start would cut a message in two at a body line "From the …").
fn starts(buf: &[u8], eof: bool) -> Vec<usize> {
    starts_in(buf, 0, buf.len(), eof)
}

/// [`starts`] in `from..to` of `buf`; the line after a start may lie past `to`.
fn starts_in(buf: &[u8], from: usize, to: usize, eof: bool) -> Vec<usize> {
    let mut out = Vec::new();
    if (from == 0 || buf[from - 1] == b'\n')
        && buf[from..].starts_with(b"From ")
        && next_is_header(buf, from, eof)
    {
        out.push(from);
    }
    let scan_to = (to + 5).min(buf.len());
    for nl in memmem::find_iter(&buf[from..scan_to], b"\nFrom ") {
        let s = from + nl + 1;
        if s < to && s > from && next_is_header(buf, s, eof) {
            out.push(s);
        }
    }
    out
}

fn next_is_header(buf: &[u8], from_line: usize, eof: bool) -> bool {
    let Some(eol) = memchr::memchr(b'\n', &buf[from_line..]) else {
        return false;
    };
    let next = &buf[from_line + eol + 1..];
    let head = &next[..next.len().min(80)];
    if !eof && memchr::memchr(b'\n', head).is_none() && head.len() < 80 {
        return false; // not whole yet: decided with the next batch
    }
    match head.iter().position(|&b| b == b':') {
        Some(n) if n > 0 => head[..n].iter().all(|&b| b.is_ascii_graphic()),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message range, in file offsets, as the streaming splitter cuts `data`.
    fn streamed(data: &[u8]) -> Vec<Range<u64>> {
        let mut s = Splitter::new(data);
        let mut out = Vec::new();
        while let Some(b) = s.next_batch() {
            let b = b.expect("in-memory reads never fail");
            out.extend(
                b.messages
                    .iter()
                    .map(|r| b.offset + r.start as u64..b.offset + r.end as u64),
            );
        }
        out
    }

    fn mapped(data: &[u8]) -> Vec<Range<u64>> {
        Mapped::new(data)
            .flat_map(|b| b.messages)
            .map(|r| r.start as u64..r.end as u64)
            .collect()
    }

    #[test]
    fn a_mapped_mailbox_is_cut_where_a_streamed_one_is() {
        let mut big = b"preamble before any From line\n".to_vec();
        for i in 0..3_000 {
            big.extend_from_slice(
                format!("From a@example.net Mon Mar  3 16:14:25 2025\r\nSubject: {i}\r\n\r\n")
                    .as_bytes(),
            );
            big.extend_from_slice(&b"From the start of a body line, not a message.\r\n".repeat(80));
        }
        let small = b"From a@b Mon\nSubject: x\n\nbody\nFrom here\n\nFrom b@c Tue\nTo: y\n\nend";
        for data in [&big[..], &small[..], b"no From line at all", b"From "] {
            let (s, m) = (streamed(data), mapped(data));
            let first_difference = s.iter().zip(&m).position(|(a, b)| a != b);
            assert!(
                s.len() == m.len() && first_difference.is_none(),
                "streamed {} messages, mapped {}; first difference at {first_difference:?}: {:?}",
                s.len(),
                m.len(),
                first_difference.map(|i| (&s[i], &m[i]))
            );
            assert_eq!(m.last().map(|r| r.end), Some(data.len() as u64));
        }
        assert!(mapped(&big).len() == 3_001, "{}", mapped(&big).len());
    }
}
