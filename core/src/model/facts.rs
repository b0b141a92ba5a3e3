//! What the user knows about an invitation: the advisor's input.

use serde::{Deserialize, Serialize};

/// The user's gut feeling about this invitation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gut {
    Negative,
    #[default]
    Neutral,
    Positive,
}

impl Gut {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Negative => "negative",
            Self::Neutral => "neutral",
            Self::Positive => "positive",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "negative" => Some(Self::Negative),
            "neutral" => Some(Self::Neutral),
            "positive" => Some(Self::Positive),
            _ => None,
        }
    }
}

/// A worry that never justifies declining by itself: you won't know unless you interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Concern {
    Commute,
    Pay,
    Manager,
    Coworkers,
    Location,
}

impl Concern {
    pub const ALL: [Self; 5] = [
        Self::Commute,
        Self::Pay,
        Self::Manager,
        Self::Coworkers,
        Self::Location,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Commute => "commute",
            Self::Pay => "pay",
            Self::Manager => "manager",
            Self::Coworkers => "coworkers",
            Self::Location => "location",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// One employer review the user read (Glassdoor, Indeed…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// 1 to 5 stars.
    pub stars: u8,
    /// When the review was written (`YYYY-MM-DD` in JSON).
    pub date: jiff::civil::Date,
    /// The office or city the review is about.
    pub location: Option<String>,
    /// What the review complains about, in the user's words (optional).
    pub topic: Option<String>,
}

/// Everything the advisor weighs. Flags mirror the six reasons and their exception.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Facts {
    /// Reason 1: accepted an offer and started the new job.
    pub started_new_job: bool,
    /// Reason 2: an acceptable current job, and attending is risky and difficult.
    pub current_job_at_risk: bool,
    /// Reason 3: a later round for a job already judged a poor fit.
    pub poor_fit_after_interview: bool,
    /// Reason 4: an earlier interview there (for another job) felt wrong.
    pub bad_feel_earlier_interview: bool,
    /// Reason 5: someone who works there hates it, with good reason.
    pub insider_hates_it: bool,
    /// Reason 6: worked there before, hated it, not repeating it.
    pub worked_there_hated_it: bool,
    /// The exception: dream job at a dream employer with a sure offer.
    pub dream_job_sure_offer: bool,
    /// The employer communicates poorly (late, vague, disorganised scheduling).
    pub poor_communication: bool,
    pub concerns: Vec<Concern>,
    pub gut: Gut,
    pub reviews: Vec<Review>,
    /// Where the job is, to tell whether a review is about another location.
    pub job_location: Option<String>,
}
