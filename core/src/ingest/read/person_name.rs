//! Telling a person's name from a company, a job title or a weekday, and tying names to
//! addresses (`kendra.oyelaran@…` belongs to "Kendra Oyelaran", `tnakamura-price@…` to
//! "Theo Nakamura-Price").

use super::text::is_capitalized;
use crate::ingest::lexicon::{CALENDAR, DEPARTMENT_SUFFIXES, NOT_NAME, ROLE_WORDS};
use crate::model::legal_form;

#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "de", "van", "von", "da", "del", "la", "le", "der", "di", "du", "bin", "al", "ó", "ní", "uí",
    "nic", "dos", "das", "do", "ten", "ter",
];
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "mr.", "ms.", "mrs.", "dr.", "mr", "ms", "mrs", "dr", "prof.", "miss", "sr.", "sra.",
    "srta.", "frau", "herr", "herrn", "mme", "mme.",
];

/// Words of a date that may follow a name without being part of it ("meet Wen Li Tuesday").
fn is_date_word(w: &str) -> bool {
    CALENDAR.contains(&w) || matches!(w, "today" | "tomorrow")
}

/// Strips what senders add around a person's display name: `Maya (Acme)`, `Sunniva at Acme`,
/// `Ann via ProLink`, `Ann | Acme`. Returns the person part if it looks like a name.
pub fn person_from_display(display: &str) -> Option<String> {
    let mut s = display.trim().to_string();
    if let Some(i) = s.find('(') {
        s.truncate(i);
    }
    for sep in [" at ", " via ", " from ", " | ", " - ", " – ", ", "] {
        if let Some(i) = s.find(sep) {
            s.truncate(i);
        }
    }
    let s = strip_honorific(s.trim());
    looks_like_person(&s).then_some(s)
}

pub fn strip_honorific(s: &str) -> String {
    let mut words: Vec<&str> = s.split_whitespace().collect();
    while words
        .first()
        .is_some_and(|w| HONORIFICS.contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    words.join(" ")
}

/// Two to four words, each capitalised (particles aside), none of them a role, a weekday,
/// a department or a tool. "Wen Li" yes; "Data Engineer", "Google Meet" no.
pub fn looks_like_person(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    let mut caps = 0;
    for w in &words {
        let lw = w.to_lowercase();
        if PARTICLES.contains(&lw.as_str()) {
            continue;
        }
        let core = lw.trim_matches(|c: char| c == '.' || c == ',');
        if NOT_NAME.contains(&core)
            || CALENDAR.contains(&core)
            || ROLE_WORDS.contains(&core)
            || legal_form::is_legal_form(core)
        {
            return false;
        }
        if DEPARTMENT_SUFFIXES.contains(&core) {
            return false;
        }
        let letters_ok = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        if !letters_ok || !is_capitalized(w) || w.chars().filter(|c| c.is_alphabetic()).count() < 2
        {
            return false;
        }
        // "US Central", "NHS Digital": an acronym is no given name or surname.
        if w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
            return false;
        }
        caps += 1;
    }
    caps >= 2
}

