//! `bowout scan PATH… [--jsonl] [--all]`: reads mail like `import` but records nothing.
//!
//! Exit status ([`crate::exit`]): 0 when every message was read (or standard output was
//! closed early), 3 when something was skipped (each skip has its own warning line on
//! standard error), 1 on failure.

use super::Output;
use crate::exit::{Status, StdoutError};
use crate::mail::scan::{self, Event, Found, Options, Summary};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// `.eml` files, mbox files (`.mbox.gz` too), Maildirs, or directories of them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// One JSON object per reported message (also implied by the global --json).
    #[arg(long)]
    pub jsonl: bool,
    /// Report every message read, not only invitations and scams.
    #[arg(long)]
    pub all: bool,
    /// Never show the progress bar.
    #[arg(long)]
    pub no_progress: bool,
}

pub fn run(args: &Args, out: &Output) -> Result<Status> {
    if let Some(missing) = scan::missing_path(&args.paths) {
        return Err(crate::exit::usage(scan::missing_message(missing)));
    }
    let jsonl = args.jsonl || out.json;
    let opts = Options {
        all: args.all,
        progress: !args.no_progress,
        as_invitation: false,
    };
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let line = |f: &Found| -> Result<String> {
        Ok(if jsonl {
            serde_json::to_string(f).context("cannot serialise a result")?
        } else {
            text_line(f)
        })
    };
    // The messages to review come after the sure ones (in mail order with --all, where
    // every message has its line).
    let mut unsure: Vec<Found> = Vec::new();
    let summary = scan::scan(&args.paths, &opts, &mut |ev| {
        if let Event::Found(f) = ev {
            if f.analysis.review && !args.all {
                unsure.push(*f);
            } else {
                writeln!(w, "{}", line(&f)?).map_err(StdoutError)?;
            }
        }
        Ok(())
    })?;
    for f in &unsure {
        writeln!(w, "{}", line(f)?).map_err(StdoutError)?;
    }
    w.flush().map_err(StdoutError)?;
    drop(w);
    eprintln!("{}", closing_line(&summary));
    Ok(if summary.skipped > 0 {
        Status::Skipped
    } else {
        Status::Success
    })
}

fn text_line(f: &Found) -> String {
    let a = &f.analysis;
    let org = a
        .employer
        .as_ref()
        .map(|o| o.as_str().to_string())
        .or_else(|| a.agency.as_ref().map(|o| format!("{o} (agency)")))
        .unwrap_or_else(|| "?".into());
    let title = a.job_title.as_ref().map_or("?", |t| t.as_str());
    let round = a
        .round
        .map(|r| format!(" round {}", r.number()))
        .unwrap_or_default();
    let contact = a
        .primary_contact
        .as_ref()
        .map(|c| format!("  {}", c.email))
        .unwrap_or_default();
    let flags = if a.red_flags.is_empty() {
        String::new()
    } else {
        format!("  red flags: {}", a.red_flags.join(", "))
    };
    let kind = if a.review { "review?" } else { a.kind.as_str() };
    format!(
        "{}  {kind} {:.2}  {org} — {title}{round}{contact}{flags}",
        f.source, a.score
    )
}

fn closing_line(s: &Summary) -> String {
    let skipped = if s.skipped > 0 {
        format!("; {} skipped (see warnings above)", s.skipped)
    } else {
        String::new()
    };
    format!(
        "bowout: scanned {} message(s) in {} file(s), {:.1} MB: {} invitation(s), {} to review, {} scam(s){skipped}",
        s.messages,
        s.files,
        s.bytes as f64 / 1e6,
        s.invitations,
        s.reviews,
        s.scams
    )
}
