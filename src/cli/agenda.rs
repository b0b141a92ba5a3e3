//! `bowout agenda`: what is owed today, then what comes next, each with its command.

use super::Output;
use crate::actions::{self, Agenda, AgendaItem, App};
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
    let review = match a.to_review {
        0 => String::new(),
        n => format!("\n{n} message(s) may be invitations: answer them with `bowout review`.\n"),
    };
    if a.owed.is_empty() && a.next.is_empty() {
        return format!(
            "Nothing owed today ({}), and nothing coming up.{}",
            a.today,
            review.trim_end()
        );
    }
    let mut s = format!("Agenda for {}\n{review}", a.today);
    section(
        &mut s,
        "Owed today (overdue or due today)",
        &a.owed,
        "nothing",
    );
    section(&mut s, "Next", &a.next, "nothing coming up");
    s.trim_end().to_string()
}

fn section(s: &mut String, title: &str, items: &[AgendaItem], none: &str) {
    if items.is_empty() {
        let _ = writeln!(s, "\n{title}: {none}.");
        return;
    }
    let _ = writeln!(s, "\n{title}:");
    for i in items {
        let kind = serde_json::to_value(i.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let due = i
            .due
            .map_or_else(|| "no date yet".to_string(), |d| d.to_string());
        let _ = writeln!(
            s,
            "- [{due}] {kind} {} — {} at {}: {}\n    → {}",
            i.invitation_id, i.job_title, i.employer, i.summary, i.todo
        );
    }
}
