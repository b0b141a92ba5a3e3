//! Small text helpers shared by the rules. No regex engine: the patterns are few and fixed,
//! and plain scanning keeps the crate light and the cost linear.

use crate::model::legal_form;

/// Collapses a header value to one trimmed line (folded headers, stray CR/LF, tabs).
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The longest prefix of `s` no longer than `max` bytes that ends on a char boundary.
pub fn cap(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// LF line ends, no-break and zero-width spaces made plain, trailing blanks removed.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split('\n') {
        let line: String =
            line.chars()
                .filter_map(|c| match c {
                    '\r' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{34f}'
                    | '\u{ad}' => None,
                    '\u{a0}' | '\u{2007}' | '\u{202f}' | '\t' => Some(' '),
                    c => Some(c),
                })
                .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Lower case with every character keeping its UTF-8 length, so that a byte offset found in
/// the result is a valid offset in `s` ("İ" lowercases to two characters and would shift
/// every offset after it). Characters whose lower case differs in length stay as written.
pub fn lower_same_len(s: &str) -> String {
    s.chars()
        .map(|c| {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(lc), None) if lc.len_utf8() == c.len_utf8() => lc,
                _ => c,
            }
        })
        .collect()
}

/// True when `hay` contains any of `needles`.
pub fn has_any(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| hay.contains(n))
}

/// Sentences and lines: split on line ends and on `.`, `!`, `?` followed by a space.
/// Good enough for "does this sentence both invite and mention an interview".
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        let bytes = line.as_bytes();
        for i in 0..bytes.len() {
            let end_mark = matches!(bytes[i], b'.' | b'!' | b'?');
            if end_mark && bytes.get(i + 1) == Some(&b' ') && !is_abbrev(&line[start..i]) {
                out.push(line[start..=i].trim());
                start = i + 1;
            }
        }
        let rest = line[start..].trim();
        if !rest.is_empty() {
            out.push(rest);
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// Words before a period that do not end a sentence (titles, initials, the abbreviated legal
/// forms of company names).
pub fn is_abbrev(before: &str) -> bool {
    let last = before.rsplit([' ', '(']).next().unwrap_or("");
    let l = last.to_ascii_lowercase();
    matches!(
        l.as_str(),
        "mr" | "ms" | "mrs" | "dr" | "st" | "req" | "no" | "e.g" | "i.e" | "vs" | "jr" | "sr"
    ) || legal_form::is_abbreviation(&l)
        || (last.len() == 1 && last.chars().all(|c| c.is_ascii_uppercase()))
}

/// Word-bounded search: `word` occurs in `hay` not inside a longer word.
pub fn has_word(hay: &str, word: &str) -> bool {
    let mut from = 0;
    while let Some(i) = hay[from..].find(word) {
        let at = from + i;
        let before_ok = hay[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = hay[at + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return true;
        }
        from = at + word.len().max(1);
        while from < hay.len() && !hay.is_char_boundary(from) {
            from += 1;
        }
        if from >= hay.len() {
            break;
        }
    }
    false
}

/// Upper-case first letter: the test for a proper noun in a signature or a list.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Title Case for text that was written ALL CAPS or all lower case; other text is kept.
pub fn tidy_case(s: &str) -> String {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = letters.iter().all(|c| c.is_uppercase());
    let all_lower = letters.iter().all(|c| c.is_lowercase());
    if letters.is_empty() || !(all_upper || all_lower) {
        return s.to_string();
    }
    let small = [
        "of", "and", "the", "for", "in", "to", "a", "an", "at", "on", "or",
    ];
    let roman = [
        "ii", "iii", "iv", "vp", "ai", "bi", "qa", "ui", "ux", "it", "hr", "ml",
    ];
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lw = w.to_lowercase();
            let core = lw.trim_matches(|c: char| !c.is_alphanumeric());
            if i > 0 && small.contains(&core) {
                lw
            } else if roman.contains(&core) && all_upper {
                w.to_string()
            } else {
                capitalize_word(&lw)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalize_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut up = true;
    for c in w.chars() {
        if up && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
        if c == '-' || c == '(' || c == '/' {
            up = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_on_stops_but_not_titles() {
        let s = sentences("Hi Dr. Stan. We would like to meet! Ok\nNext line");
        assert_eq!(
            s,
            vec!["Hi Dr. Stan.", "We would like to meet!", "Ok", "Next line"]
        );
    }

    #[test]
    fn word_bounds() {
        assert!(has_word("a signal chat", "signal"));
        assert!(!has_word("signalling", "signal"));
    }

    #[test]
    fn tidy_case_fixes_shouting_and_lowercase() {
        assert_eq!(tidy_case("DATA ANALYST (REMOTE)"), "Data Analyst (Remote)");
        assert_eq!(tidy_case("founding data analyst"), "Founding Data Analyst");
        assert_eq!(tidy_case("Data Analyst II"), "Data Analyst II");
    }

    #[test]
    fn lowering_keeps_offsets() {
        let s = "İ Req ID: é1";
        let l = lower_same_len(s);
        assert_eq!(l.len(), s.len());
        let at = l.find("req id").unwrap_or(0);
        assert_eq!(&s[at..at + 6], "Req ID");
    }

    #[test]
    fn cap_respects_char_boundaries() {
        assert_eq!(cap("zoë", 3), "zo");
    }
}
