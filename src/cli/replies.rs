//! `bowout replies PATH…` / `bowout replies --imap`: match replies to the messages sent.
//!
//! Exit status ([`crate::exit`]): 0 when everything was read, 3 when a file or message was
//! skipped (each has its own warning line on standard error), 1 on failure. A reply that
//! matches nothing is reported, not an error.

use super::Output;
use crate::actions::{self, App, RepliesReport};
use crate::exit::Status;
use anyhow::Result;
use std::fmt::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// `.eml` files, mbox files or Maildir directories holding replies.
    #[arg(
        value_name = "PATH",
        required_unless_present = "imap",
        conflicts_with = "imap"
    )]
    paths: Vec<PathBuf>,
    /// Read the new mail of the `[imap]` mailbox instead (only what arrived since the last
    /// sync).
    #[arg(long)]
    imap: bool,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let report = if args.imap {
        actions::replies_from_imap(app).await?
    } else {
        actions::replies_from_files(app, &args.paths).await?
    };
    for p in &report.problems {
        eprintln!("bowout: warning: {}: {}", p.location, p.message);
    }
    // The replies are recorded by now: a closed standard output does not hide a skip.
    crate::exit::unless_closed(out.either(&report, || render(&report)))?;
    Ok(if report.problems.is_empty() {
        Status::Success
    } else {
        Status::Skipped
    })
}

fn render(r: &RepliesReport) -> String {
    let mut s = String::new();
    for x in &r.replies {
        let from = x.from.as_deref().unwrap_or("(no sender)");
        let what = match (x.outcome, &x.invitation_id) {
            ("acknowledged", Some(id)) => format!("receipt confirmed for invitation {id}"),
            ("auto-reply", Some(id)) => format!("automatic reply, noted on {id}; not a receipt"),
            ("already-seen", _) => "recorded before; nothing new".to_string(),
            ("already-acknowledged", Some(id)) => format!("{id} was already acknowledged"),
            ("own-message", _) => "one of the messages bowout sent; not a reply".to_string(),
            _ => "matches no sent message; nothing recorded".to_string(),
        };
        let _ = writeln!(
            s,
            "{:<20} {from} {:?} ({}): {what}",
            x.outcome, x.subject, x.source
        );
    }
    if let Some(i) = &r.imap {
        if let Some(was) = i.uid_validity_was {
            let _ = writeln!(
                s,
                "UIDVALIDITY of {} changed ({was} → {}): the mailbox was read again; replies \
                 recorded before were not counted twice",
                i.mailbox, i.uid_validity
            );
        }
        let _ = writeln!(
            s,
            "IMAP {} {}: read up to UID {} (UIDVALIDITY {})",
            i.account, i.mailbox, i.last_uid, i.uid_validity
        );
    }
    let _ = write!(
        s,
        "{} message(s) read: {} acknowledged, {} automatic repl(ies), {} matched nothing",
        r.read, r.acknowledged, r.auto_replies, r.unmatched
    );
    s
}
