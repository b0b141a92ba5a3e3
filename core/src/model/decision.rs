//! The user's decision, the referral that may go with a decline, and who the user is.

use super::{EmailAddress, PersonName, Phone};
use serde::{Deserialize, Serialize};

/// The reason given in a decline. Only these three: anything more is a detail that burns bridges.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeclineReason {
    /// No reason at all.
    #[default]
    None,
    /// "I have accepted a position elsewhere."
    AcceptedJob,
    /// The vague but true line: this field is not a good fit at this point.
    FieldFit,
}

impl DeclineReason {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::AcceptedJob => "accepted-job",
            Self::FieldFit => "field-fit",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "none" => Some(Self::None),
            "accepted-job" => Some(Self::AcceptedJob),
            "field-fit" => Some(Self::FieldFit),
            _ => None,
        }
    }
}

/// What the user decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Decision {
    Decline {
        reason: DeclineReason,
        referral_id: Option<String>,
    },
    Accept {
        /// Interview time as Unix seconds, when known.
        at: Option<i64>,
        /// The IANA time zone the time was given in (`Europe/Berlin`).
        tz: Option<String>,
        /// How long the interview lasts.
        #[serde(default = "default_interview_minutes")]
        minutes: u16,
        /// Where it happens (an address, a room), one line.
        #[serde(default)]
        location: Option<String>,
        /// The video call's link (http or https), one line.
        #[serde(default)]
        video_link: Option<String>,
    },
}

/// How long an interview lasts unless the user says otherwise (`accept --duration`).
pub const DEFAULT_INTERVIEW_MINUTES: u16 = 60;

fn default_interview_minutes() -> u16 {
    DEFAULT_INTERVIEW_MINUTES
}

/// A colleague who agreed to be named as a referral, with their non-work contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub id: String,
    pub name: PersonName,
    pub email: EmailAddress,
    pub phone: Option<Phone>,
    /// When permission was given.
    pub permission_date: jiff::civil::Date,
    /// How permission was given ("phone call", "text message"…).
    pub permission_how: String,
    /// The colleague's known work domain: their address must not be there.
    pub work_domain: Option<String>,
}

/// The user: who messages and letters come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub name: PersonName,
    pub email: EmailAddress,
    pub phone: Option<Phone>,
    /// Postal address, several lines.
    pub address: Option<String>,
}
