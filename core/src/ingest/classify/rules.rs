//! The rule table: every named feature of the classifier, on the model of SpamAssassin's rule
//! files. A rule is a stable id, the part of the message it reads, what it means in a line,
//! and a test; its weight is not here but learned from the corpus (`train/`, the model file
//! `core/model/classifier.tsv`). The ids and descriptions are the evidence a user reads.
//!
//! Rules ask for word *classes* ([`crate::lexicon::WordClass`]), never for words, so every
//! rule works in every language of the lexicon.

use super::scam;
use super::signals::Signals;
use crate::lexicon::{Classes, WordClass as W};

/// The part of the message a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Subject,
    /// The live text as a whole.
    Text,
    /// One sentence of the live text.
    Sentence,
    /// Headers and addresses.
    Headers,
    /// A calendar part.
    Calendar,
    /// Links in the message.
    Links,
}

pub struct Rule {
    pub id: &'static str,
    pub scope: Scope,
    pub description: &'static str,
    pub test: fn(&Signals<'_>) -> bool,
}

/// Interview words, or a conversation proposed about the reader's candidacy.
fn meeting(c: Classes) -> bool {
    c.any(&[W::Interview, W::Conversation])
}

fn time_of_day(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).any(|w| {
        w[0].is_ascii_digit()
            && (w[1] == b':' || w[1] == b'h' || w[1] == b'.')
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
    }) || [" am", " pm", "a.m.", "p.m.", " uhr", "h00", "h30"]
        .iter()
        .any(|m| text.contains(m))
}

fn is_no_reply(s: &Signals<'_>) -> bool {
    s.view.from.as_ref().is_some_and(|a| {
        let l = a.local().to_ascii_lowercase();
        l.contains("noreply") || l.contains("no-reply") || l.contains("donotreply")
    })
}

fn subject_starts(s: &Signals<'_>, prefixes: &[&str]) -> bool {
    prefixes
        .iter()
        .any(|p| s.subject.trim_start().starts_with(p))
}

const VIDEO: &[&str] = &[
    "zoom.",
    "teams.microsoft",
    "teams.live",
    "meet.google",
    "webex",
    "whereby",
    "gotomeeting",
    "jitsi",
    "/meet/",
    "/zoom/",
];
const BOOKING: &[&str] = &[
    "calendly",
    "schedul",
    "booking",
    "book",
    "appointment",
    "termin",
    "agenda",
    "rdv",
    "slot",
    "availability",
    "doodle",
    "youcanbook",
    "chilipiper",
    "goodtime",
    "cal.com",
];

