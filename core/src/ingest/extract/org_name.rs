//! Text shapes of organisation names.

use crate::ingest::lexicon::{DEPARTMENT_SUFFIXES, INTERVIEW, ROLE_WORDS, TITLE_HEADS};
use crate::ingest::read::person_name::fold;
use crate::ingest::read::text::{has_any, lower_same_len};
use crate::model::legal_form;

/// Words that may sit inside a company name in lower case.
#[rustfmt::skip]
pub const ORG_JOINERS: &[&str] = &[
    "&", "of", "and", "de", "la", "y", "und", "für", "the", "del", "do", "da", "dos", "das", "du",
    "des", "di", "della", "van", "der", "den", "et", "e",
];
/// Capitalised words that end a company name rather than continue it.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "I", "We", "You", "The", "Our", "Your", "Please", "Thank", "Thanks", "Hi", "Dear", "If", "As",
    "This", "It", "Congratulations", "Hello", "Hey", "Hola", "Olá", "Bonjour", "Hallo", "Guten",
    "Ciao", "Buongiorno", "Beste", "Soy", "Sie", "Ihre", "Ihr", "Wir", "Nous", "Vous",
];

/// Drops department suffixes and trailing punctuation: `Acme Human Resources` → `Acme`.
pub fn clean_org(s: &str) -> String {
    let mut s = s
        .trim()
        .trim_matches(|c: char| {
            matches!(
                c,
                '"' | '\'' | '“' | '”' | ',' | ';' | ':' | '!' | '-' | '–' | '—'
            ) || c.is_whitespace()
        })
        .to_string();
    loop {
        let lower = lower_same_len(&s);
        let Some(suffix) = DEPARTMENT_SUFFIXES
            .iter()
            .find(|suf| lower.ends_with(&format!(" {suf}")))
        else {
            break;
        };
        s.truncate(s.len() - suffix.len() - 1);
        s = s.trim_end().to_string();
    }
    // The period of an abbreviated legal form ("Blue Heron Brewing Co.") is part of the name.
    if s.ends_with('.') && !legal_form::is_abbreviation(s.rsplit(' ').next().unwrap_or("")) {
        s.pop();
    }
    s.trim().to_string()
}

/// One to six words, capitalised, not a person, not a job title, no interview words.
pub fn is_org_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || s.len() < 3 {
        return false;
    }
    let lower = s.to_lowercase();
    // A greeting is never a company: "Hi Priya", "Dear Ms Raman", "Good morning Alex".
    let greeting = [
        "dear",
        "hi ",
        "hello",
        "hey ",
        "good morning",
        "good afternoon",
        "morning ",
    ]
    .iter()
    .any(|g| lower.starts_with(g));
    if has_any(&lower, INTERVIEW) || greeting || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let certificates = [
        "shrm-cp", "shrm-scp", "phr", "sphr", "cpa", "mba", "phd", "pmp", "cipd",
    ];
    if certificates.contains(&lower.as_str()) {
        return false;
    }
    // Every word capitalised, except the joiners a company name may contain.
    let proper = words.iter().all(|w| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        core.is_empty()
            || ORG_JOINERS.contains(&core)
            || core
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    if !proper {
        return false;
    }
    // The head noun, past a level: "IT Support Specialist II" is a job, not a company.
    let title_like = words
        .iter()
        .rev()
        .map(|w| w.to_lowercase())
        .find(|w| {
            !matches!(
                w.as_str(),
                "i" | "ii" | "iii" | "iv" | "v" | "sr" | "sr." | "jr"
            )
        })
        .is_some_and(|w| TITLE_HEADS.contains(&w.as_str()));
    let all_roles = words.iter().all(|w| {
        ROLE_WORDS.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    });
    // A country is where the job is, not who hires ("09:00 en Reino Unido").
    let countries = [
        "united kingdom",
        "reino unido",
        "united states",
        "estados unidos",
        "españa",
        "spain",
        "deutschland",
        "germany",
        "alemania",
        "ireland",
        "irlanda",
        "france",
        "francia",
        "india",
        "australia",
        "canada",
        "scotland",
        "wales",
        "england",
        "uk",
        "usa",
    ];
    if countries.contains(&lower.trim_end_matches('.')) {
        return false;
    }
    let capital = words[0].chars().next().is_some_and(char::is_uppercase);
    let generic = [
        "next steps",
        "action required",
        "notice",
        "application",
        "invitation",
        "availability request",
        "your application",
        "schedule",
        "remote",
    ];
    capital
        && !title_like
        && !all_roles
        && !generic
            .iter()
            .any(|g| lower == *g || lower.starts_with(&format!("{g} ")))
}

/// The capitalised run at the start of `s`: "Orchard Street Capital and I have" →
/// "Orchard Street Capital". Allows `&`, `of` and an abbreviated legal form (`Co.`, `Inc.`).
pub fn cap_run_after(s: &str) -> Option<String> {
    let mut words = Vec::new();
    for w in s.split_whitespace().take(7) {
        let core = w.trim_end_matches([',', '.', '!', '?', ';', ':', ')']);
        let ended = core.len() != w.len() && !(w.ends_with('.') && legal_form::is_abbreviation(w));
        let cap = core.chars().next().is_some_and(char::is_uppercase);
        let stem = core.split(['\'', '’']).next().unwrap_or(core);
        if (cap && !STOP.contains(&stem)) || (!words.is_empty() && ORG_JOINERS.contains(&core)) {
            words.push(if ended { core } else { w });
        } else {
            break;
        }
        if ended {
            break;
        }
    }
    while words.last().is_some_and(|w| ORG_JOINERS.contains(w)) {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// The key two mentions of one organisation share: the first significant word, folded.
pub fn group_key(name: &str) -> String {
    let skip = ["the", "city", "county", "state", "university", "bank"];
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            fold(w)
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .find(|w| !skip.contains(&w.as_str()) && w.len() > 2)
        .or(words.first())
        .cloned()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_and_cleaning() {
        assert_eq!(
            cap_run_after("Orchard Street Capital and I have").as_deref(),
            Some("Orchard Street Capital")
        );
        assert_eq!(
            cap_run_after("Blue Heron Brewing Co. We’d like").as_deref(),
            Some("Blue Heron Brewing Co.")
        );
        assert_eq!(
            clean_org("City of Marrowgate Human Resources Department"),
            "City of Marrowgate"
        );
        assert!(!is_org_like("Senior Data Analyst"));
        assert!(is_org_like("Northwind Analytics"));
    }
}
