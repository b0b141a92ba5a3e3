//! One parsed message, reduced to what the rules read: addresses, subject, the newest text,
//! a forwarded message if any, and links. Built once; every rule reads it.

use super::addr::Addr;
use super::link::{self, Link};
use super::sections::{self, Forwarded};
use super::{calendar, html, text};
use mail_parser::{
    Address, HeaderName, HeaderValue, Message, MessageParser, MimeHeaders, PartType,
};
use std::sync::LazyLock;

/// Bodies are cut here: an invitation says what it has to say in its first few pages, and the
/// rules are linear in the text, so a 200 MB message costs no more than a short one.
pub const TEXT_CAP: usize = 64 * 1024;

#[derive(Debug, Clone, Default)]
pub struct MailView {
    pub subject: String,
    pub from: Option<Addr>,
    pub reply_to: Option<Addr>,
    pub to: Vec<Addr>,
    pub cc: Vec<Addr>,
    pub message_id: Option<String>,
    pub in_reply_to: Vec<String>,
    pub references: Vec<String>,
    pub date: Option<i64>,
    /// List-Id / List-Unsubscribe / Precedence: bulk: mail sent to many.
    pub bulk_headers: bool,
    /// Auto-Submitted: auto-replied: out-of-office and other robot replies.
    pub auto_reply: bool,
    /// The newest text of the message: quoted history and forwarded parts removed.
    pub newest: String,
    pub forwarded: Option<Forwarded>,
    /// Quoted history (replies), newest first as written.
    pub quoted: String,
    pub links: Vec<Link>,
    /// True when a text/calendar part or .ics file is attached.
    pub has_calendar: bool,
    /// Attendees of a calendar-only message (the body is then the event's text).
    pub attendees: Vec<Addr>,
    pub warnings: Vec<String>,
}

/// The Message-ID, date and subject of a message, as [`MailView::parse`] reads them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headline {
    pub message_id: Option<String>,
    /// The `Date` header as Unix seconds.
    pub date: Option<i64>,
    /// On one line; `None` when absent or blank.
    pub subject: Option<String>,
}

impl Headline {
    fn of(msg: &Message<'_>) -> Self {
        Self {
            message_id: msg
                .message_id()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            date: msg.date().map(|d| d.to_timestamp()),
            subject: msg.subject().map(text::one_line).filter(|s| !s.is_empty()),
        }
    }

    /// Reads the header block only, and in it only these three fields (the same parsers as
    /// the full parse uses; every other header is skipped unparsed).
    pub fn read(raw: &[u8]) -> Self {
        static PARSER: LazyLock<MessageParser> = LazyLock::new(|| {
            MessageParser::new()
                .header_id(HeaderName::MessageId)
                .header_date(HeaderName::Date)
                .header_text(HeaderName::Subject)
                .default_header_ignore()
        });
        PARSER
            .parse_headers(raw)
            .map(|msg| Self::of(&msg))
            .unwrap_or_default()
    }
}

/// Whether a header field can say that a message was sent to a list: List-Id,
/// List-Unsubscribe, Precedence.
pub fn is_list_field(name: &[u8]) -> bool {
    [&b"list-id"[..], b"list-unsubscribe", b"precedence"]
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n))
}

/// Whether the field `name: value` says that a message was sent to a list: a List-Id or a
/// List-Unsubscribe field, or a Precedence of bulk or list. The classifier's `bulk_headers`
/// and the scanner's prefilter both read mail this way.
pub fn marks_a_list(name: &[u8], value: &[u8]) -> bool {
    if name.eq_ignore_ascii_case(b"precedence") {
        let v = value.to_ascii_lowercase();
        v.windows(4).any(|w| w == b"bulk" || w == b"list")
    } else {
        is_list_field(name)
    }
}

impl MailView {
    /// Parses raw bytes; `None` when mail-parser finds no message at all.
    pub fn parse(raw: &[u8]) -> Option<Self> {
        let msg = MessageParser::default().parse(raw)?;
        let headline = Headline::of(&msg);
        let mut view = Self {
            subject: headline.subject.unwrap_or_default(),
            from: first(msg.from()),
            reply_to: first(msg.reply_to()),
            to: all(msg.to()),
            cc: all(msg.cc()),
            message_id: headline.message_id,
            in_reply_to: ids(msg.in_reply_to()),
            references: ids(msg.references()),
            date: headline.date,
            ..Self::default()
        };
        view.bulk_headers = msg.headers().iter().any(|h| {
            marks_a_list(
                h.name().as_bytes(),
                h.value().as_text().unwrap_or_default().as_bytes(),
            )
        });
        // RFC 3834: "auto-replied" is an out-of-office or other robot answer;
        // "auto-generated" is any machine-sent notice, which includes every ATS invitation.
        view.auto_reply = msg.headers().iter().any(|h| {
            h.name().eq_ignore_ascii_case("auto-submitted")
                && h.value()
                    .as_text()
                    .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with("auto-replied"))
        });
        if msg.headers().is_empty() {
            view.warnings.push("the message has no headers".to_string());
        }
        let body = body_text(&msg, &mut view);
        let split = sections::split(&body, is_forward(&view.subject));
        view.newest = split.newest;
        view.quoted = split.quoted;
        view.forwarded = split.forwarded;
        if view.forwarded.is_none() {
            view.forwarded = attached_message(&msg);
        }
        view.links.extend(link::text_links(&body));
        Some(view)
    }

    /// The text the classifier reads: the newest part plus any forwarded message.
    pub fn live_text(&self) -> String {
        match &self.forwarded {
            Some(f) => format!("{}\n{}", self.newest, f.body),
            None => self.newest.clone(),
        }
    }

    /// The candidate: whoever the message is addressed to.
    pub fn recipient_emails(&self) -> impl Iterator<Item = &str> {
        self.to.iter().map(|a| a.email.as_str())
    }
}

