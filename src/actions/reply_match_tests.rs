use super::*;
use crate::mail::replies::parse;

fn sent(id: &str, to: &str, sent_at: i64) -> MessageRow {
    MessageRow {
        id: format!("row-{id}"),
        invitation_id: "inv1".into(),
        contact_id: "c1".into(),
        kind: "decline".into(),
        message_id: format!("<{id}@dana.example>"),
        to_name: None,
        to_email: to.into(),
        subject: "Interview invitation for Data Analyst 4471".into(),
        body: "…".into(),
        status: "sent".into(),
        attempts: 1,
        last_error: None,
        copy_path: None,
        sha256: None,
        created_at: sent_at,
        updated_at: sent_at,
        sent_at: Some(sent_at),
        acknowledged_at: None,
        ack_message_id: None,
    }
}

fn reply(headers: &str) -> Reply {
    parse(format!("{headers}\r\n\r\nok\r\n").as_bytes()).expect("header")
}

const SENT_AT: i64 = 1_795_771_200; // 2026-11-27 09:20 UTC

fn matcher() -> Matcher {
    Matcher::new(vec![
        sent("m1", "ann@globex.example", SENT_AT),
        sent("m2", "bo@globex.example", SENT_AT),
    ])
}

fn matched(m: Match) -> Option<String> {
    match m {
        Match::Message(row) => Some(row.id),
        Match::Own | Match::None => None,
    }
}

#[test]
fn threading_headers_win_over_sender() {
    let r =
        reply("From: someone@else.example\r\nSubject: whatever\r\nIn-Reply-To: <m2@dana.example>");
    assert_eq!(matched(matcher().find(&r)).as_deref(), Some("row-m2"));
}

#[test]
fn sender_and_subject_match_without_threading_headers() {
    let r = reply(
        "From: Bo Chen <BO@globex.example>\r\nSubject: AW: Interview invitation for Data Analyst 4471\r\n\
         Date: Mon, 30 Nov 2026 09:15:00 +0000",
    );
    assert_eq!(matched(matcher().find(&r)).as_deref(), Some("row-m2"));
}

#[test]
fn a_reply_older_than_the_message_or_from_a_stranger_matches_nothing() {
    let early = reply(
        "From: ann@globex.example\r\nSubject: Re: Interview invitation for Data Analyst 4471\r\n\
         Date: Mon, 02 Nov 2026 09:15:00 +0000",
    );
    assert!(matches!(matcher().find(&early), Match::None));
    let stranger = reply(
        "From: eve@globex.example\r\nSubject: Re: Interview invitation for Data Analyst 4471",
    );
    assert!(matches!(matcher().find(&stranger), Match::None));
    let other_subject = reply("From: ann@globex.example\r\nSubject: Re: Lunch?");
    assert!(matches!(matcher().find(&other_subject), Match::None));
}

#[test]
fn our_own_sent_message_is_not_a_reply() {
    let own = reply("From: dana@example.net\r\nSubject: x\r\nMessage-ID: <m1@dana.example>");
    assert!(matches!(matcher().find(&own), Match::Own));
    assert_eq!(matcher().earliest_sent(), Some(SENT_AT));
}
