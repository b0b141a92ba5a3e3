//! One outgoing message as RFC 5322 bytes: exactly one recipient, no Cc or Bcc.
//!
//! The bytes built here are the ones archived, hashed and handed to the server, so this is
//! the only place that decides what a message looks like on the wire. lettre does the MIME
//! work: UTF-8 `text/plain` with a transfer encoding chosen for the body, RFC 2047 encoded
//! words for non-ASCII display names and subjects.

use lettre::message::header::{self, HeaderValue};
use lettre::message::{Mailbox, SinglePart};
use lettre::{Address, Message};
use std::time::{Duration, SystemTime};

/// Everything a message is made of; the caller has validated every part already.
#[derive(Debug, Clone)]
pub struct Outgoing<'a> {
    pub from_name: &'a str,
    pub from_email: &'a str,
    pub to_name: Option<&'a str>,
    pub to_email: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    /// Unix seconds for the `Date` header.
    pub date: i64,
    /// With its angle brackets: `<…@…>`.
    pub message_id: &'a str,
    /// The invitation's own `Message-ID` (with or without its angle brackets), so that the
    /// answer threads under it: `In-Reply-To`, and the last of `References`.
    pub in_reply_to: Option<&'a str>,
    /// The invitation's own `References`, oldest first: the rest of `References`.
    pub references: &'a [String],
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{what} {value:?} is not an address a mail server accepts: {reason}")]
    Address {
        what: &'static str,
        value: String,
        reason: String,
    },
    #[error("cannot build the message: {0}")]
    Message(#[from] lettre::error::Error),
}

fn address(what: &'static str, value: &str) -> Result<Address, BuildError> {
    value
        .parse()
        .map_err(|e: lettre::address::AddressError| BuildError::Address {
            what,
            value: value.to_string(),
            reason: e.to_string(),
        })
}

/// The envelope addresses: `MAIL FROM` and the single `RCPT TO`.
pub fn envelope_addresses(m: &Outgoing<'_>) -> Result<(Address, Address), BuildError> {
    Ok((
        address("the sender", m.from_email)?,
        address("the recipient", m.to_email)?,
    ))
}

/// The message as it goes on the wire (CRLF line ends, ASCII only).
pub fn build(m: &Outgoing<'_>) -> Result<Vec<u8>, BuildError> {
    let (from, to) = envelope_addresses(m)?;
    let me = Mailbox::new(Some(m.from_name.to_string()), from);
    let date = SystemTime::UNIX_EPOCH + Duration::from_secs(u64::try_from(m.date).unwrap_or(0));
    let mut builder = Message::builder()
        .from(me.clone())
        .reply_to(me)
        .to(Mailbox::new(m.to_name.map(str::to_string), to))
        .subject(m.subject)
        .date(date)
        .message_id(Some(m.message_id.to_string()));
    if let Some(parent) = m.in_reply_to.and_then(bare_id) {
        let chain: Vec<String> = m
            .references
            .iter()
            .filter_map(|id| bare_id(id))
            .filter(|id| *id != parent)
            .chain(std::iter::once(parent))
            .map(|id| format!("<{id}>"))
            .collect();
        let chain = &chain[chain.len().saturating_sub(MAX_REFERENCES)..];
        builder = builder
            .in_reply_to(format!("<{parent}>"))
            .references(chain.join(" "));
    }
    let message = builder
        .raw_header(HeaderValue::new(
            header::HeaderName::new_from_ascii_str("Auto-Submitted"),
            "no".to_string(),
        ))
        .singlepart(SinglePart::plain(crlf(m.body)))?;
    let mut bytes = message.formatted();
    while bytes.ends_with(b"\r\n") {
        bytes.truncate(bytes.len() - 2);
    }
    bytes.extend_from_slice(b"\r\n");
    Ok(bytes)
}

/// The bytes to give the SMTP client: it ends the data with `CRLF . CRLF`, whose first CRLF
/// ends the message's last line, so the server stores exactly `bytes`.
pub fn wire_form(bytes: &[u8]) -> &[u8] {
    bytes.strip_suffix(b"\r\n").unwrap_or(bytes)
}

/// A new `Message-ID` under the sender's own domain: unique, and recognisable in replies.
pub fn new_message_id(sender_email: &str, now: i64) -> String {
    let domain = sender_email
        .rsplit_once('@')
        .map_or("bowout.invalid", |(_, d)| d);
    format!(
        "<bowout.{now}.{}{}@{domain}>",
        crate::ids::new_id(),
        crate::ids::new_id()
    )
}

/// Most Message-IDs an answer's `References` names: the invitation's own and the last ones
/// before it (RFC 5322 lets a long chain be cut in the middle).
const MAX_REFERENCES: usize = 20;

/// A Message-ID from received mail without its angle brackets (they are taken off if
/// present), or `None` when it could break a header or is no Message-ID at all: anything
/// but printable ASCII (a CR or LF above all), brackets inside, no `@`, or too long.
pub fn bare_id(id: &str) -> Option<&str> {
    let id = id.strip_prefix('<').unwrap_or(id);
    let id = id.strip_suffix('>').unwrap_or(id);
    (id.contains('@')
        && id.len() <= 250
        && id
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'<' && b != b'>'))
    .then_some(id)
}

/// The `References` of an invitation mail as kept for threading the answer: the valid ids,
/// without angle brackets, the last [`MAX_REFERENCES`] of them.
pub fn thread_references(ids: &[String]) -> Vec<String> {
    let valid: Vec<String> = ids
        .iter()
        .filter_map(|id| bare_id(id))
        .map(str::to_string)
        .collect();
    valid[valid.len().saturating_sub(MAX_REFERENCES)..].to_vec()
}

