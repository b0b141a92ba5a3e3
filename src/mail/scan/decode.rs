//! Just enough decoding for the prefilter: base64 and quoted-printable bodies, and RFC 2047
//! encoded words in a Subject. Tolerant by design: bad input decodes to something shorter,
//! never to an error, because the full parser gets the last word on anything that matches.

/// Appends the base64 decoding of `input` to `out`, skipping line breaks and junk, stopping
/// once `out` holds `cap` bytes.
pub fn base64_into(input: &[u8], out: &mut Vec<u8>, cap: usize) {
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &b in input {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            if out.len() >= cap {
                return;
            }
        }
    }
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Appends the quoted-printable decoding of `input` (soft line breaks joined), up to `cap`.
/// With `underscore_space`, `_` is a space (the RFC 2047 "Q" encoding).
pub fn qp_into(input: &[u8], out: &mut Vec<u8>, cap: usize, underscore_space: bool) {
    let mut i = 0;
    while i < input.len() && out.len() < cap {
        // Copy the run up to the next `=` (or `_`) in one go: most of a QP body is literal.
        let run_end = if underscore_space {
            memchr::memchr2(b'=', b'_', &input[i..])
        } else {
            memchr::memchr(b'=', &input[i..])
        }
        .map_or(input.len(), |k| i + k);
        if run_end > i {
            let take = (run_end - i).min(cap - out.len());
            out.extend_from_slice(&input[i..i + take]);
            i += take;
            continue;
        }
        let b = input[i];
        if b == b'=' {
            match (input.get(i + 1), input.get(i + 2)) {
                (Some(b'\r'), Some(b'\n')) => i += 3,
                (Some(b'\n'), _) => i += 2,
                (Some(&h), Some(&l)) => match (hex(h), hex(l)) {
                    (Some(h), Some(l)) => {
                        out.push(h << 4 | l);
                        i += 3;
                    }
                    _ => {
                        out.push(b'=');
                        i += 1;
                    }
                },
                _ => {
                    out.push(b'=');
                    i += 1;
                }
            }
        } else {
            out.push(if underscore_space && b == b'_' {
                b' '
            } else {
                b
            });
            i += 1;
        }
    }
}

/// Decodes `=?charset?B|Q?text?=` words in a header value (charset ignored: the prefilter
/// only needs the ASCII and UTF-8 bytes of the keywords).
pub fn encoded_words_into(value: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < value.len() {
        if value[i] == b'='
            && value.get(i + 1) == Some(&b'?')
            && let Some(word) = encoded_word(&value[i..], out)
        {
            i += word;
            continue;
        }
        out.push(value[i]);
        i += 1;
    }
}

/// Decodes one encoded word at the start of `s`; returns its length.
fn encoded_word(s: &[u8], out: &mut Vec<u8>) -> Option<usize> {
    let q1 = 2 + memchr::memchr(b'?', &s[2..])?;
    let enc = *s.get(q1 + 1)?;
    if s.get(q1 + 2) != Some(&b'?') {
        return None;
    }
    let start = q1 + 3;
    let end = start + memchr::memmem::find(&s[start..], b"?=")?;
    match enc {
        b'B' | b'b' => base64_into(&s[start..end], out, usize::MAX),
        b'Q' | b'q' => qp_into(&s[start..end], out, usize::MAX, true),
        _ => return None,
    }
    Some(end + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64_qp_and_words() {
        let mut out = Vec::new();
        base64_into(b"aW50ZXJ2\r\naWV3", &mut out, 100);
        assert_eq!(out, b"interview");
        out.clear();
        qp_into(b"Vorstellungsgespr=C3=A4ch=\r\n ok", &mut out, 100, false);
        assert_eq!(String::from_utf8_lossy(&out), "Vorstellungsgespräch ok");
        out.clear();
        encoded_words_into(
            b"Re: =?UTF-8?B?aW50ZXJ2aWV3?= and =?utf-8?Q?a_b?=",
            &mut out,
        );
        assert_eq!(out, b"Re: interview and a b");
    }

    #[test]
    fn tolerates_junk() {
        let mut out = Vec::new();
        encoded_words_into(b"=?x?Z?bad?= =?", &mut out);
        qp_into(b"=", &mut out, 10, false);
        base64_into(b"!!!", &mut out, 10);
        assert!(!out.is_empty());
    }
}
