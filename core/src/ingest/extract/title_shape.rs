//! What a job title looks like: a head noun (analyst, engineer…), and what the text puts
//! around a title that is no part of it: a shouted prefix, an identifier or the hours in
//! parentheses.

use crate::ingest::lexicon::TITLE_HEADS;
use crate::ingest::read::text::{has_word, lower_same_len};

/// "URGENT!! Healthcare Admin Assistant", "HIRING NOW: …": a shouted prefix is no part of
/// the title.
pub fn drop_shouting(title: &str) -> &str {
    let lower = lower_same_len(title);
    for word in [
        "urgent",
        "hiring now",
        "now hiring",
        "immediate start",
        "immediate",
    ] {
        if let Some(rest) = lower.strip_prefix(word) {
            let tail = rest.trim_start_matches(['!', ':', '-', '–', ' ']);
            if tail.len() < rest.len() && !tail.is_empty() {
                return &title[title.len() - tail.len()..];
            }
        }
    }
    title
}

/// Nouns a title stands before ("the Data Analyst role").
#[rustfmt::skip]
const JOB_NOUNS: &[&str] = &[
    "role", "position", "opening", "job", "vacancy", "posting", "opportunity", "req",
    "requisition",
];

/// The positions in a line's `words` of the nouns a title stands before, after the first
/// word, with each noun as written in lower case.
pub fn job_nouns(words: &[&str]) -> Vec<(usize, String)> {
    words
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(j, w)| {
            let core = w
                .trim_end_matches([',', '.', '!', '?', ';', ':', ')'])
                .to_lowercase();
            JOB_NOUNS.contains(&core.as_str()).then_some((j, core))
        })
        .collect()
}

/// True when `phrase` names a job: it contains a head noun as a word.
pub fn has_head(phrase: &str) -> bool {
    let l = phrase.to_lowercase();
    TITLE_HEADS.iter().any(|h| has_word(&l, h))
}

/// Drops parentheses that are not part of the title: an identifier ("(Posting ID: 0624571)",
/// "(ID: 3317)") or the hours ("(Part Time / Full Time)"). A gender marker ("(m/w/d)"),
/// a level or a place ("(Entry Level)", "(Remote)") stays.
pub fn drop_asides(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = rest[open + 1..close].to_lowercase();
        let aside = inner.chars().any(|c| c.is_ascii_digit())
            || ["id", "req", "ref", "posting", "job"]
                .iter()
                .any(|l| inner.starts_with(l) && inner[l.len()..].starts_with([':', ' ', '#']))
            || [
                "full time",
                "full-time",
                "part time",
                "part-time",
                "contract",
                "temporary",
                "permanent",
                "fixed-term",
                "no experience",
                "experience needed",
            ]
            .iter()
            .any(|h| inner.contains(h));
        out.push_str(&rest[..if aside { open } else { close + 1 }]);
        rest = &rest[close + 1..];
    }
    // A parenthesis the text cut before it closed ("Coordinador/a (Ref") is dropped whole.
    let rest = rest.split_once('(').map_or(rest, |(before, _)| before);
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asides() {
        assert_eq!(
            drop_asides("Research Software Engineer (Posting ID: 0624571)"),
            "Research Software Engineer"
        );
        assert_eq!(
            drop_asides("Data Analyst (Remote)"),
            "Data Analyst (Remote)"
        );
    }
}
