//! Drafts with their lint findings, and linting any text.

use super::{ActionError, App, Result};
use crate::store;
use bowout_core::compose::lint::{self, Finding, LintContext};
use bowout_core::compose::{Draft, DraftKind};
use bowout_core::model::{Decision, EventKind, Facts, Language, Status};
use serde::Serialize;

/// The `drafts --json` element: who, subject, body and what the linter found.
#[derive(Debug, Clone, Serialize)]
pub struct DraftView {
    pub to: super::views::PersonView,
    pub contact_id: String,
    pub kind: &'static str,
    pub subject: String,
    pub body: String,
    pub lint: Vec<Finding>,
    /// True when the invitation changed after the draft was written (an edit, a contact or
    /// a referral): `send` refuses it until `decline` or `accept` writes it again.
    pub stale: bool,
}

impl DraftView {
    pub fn has_lint_errors(&self) -> bool {
        self.lint
            .iter()
            .any(|f| f.severity == lint::Severity::Error)
    }
}

fn context(
    kind: DraftKind,
    decision: Option<&Decision>,
    facts: Option<&Facts>,
    language: Language,
) -> LintContext {
    LintContext {
        language,
        chosen_reason: match decision {
            Some(Decision::Decline { reason, .. }) => Some(*reason),
            _ => None,
        },
        started_new_job: facts.map(|f| f.started_new_job),
        is_decline: kind == DraftKind::Decline,
    }
}

pub(super) fn draft_views(
    drafts: Vec<Draft>,
    decision: Option<&Decision>,
    facts: Option<&Facts>,
    language: Language,
) -> Vec<DraftView> {
    drafts
        .into_iter()
        .map(|d| {
            let findings = lint::lint(&d.body, &context(d.kind, decision, facts, language));
            DraftView {
                to: super::views::PersonView {
                    name: d.to.name.as_ref().map(ToString::to_string),
                    email: d.to.email.to_string(),
                },
                contact_id: d.contact_id,
                kind: d.kind.as_str(),
                subject: d.subject,
                body: d.body,
                lint: findings,
                stale: false,
            }
        })
        .collect()
}

/// The invitation's current drafts, linted against its decision and facts.
pub async fn drafts(app: &App, given_id: &str) -> Result<Vec<DraftView>> {
    let mut conn = app.store.conn().await?;
    let id = store::resolve_invitation_id(&mut conn, given_id).await?;
    let drafts = store::load_drafts(&mut conn, &id).await?;
    let decision = store::load_decision(&mut conn, &id).await?.map(|(d, _)| d);
    let facts = store::load_facts(&mut conn, &id).await?;
    let stale = store::drafts_stale(&mut conn, &id).await?.is_some();
    let language = store::load_invitation(&mut conn, &id).await?.language;
    let mut views = draft_views(drafts, decision.as_ref(), facts.as_ref(), language);
    for v in &mut views {
        v.stale = stale;
    }
    Ok(views)
}

/// The longest draft body a user may save: far more than any polite message needs.
pub const MAX_DRAFT_BYTES: usize = 64 * 1024;

/// Lints `body` as a draft of the invitation: against its decision and facts, as `drafts`
/// lints the stored ones.
pub async fn lint_draft(app: &App, given_id: &str, body: &str) -> Result<Vec<Finding>> {
    let mut conn = app.store.conn().await?;
    let id = store::resolve_invitation_id(&mut conn, given_id).await?;
    let decision = store::load_decision(&mut conn, &id).await?.map(|(d, _)| d);
    let facts = store::load_facts(&mut conn, &id).await?;
    let language = store::load_invitation(&mut conn, &id).await?.language;
    let kind = match decision {
        Some(Decision::Accept { .. }) => DraftKind::Accept,
        _ => DraftKind::Decline,
    };
    Ok(lint::lint(
        body,
        &context(kind, decision.as_ref(), facts.as_ref(), language),
    ))
}

/// Replaces the body of the draft to `contact_id` with the user's edit, on the timeline;
/// refused once the invitation's messages are sent. Returns the drafts, linted.
pub async fn save_draft(
    app: &App,
    given_id: &str,
    contact_id: &str,
    body: &str,
) -> Result<Vec<DraftView>> {
    if body.trim().is_empty() {
        return Err(ActionError::BadInput("the draft is empty".into()));
    }
    if body.len() > MAX_DRAFT_BYTES {
        return Err(ActionError::BadInput(format!(
            "the draft is longer than {MAX_DRAFT_BYTES} bytes"
        )));
    }
    let body = body.replace("\r\n", "\n");
    let now = app.clock.now();
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, given_id).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    if matches!(inv.status, Status::Sent | Status::Acknowledged) {
        return Err(ActionError::Refused(format!(
            "invitation {id} already has its messages sent; its drafts can no longer change"
        )));
    }
    let current = store::load_drafts(&mut tx, &id).await?;
    let Some(draft) = current.iter().find(|d| d.contact_id == contact_id) else {
        return Err(ActionError::Refused(format!(
            "invitation {id} has no draft to contact {contact_id}"
        )));
    };
    let detail = format!("draft to {} edited", draft.to.email);
    store::update_draft_body(&mut tx, &id, contact_id, &body).await?;
    store::append_event(&mut tx, &id, now, EventKind::Edited, &detail).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    drafts(app, &id).await
}

/// Lints free text in `language` as a decline with no recorded context.
pub fn lint_text(text: &str, language: Language) -> Vec<Finding> {
    lint::lint(
        text,
        &LintContext {
            is_decline: true,
            language,
            ..LintContext::default()
        },
    )
}
