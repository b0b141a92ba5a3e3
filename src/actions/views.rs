//! The shapes `show --json` (and the web API) return: plain serialisable views of the
//! records, kept apart from the code that fills them.

use bowout_core::model::Facts;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub name: Option<String>,
    pub email: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OtherContactView {
    pub name: Option<String>,
    pub email: String,
    pub role: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub id: String,
    pub name: Option<String>,
    pub email: String,
    pub role: Option<String>,
    pub phone: Option<String>,
    pub primary: bool,
    pub postal_address: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReferralView {
    pub id: String,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    pub verdict: &'static str,
    pub reason: Option<&'static str>,
    pub referral: Option<ReferralView>,
    pub interview_at: Option<i64>,
    pub interview_tz: Option<String>,
    pub decided_at: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct MessageView {
    pub id: String,
    pub kind: String,
    pub to: PersonView,
    pub subject: String,
    pub message_id: String,
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    /// Path of the archived copy (the exact bytes handed to SMTP).
    pub copy: Option<String>,
    pub sha256: Option<String>,
    pub sent_at: Option<i64>,
    pub acknowledged_at: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    pub at: i64,
    pub when: String,
    pub kind: &'static str,
    pub detail: String,
}

/// The `show --json` document: the scan fields plus id, status, contacts, decision,
/// messages and timeline.
#[derive(Debug, Clone, Serialize)]
pub struct InvitationView {
    pub id: String,
    pub employer: String,
    pub agency: Option<String>,
    pub job_title: String,
    pub requisition: Option<String>,
    pub round: Option<u8>,
    pub primary_contact: Option<PersonView>,
    pub other_contacts: Vec<OtherContactView>,
    pub phone: Option<String>,
    pub scheduling_link: Option<String>,
    pub red_flags: Vec<String>,
    pub message_id: Option<String>,
    pub source: Option<String>,
    pub status: &'static str,
    pub created_at: i64,
    /// Business days since capture, and whether an undecided invitation is overdue.
    pub age_business_days: i64,
    pub overdue: bool,
    pub contacts: Vec<ContactView>,
    pub facts: Option<Facts>,
    pub decision: Option<DecisionView>,
    pub messages: Vec<MessageView>,
    pub timeline: Vec<EventView>,
    /// The formal letter's record, once one was rendered or mailed.
    pub letter: Option<super::LetterView>,
}
