//! `bowout dismiss ID --reason …`: off the list and the agenda, with its history kept.

use super::Output;
use crate::actions::{self, App, DismissReason};
use crate::exit::Status;
use anyhow::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Invitation id (or a unique prefix).
    id: String,
    /// Why: duplicate (recorded twice), not-an-invitation, or withdrawn (by the employer).
    #[arg(long, value_parser = ["duplicate", "not-an-invitation", "withdrawn"])]
    reason: String,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let reason = DismissReason::parse(&args.reason)
        .ok_or_else(|| crate::exit::usage(format!("unknown --reason {:?}", args.reason)))?;
    let dismissed = actions::dismiss(app, &args.id, reason).await?;
    out.either(&dismissed, || {
        format!(
            "{0} dismissed ({1}); it was {2}. `bowout list --all` still shows it, and \
             `bowout undismiss {0}` brings it back.",
            dismissed.id, dismissed.reason, dismissed.previous_status
        )
    })?;
    Ok(Status::Success)
}
