//! `call ID --outcome …`: how the follow-up call went, on the timeline.

use super::due::refuse_unless_sent;
use crate::actions::deadlines::CALL_AFTER_BUSINESS_DAYS;
use crate::actions::{ActionError, App, Result};
use crate::store::{self, CallRow};
use bowout_core::model::EventKind;
use serde::Serialize;

/// How a call went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CallOutcome {
    Reached,
    Voicemail,
    NoAnswer,
}

impl CallOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reached => "reached",
            Self::Voicemail => "voicemail",
            Self::NoAnswer => "no-answer",
        }
    }
}

/// What `call --outcome` recorded.
#[derive(Debug, Clone, Serialize)]
pub struct CallLogged {
    pub invitation_id: String,
    pub outcome: CallOutcome,
    pub note: Option<String>,
    /// The next attempt, after no answer.
    pub next_due: Option<jiff::civil::Date>,
}

pub async fn log_call(
    app: &App,
    given_id: &str,
    outcome: CallOutcome,
    note: Option<String>,
) -> Result<CallLogged> {
    let now = app.clock.now();
    let note = note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    if note
        .as_deref()
        .is_some_and(|n| n.chars().any(char::is_control))
    {
        return Err(ActionError::BadInput(
            "--note must be one line of text".into(),
        ));
    }
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, given_id).await?;
    let status = store::load_invitation(&mut tx, &id).await?.status;
    let messages = store::list_messages(&mut tx, &id).await?;
    refuse_unless_sent(&id, status, &messages)?;
    let next_due = (outcome == CallOutcome::NoAnswer).then(|| {
        app.clock
            .add_business_days(app.clock.today(), CALL_AFTER_BUSINESS_DAYS)
    });
    let row = CallRow {
        id: store::new_id(),
        invitation_id: id.clone(),
        outcome: outcome.as_str().to_string(),
        note: note.clone(),
        called_at: now,
        next_due: next_due.map(store::Day),
    };
    store::insert_call(&mut tx, &row).await?;
    let mut detail = format!("follow-up call: {}", outcome.as_str());
    if let Some(d) = &next_due {
        detail.push_str(&format!("; next try {d}"));
    }
    if let Some(n) = &note {
        detail.push_str(&format!(" — {n}"));
    }
    store::append_event(&mut tx, &id, now, EventKind::Called, &detail).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(CallLogged {
        invitation_id: id,
        outcome,
        note,
        next_due,
    })
}
