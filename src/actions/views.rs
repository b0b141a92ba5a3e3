//! The shapes `show --json` and `list --json` return: plain serialisable views of the
//! records, kept apart from the code that fills them.

use bowout_core::model::{Contact, Facts, Referral};
use jiff::Timestamp;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

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
    /// The name the drafts greet them by ("Dr. Whitcombe", "Karen"), when not their full
    /// name, and whether formally ("Dear …,") or not ("Hi …,").
    pub greeting: Option<String>,
    pub formal: bool,
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
    pub interview_at: Option<Timestamp>,
    pub interview_tz: Option<String>,
    /// An accepted interview's duration, place and video link.
    pub interview_minutes: Option<u16>,
    pub interview_location: Option<String>,
    pub interview_video_link: Option<String>,
    pub decided_at: Timestamp,
}

#[derive(Debug, Clone, Serialize)]
pub struct MessageView {
    pub id: String,
    pub kind: String,
    pub to: PersonView,
    pub subject: String,
    pub message_id: String,
    pub status: crate::mail::outbox::Status,
    pub attempts: i64,
    pub last_error: Option<String>,
    /// Path of the archived copy (the exact bytes handed to SMTP).
    pub copy: Option<String>,
    pub sha256: Option<String>,
    pub sent_at: Option<Timestamp>,
    pub acknowledged_at: Option<Timestamp>,
    /// How the receipt was confirmed: `email` (a reply) or `phone` (on a follow-up call).
    pub acknowledged_via: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    pub at: Timestamp,
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
    /// Every contact, once; serialised as the scan fields `primary_contact` and
    /// `other_contacts` and as `contacts` (each with `primary`).
    #[serde(flatten)]
    pub contacts: Contacts,
    pub phone: Option<String>,
    pub scheduling_link: Option<String>,
    pub red_flags: Vec<String>,
    pub message_id: Option<String>,
    pub source: Option<String>,
    pub status: &'static str,
    pub created_at: Timestamp,
    /// The date of the invitation's mail, when it came from mail.
    pub received_at: Option<Timestamp>,
    /// The language its answers are written in (en, fr, de, es, pt, it).
    pub language: &'static str,
    /// Business days since the invitation arrived, and whether an undecided one is overdue.
    pub age_business_days: i64,
    pub overdue: bool,
    pub facts: Option<Facts>,
    pub decision: Option<DecisionView>,
    pub messages: Vec<MessageView>,
    pub timeline: Vec<EventView>,
    /// The formal letter's record, once one was rendered or mailed.
    pub letter: Option<super::letter::LetterView>,
}

/// What `add` and `referral add` print: the new record's id.
#[derive(Debug, Clone, Serialize)]
pub struct Created {
    pub id: String,
}

/// What `export` prints: where the store went and how much of it.
#[derive(Debug, Clone, Serialize)]
pub struct ExportSummary {
    pub out: std::path::PathBuf,
    pub invitations: usize,
    pub referrals: usize,
    pub archive_files: usize,
}

/// What `password` prints: which secret was stored, for whom (never the secret).
#[derive(Debug, Clone, Serialize)]
pub struct PasswordStored {
    pub stored: bool,
    pub server: &'static str,
    pub user: String,
}

/// The contacts of one invitation, primary first as stored.
#[derive(Debug, Clone, Default)]
pub struct Contacts(pub Vec<ContactView>);

impl Contacts {
    pub fn primary(&self) -> Option<&ContactView> {
        self.0.iter().find(|c| c.primary)
    }

    pub fn others(&self) -> impl Iterator<Item = &ContactView> {
        self.0.iter().filter(|c| !c.primary)
    }
}

impl Serialize for Contacts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let primary = self.primary().map(|c| PersonView {
            name: c.name.clone(),
            email: c.email.clone(),
        });
        let others: Vec<OtherContactView> = self
            .others()
            .map(|c| OtherContactView {
                name: c.name.clone(),
                email: c.email.clone(),
                role: c.role.clone(),
            })
            .collect();
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("primary_contact", &primary)?;
        map.serialize_entry("other_contacts", &others)?;
        map.serialize_entry("contacts", &self.0)?;
        map.end()
    }
}

impl From<&Contact> for ContactView {
    fn from(c: &Contact) -> Self {
        Self {
            id: c.id.clone(),
            name: c.name.as_ref().map(ToString::to_string),
            email: c.email.to_string(),
            role: c.role.as_ref().map(ToString::to_string),
            phone: c.phone.as_ref().map(ToString::to_string),
            primary: c.primary,
            postal_address: c.postal_address.clone(),
            greeting: c.greeting.as_ref().map(|g| g.name.to_string()),
            formal: c.greeting.as_ref().is_none_or(|g| g.formal),
        }
    }
}

impl From<Referral> for ReferralView {
    fn from(r: Referral) -> Self {
        Self {
            id: r.id,
            name: r.name.to_string(),
            email: r.email.to_string(),
            phone: r.phone.map(|p| p.to_string()),
        }
    }
}

/// One line of `list`: what tells invitations apart, their status and their age.
#[derive(Debug, Clone, Serialize)]
pub struct ListItem {
    pub id: String,
    pub employer: String,
    pub agency: Option<String>,
    pub job_title: String,
    pub requisition: Option<String>,
    pub round: Option<u8>,
    pub primary_contact: Option<PersonView>,
    pub red_flags: Vec<String>,
    pub status: &'static str,
    pub created_at: Timestamp,
    pub received_at: Option<Timestamp>,
    /// The language its answers are written in.
    pub language: &'static str,
    pub age_business_days: i64,
    pub overdue: bool,
}
