//! `bowout verify [ID]`: re-hash the archived copies; fail when one changed or is missing.

use super::Output;
use crate::actions::{self, App, CopyCheck};
use crate::exit::Status;
use anyhow::{Result, bail};
use std::fmt::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this invitation's messages (id or unique prefix); default: every message.
    id: Option<String>,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let checks = actions::verify(app, args.id.as_deref()).await?;
    // A closed standard output must not hide a copy that failed verification.
    crate::exit::unless_closed(out.either(&checks, || render(&checks)))?;
    let bad: Vec<&CopyCheck> = checks.iter().filter(|c| !c.is_intact()).collect();
    if let Some(first) = bad.first() {
        bail!(
            "{} of {} archived cop{} failed verification; first: the message to {} is {} ({})",
            bad.len(),
            checks.len(),
            if checks.len() == 1 { "y" } else { "ies" },
            first.to,
            first.result,
            first.copy.as_deref().unwrap_or("no copy recorded")
        );
    }
    Ok(Status::Success)
}

fn render(checks: &[CopyCheck]) -> String {
    if checks.is_empty() {
        return "No archived messages yet.".into();
    }
    let mut s = String::new();
    for c in checks {
        let _ = writeln!(
            s,
            "{:<10} {} → {}  {}",
            c.result,
            c.message_id,
            c.to,
            c.copy.as_deref().unwrap_or("(no copy recorded)")
        );
        if let Some(actual) = &c.actual {
            let expected = c.sha256.as_deref().unwrap_or("?");
            let _ = writeln!(
                s,
                "           recorded sha256 {expected}\n           found    sha256 {actual}"
            );
        }
        if let Some(d) = &c.detail {
            let _ = writeln!(s, "           {d}");
        }
    }
    let intact = checks.iter().filter(|c| c.is_intact()).count();
    let _ = write!(s, "{intact} of {} copies intact.", checks.len());
    s
}
