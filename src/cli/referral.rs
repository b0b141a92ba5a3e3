//! `bowout referral add|list|edit|remove`: colleagues who agreed to be referred.

use super::Output;
use crate::actions::{self, App, NewReferral, ReferralEdit, ReferralItem};
use crate::exit::Status;
use anyhow::Result;
use bowout_core::model::{EmailAddress, PersonName, Phone};
use std::fmt::Write;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Record a colleague who agreed to be named; prints its id.
    Add(AddArgs),
    /// Every colleague recorded, and where each is named.
    List,
    /// Correct a colleague's details.
    Edit(EditArgs),
    /// Forget a colleague (refused once a decline naming them was sent or exported).
    Remove(RemoveArgs),
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// Referral id (or a unique prefix).
    id: String,
    /// Their name.
    #[arg(long, value_name = "N")]
    name: Option<PersonName>,
    /// Their personal (non-work) email address.
    #[arg(long, value_name = "E")]
    email: Option<EmailAddress>,
    /// Their phone.
    #[arg(long, value_name = "P")]
    phone: Option<Phone>,
    /// When and how they agreed: "YYYY-MM-DD how".
    #[arg(long, value_name = "\"YYYY-MM-DD how\"")]
    permission: Option<String>,
    /// Their employer's mail domain, so that a work address is refused.
    #[arg(long, value_name = "DOMAIN")]
    work_domain: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// Referral id (or a unique prefix).
    id: String,
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
    match cmd {
        Command::Add(args) => add(app, args, out).await,
        Command::List => {
            let items = actions::referrals(app).await?;
            out.either(&items, || render_list(&items))?;
            Ok(Status::Success)
        }
        Command::Edit(a) => {
            let input = ReferralEdit {
                id: a.id,
                name: a.name,
                email: a.email,
                phone: a.phone,
                permission: a.permission,
                work_domain: a.work_domain,
            };
            let edited = actions::edit_referral(app, input).await?;
            out.either(&edited, || {
                let mut lines: Vec<String> = edited
                    .changes
                    .iter()
                    .map(|c| format!("{}: {}", edited.id, c.describe()))
                    .collect();
                if lines.is_empty() {
                    lines.push(format!("{}: nothing changed", edited.id));
                }
                lines.extend(stale_lines(&edited.stale_drafts));
                lines.join("\n")
            })?;
            Ok(Status::Success)
        }
        Command::Remove(a) => {
            let removed = actions::remove_referral(app, &a.id).await?;
            out.either(&removed, || {
                let mut lines = vec![format!(
                    "referral {} ({}) removed",
                    removed.name, removed.id
                )];
                lines.extend(stale_lines(&removed.stale_drafts));
                lines.join("\n")
            })?;
            Ok(Status::Success)
        }
    }
}

/// One line per invitation whose drafts became stale.
fn stale_lines(ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            format!("The drafts of {id} are stale: run `bowout decline {id}` again before sending.")
        })
        .collect()
}

fn render_list(items: &[ReferralItem]) -> String {
    if items.is_empty() {
        return "No referrals yet. Record one with `bowout referral add`.".into();
    }
    let mut s = String::new();
    for r in items {
        let phone = r
            .phone
            .as_deref()
            .map(|p| format!(", {p}"))
            .unwrap_or_default();
        let named = match (r.named_in.len(), r.sent) {
            (0, _) => String::new(),
            (n, true) => format!("; named in {n} decline(s), sent: kept for the record"),
            (n, false) => format!("; named in {n} draft decline(s)"),
        };
        let _ = writeln!(
            s,
            "{}  {} <{}>{phone}  (permission {} by {}){named}",
            r.id, r.name, r.email, r.permission_date, r.permission_how
        );
    }
    s
}

async fn add(app: &App, args: AddArgs, out: &Output) -> Result<Status> {
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
