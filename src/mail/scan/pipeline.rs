//! The mailbox pipeline: a reader thread splits the stream into batches of whole messages
//! (bounded: one batch in the channel, one being analysed), the calling thread analyses each
//! batch in parallel and hands the results on in order.

use super::lazy::Prefilter;
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
            let results: Vec<Vec<Event>> = batch
                .messages
                .par_iter()
                .map_init(Vec::new, |scratch, r| {
                    message(
                        pre,
                        &batch.buf[r.clone()],
                        format!("{path}:{}", batch.offset + r.start as u64),
                        opts,
                        scratch,
                    )
                })
                .collect();
            summary.messages += batch.messages.len() as u64;
            for ev in results.into_iter().flatten() {
                emit(ev, summary)?;
            }
            for (at, dropped) in &batch.cut {
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
            let now = counter.load(Ordering::Relaxed);
            progress.advance(now - seen, summary.messages);
            seen = now;
        }
        Ok(())
    })
}
