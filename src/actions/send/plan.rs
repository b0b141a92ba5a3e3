//! Which drafts are sendable, the lint gate, and queueing: one outbox row per contact and
//! kind, created with its `Message-ID` before anything is attempted.

use crate::actions::drafts::{DraftView, draft_views};
use crate::actions::{ActionError, App, Result};
use crate::mail::{message, outbox};
use crate::store::{self, MessageRow};
use bowout_core::model::{Identity, Invitation, Status};

/// The invitation and its outbox rows for the current drafts, in draft order.
pub(super) struct Plan {
    pub inv: Invitation,
    pub rows: Vec<MessageRow>,
}

impl Plan {
    /// What `row` looks like as a message from `me`, dated `now`, threaded under the
    /// invitation's own mail when it came by mail.
    pub fn outgoing<'a>(
        &'a self,
        me: &'a Identity,
        row: &'a MessageRow,
        now: i64,
    ) -> message::Outgoing<'a> {
        message::Outgoing {
            from_name: me.name.as_str(),
            from_email: me.email.as_str(),
            to_name: row.to_name.as_deref(),
            to_email: &row.to_email,
            subject: &row.subject,
            body: &row.body,
            date: now,
            message_id: &row.message_id,
            in_reply_to: self.inv.message_id.as_deref(),
            references: &self.inv.references,
        }
    }
}

/// The kind of draft an invitation in this state sends.
fn sendable_kind(inv: &Invitation) -> Result<&'static str> {
    match inv.status {
        Status::Undecided => Err(ActionError::Refused(format!(
            "invitation {} has no decision yet: run `bowout decline {0}` or `bowout accept {0}` first",
            inv.id
        ))),
        Status::Declined | Status::Sent | Status::Acknowledged => Ok("decline"),
        Status::Accepted => Ok("accept"),
        Status::Dismissed => Err(ActionError::Refused(format!(
            "invitation {0} is dismissed: run `bowout undismiss {0}` first",
            inv.id
        ))),
    }
}

/// Refuses drafts written before the invitation was corrected (`stale` says why, when they
/// were) while a contact still waits for their message: it would go out with the old name,
/// title or referral, or not at all to a contact added since.
pub(super) fn stale_gate(inv: &Invitation, stale: Option<&str>, rows: &[MessageRow]) -> Result<()> {
    let Some(why) = stale else { return Ok(()) };
    let (kind, waiting): (&str, Vec<&str>) = match inv.status {
        Status::Accepted => (
            "accept",
            inv.primary().map(|c| c.id.as_str()).into_iter().collect(),
        ),
        _ => (
            "decline",
            inv.contacts.iter().map(|c| c.id.as_str()).collect(),
        ),
    };
    let out = |contact: &str| {
        rows.iter()
            .any(|r| r.contact_id == contact && r.kind == kind && !r.status.may_send())
    };
    if waiting.iter().all(|c| out(c)) {
        return Ok(());
    }
    let again = match inv.status {
        Status::Accepted => format!("`bowout accept {}` (or decline)", inv.id),
        _ => format!("`bowout decline {}` (or accept)", inv.id),
    };
    Err(ActionError::Refused(format!(
        "the drafts were written before you edited the invitation ({why}); run {again} again"
    )))
}

/// The current sendable drafts, linted.
pub(super) async fn current_drafts(app: &App, inv: &Invitation) -> Result<Vec<DraftView>> {
    let kind = sendable_kind(inv)?;
    let mut conn = app.store.conn().await?;
    let drafts = store::load_drafts(&mut conn, &inv.id).await?;
    let decision = store::load_decision(&mut conn, &inv.id)
        .await?
        .map(|(d, _)| d);
    let facts = store::load_facts(&mut conn, &inv.id).await?;
    let views = draft_views(drafts, decision.as_ref(), facts.as_ref(), inv.language);
    Ok(views.into_iter().filter(|v| v.kind == kind).collect())
}

/// The outbox row of a draft: one per contact and kind.
fn is_for(r: &MessageRow, d: &DraftView) -> bool {
    r.contact_id == d.contact_id && r.kind == d.kind
}

pub(super) fn row_for<'a>(rows: &'a [MessageRow], d: &DraftView) -> Option<&'a MessageRow> {
    rows.iter().find(|r| is_for(r, d))
}

fn may_send(row: Option<&MessageRow>) -> bool {
    row.is_none_or(|r| Some(r.status).is_some_and(outbox::Status::may_send))
}

