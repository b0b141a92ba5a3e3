//! The user's decision: decline (one draft per contact) or accept (one acceptance draft).

use super::drafts::{DraftView, draft_views};
use super::{ActionError, App, Result};
use crate::store;
use bowout_core::compose;
use bowout_core::model::{Decision, DeclineReason, EventKind, Invitation, Status};

#[derive(Debug, Clone)]
pub struct DeclineInput {
    pub id: String,
    pub reason: DeclineReason,
    /// A referral id (or unique prefix) to name in the decline.
    pub referral: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AcceptInput {
    pub id: String,
    /// Interview time as `YYYY-MM-DD HH:MM`, in `tz` (or the user's zone).
    pub at: Option<String>,
    pub tz: Option<String>,
    /// The user confirmed an interview time in the past (`--yes`, or yes at the prompt).
    pub past_confirmed: bool,
}

/// Once declines have gone out, a new decision would mean sending a second, different answer.
fn refuse_after_sending(inv: &Invitation) -> Result<()> {
    if matches!(inv.status, Status::Sent | Status::Acknowledged) {
        return Err(ActionError::Refused(format!(
            "invitation {} already has its declines sent; a new decision would contradict them",
            inv.id
        )));
    }
    Ok(())
}

/// Some declines may already be with their recipients (sent, or in doubt): a new decision
/// would then contradict what they read.
async fn refuse_if_maybe_delivered(conn: &mut store::Conn, id: &str) -> Result<()> {
    if store::any_decline_maybe_delivered(conn, id).await? {
        return Err(ActionError::Refused(format!(
            "invitation {id} already has declines sent (or possibly sent); a new decision would contradict them"
        )));
    }
    Ok(())
}

pub async fn decline(app: &App, input: DeclineInput) -> Result<Vec<DraftView>> {
    let now = app.clock.now();
    let me = app.identity()?;
    let templates = app.templates()?;
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, &input.id).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    refuse_after_sending(&inv)?;
    refuse_if_maybe_delivered(&mut tx, &id).await?;
    let referral = match &input.referral {
        Some(given) => {
            let rid = store::resolve_referral_id(&mut tx, given).await?;
            Some(store::load_referral(&mut tx, &rid).await?)
        }
        None => None,
    };
    let drafts = compose::decline_drafts(&inv, &me, input.reason, referral.as_ref(), &templates)?;
    let decision = Decision::Decline {
        reason: input.reason,
        referral_id: referral.as_ref().map(|r| r.id.clone()),
    };
    store::replace_decision(&mut tx, &id, &decision, now).await?;
    store::replace_drafts(&mut tx, &id, &drafts, now).await?;
    store::set_status(&mut tx, &id, Status::Declined).await?;
    let referral_note = referral
        .as_ref()
        .map(|r| format!(", referring {}", r.name))
        .unwrap_or_default();
    let decided = format!("decline (reason: {}{referral_note})", input.reason.as_str());
    store::append_event(&mut tx, &id, now, EventKind::Decided, &decided).await?;
    let drafted = format!("{} decline draft(s), one per contact", drafts.len());
    store::append_event(&mut tx, &id, now, EventKind::Drafted, &drafted).await?;
    let facts = store::load_facts(&mut tx, &id).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(draft_views(drafts, Some(&decision), facts.as_ref()))
}

pub async fn accept(app: &App, input: AcceptInput) -> Result<DraftView> {
    let now = app.clock.now();
    let me = app.identity()?;
    let templates = app.templates()?;
    let when = input
        .at
        .as_deref()
        .map(|at| interview_time(app, at, input.tz.as_deref()))
        .transpose()?;
    if let Some(w) = &when
        && w.unix < now
        && !input.past_confirmed
    {
        return Err(ActionError::BadInput(format!(
            "the interview time {} is in the past; pass --yes to record it anyway",
            w.shown
        )));
    }
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, &input.id).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    refuse_after_sending(&inv)?;
    refuse_if_maybe_delivered(&mut tx, &id).await?;
    let shown = when.as_ref().map(|w| w.shown.as_str());
    let draft = compose::accept_draft(&inv, &me, shown, &templates)?;
    let decision = Decision::Accept {
        at: when.as_ref().map(|w| w.unix),
        tz: when.as_ref().map(|w| w.tz.clone()),
    };
    store::replace_decision(&mut tx, &id, &decision, now).await?;
    store::replace_drafts(&mut tx, &id, std::slice::from_ref(&draft), now).await?;
    store::set_status(&mut tx, &id, Status::Accepted).await?;
    let detail = match shown {
        Some(s) => format!("accept; interview {s}"),
        None => "accept".to_string(),
    };
    store::append_event(&mut tx, &id, now, EventKind::Decided, &detail).await?;
    store::append_event(&mut tx, &id, now, EventKind::Drafted, "acceptance draft").await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    let mut views = draft_views(vec![draft], Some(&decision), None);
    views
        .pop()
        .ok_or_else(|| ActionError::Refused("no draft was produced".into()))
}

/// The interview time as the user reads it when `at` (in `tz`, or the user's zone) is in the
/// past, so that the CLI can ask before recording it; `None` when it is not.
pub fn interview_in_past(app: &App, at: &str, tz: Option<&str>) -> Result<Option<String>> {
    let when = interview_time(app, at, tz)?;
    Ok((when.unix < app.clock.now()).then_some(when.shown))
}

struct InterviewTime {
    unix: i64,
    tz: String,
    shown: String,
}

/// `YYYY-MM-DD HH:MM` in the given zone (or the user's) → an instant and a readable line.
fn interview_time(app: &App, at: &str, tz: Option<&str>) -> Result<InterviewTime> {
    let civil: jiff::civil::DateTime = at.trim().parse().map_err(|_| {
        ActionError::BadInput(format!(
            "invalid --at {at:?}: give the interview time as \"YYYY-MM-DD HH:MM\""
        ))
    })?;
    let zone = match tz {
        Some(name) => {
            crate::clock::zone(name).map_err(|e| ActionError::BadInput(format!("{e} (--tz)")))?
        }
        None => app.clock.tz.clone(),
    };
    let zoned = civil.to_zoned_datetime(zone.clone()).map_err(|e| {
        ActionError::BadInput(format!("{at:?} does not exist in that time zone: {e}"))
    })?;
    let tz_name = zone.iana_name().unwrap_or("local time").to_string();
    Ok(InterviewTime {
        unix: zoned.timestamp().as_second(),
        shown: format!("{} ({tz_name})", zoned.strftime("%A %-d %B %Y at %H:%M")),
        tz: tz_name,
    })
}
