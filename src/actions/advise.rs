//! Recording the facts of an invitation and advising on them.

use super::{ActionError, App, Result};
use crate::store;
use bowout_core::advisor::{self, Advice, AdvisorInput, Verdict};
use bowout_core::model::{EventKind, Facts};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct AdviseOutcome {
    /// The full id of the invitation advised on.
    pub invitation_id: String,
    #[serde(flatten)]
    pub advice: Advice,
    pub facts: Facts,
    /// The commands that act on the advice, the one the verdict suggests first, each with
    /// the invitation's full id.
    pub commands: Vec<String>,
}

/// Records `facts` for the invitation (replacing earlier ones), then advises. With `None`,
/// advises on the facts already recorded (or none) without recording anything. A review
/// dated after today is refused before anything is done.
pub async fn advise(app: &App, given_id: &str, facts: Option<Facts>) -> Result<AdviseOutcome> {
    let now = app.clock.now();
    let today = app.clock.today();
    if let Some(review) = facts
        .iter()
        .flat_map(|f| &f.reviews)
        .find(|r| r.date > today)
    {
        return Err(ActionError::BadInput(format!(
            "the review dated {} is in the future (today is {today}): give the day it was \
             written",
            review.date
        )));
    }
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, given_id).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    let record = facts.is_some();
    let facts = match facts {
        Some(f) => f,
        None => store::load_facts(&mut tx, &id).await?.unwrap_or_default(),
    };
    let history = store::gut_history(&mut tx, &id, advisor::GUT_PATTERN_WINDOW as i64).await?;
    let advice = advisor::advise(&AdvisorInput {
        facts: &facts,
        round: inv.round,
        today,
        gut_history: &history,
    });
    if record {
        store::replace_facts(&mut tx, &id, &facts, now).await?;
        let detail = format!(
            "advice: {} ({} reason(s), {} caution(s))",
            advice.verdict.as_str(),
            advice.reasons.len(),
            advice.cautions.len()
        );
        store::append_event(&mut tx, &id, now, EventKind::Advised, &detail).await?;
    }
    tx.commit().await.map_err(store::StoreError::from)?;
    let (decline, accept) = (
        format!("bowout decline {id}"),
        format!("bowout accept {id}"),
    );
    let commands = match advice.verdict {
        Verdict::Decline => vec![decline, accept],
        Verdict::Accept | Verdict::YourCall => vec![accept, decline],
    };
    Ok(AdviseOutcome {
        invitation_id: id,
        advice,
        facts,
        commands,
    })
}
