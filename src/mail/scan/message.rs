//! One message through the scanner: the prefilter's glance, then the full analysis of what
//! passes, as the events `scan` reports.

use super::lazy::Prefilter;
use super::mbox;
use super::{Event, Found, Options, Warning};
use bowout_core::ingest::{Analysis, Headline, Kind, analyze, analyze_as_invitation};
use sha2::{Digest, Sha256};

/// Analyses one message; the result is reported when it is an invitation or a scam, or for
/// every message with `--all`.
pub(super) fn message(
    pre: &Prefilter,
    raw: &[u8],
    source: String,
    opts: &Options,
    scratch: &mut Vec<u8>,
) -> Vec<Event> {
    let mut events = Vec::new();
    if !looks_like_mail(raw) {
        let message = "no header lines: probably not a mail message; read as text".to_string();
        events.push(Event::Warning(Warning {
            location: source.clone(),
            message,
            skipped: false,
        }));
    }
    let glance = pre.glance(raw, scratch);
    if glance.unterminated || (glance.hit && super::lazy::unterminated(raw)) {
        let message = "MIME body ends before its closing boundary (truncated?); read what is there"
            .to_string();
        events.push(Event::Warning(Warning {
            location: source.clone(),
            message,
            skipped: false,
        }));
    }
    if !glance.hit && !opts.all && !opts.as_invitation {
        return events;
    }
    let analysis = if opts.as_invitation {
        analyze_as_invitation(&mbox::unquote(raw))
    } else if glance.hit {
        analyze(&mbox::unquote(raw))
    } else {
        let mut headline = Headline::read(raw);
        if headline.message_id.is_none() {
            headline.message_id = glance.message_id;
        }
        Analysis::skipped(headline)
    };
    let reported = analysis.kind != Kind::Other || analysis.review;
    if reported || opts.all {
        let content_hash = reported.then(|| hex(&Sha256::digest(raw)));
        events.push(Event::Found(Box::new(Found {
            source,
            analysis,
            content_hash,
        })));
    }
    events
}

/// A first line of the form `Name: value` or an mbox `From ` line.
fn looks_like_mail(raw: &[u8]) -> bool {
    let first = &raw[..memchr::memchr(b'\n', raw).unwrap_or(raw.len())];
    if first.starts_with(b"From ") {
        return true;
    }
    match memchr::memchr(b':', first) {
        Some(n) if n > 0 => first[..n].iter().all(|b| b.is_ascii_graphic()),
        _ => false,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
