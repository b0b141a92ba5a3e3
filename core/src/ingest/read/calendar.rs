//! Text of an iCalendar event, for mail that is nothing but a calendar invitation.
//!
//! A recruiter's calendar can send the first notice of an interview as a lone `text/calendar`
//! part: the invitation, the interviewers and the signature are then in the event's
//! SUMMARY and DESCRIPTION, and the attendees' addresses in ATTENDEE lines.

use super::addr::{Addr, parse_addr};

/// What an event offers the rules: readable text and the attendees.
#[derive(Debug, Default)]
pub struct Event {
    pub text: String,
    pub attendees: Vec<Addr>,
}

/// Reads the first VEVENT of `ics`: SUMMARY and DESCRIPTION as text (escapes undone),
/// ATTENDEE lines as addresses with their `CN` as the name.
pub fn read(ics: &str) -> Event {
    let mut ev = Event::default();
    let (mut summary, mut description) = (String::new(), String::new());
    for line in unfold(ics) {
        let Some((head, value)) = split_property(&line) else {
            continue;
        };
        let name = head.split(';').next().unwrap_or("").to_ascii_uppercase();
        match name.as_str() {
            "SUMMARY" if summary.is_empty() => summary = unescape(value),
            "DESCRIPTION" if description.is_empty() => description = unescape(value),
            "ATTENDEE" => {
                let cn = param(head, "CN").filter(|n| !n.contains('@'));
                let email = value
                    .get(..7)
                    .filter(|p| p.eq_ignore_ascii_case("mailto:"))
                    .map_or(value, |p| &value[p.len()..]);
                let written = match &cn {
                    Some(n) => format!("{n} <{email}>"),
                    None => email.to_string(),
                };
                ev.attendees.extend(parse_addr(&written));
            }
            "END" if value.eq_ignore_ascii_case("VEVENT") => break,
            _ => {}
        }
    }
    ev.text = format!("{summary}\n\n{description}");
    ev
}

/// Content lines with folding undone: a line that starts with a space or tab continues the
/// previous one (RFC 5545 §3.1).
fn unfold(ics: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in ics.lines() {
        let raw = raw.trim_end_matches('\r');
        match (raw.strip_prefix([' ', '\t']), out.last_mut()) {
            (Some(cont), Some(last)) => last.push_str(cont),
            _ => out.push(raw.to_string()),
        }
    }
    out
}

/// `NAME;PARAM=…:value` → (`NAME;PARAM=…`, `value`); a colon inside a quoted parameter does
/// not end the name.
fn split_property(line: &str) -> Option<(&str, &str)> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some((&line[..i], &line[i + 1..])),
            _ => {}
        }
    }
    None
}

fn param(head: &str, name: &str) -> Option<String> {
    head.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.eq_ignore_ascii_case(name)
            .then(|| v.trim_matches('"').trim().to_string())
    })
}

/// `\n`, `\,`, `\;` and `\\` back to what they stand for.
fn unescape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_folded_escaped_event() {
        let ics = "BEGIN:VEVENT\r\nSUMMARY:Interview\r\nDESCRIPTION:Hi Ann\\, we'd like\r\n  to meet.\\nBo\r\nATTENDEE;CN=Bo Li;RSVP=TRUE:mailto:bo@x.example\r\nEND:VEVENT\r\n";
        let ev = read(ics);
        assert_eq!(ev.text, "Interview\n\nHi Ann, we'd like to meet.\nBo");
        assert_eq!(ev.attendees[0].email, "bo@x.example");
        assert_eq!(ev.attendees[0].name.as_deref(), Some("Bo Li"));
    }
}
