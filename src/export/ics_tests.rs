use super::*;

fn event() -> CalEvent {
    CalEvent {
        uid: "call-abc@bowout".into(),
        summary: "Follow-up call: Ann Lee, Globex".into(),
        description: "Call Ann Lee at +1 555 0142; a long line, with commas; and semicolons \
                      that must be escaped and folded at 75 octets in the output file"
            .into(),
        start: 1_796_029_200, // 2026-11-30 09:00:00 UTC
        minutes: 15,
        stamp: 1_795_770_000,
        alarm_minutes_before: 15,
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
    assert!(a.contains(&format!("PRODID:{PRODID}\r\n")), "{a}");
}

#[test]
fn lines_are_folded_and_the_alarm_is_valid() {
    let text = render(&[event()]);
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
    }
    let alarm = &text[text.find("BEGIN:VALARM").expect("alarm")..];
    let alarm = &alarm[..alarm.find("END:VALARM").expect("end")];
    assert!(alarm.contains("ACTION:DISPLAY"), "{alarm}");
    assert!(alarm.contains("TRIGGER:-PT900S"), "{alarm}");
    assert!(!alarm.contains("DTSTAMP"), "{alarm}");
    let parsed: icalendar::Calendar = text.parse().expect("parses back");
    assert_eq!(parsed.components.len(), 1);
}