/// A subject that says the message forwards another: "Fw:", "Fwd:", "WG:", "RV:", "TR:".
fn is_forward(subject: &str) -> bool {
    let lower = subject.trim_start().to_lowercase();
    ["fw:", "fwd:", "wg:", "rv:", "tr:", "fw :", "fwd :"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Picks the body text: the plain part, unless it is a stub ("view in browser") next to a
/// richer HTML part, in which case the HTML is converted. Links come from the HTML anchors.
fn body_text(msg: &Message<'_>, view: &mut MailView) -> String {
    let plain: String = msg
        .text_bodies()
        .filter_map(|p| match &p.body {
            PartType::Text(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut html_text = String::new();
    let mut calendar = String::new();
    for part in msg.html_bodies() {
        if let PartType::Html(h) = &part.body {
            let capped = text::cap(h, TEXT_CAP * 4);
            view.links.extend(html::anchors(capped));
            html_text.push_str(&html::to_text(capped));
            html_text.push('\n');
        }
    }
    for part in msg.parts.iter() {
        let ct = part.content_type();
        let is_cal = ct.is_some_and(|c| {
            c.ctype().eq_ignore_ascii_case("text")
                && c.subtype()
                    .is_some_and(|s| s.eq_ignore_ascii_case("calendar"))
                || c.subtype().is_some_and(|s| s.eq_ignore_ascii_case("ics"))
        });
        let ics_name = part
            .attachment_name()
            .is_some_and(|n| n.to_ascii_lowercase().ends_with(".ics"));
        if is_cal || ics_name {
            view.has_calendar = true;
            if calendar.is_empty() {
                calendar = part.text_contents().unwrap_or_default().to_string();
            }
        }
    }
    let plain_len = plain.trim().len();
    let chosen = if plain_len == 0 && html_text.trim().is_empty() && !calendar.is_empty() {
        // Nothing but an event: its summary and description are the message.
        let event = calendar::read(text::cap(&calendar, TEXT_CAP));
        view.attendees = event.attendees;
        event.text
    } else if plain_len == 0 || (plain_len < 400 && html_text.trim().len() > plain_len * 3) {
        html_text
    } else {
        plain
    };
    text::cap(&text::normalize(&chosen), TEXT_CAP).to_string()
}

/// A message/rfc822 attachment, read as a forward.
fn attached_message(msg: &Message<'_>) -> Option<Forwarded> {
    msg.parts.iter().find_map(|p| match &p.body {
        PartType::Message(inner) => {
            let body = inner
                .body_text(0)
                .map(|t| text::normalize(&t))
                .unwrap_or_default();
            Some(Forwarded {
                from: first(inner.from()),
                body: text::cap(&body, TEXT_CAP).to_string(),
            })
        }
        _ => None,
    })
}

fn first(a: Option<&Address<'_>>) -> Option<Addr> {
    a.and_then(|a| a.iter().find_map(to_addr))
}

fn all(a: Option<&Address<'_>>) -> Vec<Addr> {
    a.map(|a| a.iter().filter_map(to_addr).collect())
        .unwrap_or_default()
}

fn to_addr(a: &mail_parser::Addr<'_>) -> Option<Addr> {
    let email = a.address.as_ref()?.trim().to_lowercase();
    if !email.contains('@') {
        return None;
    }
    let name = a
        .name
        .as_ref()
        .map(|n| text::one_line(n).trim_matches(['"', '\'', ' ']).to_string())
        .filter(|n| !n.is_empty() && !n.contains('@'));
    Some(Addr { name, email })
}

fn ids(v: &HeaderValue<'_>) -> Vec<String> {
    match v {
        HeaderValue::Text(t) => vec![t.to_string()],
        HeaderValue::TextList(l) => l.iter().map(|t| t.to_string()).collect(),
        _ => Vec::new(),
    }
}
