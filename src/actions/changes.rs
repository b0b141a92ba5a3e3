//! A correction as the timeline and `--json` tell it (which field, from what, to what), and
//! what follows from every correction: drafts written before it are stale, so `send` refuses
//! them until the next `decline` or `accept` rewrites them.

use super::Result;
use crate::store;
use bowout_core::model::EventKind;
use serde::Serialize;

/// One field changed by a correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// `employer`, `agency`, `job_title`, `requisition`, `round`, `interview_at`; for a
    /// contact `name`, `email`, `role`, `phone`, `greeting`, `primary`; for a referral also
    /// `permission` and `work_domain`.
    pub field: &'static str,
    /// The value before, as shown (`null` when there was none).
    pub from: Option<String>,
    /// The value after (`null` when it was removed).
    pub to: Option<String>,
}

impl Change {
    /// The change of `field` from `from` to `to`, or `None` when they are the same.
    pub fn of<T: ToString + PartialEq>(
        field: &'static str,
        from: Option<&T>,
        to: Option<&T>,
    ) -> Option<Self> {
        (from != to).then(|| Self {
            field,
            from: from.map(ToString::to_string),
            to: to.map(ToString::to_string),
        })
    }

    /// `employer changed from "Globex" to "Globex Corporation"`, as the timeline says it.
    pub fn describe(&self) -> String {
        let shown =
            |v: &Option<String>| v.as_ref().map_or("none".to_string(), |v| format!("{v:?}"));
        format!(
            "{} changed from {} to {}",
            self.field.replace('_', " "),
            shown(&self.from),
            shown(&self.to)
        )
    }
}

/// Appends one `edited` event per line of `details` to the invitation's timeline and marks
/// its drafts stale because of `why`; true when it has drafts (now stale). Nothing happens
/// when `details` is empty. Call inside the transaction that made the change.
pub(super) async fn record(
    tx: &mut store::Tx,
    invitation_id: &str,
    now: i64,
    why: &str,
    details: &[String],
) -> Result<bool> {
    if details.is_empty() {
        return Ok(false);
    }
    for detail in details {
        store::append_event(tx, invitation_id, now, EventKind::Edited, detail).await?;
    }
    let stale = store::mark_drafts_stale(tx, invitation_id, why).await?;
    if stale {
        let detail = format!(
            "drafts are stale ({why}): run `bowout decline {invitation_id}` (or accept) again before sending"
        );
        store::append_event(tx, invitation_id, now, EventKind::Note, &detail).await?;
    }
    Ok(stale)
}

#[cfg(test)]
mod tests {
    use super::Change;

    #[test]
    fn a_change_only_when_the_value_differs() {
        assert_eq!(Change::of("round", Some(&1), Some(&1)), None);
        let c = Change::of("agency", Some(&"Hays"), None).expect("a change");
        assert_eq!(c.describe(), "agency changed from \"Hays\" to none");
        let c = Change::of::<&str>("job_title", None, Some(&"Analyst")).expect("a change");
        assert_eq!(c.describe(), "job title changed from none to \"Analyst\"");
    }
}
