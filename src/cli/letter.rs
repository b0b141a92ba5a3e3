//! `bowout letter ID --out FILE.pdf`: the formal letter; `--mailed DATE --tracking NO` and
//! `--receipt DATE` record its mailing and its return receipt; alone, its record.

use super::Output;
use crate::actions::{self, App, LetterView, WrittenLetter};
use crate::exit::Status;
use anyhow::Result;
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
        conflicts_with = "receipt"
    )]
    mailed: Option<String>,
    /// The registered-mail tracking number, with --mailed.
    #[arg(long, value_name = "NUMBER", requires = "mailed")]
    tracking: Option<String>,
    /// Record the date on the signed return receipt.
    #[arg(long, value_name = "YYYY-MM-DD")]
    receipt: Option<String>,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    if let Some(path) = &args.out {
        let written = actions::write_letter(app, &args.id, path).await?;
        out.either(&written, || written_text(&args.id, &written))?;
        return Ok(Status::Success);
    }
    let view = match (&args.mailed, &args.tracking, &args.receipt) {
        (Some(mailed), Some(tracking), _) => {
            Some(actions::record_mailing(app, &args.id, mailed, tracking).await?)
        }
        (_, _, Some(receipt)) => Some(actions::record_receipt(app, &args.id, receipt).await?),
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
