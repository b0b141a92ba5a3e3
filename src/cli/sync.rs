//! `bowout sync [--since 30d]`: the new mail of `[imap]`: invitations recorded, receipts
//! matched, one report.
//!
//! Exit status ([`crate::exit`]): 0 when everything new was read, 3 when a message was
//! skipped (too large; each has a warning on standard error), 1 on failure (nothing read
//! after the failure is recorded, and the folder's mark stays where it was).

use super::Output;
use crate::actions::{self, App, SyncReport};
use crate::exit::Status;
use anyhow::Result;
use std::fmt::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How far back the first sync of a folder reads: days (30d), weeks (2w) or a date
    /// (2026-11-01). Later syncs read what arrived since the last one.
    #[arg(long, value_name = "WINDOW", default_value = actions::DEFAULT_SINCE)]
    since: String,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let report = actions::sync(app, Some(&args.since)).await?;
    for p in &report.problems {
        eprintln!("bowout: warning: {}: {}", p.location, p.message);
    }
    // Everything is recorded by now: a closed standard output does not hide a skip.
    crate::exit::unless_closed(out.either(&report, || render(&report)))?;
    Ok(if report.problems.is_empty() {
        Status::Success
    } else {
        Status::Skipped
    })
}

/// `1 receipt`, `2 receipts`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn render(r: &SyncReport) -> String {
    let mut s = String::new();
    for i in &r.invitations {
        let what = match i.outcome {
            "recorded" => "new invitation",
            "linked" => "later message",
            _ => "recorded before",
        };
        let employer = i.employer.as_deref().unwrap_or("?");
        let title = i.job_title.as_deref().unwrap_or("?");
        let _ = writeln!(
            s,
            "{what:<16} {}  {employer} — {title}  ({})",
            i.id, i.source
        );
        if let Some(todo) = &i.todo {
            let _ = writeln!(s, "{:<16} {}  {todo}", "needs you", i.id);
        }
    }
    for i in &r.review {
        let _ = writeln!(
            s,
            "{:<16} {}  may be an invitation ({:.0} %): {}; answer with bowout review",
            "to review",
            i.key,
            i.score * 100.0,
            i.subject.as_deref().unwrap_or("(no subject)")
        );
    }
    for x in &r.replies {
        let from = x.from.as_deref().unwrap_or("(no sender)");
        let id = x.invitation_id.as_deref().unwrap_or("?");
        let what = match x.outcome {
            "acknowledged" => "receipt",
            "auto-reply" => "automatic reply",
            "already-seen" => "recorded before",
            "already-acknowledged" => "acknowledged before",
            other => other,
        };
        let _ = writeln!(
            s,
            "{what:<16} {id}  from {from} {:?}  ({})",
            x.subject, x.source
        );
    }
    for f in &r.folders {
        if let Some(was) = f.uid_validity_was {
            let _ = writeln!(
                s,
                "UIDVALIDITY of {} changed ({was} → {}): read again; nothing is recorded twice",
                f.mailbox, f.uid_validity
            );
        }
        let first = f
            .since
            .map(|d| format!(" (first sync: since {d})"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "IMAP {} {}: {} read, up to UID {}{first}",
            r.account,
            f.mailbox,
            count(f.read, "message", "messages"),
            f.last_uid
        );
    }
    let scams = if r.scams > 0 {
        format!(", {} not recorded", count(r.scams, "scam", "scams"))
    } else {
        String::new()
    };
    let linked = if r.linked > 0 {
        format!(", {}", count(r.linked, "later message", "later messages"))
    } else {
        String::new()
    };
    let _ = write!(
        s,
        "{}{linked}, {} to review, {}{scams}",
        count(r.new_invitations, "new invitation", "new invitations"),
        r.review.len(),
        count(r.receipts, "receipt", "receipts"),
    );
    s
}
