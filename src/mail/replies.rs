//! Replies to the messages bowout sent, reduced to what matching needs: threading ids, sender,
//! subject, date, and whether a robot wrote it.
//!
//! Only the header is read: a reply proves receipt by existing, whatever it says, and IMAP
//! sync fetches headers alone. Parsing never panics; a header mail-parser cannot read at all
//! comes back as `None`.

use mail_parser::{HeaderValue, Message, MessageParser};
use sha2::{Digest, Sha256};

/// One reply, as read from its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// What identifies the reply across reads: its Message-ID, or a hash of its header.
    pub key: String,
    pub message_id: Option<String>,
    /// In-Reply-To, then References, newest first, without angle brackets.
    pub refs: Vec<String>,
    /// The sender's address, lowercased.
    pub from: Option<String>,
    pub subject: String,
    /// The Date header as Unix seconds.
    pub date: Option<i64>,
    /// Why this is an automatic reply (out of office…), if it is one.
    pub automatic: Option<String>,
}

/// Reply and auto-reply prefixes stripped before comparing subjects (lowercase).
const PREFIXES: &[&str] = &[
    "re:",
    "aw:",
    "sv:",
    "antw:",
    "antwort:",
    "réf:",
    "ref:",
    "rif:",
    "r:",
    "automatic reply:",
    "automatische antwort:",
    "auto:",
    "autoreply:",
    "auto-reply:",
    "out of office:",
    "réponse automatique:",
    "respuesta automática:",
];

/// Subject beginnings that mark an out-of-office or other automatic reply (lowercase).
const AUTO_SUBJECTS: &[&str] = &[
    "automatic reply",
    "automatische antwort",
    "auto:",
    "autoreply",
    "auto-reply",
    "auto reply",
    "out of office",
    "out of the office",
    "abwesenheitsnotiz",
    "réponse automatique",
    "respuesta automática",
    "fuera de la oficina",
];

/// Parses the header of `raw`. `None` when there is no header to speak of.
pub fn parse(raw: &[u8]) -> Option<Reply> {
    let msg = MessageParser::default().parse_headers(raw)?;
    if msg.headers().is_empty() {
        return None;
    }
    let message_id = msg.message_id().map(normalize_id).filter(|s| !s.is_empty());
    let mut refs = ids(msg.in_reply_to());
    let mut references = ids(msg.references());
    references.reverse();
    refs.extend(references);
    let subject = msg.subject().map(one_line).unwrap_or_default();
    let from = msg
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(|a| a.trim().to_lowercase());
    let date = msg.date().map(|d| d.to_timestamp());
    // Bytes that happen to parse as some header are not mail: a reply has at least one of
    // these.
    if from.is_none() && message_id.is_none() && subject.is_empty() && date.is_none() {
        return None;
    }
    let key = match &message_id {
        Some(id) => id.clone(),
        None => format!("sha256:{}", hex(&Sha256::digest(header_bytes(raw)))),
    };
    Some(Reply {
        key,
        refs,
        from,
        date,
        automatic: automatic(&msg, &subject),
        subject,
        message_id,
    })
}

/// A Message-ID as compared: trimmed, without angle brackets.
pub fn normalize_id(id: &str) -> String {
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_string()
}

/// The subject a reply shares with its original: reply and auto-reply prefixes (`Re:`,
/// `AW:`, `Re[2]:`, `Automatic reply:`…) removed, spaces collapsed, lowercased.
pub fn base_subject(subject: &str) -> String {
    let mut s = one_line(subject).to_lowercase();
    loop {
        let trimmed = s.trim_start();
        let next = PREFIXES
            .iter()
            .find_map(|p| trimmed.strip_prefix(p))
            .or_else(|| strip_counted(trimmed));
        match next {
            Some(rest) => s = rest.to_string(),
            None => return trimmed.to_string(),
        }
    }
}

/// `Re[2]:` / `RE(3):` style prefixes.
fn strip_counted(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("re")?;
    let (open, close) = match rest.chars().next()? {
        '[' => ('[', ']'),
        '(' => ('(', ')'),
        _ => return None,
    };
    let inner = rest.strip_prefix(open)?;
    let end = inner.find(close)?;
    inner[..end]
        .chars()
        .all(|c| c.is_ascii_digit())
        .then_some(())?;
    inner[end + 1..].strip_prefix(':')
}

