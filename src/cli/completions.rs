//! `bowout completions SHELL` and `bowout man`, generated from the clap definitions.

use anyhow::{Context, Result};
use clap::CommandFactory;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell.
    shell: clap_complete::Shell,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let mut cmd = super::Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "bowout", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}

pub fn man() -> Result<ExitCode> {
    let page = clap_mangen::Man::new(super::Cli::command());
    page.render(&mut std::io::stdout())
        .context("cannot write the man page")?;
    Ok(ExitCode::SUCCESS)
}
