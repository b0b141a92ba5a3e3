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
    /// Write the declines in this language (en, fr, de, es, pt, it) and keep it as the
    /// invitation's; default: the invitation's (detected at import).
    #[arg(long, value_name = "LANG", value_parser = super::add::parse_language)]
    lang: Option<bowout_core::model::Language>,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let reason = DeclineReason::parse(&args.reason).unwrap_or_default();
    let drafts = actions::decline(
        app,
        DeclineInput {
            id: args.id,
            reason,
            referral: args.refer,
            language: args.lang,
        },
    )
    .await?;
    print_drafts(&drafts, out)?;
    Ok(Status::Success)
}
