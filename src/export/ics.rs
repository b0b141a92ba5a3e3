//! Calendar events as an iCalendar (RFC 5545) file, for any calendar program.
//!
//! The output is a pure function of its input: times are written in UTC (no VTIMEZONE
//! needed), DTSTAMP is the time the event last changed rather than the time of export, and
//! UIDs come from the caller, so exporting twice gives the same bytes and a calendar that
//! imports the file again updates its events instead of duplicating them.

use chrono::{DateTime, Duration, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike};

/// Identifies the producer in PRODID.
pub const PRODID: &str = "-//bowout//bowout calendar//EN";

/// One event with a reminder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalEvent {
    /// Globally unique and stable across exports (`call-<id>@bowout`).
    pub uid: String,
    pub summary: String,
    pub description: String,
    /// Unix seconds.
    pub start: i64,
    pub minutes: i64,
    /// When the event last changed (Unix seconds): written as DTSTAMP.
    pub stamp: i64,
    /// The reminder, this many minutes before the start.
    pub alarm_minutes_before: i64,
}

/// The calendar holding `events`, as text with CRLF line ends.
pub fn render(events: &[CalEvent]) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"));
    cal.append_property(("PRODID", PRODID));
    cal.append_property(("CALSCALE", "GREGORIAN"));
    for e in events {
        let start = utc(e.start);
        let stamp = utc(e.stamp);
        let mut alarm = Alarm::display(&e.summary, -Duration::minutes(e.alarm_minutes_before));
        alarm.uid(&format!("alarm-{}", e.uid)).timestamp(stamp);
        let event = Event::new()
            .uid(&e.uid)
            .timestamp(stamp)
            .summary(&e.summary)
            .description(&e.description)
            .starts(start)
            .ends(start + Duration::minutes(e.minutes))
            .alarm(alarm)
            .done();
        cal.push(event);
    }
    without_alarm_stamps(&cal.done().to_string())
}

/// The crate writes a DTSTAMP into every component; RFC 5545 defines none for VALARM, so
/// it is dropped there (the alarm's UID stays: RFC 9074 allows it).
fn without_alarm_stamps(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_alarm = false;
    for line in text.split_inclusive("\r\n") {
        match line.trim_end() {
            "BEGIN:VALARM" => in_alarm = true,
            "END:VALARM" => in_alarm = false,
            l if in_alarm && l.starts_with("DTSTAMP") => continue,
            _ => {}
        }
        out.push_str(line);
    }
    out
}

fn utc(unix: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(unix, 0).unwrap_or(DateTime::UNIX_EPOCH)
}

#[cfg(test)]
#[path = "ics_tests.rs"]
mod tests;
