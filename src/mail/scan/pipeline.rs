//! The mailbox pipeline. A regular file is memory-mapped ([`super::mapped`]) and cut into
//! batches of whole messages in place; anything else (a pipe, a compressed mailbox, a file
//! that cannot be mapped) is streamed: a reader thread splits the stream into batches
//! (bounded: one batch in the channel, one being analysed). Either way the calling thread
//! analyses each batch in parallel and hands the results on in order.

use super::lazy::Prefilter;
use super::mapped::Mapped;
use super::mbox::{self, Splitter};
use super::message::message;
use super::progress::Progress;
use super::sources::{Format, Source};
use super::{Event, Options, Summary, Warning};
use anyhow::Result;
use rayon::prelude::*;
use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Counts bytes read from the file, for the progress bar of compressed mailboxes.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

pub(super) fn mailbox(
    pre: &Prefilter,
    src: &Source,
    opts: &Options,
    progress: &Progress,
    summary: &mut Summary,
    emit: &mut dyn FnMut(Event, &mut Summary) -> Result<()>,
) -> Result<()> {
    let path = src.path.display().to_string();
    let file = match std::fs::File::open(&src.path) {
        Ok(f) => f,
        Err(e) => {
            return emit(
                Event::Warning(Warning {
                    location: path,
                    message: format!("cannot read: {e}"),
                    skipped: true,
                }),
                summary,
            );
        }
    };
    if src.format == Format::Mbox
        && let Some(map) = Mapped::open(&file)
    {
        return mapped(pre, &map, &path, opts, progress, summary, emit);
    }
    let counter = Arc::new(AtomicU64::new(0));
    let counted = Counting {
        inner: file,
        read: counter.clone(),
    };
    let reader: Box<dyn Read + Send> = match src.format {
        Format::MboxGz => Box::new(flate2::read::MultiGzDecoder::new(std::io::BufReader::new(
            counted,
        ))),
        _ => Box::new(counted),
    };
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    std::thread::scope(|s| -> Result<()> {
        s.spawn(move || {
            let mut splitter = Splitter::new(reader);
            while let Some(batch) = splitter.next_batch() {
                let stop = batch.is_err();
                if tx.send(batch).is_err() || stop {
                    break;
                }
            }
        });
        let mut seen = 0;
        for batch in rx {
            let batch = match batch {
                Ok(b) => b,
                Err(e) => {
                    let message = format!("read error, rest of the file skipped: {e}");
                    return emit(
                        Event::Warning(Warning {
                            location: format!("{path}:{}", counter.load(Ordering::Relaxed)),
                            message,
                            skipped: true,
                        }),
                        summary,
                    );
                }
            };
            let results = analyse(pre, &batch.buf, batch.offset, &batch.messages, &path, opts);
            summary.messages += batch.messages.len() as u64;
            report(results, &batch.cut, &path, summary, emit)?;
            let now = counter.load(Ordering::Relaxed);
            progress.advance(now - seen, summary.messages);
            seen = now;
        }
        Ok(())
    })
}

/// A mapped mailbox, a batch at a time; the pages of each batch are given back once read.
fn mapped(
    pre: &Prefilter,
    map: &Mapped,
    path: &str,
    opts: &Options,
    progress: &Progress,
    summary: &mut Summary,
    emit: &mut dyn FnMut(Event, &mut Summary) -> Result<()>,
) -> Result<()> {
    let data = map.bytes();
    let mut done = 0;
    for batch in mbox::Mapped::new(data) {
        let results = analyse(pre, data, 0, &batch.messages, path, opts);
        summary.messages += batch.messages.len() as u64;
        report(results, &batch.cut, path, summary, emit)?;
        map.release(done, batch.end);
        progress.advance((batch.end - done) as u64, summary.messages);
        done = batch.end;
    }
    Ok(())
}

/// The messages of one batch (`ranges` of `buf`, which starts at `offset` in the file),
/// analysed in parallel; the events of each, in order.
fn analyse(
    pre: &Prefilter,
    buf: &[u8],
    offset: u64,
    ranges: &[std::ops::Range<usize>],
    path: &str,
    opts: &Options,
) -> Vec<Vec<Event>> {
    ranges
        .par_iter()
        .map_init(Vec::new, |scratch, r| {
            message(
                pre,
                &buf[r.clone()],
                format!("{path}:{}", offset + r.start as u64),
                opts,
                scratch,
            )
        })
        .collect()
}

/// Hands a batch's events on, then a warning for each message cut at the size cap.
fn report(
    results: Vec<Vec<Event>>,
    cut: &[(u64, u64)],
    path: &str,
    summary: &mut Summary,
    emit: &mut dyn FnMut(Event, &mut Summary) -> Result<()>,
) -> Result<()> {
    for ev in results.into_iter().flatten() {
        emit(ev, summary)?;
    }
    for (at, dropped) in cut {
        let message = format!(
            "message larger than {} MiB; {dropped} bytes past that were not read",
            mbox::MAX_MESSAGE >> 20
        );
        emit(
            Event::Warning(Warning {
                location: format!("{path}:{at}"),
                message,
                skipped: false,
            }),
            summary,
        )?;
    }
    Ok(())
}
