//! `bowout completions SHELL` and `bowout man`, generated from the clap definitions.
//!
//! Both are generated whole in memory and then written, so that a closed standard output is
//! an error like any other write (see [`crate::exit`]), not a panic inside the generator.

use super::output::write_stdout;
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
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "bowout", &mut script);
    write_stdout(&script)?;
    Ok(Status::Success)
}

pub fn man() -> Result<Status> {
    write_stdout(man_page()?.as_bytes())?;
    Ok(Status::Success)
}

/// The man page in roff: clap_mangen's page with an "EXIT STATUS" section before VERSION.
/// clap_mangen would print the `--help` text's exit statuses under a heading of its own
/// ("EXTRA"), run together as one paragraph, so the section is rendered here instead.
pub fn man_page() -> Result<String> {
    let cmd = super::Cli::command().after_long_help(None::<&'static str>);
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut page)
        .context("cannot render the man page")?;
    let page = String::from_utf8(page).context("the man page is not UTF-8")?;
    let section = crate::exit::man_section();
    Ok(match page.find("\n.SH VERSION") {
        Some(at) => format!("{}\n{section}{}", &page[..at], &page[at + 1..]),
        None => format!("{page}{section}"),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_man_page_has_the_exit_status_section_before_the_version() {
        let page = super::man_page().expect("man page");
        let exit = page
            .find(".SH \"EXIT STATUS\"")
            .expect("EXIT STATUS section");
        let version = page.find(".SH VERSION").expect("VERSION section");
        assert!(exit < version, "{page}");
        assert!(
            !page.contains(".SH EXTRA"),
            "no second copy of the statuses: {page}"
        );
        assert!(page.contains("\\fB2\\fR\nUsage error"), "{page}");
    }
}
