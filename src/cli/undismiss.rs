//! `bowout undismiss ID`: a dismissed invitation back on the list.

use super::Output;
use crate::actions::{self, App};
use crate::exit::Status;
use anyhow::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Invitation id (or a unique prefix).
    id: String,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let back = actions::undismiss(app, &args.id).await?;
    out.either(&back, || {
        format!("{} is back on the list ({})", back.id, back.status)
    })?;
    Ok(Status::Success)
}
