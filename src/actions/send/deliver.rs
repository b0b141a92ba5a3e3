//! The SMTP run: for each queued message, build and archive its bytes, open the hand-over,
//! claim it, send the content, and record what the server said. Transient failures are retried with backoff
//! while the message is certainly undelivered; anything in doubt stops at `unknown`.

use super::outcome::{Outcomes, outcome};
use super::plan::Plan;
use super::state::{fail_unsent, record, settle};
use crate::actions::login::smtp_login;
use crate::actions::{ActionError, App, Result};
use crate::mail::login::Login;
use crate::mail::outbox;
use crate::mail::outbox::{Delivery, Status};
use crate::mail::smtp::{ConnectError, Session, Settings};
use crate::mail::{archive, message};
use crate::store::{self, MessageRow};
use crate::testhook;
use std::time::Duration;

/// Tries per message (and per connection) within one run.
const MAX_ATTEMPTS: u32 = 3;

fn backoff(attempt: u32) -> Duration {
    Duration::from_secs(1 << attempt.saturating_sub(1).min(5))
}

/// Everything one run needs to talk to the server.
struct Link<'a> {
    settings: Settings,
    login: Option<Login>,
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
    let queued: Vec<&MessageRow> = plan
        .rows
        .iter()
        .filter(|r| r.status == outbox::Status::Queued)
        .collect();
    if queued.is_empty() {
        return Ok(None);
    }
    let login = smtp_login(app, settings.username.as_deref(), settings.auth).await?;
    let server = settings.describe();
    let mut link = Link {
        settings,
        login,
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
        match Session::open(&link.settings, link.login.as_ref()).await {
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
        let Some(Attempt { delivery, claimed }) = attempt_once(app, link, row).await? else {
            outcome(
                outcomes,
                &row.id,
                "skipped",
                Some("taken by another run".into()),
            );
            return Ok(Ok(()));
        };
        // Before the content went out the message is still queued; after, it is sending.
        let from = if claimed {
            Status::Sending
        } else {
            Status::Queued
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
            settle(app, row, from, Status::Queued, Some(reason), None).await?;
            tokio::time::sleep(backoff(attempt)).await;
            continue;
        }
        if matches!(delivery, Delivery::Accepted { .. }) {
            testhook::pause("send:accepted");
        }
        if let Err(e) = record(app, row, from, &delivery).await {
            if !claimed {
                return Err(e);
            }
            return Err(ActionError::Partly {
                done: format!(
                    "the message to {} was handed to the server, but what the server said \
                     could not be recorded: it stays in doubt, and the next `bowout send {}` \
                     says how to settle it",
                    row.to_email, row.invitation_id
                ),
                source: Box::new(e),
            });
        }
        testhook::pause("send:settled");
        let (action, note) = match delivery {
            Delivery::Accepted { .. } => ("sent", None),
            Delivery::NotDelivered { reason, .. } => ("failed", Some(reason)),
            Delivery::Unknown { reason } => ("unknown", Some(reason)),
        };
        outcome(outcomes, &row.id, action, note);
        return Ok(Ok(()));
    }
}

/// How one hand-over ended, and whether the message was claimed (`sending`) for it: only
/// when the content started to go out.
struct Attempt {
    delivery: Delivery,
    claimed: bool,
}

/// Builds the message, archives its exact bytes and records the copy (still `queued`),
/// opens the hand-over (MAIL FROM, RCPT TO, DATA), and only then claims it (`queued →
/// sending`) and sends the content. A crash before the claim leaves it queued: certainly
/// not delivered, so the next run sends it; after the claim, it may have been delivered.
/// `None`: not claimable (or no connection to hand it to), so nothing was sent.
async fn attempt_once(app: &App, link: &mut Link<'_>, row: &MessageRow) -> Result<Option<Attempt>> {
    let plan = link.plan;
    let now = app.clock.now();
    if link.session.is_none() {
        return Ok(None);
    }
    let unclaimed = |delivery| {
        Ok(Some(Attempt {
            delivery,
            claimed: false,
        }))
    };
    let me = app.identity()?;
    let outgoing = plan.outgoing(&me, row, now);
    let built = message::build(&outgoing)
        .and_then(|bytes| Ok((bytes, message::envelope_addresses(&outgoing)?)));
    let (bytes, (from, to)) = match built {
        Ok(b) => b,
        Err(e) => {
            return unclaimed(Delivery::NotDelivered {
                transient: false,
                reason: e.to_string(),
            });
        }
    };
    testhook::pause("send:built");
    // The copy goes to disk, and its hash into the database, before any byte goes out: a
    // message that may have been delivered always has both.
    let key = archive::copy_key(&row.invitation_id, &row.message_id);
    let copy = archive::store(&app.home.archive, &key, &bytes).map_err(|e| {
        ActionError::io(
            format!(
                "cannot write the copy {} of the message to {}, so it was not sent (it stays \
                 queued)",
                archive::locate(&app.home.archive, &key).display(),
                row.to_email
            ),
            e,
        )
    })?;
    testhook::pause("send:copied");
    {
        let mut conn = app.store.conn().await?;
        if !store::prepare_attempt(&mut conn, &row.id, &copy.key, &copy.sha256, now).await? {
            return Ok(None);
        }
    }
    testhook::pause("send:recorded");
    let Some(session) = link.session.as_mut() else {
        return Ok(None);
    };
    if let Err(refused) = session.envelope(&from, &to).await {
        return unclaimed(refused);
    }
    testhook::pause("send:envelope");
    let claimed = {
        let mut conn = app.store.conn().await?;
        store::claim_message(&mut conn, &row.id, app.clock.now()).await
    };
    match claimed {
        Ok(true) => {}
        other => {
            // No content goes out unclaimed: closing the connection mid-DATA makes the
            // server discard the message.
            link.session = None;
            other?;
            return Ok(None);
        }
    }
    testhook::pause("send:claimed");
    let wire = message::wire_form(&bytes);
    let Some(session) = link.session.as_mut() else {
        return Ok(None);
    };
    Ok(Some(Attempt {
        delivery: session.content(wire).await,
        claimed: true,
    }))
}
