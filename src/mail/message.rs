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
    /// The invitation's own `Message-ID`, so the reply threads under it.
    pub in_reply_to: Option<&'a str>,
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
    if let Some(parent) = m.in_reply_to.filter(|id| is_message_id(id)) {
        builder = builder
            .in_reply_to(parent.to_string())
            .references(parent.to_string());
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

/// `<left@right>` with nothing that could break a header.
fn is_message_id(id: &str) -> bool {
    id.starts_with('<')
        && id.ends_with('>')
        && id.contains('@')
        && id.len() <= 250
        && id.bytes().all(|b| b.is_ascii_graphic())
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
#[path = "message_tests.rs"]
mod tests;
