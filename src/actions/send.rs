//! Sending the answers: one message per contact over SMTP (or as `.eml` files), each stored
//! with its `Message-ID` before any attempt, archived byte for byte, and never sent twice.
//!
//! A run goes: lock the outbox → mark messages left `sending` by a dead run `unknown` →
//! apply the user's `--confirm-sent` / `--resend` → queue the current drafts (lint first) →
//! deliver or export → mark the invitation `sent` once every decline is. See
//! [`crate::mail::outbox`] for the states and the at-most-once rule.

mod deliver;
mod eml;
mod lock;
mod plan;
mod recover;
mod report;
mod state;

pub use report::{MessageReport, SendReport};

use super::{ActionError, App, Result};
use crate::mail::smtp::Settings;
use crate::store;
use std::collections::HashMap;
use std::path::PathBuf;

/// What `send` does with the queued messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendMode {
    /// Hand them to the `[smtp]` server.
    Smtp,
    /// Show what would be sent; change nothing.
    DryRun,
    /// Write them as `.eml` files into this directory for the user's own mail client.
    EmlDir(PathBuf),
}

#[derive(Debug, Clone)]
pub struct SendInput {
    pub id: String,
    pub mode: SendMode,
    /// Send drafts even when the diplomacy linter found errors in them.
    pub force: bool,
    /// Messages (Message-ID, id, or `all`) the user found in their Sent folder.
    pub confirm_sent: Vec<String>,
    /// Messages (Message-ID, id, or `all`) in doubt that the user wants sent again.
    pub resend: Vec<String>,
}

/// What happened to one message in this run, for the report.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub action: &'static str,
    pub note: Option<String>,
    pub eml: Option<String>,
}

/// Outcomes by message row id.
pub(crate) type Outcomes = HashMap<String, Outcome>;

pub(crate) fn outcome(
    outcomes: &mut Outcomes,
    id: &str,
    action: &'static str,
    note: Option<String>,
) {
    outcomes.insert(
        id.to_string(),
        Outcome {
            action,
            note,
            eml: None,
        },
    );
}

pub async fn send(app: &App, input: SendInput) -> Result<SendReport> {
    let id = {
        let mut conn = app.store.conn().await?;
        store::resolve_invitation_id(&mut conn, &input.id).await?
    };
    if input.mode == SendMode::DryRun {
        return plan::dry_run(app, &id, input.force).await;
    }
    // A bad [smtp] section is the user's to fix before anything is queued. A run that only
    // records what the user found in their Sent folder needs no server (and sends nothing:
    // the report lists what is still queued for a plain `send`).
    let only_confirming = !input.confirm_sent.is_empty() && input.resend.is_empty();
    let settings = match input.mode {
        SendMode::Smtp if !only_confirming => {
            Some(Settings::from_config(&app.config.smtp).map_err(ActionError::Setup)?)
        }
        _ => None,
    };
    let _lock = lock::acquire(app)?;
    let mut outcomes = Outcomes::new();
    recover::interrupted(app, &mut outcomes).await?;
    recover::user_choices(app, &id, &input, &mut outcomes).await?;
    let plan = plan::prepare(app, &id, input.force).await?;
    let server = match (&input.mode, settings) {
        (SendMode::EmlDir(dir), _) => {
            eml::run(app, &plan, dir, &mut outcomes).await?;
            None
        }
        (_, Some(settings)) => deliver::run(app, &plan, settings, &mut outcomes).await?,
        (_, None) => None,
    };
    plan::finish(app, &id).await?;
    report::build(app, &id, &input.mode, server, &outcomes).await
}
