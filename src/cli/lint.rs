//! `bowout lint FILE|-`: the diplomacy linter on any text.
//!
//! Exit status ([`crate::exit`]): 1 when the linter found an error (the findings are the
//! output; no other message), 0 when it found only warnings or nothing.

use super::Output;
use super::drafts::render_findings;
use crate::exit::Status;
use anyhow::{Context, Result};
use std::io::Read;
use std::path::PathBuf;

/// Texts longer than this are not a "short and sweet" decline; refuse rather than churn.
const MAX_BYTES: u64 = 1024 * 1024;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The text to check, or - for standard input.
    file: PathBuf,
    /// The language the text is written in: en, fr, de, es, pt or it.
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = super::add::parse_language)]
    lang: bowout_core::model::Language,
}

pub fn run(args: &Args, out: &Output) -> Result<Status> {
    let mut bytes = Vec::new();
    if args.file.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
    } else {
        std::fs::File::open(&args.file)
            .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
            .with_context(|| format!("cannot read {}", args.file.display()))?;
    }
    if bytes.len() as u64 > MAX_BYTES {
        anyhow::bail!(
            "{} is larger than 1 MiB; lint checks a message, not a book",
            args.file.display()
        );
    }
    let text = String::from_utf8_lossy(&bytes);
    let findings = crate::actions::lint_text(&text, args.lang);
    out.either(&findings, || render_findings(&findings))?;
    // Like a compiler, so that a script can stop on it: an error fails, warnings do not.
    let error = findings
        .iter()
        .any(|f| f.severity == bowout_core::compose::lint::Severity::Error);
    Ok(if error {
        Status::Failure
    } else {
        Status::Success
    })
}
