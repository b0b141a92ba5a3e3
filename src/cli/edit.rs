//! `bowout edit ID`: correct what was captured (employer, agency, title, requisition, round)
//! or an accepted interview's time.

use super::Output;
use crate::actions::{self, App, EditInput, Edited};
use crate::exit::Status;
use anyhow::Result;
use bowout_core::model::{JobTitle, Language, OrgName, Requisition, Round};
use std::fmt::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Invitation id (or a unique prefix).
    id: String,
    /// The hiring employer.
    #[arg(long, value_name = "E")]
    employer: Option<OrgName>,
    /// The recruiting agency.
    #[arg(long, value_name = "A", conflicts_with = "no_agency")]
    agency: Option<OrgName>,
    /// There is no agency.
    #[arg(long)]
    no_agency: bool,
    /// The job title.
    #[arg(long, value_name = "T")]
    title: Option<JobTitle>,
    /// The requisition number, as written (a label like "Req #" is dropped).
    #[arg(long, value_name = "R", conflicts_with = "no_req")]
    req: Option<Requisition>,
    /// There is no requisition number.
    #[arg(long)]
    no_req: bool,
    /// The round: 1 (first or phone screen), 2, or 3 (final).
    #[arg(long, value_name = "N")]
    round: Option<Round>,
    /// The interview time of an accepted invitation, "YYYY-MM-DD HH:MM".
    #[arg(long, value_name = "\"YYYY-MM-DD HH:MM\"")]
    at: Option<String>,
    /// The time zone of --at (IANA name, e.g. Europe/Berlin); default: yours.
    #[arg(long, value_name = "ZONE", requires = "at")]
    tz: Option<String>,
    /// The language to answer in: en, fr, de, es, pt or it (the drafts become stale).
    #[arg(long, value_name = "LANG", value_parser = super::add::parse_language)]
    lang: Option<Language>,
}

/// `Some(None)` for `--no-…`, `Some(Some(v))` for a value, `None` for neither.
fn set_or_clear<T>(value: Option<T>, clear: bool) -> Option<Option<T>> {
    if clear { Some(None) } else { value.map(Some) }
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let edited = actions::edit(
        app,
        EditInput {
            id: args.id,
            employer: args.employer,
            agency: set_or_clear(args.agency, args.no_agency),
            title: args.title,
            requisition: set_or_clear(args.req, args.no_req),
            round: args.round,
            at: args.at,
            tz: args.tz,
            language: args.lang,
        },
    )
    .await?;
    out.either(&edited, || render(&edited))?;
    Ok(Status::Success)
}

fn render(e: &Edited) -> String {
    if e.changes.is_empty() {
        return format!("{}: nothing changed", e.id);
    }
    let mut s = String::new();
    for c in &e.changes {
        let _ = writeln!(s, "{}: {}", e.id, c.describe());
    }
    if e.drafts_stale {
        let _ = write!(
            s,
            "The drafts are stale: run `bowout decline {0}` (or accept) again before sending.",
            e.id
        );
    }
    s
}
