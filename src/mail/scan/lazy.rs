//! The skip-what-cannot-matter path (`docs/architecture.md`, "Scanning"): walk headers, find
//! the text parts of the MIME tree without decoding attachments, decode text only (capped),
//! lowercase it in place and search it for the interview keywords. Only a hit pays for the
//! full parse.

use super::decode::{base64_into, encoded_words_into, qp_into};
use super::headers::{self, Encoding, Head};
use aho_corasick::AhoCorasick;
use memchr::memmem;

/// Text decoded per part: enough for any invitation, bounded for any attachment.
const PART_CAP: usize = 64 * 1024;
/// A plain-text alternative shorter than this is a stub; its HTML twin is read instead.
const STUB: usize = 600;
/// MIME nesting deeper than this is junk or an attack; it is not followed.
const MAX_DEPTH: usize = 12;

/// What the quick look found.
#[derive(Debug, Default)]
pub struct Glance {
    pub message_id: Option<String>,
    /// A keyword was found: this message needs the full analysis.
    pub hit: bool,
    /// A multipart body ended before its closing boundary (a truncated file, usually).
    pub unterminated: bool,
}

/// One multi-substring searcher over lowercase needles.
struct Needles {
    ac: AhoCorasick,
    /// Teddy, the SIMD multi-substring searcher: several times faster than the automaton on
    /// ordinary text because it only stops where a 3-byte fingerprint matches.
    teddy: Option<aho_corasick::packed::Searcher>,
}

/// The byte patterns of lowercase `words`: each as UTF-8, and in ISO-8859-1 too when it
/// has one (for 8-bit bodies in legacy charsets).
fn patterns(words: &[&str]) -> Vec<Vec<u8>> {
    let mut pats: Vec<Vec<u8>> = words.iter().map(|k| k.as_bytes().to_vec()).collect();
    for k in words {
        if !k.is_ascii() {
            let latin: Option<Vec<u8>> =
                k.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect();
            pats.extend(latin);
        }
    }
    pats
}

impl Needles {
    fn new(words: &[&str]) -> anyhow::Result<Self> {
        let pats = patterns(words);
        // Case-sensitive on purpose: the text is lowercased first, and only this mode has
        // the SIMD prefilter.
        let ac = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&pats)?;
        let teddy = aho_corasick::packed::Config::new()
            .builder()
            .extend(&pats)
            .build();
        Ok(Self { ac, teddy })
    }

    fn is_match(&self, text: &[u8]) -> bool {
        match &self.teddy {
            Some(t) => t.find(text).is_some(),
            None => self.ac.is_match(text),
        }
    }
}

/// The test for mail sent to a list, in one pass over its text: a strong keyword, or a word
/// of a job and one of a conversation.
struct ListMail {
    ac: AhoCorasick,
    /// The kind of each pattern: [`STRONG`], [`JOB`] or [`CONVERSATION`].
    kind: Vec<u8>,
}

const STRONG: u8 = 1;
const JOB: u8 = 2;
const CONVERSATION: u8 = 4;

impl ListMail {
    fn new(lists: &[(&[&str], u8)]) -> anyhow::Result<Self> {
        let (mut pats, mut kind) = (Vec::new(), Vec::new());
        for (words, k) in lists {
            let p = patterns(words);
            kind.extend(std::iter::repeat_n(*k, p.len()));
            pats.extend(p);
        }
        // Overlapping matches, so that no word hides another that begins inside it.
        let ac = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&pats)?;
        Ok(Self { ac, kind })
    }

    fn passes(&self, text: &[u8]) -> bool {
        let mut seen = 0u8;
        for m in self.ac.find_overlapping_iter(text) {
            seen |= self.kind.get(m.pattern().as_usize()).copied().unwrap_or(0);
            if seen & STRONG != 0 || seen & (JOB | CONVERSATION) == JOB | CONVERSATION {
                return true;
            }
        }
        false
    }
}

/// The keyword searchers, built once per scan and shared by every thread: strong and weak
/// keywords for mail not sent to a list; for mail sent to one, the strong keywords, or a
/// word of a job and one of a conversation together ([`bowout_core::ingest::prefilter`] says
/// which is which).
pub struct Prefilter {
    any: Needles,
    list: ListMail,
    /// Mail sent to a list is held to [`ListMail`] (off only to compare, in tests).
    list_rule: bool,
}

