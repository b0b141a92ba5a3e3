//! The result of analysing one message, shaped like a line of `scan --jsonl`.

use crate::ingest::read::mail::MailView;
use crate::model::{
    EmailAddress, Greeting, JobTitle, OrgName, PersonName, Phone, Requisition, Round,
};
use serde::{Deserialize, Serialize};

/// What a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Invitation,
    Scam,
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invitation => "invitation",
            Self::Scam => "scam",
            Self::Other => "other",
        }
    }
}

/// The human to answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactOut {
    pub name: Option<PersonName>,
    pub email: EmailAddress,
}

/// Someone else on the invitation: an interviewer, a panelist, a Cc'd hiring manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherContact {
    pub name: PersonName,
    pub email: Option<EmailAddress>,
    pub role: String,
}

/// Everything `analyze` found. Serialises to the `scan --jsonl` keys (the app adds `source`),
/// with the evidence, threading ids, date, subject and warnings as further keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub message_id: Option<String>,
    pub kind: Kind,
    /// 0.0–1.0: how sure the classifier is that this is an invitation (or a scam posing as one).
    pub score: f64,
    /// The classifier is unsure: the user is asked (`bowout review`).
    pub review: bool,
    pub employer: Option<OrgName>,
    pub agency: Option<OrgName>,
    pub job_title: Option<JobTitle>,
    pub requisition: Option<Requisition>,
    pub round: Option<Round>,
    pub primary_contact: Option<ContactOut>,
    /// How to greet the primary contact, when the mail shows it: the title they signed with
    /// ("Dr. Whitcombe"), or their first name when they wrote informally.
    pub greeting: Option<Greeting>,
    pub other_contacts: Vec<OtherContact>,
    pub phone: Option<Phone>,
    pub scheduling_link: Option<String>,
    pub red_flags: Vec<String>,
    /// Why the classifier decided as it did: one short line per rule that fired.
    pub evidence: Vec<String>,
    pub in_reply_to: Vec<String>,
    pub references: Vec<String>,
    /// The `Date` header as Unix seconds.
    pub date: Option<i64>,
    pub subject: Option<String>,
    /// Problems with the message itself (no headers, undecodable parts…).
    pub warnings: Vec<String>,
    /// The language of the message's text, when it is one bowout writes in and the detector
    /// is sure; only for invitations and messages to review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::model::Language>,
}

impl Analysis {
    /// The answer for bytes that are not a message at all.
    pub fn unreadable(why: &str) -> Self {
        Self::empty(vec![why.to_string()])
    }

    fn empty(warnings: Vec<String>) -> Self {
        Self {
            message_id: None,
            kind: Kind::Other,
            score: 0.0,
            review: false,
            employer: None,
            agency: None,
            job_title: None,
            requisition: None,
            round: None,
            primary_contact: None,
            greeting: None,
            other_contacts: Vec::new(),
            phone: None,
            scheduling_link: None,
            red_flags: Vec::new(),
            evidence: Vec::new(),
            in_reply_to: Vec::new(),
            references: Vec::new(),
            date: None,
            subject: None,
            warnings,
            language: None,
        }
    }

    pub(crate) fn from_view(
        view: &MailView,
        kind: Kind,
        score: f64,
        evidence: Vec<String>,
    ) -> Self {
        let mut out = Self::empty(view.warnings.clone());
        out.kind = kind;
        out.score = score;
        out.evidence = evidence;
        out.message_id = view.message_id.clone();
        out.in_reply_to = view.in_reply_to.clone();
        out.references = view.references.clone();
        out.date = view.date;
        out.subject = Some(view.subject.clone()).filter(|s| !s.is_empty());
        out
    }

    /// A result for a message the fast scanner skipped because it cannot be an invitation:
    /// what its header block says of it (Message-ID, date, subject), read as the full parse
    /// reads them. Used by `scan --all`.
    pub fn skipped(headline: super::read::mail::Headline) -> Self {
        let mut out = Self::empty(Vec::new());
        out.message_id = headline.message_id;
        out.date = headline.date;
        out.subject = headline.subject;
        out.evidence
            .push("no interview keyword in the text parts".to_string());
        out
    }
}
