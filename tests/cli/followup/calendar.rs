//! `bowout calendar --out FILE.ics`: parsed back and checked line by line.

use super::sent_decline;
use crate::harness::Env;
use icalendar::{Calendar, CalendarComponent, Component};

fn export(env: &Env, name: &str) -> String {
    let path = env.path(name);
    env.run(["calendar", "--out", path.to_str().expect("utf-8")])
        .ok();
    std::fs::read_to_string(path).expect("ics")
}

/// The strict checks a calendar program relies on: CRLF, folded lines, one calendar.
fn check_lines(text: &str) {
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.ends_with("END:VCALENDAR\r\n"), "{text}");
    for line in text.split("\r\n") {
        assert!(!line.contains('\n'), "bare LF in {line:?}");
        assert!(line.len() <= 75, "unfolded line {line:?}");
    }
    assert!(
        text.contains("VERSION:2.0\r\n") && text.contains("PRODID:"),
        "{text}"
    );
}

fn event_uids(cal: &Calendar) -> Vec<String> {
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => e.get_uid().map(str::to_string),
            _ => None,
        })
        .collect()
}

#[test]
fn calls_and_timed_interviews_become_stable_events_with_alarms() {
    let mut env = super::env();
    let declined = sent_decline(&env);
    let (timed, untimed) = super::accepted_timed_and_untimed(&env); // untimed: no event
    super::add(&env, "Initech", "Cy Dee <cy@initech.example>"); // undecided: no event

    let text = export(&env, "a.ics");
    check_lines(&text);
    let cal: Calendar = text.parse().expect("valid iCalendar");
    let uids = event_uids(&cal);
    assert!(!uids.iter().any(|uid| uid.contains(&untimed)), "{uids:?}");
    assert_eq!(
        uids,
        [
            format!("call-{declined}@bowout"),
            format!("interview-{timed}@bowout")
        ]
    );
    // The call at 10:00 of the next business day (the user's zone is UTC here), the
    // interview at 14:00 Berlin = 13:00 UTC; the call with a reminder 15 minutes before,
    // the interview with two, a day and an hour before.
    assert!(text.contains("DTSTART:20261130T100000Z\r\n"), "{text}");
    assert!(text.contains("DTSTART:20261210T130000Z\r\n"), "{text}");
    assert!(text.contains("DTEND:20261210T140000Z\r\n"), "{text}");
    assert_eq!(text.matches("BEGIN:VALARM\r\n").count(), 3);
    assert_eq!(text.matches("ACTION:DISPLAY\r\n").count(), 3);
    for trigger in ["-PT15M", "-PT1440M", "-PT60M"] {
        assert!(text.contains(&format!("TRIGGER:{trigger}\r\n")), "{text}");
    }
    assert_eq!(
        text.matches("DTSTAMP:").count(),
        2,
        "one per event, none in alarms"
    );
    assert!(
        text.contains("SUMMARY:Follow-up call: Ann Lee\\, Globex\r\n"),
        "{text}"
    );

    // Exported again on another day: the same bytes.
    env.set("BOWOUT_NOW", "2026-11-28T08:00:00Z");
    assert_eq!(export(&env, "b.ics"), text);

    // No answer on Monday: the call moves to Tuesday under the same UID.
    env.set("BOWOUT_NOW", "2026-11-30T11:00:00Z");
    env.run(["call", &declined, "--outcome", "no-answer"]).ok();
    let moved = export(&env, "c.ics");
    assert!(moved.contains("DTSTART:20261201T100000Z\r\n"), "{moved}");
    assert!(moved.contains(&format!("UID:call-{declined}@bowout\r\n")));

    // Reached: the call leaves the calendar, the interview stays.
    env.run(["call", &declined, "--outcome", "reached"]).ok();
    let cal: Calendar = export(&env, "d.ics").parse().expect("valid");
    assert_eq!(event_uids(&cal), [format!("interview-{timed}@bowout")]);
}

#[test]
fn an_unwritable_path_fails_clearly_and_leaves_no_file() {
    let env = super::env();
    sent_decline(&env);
    let file = env.path("a-file");
    std::fs::write(&file, "not a directory").expect("write");
    let path = file.join("cal.ics");
    env.run(["calendar", "--out", path.to_str().expect("utf-8")])
        .fails_with(1, "cannot write");
    assert!(!path.exists());
    env.run(["calendar"]).fails_with(2, "--out");
}
