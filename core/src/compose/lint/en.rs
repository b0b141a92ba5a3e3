//! English: the lint table (see [`super::table`]).

use super::Severity::Warning;
use super::claim::ClaimWords;
use super::table::Table;
use super::vocab::{WordRule, detail};

pub(super) const TABLE: Table = Table {
    rules: RULES,
    claim: ClaimWords {
        verbs: VERBS,
        fillers: FILLERS,
        job_words: JOB_WORDS,
        not_a_claim_after: NOT_A_CLAIM_AFTER,
    },
    receipt: RECEIPT_PATTERNS,
    receipt_example: "Please reply so that I know you have received this message.",
    titles_by_case: true,
    elisions: false,
};

/// The reasons a decline may state after "because": the two a user chooses from, in the
/// words of the sample decline. Whether the reason is the one chosen (and true) is
/// `unchosen-claim`'s business.
#[rustfmt::skip]
const STATED_REASONS: &[&str] = &[
    "i have accepted a job", "i have accepted a position", "i've accepted a job",
    "i've accepted a position", "i have concluded that this field is not a good fit",
    "i've concluded that this field is not a good fit",
];

/// The rules in the order findings are reported. Kept as a table by hand: rustfmt would put
/// every word on its own line.
#[rustfmt::skip]
const RULES: &[WordRule] = &[
    detail(
        "detail-pay",
        "Mentions pay",
        &["pay", "salary", "salaries", "compensation", "wage", "wages", "underpaid",
          "paycheck", "paycheque", "money", "bonus", "pay rate", "lowball*"],
    ),
    detail(
        "detail-commute",
        "Mentions the commute",
        &["commute", "commutes", "commuting", "traffic", "too far", "the drive", "distance",
          "parking", "travel time"],
    ),
    detail(
        "detail-location",
        "Mentions the location",
        &["location", "locations", "relocate", "relocating", "relocation", "neighborhood",
          "neighbourhood"],
    ),
    WordRule {
        unless_after: &["hiring", "recruiting", "recruitment", "talent"],
        unless_before: &["position", "role", "job", "opening", "vacancy", "post"],
        ..detail(
            "detail-manager",
            "Mentions the manager",
            &["manager", "managers", "management", "boss", "bosses", "supervisor",
              "supervisors", "team lead", "team leader"],
        )
    },
    detail(
        "detail-coworkers",
        "Mentions co-workers",
        &["coworker*", "co worker*", "teammate*", "your staff", "your employees",
          "the people there"],
    ),
    WordRule {
        skip_titles: false,
        advice: "never tell an employer what reviews say about it; ask about the issues at an \
                 interview instead, or leave them out",
        ..detail(
            "mentions-reviews",
            "Mentions reviews",
            &["reviews", "glassdoor", "kununu", "online review", "employee review",
              "bad review", "negative review", "poor review", "terrible review", "review site*",
              "ratings"],
        )
    },
    WordRule {
        skip_titles: false,
        advice: "blame burns the bridge you are trying to keep; leave it out",
        ..detail(
            "blame",
            "Blames the employer",
            &["hate", "hated", "hates", "hating", "hateful", "toxic", "toxicity", "disorgani*",
              "rude", "rudely", "rudeness", "unprofessional*", "incompetent*", "incompetence",
              "waste of time", "waste of my time", "wasted my time", "wasting my time",
              "chaotic", "chaos", "poorly run", "poorly managed",
              "poorly organized", "poorly organised", "liar", "liars", "lied", "dishonest",
              "ghosted", "shady", "sketchy", "scam", "exploit*", "micromanag*", "mismanag*",
              "bully", "bullies", "bullying", "mess", "messy", "insult*", "offensive",
              "disrespect*", "arrogant", "lazy", "never heard back", "never got back"],
        )
    },
    WordRule {
        skip_titles: false,
        unless_followed_by: STATED_REASONS,
        advice: "an explanation gives details and invites an argument; decline without one, or \
                 with only the reason you chose",
        ..detail(
            "explains-because",
            "Explains the decline",
            &["because", "due to", "since the", "since your", "since you", "owing to",
              "as a result of", "on account of", "the reason is", "the reason being",
              "reason being"],
        )
    },
    WordRule {
        severity: Warning,
        skip_titles: false,
        advice: "keep a decline warm and neutral, so the door stays open",
        ..detail(
            "negative-tone",
            "Sounds negative",
            &["disappointed", "disappointing", "disappointment", "frustrated", "frustrating",
              "frustration", "annoyed", "annoying", "upset", "unacceptable", "terrible",
              "awful", "horrible", "ridiculous", "worst", "angry", "unhappy", "fed up",
              "sick of", "not impressed", "unimpressed", "bad", "poor", "pathetic", "useless",
              "stupid", "shame", "shameful"],
        )
    },
];

#[rustfmt::skip]
const VERBS: &[&str] = &[
    "accept", "accepted", "accepting", "taken", "took", "started", "starting", "signed", "joined",
];
#[rustfmt::skip]
const FILLERS: &[&str] = &[
    "a", "an", "another", "the", "new", "different", "other", "full", "part", "time",
    "permanent", "similar", "up",
];
const JOB_WORDS: &[&str] = &["job", "position", "offer", "role", "employment"];
/// Words that, within two words after the job word, show it is not about a job taken.
#[rustfmt::skip]
const NOT_A_CLAIM_AFTER: &[&str] = &[
    "interview", "description", "posting", "title", "ad", "advert", "advertisement", "listing",
    "requirements", "application", "details",
];

/// Phrases that ask the reader to confirm receipt, as in the default "Please reply so that I
/// know you have received this message."
#[rustfmt::skip]
const RECEIPT_PATTERNS: &[&str] = &[
    "reply", "respond", "receipt", "received", "receive this", "confirm*", "acknowledg*",
    "write back", "let me know", "got this", "get this",
];
