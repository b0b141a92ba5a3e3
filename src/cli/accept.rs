//! `bowout accept ID`: record the decision and draft the acceptance.

use super::Output;
use super::drafts::print_drafts;
use crate::actions::{self, AcceptInput, App};
use crate::exit::Status;
use anyhow::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Invitation id (or a unique prefix).
    id: String,
    /// The interview time, "YYYY-MM-DD HH:MM", if already known.
    #[arg(long, value_name = "\"YYYY-MM-DD HH:MM\"", value_parser = parse_at)]
    at: Option<String>,
    /// The time zone of --at (IANA name, e.g. Europe/Berlin); default: yours.
    #[arg(long, value_name = "ZONE", requires = "at", value_parser = parse_tz)]
    tz: Option<String>,
}

/// `--at` must be a time the action can read: a malformed one is a usage error.
fn parse_at(at: &str) -> Result<String, String> {
    at.trim()
        .parse::<jiff::civil::DateTime>()
        .map(|_| at.to_string())
        .map_err(|_| "give the interview time as \"YYYY-MM-DD HH:MM\"".to_string())
}

/// `--tz` must name a time zone this machine knows.
fn parse_tz(name: &str) -> Result<String, String> {
    jiff::tz::TimeZone::get(name)
        .map(|_| name.to_string())
        .map_err(|_| format!("unknown time zone {name:?}"))
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let draft = actions::accept(
        app,
        AcceptInput {
            id: args.id,
            at: args.at,
            tz: args.tz,
        },
    )
    .await?;
    print_drafts(std::slice::from_ref(&draft), out)?;
    Ok(Status::Success)
}