/// Refuses drafts with lint errors that are about to be sent, unless `force`.
pub(super) fn lint_gate(drafts: &[DraftView], rows: &[MessageRow], force: bool) -> Result<()> {
    if force {
        return Ok(());
    }
    let blocked: Vec<String> = drafts
        .iter()
        .filter(|d| d.has_lint_errors() && may_send(row_for(rows, d)))
        .map(|d| {
            let rules: Vec<&str> = d
                .lint
                .iter()
                .filter(|f| f.severity == bowout_core::compose::lint::Severity::Error)
                .map(|f| f.rule.as_str())
                .collect();
            format!("{} ({})", d.to.email, rules.join(", "))
        })
        .collect();
    if blocked.is_empty() {
        return Ok(());
    }
    Err(ActionError::Refused(format!(
        "lint errors in the draft to {}: see `bowout drafts`, fix and decide again, or send anyway with --force",
        blocked.join(", ")
    )))
}

fn new_row(me: &str, inv: &Invitation, d: &DraftView, now: i64) -> MessageRow {
    MessageRow {
        id: store::new_id(),
        invitation_id: inv.id.clone(),
        contact_id: d.contact_id.clone(),
        kind: d.kind.to_string(),
        message_id: message::new_message_id(me, now),
        to_name: d.to.name.clone(),
        to_email: d.to.email.clone(),
        subject: d.subject.clone(),
        body: d.body.clone(),
        status: outbox::Status::Queued,
        attempts: 0,
        last_error: None,
        copy_path: None,
        sha256: None,
        created_at: now,
        updated_at: now,
        sent_at: None,
        acknowledged_at: None,
        ack_message_id: None,
        acknowledged_via: None,
    }
}

/// Lints, then queues every sendable draft that was never delivered, in one transaction;
/// rows of drafts that no longer exist and were never delivered become `cancelled`.
pub(super) async fn prepare(app: &App, id: &str, force: bool) -> Result<Plan> {
    let now = app.clock.now();
    let me = app.identity()?;
    let inv = {
        let mut conn = app.store.conn().await?;
        store::load_invitation(&mut conn, id).await?
    };
    let drafts = current_drafts(app, &inv).await?;
    let mut tx = app.store.begin().await?;
    let existing = store::list_messages(&mut tx, id).await?;
    let stale = store::drafts_stale(&mut tx, id).await?;
    stale_gate(&inv, stale.as_deref(), &existing)?;
    lint_gate(&drafts, &existing, force)?;
    for d in &drafts {
        match row_for(&existing, d) {
            None => {
                let row = new_row(me.email.as_str(), &inv, d, now);
                row.insert(&mut tx).await.map_err(store::StoreError::from)?;
            }
            Some(r) if may_send(Some(r)) => {
                let fresh = MessageRow {
                    to_name: d.to.name.clone(),
                    to_email: d.to.email.clone(),
                    subject: d.subject.clone(),
                    body: d.body.clone(),
                    ..r.clone()
                };
                store::requeue_message(&mut tx, &fresh, now).await?;
            }
            Some(_) => {}
        }
    }
    for r in existing
        .iter()
        .filter(|r| r.status == outbox::Status::Queued || r.status == outbox::Status::Failed)
    {
        if !drafts.iter().any(|d| is_for(r, d)) {
            let t = store::Transition {
                from: r.status,
                to: outbox::Status::Cancelled,
                last_error: Some("no longer drafted: the decision changed"),
                sent_at: None,
            };
            store::transition_message(&mut tx, &r.id, t, now).await?;
        }
    }
    let rows = store::list_messages(&mut tx, id).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    let rows = drafts
        .iter()
        .filter_map(|d| row_for(&rows, d).cloned())
        .collect();
    Ok(Plan { inv, rows })
}

/// Marks a declined invitation `sent` once every decline to its contacts is sent.
pub(super) async fn finish(app: &App, id: &str) -> Result<()> {
    let mut tx = app.store.begin().await?;
    let inv = store::load_invitation(&mut tx, id).await?;
    if inv.status != Status::Declined {
        return Ok(());
    }
    let rows = store::list_messages(&mut tx, id).await?;
    let declines: Vec<&MessageRow> = rows
        .iter()
        .filter(|r| r.kind == "decline" && r.status != outbox::Status::Cancelled)
        .collect();
    let every_contact = inv.contacts.iter().all(|c| {
        declines
            .iter()
            .any(|r| r.contact_id == c.id && r.status == outbox::Status::Sent)
    });
    if every_contact && !declines.is_empty() {
        store::set_status(&mut tx, id, Status::Sent).await?;
        tx.commit().await.map_err(store::StoreError::from)?;
    }
    Ok(())
}