impl Prefilter {
    pub fn new() -> anyhow::Result<Self> {
        use bowout_core::ingest::prefilter::{
            CONVERSATION_KEYWORDS, JOB_KEYWORDS, STRONG_KEYWORDS, WEAK_KEYWORDS,
        };
        let mut any: Vec<&str> = STRONG_KEYWORDS.to_vec();
        any.extend(WEAK_KEYWORDS.iter());
        Ok(Self {
            any: Needles::new(&any)?,
            list: ListMail::new(&[
                (&STRONG_KEYWORDS, STRONG),
                (&JOB_KEYWORDS, JOB),
                (&CONVERSATION_KEYWORDS, CONVERSATION),
            ])?,
            list_rule: true,
        })
    }

    /// Looks at one raw message. `scratch` is reused between calls to avoid allocation.
    pub fn glance(&self, raw: &[u8], scratch: &mut Vec<u8>) -> Glance {
        scratch.clear();
        let head = headers::parse(raw);
        let mut g = Glance {
            message_id: head.message_id.map(clean_id).filter(|s| !s.is_empty()),
            ..Glance::default()
        };
        for line in &head.subject {
            encoded_words_into(line, scratch);
        }
        scratch.make_ascii_lowercase();
        let body = &raw[head.body_start.min(raw.len())..];
        if head.bulk && self.list_rule {
            // All the text first, then one pass over it.
            walk(None, &head, body, scratch, &mut g, 0);
            g.hit = self.list.passes(scratch);
            return g;
        }
        if self.any.is_match(scratch.as_slice()) {
            g.hit = true;
            return g;
        }
        walk(Some(&self.any), &head, body, scratch, &mut g, 0);
        g
    }
}

/// Visits one entity, decoding its text into `scratch`; with `needles`, searches each text
/// part and returns early as soon as a keyword is found.
fn walk(
    needles: Option<&Needles>,
    head: &Head<'_>,
    body: &[u8],
    scratch: &mut Vec<u8>,
    g: &mut Glance,
    depth: usize,
) {
    if g.hit || depth > MAX_DEPTH {
        return;
    }
    let ct = head.content_type.as_str();
    if let (true, Some(boundary)) = (ct.starts_with("multipart/"), head.boundary.as_deref()) {
        let alternative = ct == "multipart/alternative";
        let mut plain_text = false;
        for part in parts(body, boundary, &mut g.unterminated) {
            let inner = headers::parse(part);
            // The HTML twin of a real plain-text part says the same thing: skip it. A
            // stub plain part ("view it in your browser") does not count as real.
            if alternative && plain_text && inner.content_type == "text/html" {
                continue;
            }
            let before = scratch.len();
            walk(
                needles,
                &inner,
                &part[inner.body_start.min(part.len())..],
                scratch,
                g,
                depth + 1,
            );
            if g.hit {
                return;
            }
            plain_text |= inner.content_type == "text/plain" && scratch.len() - before >= STUB;
        }
    } else if ct == "message/rfc822" || ct == "message/global" {
        let inner = headers::parse(body);
        let start = scratch.len();
        for line in &inner.subject {
            encoded_words_into(line, scratch);
        }
        scratch[start..].make_ascii_lowercase();
        walk(
            needles,
            &inner,
            &body[inner.body_start.min(body.len())..],
            scratch,
            g,
            depth + 1,
        );
    } else if (ct.is_empty() || ct == "text/plain" || ct == "text/html") && !head.attachment {
        let start = scratch.len();
        match head.encoding {
            Encoding::Base64 => base64_into(body, scratch, start + PART_CAP),
            Encoding::QuotedPrintable => qp_into(body, scratch, start + PART_CAP, false),
            Encoding::Plain => scratch.extend_from_slice(&body[..body.len().min(PART_CAP)]),
        }
        scratch[start..].make_ascii_lowercase();
        // Search from a little before the new text so a word split across parts is not missed.
        if let Some(n) = needles {
            g.hit = n.is_match(&scratch[start.saturating_sub(32)..]);
        }
    }
}

