//! The user's answer about a message to review.

use super::keep::ToReview;
use crate::actions::import::record;
use crate::actions::{ActionError, App, Result};
use crate::mail::scan::Found;
use crate::store;
use bowout_core::ingest::{Analysis, Kind};
use serde::Serialize;

/// What the user says a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Invitation,
    /// Not an invitation.
    Not,
    Scam,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invitation => "invitation",
            Self::Not => "other",
            Self::Scam => "scam",
        }
    }
}

/// What became of an answered message.
#[derive(Debug, Clone, Serialize)]
pub struct Answered {
    pub key: String,
    pub answer: Answer,
    /// The invitation it was recorded as, for an invitation.
    pub invitation_id: Option<String>,
    /// Set when the mail does not say whom to answer: what to do about it.
    pub todo: Option<String>,
}

/// The messages still waiting for an answer, oldest first.
pub async fn pending(app: &App) -> Result<Vec<ToReview>> {
    let mut conn = app.store.conn().await?;
    Ok(store::pending_reviews(&mut conn)
        .await?
        .iter()
        .map(ToReview::from_row)
        .collect())
}

/// Records the user's answer about the message `given` (its key or a unique prefix); an
/// invitation is recorded with the fields the classifier extracted.
pub async fn answer(app: &App, given: &str, answer: Answer) -> Result<Answered> {
    let row = {
        let mut conn = app.store.conn().await?;
        store::load_review(&mut conn, given).await?
    };
    if let Some(before) = &row.answer {
        return Err(ActionError::Refused(format!(
            "{} was answered already ({before})",
            row.review_key
        )));
    }
    let (invitation_id, todo) = if answer == Answer::Invitation {
        let mut analysis: Analysis = serde_json::from_str(&row.analysis).map_err(|e| {
            ActionError::Refused(format!(
                "the stored analysis of {} cannot be read ({e}); import the message again \
                 with bowout import --invitation FILE",
                row.review_key
            ))
        })?;
        analysis.kind = Kind::Invitation;
        analysis.review = false;
        let found = Found {
            source: row.source.clone(),
            content_hash: row.review_key.strip_prefix("sha256:").map(str::to_string),
            analysis,
        };
        let (imported, _) = record(app, &found).await?;
        (Some(imported.id), imported.todo)
    } else {
        (None, None)
    };
    let mut tx = app.store.begin().await?;
    store::answer_review(
        &mut tx,
        &row.review_key,
        answer.as_str(),
        app.clock.now(),
        invitation_id.as_deref(),
    )
    .await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(Answered {
        key: row.review_key,
        answer,
        invitation_id,
        todo,
    })
}
