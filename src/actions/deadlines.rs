//! How long things may wait, in business days (weekends and `[agenda] holidays` skipped).
//! The list, the agenda and the letter all count from these.

/// Undecided for more than this many business days: an answer is owed, and the list and
/// the agenda flag it.
pub const OVERDUE_BUSINESS_DAYS: i64 = 2;

/// Business days a sent decline may wait for its receipt before the agenda asks for one
/// (the default of `[agenda] ack_days`).
pub const DEFAULT_ACK_DAYS: u16 = 3;

/// Business days after mailing before a missing return receipt is flagged.
pub const RECEIPT_BUSINESS_DAYS: i64 = 10;

/// The follow-up call is due this many business days after the first decline went out,
/// and again after an attempt nobody answered.
pub const CALL_AFTER_BUSINESS_DAYS: u32 = 1;

/// When an invitation's age starts: the date of its mail when it came from mail (a
/// week-old invitation imported today is already owed an answer), else when it was added.
/// A mail dated after its import counts from the import.
pub fn arrived_at(inv: &bowout_core::model::Invitation) -> i64 {
    inv.received_at
        .map_or(inv.created_at, |received| received.min(inv.created_at))
}
