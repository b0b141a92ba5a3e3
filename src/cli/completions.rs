//! `bowout completions SHELL` and `bowout man`, generated from the clap definitions.

use crate::exit::Status;
use anyhow::{Context, Result};
use clap::CommandFactory;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell.
    shell: clap_complete::Shell,
}

pub fn run(args: &Args) -> Result<Status> {
    let mut cmd = super::Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "bowout", &mut std::io::stdout());
    Ok(Status::Success)
}

pub fn man() -> Result<Status> {
    let page = clap_mangen::Man::new(super::Cli::command());
    page.render(&mut std::io::stdout())
        .context("cannot write the man page")?;
    Ok(Status::Success)
}
