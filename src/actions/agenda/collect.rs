//! One collector per agenda kind: each reads the snapshot and dates every item with the
//! day it is owed; `agenda` sorts them into what is owed today and what comes next.

use super::item::{AgendaItem, AgendaKind, item};
use super::snapshot::Snapshot;
use crate::actions::App;
use crate::actions::call;
use crate::actions::deadlines::{
    DEFAULT_ACK_DAYS, OVERDUE_BUSINESS_DAYS, RECEIPT_BUSINESS_DAYS, arrived_at,
};
use crate::actions::letter::letter_view;
use crate::mail::outbox;
use bowout_core::model::{Decision, Status};
use jiff::civil::Date;

/// Calls due within this many days are listed ahead ("this week").
const CALL_HORIZON_DAYS: i64 = 7;

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

/// Every undecided invitation, from the day it arrives, owed an answer
/// [`OVERDUE_BUSINESS_DAYS`] business days later.
fn undecided(app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
    let today = app.clock.today();
    snap.invitations
        .iter()
        .filter(|i| i.status == Status::Undecided)
        .map(|inv| {
            let arrived = app.clock.date_of(arrived_at(inv));
            let age = app.clock.business_days_between(arrived, today);
            let owed = app
                .clock
                .add_business_days(arrived, OVERDUE_BUSINESS_DAYS as u32);
            item(
                AgendaKind::Undecided,
                inv,
                Some(owed),
                format!(
                    "arrived {arrived}, undecided for {age} business day{}: an answer is \
                     owed by {owed}",
                    plural(age)
                ),
                format!(
                    "bowout accept {0} or bowout decline {0} (advice first: bowout advise {0})",
                    inv.id
                ),
            )
        })
        .collect()
}

/// Sent declines without a receipt, each owed `[agenda] ack_days` business days after it
/// went out. A call that reached someone closes the question for the whole invitation.
fn unacknowledged(app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
    let ack_days = app.config.agenda.ack_days.unwrap_or(DEFAULT_ACK_DAYS);
    let today = app.clock.today();
    let mut out = Vec::new();
    for inv in &snap.invitations {
        if snap
            .calls_of(&inv.id)
            .iter()
            .any(|c| c.outcome == call::CallOutcome::Reached.as_str())
        {
            continue;
        }
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
            let due = app.clock.add_business_days(sent, u32::from(ack_days));
            let summary = if due <= today {
                format!(
                    "no receipt from {} for {waiting} business day{} (sent {})",
                    m.to_email,
                    plural(waiting),
                    app.clock.display(sent_at)
                )
            } else {
                format!(
                    "waiting for {}'s receipt (sent {}); if none comes, ask on {due}",
                    m.to_email,
                    app.clock.display(sent_at)
                )
            };
            out.push(item(
                AgendaKind::Unacknowledged,
                inv,
                Some(due),
                summary,
                format!(
                    "bowout replies --imap (or bowout replies FILE…) reads their reply; if they \
                     confirm on the phone: bowout call {} --outcome reached --confirmed --email {}",
                    inv.id, m.to_email
                ),
            ));
        }
    }
    out
}

/// Follow-up calls due, overdue, or due within [`CALL_HORIZON_DAYS`].
fn calls_due(app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
    let today = app.clock.today();
    let horizon = today
        .checked_add(jiff::Span::new().days(CALL_HORIZON_DAYS))
        .unwrap_or(today);
    snap.invitations
        .iter()
        .filter_map(|inv| {
            let due = call::due(
                &app.clock,
                snap.messages_of(&inv.id),
                snap.calls_of(&inv.id),
            )?;
            (due.date <= horizon).then(|| {
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
                    Some(due.date),
                    format!("follow-up call{whom} due {}", due.date),
                    format!(
                        "bowout call {0} --outcome reached|voicemail|no-answer (the call sheet: \
                         bowout call {0})",
                        inv.id
                    ),
                )
            })
        })
        .collect()
}

/// A `sending` row untouched this long belongs to a send that was interrupted.
const STALE_SENDING_SECS: i64 = 10 * 60;

/// Messages that may or may not have been delivered: owed since they were last touched.
fn sends_in_doubt(app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
    let mut out = Vec::new();
    for inv in &snap.invitations {
        for m in snap.messages_of(&inv.id) {
            let status = m.status;
            let todo = match status {
                outbox::Status::Sending if m.updated_at + STALE_SENDING_SECS < app.clock.now() => {
                    Some(format!(
                        "bowout send {} (marks it unknown and says how to settle it: a send \
                         was interrupted while handing it over)",
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
                Some(app.clock.date_of(m.updated_at)),
                format!("message to {} is {}", m.to_email, status.as_str()),
                todo,
            ));
        }
    }
    out
}

/// Accepted interviews ahead, on their day; those without a time, undated.
fn interviews(app: &App, snap: &Snapshot) -> Vec<AgendaItem> {
    let now = app.clock.now();
    snap.invitations
        .iter()
        .filter_map(|inv| match snap.accepted.get(&inv.id)? {
            Decision::Accept {
                at: Some(at),
                tz,
                minutes,
                location,
                video_link,
            } if *at >= now => Some(item(
                AgendaKind::Interview,
                inv,
                Some(app.clock.date_of(*at)),
                format!(
                    "interview {} your time{}, {minutes} minutes{}",
                    app.clock.display(*at),
                    tz.as_deref()
                        .map(|t| format!(" (agreed in {t})"))
                        .unwrap_or_default(),
                    location
                        .as_ref()
                        .or(video_link.as_ref())
                        .map(|p| format!(", {p}"))
                        .unwrap_or_default()
                ),
                "bowout calendar --out FILE.ics (puts it in your calendar; then prepare)"
                    .to_string(),
            )),
            Decision::Accept { at: None, .. } => Some(item(
                AgendaKind::Interview,
                inv,
                None,
                "accepted; the interview time is not known yet".into(),
                format!(
                    "bowout accept {} --at \"YYYY-MM-DD HH:MM\" --tz ZONE (once agreed)",
                    inv.id
                ),
            )),
            _ => None,
        })
        .collect()
}

/// Letters mailed whose return receipt is not recorded, owed [`RECEIPT_BUSINESS_DAYS`]
/// business days after mailing.
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
            let due = app
                .clock
                .add_business_days(mailed, RECEIPT_BUSINESS_DAYS as u32);
            let tracking = view.tracking.as_deref().unwrap_or("-");
            let summary = if view.receipt_overdue {
                format!(
                    "no return receipt for the letter mailed {mailed} (tracking {tracking}) \
                     after {} business days",
                    view.waiting_business_days.unwrap_or_default()
                )
            } else {
                format!(
                    "letter mailed {mailed} (tracking {tracking}): its return receipt is \
                     expected by {due}"
                )
            };
            Some(item(
                AgendaKind::LetterReceipt,
                inv,
                Some(due),
                summary,
                format!(
                    "bowout letter {} --receipt YYYY-MM-DD (when the card comes back; track \
                     {tracking} with the carrier)",
                    inv.id
                ),
            ))
        })
        .collect()
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}
