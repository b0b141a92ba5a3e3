//! Keeping a message to review.

use crate::actions::{ActionError, App, Result};
use crate::mail::scan::Found;
use crate::store::{self, ReviewRow};
use serde::Serialize;

/// A message waiting for the user's answer.
#[derive(Debug, Clone, Serialize)]
pub struct ToReview {
    /// Its Message-ID, or `sha256:…` of its bytes: what `bowout review KEY` takes.
    pub key: String,
    pub source: String,
    pub subject: Option<String>,
    pub sender: Option<String>,
    /// The calibrated probability that it is an invitation.
    pub score: f64,
    pub employer: Option<String>,
    pub job_title: Option<String>,
    /// Why the classifier could not decide: its largest contributions.
    pub evidence: Vec<String>,
}

impl ToReview {
    pub(super) fn from_row(row: &ReviewRow) -> Self {
        let analysis: Option<bowout_core::ingest::Analysis> =
            serde_json::from_str(&row.analysis).ok();
        Self {
            key: row.review_key.clone(),
            source: row.source.clone(),
            subject: row.subject.clone(),
            sender: row.sender.clone(),
            score: row.score_permille as f64 / 1000.0,
            employer: analysis
                .as_ref()
                .and_then(|a| a.employer.as_ref().map(|e| e.to_string())),
            job_title: analysis
                .as_ref()
                .and_then(|a| a.job_title.as_ref().map(|t| t.to_string())),
            evidence: analysis.map(|a| a.evidence).unwrap_or_default(),
        }
    }
}

/// Keeps `found` for review; what to list: the message unless it was answered before (a
/// message kept before and still unanswered is listed again, kept once).
pub async fn keep(app: &App, found: &Found) -> Result<Option<ToReview>> {
    let a = &found.analysis;
    let key = a
        .message_id
        .clone()
        .or_else(|| found.content_hash.as_ref().map(|h| format!("sha256:{h}")))
        .unwrap_or_else(|| format!("source:{}", found.source));
    let analysis = serde_json::to_string(a)
        .map_err(|e| ActionError::Refused(format!("cannot keep {}: {e}", found.source)))?;
    let sender = a.primary_contact.as_ref().map(|c| c.email.to_string());
    let row = ReviewRow {
        review_key: key.clone(),
        source: found.source.clone(),
        subject: a.subject.clone(),
        sender,
        score_permille: (a.score * 1000.0).round() as i64,
        analysis,
        found_at: app.clock.now(),
        answer: None,
        answered_at: None,
        invitation_id: None,
    };
    let mut tx = app.store.begin().await?;
    let new = store::insert_review(&mut tx, &row).await?;
    let known = if new {
        row
    } else {
        store::load_review(&mut tx, &key).await?
    };
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(known.answer.is_none().then(|| ToReview::from_row(&known)))
}