/// Bodies are written with `\n`; mail wants `\r\n`, and a final line end.
fn crlf(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + body.len() / 32 + 2);
    for line in body.replace("\r\n", "\n").split('\n') {
        out.push_str(line);
        out.push_str("\r\n");
    }
    while out.ends_with("\r\n\r\n") {
        out.truncate(out.len() - 2);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample<'a>(to_name: Option<&'a str>, subject: &'a str, body: &'a str) -> Outgoing<'a> {
        Outgoing {
            from_name: "Dana Whitfield",
            from_email: "dana@example.net",
            to_name,
            to_email: "ann@globex.example",
            subject,
            body,
            date: 1_795_780_800,
            message_id: "<bowout.1.abc@example.net>",
            in_reply_to: Some("<inv-1@globex.example>"),
            references: &[],
        }
    }

    fn text(bytes: &[u8]) -> String {
        String::from_utf8(bytes.to_vec()).expect("ascii")
    }

    fn header<'a>(msg: &'a str, name: &str) -> Vec<&'a str> {
        let head = msg.split("\r\n\r\n").next().unwrap_or("");
        head.split("\r\n")
            .filter_map(|l| l.split_once(": "))
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
            .collect()
    }

    #[test]
    fn one_recipient_no_copies_and_threading_headers() {
        let bytes = build(&sample(
            Some("Ann Lee"),
            "Interview",
            "Hello Ann,\nThanks.\n",
        ))
        .expect("build");
        let msg = text(&bytes);
        assert_eq!(header(&msg, "To"), ["\"Ann Lee\" <ann@globex.example>"]);
        assert!(header(&msg, "Cc").is_empty() && header(&msg, "Bcc").is_empty());
        assert_eq!(
            header(&msg, "From"),
            ["\"Dana Whitfield\" <dana@example.net>"]
        );
        assert_eq!(header(&msg, "Reply-To"), header(&msg, "From"));
        assert_eq!(header(&msg, "Message-ID"), ["<bowout.1.abc@example.net>"]);
        assert_eq!(header(&msg, "In-Reply-To"), ["<inv-1@globex.example>"]);
        assert_eq!(header(&msg, "MIME-Version"), ["1.0"]);
        assert!(header(&msg, "Content-Type")[0].starts_with("text/plain; charset=utf-8"));
        assert!(header(&msg, "Date")[0].contains("2026"));
        assert!(msg.ends_with("Hello Ann,\r\nThanks.\r\n"), "{msg}");
    }

    #[test]
    fn non_ascii_names_and_subject_are_encoded_words() {
        let bytes =
            build(&sample(Some("Zoë Müller"), "Entrevista – Señor", "Grüße\n")).expect("build");
        assert!(bytes.is_ascii(), "the wire form is 7-bit");
        let msg = text(&bytes);
        assert!(header(&msg, "Subject")[0].contains("=?utf-8?"), "{msg}");
        assert!(!header(&msg, "Subject")[0].contains('ñ'));
        assert!(header(&msg, "To")[0].contains("=?utf-8?"), "{msg}");
        assert!(!msg.contains("Grüße"));
    }

    #[test]
    fn the_answer_threads_under_the_invitation_and_its_references() {
        let refs = vec![
            "first@ats.example".to_string(),
            "<second@ats.example>".to_string(),
        ];
        let mut m = sample(None, "Interview", "x");
        m.in_reply_to = Some("inv-1@globex.example");
        m.references = &refs;
        let msg = text(&build(&m).expect("build"));
        assert_eq!(header(&msg, "In-Reply-To"), ["<inv-1@globex.example>"]);
        assert_eq!(
            header(&msg, "References"),
            ["<first@ats.example> <second@ats.example> <inv-1@globex.example>"]
        );
    }

    #[test]
    fn references_with_line_breaks_are_left_out_and_a_long_chain_is_cut() {
        let mut refs = vec!["a@b.example\r\nBcc: x@evil.example".to_string()];
        refs.extend((0..30).map(|i| format!("r{i}@ats.example")));
        let mut m = sample(None, "Interview", "x");
        m.references = &refs;
        let msg = text(&build(&m).expect("build"));
        assert!(!msg.contains("Bcc") && !msg.contains("evil"), "{msg}");
        let parsed = mail_parser::MessageParser::default()
            .parse(msg.as_bytes())
            .expect("parses");
        let chain: Vec<String> = match parsed.references() {
            mail_parser::HeaderValue::TextList(l) => l.iter().map(|t| t.to_string()).collect(),
            other => panic!("references: {other:?}"),
        };
        assert_eq!(chain.len(), MAX_REFERENCES);
        assert_eq!(
            chain.last().map(String::as_str),
            Some("inv-1@globex.example")
        );
        assert_eq!(chain[0], "r11@ats.example");
        assert!(msg.split("\r\n").all(|l| l.len() <= 998));
        assert_eq!(
            thread_references(&refs).len(),
            MAX_REFERENCES,
            "the malformed one is dropped first"
        );
    }

    #[test]
    fn a_malformed_parent_id_is_left_out() {
        let mut m = sample(None, "Interview", "x");
        m.in_reply_to = Some("<a@b>\r\nBcc: x@y.example");
        let msg = text(&build(&m).expect("build"));
        assert!(header(&msg, "In-Reply-To").is_empty());
        assert!(!msg.contains("Bcc"));
        assert_eq!(header(&msg, "To"), ["ann@globex.example"]);
    }

    #[test]
    fn message_ids_are_unique_and_under_the_senders_domain() {
        let a = new_message_id("dana@example.net", 5);
        let b = new_message_id("dana@example.net", 5);
        assert_ne!(a, b);
        assert!(a.starts_with("<bowout.5.") && a.ends_with("@example.net>"));
        assert!(a.ends_with('>') && bare_id(&a).is_some());
    }
}
