//! The SMTP run: for each queued message, claim it, build and archive its bytes, hand them
//! over, and record what the server said. Transient failures are retried with backoff
//! while the message is certainly undelivered; anything in doubt stops at `unknown`.

use super::plan::Plan;
use super::recover::recipient;
use super::{Outcomes, outcome};
use crate::actions::{ActionError, App, Result};
use crate::mail::outbox::{Delivery, Status};
use crate::mail::password::{Secret, Source};
use crate::mail::smtp::{ConnectError, Session, Settings};
use crate::mail::{archive, message};
use crate::store::{self, MessageRow};
use bowout_core::model::EventKind;
use std::time::Duration;

/// Tries per message (and per connection) within one run.
const MAX_ATTEMPTS: u32 = 3;

fn backoff(attempt: u32) -> Duration {
    Duration::from_secs(1 << attempt.saturating_sub(1).min(5))
}

/// Everything one run needs to talk to the server.
struct Link<'a> {
    settings: Settings,
    password: Option<Secret>,
    session: Option<Session>,
    plan: &'a Plan,
}

/// Sends every queued row of the plan; returns the server it used, if it needed one.
pub(super) async fn run(
    app: &App,
    plan: &Plan,
    settings: Settings,
    outcomes: &mut Outcomes,
) -> Result<Option<String>> {
    let queued: Vec<&MessageRow> = plan.rows.iter().filter(|r| r.status == "queued").collect();
    if queued.is_empty() {
        return Ok(None);
    }
    let password = match &settings.username {
        Some(user) => Some(
            Source {
                server: "smtp",
                user,
                command: app.config.smtp.password_command.as_deref(),
            }
            .password()
            .await
            .map_err(|e| ActionError::Setup(e.to_string()))?,
        ),
        None => None,
    };
    let server = settings.describe();
    let mut link = Link {
        settings,
        password,
        session: None,
        plan,
    };
    for (i, row) in queued.iter().enumerate() {
        if let Err(e) = send_one(app, &mut link, row, outcomes).await? {
            // No connection could be made: none of the rest can go either.
            for r in &queued[i..] {
                fail_unsent(app, r, &e.message, outcomes).await?;
            }
            break;
        }
    }
    if let Some(s) = link.session.take() {
        s.quit().await;
    }
    Ok(Some(server))
}

