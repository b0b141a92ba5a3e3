//! What a coach's overview lists of each seeker.

use serde::Serialize;

/// One seeker on the coach's page: what they owe.
#[derive(Debug, Serialize)]
pub struct SeekerOverview {
    pub id: String,
    pub name: String,
    pub full_name: Option<String>,
    /// Invitations not yet accepted or declined.
    pub undecided: usize,
    /// Follow-up calls due today or before.
    pub calls_due: usize,
    /// Declines sent whose receipt is not confirmed.
    pub unconfirmed: usize,
    /// Everything owed today or before.
    pub owed: usize,
}
