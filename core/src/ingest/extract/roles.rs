//! Roles written next to a person's name: "Jonas Albrecht, Teamleiter Data Platform",
//! "Bram de Wit (Head of Design)", "the hiring manager, Grant Yoshida", a table cell.

use crate::ingest::lexicon::{ROLE_WORDS, TITLE_HEADS};
use crate::ingest::read::person_name::looks_like_person;

/// Text that names a job or a part in the process.
pub fn is_role(r: &str) -> bool {
    let l = r.to_lowercase();
    l.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| {
            ROLE_WORDS.contains(&w)
                || TITLE_HEADS.contains(&w)
                // German compounds: Teamleiter, Bereichsleiterin.
                || w.ends_with("leiter")
                || w.ends_with("leiterin")
        })
        || l.contains("hiring manager")
        || l.contains("interviewer")
}

/// A role written just before a name and closed by a comma, inside a sentence: "with their
/// Head of Infrastructure, Martina Kowal", "con nuestro gerente de ingeniería, Tomás
/// Fuentes". The role starts with a capital or is a role word itself; a role at the start
/// of the line ("Recruiter, Quarry Lane") is a signature, not a lead-in.
pub fn role_before(before: &str) -> bool {
    let Some(b) = before.trim_end().strip_suffix(',') else {
        return false;
    };
    let all: Vec<&str> = b.split_whitespace().collect();
    let words: Vec<&str> = all.iter().rev().take(4).copied().collect();
    (1..=words.len().min(all.len().saturating_sub(1))).any(|k| {
        let phrase: Vec<&str> = words[..k].iter().rev().copied().collect();
        let head = phrase[0].to_lowercase();
        (phrase[0].chars().next().is_some_and(char::is_uppercase)
            || ROLE_WORDS.contains(&head.as_str()))
            && is_role(&phrase.join(" "))
    })
}

/// A bullet, a number, or a time slot at the start of a line.
pub fn is_list_item(prefix: &str) -> bool {
    let p = prefix.trim();
    p.is_empty() || p.chars().all(|c| !c.is_alphabetic()) || p.ends_with("with") || p.ends_with(':')
}

/// The role written right after a name: `, Staff Data Engineer`, ` (Budget Director)`,
/// ` – Director, Learning Insights (hiring manager)`.
pub fn role_after(after: &str) -> Option<String> {
    role_span(after).map(|(r, _)| r)
}

/// [`role_after`] with the byte length of `after` it covers, so that names inside the role
/// ("Senior Product Manager, Care Coordination") are not read as more people.
pub fn role_span(after: &str) -> Option<(String, usize)> {
    let a = after.trim_start();
    let skipped = after.len() - a.len();
    let (text, end) = if let Some(inner) = a.strip_prefix('(') {
        let t = inner.split(')').next().unwrap_or("");
        (t, 1 + t.len() + 1)
    } else if let Some(rest) = a.strip_prefix(|c| matches!(c, ',' | '–' | '—' | '-' | '|')) {
        let lead = a.len() - rest.len();
        let rest_t = rest.trim_start();
        let lead = lead + rest.len() - rest_t.len();
        let cut = [" – ", " — ", " - ", " and ", ";", ". ", "), ", " | "]
            .iter()
            .filter_map(|s| rest_t.find(s))
            .min()
            .unwrap_or(rest_t.len());
        (&rest_t[..cut], lead + cut)
    } else {
        return None;
    };
    let text = text.trim().trim_end_matches(['.', ',']);
    let first_word = text.split_whitespace().next().unwrap_or("");
    let capital = first_word.chars().next().is_some_and(char::is_uppercase);
    // "responsable del equipo de Plataforma": a lower-case role in languages that write so.
    let lower_role = is_role(first_word);
    (!text.is_empty() && text.len() < 80 && !looks_like_person(text) && (capital || lower_role)
        || text.contains("hiring manager"))
    .then(|| (text.to_string(), (skipped + end).min(after.len())))
}

/// "our CTO (Sam Okonkwo)", "the hiring manager, Grant Yoshida": a role just before the name.
pub fn role_near(text: &str, name: &str) -> Option<String> {
    let at = text.find(name)?;
    let before = text[..at]
        .trim_end()
        .trim_end_matches(['(', ','])
        .trim_end();
    let last: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let l = last
        .iter()
        .rev()
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for role in [
        "hiring manager",
        "cto",
        "ceo",
        "recruiter",
        "coordinator",
        "interviewer",
    ] {
        if l.ends_with(role) {
            return Some(role.to_string());
        }
    }
    None
}
