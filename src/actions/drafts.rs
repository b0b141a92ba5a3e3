//! Drafts with their lint findings, and linting any text.

use super::{App, Result};
use crate::store;
use bowout_core::compose::lint::{self, Finding, LintContext};
use bowout_core::compose::{Draft, DraftKind};
use bowout_core::model::{Decision, Facts};
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

fn context(kind: DraftKind, decision: Option<&Decision>, facts: Option<&Facts>) -> LintContext {
    LintContext {
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
) -> Vec<DraftView> {
    drafts
        .into_iter()
        .map(|d| {
            let findings = lint::lint(&d.body, &context(d.kind, decision, facts));
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
    let mut views = draft_views(drafts, decision.as_ref(), facts.as_ref());
    for v in &mut views {
        v.stale = stale;
    }
    Ok(views)
}

/// Lints free text as a decline with no recorded context.
pub fn lint_text(text: &str) -> Vec<Finding> {
    lint::lint(
        text,
        &LintContext {
            is_decline: true,
            ..LintContext::default()
        },
    )
}
