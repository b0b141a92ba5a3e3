//! What the employer ranker knows of a candidate organisation: where it was found (the
//! sources of [`super::org_candidates`], the sender's domain, a forward's domain), how the
//! hand-written weights rank it, what its name looks like, and its words hashed.

use super::org_candidates::Cand;
use super::ranker::encode;
use super::title_shape::has_head;
use crate::ingest::lexicon::{AGENCY_WORDS, CALENDAR, DEPARTMENT_SUFFIXES, ROLE_WORDS};
use crate::ingest::read::text::has_any;
use crate::model::legal_form;

/// The named features, in the order of their indices; hashed words follow them.
#[rustfmt::skip]
pub const FEATURES: &[&str] = &[
    "display", "signature", "signature_domain", "forward_signature", "cue_at", "cue_with",
    "cue_join", "cue_interest", "cue_over", "cue_client", "cue_here_at", "cue_from", "cue_chez",
    "cue_bei", "cue_en", "cue_bij", "cue_na", "cue_da", "cue_presso", "cue_por", "cue_von",
    "cue_de", "subject", "subject_after", "in_domain", "forward_domain", "sender",
    "rules_pick", "weight_high", "weight_mid", "weight_low", "seen_twice", "seen_thrice",
    "agency_mail", "agency_like", "legal_form", "words_1", "words_2", "words_3_plus",
    "all_caps", "in_text", "in_subject", "role_word", "title_head", "calendar_word",
    "has_digit", "forwarded_mail", "text_run", "variant_no_form", "variant_no_head",
    "variant_no_tail", "variant_first_part",
];

/// What the whole message says, the same for every candidate.
pub struct Context<'a> {
    pub live_lower: &'a str,
    pub subject_lower: &'a str,
    pub agency_mail: bool,
    pub forwarded: bool,
}

/// The features of one candidate group; `rules_pick` when the hand-written weights choose it.
pub fn of(
    g: &Cand,
    variant: Option<&'static str>,
    rules_pick: bool,
    ctx: &Context<'_>,
) -> Vec<(u32, f32)> {
    let mut on: Vec<&str> = g.sources.clone();
    on.extend(variant);
    let lower = g.name.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let mut distinct = g.sources.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let facts = [
        ("sender", g.sender),
        ("rules_pick", rules_pick),
        ("weight_high", g.weight >= 5.0),
        ("weight_mid", (2.5..5.0).contains(&g.weight)),
        ("weight_low", g.weight < 2.5),
        ("seen_twice", g.sources.len() >= 2),
        ("seen_thrice", distinct.len() >= 3),
        ("agency_mail", ctx.agency_mail),
        ("agency_like", has_any(&lower, AGENCY_WORDS)),
        (
            "legal_form",
            g.name.split_whitespace().any(legal_form::is_legal_form),
        ),
        ("words_1", words.len() == 1),
        ("words_2", words.len() == 2),
        ("words_3_plus", words.len() >= 3),
        (
            "all_caps",
            g.name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase),
        ),
        ("in_text", ctx.live_lower.contains(&lower)),
        ("in_subject", ctx.subject_lower.contains(&lower)),
        ("role_word", words.iter().any(|w| ROLE_WORDS.contains(w))),
        ("title_head", has_head(&g.name)),
        ("calendar_word", words.iter().any(|w| CALENDAR.contains(w))),
        ("has_digit", g.name.chars().any(|c| c.is_ascii_digit())),
        ("forwarded_mail", ctx.forwarded),
    ];
    on.extend(facts.iter().filter(|(_, v)| *v).map(|(k, _)| *k));
    let mut hashed: Vec<String> = words.iter().map(|w| format!("word:{w}")).collect();
    if let Some(last) = words.last() {
        hashed.push(format!("last:{last}"));
    }
    encode(FEATURES, &on, &hashed)
}

/// Words that may lead a company's name in running text without being part of it.
#[rustfmt::skip]
const LEADING: &[&str] = &[
    "chez", "bei", "kunden", "kunde", "team", "équipe", "equipe", "selección", "seleção",
    "vacante", "vaga", "client", "cliente", "bij", "presso", "at", "join",
];

/// Other spellings of a candidate's name, each with the feature that names how it was made:
/// without its legal form, without a leading department or initials ("HR Hotel Navigli"),
/// without a trailing department ("Red Ochre Resources Talent"), its first part ("BlockNova
/// Digital - Dubai").
pub fn variants(name: &str) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    if let Some(short) = legal_form::strip(name) {
        out.push((short.trim_end_matches(',').to_string(), "variant_no_form"));
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() >= 2 {
        let first = words[0];
        let initials = first.len() <= 4 && first.chars().all(|c| c.is_uppercase() || c == '.');
        let lower = first.to_lowercase();
        let department = DEPARTMENT_SUFFIXES.contains(&lower.as_str())
            || ROLE_WORDS.contains(&lower.as_str())
            || LEADING.contains(&lower.as_str());
        if initials || department {
            out.push((words[1..].join(" "), "variant_no_head"));
        }
    }
    if words.len() >= 3 {
        let last = words[words.len() - 1].to_lowercase();
        if DEPARTMENT_SUFFIXES.contains(&last.as_str()) || ROLE_WORDS.contains(&last.as_str()) {
            out.push((words[..words.len() - 1].join(" "), "variant_no_tail"));
        }
    }
    for sep in [" - ", " – ", " · ", " | ", ", "] {
        if let Some((head, _)) = name.split_once(sep)
            && head.split_whitespace().count() >= 1
            && head.len() >= 3
        {
            out.push((head.to_string(), "variant_first_part"));
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::variants;

    #[test]
    fn a_name_is_also_offered_without_what_surrounds_it_in_mail() {
        let names = |s: &str| variants(s).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert!(names("Granton Diagnostics Ltd").contains(&"Granton Diagnostics".to_string()));
        assert!(names("HR Hotel Navigli Palace").contains(&"Hotel Navigli Palace".to_string()));
        assert!(names("Chez Moka & Co").contains(&"Moka & Co".to_string()));
        assert!(names("Red Ochre Resources Talent").contains(&"Red Ochre Resources".to_string()));
        assert!(names("BlockNova Digital - Dubai").contains(&"BlockNova Digital".to_string()));
        assert!(variants("Acme").is_empty());
    }
}