async fn connect(link: &mut Link<'_>) -> std::result::Result<(), ConnectError> {
    let mut attempt = 0;
    while link.session.is_none() {
        attempt += 1;
        match Session::open(&link.settings, link.password.as_ref()).await {
            Ok(s) => link.session = Some(s),
            Err(e) if e.transient && attempt < MAX_ATTEMPTS => {
                tokio::time::sleep(backoff(attempt)).await;
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// One message, with retries. The inner `Err` says no connection could be made (the message
/// is then still queued, unclaimed); database and disk errors abort the run.
async fn send_one(
    app: &App,
    link: &mut Link<'_>,
    row: &MessageRow,
    outcomes: &mut Outcomes,
) -> Result<std::result::Result<(), ConnectError>> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        if let Err(e) = connect(link).await {
            return Ok(Err(e));
        }
        let Some(delivery) = attempt_once(app, link, row).await? else {
            outcome(
                outcomes,
                &row.id,
                "skipped",
                Some("taken by another run".into()),
            );
            return Ok(Ok(()));
        };
        if !matches!(delivery, Delivery::Accepted { .. }) {
            // After a refusal the session is in an unknown state: start afresh.
            link.session = None;
        }
        if let Delivery::NotDelivered {
            transient: true,
            reason,
        } = &delivery
            && attempt < MAX_ATTEMPTS
        {
            settle(app, row, Status::Queued, Some(reason), None).await?;
            tokio::time::sleep(backoff(attempt)).await;
            continue;
        }
        record(app, row, &delivery).await?;
        let (action, note) = match delivery {
            Delivery::Accepted { .. } => ("sent", None),
            Delivery::NotDelivered { reason, .. } => ("failed", Some(reason)),
            Delivery::Unknown { reason } => ("unknown", Some(reason)),
        };
        outcome(outcomes, &row.id, action, note);
        return Ok(Ok(()));
    }
}

/// Claims the row, archives the exact bytes, hands them over. `None`: not claimable.
async fn attempt_once(
    app: &App,
    link: &mut Link<'_>,
    row: &MessageRow,
) -> Result<Option<Delivery>> {
    let now = app.clock.now();
    {
        let mut conn = app.store.conn().await?;
        if !store::claim_message(&mut conn, &row.id, now).await? {
            return Ok(None);
        }
    }
    let me = app.identity()?;
    let outgoing = link.plan.outgoing(&me, row, now);
    let built = message::build(&outgoing)
        .and_then(|bytes| Ok((bytes, message::envelope_addresses(&outgoing)?)));
    let (bytes, (from, to)) = match built {
        Ok(b) => b,
        Err(e) => {
            let d = Delivery::NotDelivered {
                transient: false,
                reason: e.to_string(),
            };
            return Ok(Some(d));
        }
    };
    // The copy goes to disk before the bytes go out: a delivered message always has one.
    let path = archive::copy_path(&app.home.archive, &row.invitation_id, &row.message_id);
    let copy = match archive::store(&path, &bytes) {
        Ok(c) => c,
        Err(e) => {
            settle(
                app,
                row,
                Status::Queued,
                Some("the copy could not be written"),
                None,
            )
            .await?;
            return Err(ActionError::io(
                format!("cannot write the copy {}", path.display()),
                e,
            ));
        }
    };
    {
        let mut conn = app.store.conn().await?;
        let p = copy.path.to_string_lossy();
        store::record_copy(&mut conn, &row.id, &p, &copy.sha256, now).await?;
    }
    let session = link
        .session
        .as_mut()
        .ok_or_else(|| ActionError::Refused("the connection to the server was lost".into()))?;
    let wire = message::wire_form(&bytes);
    Ok(Some(session.deliver(&from, &to, wire).await))
}

/// `sending → to`, for retries and for the final state.
async fn settle(
    app: &App,
    row: &MessageRow,
    to: Status,
    error: Option<&str>,
    event: Option<(EventKind, String)>,
) -> Result<()> {
    let now = app.clock.now();
    let t = store::Transition {
        from: Status::Sending.as_str(),
        to: to.as_str(),
        last_error: error,
        sent_at: (to == Status::Sent).then_some(now),
    };
    let mut tx = app.store.begin().await?;
    if store::transition_message(&mut tx, &row.id, t, now).await?
        && let Some((kind, detail)) = event
    {
        store::append_event(&mut tx, &row.invitation_id, now, kind, &detail).await?;
    }
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(())
}

/// The final state after a hand-over, with its timeline event.
async fn record(app: &App, row: &MessageRow, d: &Delivery) -> Result<()> {
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
    settle(app, row, d.final_status(), error, Some(event)).await
}

/// A queued message that never reached the server because no connection could be made.
async fn fail_unsent(
    app: &App,
    row: &MessageRow,
    why: &str,
    outcomes: &mut Outcomes,
) -> Result<()> {
    let now = app.clock.now();
    let reason = format!("not sent: {why}");
    let t = store::Transition {
        from: Status::Queued.as_str(),
        to: Status::Failed.as_str(),
        last_error: Some(&reason),
        sent_at: None,
    };
    let mut tx = app.store.begin().await?;
    if store::transition_message(&mut tx, &row.id, t, now).await? {
        let detail = format!("{} to {} {reason}", row.kind, recipient(row));
        store::append_event(
            &mut tx,
            &row.invitation_id,
            now,
            EventKind::SendFailed,
            &detail,
        )
        .await?;
    }
    tx.commit().await.map_err(store::StoreError::from)?;
    outcome(outcomes, &row.id, "failed", Some(reason));
    Ok(())
}
