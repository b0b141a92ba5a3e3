//! `bowout agenda`: what is owed, oldest first.

use super::Output;
use crate::actions::{self, Agenda, App};
use crate::exit::Status;
use anyhow::Result;
use std::fmt::Write;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub async fn run(app: &App, _args: Args, out: &Output) -> Result<Status> {
    let agenda = actions::agenda(app).await?;
    out.either(&agenda, || render(&agenda))?;
    Ok(Status::Success)
}

fn render(a: &Agenda) -> String {
    if a.items.is_empty() {
        return format!("Nothing owed today ({}).", a.today);
    }
    let mut s = format!("Agenda for {}:\n", a.today);
    for i in &a.items {
        let kind = serde_json::to_value(i.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let due = i
            .due
            .as_deref()
            .map(|d| format!(" [{d}]"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "- {kind}{due} {} — {} at {}: {}\n    → {}",
            i.invitation_id, i.job_title, i.employer, i.summary, i.todo
        );
    }
    s
}