/// ASCII fold for matching names to addresses: é → e, ß → ss.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.to_lowercase().chars() {
        match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => out.push('o'),
            'ú' | 'ù' | 'û' | 'ü' => out.push('u'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// True when an address's local part is built from this name: `first.last`, `flast`,
/// `first`, `last`, `first_last`…
pub fn name_matches_local(name: &str, local: &str) -> bool {
    let local = fold(local).replace(['.', '_', '-', '+'], "");
    let parts: Vec<String> = name
        .split_whitespace()
        .map(|p| fold(p).replace(['-', '\'', '’', '.'], ""))
        .filter(|p| !p.is_empty())
        .collect();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    if local.len() < 3 {
        return false;
    }
    let initial = first.chars().next().map(String::from).unwrap_or_default();
    // The last name's first letter, whole: a byte slice would cut "Ö" in half.
    let last_initial = last.chars().next().map(String::from).unwrap_or_default();
    (last.len() >= 3 && local.contains(last.as_str()))
        || local == *first
        || local.starts_with(&format!("{first}{last_initial}"))
        || local == format!("{initial}{last}")
}

/// Capitalised runs of 2–4 words in a line that look like people, with the bytes of the line
/// they span, an opening parenthesis included (the name itself is spaced anew and may be
/// shorter than its span: "Bertrand Féval" written with a no-break space, "(Wen Li").
pub fn names_in(line: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let tokens: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        let mut best = None;
        for len in (2..=3).rev() {
            if i + len > tokens.len() {
                continue;
            }
            let words: Vec<&str> = tokens[i..i + len].iter().map(|(_, w)| *w).collect();
            let last = words[len - 1];
            let trimmed_last = last.trim_end_matches([',', '.', ';', ':', ')', '!', '?']);
            let inner_punct = words[..len - 1].iter().any(|w| {
                w.ends_with([',', ';', ':', ')', '!', '?'])
                    || (w.ends_with('.')
                        && w.len() > 2
                        && !HONORIFICS.contains(&w.to_lowercase().as_str()))
            });
            let candidate = format!("{} {}", words[..len - 1].join(" "), trimmed_last);
            let candidate = candidate.trim_start_matches('(').to_string();
            // A name starts with a capital ("Bram de Wit", not "la Sra. Carmen"), and an
            // honorific only comes first.
            let head_ok = is_capitalized(&candidate)
                && !words[1..]
                    .iter()
                    .any(|w| HONORIFICS.contains(&w.to_lowercase().as_str()));
            if !inner_punct && head_ok && looks_like_person(&candidate) {
                best = Some((len, candidate));
                break;
            }
        }
        match best {
            Some((len, _)) if continues_proper_noun(&tokens, i + len) => {
                // "Ashgrove County Health System": the pair is the head of a longer name.
                i += len;
                while tokens.get(i).is_some_and(|(_, w)| is_capitalized(w)) {
                    i += 1;
                }
            }
            Some((len, name)) => {
                let start = tokens[i].0;
                let (last_at, last) = tokens[i + len - 1];
                let end = last_at
                    + last
                        .trim_end_matches([',', '.', ';', ':', ')', '!', '?'])
                        .len();
                out.push((start..end, name));
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// True when the token at `next` carries on a capitalised run: the words before it were not
/// closed by punctuation and it is itself capitalised (a weekday or month aside).
fn continues_proper_noun(tokens: &[(usize, &str)], next: usize) -> bool {
    let (Some((_, prev)), Some((_, w))) = (tokens.get(next.wrapping_sub(1)), tokens.get(next))
    else {
        return false;
    };
    let closed = prev.ends_with(|c: char| !c.is_alphanumeric());
    let core = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    !closed && is_capitalized(w) && !is_date_word(&core)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names() {
        assert_eq!(
            person_from_display("Siobhán Ó Briain").as_deref(),
            Some("Siobhán Ó Briain")
        );
        assert_eq!(
            person_from_display("Maya Castellanos (Northwind Analytics)").as_deref(),
            Some("Maya Castellanos")
        );
        assert_eq!(
            person_from_display("Sunniva Okafor at Cobaltline").as_deref(),
            Some("Sunniva Okafor")
        );
        assert_eq!(person_from_display("Halvorsen Mutual Careers"), None);
        assert_eq!(
            person_from_display("City of Marrowgate Human Resources"),
            None
        );
    }

    #[test]
    fn names_match_addresses() {
        assert!(name_matches_local("Kendra Oyelaran", "kendra.oyelaran"));
        assert!(name_matches_local("Theo Nakamura-Price", "tnakamura-price"));
        assert!(name_matches_local(
            "Élodie Gagné-Tremblay",
            "elodie.gagne-tremblay"
        ));
        assert!(name_matches_local("Gemma Saldana", "gsaldana"));
        assert!(!name_matches_local("Gemma Saldana", "support"));
    }

    #[test]
    fn finds_names_in_lines() {
        let n = names_in("with two engineers, Farah Qureshi and Tomasz Wielgosz.");
        let names: Vec<&str> = n.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(names, vec!["Farah Qureshi", "Tomasz Wielgosz"]);
        assert!(names_in("a career with Ashgrove County Health System.").is_empty());
        let n = names_in("meet Wen Li Tuesday");
        assert_eq!(n[0].1, "Wen Li");
    }

    #[test]
    fn a_name_s_span_is_the_line_s_bytes_whatever_the_spaces() {
        let line = "avec (Bertrand\u{a0}Féval, Directeur), et Sonia  Kaddour.";
        for (span, name) in names_in(line) {
            let written: Vec<&str> = line[span]
                .trim_start_matches('(')
                .split_whitespace()
                .collect();
            assert_eq!(written.join(" "), name);
        }
    }
}
