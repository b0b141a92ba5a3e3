//! The near-misses: mail that talks about interviews without inviting the reader to one.

use super::negative_words::*;
use crate::ingest::lexicon::{ATS, INTERVIEW};
use crate::ingest::read::mail::MailView;
use crate::ingest::read::signature;
use crate::ingest::read::text::{has_any, has_word, sentences};

/// The footer an applicant tracking system puts under every candidate mail ("You are
/// receiving this because you applied", "Powered by Greenhouse | Unsubscribe"): transactional,
/// not a newsletter.
fn ats_footer(line: &str) -> bool {
    let vendor = (line.contains("powered by") || line.contains("sent via"))
        && ATS
            .iter()
            .filter(|a| a.len() >= 5)
            .any(|a| has_word(line, a));
    vendor || has_any(line, &["you applied", "your application"])
}

/// Adds negative evidence through `add(weight, why)`.
pub fn negatives(view: &MailView, subject: &str, live: &str, add: &mut dyn FnMut(f64, &str)) {
    if has_any(live, REJECTION) {
        add(-7.0, "a rejection");
    }
    if has_any(live, RECEIPT) {
        add(-2.0, "an application receipt");
    }
    let conditional = sentences(live).into_iter().any(|s| {
        has_any(s, INTERVIEW)
            && has_any(
                s,
                &[
                    "if you are selected",
                    "if your background",
                    "if selected",
                    "will be invited",
                    "will reach out",
                    "may include interview",
                    "successful at this stage",
                ],
            )
    });
    if conditional {
        add(-3.0, "an interview only promised on a condition");
    }
    // An assessment that is part of the interview ("assessment centre and interview day")
    // is not a test instead of one.
    let tested = [
        "assessment interview",
        "assessment centre and interview",
        "assessment center and interview",
        "assessment board",
    ]
    .iter()
    .fold(live.to_string(), |t, both| t.replace(both, "interview"));
    if has_any(&tested, ASSESSMENT)
        && has_any(&tested, &["complete", "invite", "start the", "next step"])
    {
        add(-5.0, "an assessment or test, not an interview");
    }
    // A reminder is about an interview only when the same sentence says so ("Quick reminder
    // that the office is 4 days in person" in an invitation is not one).
    let reminder = sentences(live)
        .into_iter()
        .any(|s| has_any(s, REMINDER) && has_any(s, INTERVIEW));
    if has_any(live, BOOKED)
        || reminder
        || subject.starts_with("reminder")
        || subject.contains("confirmation:")
        || subject.contains("confirmed:")
    {
        add(
            -5.0,
            "an interview already booked (confirmation or reminder)",
        );
    }
    if has_any(live, OFFER) || subject.contains("offer") {
        add(-6.0, "a job offer");
    }
    if has_any(
        live,
        &[
            "background check",
            "background screening",
            "background verification",
        ],
    ) {
        add(-4.0, "a background check");
    }
    if view.bulk_headers {
        add(
            -8.0,
            "sent to a list (List-Id, List-Unsubscribe or bulk precedence)",
        );
    } else if live.lines().any(|l| has_any(l, BULK) && !ats_footer(l)) {
        add(-4.0, "bulk mail (newsletter, alert, notification)");
    }
    if view.auto_reply
        || subject.starts_with("automatic reply")
        || subject.starts_with("out of office")
        || subject.starts_with("auto:")
    {
        add(-8.0, "an automatic reply");
    }
    if subject.contains("cancel") || has_any(live, CANCELLED) {
        add(-6.0, "an interview cancelled or a position on hold");
    }
    if subject.contains("reschedul") || has_any(live, RESCHEDULE) {
        add(-5.0, "a rescheduling notice for an interview already set");
    }
    if (subject.starts_with("invitation:") && subject.contains('@'))
        || has_any(
            live,
            &[
                "invited you to an event",
                "invited to the following event",
                "has invited you to",
            ],
        )
    {
        add(-3.0, "a calendar event invitation");
    }
    // What the sender asks for is in the message, not in the signature's links
    // ("Book a coffee chat: …", "Open to new opportunities? …").
    let sig: Vec<String> = signature::lines(&view.newest)
        .iter()
        .map(|l| l.to_lowercase())
        .collect();
    let asked: String = live
        .lines()
        .filter(|l| !sig.iter().any(|s| s == l.trim()))
        .collect::<Vec<_>>()
        .join("\n");
    // "Our team calls the first interview a coffee chat": a chat about a specific posting
    // is no informational interview.
    let for_a_posting = has_any(
        &asked,
        &[
            "first interview",
            "first round",
            "the posting",
            "this position",
            "for the role",
        ],
    );
    if !for_a_posting
        && has_any(
            &asked,
            &[
                "informational interview",
                "informational chat",
                "coffee chat",
            ],
        )
    {
        add(-7.0, "an informational interview request");
    }
    let media = MEDIA.iter().filter(|m| live.contains(*m)).count();
    if media >= 2
        || has_any(
            live,
            &["podcast", "on the show", "be quoted", "on background"],
        )
    {
        add(-6.0, "a press or podcast interview, not a job interview");
    }
    if has_any(&asked, NOT_HIRING) {
        add(
            -6.0,
            "a practice or research interview, not a job interview",
        );
    }
    if has_any(&asked, INTERVIEWER)
        || has_any(
            subject,
            &["sit on the interview panel", "interview panel request"],
        )
    {
        add(-6.0, "the reader is asked to interview others");
    }
    if has_any(&asked, COLD) {
        add(-4.0, "cold outreach without a specific role");
    }
    // "Schedule my interview" is an ATS button speaking for the reader, not the sender.
    let own = live
        .replace("schedule my interview", "")
        .replace("book my interview", "");
    if has_any(
        &own,
        &[
            "my interview",
            "my final round",
            "my job search",
            "my recruiter",
        ],
    ) {
        add(-3.0, "the sender's own job search");
    }
    if has_any(
        live,
        &[
            "sent you a new message",
            "search appearances",
            "appeared in",
        ],
    ) {
        add(-5.0, "a social-network notification");
    }
    if has_any(
        live,
        &[
            "career fair",
            "workshop",
            "webinar",
            "interview tips",
            "issue #",
        ],
    ) {
        add(-3.0, "an event or newsletter about interviews");
    }
}
