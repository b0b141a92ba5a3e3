//! Recording a message's change of state: the conditional UPDATE and its timeline event,
//! in one transaction.

use super::outcome::{Outcomes, outcome};
use crate::actions::{App, Result};
use crate::mail::outbox::{Delivery, Status};
use crate::store::{self, MessageRow};
use bowout_core::model::EventKind;

/// `Name <email>` or the address alone, for timeline lines.
pub(super) fn recipient(r: &MessageRow) -> String {
    match &r.to_name {
        Some(n) => format!("{n} <{}>", r.to_email),
        None => r.to_email.clone(),
    }
}

/// Applies `t` to the message and, when it took effect, appends `event` to the timeline, in
/// one transaction. False when the message was no longer in `t.from`.
pub(super) async fn transition(
    app: &App,
    row: &MessageRow,
    t: store::Transition<'_>,
    event: Option<(EventKind, String)>,
) -> Result<bool> {
    let now = app.clock.now();
    let mut tx = app.store.begin().await?;
    let moved = store::transition_message(&mut tx, &row.id, t, now).await?;
    if moved && let Some((kind, detail)) = event {
        store::append_event(&mut tx, &row.invitation_id, now, kind, &detail).await?;
    }
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(moved)
}

/// `from → to` (`sending`, or `queued` when the content never went out), for retries and
/// for the final state.
pub(super) async fn settle(
    app: &App,
    row: &MessageRow,
    from: Status,
    to: Status,
    error: Option<&str>,
    event: Option<(EventKind, String)>,
) -> Result<()> {
    let t = store::Transition {
        from,
        to,
        last_error: error,
        sent_at: (to == Status::Sent).then(|| app.clock.now()),
    };
    transition(app, row, t, event).await?;
    Ok(())
}

/// The final state after a hand-over, with its timeline event.
pub(super) async fn record(app: &App, row: &MessageRow, from: Status, d: &Delivery) -> Result<()> {
    let who = format!("{} to {}", row.kind, recipient(row));
    let (error, event) = match d {
        Delivery::Accepted { reply } => {
            let hash = {
                let mut conn = app.store.conn().await?;
                store::load_message(&mut conn, &row.id).await?.sha256
            };
            let detail = format!(
                "{who}: Message-ID {}, copy sha256 {}, server: {reply}",
                row.message_id,
                hash.as_deref().unwrap_or("none")
            );
            (None, (EventKind::Sent, detail))
        }
        Delivery::NotDelivered { reason, .. } => (
            Some(reason.as_str()),
            (EventKind::SendFailed, format!("{who} not sent: {reason}")),
        ),
        Delivery::Unknown { reason } => (
            Some(reason.as_str()),
            (
                EventKind::SendFailed,
                format!("{who}: state unknown ({reason}); not resent automatically"),
            ),
        ),
    };
    settle(app, row, from, d.final_status(), error, Some(event)).await
}

/// A queued message that never reached the server because no connection could be made.
pub(super) async fn fail_unsent(
    app: &App,
    row: &MessageRow,
    why: &str,
    outcomes: &mut Outcomes,
) -> Result<()> {
    let reason = format!("not sent: {why}");
    let t = store::Transition {
        from: Status::Queued,
        to: Status::Failed,
        last_error: Some(&reason),
        sent_at: None,
    };
    let detail = format!("{} to {} {reason}", row.kind, recipient(row));
    transition(app, row, t, Some((EventKind::SendFailed, detail))).await?;
    outcome(outcomes, &row.id, "failed", Some(reason));
    Ok(())
}
