//! `bowout decline ID`: record the decision and draft one message per contact.

use super::Output;
use super::drafts::print_drafts;
use crate::actions::{self, App, DeclineInput};
use crate::exit::Status;
use anyhow::Result;
use bowout_core::model::DeclineReason;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Invitation id (or a unique prefix).
    id: String,
    /// The reason given: none, accepted-job, or field-fit ("this field is not a good fit for
    /// me at this point in my career").
    #[arg(long, default_value = "none", value_parser = ["none", "accepted-job", "field-fit"])]
    reason: String,
    /// A referral id (see `bowout referral add`) to name in the decline.
    #[arg(long, value_name = "RID")]
    refer: Option<String>,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let reason = DeclineReason::parse(&args.reason).unwrap_or_default();
    let drafts = actions::decline(
        app,
        DeclineInput {
            id: args.id,
            reason,
            referral: args.refer,
        },
    )
    .await?;
    print_drafts(&drafts, out)?;
    Ok(Status::Success)
}
