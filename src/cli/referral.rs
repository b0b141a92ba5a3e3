//! `bowout referral add`: a colleague who agreed to be referred.

use super::Output;
use crate::actions::{self, App, NewReferral};
use crate::exit::Status;
use anyhow::Result;
use bowout_core::model::{EmailAddress, PersonName, Phone};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Record a colleague who agreed to be named; prints its id.
    Add(AddArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The colleague's name.
    #[arg(long, value_name = "N")]
    name: PersonName,
    /// Their personal (non-work) email address.
    #[arg(long, value_name = "E")]
    email: EmailAddress,
    /// Their phone.
    #[arg(long, value_name = "P")]
    phone: Option<Phone>,
    /// When and how they agreed: "YYYY-MM-DD how", e.g. "2026-11-20 phone call".
    #[arg(long, value_name = "\"YYYY-MM-DD how\"")]
    permission: String,
    /// Their employer's mail domain, so that a work address is refused.
    #[arg(long, value_name = "DOMAIN")]
    work_domain: Option<String>,
}

pub async fn run(app: &App, cmd: Command, out: &Output) -> Result<Status> {
    let Command::Add(args) = cmd;
    let id = actions::add_referral(
        app,
        NewReferral {
            name: args.name,
            email: args.email,
            phone: args.phone,
            permission: args.permission,
            work_domain: args.work_domain,
        },
    )
    .await?;
    out.either(&actions::Created { id: id.clone() }, || id.clone())?;
    Ok(Status::Success)
}
