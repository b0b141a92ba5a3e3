//! `bowout drafts ID`: the drafts with their lint findings.

use super::Output;
use crate::actions::{self, App, DraftView};
use crate::exit::Status;
use anyhow::Result;
use bowout_core::compose::lint::{Finding, Severity};
use std::fmt::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Invitation id (or a unique prefix).
    id: String,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let drafts = actions::drafts(app, &args.id).await?;
    print_drafts(&drafts, out)?;
    Ok(Status::Success)
}

/// Prints drafts as `drafts --json` or as text; shared by decline, accept and drafts.
pub fn print_drafts(drafts: &[DraftView], out: &Output) -> Result<()> {
    out.either(drafts, || {
        if drafts.is_empty() {
            return "No drafts: decide first with `bowout decline ID` or `bowout accept ID`."
                .into();
        }
        let mut s = String::new();
        for (i, d) in drafts.iter().enumerate() {
            let to =
                d.to.name
                    .as_deref()
                    .map_or(d.to.email.clone(), |n| format!("{n} <{}>", d.to.email));
            let _ = writeln!(s, "── Draft {} of {} ({}) ──", i + 1, drafts.len(), d.kind);
            let _ = writeln!(s, "To: {to}\nSubject: {}\n\n{}", d.subject, d.body);
            s.push_str(&render_findings(&d.lint));
        }
        s
    })
}

pub fn render_findings(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "Lint: no findings.\n".into();
    }
    let mut s = String::new();
    for f in findings {
        let sev = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(s, "Lint {sev} [{}]: {}", f.rule, f.message);
    }
    s
}
