//! The letter's record as `show` and `letter` present it.

use crate::actions::App;
use crate::actions::deadlines::RECEIPT_BUSINESS_DAYS;
use crate::store::LetterRow;
use jiff::civil::Date;
use serde::Serialize;

/// The letter part of `show`, and what `letter` prints.
#[derive(Debug, Clone, Serialize)]
pub struct LetterView {
    pub rendered_at: Option<jiff::Timestamp>,
    pub sha256: Option<String>,
    pub mailed_on: Option<Date>,
    pub tracking: Option<String>,
    pub receipt_on: Option<Date>,
    /// Business days since mailing, while no receipt is recorded.
    pub waiting_business_days: Option<i64>,
    /// Mailed [`RECEIPT_BUSINESS_DAYS`] business days ago or more, and still no receipt.
    pub receipt_overdue: bool,
}

pub(crate) fn letter_view(app: &App, row: &LetterRow) -> LetterView {
    let waiting = match (&row.mailed_on, &row.receipt_on) {
        (Some(mailed), None) => Some(app.clock.business_days_between(mailed.0, app.clock.today())),
        _ => None,
    };
    LetterView {
        rendered_at: row.rendered_at.map(crate::clock::timestamp),
        sha256: row.sha256.clone(),
        mailed_on: row.mailed_on.map(|d| d.0),
        tracking: row.tracking.clone(),
        receipt_on: row.receipt_on.map(|d| d.0),
        waiting_business_days: waiting,
        receipt_overdue: waiting.is_some_and(|n| n >= RECEIPT_BUSINESS_DAYS),
    }
}

pub(super) fn empty_row(id: &str) -> LetterRow {
    LetterRow {
        invitation_id: id.to_string(),
        rendered_at: None,
        sha256: None,
        mailed_on: None,
        tracking: None,
        receipt_on: None,
        updated_at: 0,
    }
}
