//! `bowout letter ID --out FILE.pdf`: the formal letter; `--mailed DATE --tracking NO` and
//! `--receipt DATE` record its mailing and its return receipt; alone, its record.

use super::Output;
use crate::actions::{self, App, LetterView, WrittenLetter};
use crate::exit::{Status, usage};
use anyhow::Result;
use jiff::civil::Date;
use std::fmt::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Invitation id (or a unique prefix of at least 4 characters).
    id: String,
    /// Write the letter as a one-page PDF to this file (replaced whole, never half-written).
    #[arg(long, value_name = "FILE.pdf", conflicts_with_all = ["mailed", "receipt"])]
    out: Option<PathBuf>,
    /// Record the day the letter was mailed; needs --tracking.
    #[arg(
        long,
        value_name = "YYYY-MM-DD",
        requires = "tracking",
        conflicts_with = "receipt",
        value_parser = parse_date
    )]
    mailed: Option<Date>,
    /// The registered-mail tracking number, with --mailed.
    #[arg(long, value_name = "NUMBER", requires = "mailed", value_parser = parse_tracking)]
    tracking: Option<String>,
    /// Record the date on the signed return receipt.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    receipt: Option<Date>,
}

fn parse_date(raw: &str) -> Result<Date, String> {
    raw.trim()
        .parse()
        .map_err(|_| "give a date as YYYY-MM-DD".to_string())
}

/// The carrier's tracking number: letters, digits, spaces and hyphens, at most 40.
fn parse_tracking(raw: &str) -> Result<String, String> {
    let t = raw.trim();
    let ok = !t.is_empty()
        && t.chars().count() <= 40
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
    if !ok {
        return Err(
            "give the carrier's tracking number (letters, digits, spaces and hyphens, \
                    at most 40)"
                .to_string(),
        );
    }
    Ok(t.to_string())
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    // A mailing or receipt cannot be dated after today: a usage error, before anything is
    // done.
    for (flag, date) in [("--mailed", args.mailed), ("--receipt", args.receipt)] {
        if let Some(date) = date
            && date > app.clock.today()
        {
            return Err(usage(format!("{flag} {date} is in the future")));
        }
    }
    if let Some(path) = &args.out {
        let written = actions::write_letter(app, &args.id, path).await?;
        out.either(&written, || written_text(&args.id, &written))?;
        return Ok(Status::Success);
    }
    let view = match (&args.mailed, &args.tracking, &args.receipt) {
        (Some(mailed), Some(tracking), _) => {
            let mailed = mailed.to_string();
            Some(actions::record_mailing(app, &args.id, &mailed, tracking).await?)
        }
        (_, _, Some(receipt)) => {
            let receipt = receipt.to_string();
            Some(actions::record_receipt(app, &args.id, &receipt).await?)
        }
        _ => actions::letter_status(app, &args.id).await?,
    };
    out.either(&view, || match &view {
        Some(v) => view_text(v),
        None => format!(
            "no letter yet: `bowout letter {} --out FILE.pdf` writes one",
            args.id
        ),
    })?;
    Ok(Status::Success)
}

fn written_text(id: &str, w: &WrittenLetter) -> String {
    let mut s = format!(
        "wrote {} ({} bytes, sha256 {}), addressed to {}",
        w.path.display(),
        w.bytes,
        w.sha256,
        w.recipient
    );
    if w.no_postal_address {
        let _ = write!(
            s,
            "\nnote: no postal address is recorded for the recipient; add it with \
             `bowout contact set {id} --address LINE --address LINE…` and render again"
        );
    }
    s
}

/// The letter lines of `letter` and `show`.
pub fn view_text(v: &LetterView) -> String {
    let mut s = String::new();
    match &v.sha256 {
        Some(hash) => {
            let _ = writeln!(s, "  rendered, sha256 {hash}");
        }
        None => s.push_str("  not rendered by bowout\n"),
    }
    if let Some(mailed) = &v.mailed_on {
        let tracking = v.tracking.as_deref().unwrap_or("-");
        let _ = writeln!(s, "  mailed {mailed}, tracking {tracking}");
    }
    match (&v.receipt_on, v.waiting_business_days) {
        (Some(receipt), _) => {
            let _ = writeln!(s, "  return receipt signed {receipt}");
        }
        (None, Some(days)) => {
            let flag = if v.receipt_overdue {
                " — overdue: ask the carrier"
            } else {
                ""
            };
            let _ = writeln!(s, "  no return receipt yet ({days} business day(s)){flag}");
        }
        (None, None) => {}
    }
    s
}
