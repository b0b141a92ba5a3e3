//! `bowout contact set ID --address LINE…`: a contact's postal address, for the letter.

use super::Output;
use crate::actions::{self, App, ContactAddress};
use crate::exit::{Status, usage};
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
        conflicts_with = "clear_address",
        value_parser = parse_address_line
    )]
    address: Vec<String>,
    /// Forget the contact's postal address.
    #[arg(long)]
    clear_address: bool,
}

/// Longest address line, and most lines: what fits an envelope window.
const MAX_LINE: usize = 100;
const MAX_LINES: usize = 6;

/// The lines of one `--address` (it may hold line breaks itself), blank ones dropped.
fn address_lines(given: &str) -> impl Iterator<Item = &str> {
    given
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

/// Every line of an `--address` fits the envelope window: a usage error otherwise.
fn parse_address_line(given: &str) -> Result<String, String> {
    let too_long_or_control =
        |line: &str| line.chars().count() > MAX_LINE || line.chars().any(char::is_control);
    if address_lines(given).any(too_long_or_control) {
        return Err(format!(
            "an address line has at most {MAX_LINE} characters and no control characters"
        ));
    }
    Ok(given.to_string())
}

pub async fn run(app: &App, cmd: Command, out: &Output) -> Result<Status> {
    let Command::Set(args) = cmd;
    let lines = args.address.iter().flat_map(|a| address_lines(a)).count();
    if lines > MAX_LINES {
        return Err(usage(format!(
            "a postal address has at most {MAX_LINES} lines; {lines} given"
        )));
    }
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
