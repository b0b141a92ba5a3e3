//! `bowout doctor`: what is damaged in the database and the archive, and how to restore it
//! from an export. Exit status 1 when something is damaged.

use super::Output;
use crate::actions::{self, DoctorReport};
use crate::config::Home;
use crate::exit::Status;
use anyhow::{Result, bail};
use std::fmt::Write;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub async fn run(
    home: &Home,
    database: Option<&str>,
    _args: &Args,
    out: &Output,
) -> Result<Status> {
    let report = actions::doctor(home, database).await;
    // A closed standard output must not hide damage.
    crate::exit::unless_closed(out.either(&report, || render(&report)))?;
    if let Some(first) = report.problems.first() {
        bail!(
            "{} problem(s) found; first: {}",
            report.problems.len(),
            first.detail
        );
    }
    Ok(Status::Success)
}

fn render(r: &DoctorReport) -> String {
    let mut s = String::new();
    let db = &r.database;
    let place = db
        .path
        .as_deref()
        .unwrap_or("the database given by --database");
    let _ = write!(s, "database  {place}: {}", db.state);
    if let Some(bytes) = db.bytes {
        let _ = write!(s, ", {}", crate::fsutil::size(bytes));
    }
    if let (Some(mode), Some(sync)) = (&db.journal_mode, db.synchronous) {
        let _ = write!(s, ", journal_mode {mode}, synchronous {sync}");
    }
    s.push('\n');
    if let Some(detail) = &db.detail {
        let _ = writeln!(s, "          {detail}");
    }
    let a = &r.archive;
    if a.checked {
        let _ = writeln!(
            s,
            "archive   {}: {} of {} copies intact, {} of {} letters intact",
            a.path, a.copies_intact, a.copies, a.letters_intact, a.letters
        );
    } else {
        let _ = writeln!(
            s,
            "archive   {}: not checked (the database cannot be read)",
            a.path
        );
    }
    for (title, list) in [("problem", &r.problems), ("note", &r.notes)] {
        for f in list {
            let _ = writeln!(s, "{title:<9} {}", f.detail);
            if let Some(p) = &f.path {
                let _ = writeln!(s, "          {p}");
            }
            let _ = writeln!(s, "          → {}", f.fix);
        }
    }
    match &r.restore {
        Some(steps) => {
            let _ = writeln!(s, "\nTo restore from an export:");
            for (i, step) in steps.iter().enumerate() {
                let _ = writeln!(s, "  {}. {step}", i + 1);
            }
        }
        None => {
            let _ = writeln!(s, "Nothing is damaged.");
        }
    }
    s.trim_end().to_string()
}
