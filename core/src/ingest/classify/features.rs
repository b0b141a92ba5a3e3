//! The words of a message as hashed features, beside the named rules: word and word-pair
//! features of the subject and the live text, and the first five letters of long words (so
//! that "entretien" and "entretiens", "Gespräch" and "Gesprächs" meet). Each distinct feature
//! counts once, and the hashed part of a message has length one, so a long mail does not
//! weigh more than a short one.

use super::signals::Signals;

/// Hash buckets of the word features. The model file says how many it was trained with.
pub const BUCKETS: u32 = 1 << 14;

/// One hashed feature with its value, and the text it came from (for evidence).
#[derive(Debug, Clone, PartialEq)]
pub struct Hashed {
    pub bucket: u32,
    pub value: f32,
    pub token: String,
}

/// FNV-1a, 64 bits: stable across builds and platforms.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= u64::from(b'\x1f');
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Words of lowercased text: runs of letters and digits, each run of digits folded to one
/// `0` (so that "9h30" and "14h00" are the same word).
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !cur.ends_with('0') {
                cur.push('0');
            }
        } else if c.is_alphanumeric() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.dedup_by(|a, b| a == b && a.starts_with('0'));
    out
}

fn add(out: &mut Vec<(u32, String)>, kind: &str, token: String) {
    let bucket = (fnv1a(&[kind, &token]) % u64::from(BUCKETS)) as u32;
    out.push((bucket, format!("{kind}:{token}")));
}

/// The hashed features of a message, sorted by bucket, each bucket once.
pub fn hashed(s: &Signals<'_>) -> Vec<Hashed> {
    let mut raw: Vec<(u32, String)> = Vec::new();
    for (scope, text) in [("s", s.subject.as_str()), ("t", s.live.as_str())] {
        let ws = words(text);
        for w in &ws {
            add(&mut raw, scope, w.clone());
            if w.chars().count() >= 7 {
                add(&mut raw, "p", w.chars().take(5).collect());
            }
        }
        for pair in ws.windows(2) {
            add(
                &mut raw,
                &format!("{scope}2"),
                format!("{} {}", pair[0], pair[1]),
            );
        }
    }
    raw.sort_by_key(|a| a.0);
    raw.dedup_by(|a, b| a.0 == b.0);
    let value = if raw.is_empty() {
        0.0
    } else {
        1.0 / (raw.len() as f32).sqrt()
    };
    raw.into_iter()
        .map(|(bucket, token)| Hashed {
            bucket,
            value,
            token,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_digits_and_split_on_punctuation() {
        assert_eq!(
            words("2nd round: mardi 14h30, l'entretien"),
            ["0nd", "round", "mardi", "0h0", "l", "entretien"]
        );
    }

    #[test]
    fn the_hash_is_stable() {
        assert_eq!(fnv1a(&["t", "interview"]), fnv1a(&["t", "interview"]));
        assert_ne!(fnv1a(&["t", "interview"]), fnv1a(&["s", "interview"]));
        assert_eq!(fnv1a(&[""]), 0xcbf2_9ce4_8422_2325);
    }
}
