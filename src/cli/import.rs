//! `bowout import PATH…`: records every invitation found in the mail; prints ids.
//!
//! Exit status ([`crate::exit`]) 3 when something was skipped (unreadable input), as for
//! `scan`. An invitation whose mail does not say whom to answer is recorded without a
//! primary contact, with a line saying what to do.

use super::Output;
use crate::actions::{self, App};
use crate::exit::Status;
use anyhow::Result;
use std::fmt::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// `.eml` files, mbox files (`.mbox.gz` too), Maildirs, or directories of them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Never show the progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Record every message given as an invitation, whatever the classifier says (its
    /// fields extracted as well as they can be).
    #[arg(long)]
    pub invitation: bool,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let report = actions::import(app, args.paths, !args.no_progress, args.invitation).await?;
    // The invitations are recorded by now: a closed standard output does not hide a skip.
    let printed = out.either(&report, || {
        let mut s = String::new();
        for r in &report.recorded {
            let _ = writeln!(s, "{}  {:<9}  {}", r.id, r.outcome, r.source);
            if let Some(todo) = &r.todo {
                let _ = writeln!(s, "{}  needs you: {todo}", r.id);
            }
        }
        for d in &report.likely_duplicates {
            let _ = writeln!(
                s,
                "{}  likely duplicate of {} ({})",
                d.id, d.existing, d.why
            );
        }
        for r in &report.review {
            let _ = writeln!(
                s,
                "{}  to review ({:.0} % an invitation)  {}  {}",
                r.key,
                r.score * 100.0,
                r.source,
                r.subject.as_deref().unwrap_or("")
            );
        }
        let _ = write!(
            s,
            "{} invitation(s); {} to review (bowout review); {} scam(s) not recorded; {} skipped",
            report.ids.len(),
            report.review.len(),
            report.scams,
            report.skipped
        );
        s
    });
    crate::exit::unless_closed(printed)?;
    Ok(if report.skipped > 0 {
        Status::Skipped
    } else {
        Status::Success
    })
}
