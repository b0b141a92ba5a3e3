//! The formal letter's mailing record: when it was mailed, its tracking number, and the
//! date on its return receipt. Each change is a timeline event; recording the same values
//! again changes nothing.

use super::view::{LetterView, empty_row, letter_view};
use crate::actions::{ActionError, App, Result};
use crate::store::{self, LetterRow};
use bowout_core::model::{Decision, EventKind};
use jiff::civil::Date;

/// Records that the letter was mailed on `mailed` (YYYY-MM-DD) with `tracking`.
pub async fn record_mailing(
    app: &App,
    given_id: &str,
    mailed: &str,
    tracking: &str,
) -> Result<LetterView> {
    let now = app.clock.now();
    let date = past_date(app, "--mailed", mailed)?;
    let tracking = tracking_number(tracking)?;
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, given_id).await?;
    let mut row = declined_letter(&mut tx, &id).await?;
    if row.receipt_on.is_some() {
        return Err(ActionError::Refused(format!(
            "the letter for {id} already has its return receipt recorded; its mailing stays as it is"
        )));
    }
    if row.mailed_on != Some(date.into()) || row.tracking != Some(tracking.clone()) {
        let detail = format!("mailed {date} by registered mail, tracking {tracking}");
        row.mailed_on = Some(date.into());
        row.tracking = Some(tracking);
        row.updated_at = now;
        store::save_letter(&mut tx, &row).await?;
        store::append_event(&mut tx, &id, now, EventKind::LetterMailed, &detail).await?;
    }
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(letter_view(app, &row))
}

/// Records the date on the return receipt (YYYY-MM-DD).
pub async fn record_receipt(app: &App, given_id: &str, received: &str) -> Result<LetterView> {
    let now = app.clock.now();
    let date = past_date(app, "--receipt", received)?;
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, given_id).await?;
    let mut row = declined_letter(&mut tx, &id).await?;
    let Some(store::Day(mailed)) = row.mailed_on else {
        return Err(ActionError::Refused(format!(
            "the letter for {id} is not recorded as mailed: run `bowout letter {id} --mailed \
             YYYY-MM-DD --tracking NUMBER` first"
        )));
    };
    if date < mailed {
        return Err(ActionError::Refused(format!(
            "--receipt {date} is before the letter was mailed ({mailed})"
        )));
    }
    if row.receipt_on != Some(date.into()) {
        row.receipt_on = Some(date.into());
        row.updated_at = now;
        store::save_letter(&mut tx, &row).await?;
        let detail = format!("return receipt signed {date}");
        store::append_event(&mut tx, &id, now, EventKind::LetterReceipt, &detail).await?;
    }
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(letter_view(app, &row))
}

/// The letter record of one invitation, if any.
pub async fn letter_status(app: &App, given_id: &str) -> Result<Option<LetterView>> {
    let mut conn = app.store.conn().await?;
    let id = store::resolve_invitation_id(&mut conn, given_id).await?;
    Ok(store::load_letter(&mut conn, &id)
        .await?
        .map(|row| letter_view(app, &row)))
}

/// The letter row of a declined invitation (a fresh one if none yet).
async fn declined_letter(conn: &mut store::Conn, id: &str) -> Result<LetterRow> {
    match store::load_decision(conn, id).await? {
        Some((Decision::Decline { .. }, _)) => {}
        _ => {
            return Err(ActionError::Refused(format!(
                "invitation {id} has no decline recorded, so there is no letter to track"
            )));
        }
    }
    Ok(store::load_letter(conn, id)
        .await?
        .unwrap_or_else(|| empty_row(id)))
}

/// A `YYYY-MM-DD` date that is not in the future.
fn past_date(app: &App, flag: &str, raw: &str) -> Result<Date> {
    let date: Date = raw.trim().parse().map_err(|_| {
        ActionError::BadInput(format!("invalid {flag} {raw:?}: give a date as YYYY-MM-DD"))
    })?;
    if date > app.clock.today() {
        return Err(ActionError::BadInput(format!(
            "{flag} {date} is in the future"
        )));
    }
    Ok(date)
}

/// The carrier's tracking number: letters, digits, spaces and hyphens, at most 40.
fn tracking_number(raw: &str) -> Result<String> {
    let t = raw.trim();
    let ok = !t.is_empty()
        && t.chars().count() <= 40
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
    if !ok {
        return Err(ActionError::BadInput(format!(
            "invalid --tracking {raw:?}: give the carrier's tracking number (letters, digits, \
             spaces and hyphens, at most 40)"
        )));
    }
    Ok(t.to_string())
}
