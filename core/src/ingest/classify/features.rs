//! The words of a message as hashed features, beside the named rules: word and word-pair
//! features of the subject and the live text, and the first five letters of long words (so
//! that "entretien" and "entretiens", "Gespräch" and "Gesprächs" meet). Each distinct feature
//! counts once, and the hashed part of a message has length one, so a long mail does not
//! weigh more than a short one.

use super::signals::Signals;
use crate::fnv::Fnv;

/// Hash buckets of the word features. The model file says how many it was trained with.
pub const BUCKETS: u32 = 1 << 14;

/// One hashed feature with its value. Its text (for evidence) is rendered only when asked
/// for, by [`Words::token`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hashed {
    pub bucket: u32,
    pub value: f32,
    kind: Kind,
    /// The word (or the first word of a pair), an index into [`Words::spans`].
    word: u32,
}

/// What a feature is: a word of the subject or of the text, the first five letters of a
/// long word, or a pair of words.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Subject,
    Text,
    Prefix,
    SubjectPair,
    TextPair,
}

impl Kind {
    fn tag(self) -> &'static str {
        match self {
            Self::Subject => "s",
            Self::Text => "t",
            Self::Prefix => "p",
            Self::SubjectPair => "s2",
            Self::TextPair => "t2",
        }
    }
}

/// The hashed features of a message, sorted by bucket, each bucket once, and the words they
/// were read from.
pub struct Words {
    pub items: Vec<Hashed>,
    /// Every word, one after the other.
    text: String,
    /// Where each word lies in `text`.
    spans: Vec<(u32, u32)>,
}

impl Words {
    fn word(&self, i: u32) -> &str {
        self.spans
            .get(i as usize)
            .and_then(|&(a, b)| self.text.get(a as usize..b as usize))
            .unwrap_or("")
    }

    /// The feature's text as evidence shows it: `t:interview`, `p:entre`, `s2:phone screen`.
    pub fn token(&self, h: &Hashed) -> String {
        let w = self.word(h.word);
        match h.kind {
            Kind::Subject | Kind::Text => format!("{}:{w}", h.kind.tag()),
            Kind::Prefix => format!("p:{}", prefix(w)),
            Kind::SubjectPair | Kind::TextPair => {
                format!("{}:{w} {}", h.kind.tag(), self.word(h.word + 1))
            }
        }
    }
}

/// The hash bucket of a word feature.
fn bucket(h: Fnv) -> u32 {
    (h.value() % u64::from(BUCKETS)) as u32
}

#[cfg(test)]
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h = Fnv::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h = h.bytes(b"\x1f");
        }
        h = h.bytes(p.as_bytes());
    }
    h.value()
}

/// The first five letters of a word.
fn prefix(w: &str) -> &str {
    w.char_indices().nth(5).map_or(w, |(i, _)| &w[..i])
}

/// Appends the words of lowercased text to `out` and their spans to `spans`: runs of letters
/// and digits, each run of digits folded to one `0` (so that "9h30" and "14h00" are the same
/// word), and a word of digits repeated at once kept once.
fn words_into(text: &str, out: &mut String, spans: &mut Vec<(u32, u32)>) {
    let first = spans.len();
    let mut start = out.len();
    let close = |out: &mut String, start: &mut usize, spans: &mut Vec<(u32, u32)>| {
        if out.len() == *start {
            return;
        }
        let span = (*start as u32, out.len() as u32);
        let word = &out[*start..];
        let repeated = word.starts_with('0')
            && spans.len() > first
            && spans
                .last()
                .is_some_and(|&(a, b)| &out[a as usize..b as usize] == word);
        if repeated {
            out.truncate(*start);
        } else {
            spans.push(span);
        }
        *start = out.len();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !out[start..].ends_with('0') {
                out.push('0');
            }
        } else if c.is_alphanumeric() {
            out.push(c);
        } else {
            close(out, &mut start, spans);
        }
    }
    close(out, &mut start, spans);
}

/// The hashed features of a message, sorted by bucket, each bucket once.
pub fn hashed(s: &Signals<'_>) -> Words {
    of_texts(&s.subject, &s.live)
}

