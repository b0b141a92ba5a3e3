//! `bowout accept ID`: record the decision and draft the acceptance.

use super::Output;
use super::drafts::print_drafts;
use crate::actions::{self, AcceptInput, App};
use crate::exit::Status;
use anyhow::{Context, Result, bail};
use std::io::{BufRead, IsTerminal, Write};

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
    /// Record an --at in the past without asking (without a terminal, it is refused
    /// otherwise).
    #[arg(long)]
    yes: bool,
    /// Write the acceptance in this language (en, fr, de, es, pt, it) and keep it as the
    /// invitation's; default: the invitation's.
    #[arg(long, value_name = "LANG", value_parser = super::add::parse_language)]
    lang: Option<bowout_core::model::Language>,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let mut past_confirmed = args.yes;
    if let Some(at) = args.at.as_deref()
        && !past_confirmed
        && std::io::stdin().is_terminal()
        && std::io::stderr().is_terminal()
        && let Some(shown) = actions::interview_in_past(app, at, args.tz.as_deref())?
    {
        if !confirm(&format!("{shown} is in the past; record it anyway? [y/N] "))? {
            bail!("nothing was recorded: the interview time is in the past");
        }
        past_confirmed = true;
    }
    let draft = actions::accept(
        app,
        AcceptInput {
            id: args.id,
            at: args.at,
            tz: args.tz,
            minutes: args.duration,
            location: args.location,
            video_link: args.video_link,
            past_confirmed,
            language: args.lang,
        },
    )
    .await?;
    print_drafts(std::slice::from_ref(&draft), out)?;
    Ok(Status::Success)
}

/// Asks a yes/no question on the terminal; only `y` or `yes` is yes.
fn confirm(question: &str) -> Result<bool> {
    let mut stderr = std::io::stderr().lock();
    write!(stderr, "{question}")
        .and_then(|()| stderr.flush())
        .context("cannot ask")?;
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .context("cannot read the answer")?;
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}
