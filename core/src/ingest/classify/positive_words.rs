//! Word lists of the positive rules in [`super::positive`], lowercase: what an invitation to
//! an interview says.

/// Words that make a sentence conditional or about the future: "if you are selected",
/// "may invite you", "will be invited".
#[rustfmt::skip]
pub const CONDITIONAL: &[&str] = &[
    "if you are", "if your", "if we ", "if selected", "should you", "may invite", "might ",
    "will be invited", "will be contacted", "once you", "candidates who", "who are successful",
    "successful candidates", "may include", "may be invited", "will reach out", "falls ",
    "si su ", "si tu ", "falls sie", "sofern",
];

/// Things one is invited to that are not an interview.
#[rustfmt::skip]
pub const NOT_INTERVIEW_TARGET: &[&str] = &[
    "workshop", "webinar", "event", "fair", "assessment", "test", "complete", "party",
    "questionnaire", "survey", "challenge", "course", "conference", "meetup", "info session",
    "guide", "read our", "article", "tips", "story", "podcast", "newsletter",
];

/// Invitation verbs, and "to interview you", the hiring side's own way of inviting.
pub const INVITE: &[&str] = &[
    "invit",
    "einlad",
    "einzulad",
    "convoc",
    "convoqu",
    "convier",
    "to interview you",
    "laden sie",
    "laden dich",
    "please attend",
    "like you to attend",
    "attend for interview",
    "attend for an interview",
    "attend an interview",
    "called forward",
];

#[rustfmt::skip]
pub const ARRANGE: &[&str] = &[
    "schedule", "set up", "arrange", "book a time", "pick a time", "choose a time",
    "select an interview time", "select a time", "find a time", "availability", "lock it in",
    "are you available", "which works", "works best", "works for you", "let me know",
    "would like to", "we'd like", "we would like", "we'd love", "would love", "want to bring you",
    "move forward with", "move you forward", "bring you in", "would like to meet", "like to do",
    "nos gustaría", "quisiéramos", "möchten", "würden gerne", "würden uns freuen", "termin",
    "disponibilidad", "agendar", "coordinar", "nous aimerions", "what works", "up for",
    "'d like to", "’d like to", "are you free", "free for a", "bring you back", "have you back",
    "réserver", "créneau", "time that works", "times that work", "work for you",
    "wants you back", "want you back", "vous propose", "te propongo", "le proponemos",
    "book your slot", "book a slot", "slots works", "whichever suits", "times free",
    "this time works", "would you be available", "be available for", "scheduling link",
    "grab a time", "grab time", "grab some time", "grab 30", "get you in for", "time to talk",
    "want to do", "want to set up", "grab any slot", "grab a slot",
];

/// Nouns for an interview event; a sentence about one addressed to the reader is evidence.
#[rustfmt::skip]
pub const STAGE: &[&str] = &[
    "first interview", "first round", "first-round", "phone screen", "phone interview",
    "final round", "final-round", "second round", "second interview", "next round",
    "panel interview", "technical interview", "video interview", "virtual interview",
    "telephone interview", "onsite", "on-site interview", "intro call", "oral panel",
    "primera entrevista", "segunda entrevista", "entrevista final", "entrevista telefónica",
    "vorstellungsgespräch", "bewerbungsgespräch", "kennenlerngespräch", "zweites gespräch",
    "telefoninterview", "première entrevue", "entretien téléphonique", "round two", "round 2",
    "2nd round", "2nd interview", "final stage", "assessment interview", "oral board",
    "premier entretien", "second entretien", "deuxième entretien", "entretien final",
    "primera ronda", "segunda ronda", "ronda final", "zweitgespräch", "erstgespräch",
    "1st round", "first stage", "second stage", "stage 2", "competency based interview",
    "formal interview", "selection day", "interview day", "meet the panel", "meet our panel",
    "conversational interview", "interview board", "interview panel", "panel will be",
    "interview will be conducted", "interview will be held", "the interview will be",
];

pub const SELECTED: &[&str] = &[
    "selected",
    "shortlisted",
    "short-listed",
    "ausgewählt",
    "seleccionad",
    "shortlisting",
    "called forward",
];

/// The reader's own candidacy: a call about it is an interview by another name.
#[rustfmt::skip]
pub const CANDIDACY: &[&str] = &[
    "your application", "applying to", "applying for", "you applied", "your cv", "your resume",
    "your résumé", "passed on your", "hiring manager for", "the role", "this role",
];

/// A call or a chat, as a hiring manager proposes one.
pub const CALL: &[&str] = &[
    "call",
    "chat",
    "conversation",
    "catch up",
    "meet you",
    "talk",
];

/// A request for the reader's availability or a time, in any sentence.
pub const AVAILABILITY: &[&str] = &[
    "let me know which",
    "your availability",
    "which works",
    "what works",
    "are you available",
    "choose a time",
    "pick a time",
    "book a time",
    "select an interview time",
    "schedule your interview",
    "when you're free",
    "whats easiest",
    "what's easiest",
    "which day you prefer",
    "confirm your attendance",
    "reply with what works",
    "choose times",
    "submit your availability",
    "which one works",
    "let me know a time",
    "choisir le créneau",
    "su disponibilidad",
    "ihre verfügbarkeit",
    "terminvorschläge",
    "can you do one of those",
    "do any of these",
    "would any of the following",
    "are you free",
    "reply with a time",
    "times that work",
    "windows that work",
    "time that works",
    "réserver le créneau",
    "indícame tu disponibilidad",
    "book your slot",
    "whichever suits",
    "confirm you can make it",
    "able to attend",
    "revert with your confirmation",
    "this time works",
    "slots works",
    "confirm your availability",
    "free mon",
    "free tue",
    "free wed",
    "free thu",
    "free fri",
    "free this week",
    "free next week",
    "free tomorrow",
    "whatever works",
    "grab any slot",
    "confirmer votre présence",
    "confirm your interview slot",
];
