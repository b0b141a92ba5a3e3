//! Calendar events as an iCalendar (RFC 5545) file, for any calendar program.
//!
//! The output is a pure function of its input: times are written in UTC (no VTIMEZONE
//! needed), DTSTAMP is the time the event last changed rather than the time of export, and
//! UIDs come from the caller, so exporting twice gives the same bytes and a calendar that
//! imports the file again updates its events instead of duplicating them. An event that no
//! longer happens keeps its UID and is written `STATUS:CANCELLED` with a higher SEQUENCE
//! (the caller numbers the versions of an event), which makes calendars that imported it
//! remove it.
//!
//! The format is small enough to write directly: text values escaped (`\\`, `;`, `,`, line
//! breaks), lines folded at 75 octets on character boundaries, CRLF line ends.

use jiff::{SignedDuration, Timestamp};

/// Identifies the producer in PRODID.
pub const PRODID: &str = "-//bowout//bowout calendar//EN";

/// One event with its reminders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalEvent {
    /// Globally unique and stable across exports (`call-<id>@bowout`).
    pub uid: String,
    pub summary: String,
    pub description: String,
    /// Where it happens: an address, or a video link.
    pub location: Option<String>,
    /// A web page for the event (a video call's link), written as URL. The caller passes
    /// a URL without whitespace; control characters are dropped.
    pub url: Option<String>,
    pub start: Timestamp,
    pub end: Timestamp,
    /// When the event last changed: written as DTSTAMP.
    pub stamp: Timestamp,
    /// A reminder this long before the start, for each entry.
    pub reminders: Vec<SignedDuration>,
    /// The event was called off: calendars that imported it remove it.
    pub cancelled: bool,
    /// The version of the event (SEQUENCE): a calendar keeps the highest it has seen, so a
    /// cancellation must be numbered above the event it cancels.
    pub sequence: u32,
}

/// The calendar holding `events`, as text with CRLF line ends.
pub fn render(events: &[CalEvent]) -> String {
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0"] {
        push(&mut out, line);
    }
    push(&mut out, &format!("PRODID:{PRODID}"));
    push(&mut out, "CALSCALE:GREGORIAN");
    for e in events {
        event(&mut out, e);
    }
    push(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, e: &CalEvent) {
    push(out, "BEGIN:VEVENT");
    push(out, &format!("UID:{}", escape(&e.uid)));
    push(out, &format!("DTSTAMP:{}", utc(e.stamp)));
    push(out, &format!("DTSTART:{}", utc(e.start)));
    push(out, &format!("DTEND:{}", utc(e.end)));
    push(out, &format!("SUMMARY:{}", escape(&e.summary)));
    push(out, &format!("DESCRIPTION:{}", escape(&e.description)));
    if let Some(location) = &e.location {
        push(out, &format!("LOCATION:{}", escape(location)));
    }
    if let Some(url) = &e.url {
        let url: String = url.chars().filter(|c| !c.is_control()).collect();
        push(out, &format!("URL:{url}"));
    }
    push(
        out,
        if e.cancelled {
            "STATUS:CANCELLED"
        } else {
            "STATUS:CONFIRMED"
        },
    );
    push(out, &format!("SEQUENCE:{}", e.sequence));
    if !e.cancelled {
        for before in &e.reminders {
            push(out, "BEGIN:VALARM");
            push(out, "ACTION:DISPLAY");
            push(out, &format!("DESCRIPTION:{}", escape(&e.summary)));
            push(out, &format!("TRIGGER:-PT{}M", before.as_mins().max(0)));
            push(out, "END:VALARM");
        }
    }
    push(out, "END:VEVENT");
}

/// `20261130T090000Z`.
fn utc(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped;
/// other control characters dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line exceeds 75 octets (a continuation
/// starts with a space), never inside a character.
fn push(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    fn event() -> CalEvent {
        CalEvent {
            uid: "call-abc@bowout".into(),
            summary: "Follow-up call: Ann Lee, Globex".into(),
            description: "Call Ann Lee at +1 555 0142; a long line, with commas; and semicolons \
                          that must be escaped and folded at 75 octets in the output file — \
                          with a dash"
                .into(),
            location: Some("Globex, 1 Lake St, Chicago".into()),
            start: at("2026-11-30T09:00:00Z"),
            end: at("2026-11-30T09:15:00Z"),
            stamp: at("2026-11-27T09:00:00Z"),
            reminders: vec![
                SignedDuration::from_hours(24),
                SignedDuration::from_mins(60),
            ],
            cancelled: false,
            sequence: 0,
            url: None,
        }
    }

    #[test]
    fn output_is_stable_and_in_utc() {
        let a = render(&[event()]);
        let b = render(&[event()]);
        assert_eq!(a, b, "two exports give the same bytes");
        assert!(a.contains("DTSTART:20261130T090000Z\r\n"), "{a}");
        assert!(a.contains("DTEND:20261130T091500Z\r\n"), "{a}");
        assert!(a.contains("DTSTAMP:20261127T090000Z\r\n"), "{a}");
        assert!(a.contains("UID:call-abc@bowout\r\n"), "{a}");
        assert!(
            a.contains("LOCATION:Globex\\, 1 Lake St\\, Chicago\r\n"),
            "{a}"
        );
        assert!(a.contains(&format!("PRODID:{PRODID}\r\n")), "{a}");
    }

    #[test]
    fn lines_are_folded_and_the_alarms_are_valid() {
        let text = render(&[event()]);
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
        }
        assert_eq!(text.matches("BEGIN:VALARM").count(), 2, "{text}");
        assert!(text.contains("TRIGGER:-PT1440M\r\n"), "{text}");
        assert!(text.contains("TRIGGER:-PT60M\r\n"), "{text}");
        let parsed: icalendar::Calendar = text.parse().expect("parses back");
        assert_eq!(parsed.components.len(), 1);
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded.contains("with commas\\; and semicolons"),
            "{unfolded}"
        );
        assert!(unfolded.contains("— with a dash"), "{unfolded}");
    }

    #[test]
    fn a_cancelled_event_keeps_its_uid_and_drops_its_reminders() {
        let mut e = event();
        e.cancelled = true;
        e.sequence = 1;
        let text = render(&[e]);
        assert!(text.contains("UID:call-abc@bowout\r\n"), "{text}");
        assert!(
            text.contains("STATUS:CANCELLED\r\nSEQUENCE:1\r\n"),
            "{text}"
        );
        assert!(!text.contains("VALARM"), "{text}");
    }

    #[test]
    fn a_url_is_written_as_is_without_control_characters() {
        let mut e = event();
        e.url = Some("https://meet.example/abc,def;x\r\nATTENDEE:x".into());
        let text = render(&[e]);
        assert!(
            text.contains("URL:https://meet.example/abc,def;xATTENDEE:x\r\n"),
            "{text}"
        );
        assert!(text.contains("SEQUENCE:0\r\n"), "{text}");
    }

    #[test]
    fn control_characters_and_line_breaks_never_start_a_property() {
        let mut e = event();
        e.summary = "Call\r\nATTENDEE:mallory@example.com\u{7}".into();
        let text = render(&[e]);
        assert!(!text.contains("\r\nATTENDEE"), "{text}");
        assert!(
            text.contains("SUMMARY:Call\\nATTENDEE:mallory@example.com\r\n"),
            "{text}"
        );
    }
}
