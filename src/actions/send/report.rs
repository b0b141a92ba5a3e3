//! What `send` tells the user: every message of the current drafts, its state after the
//! run, what this run did with it, and what (if anything) the user has to do.

use super::input::SendMode;
use super::outcome::Outcomes;
use crate::actions::drafts::DraftView;
use crate::actions::views::PersonView;
use crate::actions::{App, Result};
use crate::mail::outbox;
use crate::store::{self, MessageRow};
use bowout_core::compose::lint::Finding;
use bowout_core::model::Invitation;
use serde::Serialize;
use std::path::Path;

/// The `send --json` document.
#[derive(Debug, Clone, Serialize)]
pub struct SendReport {
    pub invitation: String,
    /// `smtp`, `dry-run` or `eml-dir`.
    pub mode: &'static str,
    /// `host:port (security)` when the server was used.
    pub server: Option<String>,
    /// The invitation's status after the run.
    pub status: &'static str,
    pub messages: Vec<MessageReport>,
    /// Why a dry run's real run would stop before sending (lint errors), if it would.
    pub blocked: Option<String>,
    /// The run only recorded `--confirm-sent`: messages still `exported` wait for the user's
    /// word, which is no failure of this run.
    #[serde(skip)]
    pub only_confirming: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MessageReport {
    /// The outbox row id; none yet for a message a dry run would create.
    pub id: Option<String>,
    pub kind: String,
    pub to: PersonView,
    pub subject: String,
    pub message_id: Option<String>,
    /// The outbox state after the run (`null` in a dry run for a message not yet queued).
    pub status: Option<outbox::Status>,
    /// What this run did: sent, failed, unknown, exported, confirmed, requeued, interrupted,
    /// skipped, would-send, none.
    pub action: &'static str,
    /// The server's words, the reason, or what the user should do.
    pub note: Option<String>,
    pub copy: Option<String>,
    pub sha256: Option<String>,
    /// The file written by `--eml-dir`.
    pub eml: Option<String>,
    /// Dry run only: the body and the linter's findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lint: Vec<Finding>,
}

impl SendReport {
    /// The messages still `exported`: written for the user's mail client, not yet confirmed.
    pub fn still_exported(&self) -> Vec<&MessageReport> {
        self.messages
            .iter()
            .filter(|m| m.status == Some(outbox::Status::Exported))
            .collect()
    }

    /// One line naming the messages that are not sent, when some are: failed ones with the
    /// server's words, and those waiting for the user.
    pub fn problem(&self) -> Option<String> {
        if self.mode == "dry-run" {
            return self.blocked.clone();
        }
        let bad: Vec<String> = self
            .messages
            .iter()
            .filter(|m| match m.status.map(outbox::Status::as_str) {
                Some("failed" | "unknown" | "queued") => true,
                Some("exported") => self.mode != "eml-dir" && !self.only_confirming,
                _ => false,
            })
            .map(|m| {
                let why = m.note.as_deref().unwrap_or("");
                format!(
                    "{} is {}: {why}",
                    m.to.email,
                    m.status.map(outbox::Status::as_str).unwrap_or("?")
                )
            })
            .collect();
        (!bad.is_empty()).then(|| {
            format!(
                "{} of {} message(s) not sent; {}",
                bad.len(),
                self.messages.len(),
                bad.join("; ")
            )
        })
    }
}

fn mode_name(mode: &SendMode) -> &'static str {
    match mode {
        SendMode::Smtp => "smtp",
        SendMode::DryRun => "dry-run",
        SendMode::EmlDir(_) => "eml-dir",
    }
}

fn from_row(
    archive: &Path,
    r: &MessageRow,
    action: &'static str,
    note: Option<String>,
) -> MessageReport {
    let advice = Some(r.status).and_then(|s| outbox::advice(s, &r.invitation_id, &r.message_id));
    let note = match (note, advice) {
        (Some(n), Some(a)) if action != "exported" => Some(format!("{n}; {a}")),
        (Some(n), _) => Some(n),
        (None, a) => a.or_else(|| r.last_error.clone()),
    };
    MessageReport {
        id: Some(r.id.clone()),
        kind: r.kind.clone(),
        to: PersonView {
            name: r.to_name.clone(),
            email: r.to_email.clone(),
        },
        subject: r.subject.clone(),
        message_id: Some(r.message_id.clone()),
        status: Some(r.status),
        action,
        note,
        copy: crate::mail::archive::display_path(archive, r.copy_path.as_deref()),
        sha256: r.sha256.clone(),
        eml: None,
        body: None,
        lint: Vec::new(),
    }
}

/// After a real run: the current drafts' messages as stored now.
pub(super) async fn build(
    app: &App,
    id: &str,
    mode: &SendMode,
    server: Option<String>,
    outcomes: &Outcomes,
    only_confirming: bool,
) -> Result<SendReport> {
    let mut conn = app.store.conn().await?;
    let inv = store::load_invitation(&mut conn, id).await?;
    let rows = store::list_messages(&mut conn, id).await?;
    drop(conn);
    let drafts = super::plan::current_drafts(app, &inv).await?;
    let messages = drafts
        .iter()
        .filter_map(|d| super::plan::row_for(&rows, d))
        .map(|r| {
            let done = outcomes.get(&r.id);
            let action = done.map_or("none", |o| o.action);
            let mut m = from_row(
                &app.home.archive,
                r,
                action,
                done.and_then(|o| o.note.clone()),
            );
            m.eml = done.and_then(|o| o.eml.clone());
            m
        })
        .collect();
    Ok(SendReport {
        invitation: inv.id,
        mode: mode_name(mode),
        server,
        status: inv.status.as_str(),
        messages,
        blocked: None,
        only_confirming,
    })
}

/// A dry run: what a real run would do with each current draft.
pub(super) fn dry(
    app: &App,
    inv: &Invitation,
    drafts: &[DraftView],
    rows: &[MessageRow],
    blocked: Option<String>,
) -> Result<SendReport> {
    let server = crate::mail::smtp::Settings::from_config(&app.config.smtp)
        .map_or_else(|e| e, |s| s.describe());
    let messages = drafts
        .iter()
        .map(|d| {
            let (action, mut m) = match super::plan::row_for(rows, d) {
                Some(r) => {
                    let status = Some(r.status);
                    let action = match status {
                        Some(s) if s.may_send() => "would-send",
                        Some(outbox::Status::Sending) => "interrupted",
                        _ => "none",
                    };
                    (action, from_row(&app.home.archive, r, action, None))
                }
                None => ("would-send", new_view(d)),
            };
            m.action = action;
            m.body = Some(d.body.clone());
            m.lint = d.lint.clone();
            m
        })
        .collect();
    Ok(SendReport {
        invitation: inv.id.clone(),
        mode: mode_name(&SendMode::DryRun),
        server: Some(server),
        status: inv.status.as_str(),
        messages,
        blocked,
        only_confirming: false,
    })
}

fn new_view(d: &DraftView) -> MessageReport {
    MessageReport {
        id: None,
        kind: d.kind.to_string(),
        to: d.to.clone(),
        subject: d.subject.clone(),
        message_id: None,
        status: None,
        action: "would-send",
        note: None,
        copy: None,
        sha256: None,
        eml: None,
        body: None,
        lint: Vec::new(),
    }
}
