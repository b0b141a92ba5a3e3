//! The job title: "Job Title: X", "the position of X", "the X role/position/opening",
//! "screen for X", then the subject. A candidate must contain a job word (analyst,
//! engineer…), which keeps team names and slogans out.

use super::ranker::{JOB_TITLE_MODEL, Ranker};
use super::title_candidates::{self, FEATURES};
use super::title_shape::{drop_asides, drop_shouting, has_head, job_nouns};
use super::title_subject::from_subject;
use crate::ingest::read::mail::MailView;
use crate::ingest::read::text::{is_abbrev, lower_same_len, tidy_case};
use crate::model::{JobTitle, legal_form};
use std::sync::LazyLock;

/// The learned job-title ranker.
static TITLE: LazyLock<Ranker> = LazyLock::new(|| Ranker::new(&JOB_TITLE_MODEL, FEATURES));

#[rustfmt::skip]
const LABELS: &[&str] = &[
    "job title:", "position title:", "position:", "role:", "title:", "puesto:", "stelle:",
    "stellenbezeichnung:", "poste :", "poste:", "post:", "post title:", "vacancy:",
    "vacancy title:",
];
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "our", "a", "an", "your", "this", "that", "its", "their", "open", "for", "to", "as",
    "in",
];
/// A noun and "of" before a title: "the position of Budget Analyst".
const NOUN_OF: &[&str] = &["position of ", "post of ", "role of "];
/// Cues a title follows, after those of [`NOUN_OF`].
#[rustfmt::skip]
const FORWARD: &[&str] = &[
    "calling the role ", "the role is called ", "screen for ", "interview for ", "round for ",
    "hire our first ", "hiring our first ", "puesto de ", "vacante de ", "position als ",
    "stelle als ", "poste de ", "poste d'",
];

/// The job title: the candidate the learned ranker finds most likely, among them what the
/// rules below choose.
pub fn find(view: &MailView) -> Option<JobTitle> {
    let rule = by_rules(view);
    let cands = title_candidates::collect(view, rule.as_ref().map(JobTitle::as_str));
    TITLE.best(cands.into_iter().map(|c| (c.title, c.features)))
}

/// Every candidate of the mail with its features, for training (`core/examples/fields.rs`).
pub fn training_candidates(view: &MailView) -> Vec<title_candidates::TitleCand> {
    let rule = by_rules(view);
    title_candidates::collect(view, rule.as_ref().map(JobTitle::as_str))
}

/// What the hand-written rules choose: a labelled line, a noun phrase, a cue, the subject.
fn by_rules(view: &MailView) -> Option<JobTitle> {
    let texts = [
        view.newest.as_str(),
        view.forwarded.as_ref().map_or("", |f| f.body.as_str()),
    ];
    let found = texts
        .iter()
        .find_map(|t| labeled(t).or_else(|| backward(t)).or_else(|| forward(t)))
        .or_else(|| from_subject(&view.subject))
        .or_else(|| {
            labeled(&view.quoted)
                .or_else(|| backward(&view.quoted))
                .or_else(|| forward(&view.quoted))
        })?;
    JobTitle::parse(&tidy_case(&drop_asides(drop_shouting(&found)))).ok()
}

fn labeled(text: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let t = line.trim();
        let lower = lower_same_len(t);
        LABELS
            .iter()
            .find_map(|l| {
                lower.starts_with(l).then(|| {
                    t[l.len()..]
                        .trim()
                        .trim_start_matches('|')
                        .trim()
                        .to_string()
                })
            })
            .filter(|v| !v.is_empty() && v.len() < 100)
    })
}

fn forward(text: &str) -> Option<String> {
    let lower = lower_same_len(text);
    for cue in NOUN_OF.iter().chain(FORWARD) {
        let mut from = 0;
        while let Some(i) = lower[from..].find(cue) {
            let start = from + i + cue.len();
            from = start;
            let rest = &text[start..];
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            let rest_lower = lower_same_len(rest);
            let end = [
                " with ", " at ", " for ", " in ", " chez ", " bei ", " en ", ", job", ". ", ".\n",
                "\n", "!", " 🎮",
            ]
            .iter()
            .filter_map(|s| rest_lower.find(s))
            .filter(|&e| rest.is_char_boundary(e))
            // "Desarrollador Backend Sr. en": an abbreviation's period ends nothing.
            .filter(|&e| !(rest[e..].starts_with('.') && is_abbrev(&rest[..e])))
            .min()
            // At most 100 bytes, cut on a character boundary.
            .unwrap_or(rest.floor_char_boundary(100));
            let cand = run_title(&rest[..end]);
            if has_head(&cand) {
                return Some(cand);
            }
        }
    }
    None
}

