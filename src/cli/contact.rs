//! `bowout contact add|edit|remove|primary ID …`: an invitation's contacts corrected, and
//! `contact set ID --address LINE…`: a contact's postal address, for the letter.

use super::Output;
use crate::actions::{
    self, App, ContactAddress, ContactChanged, ContactEdit, GreetingEdit, NewContactInput,
};
use crate::exit::Status;
use anyhow::Result;
use bowout_core::model::{EmailAddress, Greeting, PersonName, Phone, Role};
use std::fmt::Write;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a contact to an invitation.
    Add(AddArgs),
    /// Correct a contact's name, address, role, phone or greeting.
    Edit(EditArgs),
    /// Remove a contact (not the primary one, nor one a message was sent to).
    Remove(WhichArgs),
    /// Make a contact the primary one, the person to answer.
    Primary(WhichArgs),
    /// Record (or clear) a contact's postal address.
    Set(SetArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Invitation id (or a unique prefix).
    id: String,
    /// Their name.
    #[arg(long, value_name = "N")]
    name: PersonName,
    /// Their email address.
    #[arg(long, value_name = "E")]
    email: EmailAddress,
    /// Their role (hiring manager, panelist…).
    #[arg(long, value_name = "R")]
    role: Option<Role>,
    /// Their phone.
    #[arg(long, value_name = "P")]
    phone: Option<Phone>,
    /// The name to greet them by, when not their full name ("Dr. Whitcombe"): the drafts
    /// then open "Dear Dr. Whitcombe,".
    #[arg(long, value_name = "NAME")]
    greeting: Option<PersonName>,
    /// Greet them informally by --greeting ("Hi Karen,"), as they wrote to you.
    #[arg(long, requires = "greeting")]
    informal: bool,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// Invitation id (or a unique prefix).
    id: String,
    /// Which contact: their address as recorded.
    #[arg(long, value_name = "E")]
    email: EmailAddress,
    /// Their name.
    #[arg(long, value_name = "N")]
    name: Option<PersonName>,
    /// Their new email address.
    #[arg(long, value_name = "E")]
    new_email: Option<EmailAddress>,
    /// Their role.
    #[arg(long, value_name = "R")]
    role: Option<Role>,
    /// Their phone.
    #[arg(long, value_name = "P")]
    phone: Option<Phone>,
    /// The name to greet them by ("Dr. Whitcombe", "Karen").
    #[arg(long, value_name = "NAME")]
    greeting: Option<PersonName>,
    /// Greet them informally ("Hi Karen,").
    #[arg(long, conflicts_with = "formal")]
    informal: bool,
    /// Greet them formally ("Dear Dr. Whitcombe,").
    #[arg(long)]
    formal: bool,
    /// Greet them as by default again: "Dear <full name>,".
    #[arg(long, conflicts_with_all = ["greeting", "informal", "formal"])]
    no_greeting: bool,
}

#[derive(Debug, clap::Args)]
pub struct WhichArgs {
    /// Invitation id (or a unique prefix).
    id: String,
    /// Which contact: their email address.
    #[arg(long, value_name = "E")]
    email: EmailAddress,
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
    let changed = match cmd {
        Command::Set(args) => return set(app, args, out).await,
        Command::Add(a) => {
            let input = NewContactInput {
                invitation: a.id,
                name: a.name,
                email: a.email,
                role: a.role,
                phone: a.phone,
                greeting: a.greeting.map(|name| Greeting {
                    name,
                    formal: !a.informal,
                }),
            };
            actions::add_contact(app, input).await?
        }
        Command::Edit(a) => {
            let input = ContactEdit {
                invitation: a.id,
                email: a.email,
                name: a.name,
                new_email: a.new_email,
                role: a.role,
                phone: a.phone,
                greeting: GreetingEdit {
                    name: a.greeting,
                    formal: match (a.formal, a.informal) {
                        (true, _) => Some(true),
                        (_, true) => Some(false),
                        _ => None,
                    },
                    clear: a.no_greeting,
                },
            };
            actions::edit_contact(app, input).await?
        }
        Command::Remove(a) => actions::remove_contact(app, &a.id, &a.email).await?,
        Command::Primary(a) => actions::make_primary(app, &a.id, &a.email).await?,
    };
    out.either(&changed, || render(&changed))?;
    Ok(Status::Success)
}

fn render(c: &ContactChanged) -> String {
    let mut s = String::new();
    let who = c.contact.email.as_str();
    match c.action {
        "added" => {
            let _ = write!(s, "{}: contact {who} added", c.invitation_id);
        }
        "removed" => {
            let _ = write!(s, "{}: contact {who} removed", c.invitation_id);
        }
        _ if c.changes.is_empty() => {
            let _ = write!(s, "{}: nothing changed", c.invitation_id);
        }
        _ => {
            let lines: Vec<String> = c
                .changes
                .iter()
                .map(|ch| format!("{}: {}", c.invitation_id, ch.describe()))
                .collect();
            s.push_str(&lines.join("\n"));
        }
    }
    if c.drafts_stale {
        let _ = write!(
            s,
            "\nThe drafts are stale: run `bowout decline {0}` (or accept) again before sending.",
            c.invitation_id
        );
    }
    s
}

async fn set(app: &App, args: SetArgs, out: &Output) -> Result<Status> {
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