fn automatic(msg: &Message<'_>, subject: &str) -> Option<String> {
    for h in msg.headers() {
        let name = h.name().to_ascii_lowercase();
        let value = h
            .value()
            .as_text()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let robot = match name.as_str() {
            "auto-submitted" => value != "no" && !value.is_empty(),
            "x-autoreply" | "x-autorespond" | "x-autoresponder" => true,
            "precedence" | "x-precedence" => value == "auto_reply",
            _ => false,
        };
        if robot {
            return Some(format!("{}: {value}", h.name()));
        }
    }
    let lower = subject.to_lowercase();
    AUTO_SUBJECTS
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|_| format!("subject {subject:?}"))
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    let raw: Vec<&str> = match value {
        HeaderValue::Text(t) => vec![t.as_ref()],
        HeaderValue::TextList(list) => list.iter().map(AsRef::as_ref).collect(),
        _ => Vec::new(),
    };
    raw.into_iter()
        .map(normalize_id)
        .filter(|s| !s.is_empty())
        .collect()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The header part of a raw message (up to the first blank line).
fn header_bytes(raw: &[u8]) -> &[u8] {
    let end = memchr::memmem::find(raw, b"\r\n\r\n")
        .or_else(|| memchr::memmem::find(raw, b"\n\n"))
        .unwrap_or(raw.len());
    &raw[..end]
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(headers: &str) -> Reply {
        let raw = format!("{headers}\r\n\r\nThanks, received.\r\n");
        parse(raw.as_bytes()).expect("a header")
    }

    #[test]
    fn threading_ids_come_without_brackets_in_reply_to_first() {
        let r = reply(
            "From: Ann Lee <Ann@Globex.example>\r\nSubject: RE: Interview\r\n\
         Message-ID: <r1@globex.example>\r\nIn-Reply-To: <m2@dana.example>\r\n\
         References: <m0@dana.example> <m1@dana.example>\r\n\
         Date: Mon, 30 Nov 2026 09:15:00 +0000",
        );
        assert_eq!(r.key, "r1@globex.example");
        assert_eq!(
            r.refs,
            ["m2@dana.example", "m1@dana.example", "m0@dana.example"]
        );
        assert_eq!(r.from.as_deref(), Some("ann@globex.example"));
        assert_eq!(r.date, Some(1_796_030_100));
        assert_eq!(r.automatic, None);
    }

    #[test]
    fn a_reply_without_message_id_is_keyed_by_its_header() {
        let a = reply("From: a@x.example\r\nSubject: Re: hi");
        let b = reply("From: a@x.example\r\nSubject: Re: hi");
        assert!(a.key.starts_with("sha256:"));
        assert_eq!(a.key, b.key);
        assert_ne!(a.key, reply("From: b@x.example\r\nSubject: Re: hi").key);
    }

    #[test]
    fn reply_prefixes_are_stripped_in_any_case_and_number() {
        let base = "interview invitation for data analyst 4471";
        for s in [
            "Re: Interview invitation for Data Analyst 4471",
            "AW: RE:  Interview   invitation for Data Analyst 4471",
            "Re[2]: Interview invitation for Data Analyst 4471",
            "SV: Interview invitation for Data Analyst 4471",
            "Automatic reply: Interview invitation for Data Analyst 4471",
        ] {
            assert_eq!(base_subject(s), base, "{s}");
        }
        assert_eq!(base_subject("Regarding the role"), "regarding the role");
    }

    #[test]
    fn robots_are_recognised_by_header_or_subject() {
        let by_header =
            reply("From: a@x.example\r\nSubject: Re: hi\r\nAuto-Submitted: auto-replied");
        assert!(by_header.automatic.is_some());
        let human = reply("From: a@x.example\r\nSubject: Re: hi\r\nAuto-Submitted: no");
        assert!(human.automatic.is_none());
        let x = reply("From: a@x.example\r\nSubject: Re: hi\r\nX-Autoreply: yes");
        assert!(x.automatic.is_some());
        let ooo = reply("From: a@x.example\r\nSubject: Out of Office: back Monday");
        assert!(ooo.automatic.is_some());
        let de = reply("From: a@x.example\r\nSubject: Automatische Antwort: Einladung");
        assert!(de.automatic.is_some());
    }

    #[test]
    fn junk_is_not_a_reply_and_never_panics() {
        assert_eq!(parse(b""), None);
        for junk in [&b"\x00\xff\xfe"[..], b"no header here", b":::\r\n\r\n"] {
            let _ = parse(junk);
        }
    }

    #[test]
    fn ids_are_normalised() {
        assert_eq!(normalize_id(" <a@b> "), "a@b");
        assert_eq!(normalize_id("a@b"), "a@b");
    }
}
