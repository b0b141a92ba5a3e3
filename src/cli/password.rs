//! `bowout password smtp`: store the SMTP password in the OS keyring, read from standard
//! input (never from the command line, where other users could see it).

use super::Output;
use crate::config::Config;
use crate::exit::Status;
use crate::mail::password::Source;
use anyhow::{Context, Result, bail};
use std::io::BufRead;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which server's password: smtp.
    #[arg(value_parser = ["smtp"])]
    server: String,
}

pub fn run(config: &Config, args: &Args, out: &Output) -> Result<Status> {
    let user = config
        .smtp
        .username
        .as_deref()
        .filter(|u| !u.trim().is_empty())
        .context("no [smtp] username is configured: the keyring entry is stored under it")?;
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']);
    if password.is_empty() {
        bail!("no password on standard input (give it as the first line)");
    }
    let source = Source {
        server: "smtp",
        user,
        command: None,
    };
    source.store(password)?;
    let _ = &args.server;
    out.either(
        &crate::actions::PasswordStored {
            stored: true,
            server: "smtp",
            user: user.to_string(),
        },
        || format!("Stored the SMTP password for {user} in the OS keyring."),
    )?;
    Ok(Status::Success)
}
