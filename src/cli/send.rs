//! `bowout send ID`: the drafts over SMTP, one message per contact, or as `.eml` files.

use super::Output;
use crate::actions::{self, App, MessageReport, SendInput, SendMode, SendReport};
use crate::exit::Status;
use anyhow::{Result, bail};
use std::fmt::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Invitation id (or a unique prefix).
    id: String,
    /// Show what would be sent; send and record nothing.
    #[arg(long, conflicts_with_all = ["eml_dir", "confirm_sent", "resend"])]
    dry_run: bool,
    /// Write the messages as .eml files into DIR for your own mail client instead of
    /// sending them; they stay "exported" until you --confirm-sent them.
    #[arg(long, value_name = "DIR")]
    eml_dir: Option<PathBuf>,
    /// Send drafts even though the diplomacy linter found errors in them.
    #[arg(long)]
    force: bool,
    /// A message in doubt (unknown or exported) that you found in your Sent folder: mark it
    /// sent. Give its Message-ID (see `bowout show`), or `all`.
    #[arg(long, value_name = "MSG")]
    confirm_sent: Vec<String>,
    /// A message in doubt that did not arrive: send it again (same Message-ID).
    #[arg(long, value_name = "MSG")]
    resend: Vec<String>,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let mode = match (args.dry_run, args.eml_dir) {
        (true, _) => SendMode::DryRun,
        (false, Some(dir)) => SendMode::EmlDir(dir),
        (false, None) => SendMode::Smtp,
    };
    let report = actions::send(
        app,
        SendInput {
            id: args.id,
            mode,
            force: args.force,
            confirm_sent: args.confirm_sent,
            resend: args.resend,
        },
    )
    .await?;
    // A closed standard output must not hide a message that failed.
    crate::exit::unless_closed(out.either(&report, || render(&report)))?;
    match report.problem() {
        Some(problem) if report.mode != "dry-run" => bail!("{problem}"),
        _ => Ok(Status::Success),
    }
}

fn who(m: &MessageReport) -> String {
    match &m.to.name {
        Some(n) => format!("{n} <{}>", m.to.email),
        None => m.to.email.clone(),
    }
}

fn render(r: &SendReport) -> String {
    let mut s = String::new();
    if r.mode == "dry-run" {
        let _ = writeln!(s, "Dry run: nothing is sent or recorded.");
        if let Some(server) = &r.server {
            let _ = writeln!(s, "Server: {server}");
        }
        if let Some(blocked) = &r.blocked {
            let _ = writeln!(s, "A real run would stop here: {blocked}");
        }
    }
    if r.messages.is_empty() {
        let _ = writeln!(s, "No drafts to send for invitation {}.", r.invitation);
    }
    for m in &r.messages {
        let state = m.status.map_or("new", crate::mail::outbox::Status::as_str);
        let _ = writeln!(s, "{:<12} {}  [{state}]", m.action, who(m));
        if let Some(id) = &m.message_id {
            let _ = writeln!(s, "    Message-ID {id}");
        }
        if let (Some(copy), Some(hash)) = (&m.copy, &m.sha256) {
            let _ = writeln!(s, "    copy {copy}\n    sha256 {hash}");
        }
        if let Some(eml) = &m.eml {
            let _ = writeln!(s, "    written to {eml}");
        }
        if let Some(note) = &m.note {
            let _ = writeln!(s, "    {note}");
        }
        if let Some(body) = &m.body {
            let _ = writeln!(s, "    Subject: {}", m.subject);
            for line in super::drafts::render_findings(&m.lint).lines() {
                let _ = writeln!(s, "    {line}");
            }
            for line in body.lines() {
                let _ = writeln!(s, "    | {line}");
            }
        }
    }
    let waiting = r.still_exported();
    if r.only_confirming && !waiting.is_empty() {
        let who: Vec<String> = waiting.iter().map(|m| who(m)).collect();
        let _ = writeln!(
            s,
            "Still exported, waiting for --confirm-sent once you have sent them: {}",
            who.join(", ")
        );
    }
    let _ = write!(s, "Invitation {} is {}.", r.invitation, r.status);
    s
}
