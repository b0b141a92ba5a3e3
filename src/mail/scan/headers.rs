//! A header walk that reads only what the prefilter needs: Subject, Message-ID and the MIME
//! fields. Lines are found with SIMD newline search; nothing else is parsed or allocated.

use bowout_core::ingest::{is_list_field, marks_a_list};
use memchr::memchr;

/// How a part's body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    #[default]
    Plain,
    Base64,
    QuotedPrintable,
}

/// The fields of one header block (a message's or a MIME part's).
#[derive(Debug, Default)]
pub struct Head<'a> {
    /// Raw Subject value (unfolded lines are kept as separate slices).
    pub subject: Vec<&'a [u8]>,
    pub message_id: Option<&'a [u8]>,
    /// `type/subtype`, lowercased; empty when absent (text/plain by default).
    pub content_type: String,
    pub boundary: Option<Vec<u8>>,
    pub encoding: Encoding,
    pub attachment: bool,
    /// Sent to a list, as [`marks_a_list`] reads it (the classifier does too).
    pub bulk: bool,
    /// Where the body starts, relative to the block's start.
    pub body_start: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Other,
    Subject,
    MessageId,
    ContentType,
    Encoding,
    Disposition,
    List,
}

/// Walks the header block at the start of `raw`. A block that never ends is all header.
pub fn parse(raw: &[u8]) -> Head<'_> {
    let mut head = Head::default();
    let mut ctype: Vec<u8> = Vec::new();
    let mut disposition: Vec<u8> = Vec::new();
    let mut encoding: Vec<u8> = Vec::new();
    let mut field = Field::Other;
    // The name of the list field being read (its value may go on over several lines).
    let mut list_field: &[u8] = b"";
    let mut pos = 0;
    while pos < raw.len() {
        let end = memchr(b'\n', &raw[pos..]).map_or(raw.len(), |i| pos + i);
        let mut line = &raw[pos..end];
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        pos = (end + 1).min(raw.len());
        if line.is_empty() {
            head.body_start = pos;
            break;
        }
        head.body_start = pos;
        let value = if line[0] == b' ' || line[0] == b'\t' {
            line
        } else {
            let Some(colon) = memchr(b':', line) else {
                field = Field::Other;
                continue;
            };
            field = classify(&line[..colon]);
            if field == Field::List {
                list_field = trim(&line[..colon]);
            }
            &line[colon + 1..]
        };
        match field {
            Field::Subject => head.subject.push(value),
            Field::MessageId if head.message_id.is_none() => head.message_id = Some(value),
            Field::ContentType => ctype.extend_from_slice(value),
            Field::Encoding => encoding.extend_from_slice(value),
            Field::Disposition => disposition.extend_from_slice(value),
            Field::List => head.bulk |= marks_a_list(list_field, value),
            _ => {}
        }
    }
    finish(&mut head, &ctype, &encoding, &disposition);
    head
}

fn classify(name: &[u8]) -> Field {
    let name = trim(name);
    if name.eq_ignore_ascii_case(b"subject") {
        Field::Subject
    } else if name.eq_ignore_ascii_case(b"message-id") {
        Field::MessageId
    } else if name.eq_ignore_ascii_case(b"content-type") {
        Field::ContentType
    } else if name.eq_ignore_ascii_case(b"content-transfer-encoding") {
        Field::Encoding
    } else if name.eq_ignore_ascii_case(b"content-disposition") {
        Field::Disposition
    } else if is_list_field(name) {
        Field::List
    } else {
        Field::Other
    }
}

fn finish(head: &mut Head<'_>, ctype: &[u8], encoding: &[u8], disposition: &[u8]) {
    let lower = ctype.to_ascii_lowercase();
    let main = lower.split(|&b| b == b';').next().unwrap_or(&[]);
    head.content_type = String::from_utf8_lossy(trim(main)).into_owned();
    if let Some(i) = memchr::memmem::find(&lower, b"boundary=") {
        let rest = &ctype[i + 9..];
        let value = if rest.first() == Some(&b'"') {
            let inner = &rest[1..];
            &inner[..memchr(b'"', inner).unwrap_or(inner.len())]
        } else {
            let end = rest
                .iter()
                .position(|&b| b == b';' || b.is_ascii_whitespace())
                .unwrap_or(rest.len());
            &rest[..end]
        };
        if !value.is_empty() && value.len() <= 200 {
            head.boundary = Some(value.to_vec());
        }
    }
    let enc = trim(encoding).to_ascii_lowercase();
    head.encoding = if enc.starts_with(b"base64") {
        Encoding::Base64
    } else if enc.starts_with(b"quoted-printable") {
        Encoding::QuotedPrintable
    } else {
        Encoding::Plain
    };
    head.attachment = trim(disposition)
        .to_ascii_lowercase()
        .starts_with(b"attachment");
}

pub fn trim(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &s[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_mime_fields_and_folded_lines() {
        let raw = b"Subject: hello\r\n world\r\nContent-Type: multipart/Mixed;\r\n\tboundary=\"b-1\"\r\nMessage-ID: <a@b>\r\n\r\nbody";
        let h = parse(raw);
        assert_eq!(h.subject.len(), 2);
        assert_eq!(h.content_type, "multipart/mixed");
        assert_eq!(h.boundary.as_deref(), Some(&b"b-1"[..]));
        assert_eq!(h.message_id, Some(&b" <a@b>"[..]));
        assert_eq!(&raw[h.body_start..], b"body");
        assert!(!h.bulk);
    }

    #[test]
    fn notices_mail_sent_to_a_list() {
        for field in [
            "List-Id: <news.example.com>",
            "list-unsubscribe: <mailto:u@example.com>",
            "Precedence: bulk",
            "Precedence: List",
        ] {
            let raw = format!("Subject: x\r\n{field}\r\n\r\nbody");
            assert!(parse(raw.as_bytes()).bulk, "{field}");
        }
        assert!(!parse(b"Precedence: first-class\r\n\r\nbody").bulk);
    }
}