pub static RULES: &[Rule] = &[
    // What an invitation says.
    Rule {
        id: "SUBJECT_INTERVIEW",
        scope: Scope::Subject,
        description: "the subject names an interview",
        test: |s| s.subject_classes.has(W::Interview),
    },
    Rule {
        id: "SUBJECT_CONVERSATION",
        scope: Scope::Subject,
        description: "the subject proposes a call, a chat or a meeting",
        test: |s| s.subject_classes.has(W::Conversation),
    },
    Rule {
        id: "SUBJECT_INVITE",
        scope: Scope::Subject,
        description: "the subject is an invitation",
        test: |s| s.subject_classes.has(W::Invite),
    },
    Rule {
        id: "SUBJECT_STAGE",
        scope: Scope::Subject,
        description: "the subject names a stage of a hiring process",
        test: |s| s.subject_classes.has(W::Stage),
    },
    Rule {
        id: "SUBJECT_JOB",
        scope: Scope::Subject,
        description: "the subject names a job, a role or an application",
        test: |s| s.subject_classes.any(&[W::Job, W::Candidacy]),
    },
    Rule {
        id: "INVITES_TO_INTERVIEW",
        scope: Scope::Sentence,
        description: "a sentence invites the reader to an interview or a meeting",
        test: |s| s.sentence(|c| c.has(W::Invite) && meeting(c) && !c.has(W::Conditional)),
    },
    Rule {
        id: "ARRANGES_INTERVIEW",
        scope: Scope::Sentence,
        description: "a sentence proposes to schedule an interview or a meeting",
        test: |s| s.sentence(|c| c.has(W::Arrange) && meeting(c) && !c.has(W::Conditional)),
    },
    Rule {
        id: "INTERVIEW_IN_TEXT",
        scope: Scope::Text,
        description: "the text names an interview",
        test: |s| s.live_classes.has(W::Interview),
    },
    Rule {
        id: "CONVERSATION_IN_TEXT",
        scope: Scope::Text,
        description: "the text proposes a call, a chat or a meeting",
        test: |s| s.live_classes.has(W::Conversation),
    },
    Rule {
        id: "NAMES_A_STAGE",
        scope: Scope::Sentence,
        description: "a sentence names a stage of a hiring process (first round, panel…)",
        test: |s| s.sentence(|c| c.has(W::Stage) && !c.has(W::Conditional)),
    },
    Rule {
        id: "SELECTED",
        scope: Scope::Sentence,
        description: "a sentence says the reader was selected or shortlisted",
        test: |s| s.sentence(|c| c.has(W::Selected) && !c.has(W::Conditional)),
    },
    Rule {
        id: "ASKS_AVAILABILITY",
        scope: Scope::Text,
        description: "asks for the reader's availability or to pick a time",
        test: |s| s.live_classes.has(W::Availability),
    },
    Rule {
        id: "CANDIDACY",
        scope: Scope::Text,
        description: "speaks of the reader's application, CV or profile",
        test: |s| s.live_classes.has(W::Candidacy),
    },
    Rule {
        id: "JOB_WORDS",
        scope: Scope::Text,
        description: "names a job, a role or a vacancy",
        test: |s| s.live_classes.has(W::Job),
    },
    Rule {
        id: "CALL_ABOUT_APPLICATION",
        scope: Scope::Sentence,
        description: "proposes a call or a chat about the reader's application",
        test: |s| {
            s.live_classes.has(W::Candidacy)
                && s.sentence(|c| {
                    c.has(W::Conversation) && c.has(W::Arrange) && !c.has(W::Conditional)
                })
        },
    },
    Rule {
        id: "PROPOSES_A_DAY",
        scope: Scope::Text,
        description: "names a weekday and a time",
        test: |s| s.live_classes.has(W::Weekday) && time_of_day(&s.live),
    },
    Rule {
        id: "WEEKDAY_NEAR_MEETING",
        scope: Scope::Sentence,
        description: "a sentence puts a meeting on a weekday",
        test: |s| s.sentence(|c| c.has(W::Weekday) && meeting(c)),
    },
    // Calendar parts and links.
    Rule {
        id: "CALENDAR_PART",
        scope: Scope::Calendar,
        description: "carries a calendar event",
        test: |s| s.view.has_calendar,
    },
    Rule {
        id: "CALENDAR_READER_ATTENDS",
        scope: Scope::Calendar,
        description: "a calendar event lists the reader as an attendee",
        test: |s| {
            s.view.attendees.iter().any(|a| {
                s.view
                    .recipient_emails()
                    .any(|r| r.eq_ignore_ascii_case(&a.email))
            })
        },
    },
    Rule {
        id: "CALENDAR_INTERVIEW",
        scope: Scope::Calendar,
        description: "a calendar event whose title is an interview or a meeting",
        test: |s| s.view.has_calendar && meeting(s.subject_classes),
    },
    Rule {
        id: "VIDEO_LINK",
        scope: Scope::Links,
        description: "links to a video meeting",
        test: |s| {
            s.view
                .links
                .iter()
                .any(|l| VIDEO.iter().any(|v| l.url.to_ascii_lowercase().contains(v)))
        },
    },
    Rule {
        id: "BOOKING_LINK",
        scope: Scope::Links,
        description: "links to a page for booking a time",
        test: |s| {
            s.view.links.iter().any(|l| {
                let u = l.url.to_ascii_lowercase();
                let c = l.context.to_lowercase();
                BOOKING.iter().any(|b| u.contains(b) || c.contains(b))
            })
        },
    },
    // Headers.
    Rule {
        id: "REPLY_IN_THREAD",
        scope: Scope::Headers,
        description: "a reply in a thread (In-Reply-To or References)",
        test: |s| !s.view.in_reply_to.is_empty() || !s.view.references.is_empty(),
    },
    Rule {
        id: "FORWARDED",
        scope: Scope::Headers,
        description: "forwards another message",
        test: |s| s.view.forwarded.is_some(),
    },
    Rule {
        id: "NO_REPLY_SENDER",
        scope: Scope::Headers,
        description: "sent from a no-reply address",
        test: is_no_reply,
    },
    Rule {
        id: "HUMAN_REPLY_TO",
        scope: Scope::Headers,
        description: "a no-reply sender with a person to answer in Reply-To",
        test: |s| is_no_reply(s) && s.view.reply_to.is_some(),
    },
    Rule {
        id: "CC_SOMEONE",
        scope: Scope::Headers,
        description: "copies someone else",
        test: |s| !s.view.cc.is_empty(),
    },
    Rule {
        id: "SHORT_NOTE",
        scope: Scope::Text,
        description: "a short note (under 400 characters)",
        test: |s| s.trimmed_length < 400,
    },
    Rule {
        id: "LONG_TEXT",
        scope: Scope::Text,
        description: "a long text (over 2,000 characters)",
        test: |s| s.length > 2000,
    },
    Rule {
        id: "QUOTES_AN_INTERVIEW",
        scope: Scope::Text,
        description: "the quoted history talks of an interview (a reply to an invitation)",
        test: |s| crate::lexicon::classes(&s.view.quoted.to_lowercase()).has(W::Interview),
    },
    // The near-misses.
    Rule {
        id: "SUBJECT_CALENDAR_UPDATE",
        scope: Scope::Subject,
        description: "the subject updates, accepts or confirms a calendar event",
        test: |s| {
            subject_starts(
                s,
                &[
                    "updated",
                    "accepted:",
                    "confirmed:",
                    "declined:",
                    "canceled",
                    "cancelled",
                    "aktualisiert",
                    "angenommen:",
                    "mise à jour",
                    "accepté",
                    "actualizad",
                    "aceptad",
                    "atualizad",
                    "aceit",
                    "aggiornat",
                    "accettat",
                    "bijgewerkt",
                    "geaccepteerd",
                ],
            )
        },
    },
    Rule {
        id: "REJECTION",
        scope: Scope::Text,
        description: "a rejection",
        test: |s| s.live_classes.has(W::Rejection),
    },
    Rule {
        id: "RECEIPT",
        scope: Scope::Text,
        description: "an acknowledgement that an application was received",
        test: |s| s.live_classes.has(W::Receipt),
    },
    Rule {
        id: "CONDITIONAL_INTERVIEW",
        scope: Scope::Sentence,
        description: "an interview promised only on a condition",
        test: |s| s.sentence(|c| c.has(W::Conditional) && meeting(c)),
    },
    Rule {
        id: "ASSESSMENT",
        scope: Scope::Text,
        description: "a test or an assessment to complete",
        test: |s| s.live_classes.has(W::Assessment),
    },
    Rule {
        id: "SUBJECT_ASSESSMENT",
        scope: Scope::Subject,
        description: "the subject names a test or an assessment",
        test: |s| s.subject_classes.has(W::Assessment),
    },
    Rule {
        id: "ALREADY_BOOKED",
        scope: Scope::Text,
        description: "an interview already booked (confirmation, thanks after it)",
        test: |s| s.live_classes.has(W::Booked),
    },
    Rule {
        id: "SUBJECT_BOOKED",
        scope: Scope::Subject,
        description: "the subject confirms a booking",
        test: |s| s.subject_classes.has(W::Booked),
    },
    Rule {
        id: "REMINDER",
        scope: Scope::Sentence,
        description: "a reminder of an interview or a meeting",
        test: |s| {
            s.subject_classes.has(W::Reminder) || s.sentence(|c| c.has(W::Reminder) && meeting(c))
        },
    },
    Rule {
        id: "RESCHEDULE",
        scope: Scope::Text,
        description: "moves an interview already set",
        test: |s| s.live_classes.has(W::Reschedule) || s.subject_classes.has(W::Reschedule),
    },
    Rule {
        id: "CANCELLED",
        scope: Scope::Text,
        description: "cancels an interview or puts a position on hold",
        test: |s| s.live_classes.has(W::Cancelled) || s.subject_classes.has(W::Cancelled),
    },
    Rule {
        id: "OFFER",
        scope: Scope::Text,
        description: "a job offer",
        test: |s| s.live_classes.has(W::Offer) || s.subject_classes.has(W::Offer),
    },
    Rule {
        id: "CHECKS",
        scope: Scope::Text,
        description: "a background, reference or pre-employment check",
        test: |s| s.live_classes.has(W::Checks),
    },
    Rule {
        id: "BULK_HEADERS",
        scope: Scope::Headers,
        description: "sent to a list (List-Id, List-Unsubscribe or bulk precedence)",
        test: |s| s.view.bulk_headers,
    },
    Rule {
        id: "BULK_FOOTER",
        scope: Scope::Text,
        description: "a bulk-mail footer (unsubscribe, preferences)",
        test: |s| s.lines.iter().any(|c| c.has(W::Bulk)),
    },
    Rule {
        id: "JOB_ALERT",
        scope: Scope::Text,
        description: "a job alert or a digest of postings",
        test: |s| s.live_classes.has(W::JobAlert) || s.subject_classes.has(W::JobAlert),
    },
    Rule {
        id: "AUTO_REPLY",
        scope: Scope::Headers,
        description: "an automatic reply (out of office)",
        test: |s| s.view.auto_reply || s.subject_classes.has(W::AutoReply),
    },
    Rule {
        id: "INFORMATIONAL",
        scope: Scope::Text,
        description: "an informational interview or networking coffee",
        test: |s| s.live_classes.has(W::Informational),
    },
    Rule {
        id: "MEDIA",
        scope: Scope::Text,
        description: "a press or podcast interview",
        test: |s| s.live_classes.has(W::Media),
    },
    Rule {
        id: "RESEARCH",
        scope: Scope::Text,
        description: "a research, practice or user interview",
        test: |s| s.live_classes.has(W::Research),
    },
    Rule {
        id: "READER_INTERVIEWS",
        scope: Scope::Text,
        description: "the reader is asked to interview others",
        test: |s| s.live_classes.has(W::Interviewer),
    },
    Rule {
        id: "COLD_OUTREACH",
        scope: Scope::Text,
        description: "cold outreach without a specific role",
        test: |s| s.live_classes.has(W::Cold),
    },
    Rule {
        id: "EXIT_INTERVIEW",
        scope: Scope::Text,
        description: "an exit interview at the reader's employer",
        test: |s| s.live_classes.has(W::ExitInterview) || s.subject_classes.has(W::ExitInterview),
    },
    Rule {
        id: "EVENT",
        scope: Scope::Text,
        description: "an event that is not an interview (webinar, fair, workshop)",
        test: |s| s.live_classes.has(W::Event) || s.subject_classes.has(W::Event),
    },
    Rule {
        id: "OWN_SEARCH",
        scope: Scope::Text,
        description: "the sender's own job search",
        test: |s| s.live_classes.has(W::OwnSearch),
    },
    Rule {
        id: "SUBJECT_REPLY",
        scope: Scope::Subject,
        description: "the subject answers an earlier message (Re:)",
        test: |s| subject_starts(s, &["re:", "re :", "aw:", "rv:", "sv:", "antw:", "r:"]),
    },
    Rule {
        id: "SUBJECT_FORWARD",
        scope: Scope::Subject,
        description: "the subject forwards an earlier message (Fwd:)",
        test: |s| subject_starts(s, &["fw:", "fwd:", "wg:", "tr:", "fw :", "i:", "enc:"]),
    },
    // Red flags of a job scam (their names are reported in `red_flags`).
    Rule {
        id: "SCAM_FREE_MAIL",
        scope: Scope::Headers,
        description: "sent from a free-mail address",
        test: |s| s.flagged(scam::FREE_MAIL_DOMAIN),
    },
    Rule {
        id: "SCAM_REPLY_TO_FREE_MAIL",
        scope: Scope::Headers,
        description: "answers go to a free-mail address",
        test: |s| s.flagged(scam::REPLY_TO_FREE_MAIL),
    },
    Rule {
        id: "SCAM_LOOK_ALIKE",
        scope: Scope::Headers,
        description: "a look-alike domain (a brand with a recruiting word bolted on)",
        test: |s| s.flagged(scam::LOOK_ALIKE_DOMAIN),
    },
    Rule {
        id: "SCAM_CHAT_APP",
        scope: Scope::Text,
        description: "an interview by chat app or text only",
        test: |s| s.flagged(scam::CHAT_APP_INTERVIEW),
    },
    Rule {
        id: "SCAM_CHEQUE",
        scope: Scope::Sentence,
        description: "a cheque to buy equipment, or parcels to reship",
        test: |s| s.flagged(scam::EQUIPMENT_CHEQUE),
    },
    Rule {
        id: "SCAM_FEE",
        scope: Scope::Sentence,
        description: "a fee or a payment demanded",
        test: |s| s.flagged(scam::UPFRONT_FEE),
    },
    Rule {
        id: "SCAM_PERSONAL_DATA",
        scope: Scope::Sentence,
        description: "bank, identity or tax details asked for",
        test: |s| s.flagged(scam::PERSONAL_DATA_UPFRONT),
    },
    Rule {
        id: "SCAM_EASY_MONEY",
        scope: Scope::Text,
        description: "easy money, no experience needed",
        test: |s| s.flagged(scam::PAY_TOO_GOOD),
    },
    Rule {
        id: "SCAM_URGENCY",
        scope: Scope::Text,
        description: "pressure to act at once",
        test: |s| s.flagged(scam::URGENCY),
    },
    Rule {
        id: "SCAM_GENERIC_GREETING",
        scope: Scope::Text,
        description: "a greeting to nobody in particular, or no recipient",
        test: |s| s.flagged(scam::GENERIC_GREETING),
    },
    Rule {
        id: "SCAM_FAKE_REPLY",
        scope: Scope::Headers,
        description: "a Re: subject that answers nothing",
        test: |s| s.flagged(scam::FAKE_REPLY),
    },
];

