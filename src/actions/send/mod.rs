//! Sending the answers: one message per contact over SMTP (or as `.eml` files), each stored
//! with its `Message-ID` before any attempt, archived byte for byte, and never sent twice.
//!
//! A run goes: lock the outbox → mark messages left `sending` by a dead run `unknown` →
//! apply the user's `--confirm-sent` / `--resend` → queue the current drafts (lint first) →
//! deliver or export → mark the invitation `sent` once every decline is. See
//! [`crate::mail::outbox`] for the states and the at-most-once rule.

mod deliver;
mod eml;
mod input;
mod lock;
mod outcome;
mod plan;
mod recover;
mod report;
mod state;

pub use input::{SendInput, SendMode};
pub use report::{MessageReport, SendReport};

use crate::actions::{ActionError, App, Result};
use crate::mail::smtp::Settings;
use crate::store;
use outcome::Outcomes;

pub async fn send(app: &App, input: SendInput) -> Result<SendReport> {
    let id = {
        let mut conn = app.store.conn().await?;
        store::resolve_invitation_id(&mut conn, &input.id).await?
    };
    if input.mode == SendMode::DryRun {
        return dry_run(app, &id, input.force).await;
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
    let only_confirming = only_confirming && input.mode == SendMode::Smtp;
    report::build(app, &id, &input.mode, server, &outcomes, only_confirming).await
}

/// What a real run would do, with nothing queued, claimed or written.
async fn dry_run(app: &App, id: &str, force: bool) -> Result<SendReport> {
    let inv = {
        let mut conn = app.store.conn().await?;
        store::load_invitation(&mut conn, id).await?
    };
    let drafts = plan::current_drafts(app, &inv).await?;
    let (rows, stale) = {
        let mut conn = app.store.conn().await?;
        let rows = store::list_messages(&mut conn, id).await?;
        (rows, store::drafts_stale(&mut conn, id).await?)
    };
    let blocked = plan::stale_gate(&inv, stale.as_deref(), &rows)
        .and_then(|()| plan::lint_gate(&drafts, &rows, force))
        .err()
        .map(|e| e.to_string());
    report::dry(app, &inv, &drafts, &rows, blocked)
}
