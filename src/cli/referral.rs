//! `bowout referral add`: a colleague who agreed to be referred.

use super::Output;
use crate::actions::{self, App, NewReferral};
use crate::exit::{Status, usage};
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
    #[arg(long, value_name = "\"YYYY-MM-DD how\"", value_parser = parse_permission)]
    permission: Permission,
    /// Their employer's mail domain, so that a work address is refused.
    #[arg(long, value_name = "DOMAIN")]
    work_domain: Option<String>,
}

/// `--permission` as given, with its date.
#[derive(Debug, Clone)]
struct Permission {
    raw: String,
    date: jiff::civil::Date,
}

/// `YYYY-MM-DD how`, checked as the action checks it, so that a malformed one is a usage
/// error found before anything is done.
fn parse_permission(raw: &str) -> Result<Permission, String> {
    let bad = |why: &str| format!("{why}; give \"YYYY-MM-DD how\", e.g. \"2026-11-20 phone call\"");
    if raw.contains(['\r', '\n']) {
        return Err(bad("it contains a line break"));
    }
    let (date, how) = raw
        .trim()
        .split_once(char::is_whitespace)
        .ok_or_else(|| bad("it needs a date and how permission was given"))?;
    let date = date
        .parse()
        .map_err(|_| bad("the date is not YYYY-MM-DD"))?;
    let how = how.trim();
    if how.is_empty() || how.chars().count() > 200 {
        return Err(bad(
            "say how permission was given, in at most 200 characters",
        ));
    }
    Ok(Permission {
        raw: raw.to_string(),
        date,
    })
}

pub async fn run(app: &App, cmd: Command, out: &Output) -> Result<Status> {
    let Command::Add(args) = cmd;
    // Values refused whatever the store holds: usage errors, before anything is done.
    if args.permission.date > app.clock.today() {
        return Err(usage(format!(
            "the permission date {} is in the future",
            args.permission.date
        )));
    }
    if let Some(domain) = args.work_domain.as_deref()
        && args.email.same_organisation(domain)
    {
        return Err(usage(format!(
            "{} is at the colleague's work domain {domain}; record their personal (non-work) address",
            args.email
        )));
    }
    let id = actions::add_referral(
        app,
        NewReferral {
            name: args.name,
            email: args.email,
            phone: args.phone,
            permission: args.permission.raw,
            work_domain: args.work_domain,
        },
    )
    .await?;
    out.either(&serde_json::json!({ "id": id }), || id.clone())?;
    Ok(Status::Success)
}
