//! `bowout delete ID`: erase a record that never had a message sent or exported, after a
//! confirmation on a terminal (or `--yes`).

use super::{Output, prompt};
use crate::actions::{self, App};
use crate::exit::{Status, usage};
use anyhow::{Result, anyhow};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Invitation id (or a unique prefix).
    id: String,
    /// Delete without asking.
    #[arg(long)]
    yes: bool,
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let target = actions::check_delete(app, &args.id).await?;
    if !args.yes {
        let question = format!(
            "Delete invitation {} ({} at {}, {}) with its whole history? This cannot be undone.",
            target.id, target.job_title, target.employer, target.status
        );
        match prompt::confirm(&question)? {
            Some(true) => {}
            Some(false) => return Err(anyhow!("nothing deleted: not confirmed")),
            None => {
                return Err(usage(format!(
                    "delete asks for confirmation on a terminal: give --yes to delete invitation \
                     {} without asking",
                    target.id
                )));
            }
        }
    }
    let deleted = actions::delete(app, &target.id).await?;
    out.either(&deleted, || {
        format!(
            "deleted invitation {} ({} at {}): {} row(s){}",
            deleted.id,
            deleted.job_title,
            deleted.employer,
            deleted.rows,
            deleted
                .archive
                .as_deref()
                .map(|a| format!(" and {a}"))
                .unwrap_or_default()
        )
    })?;
    Ok(Status::Success)
}
