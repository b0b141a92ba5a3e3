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
    #[arg(long, value_name = "\"YYYY-MM-DD HH:MM\"")]
    at: Option<String>,
    /// The time zone of --at (IANA name, e.g. Europe/Berlin); default: yours.
    #[arg(long, value_name = "ZONE", requires = "at")]
    tz: Option<String>,
    /// How long the interview lasts, in minutes (default 60): the calendar event's end.
    #[arg(long, value_name = "MINUTES")]
    duration: Option<u16>,
    /// Where the interview is (an address, a room): the calendar event's location.
    #[arg(long, value_name = "TEXT")]
    location: Option<String>,
    /// The video call's link (http or https): in the calendar event's description and URL.
    #[arg(long, value_name = "URL")]
    video_link: Option<String>,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let draft = actions::accept(
        app,
        AcceptInput {
            id: args.id,
            at: args.at,
            tz: args.tz,
            minutes: args.duration,
            location: args.location,
            video_link: args.video_link,
        },
    )
    .await?;
    print_drafts(std::slice::from_ref(&draft), out)?;
    Ok(Status::Success)
}
