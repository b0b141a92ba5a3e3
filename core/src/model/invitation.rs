//! An invitation to interview and the people on it.

use super::{
    EmailAddress, JobTitle, Mailbox, OrgName, PersonName, Phone, Requisition, Role, Round,
};
use serde::{Deserialize, Serialize};

/// Where an invitation stands. Every invitation is owed an answer, so `Undecided` ages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Captured, no decision yet.
    Undecided,
    /// Decided to decline; drafts exist, nothing sent yet.
    Declined,
    /// Declines sent; waiting for the contacts to confirm receipt.
    Sent,
    /// Every contact confirmed receipt of the decline.
    Acknowledged,
    /// Decided to attend.
    Accepted,
    /// Taken off the list and the agenda (a duplicate, not an invitation, withdrawn); its
    /// history is kept and `undismiss` brings it back to the status it had.
    Dismissed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Undecided => "undecided",
            Self::Declined => "declined",
            Self::Sent => "sent",
            Self::Acknowledged => "acknowledged",
            Self::Accepted => "accepted",
            Self::Dismissed => "dismissed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "undecided" => Self::Undecided,
            "declined" => Self::Declined,
            "sent" => Self::Sent,
            "acknowledged" => Self::Acknowledged,
            "accepted" => Self::Accepted,
            "dismissed" => Self::Dismissed,
            _ => return None,
        })
    }
}

/// Someone on the invitation: the primary contact (the human to answer) or another one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: String,
    pub name: Option<PersonName>,
    pub email: EmailAddress,
    pub role: Option<Role>,
    pub primary: bool,
    pub phone: Option<Phone>,
    /// Postal address for the formal letter, several lines.
    pub postal_address: Option<String>,
    /// How the invitation greeted or signed, when it showed it ("Dr. Whitcombe", or "Karen"
    /// informally); `None`: formally, by the full name.
    pub greeting: Option<Greeting>,
}

/// The name to greet a contact by and the register: "Dear Dr. Whitcombe," (formal) or
/// "Hi Karen," (informal), as the invitation wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Greeting {
    pub name: PersonName,
    pub formal: bool,
}

impl Contact {
    pub fn mailbox(&self) -> Mailbox {
        Mailbox {
            name: self.name.clone(),
            email: self.email.clone(),
        }
    }
}

/// The facts of an invitation as captured from mail or typed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub id: String,
    pub employer: OrgName,
    pub agency: Option<OrgName>,
    pub job_title: JobTitle,
    pub requisition: Option<Requisition>,
    pub round: Option<Round>,
    /// The primary contact's phone.
    pub phone: Option<Phone>,
    pub scheduling_link: Option<String>,
    /// Primary contact first, then the others in the order given.
    pub contacts: Vec<Contact>,
    /// `Message-ID` of the invitation mail, when captured from mail.
    pub message_id: Option<String>,
    /// The invitation mail's `References`, oldest first (without angle brackets), so that an
    /// answer threads under it.
    pub references: Vec<String>,
    /// Where it was captured from (`path[:offset]`), when captured from mail.
    pub source: Option<String>,
    /// Scam warning signs found in the invitation mail.
    pub red_flags: Vec<String>,
    pub status: Status,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds of the invitation mail's `Date`, when known.
    pub received_at: Option<i64>,
    /// The language its answers are written in.
    pub language: super::Language,
}

impl Invitation {
    pub fn primary(&self) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.primary)
    }

    pub fn others(&self) -> impl Iterator<Item = &Contact> {
        self.contacts.iter().filter(|c| !c.primary)
    }

    /// Domains that belong to this employer as far as the invitation shows: its contacts'.
    pub fn contact_domains(&self) -> Vec<&str> {
        let mut domains: Vec<&str> = self.contacts.iter().map(|c| c.email.domain()).collect();
        domains.sort_unstable();
        domains.dedup();
        domains
    }
}
