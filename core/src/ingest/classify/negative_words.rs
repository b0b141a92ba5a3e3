//! Word lists of the near-miss rules in [`super::negative`], lowercase.

#[rustfmt::skip]
pub const REJECTION: &[&str] = &[
    "not to move forward", "move forward with another candidate", "moving forward with other",
    "move forward with other", "won't be inviting", "will not be inviting",
    "not be moving forward", "regret to inform", "unfortunately, we", "decided to pursue other",
    "position has been filled", "have decided to move forward with", "not been selected",
    "decided not to", "other candidates whose", "lamentablemente", "leider", "absage",
    "nicht berücksichtigen", "no continuar",
];

#[rustfmt::skip]
pub const RECEIPT: &[&str] = &[
    "received your application", "application received", "application has been received",
    "review your qualifications", "status of your application", "reviewing it now",
    "thank you for applying to", "eingang ihrer bewerbung", "hemos recibido su",
    "hemos recibido tu", "bewerbung erhalten",
];

#[rustfmt::skip]
pub const ASSESSMENT: &[&str] = &[
    "assessment", "aptitude", "online test", "coding challenge", "hackerrank", "codility",
    "psychometric", "skills test", "evaluación en línea", "online-test", "eignungstest",
];

#[rustfmt::skip]
pub const BOOKED: &[&str] = &[
    "has been scheduled", "have been scheduled", "is scheduled for", "is confirmed",
    "upcoming interview",
    "is tomorrow", "thank you for interviewing", "taking the time to interview",
    "time to interview with us", "after your interview", "thanks for interviewing",
];

/// Reminder phrases: a booked interview only in a sentence about the interview.
pub const REMINDER: &[&str] = &["friendly reminder", "this is a reminder", "quick reminder"];

#[rustfmt::skip]
pub const OFFER: &[&str] = &[
    "offer letter", "offer of employment", "formal offer", "pleased to offer", "extend an offer",
    "your offer", "offer is contingent", "angebot", "oferta de empleo", "carta de oferta",
];

#[rustfmt::skip]
pub const BULK: &[&str] = &[
    "unsubscribe", "view in browser", "manage alerts", "email preferences",
    "you are receiving this", "you're receiving this", "you're getting this",
    "you are receiving message", "newsletter", "job alert", "jobs you may be interested",
    "new jobs match", "darse de baja", "abbestellen",
];

#[rustfmt::skip]
pub const RESCHEDULE: &[&str] = &[
    "need to reschedule your interview", "have to reschedule your interview",
    "reschedule our interview", "need to move your interview", "was scheduled for",
    "had been scheduled", "new time for your interview",
];

#[rustfmt::skip]
pub const CANCELLED: &[&str] = &[
    "cancel your", "cancel the interview", "cancel our interview", "has been cancelled",
    "has been canceled", "put on hold", "position is on hold", "role is on hold",
];

#[rustfmt::skip]
pub const COLD: &[&str] = &[
    "open to new opportunities", "open to hearing", "don't have a specific",
    "no specific opening", "not a specific role", "came across your profile", "casual chat",
    "would you be open to", "starting conversations", "open to a chat", "open to exploring",
];

/// A journalist's or a show's interview: the reader is the subject, not a candidate. Two of
/// these, or one unmistakable one, since a newsroom may also hire reporters.
#[rustfmt::skip]
pub const MEDIA: &[&str] = &[
    "podcast", "on the show", "our listeners", "reporter at", "journalist", "for a story",
    "for an article", "on background", "be quoted", "on the record", "our readers",
    "for the article", "writing a feature", "for a feature", "our publication", "staff reporter",
];

/// The reader asked to interview others: a seat on a panel, not a candidate's invitation.
#[rustfmt::skip]
pub const INTERVIEWER: &[&str] = &[
    "sit on the interview panel", "sit on the panel", "sit on an interview panel",
    "you on the interview panel", "join the interview panel", "join our interview panel",
    "be on the interview panel", "on the other side of the table", "help us interview",
    "help interview", "interview the candidates", "interviewing the candidates",
    "like you to interview", "you to interview each", "interview each of them", "interview guide",
    "the finalists", "you'll be the hiring manager", "you will be the hiring manager",
    "interview panel request",
];

/// Interviews that are not for a job: practice, and research about the reader's work.
#[rustfmt::skip]
pub const NOT_HIRING: &[&str] = &[
    "mock interview", "practice interview", "research interview", "user interview",
    "usability", "ux research", "user research", "research study", "participant",
    "take part in", "taking part", "research team",
];