/// True when a multipart message has no closing boundary line at all: cut short. The glance
/// stops at the first keyword, so a hit is checked with this instead.
pub fn unterminated(raw: &[u8]) -> bool {
    let head = headers::parse(raw);
    match (head.content_type.starts_with("multipart/"), head.boundary) {
        (true, Some(b)) => {
            let mut close = b"--".to_vec();
            close.extend_from_slice(&b);
            close.extend_from_slice(b"--");
            memmem::find(&raw[head.body_start.min(raw.len())..], &close).is_none()
        }
        _ => false,
    }
}

/// The parts of a multipart body: the slices between `--boundary` lines, up to the closing
/// `--boundary--`. A body without its closing line yields its last part to the end and sets
/// `unterminated`.
fn parts<'a>(body: &'a [u8], boundary: &[u8], unterminated: &mut bool) -> Vec<&'a [u8]> {
    let mut delim = Vec::with_capacity(boundary.len() + 2);
    delim.extend_from_slice(b"--");
    delim.extend_from_slice(boundary);
    let finder = memmem::Finder::new(&delim);
    let mut starts = Vec::new();
    let mut closed = false;
    for at in finder.find_iter(body) {
        if at > 0 && body[at - 1] != b'\n' {
            continue;
        }
        let after = &body[at + delim.len()..];
        if after.starts_with(b"--") {
            starts.push((at, at));
            closed = true;
            break;
        }
        let line_end =
            memchr::memchr(b'\n', after).map_or(body.len(), |i| at + delim.len() + i + 1);
        starts.push((at, line_end));
        if starts.len() > 10_000 {
            break;
        }
    }
    if !closed && !starts.is_empty() {
        *unterminated = true;
        starts.push((body.len(), body.len()));
    }
    starts
        .windows(2)
        .map(|w| &body[w[0].1.min(w[1].0)..w[1].0])
        .collect()
}

