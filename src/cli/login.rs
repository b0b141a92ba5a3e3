//! `bowout login [google|microsoft|custom]`: sign in with OAuth2 in the browser;
//! `bowout login --status`; `bowout logout`.
//!
//! The address to open goes to standard error (with `--no-browser` it is only printed), so
//! that standard output carries the result alone.

use super::Output;
use crate::actions::{self, App, LoginStatus, SignedIn, SignedOut};
use crate::exit::Status;
use crate::mail::oauth::Provider;
use anyhow::{Result, bail};
use std::fmt::Write;
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to sign in (default: [oauth] provider).
    #[arg(value_parser = ["google", "microsoft", "custom"], conflicts_with = "status")]
    provider: Option<String>,
    /// Print the address to open instead of opening a browser (for another machine's
    /// browser, or none at all).
    #[arg(long, conflicts_with = "status")]
    no_browser: bool,
    /// How long to wait for the browser to come back, in seconds.
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 300,
        conflicts_with = "status"
    )]
    timeout: u64,
    /// Say who is signed in, when the access token runs out and whether refreshing works.
    #[arg(long)]
    status: bool,
}

#[derive(Debug, clap::Args)]
pub struct LogoutArgs {}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    if args.status {
        let status = actions::login_status(app).await?;
        crate::exit::unless_closed(out.either(&status, || render_status(&status)))?;
        return match status.problem {
            Some(problem) => bail!("{problem}"),
            None => Ok(Status::Success),
        };
    }
    let provider = args.provider.as_deref().and_then(Provider::parse);
    let started = actions::start_login(app, provider).await?;
    let opened = !args.no_browser && crate::mail::oauth::open_browser(&started.url);
    if opened {
        eprintln!(
            "bowout: signing in in your browser; if no window opened, open this address:\n{}",
            started.url
        );
    } else {
        eprintln!(
            "bowout: open this address in a browser to sign in:\n{}",
            started.url
        );
    }
    let signed_in = actions::finish_login(app, started, Duration::from_secs(args.timeout)).await?;
    out.either(&signed_in, || render_signed_in(&signed_in))?;
    Ok(Status::Success)
}

pub async fn logout(app: &App, _args: LogoutArgs, out: &Output) -> Result<Status> {
    let done = actions::logout(app).await?;
    out.either(&done, || render_signed_out(&done))?;
    Ok(Status::Success)
}

fn render_signed_in(s: &SignedIn) -> String {
    let who = s
        .account
        .as_deref()
        .unwrap_or("(the provider did not say which account)");
    let mut text = format!(
        "Signed in at {} as {who}; kept in {}.",
        s.provider, s.stored_in
    );
    if let Some(at) = s.expires_at {
        let _ = write!(text, " The access token runs out at {at}");
        text.push_str(if s.refresh_token {
            " and is refreshed by itself."
        } else {
            "; the provider gave no refresh token, so sign in again then."
        });
    }
    text
}

fn render_status(s: &LoginStatus) -> String {
    let mut text = String::new();
    match s.source {
        "sign-in" => {
            let provider = s.provider.unwrap_or("?");
            if s.signed_in {
                let who = s.account.as_deref().unwrap_or("an account it did not name");
                let _ = writeln!(text, "Signed in at {provider} as {who}.");
                if let Some(at) = s.expires_at {
                    let _ = writeln!(text, "Access token runs out at {at}.");
                }
                let _ = writeln!(
                    text,
                    "Refreshing {}.",
                    if s.refresh_works == Some(true) {
                        "works"
                    } else {
                        "failed"
                    }
                );
                if let Some(store) = s.stored_in {
                    let _ = write!(text, "Kept in {store}.");
                }
            } else {
                let _ = write!(text, "Not signed in at {provider}.");
            }
        }
        source => {
            let _ = write!(
                text,
                "Access tokens come from {source}{}.",
                if s.problem.is_some() {
                    ", which failed"
                } else {
                    ""
                }
            );
        }
    }
    text
}

fn render_signed_out(s: &SignedOut) -> String {
    if s.removed {
        format!(
            "Signed out of {}: the sign-in kept in {} is removed.",
            s.provider, s.stored_in
        )
    } else {
        format!(
            "Not signed in at {}: nothing to remove from {}.",
            s.provider, s.stored_in
        )
    }
}
