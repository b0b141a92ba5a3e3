//! `bowout calendar --out FILE.ics`: calls and interviews for any calendar program.

use super::Output;
use crate::actions::{self, App};
use crate::exit::Status;
use anyhow::Result;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The iCalendar file to write (replaced atomically).
    #[arg(long, value_name = "FILE.ics")]
    out: PathBuf,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let written = actions::calendar(app, &args.out).await?;
    out.either(&written, || {
        format!(
            "Wrote {}: {} follow-up call(s), {} interview(s)",
            written.path, written.calls, written.interviews
        )
    })?;
    Ok(Status::Success)
}