fn clean_id(raw: &[u8]) -> String {
    let s = String::from_utf8_lossy(headers::trim(raw)).into_owned();
    s.trim_matches(|c: char| c == '<' || c == '>' || c.is_whitespace())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glance(raw: &[u8]) -> Glance {
        Prefilter::new()
            .expect("automaton")
            .glance(raw, &mut Vec::new())
    }

    /// Every labelled message of every folder (the development set, the first held-out set
    /// and the corpus batches), with its label.
    fn labelled() -> Vec<(std::path::PathBuf, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![
            root.join("tests/fixtures/corpus"),
            root.join("tests/fixtures/holdout"),
        ];
        let mut batches: Vec<_> = std::fs::read_dir(root.join("corpus"))
            .expect("corpus/")
            .flatten()
            .map(|e| e.path())
            .collect();
        batches.sort();
        dirs.extend(batches);
        let mut out = Vec::new();
        for dir in dirs {
            let Ok(text) = std::fs::read_to_string(dir.join("labels.json")) else {
                continue;
            };
            let labels: Vec<serde_json::Value> = serde_json::from_str(&text).expect("labels");
            for l in &labels {
                let file = dir.join(l["file"].as_str().expect("file"));
                out.push((file, l["kind"].as_str().expect("kind").to_string()));
            }
        }
        out
    }

    /// An invitation the prefilter drops never reaches the classifier: every labelled
    /// invitation and scam of every folder must pass it.
    #[test]
    fn every_labelled_invitation_and_scam_passes_the_prefilter() {
        let pre = Prefilter::new().expect("automaton");
        let (mut checked, mut dropped) = (0, Vec::new());
        for (file, _) in labelled().iter().filter(|(_, kind)| kind != "other") {
            let raw = std::fs::read(file).expect("eml");
            checked += 1;
            if !pre.glance(&raw, &mut Vec::new()).hit {
                dropped.push(file.display().to_string());
            }
        }
        assert!(
            checked > 800,
            "only {checked} labelled invitations and scams found"
        );
        assert!(dropped.is_empty(), "the prefilter drops {dropped:#?}");
    }

    /// The prefilter as it was before the weak words were kept from mail sent to a list:
    /// strong and weak words for every message.
    fn without_the_list_rule() -> Prefilter {
        Prefilter {
            list_rule: false,
            ..Prefilter::new().expect("automaton")
        }
    }

    /// The list rule changes no answer: every labelled message it drops (and the prefilter
    /// without it let through), the classifier calls other with no review. So the scanner's
    /// kinds, review flags and the scores of what passes are what they were before it.
    #[test]
    fn the_list_rule_changes_no_answer_of_the_classifier() {
        let (pre, before) = (
            Prefilter::new().expect("automaton"),
            without_the_list_rule(),
        );
        let (mut dropped, mut changed) = (0, Vec::new());
        let all = labelled();
        for (file, _) in &all {
            let raw = std::fs::read(file).expect("eml");
            if pre.glance(&raw, &mut Vec::new()).hit || !before.glance(&raw, &mut Vec::new()).hit {
                continue;
            }
            dropped += 1;
            let full = bowout_core::ingest::analyze(&raw);
            if full.kind != bowout_core::ingest::Kind::Other || full.review {
                changed.push(format!(
                    "{}: {:?} {} review {}",
                    file.display(),
                    full.kind,
                    full.score,
                    full.review
                ));
            }
        }
        assert!(all.len() > 2000, "only {} labelled messages", all.len());
        assert!(
            dropped > 50,
            "the list rule dropped only {dropped} messages"
        );
        assert!(changed.is_empty(), "dropped, yet not other: {changed:#?}");
    }

    #[test]
    fn weak_words_do_not_let_mail_sent_to_a_list_through() {
        let personal = b"Subject: lunch?\r\n\r\nShall we talk over lunch on Friday?\r\n";
        let list = b"Subject: lunch?\r\nList-Id: <food.example>\r\n\r\nShall we talk over lunch on Friday?\r\n";
        assert!(glance(personal).hit);
        assert!(!glance(list).hit);
        let ats =
            b"Subject: Interview\r\nList-Unsubscribe: <mailto:u@ats.example>\r\n\r\nHello\r\n";
        assert!(glance(ats).hit, "a strong word passes mail sent to a list");
        let relayed = b"Subject: Marta sent you a message\r\nList-Unsubscribe: <mailto:u@social.example>\r\n\r\nAbout the vacancy: would a call on Friday suit you?\r\n";
        assert!(
            glance(relayed).hit,
            "a job and a conversation together pass mail sent to a list"
        );
    }

    #[test]
    fn finds_keywords_in_encoded_text_parts_only() {
        let raw = b"Subject: hi\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: application/pdf\r\n\r\ninterview\r\n--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\nSW50ZXJWSUVX\r\n--b--\r\n";
        assert!(glance(raw).hit, "base64 text part");
        let attachment_only = b"Subject: hi\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: application/pdf\r\n\r\ninterview\r\n--b--\r\n";
        assert!(!glance(attachment_only).hit, "attachments are not read");
    }

    #[test]
    fn subject_words_and_latin1_bodies() {
        assert!(glance(b"Subject: =?utf-8?B?SW50ZXJ2aWV3?=\n\nx").hit);
        assert!(glance(b"Subject: x\nContent-Type: text/plain; charset=iso-8859-1\n\nVorstellungsgespr\xe4ch").hit);
        assert!(!glance(b"Subject: your parcel\n\ntracking number 42").hit);
    }

    #[test]
    fn a_stub_plain_part_falls_back_to_html() {
        let alt = |plain: &str| {
            format!(
                "Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\n{plain}\n--b\nContent-Type: text/html\n\n<p>Phone INTERVIEW</p>\n--b--\n"
            )
        };
        assert!(glance(alt("View this email in your browser").as_bytes()).hit);
        assert!(
            !glance(alt(&"a real plain text part. ".repeat(40)).as_bytes()).hit,
            "HTML twin of a real plain part is skipped"
        );
    }

    #[test]
    fn notices_a_missing_closing_boundary() {
        let g =
            glance(b"Message-ID: <x@y>\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nhello");
        assert!(g.unterminated);
        assert_eq!(g.message_id.as_deref(), Some("x@y"));
    }
}