/// The hashed features of a lowercased subject and live text.
fn of_texts(subject: &str, live: &str) -> Words {
    let mut text = String::with_capacity(subject.len() + live.len());
    let mut spans: Vec<(u32, u32)> = Vec::new();
    let mut raw: Vec<Hashed> = Vec::new();
    let scopes = [
        (Kind::Subject, Kind::SubjectPair, subject),
        (Kind::Text, Kind::TextPair, live),
    ];
    for (kind, pair, scope_text) in scopes {
        let first = spans.len();
        words_into(scope_text, &mut text, &mut spans);
        let word = |i: usize| {
            let (a, b) = spans[i];
            &text[a as usize..b as usize]
        };
        let feature = |kind: Kind, word: usize, h: Fnv| Hashed {
            bucket: bucket(h),
            value: 0.0,
            kind,
            word: word as u32,
        };
        for i in first..spans.len() {
            let w = word(i);
            let h = Fnv::new().bytes(kind.tag().as_bytes()).bytes(b"\x1f");
            raw.push(feature(kind, i, h.bytes(w.as_bytes())));
            if w.chars().count() >= 7 {
                let h = Fnv::new().bytes(b"p\x1f").bytes(prefix(w).as_bytes());
                raw.push(feature(Kind::Prefix, i, h));
            }
        }
        for i in first..spans.len().saturating_sub(1) {
            let h = Fnv::new()
                .bytes(pair.tag().as_bytes())
                .bytes(b"\x1f")
                .bytes(word(i).as_bytes())
                .bytes(b" ")
                .bytes(word(i + 1).as_bytes());
            raw.push(feature(pair, i, h));
        }
    }
    raw.sort_by_key(|h| h.bucket);
    raw.dedup_by(|a, b| a.bucket == b.bucket);
    let value = if raw.is_empty() {
        0.0
    } else {
        1.0 / (raw.len() as f32).sqrt()
    };
    for h in &mut raw {
        h.value = value;
    }
    Words {
        items: raw,
        text,
        spans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let (mut out, mut spans) = (String::new(), Vec::new());
        words_into(text, &mut out, &mut spans);
        spans
            .iter()
            .map(|&(a, b)| out[a as usize..b as usize].to_string())
            .collect()
    }

    #[test]
    fn words_fold_digits_and_split_on_punctuation() {
        assert_eq!(
            words("2nd round: mardi 14h30, l'entretien"),
            ["0nd", "round", "mardi", "0h0", "l", "entretien"]
        );
        assert_eq!(words("call 555 1234 or 555"), ["call", "0", "or", "0"]);
        assert_eq!(words("a 1 1 b 1"), ["a", "0", "b", "0"]);
    }

    #[test]
    fn features_hash_the_words_they_show() {
        let words = of_texts("re: interview", "phone interview tuesday");
        let shown: Vec<String> = words.items.iter().map(|h| words.token(h)).collect();
        for want in [
            "s:re",
            "s:interview",
            "s2:re interview",
            "t:phone",
            "t2:phone interview",
            "t2:interview tuesday",
            "p:inter",
            "p:tuesd",
        ] {
            assert!(shown.iter().any(|s| s == want), "{want} not in {shown:?}");
        }
        for (h, token) in words.items.iter().zip(&shown) {
            let (kind, text) = token.split_once(':').expect("kind:text");
            let bucket = (fnv1a(&[kind, text]) % u64::from(BUCKETS)) as u32;
            assert_eq!(h.bucket, bucket, "{token}");
        }
        let value = 1.0 / (words.items.len() as f32).sqrt();
        assert!(words.items.iter().all(|h| h.value == value));
    }

    #[test]
    fn the_hash_is_stable() {
        assert_eq!(fnv1a(&["t", "interview"]), fnv1a(&["t", "interview"]));
        assert_ne!(fnv1a(&["t", "interview"]), fnv1a(&["s", "interview"]));
        assert_eq!(fnv1a(&[""]), 0xcbf2_9ce4_8422_2325);
    }
}
