//! `replies FILE…`: replies read from `.eml` files, mboxes and Maildirs.

use super::matching::Matcher;
use super::record::record_parsed;
use super::report::{Problem, RepliesReport};
use crate::actions::{ActionError, App, Result};
use crate::mail::replies::{self, Reply};
use crate::mail::scan::raw::{self, Item};
use std::path::PathBuf;

/// Reads `.eml` files, mboxes and Maildirs.
pub async fn replies_from_files(app: &App, paths: &[PathBuf]) -> Result<RepliesReport> {
    if let Some(missing) = crate::mail::scan::missing_path(paths) {
        return Err(ActionError::BadInput(crate::mail::scan::missing_message(
            missing,
        )));
    }
    // Only the parsed headers are kept while reading, so a large mailbox is never held
    // in memory; recording (async, one transaction per reply) comes after.
    let mut items: Vec<Result<(String, Option<Reply>), Problem>> = Vec::new();
    raw::read(paths, &mut |item| {
        items.push(match item {
            Item::Message(m) => Ok((m.source, replies::parse(&m.bytes))),
            Item::Problem { location, message } => Err(Problem { location, message }),
        })
    });
    let mut report = RepliesReport::default();
    let mut matcher = Matcher::load(app).await?;
    for item in items {
        match item {
            Ok((source, reply)) => {
                record_parsed(app, &mut matcher, reply, source, &mut report).await?
            }
            Err(problem) => report.problems.push(problem),
        }
    }
    Ok(report)
}
