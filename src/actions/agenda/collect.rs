//! One collector per agenda kind: each reads the snapshot and says what is owed.

use super::item::{AgendaItem, AgendaKind, item};
use super::snapshot::Snapshot;
use crate::actions::App;
use crate::actions::call;
use crate::actions::deadlines::{DEFAULT_ACK_DAYS, OVERDUE_BUSINESS_DAYS, RECEIPT_BUSINESS_DAYS};
use crate::actions::letter::letter_view;
use crate::mail::outbox;
use bowout_core::model::{Decision, Status};
use jiff::civil::Date;

/// The items of one kind.
pub(super) fn collect(kind: AgendaKind, app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
    match kind {
        AgendaKind::Undecided => undecided(app, snap),
        AgendaKind::Unacknowledged => unacknowledged(app, snap),
        AgendaKind::CallDue => calls_due(app, snap),
        AgendaKind::SendInDoubt => sends_in_doubt(app, snap),
        AgendaKind::Interview => interviews(app, snap),
        AgendaKind::LetterReceipt => receipts_due(app, snap),
    }
}

fn undecided(app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
    let today = app.clock.today();
    snap.invitations
        .iter()
        .filter(|i| i.status == Status::Undecided)
        .filter_map(|inv| {
            let captured = app.clock.date_of(inv.created_at);
            let age = app.clock.business_days_between(captured, today);
            (age > OVERDUE_BUSINESS_DAYS).then(|| {
                let owed = app
                    .clock
                    .add_business_days(captured, OVERDUE_BUSINESS_DAYS as u32);
                item(
                    AgendaKind::Undecided,
                    inv,
                    Some(owed.to_string()),
                    format!("undecided for {age} business days: an answer is owed"),
                    format!(
                        "bowout advise {0}, then bowout decline {0} or bowout accept {0}",
                        inv.id
                    ),
                )
            })
        })
        .collect()
}

fn unacknowledged(app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
    let ack_days = app.config.agenda.ack_days.unwrap_or(DEFAULT_ACK_DAYS);
    let today = app.clock.today();
    let mut out = Vec::new();
    for inv in &snap.invitations {
        for m in snap.messages_of(&inv.id) {
            let Some(sent_at) = m.sent_at else { continue };
            if m.kind != "decline"
                || m.status != outbox::Status::Sent
                || m.acknowledged_at.is_some()
            {
                continue;
            }
            let sent = app.clock.date_of(sent_at);
            let waiting = app.clock.business_days_between(sent, today);
            if waiting < i64::from(ack_days) {
                continue;
            }
            let due = app.clock.add_business_days(sent, u32::from(ack_days));
            out.push(item(
                AgendaKind::Unacknowledged,
                inv,
                Some(due.to_string()),
                format!(
                    "no receipt from {} for {waiting} business days (sent {})",
                    m.to_email,
                    app.clock.display(sent_at)
                ),
                format!(
                    "read new replies (bowout replies --imap, or bowout replies FILE…); if none \
                     came, call (bowout call {}) or ask {} to confirm receipt",
                    inv.id, m.to_email
                ),
            ));
        }
    }
    out
}

fn calls_due(app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
    let today = app.clock.today();
    snap.invitations
        .iter()
        .filter_map(|inv| {
            let due = call::due(
                &app.clock,
                snap.messages_of(&inv.id),
                snap.calls_of(&inv.id),
            )?;
            (due.date <= today).then(|| {
                let whom = inv.primary().map_or_else(String::new, |c| {
                    let phone = c.phone.as_ref().or(inv.phone.as_ref());
                    let phone = phone.map(|p| format!(" at {p}")).unwrap_or_default();
                    format!(
                        " {}{phone}",
                        c.name
                            .as_ref()
                            .map_or(c.email.to_string(), ToString::to_string)
                    )
                });
                item(
                    AgendaKind::CallDue,
                    inv,
                    Some(due.date.to_string()),
                    format!("follow-up call{whom} due {}", due.date),
                    format!(
                        "bowout call {0} for the call sheet, then bowout call {0} --outcome \
                         reached|voicemail|no-answer",
                        inv.id
                    ),
                )
            })
        })
        .collect()
}

/// A `sending` row untouched this long belongs to a send that was interrupted.
const STALE_SENDING_SECS: i64 = 10 * 60;

fn sends_in_doubt(app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
    let mut out = Vec::new();
    for inv in &snap.invitations {
        for m in snap.messages_of(&inv.id) {
            let Some(status) = Some(m.status) else {
                continue;
            };
            let todo = match status {
                outbox::Status::Sending if m.updated_at + STALE_SENDING_SECS < app.clock.now() => {
                    Some(format!(
                        "a send was interrupted while handing it over: run bowout send {}, \
                         which marks it unknown and says how to settle it",
                        inv.id
                    ))
                }
                s if s.needs_user() => outbox::advice(s, &inv.id, &m.message_id),
                _ => None,
            };
            let Some(todo) = todo else { continue };
            out.push(item(
                AgendaKind::SendInDoubt,
                inv,
                Some(app.clock.date_of(m.updated_at).to_string()),
                format!("message to {} is {}", m.to_email, status.as_str()),
                todo,
            ));
        }
    }
    out
}

fn interviews(app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
    let now = app.clock.now();
    snap.invitations
        .iter()
        .filter_map(|inv| match snap.accepted.get(&inv.id)? {
            Decision::Accept { at: Some(at), tz } if *at >= now => Some(item(
                AgendaKind::Interview,
                inv,
                Some(app.clock.date_of(*at).to_string()),
                format!(
                    "interview {} your time{}",
                    app.clock.display(*at),
                    tz.as_deref()
                        .map(|t| format!(" (agreed in {t})"))
                        .unwrap_or_default()
                ),
                "prepare; bowout calendar --out FILE.ics puts it in your calendar".to_string(),
            )),
            Decision::Accept { at: None, .. } => Some(item(
                AgendaKind::Interview,
                inv,
                None,
                "accepted; the interview time is not known yet".into(),
                format!(
                    "once agreed: bowout accept {} --at \"YYYY-MM-DD HH:MM\" --tz ZONE",
                    inv.id
                ),
            )),
            _ => None,
        })
        .collect()
}

/// The agenda's collector: letters mailed [`RECEIPT_BUSINESS_DAYS`] business days ago or
/// more whose return receipt is not recorded.
fn receipts_due(app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
    snap.letters
        .iter()
        .filter_map(|row| {
            let inv = snap
                .invitations
                .iter()
                .find(|i| i.id == row.invitation_id)?;
            let view = letter_view(app, row);
            let mailed: Date = view.mailed_on?;
            view.receipt_overdue.then(|| {
                let due = app
                    .clock
                    .add_business_days(mailed, RECEIPT_BUSINESS_DAYS as u32);
                let tracking = view.tracking.as_deref().unwrap_or("-");
                item(
                    AgendaKind::LetterReceipt,
                    inv,
                    Some(due.to_string()),
                    format!(
                        "no return receipt for the letter mailed {mailed} (tracking {tracking}) \
                         after {} business days",
                        view.waiting_business_days.unwrap_or_default()
                    ),
                    format!(
                        "track {tracking} with the carrier; when the receipt comes back: \
                         bowout letter {} --receipt YYYY-MM-DD",
                        inv.id
                    ),
                )
            })
        })
        .collect()
}
