//! One reply: parsed, matched to the message it answers, and recorded in one transaction.

use super::matching::{Match, Matcher};
use super::report::{Problem, RepliesReport, ReplyOutcome};
use crate::actions::{App, Result};
use crate::mail::outbox;
use crate::mail::replies::{self, Reply};
use crate::store::{self, ReplyRow};
use bowout_core::model::{EventKind, Status};

/// Parses, matches and records one reply; adds what happened to `report`.
pub(super) async fn record(
    app: &App,
    matcher: &mut Matcher,
    raw: &[u8],
    source: String,
    report: &mut RepliesReport,
) -> Result<()> {
    record_parsed(app, matcher, replies::parse(raw), source, report).await
}

/// Matches and records one parsed reply (`None`: the bytes were not a mail message).
pub(crate) async fn record_parsed(
    app: &App,
    matcher: &mut Matcher,
    reply: Option<Reply>,
    source: String,
    report: &mut RepliesReport,
) -> Result<()> {
    report.read += 1;
    let Some(reply) = reply else {
        report.problems.push(Problem {
            location: source,
            message: "not a mail message (no header); skipped".into(),
        });
        return Ok(());
    };
    let (outcome, answers) = match matcher.find(&reply) {
        Match::Own => ("own-message", None),
        Match::None => ("unmatched", None),
        Match::Message(m) => {
            let outcome = write(app, &reply, &m, &source).await?;
            crate::testhook::pause("replies:recorded");
            if outcome == "acknowledged" {
                matcher.mark_acknowledged(&m.id, reply_time(app, &reply));
            }
            (outcome, Some(*m))
        }
    };
    match outcome {
        "acknowledged" => report.acknowledged += 1,
        "auto-reply" => report.auto_replies += 1,
        "unmatched" => report.unmatched += 1,
        _ => {}
    }
    report.replies.push(ReplyOutcome {
        source,
        message_id: reply.message_id.clone(),
        from: reply.from.clone(),
        subject: reply.subject.clone(),
        outcome,
        invitation_id: answers.as_ref().map(|m| m.invitation_id.clone()),
        answers: answers.map(|m| m.id),
    });
    Ok(())
}

/// When the reply was written: its Date header, or now when it has none.
fn reply_time(app: &App, reply: &Reply) -> i64 {
    reply.date.unwrap_or_else(|| app.clock.now())
}

/// Records a matched reply in one transaction; returns the outcome's name.
async fn write(
    app: &App,
    reply: &Reply,
    m: &store::MessageRow,
    source: &str,
) -> Result<&'static str> {
    let now = app.clock.now();
    let mut tx = app.store.begin().await?;
    if store::reply_seen(&mut tx, &reply.key).await? {
        return Ok("already-seen");
    }
    let from = reply
        .from
        .clone()
        .unwrap_or_else(|| "an unknown sender".into());
    let kind = match (&reply.automatic, m.acknowledged_at) {
        (Some(why), _) => {
            let detail = format!(
                "automatic reply from {from} to {:?} ({why}): not a receipt",
                m.subject
            );
            store::append_event(&mut tx, &m.invitation_id, now, EventKind::Note, &detail).await?;
            "auto-reply"
        }
        (None, Some(_)) => return Ok("already-acknowledged"),
        (None, None) => {
            acknowledge(app, &mut tx, reply, m, &from).await?;
            "acknowledged"
        }
    };
    let row = ReplyRow {
        reply_key: reply.key.clone(),
        message_id: m.id.clone(),
        invitation_id: m.invitation_id.clone(),
        kind: stored_kind(kind).to_string(),
        sender: from,
        subject: reply.subject.clone(),
        received_at: reply_time(app, reply),
        source: source.to_string(),
        recorded_at: now,
    };
    store::insert_reply(&mut tx, &row).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(kind)
}

/// The `replies.kind` column: a human reply is a receipt.
fn stored_kind(outcome: &str) -> &str {
    if outcome == "acknowledged" {
        "receipt"
    } else {
        outcome
    }
}

/// Marks the message acknowledged, appends the event, and moves the invitation to
/// `acknowledged` once every decline of it is.
async fn acknowledge(
    app: &App,
    tx: &mut store::Tx,
    reply: &Reply,
    m: &store::MessageRow,
    from: &str,
) -> Result<()> {
    let at = reply_time(app, reply);
    store::acknowledge(tx, &m.id, at, &reply.key).await?;
    let detail = format!(
        "receipt of {:?} to {} confirmed by {from} on {}",
        m.subject,
        m.to_email,
        app.clock.display(at)
    );
    store::append_event(
        tx,
        &m.invitation_id,
        app.clock.now(),
        EventKind::Acknowledged,
        &detail,
    )
    .await?;
    let messages = store::list_messages(tx, &m.invitation_id).await?;
    let mut declines = messages
        .iter()
        .filter(|x| x.kind == "decline" && x.status != outbox::Status::Cancelled)
        .peekable();
    let all_done = declines.peek().is_some() && declines.all(|x| x.acknowledged_at.is_some());
    let inv = store::load_invitation(tx, &m.invitation_id).await?;
    if all_done && matches!(inv.status, Status::Sent | Status::Declined) {
        store::set_status(tx, &m.invitation_id, Status::Acknowledged).await?;
    }
    Ok(())
}
