//! `bowout review`: the messages the classifier was unsure about, one by one: an invitation
//! (recorded with its fields), not an invitation, or a scam. On a terminal it asks; otherwise
//! it lists them, and `bowout review KEY --answer invitation|not|scam` answers one.

use super::Output;
use crate::actions::{self, Answer, App, ToReview};
use crate::exit::Status;
use anyhow::{Context, Result};
use std::fmt::Write as _;
use std::io::{BufRead, IsTerminal, Write};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The message to answer (its key, or a unique prefix of it), with --answer.
    #[arg(requires = "answer")]
    key: Option<String>,
    /// What the message is.
    #[arg(long, value_enum, requires = "key")]
    answer: Option<Answer>,
    /// Ask about each message on standard input even when it is not a terminal.
    #[arg(long, conflicts_with = "key")]
    interactive: bool,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    if let (Some(key), Some(answer)) = (&args.key, args.answer) {
        let done = actions::answer_review(app, key, answer).await?;
        out.either(&done, || {
            let mut s = format!("{}: {}", done.key, done.answer.as_str());
            if let Some(id) = &done.invitation_id {
                let _ = write!(s, "; recorded as invitation {id}");
            }
            if let Some(todo) = &done.todo {
                let _ = write!(
                    s,
                    "\n{id}  needs you: {todo}",
                    id = done.invitation_id.as_deref().unwrap_or("")
                );
            }
            s
        })?;
        return Ok(Status::Success);
    }
    let pending = actions::pending_reviews(app).await?;
    let ask = args.interactive || (std::io::stdin().is_terminal() && !out.json);
    if !ask {
        out.either(&pending, || list(&pending))?;
        return Ok(Status::Success);
    }
    walk(app, pending).await
}

fn list(pending: &[ToReview]) -> String {
    if pending.is_empty() {
        return "Nothing to review.".into();
    }
    let mut s = String::new();
    for r in pending {
        let _ = writeln!(s, "{}", describe(r));
    }
    let _ = write!(
        s,
        "{} to review: bowout review KEY --answer invitation|not|scam",
        pending.len()
    );
    s
}

fn describe(r: &ToReview) -> String {
    format!(
        "{}  {:.0} % an invitation  {}\n    from {}: {}\n    {} — {}",
        r.key,
        r.score * 100.0,
        r.source,
        r.sender.as_deref().unwrap_or("?"),
        r.subject.as_deref().unwrap_or("(no subject)"),
        r.employer.as_deref().unwrap_or("?"),
        r.job_title.as_deref().unwrap_or("?"),
    )
}

/// Asks about each message; an empty answer or end of input stops, keeping what was
/// answered so far.
async fn walk(app: &App, pending: Vec<ToReview>) -> Result<Status> {
    let mut err = std::io::stderr();
    if pending.is_empty() {
        writeln!(err, "Nothing to review.").context("cannot write to standard error")?;
        return Ok(Status::Success);
    }
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let total = pending.len();
    for (n, r) in pending.iter().enumerate() {
        writeln!(err, "\n[{}/{total}] {}", n + 1, describe(r)).context("cannot write")?;
        for e in r.evidence.iter().take(4) {
            writeln!(err, "    {e}").context("cannot write")?;
        }
        let answer = loop {
            write!(
                err,
                "Is it an invitation? [i]nvitation / [n]ot / [s]cam / [k] skip / [q]uit: "
            )
            .context("cannot write")?;
            err.flush().context("cannot write")?;
            let Some(line) = lines.next() else {
                writeln!(err).context("cannot write")?;
                return Ok(Status::Success);
            };
            let line = line.context("cannot read the answer")?;
            match line.trim().to_lowercase().as_str() {
                "i" | "invitation" | "y" | "yes" => break Some(Answer::Invitation),
                "n" | "not" | "no" => break Some(Answer::Not),
                "s" | "scam" => break Some(Answer::Scam),
                "k" | "skip" => break None,
                "q" | "quit" | "" => return Ok(Status::Success),
                other => writeln!(err, "{other:?} is not an answer.").context("cannot write")?,
            }
        };
        let Some(answer) = answer else { continue };
        let done = actions::answer_review(app, &r.key, answer).await?;
        match (&done.invitation_id, &done.todo) {
            (Some(id), Some(todo)) => writeln!(err, "recorded as {id}; {todo}"),
            (Some(id), None) => writeln!(err, "recorded as invitation {id}"),
            _ => writeln!(err, "noted: {}", answer.as_str()),
        }
        .context("cannot write")?;
    }
    Ok(Status::Success)
}
