//! Reading sources and analysing their messages in parallel, results in input order.

use super::lazy::Prefilter;
use super::mbox;
use super::message::message;
use super::progress::Progress;
use super::sources::{self, Format, Source};
use super::{Event, Found, Options, Summary, Warning};
use anyhow::Result;
use rayon::prelude::*;
use std::io::Read;
use std::path::PathBuf;

/// One-message files analysed per parallel round (keeps output ordered and memory bounded).
const FILES_PER_ROUND: usize = 256;

type Sink<'a> = dyn FnMut(Event) -> Result<()> + 'a;

/// Scans `paths`, handing every reported message and warning to `sink` as it goes.
/// Errors from `sink` (a closed pipe, a database error) stop the scan; problems with the
/// input never do.
pub fn scan(paths: &[PathBuf], opts: &Options, sink: &mut Sink<'_>) -> Result<Summary> {
    let pre = Prefilter::new()?;
    let mut summary = Summary::default();
    let (list, problems) = sources::expand(paths);
    let progress = Progress::new(opts.progress, list.iter().map(|s| s.len).sum());
    let mut emit = |ev: Event, summary: &mut Summary| -> Result<()> {
        match &ev {
            Event::Found(f) => summary.count(f.analysis.kind, f.analysis.review),
            Event::Warning(w) => {
                summary.warnings += 1;
                summary.skipped += u64::from(w.skipped);
                progress.line(&format!("bowout: warning: {}: {}", w.location, w.message));
            }
        }
        sink(ev)
    };
    for (location, message) in problems {
        emit(
            Event::Warning(Warning {
                location,
                message,
                skipped: true,
            }),
            &mut summary,
        )?;
    }
    if list.is_empty() && paths.iter().all(|p| p.is_dir()) {
        let location = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let w = Warning {
            location,
            message: "no mail found here".into(),
            skipped: false,
        };
        emit(Event::Warning(w), &mut summary)?;
    }
    let mut i = 0;
    while i < list.len() {
        if list[i].format == Format::Message {
            let end = (i..list.len())
                .find(|&j| list[j].format != Format::Message || j - i >= FILES_PER_ROUND)
                .unwrap_or(list.len());
            let round = &list[i..end];
            let results: Vec<Vec<Event>> = round
                .par_iter()
                .map_init(Vec::new, |scratch, src| one_file(&pre, src, opts, scratch))
                .collect();
            summary.files += round.len() as u64;
            // One message per file, unless the file could not be read at all.
            summary.messages += results
                .iter()
                .filter(|evs| {
                    !evs.iter()
                        .any(|e| matches!(e, Event::Warning(w) if w.skipped))
                })
                .count() as u64;
            for ev in results.into_iter().flatten() {
                emit(ev, &mut summary)?;
            }
            progress.advance(round.iter().map(|s| s.len).sum(), summary.messages);
            i = end;
        } else {
            summary.files += 1;
            super::pipeline::mailbox(&pre, &list[i], opts, &progress, &mut summary, &mut emit)?;
            i += 1;
        }
    }
    summary.bytes = list.iter().map(|s| s.len).sum();
    progress.finish();
    Ok(summary)
}

/// Analyses messages one at a time exactly as a scan does (the same prefilter, analysis and
/// content hash), for mail that comes from elsewhere than files (IMAP).
pub struct Analyser {
    pre: Prefilter,
    scratch: Vec<u8>,
}

impl Analyser {
    pub fn new() -> Result<Self> {
        Ok(Self {
            pre: Prefilter::new()?,
            scratch: Vec::new(),
        })
    }

    /// The invitation or scam `raw` holds, if it is one, and the warnings about it.
    pub fn analyse(&mut self, raw: &[u8], source: String) -> (Option<Found>, Vec<Warning>) {
        let mut found = None;
        let mut warnings = Vec::new();
        for ev in message(
            &self.pre,
            raw,
            source,
            &Options::default(),
            &mut self.scratch,
        ) {
            match ev {
                Event::Found(f) => found = Some(*f),
                Event::Warning(w) => warnings.push(w),
            }
        }
        (found, warnings)
    }
}

fn one_file(pre: &Prefilter, src: &Source, opts: &Options, scratch: &mut Vec<u8>) -> Vec<Event> {
    let location = src.path.display().to_string();
    let mut raw = Vec::new();
    let read = std::fs::File::open(&src.path)
        .and_then(|f| f.take(mbox::MAX_MESSAGE as u64).read_to_end(&mut raw));
    if let Err(e) = read {
        return vec![Event::Warning(Warning {
            location,
            message: format!("cannot read: {e}"),
            skipped: true,
        })];
    }
    let mut events = Vec::new();
    if src.len > mbox::MAX_MESSAGE as u64 {
        let message = format!(
            "message larger than {} MiB; read its first {} MiB only",
            mbox::MAX_MESSAGE >> 20,
            mbox::MAX_MESSAGE >> 20
        );
        events.push(Event::Warning(Warning {
            location: location.clone(),
            message,
            skipped: false,
        }));
    }
    events.extend(message(pre, &raw, location, opts, scratch));
    events
}
