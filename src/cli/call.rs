//! `bowout call ID`: the call sheet; `bowout call ID --outcome …`: log the call.

use super::Output;
use crate::actions::{self, App, CallInput, CallOutcome, CallSheet};
use crate::exit::Status;
use anyhow::Result;
use std::fmt::Write;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Outcome {
    Reached,
    Voicemail,
    NoAnswer,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Invitation id (or a unique prefix).
    id: String,
    /// Log the call: how it went (no-answer schedules another try the next business day).
    #[arg(long, value_enum)]
    outcome: Option<Outcome>,
    /// A note to keep with the logged call.
    #[arg(long, value_name = "TEXT", requires = "outcome")]
    note: Option<String>,
    /// With --outcome reached: the contact confirmed on the phone that the decline reached
    /// them (their message becomes acknowledged by phone).
    #[arg(long, requires = "outcome")]
    confirmed: bool,
    /// With --confirmed: whose receipt was confirmed, when not the primary contact's.
    #[arg(long, value_name = "EMAIL", requires = "confirmed")]
    email: Option<String>,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let Some(outcome) = args.outcome else {
        let sheet = actions::call_sheet(app, &args.id).await?;
        out.either(&sheet, || render(&sheet))?;
        return Ok(Status::Success);
    };
    let outcome = match outcome {
        Outcome::Reached => CallOutcome::Reached,
        Outcome::Voicemail => CallOutcome::Voicemail,
        Outcome::NoAnswer => CallOutcome::NoAnswer,
    };
    let logged = actions::log_call(
        app,
        CallInput {
            id: args.id,
            outcome,
            note: args.note,
            confirmed: args.confirmed,
            email: args.email,
        },
    )
    .await?;
    out.either(&logged, || {
        let mut s = match &logged.next_due {
            Some(d) => format!(
                "Logged: {} for {}; next try {d}",
                logged.outcome.as_str(),
                logged.invitation_id
            ),
            None => format!(
                "Logged: {} for {}; the follow-up call is done",
                logged.outcome.as_str(),
                logged.invitation_id
            ),
        };
        if let Some(email) = &logged.confirmed {
            let _ = write!(s, "\nReceipt confirmed by phone: {email}");
            if logged.all_confirmed {
                s.push_str(" (every contact has now confirmed receipt)");
            }
        }
        s
    })?;
    Ok(Status::Success)
}

fn render(c: &CallSheet) -> String {
    let mut s = String::new();
    let req = c
        .requisition
        .as_deref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    let _ = writeln!(s, "Follow-up call — {}{req} at {}", c.job_title, c.employer);
    let due = match (&c.due, c.overdue) {
        (Some(d), true) => format!("due {d} (overdue)"),
        (Some(d), false) => format!("due {d}"),
        (None, _) if c.all_confirmed => {
            "every contact confirmed receipt: no call needed (this sheet is for reference)"
                .to_string()
        }
        (None, _) => "done".to_string(),
    };
    let _ = writeln!(s, "When: {due}");
    let name = c.call.name.as_deref().unwrap_or(&c.call.email);
    let role = c
        .call
        .role
        .as_deref()
        .map(|r| format!(", {r}"))
        .unwrap_or_default();
    let phone = c
        .call
        .phone
        .as_deref()
        .unwrap_or("no number on record: see their signature");
    let _ = writeln!(s, "Call: {name}{role} <{}>, phone {phone}", c.call.email);
    let _ = writeln!(s, "About: {:?}\n\nScript:", c.subject);
    for line in &c.script {
        let _ = writeln!(s, "  {line}");
    }
    let _ = writeln!(
        s,
        "\nVoicemail:\n  {}\n\nIf pressed for a reason:",
        c.voicemail
    );
    for (i, a) in c.if_pressed.iter().enumerate() {
        let _ = writeln!(s, "  {}. \"{a}\"", i + 1);
    }
    if let Some(r) = &c.referral {
        let phone = r
            .phone
            .as_deref()
            .map(|p| format!(", {p}"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "\nReferral to hand over: {} <{}>{phone}",
            r.name, r.email
        );
    }
    if !c.calls.is_empty() {
        let _ = writeln!(s, "\nCalls so far:");
        for x in &c.calls {
            let note = x
                .note
                .as_deref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default();
            let _ = writeln!(s, "  {}  {}{note}", x.when, x.outcome);
        }
    }
    if c.due.is_some() {
        let _ = write!(
            s,
            "\nThen: bowout call {} --outcome reached|voicemail|no-answer (add --confirmed \
             when they confirm that the email reached them)",
            c.invitation_id
        );
    }
    s
}
