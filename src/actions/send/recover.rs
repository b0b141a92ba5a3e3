//! After a crash, and at the user's word: messages left `sending` become `unknown` (never
//! resent on their own); `--confirm-sent` and `--resend` settle the ones in doubt.

use super::input::SendInput;
use super::outcome::{Outcomes, outcome};
use super::state::{recipient, transition};
use crate::actions::{ActionError, App, Result};
use crate::mail::{archive, outbox};
use crate::store::{self, MessageRow};
use bowout_core::model::EventKind;

/// Every message still `sending` was being handed over when its run died (this run holds
/// the outbox lock, so no live run owns it): it may have been delivered, so it becomes
/// `unknown`, with the copy recorded before its content went out.
pub(super) async fn interrupted(app: &App, outcomes: &mut Outcomes) -> Result<()> {
    let now = app.clock.now();
    let stuck = {
        let mut conn = app.store.conn().await?;
        store::messages_in_status(&mut conn, outbox::Status::Sending).await?
    };
    for r in stuck {
        let mut tx = app.store.begin().await?;
        // The copy and its hash are recorded before the content goes out, and stay as
        // recorded: a copy changed since is for `verify` to report, not to be taken as what
        // was sent. (Only a message claimed by an older bowout, which recorded the copy
        // afterwards, gets its hash from the file.)
        let key = archive::copy_key(&r.invitation_id, &r.message_id);
        if r.sha256.is_none()
            && let Ok(bytes) = std::fs::read(archive::locate(&app.home.archive, &key))
        {
            let hash = archive::sha256_hex(&bytes);
            store::record_copy(&mut tx, &r.id, &key, &hash, now).await?;
        }
        let why = "the send was interrupted while handing it to the server";
        let t = store::Transition {
            from: outbox::Status::Sending,
            to: outbox::Status::Unknown,
            last_error: Some(why),
            sent_at: None,
        };
        if store::transition_message(&mut tx, &r.id, t, now).await? {
            let detail = format!(
                "{} to {}: state unknown ({why}); not resent automatically, Message-ID {}",
                r.kind,
                recipient(&r),
                r.message_id
            );
            store::append_event(
                &mut tx,
                &r.invitation_id,
                now,
                EventKind::SendFailed,
                &detail,
            )
            .await?;
        }
        tx.commit().await.map_err(store::StoreError::from)?;
        outcome(outcomes, &r.id, "interrupted", Some(why.to_string()));
    }
    Ok(())
}

/// The rows a `--confirm-sent` / `--resend` argument names: a `Message-ID` (brackets
/// optional), a message id or a unique prefix of one, or `all` (every message in doubt).
fn pick<'a>(rows: &'a [MessageRow], given: &str) -> Result<Vec<&'a MessageRow>> {
    let g = given.trim();
    if g.eq_ignore_ascii_case("all") {
        return Ok(rows.iter().filter(|r| in_doubt(r)).collect());
    }
    let bare = g.trim_start_matches('<').trim_end_matches('>');
    let by_message_id: Vec<_> = rows
        .iter()
        .filter(|r| r.message_id.trim_start_matches('<').trim_end_matches('>') == bare)
        .collect();
    if !by_message_id.is_empty() {
        return Ok(by_message_id);
    }
    let by_id: Vec<_> = rows
        .iter()
        .filter(|r| g.len() >= 4 && r.id.starts_with(&g.to_ascii_lowercase()))
        .collect();
    match by_id.len() {
        1 => Ok(by_id),
        0 => Err(ActionError::Refused(format!(
            "no message {given:?} in this invitation (give its Message-ID as `bowout show` lists it)"
        ))),
        n => Err(ActionError::Refused(format!(
            "{n} messages have ids starting with {given:?}; give more characters"
        ))),
    }
}

fn in_doubt(r: &MessageRow) -> bool {
    Some(r.status).is_some_and(outbox::Status::needs_user)
}

/// Applies `--confirm-sent` (in doubt → sent) and `--resend` (in doubt → queued).
pub(super) async fn user_choices(
    app: &App,
    id: &str,
    input: &SendInput,
    outcomes: &mut Outcomes,
) -> Result<()> {
    let now = app.clock.now();
    let choices = [
        (&input.confirm_sent, outbox::Status::Sent),
        (&input.resend, outbox::Status::Queued),
    ];
    for (given, to) in choices {
        for g in given {
            let rows = {
                let mut conn = app.store.conn().await?;
                store::list_messages(&mut conn, id).await?
            };
            for r in pick(&rows, g)? {
                settle(app, r, to, now).await?;
                let action = if to == outbox::Status::Sent {
                    "confirmed"
                } else {
                    "requeued"
                };
                outcome(outcomes, &r.id, action, None);
            }
        }
    }
    Ok(())
}

async fn settle(app: &App, r: &MessageRow, to: outbox::Status, now: i64) -> Result<()> {
    if !in_doubt(r) {
        return Err(ActionError::Refused(format!(
            "the message to {} is {}: only messages in doubt (unknown, exported) can be confirmed or resent",
            r.to_email,
            r.status.as_str()
        )));
    }
    let sent = to == outbox::Status::Sent;
    let t = store::Transition {
        from: r.status,
        to,
        last_error: None,
        sent_at: sent.then_some(now),
    };
    let event = if sent {
        let hash = r.sha256.as_deref().unwrap_or("none");
        let detail = format!(
            "{} to {}: confirmed sent by the user, Message-ID {}, copy sha256 {hash}",
            r.kind,
            recipient(r),
            r.message_id
        );
        (EventKind::Sent, detail)
    } else {
        let detail = format!(
            "{} to {}: queued again at the user's request",
            r.kind,
            recipient(r)
        );
        (EventKind::Note, detail)
    };
    transition(app, r, t, Some(event)).await?;
    Ok(())
}
