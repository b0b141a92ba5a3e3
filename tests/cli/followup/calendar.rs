//! `bowout calendar --out FILE.ics`: parsed back and checked line by line.

use super::{reply_file, sent_decline, show};
use crate::harness::Env;
use icalendar::{Calendar, CalendarComponent, Component, Event, EventLike, EventStatus};

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

    // Reached: the call is cancelled under the same UID (so that calendars remove it),
    // the interview stays.
    env.run(["call", &declined, "--outcome", "reached"]).ok();
    let cal: Calendar = export(&env, "d.ics").parse().expect("valid");
    assert_eq!(
        event_uids(&cal),
        [
            format!("interview-{timed}@bowout"),
            format!("call-{declined}@bowout")
        ]
    );
    let call = event(&cal, &format!("call-{declined}@bowout"));
    assert_eq!(call.get_status(), Some(EventStatus::Cancelled));
    assert_eq!(call.property_value("DTSTART"), Some("20261201T100000Z"));
    assert!(
        call.components().is_empty(),
        "no reminders for a cancelled call"
    );
    assert!(
        call.get_sequence() > Some(1),
        "above the moved call's: {call:?}"
    );
}

/// The event with `uid`.
fn event<'a>(cal: &'a Calendar, uid: &str) -> &'a Event {
    cal.components
        .iter()
        .find_map(|c| match c {
            CalendarComponent::Event(e) if e.get_uid() == Some(uid) => Some(e),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no event {uid}"))
}

/// An iCalendar UTC time (`20261210T130000Z`) as an instant.
fn utc(value: Option<&str>) -> jiff::Timestamp {
    let value = value.expect("a time");
    let civil = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%SZ", value).expect("UTC time");
    civil
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .expect("zoned")
        .timestamp()
}

/// The TRIGGER of each VALARM of `event`.
fn triggers(event: &Event) -> Vec<String> {
    event
        .components()
        .iter()
        .filter(|c| c.component_kind() == "VALARM")
        .filter_map(|c| c.property_value("TRIGGER").map(str::to_string))
        .collect()
}

#[test]
fn an_interview_has_its_duration_location_video_link_and_two_reminders() {
    let env = super::env();
    let id = super::add(&env, "Hooli", "Flo Gee <flo@hooli.example>");
    env.run([
        "accept",
        &id,
        "--at",
        "2026-12-10 14:00",
        "--tz",
        "Europe/Berlin",
        "--duration",
        "45",
        "--location",
        "Hooli HQ, 1 Main St; room 4",
        "--video-link",
        "https://meet.example/hooli-42?pwd=a,b",
    ])
    .ok();
    let shown = show(&env, &id);
    assert_eq!(shown["decision"]["interview_minutes"], 45);
    assert_eq!(
        shown["decision"]["interview_location"],
        "Hooli HQ, 1 Main St; room 4"
    );
    assert_eq!(
        shown["decision"]["interview_video_link"],
        "https://meet.example/hooli-42?pwd=a,b"
    );
    let text = export(&env, "i.ics");
    check_lines(&text);
    let cal: Calendar = text.parse().expect("valid");
    let interview = event(&cal, &format!("interview-{id}@bowout"));
    let start = utc(interview.property_value("DTSTART"));
    let end = utc(interview.property_value("DTEND"));
    assert_eq!(start.to_string(), "2026-12-10T13:00:00Z");
    assert_eq!(
        end.duration_since(start),
        jiff::SignedDuration::from_mins(45)
    );
    assert_eq!(
        interview.get_location(),
        Some("Hooli HQ, 1 Main St; room 4")
    );
    assert_eq!(
        interview.get_url(),
        Some("https://meet.example/hooli-42?pwd=a,b")
    );
    assert!(
        interview
            .get_description()
            .expect("description")
            .contains("Video call: https://meet.example/hooli-42?pwd=a,b"),
        "{interview:?}"
    );
    assert_eq!(interview.get_status(), Some(EventStatus::Confirmed));
    assert_eq!(triggers(interview), ["-PT1440M", "-PT60M"]);

    // Without --duration an interview lasts an hour; a video link alone is its location.
    let other = super::add(&env, "Acme", "Gus Hu <gus@acme.example>");
    env.run([
        "accept",
        &other,
        "--at",
        "2026-12-11 09:30",
        "--video-link",
        "http://video.acme.example/room",
    ])
    .ok();
    let cal: Calendar = export(&env, "j.ics").parse().expect("valid");
    let plain = event(&cal, &format!("interview-{other}@bowout"));
    let start = utc(plain.property_value("DTSTART"));
    let end = utc(plain.property_value("DTEND"));
    assert_eq!(
        end.duration_since(start),
        jiff::SignedDuration::from_mins(60)
    );
    assert_eq!(plain.get_location(), Some("http://video.acme.example/room"));
    assert_eq!(show(&env, &other)["decision"]["interview_minutes"], 60);
}

#[test]
fn an_accepted_interview_declined_later_is_cancelled_under_its_uid_for_30_days() {
    let mut env = super::env();
    let id = super::add(&env, "Hooli", "Flo Gee <flo@hooli.example>");
    let uid = format!("interview-{id}@bowout");
    env.run([
        "accept",
        &id,
        "--at",
        "2026-12-10 14:00",
        "--duration",
        "30",
        "--location",
        "Hooli HQ",
    ])
    .ok();
    let cal: Calendar = export(&env, "a.ics").parse().expect("valid");
    let before = event(&cal, &uid);
    assert_eq!(before.get_status(), Some(EventStatus::Confirmed));
    assert_eq!(before.get_sequence(), Some(0));

    env.set("BOWOUT_NOW", "2026-11-28T09:00:00Z");
    env.run(["decline", &id]).ok();
    let text = export(&env, "b.ics");
    check_lines(&text);
    let cal: Calendar = text.parse().expect("valid");
    assert_eq!(event_uids(&cal), std::slice::from_ref(&uid));
    let cancelled = event(&cal, &uid);
    assert_eq!(cancelled.get_status(), Some(EventStatus::Cancelled));
    assert_eq!(cancelled.get_sequence(), Some(1));
    assert_eq!(
        cancelled.property_value("DTSTART"),
        Some("20261210T140000Z")
    );
    assert_eq!(cancelled.property_value("DTEND"), Some("20261210T143000Z"));
    assert_eq!(
        cancelled.property_value("DTSTAMP"),
        Some("20261128T090000Z")
    );
    assert_eq!(cancelled.get_location(), Some("Hooli HQ"));
    assert!(triggers(cancelled).is_empty(), "no reminders: {text}");
    let written = env
        .run([
            "--json",
            "calendar",
            "--out",
            env.path("c.ics").to_str().expect("utf-8"),
        ])
        .ok()
        .json();
    assert_eq!(
        (written["interviews"].clone(), written["cancelled"].clone()),
        (0.into(), 1.into())
    );
    assert_eq!(written["events"][0]["status"], "cancelled");

    // Accepted again at a new time: the event comes back, numbered above the cancellation.
    env.run(["accept", &id, "--at", "2026-12-11 10:00"]).ok();
    let cal: Calendar = export(&env, "d.ics").parse().expect("valid");
    let back = event(&cal, &uid);
    assert_eq!(back.get_status(), Some(EventStatus::Confirmed));
    assert_eq!(back.get_sequence(), Some(2));
    assert_eq!(back.property_value("DTSTART"), Some("20261211T100000Z"));
    // And declined again: cancelled above that.
    env.run(["decline", &id]).ok();
    let cal: Calendar = export(&env, "e.ics").parse().expect("valid");
    assert_eq!(event(&cal, &uid).get_sequence(), Some(3));
    assert_eq!(
        event(&cal, &uid).property_value("DTSTART"),
        Some("20261211T100000Z")
    );

    // Thirty days after the decline it is still written; after that, no longer.
    env.set("BOWOUT_NOW", "2026-12-28T09:00:00Z");
    let cal: Calendar = export(&env, "f.ics").parse().expect("valid");
    assert_eq!(event_uids(&cal), std::slice::from_ref(&uid));
    env.set("BOWOUT_NOW", "2026-12-28T09:00:01Z");
    let cal: Calendar = export(&env, "g.ics").parse().expect("valid");
    assert!(event_uids(&cal).is_empty());
}

#[test]
fn a_call_no_longer_needed_is_cancelled_under_its_uid_for_30_days() {
    let mut env = super::env();
    let id = sent_decline(&env);
    let uid = format!("call-{id}@bowout");
    let cal: Calendar = export(&env, "a.ics").parse().expect("valid");
    assert_eq!(event(&cal, &uid).get_status(), Some(EventStatus::Confirmed));
    // Both contacts confirm by email (their replies are dated Monday 09:15).
    env.set("BOWOUT_NOW", "2026-11-30T10:00:00Z");
    let shown = show(&env, &id);
    for email in ["ann@globex.example", "bo@globex.example"] {
        let path = reply_file(&env, &shown, email, "In-Reply-To");
        env.run(["replies", &path]).ok();
    }
    let cal: Calendar = export(&env, "b.ics").parse().expect("valid");
    let call = event(&cal, &uid);
    assert_eq!(call.get_status(), Some(EventStatus::Cancelled));
    assert_eq!(call.get_sequence(), Some(1));
    assert_eq!(call.property_value("DTSTART"), Some("20261130T100000Z"));
    assert_eq!(call.property_value("DTSTAMP"), Some("20261130T091500Z"));
    assert!(
        call.get_description()
            .expect("description")
            .contains("every contact confirmed receipt"),
        "{call:?}"
    );
    env.set("BOWOUT_NOW", "2026-12-30T09:15:00Z");
    let cal: Calendar = export(&env, "c.ics").parse().expect("valid");
    assert_eq!(event_uids(&cal), [uid]);
    env.set("BOWOUT_NOW", "2026-12-30T09:15:01Z");
    let cal: Calendar = export(&env, "d.ics").parse().expect("valid");
    assert!(event_uids(&cal).is_empty());
}

#[test]
fn bad_interview_details_are_refused_and_record_nothing() {
    let env = super::env();
    let id = env.add(&[]);
    let before = env.snapshot();
    let accept = |extra: &[&str]| {
        let mut args = vec!["accept", id.as_str(), "--at", "2026-12-10 14:00"];
        args.extend_from_slice(extra);
        env.run(args)
    };
    accept(&["--video-link", "ftp://files.example/x"]).fails_with(2, "http");
    accept(&["--video-link", "javascript:alert(1)"]).fails_with(2, "--video-link");
    accept(&["--video-link", "meet.example/x"]).fails_with(2, "--video-link");
    accept(&["--video-link", "https://meet.example/a b"]).fails_with(2, "--video-link");
    accept(&["--video-link", "https://meet.example/\r\nX-Evil: 1"]).fails_with(2, "--video-link");
    let long = format!("https://meet.example/{}", "a".repeat(2000));
    accept(&["--video-link", &long]).fails_with(2, "--video-link");
    accept(&["--location", "Room 4\nFloor 2"]).fails_with(2, "--location");
    accept(&["--location", &"x".repeat(201)]).fails_with(2, "--location");
    accept(&["--duration", "0"]).fails_with(2, "--duration");
    accept(&["--duration", "1441"]).fails_with(2, "--duration");
    accept(&["--duration", "an hour"]).fails_with(2, "--duration");
    assert_eq!(env.snapshot(), before, "nothing recorded");
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

#[test]
fn receipts_by_phone_and_called_off_interviews_are_stored_on_postgresql_too() {
    let env = Env::postgres();
    let declined = sent_decline(&env);
    env.run(["call", &declined, "--outcome", "reached", "--confirmed"])
        .ok();
    let id = super::add(&env, "Hooli", "Flo Gee <flo@hooli.example>");
    env.run([
        "accept",
        &id,
        "--at",
        "2026-12-10 14:00",
        "--duration",
        "30",
        "--location",
        "Hooli HQ",
        "--video-link",
        "https://meet.example/hooli",
    ])
    .ok();
    assert_eq!(show(&env, &id)["decision"]["interview_minutes"], 30);
    env.run(["decline", &id]).ok();
    let cal: Calendar = export(&env, "pg.ics").parse().expect("valid");
    let interview = event(&cal, &format!("interview-{id}@bowout"));
    assert_eq!(interview.get_status(), Some(EventStatus::Cancelled));
    assert_eq!(interview.get_location(), Some("Hooli HQ"));
    assert_eq!(interview.property_value("DTEND"), Some("20261210T143000Z"));
    let call = event(&cal, &format!("call-{declined}@bowout"));
    assert_eq!(call.get_status(), Some(EventStatus::Cancelled));
    let dump = env.snapshot();
    let called_off = dump["cancelled_interviews"].as_array().expect("table");
    assert_eq!(called_off.len(), 1, "{dump}");
    assert_eq!(
        called_off[0]["interview_video_link"],
        "https://meet.example/hooli"
    );
    assert_eq!(called_off[0]["sequence"], 1);
    let by_phone: Vec<&serde_json::Value> = dump["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["acknowledged_via"] == "phone")
        .collect();
    assert_eq!(by_phone.len(), 1, "{dump}");
    assert_eq!(by_phone[0]["to_email"], "ann@globex.example");

    // Both travel in a backup: restored into SQLite, the calendar is the same.
    let backup = env.path("backup.json");
    env.run(["export", "--out", backup.to_str().expect("utf-8")])
        .ok();
    let other = super::env();
    other.run(["restore", backup.to_str().expect("utf-8")]).ok();
    assert_eq!(other.snapshot(), dump);
    assert_eq!(export(&other, "sqlite.ics"), export(&env, "pg-again.ics"));
}