/// Keeps capitalised words, joiners and parenthesised parts; stops at other lower-case text.
fn run_title(s: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    // "interview for your Staff Engineer application": the determiner is no part of it.
    let s = ["your ", "the ", "our ", "this ", "a ", "an "]
        .iter()
        .find_map(|d| s.strip_prefix(d))
        .unwrap_or(s);
    // "interview for selection process 26-TCC-EA-0417 - Junior Data Analyst": the process
    // and its number come first.
    let lower = lower_same_len(s);
    let s = [
        "selection process ",
        "processus de sélection ",
        "competition ",
    ]
    .iter()
    .find(|p| lower.starts_with(*p))
    .and_then(|_| s.split_once(" - ").map(|(_, t)| t))
    .unwrap_or(s);
    // "interview for the post of Research Operations Manager": the noun is no part of it.
    let s = NOUN_OF.iter().find_map(|d| s.strip_prefix(d)).unwrap_or(s);
    for w in s.split_whitespace().take(10) {
        // "(Posting 2025-0388)": an identifier in parentheses ends the title.
        if w.starts_with('(') && w.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        if w.starts_with('(')
            && ["(posting", "(req", "(ref", "(job", "(id"]
                .iter()
                .any(|l| w.to_lowercase().starts_with(l))
        {
            break;
        }
        let core = w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.'));
        let cap = core
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let joiner = matches!(
            core,
            "&" | "/" | "of" | "and" | "-" | "–" | "de" | "y" | "und"
        );
        if cap || joiner || core.chars().all(|c| !c.is_alphanumeric()) && !core.is_empty() {
            words.push(w);
        } else if words.is_empty() && core.chars().all(|c| c.is_lowercase()) {
            words.push(w); // a title written in lower case ("founding data analyst")
        } else if words.iter().all(|w| w.chars().all(|c| !c.is_uppercase()))
            && core.chars().all(|c| c.is_lowercase())
        {
            words.push(w);
        } else {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| matches!(*w, "&" | "/" | "of" | "and" | "de" | "y" | "und" | "-"))
    {
        words.pop();
    }
    let joined = words.join(" ");
    // "Desarrollador Backend Sr.", "… Tailspin Toys Inc.": the period of an abbreviation stays.
    let abbrev = ["sr.", "jr."]
        .iter()
        .any(|a| joined.to_lowercase().ends_with(&format!(" {a}")))
        || joined
            .rsplit_once(' ')
            .is_some_and(|(_, w)| w.ends_with('.') && legal_form::is_abbreviation(w));
    if abbrev {
        joined.trim_end_matches([',', ':']).to_string()
    } else {
        joined.trim_end_matches([',', '.', ':']).to_string()
    }
}

fn backward(text: &str) -> Option<String> {
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        for (j, _) in job_nouns(&words) {
            let mut phrase = Vec::new();
            let mut k = j;
            let mut closed = false;
            while k > 0 && phrase.len() < 8 {
                k -= 1;
                let prev = words[k];
                if DETERMINERS.contains(&prev.to_lowercase().as_str()) {
                    closed = true;
                    break;
                }
                if prev.ends_with("'s")
                    || prev.ends_with("’s")
                    || prev.ends_with('.')
                    || prev.ends_with(':')
                {
                    closed = true;
                    break;
                }
                phrase.push(prev);
            }
            phrase.reverse();
            let cand = phrase.join(" ");
            let all_cap = phrase.iter().all(|p| {
                p.chars().next().is_some_and(|c| !c.is_lowercase())
                    || matches!(*p, "&" | "/" | "of" | "and")
            });
            if !phrase.is_empty()
                && (closed || all_cap)
                && has_head(&cand)
                && (all_cap || phrase.iter().all(|p| p.chars().all(|c| !c.is_uppercase())))
            {
                return Some(cand.trim_end_matches(',').to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_names_only_features_the_candidates_have() {
        assert!(Ranker::unknown_features(&JOB_TITLE_MODEL, FEATURES).is_empty());
    }

    #[test]
    fn title_shapes() {
        assert_eq!(
            backward("interest in the Senior Data Analyst role here").as_deref(),
            Some("Senior Data Analyst")
        );
        assert_eq!(
            backward("applying to our Senior Analyst, Risk Analytics position (JR-1)").as_deref(),
            Some("Senior Analyst, Risk Analytics")
        );
        assert_eq!(
            backward("thru our process for the founding data analyst role, i know").as_deref(),
            Some("founding data analyst")
        );
        assert_eq!(
            forward("for the position of Budget & Data Analyst, Job Number 25-0173").as_deref(),
            Some("Budget & Data Analyst")
        );
        assert_eq!(backward("about the role, your experience"), None);
    }
}