/// The ids of the rules `signals` fire, in table order, with their index.
pub fn fired(signals: &Signals<'_>) -> Vec<usize> {
    RULES
        .iter()
        .enumerate()
        .filter(|(_, r)| (r.test)(signals))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read::mail::MailView;

    const CAL: &str = "Content-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Interview\r\nATTENDEE;CN=Dana:mailto:dana@example.net\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    /// One message per rule that must fire it: (rule id, extra headers, subject, body).
    /// A rule removed from the table, or renamed, fails here.
    #[rustfmt::skip]
    const EXAMPLES: &[(&str, &str, &str, &str)] = &[
        ("SUBJECT_INTERVIEW", "", "Interview for the analyst role", "Hello."),
        ("SUBJECT_CONVERSATION", "", "Quick call?", "Hello."),
        ("SUBJECT_INVITE", "", "Einladung", "Hallo."),
        ("SUBJECT_STAGE", "", "Second round", "Hello."),
        ("SUBJECT_JOB", "", "Your application", "Hello."),
        ("INVITES_TO_INTERVIEW", "", "Hi", "We would like to invite you to an interview."),
        ("ARRANGES_INTERVIEW", "", "Hi", "Can we schedule an interview next week."),
        ("INTERVIEW_IN_TEXT", "", "Hi", "About the interview."),
        ("CONVERSATION_IN_TEXT", "", "Hi", "Nos gustaría platicar contigo."),
        ("NAMES_A_STAGE", "", "Hi", "You are through to the final round."),
        ("SELECTED", "", "Hi", "You have been shortlisted."),
        ("ASKS_AVAILABILITY", "", "Hi", "Please send your availability."),
        ("CANDIDACY", "", "Hi", "Thank you for your application."),
        ("JOB_WORDS", "", "Hi", "About the vacancy."),
        ("CALL_ABOUT_APPLICATION", "", "Hi", "Thanks for your application. Could we schedule a call?"),
        ("PROPOSES_A_DAY", "", "Hi", "Would Tuesday at 10:30 work?"),
        ("WEEKDAY_NEAR_MEETING", "", "Hi", "A chat on Thursday?"),
        ("CALENDAR_PART", CAL, "Interview", ""),
        ("CALENDAR_READER_ATTENDS", CAL, "Interview", ""),
        ("CALENDAR_INTERVIEW", CAL, "Interview", ""),
        ("VIDEO_LINK", "", "Hi", "Join at https://zoom.us/j/123"),
        ("BOOKING_LINK", "", "Hi", "Pick a time: https://calendly.example/ann"),
        ("REPLY_IN_THREAD", "In-Reply-To: <a@b.example>\r\n", "Re: Hi", "Sure."),
        ("FORWARDED", "", "Fwd: Interview", "FYI\r\n\r\n---------- Forwarded message ---------\r\nFrom: Ann <ann@globex.example>\r\nSubject: Interview\r\n\r\nWe would like to meet you."),
        ("NO_REPLY_SENDER", "FROM:no-reply@ats.example", "Hi", "Hello."),
        ("HUMAN_REPLY_TO", "FROM:no-reply@ats.example\r\nReply-To: Ann <ann@globex.example>\r\n", "Hi", "Hello."),
        ("CC_SOMEONE", "Cc: Bo <bo@globex.example>\r\n", "Hi", "Hello."),
        ("SHORT_NOTE", "", "Hi", "Free Friday?"),
        ("LONG_TEXT", "", "Hi", "LONG"),
        ("QUOTES_AN_INTERVIEW", "", "Re: Hi", "Thanks!\r\n\r\nOn Mon, Ann wrote:\r\n> We would like to invite you to an interview.\r\n"),
        ("SUBJECT_CALENDAR_UPDATE", "", "Updated invitation: Interview", "Hello."),
        ("REJECTION", "", "Hi", "Unfortunately we decided to pursue other candidates."),
        ("RECEIPT", "", "Hi", "We have received your application."),
        ("CONDITIONAL_INTERVIEW", "", "Hi", "If selected, you will be invited to an interview."),
        ("ASSESSMENT", "", "Hi", "Please complete the online test."),
        ("SUBJECT_ASSESSMENT", "", "Online test", "Hello."),
        ("ALREADY_BOOKED", "", "Hi", "Your interview is confirmed for Monday."),
        ("SUBJECT_BOOKED", "", "Booking confirmation", "Hello."),
        ("REMINDER", "", "Reminder", "Hello."),
        ("RESCHEDULE", "", "Hi", "We need to reschedule your interview."),
        ("CANCELLED", "", "Hi", "We have to cancel the interview."),
        ("OFFER", "", "Hi", "We are pleased to offer you the role."),
        ("CHECKS", "", "Hi", "Next is a background check."),
        ("BULK_HEADERS", "List-Unsubscribe: <mailto:u@list.example>\r\n", "News", "Hello."),
        ("BULK_FOOTER", "", "News", "Hello.\r\nUnsubscribe here."),
        ("JOB_ALERT", "", "Job alert", "New jobs for you."),
        ("AUTO_REPLY", "", "Automatic reply: Interview", "I am away."),
        ("INFORMATIONAL", "", "Hi", "Would you do an informational interview?"),
        ("MEDIA", "", "Hi", "I am a journalist."),
        ("RESEARCH", "", "Hi", "Join our research study as a participant."),
        ("READER_INTERVIEWS", "", "Hi", "Could you sit on the interview panel?"),
        ("COLD_OUTREACH", "", "Hi", "I came across your profile."),
        ("EXIT_INTERVIEW", "", "Exit interview", "Hello."),
        ("EVENT", "", "Hi", "Join our webinar."),
        ("OWN_SEARCH", "", "Hi", "They invited me to a second round."),
        ("SUBJECT_REPLY", "", "Re: Interview", "Sure."),
        ("SUBJECT_FORWARD", "", "Fwd: Interview", "See below."),
        ("SCAM_FREE_MAIL", "FROM:hr.dept@gmail.com", "Hi", "Hello."),
        ("SCAM_REPLY_TO_FREE_MAIL", "Reply-To: hr@gmail.com\r\n", "Hi", "Hello."),
        ("SCAM_LOOK_ALIKE", "FROM:hr@globex-careers.example", "Hi", "Hello."),
        ("SCAM_CHAT_APP", "", "Hi", "The interview is on Telegram."),
        ("SCAM_CHEQUE", "", "Hi", "We will send a cheque for your equipment."),
        ("SCAM_FEE", "", "Hi", "Pay the fee in bitcoin."),
        ("SCAM_PERSONAL_DATA", "", "Hi", "Send your bank details."),
        ("SCAM_EASY_MONEY", "", "Hi", "No experience needed."),
        ("SCAM_URGENCY", "", "Hi", "Reply within 24 hours."),
        ("SCAM_GENERIC_GREETING", "", "Hi", "Dear candidate,"),
        ("SCAM_FAKE_REPLY", "", "Re: Job", "Hello."),
    ];

    fn message(headers: &str, subject: &str, body: &str) -> Vec<u8> {
        let (from, headers) = match headers.strip_prefix("FROM:") {
            Some(rest) => match rest.split_once("\r\n") {
                Some((from, more)) => (from.to_string(), more.to_string()),
                None => (rest.to_string(), String::new()),
            },
            None => (
                "Ann Lee <ann@globex.example>".to_string(),
                headers.to_string(),
            ),
        };
        let body = if body == "LONG" {
            "We write at length. ".repeat(300)
        } else {
            body.to_string()
        };
        let content = if headers.starts_with("Content-Type") {
            headers
        } else {
            format!("{headers}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n")
        };
        format!(
            "From: {from}\r\nTo: Dana <dana@example.net>\r\nSubject: {subject}\r\n\
             Message-ID: <t@globex.example>\r\nMIME-Version: 1.0\r\n{content}"
        )
        .into_bytes()
    }

    #[test]
    fn every_rule_fires_on_its_example() {
        for (id, headers, subject, body) in EXAMPLES {
            let i = RULES
                .iter()
                .position(|r| r.id == *id)
                .unwrap_or_else(|| panic!("rule {id} is not in the table"));
            let raw = message(headers, subject, body);
            let view = MailView::parse(&raw).expect("parses");
            let signals = Signals::new(&view);
            assert!(
                fired(&signals).contains(&i),
                "{id} did not fire on {subject:?} / {body:?}"
            );
        }
    }

    #[test]
    fn every_rule_has_an_example_and_a_unique_id() {
        for r in RULES {
            assert!(
                EXAMPLES.iter().any(|(id, ..)| *id == r.id),
                "{} has no example",
                r.id
            );
            assert_eq!(
                RULES.iter().filter(|o| o.id == r.id).count(),
                1,
                "{} twice",
                r.id
            );
            assert!(!r.description.is_empty());
        }
    }
}
