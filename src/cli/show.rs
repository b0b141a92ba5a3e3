//! `bowout show ID`: one invitation with contacts, decision, messages and timeline.

use super::Output;
use crate::actions::{self, App, InvitationView};
use crate::exit::Status;
use anyhow::Result;
use std::fmt::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Invitation id (or a unique prefix of at least 4 characters).
    id: String,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let view = actions::show(app, &args.id).await?;
    out.either(&view, || render(&view))?;
    Ok(Status::Success)
}

fn render(v: &InvitationView) -> String {
    let mut s = String::new();
    let req = v
        .requisition
        .as_deref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    let _ = writeln!(s, "{} — {}{} at {}", v.id, v.job_title, req, v.employer);
    if let Some(a) = &v.agency {
        let _ = writeln!(s, "  via agency {a}");
    }
    let round = v.round.map(|r| format!(", round {r}")).unwrap_or_default();
    let _ = writeln!(
        s,
        "  status: {}{round}, {} business day(s) old, answered in {}{}",
        v.status,
        v.age_business_days,
        v.language,
        if v.overdue {
            " — an answer is owed"
        } else {
            ""
        }
    );
    if !v.red_flags.is_empty() {
        let _ = writeln!(s, "  red flags: {}", v.red_flags.join(", "));
    }
    if let Some(link) = &v.scheduling_link {
        let _ = writeln!(s, "  scheduling link: {link}");
    }
    let _ = writeln!(s, "Contacts:");
    for c in &v.contacts.0 {
        let who = c
            .name
            .as_deref()
            .map_or(c.email.clone(), |n| format!("{n} <{}>", c.email));
        let role = match (c.primary, &c.role) {
            (true, _) => " (primary)".to_string(),
            (false, Some(r)) => format!(" ({r})"),
            (false, None) => String::new(),
        };
        let phone = c
            .phone
            .as_deref()
            .map(|p| format!(", {p}"))
            .unwrap_or_default();
        let greeting = match (&c.greeting, c.formal) {
            (Some(g), true) => format!(", greeting: {g} (formal)"),
            (Some(g), false) => format!(", greeting: {g} (informal)"),
            (None, _) => String::new(),
        };
        let _ = writeln!(s, "  {who}{role}{phone}{greeting}");
    }
    if v.contacts.primary().is_none() {
        let _ = writeln!(
            s,
            "  no one to answer yet: `bowout contact add {} --name NAME --email EMAIL`",
            v.id
        );
    }
    if let Some(d) = &v.decision {
        let reason = d
            .reason
            .map(|r| format!(" (reason: {r})"))
            .unwrap_or_default();
        let referral = d
            .referral
            .as_ref()
            .map(|r| format!(", referring {}", r.name))
            .unwrap_or_default();
        let _ = writeln!(s, "Decision: {}{reason}{referral}", d.verdict);
        if let Some(at) = &d.interview_at {
            let mut line = format!("  interview {at}");
            if let Some(m) = d.interview_minutes {
                let _ = write!(line, ", {m} minutes");
            }
            for place in [&d.interview_location, &d.interview_video_link]
                .into_iter()
                .flatten()
            {
                let _ = write!(line, ", {place}");
            }
            let _ = writeln!(s, "{line}");
        }
    }
    if !v.messages.is_empty() {
        let _ = writeln!(s, "Messages:");
        for m in &v.messages {
            let _ = writeln!(s, "  {} → {}  [{}]", m.subject, m.to.email, m.status);
            if let Some(at) = &m.acknowledged_at {
                let via = m.acknowledged_via.as_deref().unwrap_or("email");
                let _ = writeln!(s, "    receipt confirmed by {via} ({at})");
            }
            if let (Some(copy), Some(hash)) = (&m.copy, &m.sha256) {
                let _ = writeln!(s, "    copy {copy} sha256 {hash}");
            }
            if let Some(advice) = crate::mail::outbox::advice(m.status, &v.id, &m.message_id) {
                let _ = writeln!(s, "    {advice}");
            }
        }
    }
    if let Some(letter) = &v.letter {
        let _ = writeln!(s, "Letter:");
        s.push_str(&super::letter::view_text(letter));
    }
    let _ = writeln!(s, "Timeline:");
    for e in &v.timeline {
        let _ = writeln!(s, "  {}  {:<14} {}", e.when, e.kind, e.detail);
    }
    s
}
