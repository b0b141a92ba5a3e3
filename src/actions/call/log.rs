//! `call ID --outcome …`: how the follow-up call went, on the timeline; with `--confirmed`,
//! the receipt the contact confirmed on the phone.

use super::due::refuse_unless_sent;
use crate::actions::deadlines::CALL_AFTER_BUSINESS_DAYS;
use crate::actions::{ActionError, App, Result};
use crate::mail::outbox;
use crate::store::{self, CallRow, MessageRow};
use bowout_core::model::{EmailAddress, EventKind, Invitation, Status};
use serde::Serialize;

/// How a call went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CallOutcome {
    Reached,
    Voicemail,
    NoAnswer,
}

impl CallOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reached => "reached",
            Self::Voicemail => "voicemail",
            Self::NoAnswer => "no-answer",
        }
    }
}

/// What to log about a call.
#[derive(Debug, Clone)]
pub struct CallInput {
    /// Invitation id (or a unique prefix).
    pub id: String,
    pub outcome: CallOutcome,
    pub note: Option<String>,
    /// The contact reached confirmed on the phone that the decline reached them.
    pub confirmed: bool,
    /// Whose receipt was confirmed (another contact's); the primary contact's by default.
    pub email: Option<String>,
}

/// What `call --outcome` recorded.
#[derive(Debug, Clone, Serialize)]
pub struct CallLogged {
    pub invitation_id: String,
    pub outcome: CallOutcome,
    pub note: Option<String>,
    /// The next attempt, after no answer.
    pub next_due: Option<jiff::civil::Date>,
    /// The address whose decline is now acknowledged by phone (`--confirmed`).
    pub confirmed: Option<String>,
    /// Every decline of the invitation is acknowledged now.
    pub all_confirmed: bool,
}

pub async fn log_call(app: &App, input: CallInput) -> Result<CallLogged> {
    let now = app.clock.now();
    let CallInput {
        id: given_id,
        outcome,
        note,
        confirmed,
        email,
    } = input;
    let note = note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    if note
        .as_deref()
        .is_some_and(|n| n.chars().any(char::is_control))
    {
        return Err(ActionError::BadInput(
            "--note must be one line of text".into(),
        ));
    }
    if confirmed && outcome != CallOutcome::Reached {
        return Err(ActionError::BadInput(
            "--confirmed needs --outcome reached: only someone you spoke to can confirm receipt"
                .into(),
        ));
    }
    let email = email
        .map(|e| {
            EmailAddress::parse(e.trim())
                .map_err(|err| ActionError::BadInput(format!("invalid --email: {err}")))
        })
        .transpose()?;
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, &given_id).await?;
    let messages = store::list_messages(&mut tx, &id).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    refuse_unless_sent(&id, inv.status, &messages)?;
    let confirmed_message = if confirmed {
        Some(confirmed_decline(&inv, &messages, email.as_ref())?.clone())
    } else {
        None
    };
    let next_due = (outcome == CallOutcome::NoAnswer).then(|| {
        app.clock
            .add_business_days(app.clock.today(), CALL_AFTER_BUSINESS_DAYS)
    });
    let row = CallRow {
        id: store::new_id(),
        invitation_id: id.clone(),
        outcome: outcome.as_str().to_string(),
        note: note.clone(),
        called_at: now,
        next_due: next_due.map(store::Day),
    };
    store::insert_call(&mut tx, &row).await?;
    let mut detail = format!("follow-up call: {}", outcome.as_str());
    if let Some(d) = &next_due {
        detail.push_str(&format!("; next try {d}"));
    }
    if let Some(m) = &confirmed_message {
        detail.push_str(&format!("; {} confirmed receipt", m.to_email));
    }
    if let Some(n) = &note {
        detail.push_str(&format!(" — {n}"));
    }
    store::append_event(&mut tx, &id, now, EventKind::Called, &detail).await?;
    if let Some(m) = &confirmed_message {
        acknowledge_by_phone(app, &mut tx, &inv, m, now).await?;
    }
    let all_confirmed = every_decline_acknowledged(&store::list_messages(&mut tx, &id).await?);
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(CallLogged {
        invitation_id: id,
        outcome,
        note,
        next_due,
        confirmed: confirmed_message.map(|m| m.to_email),
        all_confirmed,
    })
}

/// The sent decline whose receipt the call confirmed: the one to `email`, or to the
/// primary contact.
fn confirmed_decline<'a>(
    inv: &Invitation,
    messages: &'a [MessageRow],
    email: Option<&EmailAddress>,
) -> Result<&'a MessageRow> {
    let sent = |m: &&MessageRow| m.kind == "decline" && m.status == outbox::Status::Sent;
    match email {
        Some(e) => messages
            .iter()
            .filter(sent)
            .find(|m| m.to_email.eq_ignore_ascii_case(e.as_str()))
            .ok_or_else(|| {
                ActionError::Refused(format!(
                    "no decline to {e} was sent for invitation {}: --email names the contact \
                     who confirmed receipt",
                    inv.id
                ))
            }),
        None => {
            let primary = inv.primary().map(|c| c.id.as_str());
            messages
                .iter()
                .filter(sent)
                .find(|m| Some(m.contact_id.as_str()) == primary)
                .ok_or_else(|| {
                    ActionError::Refused(format!(
                        "the primary contact's decline for invitation {} was not sent: name \
                         the contact who confirmed with --email",
                        inv.id
                    ))
                })
        }
    }
}

/// Marks `m` acknowledged by phone at `at`, on the timeline, and moves the invitation to
/// `acknowledged` once every decline is. A receipt already confirmed stays as it was.
async fn acknowledge_by_phone(
    app: &App,
    tx: &mut store::Tx,
    inv: &Invitation,
    m: &MessageRow,
    at: i64,
) -> Result<()> {
    if !store::acknowledge_by_phone(tx, &m.id, at).await? {
        return Ok(());
    }
    let detail = format!(
        "receipt of {:?} to {} confirmed by phone on {}",
        m.subject,
        m.to_email,
        app.clock.display(at)
    );
    store::append_event(tx, &inv.id, at, EventKind::Acknowledged, &detail).await?;
    let messages = store::list_messages(tx, &inv.id).await?;
    if every_decline_acknowledged(&messages)
        && matches!(inv.status, Status::Sent | Status::Declined)
    {
        store::set_status(tx, &inv.id, Status::Acknowledged).await?;
    }
    Ok(())
}

/// Every decline that is still part of the decision has its receipt.
fn every_decline_acknowledged(messages: &[MessageRow]) -> bool {
    let mut declines = messages
        .iter()
        .filter(|m| m.kind == "decline" && m.status != outbox::Status::Cancelled)
        .peekable();
    declines.peek().is_some() && declines.all(|m| m.acknowledged_at.is_some())
}
