//! The primary contact's phone, exactly as written: the first number of their signature
//! (the direct line before the mobile), never the candidate's own number or a chat-app
//! number for someone else.

use crate::ingest::analysis::ContactOut;
use crate::ingest::read::mail::MailView;
use crate::ingest::read::signature;
use crate::ingest::read::text::{has_any, lower_same_len};
use crate::model::Phone;

pub fn find(view: &MailView, primary: Option<&ContactOut>) -> Option<Phone> {
    let primary = primary?;
    // A forwarded message's author answers with the number in their own signature.
    if let Some(f) = &view.forwarded
        && f.from
            .as_ref()
            .is_some_and(|a| a.email == primary.email.as_str())
        && let Some(found) = first_usable(signature::lines(&f.body).into_iter().chain(
            f.body.lines().filter(|l| {
                let l = l.to_lowercase();
                has_any(&l, SENDER_REACH) || l.contains("direct")
            }),
        ))
    {
        return Phone::parse(&found).ok();
    }
    let found = first_usable(signature::lines(&view.newest).into_iter())
        .or_else(|| near_contact(view, primary))
        .or_else(|| {
            // In the text: a number in the sentence that names the contact or their address.
            let name = primary
                .name
                .as_ref()
                .map(|n| n.as_str().to_string())
                .unwrap_or_default();
            let first = name
                .split_whitespace()
                .next()
                .unwrap_or("\u{0}")
                .to_string();
            first_usable(view.newest.lines().filter(|l| {
                l.contains(primary.email.as_str())
                    || l.contains(&name)
                    || l.contains(&first)
                    || has_any(&l.to_lowercase(), SENDER_REACH)
            }))
        })?;
    Phone::parse(&found).ok()
}

/// A sentence offering the writer's own number: "call me", "erreichen Sie mich unter …".
#[rustfmt::skip]
const SENDER_REACH: &[&str] = &[
    "call", "reach me", "text me", "my direct line", "my number", "give me a ring", "ring me",
    "mich unter",
    "erreichen sie mich", "me joindre", "llámame", "llamarme", "contactarme",
];

/// A number in the contact block that starts at the contact's name or address: the next
/// few lines of a signature cut off by an ATS footer, or the rows of a table
/// ("Recruiter | Ann", "Recruiter Email | …", "Recruiter Phone | …").
fn near_contact(view: &MailView, primary: &ContactOut) -> Option<String> {
    let name = primary.name.as_ref().map(|n| n.as_str());
    let lines: Vec<&str> = view
        .newest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    // Every place the contact is named: a panel list may name them before their signature.
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains(primary.email.as_str()) || name.is_some_and(|n| l.contains(n)))
        .find_map(|(at, _)| first_usable(lines[at..lines.len().min(at + 4)].iter().copied()))
}

/// The first number on a usable line of `lines`.
fn first_usable<'a>(mut lines: impl Iterator<Item = &'a str>) -> Option<String> {
    lines.find_map(|l| usable(l).then(|| phones_in(l).into_iter().next()).flatten())
}

/// A line whose number could be the contact's: not the reader's ("call you at"), not a chat
/// app handle for someone else.
fn usable(line: &str) -> bool {
    let l = line.to_lowercase();
    ![
        "you at",
        "your number",
        "reach you",
        "call you",
        "whatsapp",
        "signal",
        "telegram",
        "your application",
        "candidate",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// Phone numbers written in a line: 9–15 digits with the usual separators, an optional
/// `+country`, and an optional extension (`ext. 204`, `x204`).
pub fn phones_in(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let starts = c == '+' || c == '(' || c.is_ascii_digit();
        let prev_ok = i == 0
            || !chars[i - 1].1.is_alphanumeric()
                && !matches!(chars[i - 1].1, '#' | '-' | '/' | '=');
        if !(starts && prev_ok) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut digits = 0;
        let mut seps = 0;
        while j < chars.len() {
            let ch = chars[j].1;
            if ch.is_ascii_digit() {
                digits += 1;
            } else if matches!(ch, ' ' | '-' | '.' | '(' | ')' | '+') {
                if ch == '+' && j != i {
                    break;
                }
                if ch == ' '
                    && chars
                        .get(j + 1)
                        .is_none_or(|n| !(n.1.is_ascii_digit() || n.1 == '('))
                {
                    break;
                }
                seps += usize::from(ch != '+');
            } else {
                break;
            }
            j += 1;
        }
        let end = chars.get(j).map_or(line.len(), |c| c.0);
        let raw = line[start..end].trim_end_matches([' ', '-', '.', '(']);
        let raw = if raw.ends_with(')') && !raw.contains('(') {
            raw.trim_end_matches(')')
        } else {
            raw
        };
        let marked = raw.starts_with('+') || raw.starts_with('(');
        // A national number with its trunk 0 ("07700 900123", "0161 5550142") needs only one
        // separator: ten or more digits after a leading 0 are no date, price or ID.
        let trunk = raw.starts_with('0') && digits >= 10;
        let separated = seps >= 2 || (marked || trunk) && seps >= 1;
        if (9..=15).contains(&digits) && separated && !raw.contains("..") {
            let mut number = raw.to_string();
            let tail = &line[start + raw.len()..];
            if let Some(ext) = extension(tail) {
                number.push_str(&ext);
            }
            out.push(number);
        }
        i = j.max(i + 1);
    }
    out
}

/// ` ext. 204`, ` x204`, ` ext 12` right after a number.
fn extension(tail: &str) -> Option<String> {
    let t = tail.trim_start();
    let lower = lower_same_len(t);
    let label = ["ext.", "ext", "x", "durchwahl"]
        .into_iter()
        .find(|l| lower.starts_with(l))?;
    let digits: String = t[label.len()..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.is_empty() {
        return None;
    }
    let ws = &tail[..tail.len() - t.len()];
    let mid = &t[..t.find(&digits)?];
    Some(format!("{ws}{mid}{digits}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_shapes() {
        assert_eq!(
            phones_in("Direct: 704.555.0118 | Mobile: 704.555.0163"),
            vec!["704.555.0118", "704.555.0163"]
        );
        assert_eq!(
            phones_in("(262) 555-0131 ext. 204"),
            vec!["(262) 555-0131 ext. 204"]
        );
        assert_eq!(phones_in("m: +1 206 555 0172"), vec!["+1 206 555 0172"]);
        assert_eq!(phones_in("402-555-0152 (office)"), vec!["402-555-0152"]);
        assert_eq!(phones_in("Tél. : +1 514 555-0184"), vec!["+1 514 555-0184"]);
        assert_eq!(phones_in("M: 07700 900482"), vec!["07700 900482"]);
        assert!(
            phones_in("Ref 2025 118731").is_empty(),
            "no trunk 0, one separator"
        );
        assert!(phones_in("Job ID 2025-11873 and Réf. : 743999557").is_empty());
    }
}
