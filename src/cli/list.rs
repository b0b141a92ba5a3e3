//! `bowout list`: invitations with status and age.

use super::Output;
use crate::actions::{self, App, ListItem};
use crate::exit::Status;
use anyhow::Result;
use std::fmt::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dismissed invitations too.
    #[arg(long)]
    all: bool,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let items = actions::list(app, args.all).await?;
    out.either(&items, || render(&items))?;
    Ok(Status::Success)
}

fn render(items: &[ListItem]) -> String {
    if items.is_empty() {
        return "No invitations yet. Record one with `bowout add` or `bowout import`.".into();
    }
    let mut s = String::new();
    for i in items {
        let flag = if i.overdue { "  ⚠ answer owed" } else { "" };
        let req = i
            .requisition
            .as_deref()
            .map(|r| format!(" {r}"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "{}  {:<12}  {}  {} — {}{}  ({} business day(s) old){}",
            i.id, i.status, i.language, i.employer, i.job_title, req, i.age_business_days, flag
        );
    }
    s
}
