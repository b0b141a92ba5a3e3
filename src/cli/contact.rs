//! `bowout contact set ID --address LINE…`: a contact's postal address, for the letter.

use super::Output;
use crate::actions::{self, App, ContactAddress};
use crate::exit::Status;
use anyhow::Result;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Record (or clear) a contact's postal address.
    Set(SetArgs),
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// Invitation id (or a unique prefix of at least 4 characters).
    id: String,
    /// Which contact, by email address; default: the primary contact.
    #[arg(long, value_name = "E")]
    email: Option<String>,
    /// One line of the postal address; repeat for each line.
    #[arg(
        long,
        value_name = "LINE",
        required_unless_present = "clear_address",
        conflicts_with = "clear_address"
    )]
    address: Vec<String>,
    /// Forget the contact's postal address.
    #[arg(long)]
    clear_address: bool,
}

pub async fn run(app: &App, cmd: Command, out: &Output) -> Result<Status> {
    let Command::Set(args) = cmd;
    let view = actions::set_contact_address(
        app,
        ContactAddress {
            invitation: args.id,
            email: args.email,
            lines: args.address,
        },
    )
    .await?;
    out.either(&view, || match &view.postal_address {
        Some(address) => format!(
            "postal address of {}:\n  {}",
            view.email,
            address.replace('\n', "\n  ")
        ),
        None => format!("postal address of {} cleared", view.email),
    })?;
    Ok(Status::Success)
}
