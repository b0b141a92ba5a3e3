//! Splits a body into the newest text, a forwarded message and the quoted history.
//!
//! In a reply thread the invitation is the newest part; the history may repeat an older
//! invitation (or the candidate's own words) and must not be read as new. A forward is the
//! opposite: the forwarded text is the substance (an agency passing on the client's mail).

use super::addr::{Addr, parse_addr};
use super::text::lower_same_len;

/// A message forwarded inline or attached as message/rfc822.
#[derive(Debug, Clone, Default)]
pub struct Forwarded {
    pub from: Option<Addr>,
    pub body: String,
}

#[derive(Debug, Default)]
pub struct Split {
    pub newest: String,
    pub forwarded: Option<Forwarded>,
    pub quoted: String,
}

const FORWARD_MARKERS: &[&str] = &[
    "forwarded message",
    "begin forwarded message",
    "weitergeleitete nachricht",
    "mensaje reenviado",
    "message transféré",
];

/// Splits a body into its newest text, a forwarded message and quoted history. In a message
/// whose subject says it is a forward (`forward`: "Fw:", "Fwd:"…), an Outlook header block
/// ("From: … Sent: …") starts the forwarded message rather than quoted history: Outlook
/// writes both the same way.
pub fn split(body: &str, forward: bool) -> Split {
    let lines: Vec<&str> = body.lines().collect();
    let mut out = Split::default();
    let mut i = 0;
    let mut newest = Vec::new();
    while i < lines.len() {
        let line = lines[i];
        let lower = line.trim().to_lowercase();
        if FORWARD_MARKERS.iter().any(|m| lower.contains(m)) && lower.len() < 80 {
            let (fwd, rest) = forwarded(&lines[i + 1..]);
            out.forwarded = Some(fwd);
            out.quoted = rest;
            break;
        }
        if forward && is_header_block(&lines, i) {
            let (fwd, rest) = forwarded(&lines[i..]);
            out.forwarded = Some(fwd);
            out.quoted = rest;
            break;
        }
        if is_reply_marker(&lines, i) {
            out.quoted = lines[i..]
                .iter()
                .map(|l| l.trim_start_matches(['>', ' ']))
                .collect::<Vec<_>>()
                .join("\n");
            break;
        }
        if !line.trim_start().starts_with('>') {
            newest.push(line);
        }
        i += 1;
    }
    out.newest = newest.join("\n");
    out
}

/// "On … wrote:", "-----Original Message-----", or an Outlook header block (From: then
/// Sent:/Date: within the next lines).
fn is_reply_marker(lines: &[&str], i: usize) -> bool {
    let t = lines[i].trim().trim_start_matches('>').trim();
    let lower = t.to_lowercase();
    if lower.contains("original message") && lower.starts_with('-') {
        return true;
    }
    let quote_intro = ["on ", "le ", "am ", "el ", "em "];
    let quote_verb = ["wrote:", "a écrit", "schrieb", "escribió", "escreveu"];
    if quote_intro.iter().any(|p| lower.starts_with(p)) {
        let joined = match lines.get(i + 1) {
            Some(next) => format!("{lower} {}", next.trim().to_lowercase()),
            None => lower.clone(),
        };
        if quote_verb.iter().any(|v| joined.contains(v)) {
            return true;
        }
    }
    is_header_block(lines, i)
}

/// An Outlook header block: `From:` with `Sent:` or `Date:` within the next lines.
fn is_header_block(lines: &[&str], i: usize) -> bool {
    let lower = lines[i]
        .trim()
        .trim_start_matches('>')
        .trim()
        .to_lowercase();
    if lower.starts_with("from:") || lower.starts_with("von:") || lower.starts_with("de:") {
        return lines[i + 1..].iter().take(4).any(|l| {
            let l = l.trim().to_lowercase();
            l.starts_with("sent:")
                || l.starts_with("gesendet:")
                || l.starts_with("enviado:")
                || l.starts_with("date:")
        });
    }
    false
}

/// Reads the forwarded header block (From:, Date:, Subject:, To:) then its body, up to a
/// reply marker inside it.
fn forwarded(lines: &[&str]) -> (Forwarded, String) {
    let mut fwd = Forwarded::default();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim();
        if t.is_empty() && i > 0 {
            break;
        }
        let lower = lower_same_len(t);
        if let Some(v) = ["from:", "von:", "de:"]
            .iter()
            .find_map(|p| lower.strip_prefix(p).map(|_| &t[p.len()..]))
        {
            fwd.from = parse_addr(v);
        }
        i += 1;
    }
    let body_lines = &lines[i.min(lines.len())..];
    let mut end = body_lines.len();
    for j in 0..body_lines.len() {
        if is_reply_marker(body_lines, j) {
            end = j;
            break;
        }
    }
    fwd.body = body_lines[..end].join("\n");
    (fwd, body_lines[end..].join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_history_at_on_wrote() {
        let s = split(
            "New text\n\nOn Mon, Mar 3, 2025 Ann <a@b.example> wrote:\n> old\n",
            false,
        );
        assert_eq!(s.newest.trim(), "New text");
        assert!(s.quoted.contains("old"));
    }

    #[test]
    fn outlook_block_starts_history() {
        let s = split(
            "Hi\nFrom: Ann <a@b.example>\nSent: Tuesday\nSubject: x\n\nold",
            false,
        );
        assert_eq!(s.newest.trim(), "Hi");
    }

    #[test]
    fn outlook_block_in_a_forward_is_the_forwarded_message() {
        let body = "see below\n____\nFrom: Ann Lee <a@b.example>\nSent: 14 July 2025 16:02\n\
                    Subject: x\n\nInner body";
        let s = split(body, true);
        assert_eq!(s.newest.trim(), "see below\n____");
        let f = s.forwarded.expect("forward");
        assert_eq!(f.from.and_then(|a| a.name).as_deref(), Some("Ann Lee"));
        assert_eq!(f.body.trim(), "Inner body");
        assert!(split(body, false).forwarded.is_none(), "a reply's history");
    }

    #[test]
    fn forward_keeps_inner_sender() {
        let s = split(
            "see below\n---------- Forwarded message ---------\nFrom: Hollis Grant <h.g@acme.example>\nSubject: x\n\nInner body",
            false,
        );
        let f = s.forwarded.expect("forward");
        assert_eq!(f.from.and_then(|a| a.name).as_deref(), Some("Hollis Grant"));
        assert_eq!(f.body.trim(), "Inner body");
    }
}
