//! `bowout export` and `bowout restore`: the whole store as one JSON file.

use super::Output;
use crate::actions::{self, App};
use crate::exit::Status;
use crate::store::export::Dump;
use anyhow::{Context, Result, bail};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Where to write the JSON (written whole or not at all).
    #[arg(long, value_name = "FILE.json")]
    out: PathBuf,
    /// Replace FILE.json when it exists (otherwise an existing file is left untouched).
    #[arg(long)]
    force: bool,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// A file written by `bowout export`.
    file: PathBuf,
}

pub async fn export(app: &App, args: ExportArgs, out: &Output) -> Result<Status> {
    let dump = actions::export(app).await?;
    let mut text = serde_json::to_vec_pretty(&dump).context("cannot serialise the export")?;
    text.push(b'\n');
    crate::testhook::pause("export:dumped");
    let written = if args.force {
        crate::fsutil::write_atomic(&args.out, &text)
    } else {
        crate::fsutil::write_new(&args.out, &text)
    };
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => bail!(
            "{} already exists; nothing was written (pass --force to replace it)",
            args.out.display()
        ),
        other => other.with_context(|| format!("cannot write {}", args.out.display()))?,
    }
    let summary = actions::ExportSummary {
        out: args.out.clone(),
        invitations: dump.invitations.len(),
        referrals: dump.referrals.len(),
        archive_files: dump.archive.len(),
    };
    out.either(&summary, || {
        format!(
            "Exported {} invitation(s), {} referral(s) and {} archived file(s) to {}",
            dump.invitations.len(),
            dump.referrals.len(),
            dump.archive.len(),
            args.out.display()
        )
    })?;
    Ok(Status::Success)
}

pub async fn restore(app: &App, args: RestoreArgs, out: &Output) -> Result<Status> {
    let text = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let dump: Dump = serde_json::from_slice(&text)
        .with_context(|| format!("{} is not a valid bowout export", args.file.display()))?;
    let summary = actions::restore(app, &dump).await?;
    out.either(&summary, || {
        let config = if summary.config { ", config.toml" } else { "" };
        format!(
            "Restored {} invitation(s), {} referral(s), {} message(s), {} event(s), \
             {} archived file(s), {} template(s){config}",
            summary.invitations,
            summary.referrals,
            summary.messages,
            summary.events,
            summary.archive_files,
            summary.templates
        )
    })?;
    Ok(Status::Success)
}
