//! The signature block: the last lines of the newest text, where people put their name,
//! title, company and phone.

use super::person_name::{looks_like_person, strip_honorific};

/// Lines that close a message body; the signature follows them.
#[rustfmt::skip]
const SIGN_OFFS: &[&str] = &[
    "best", "best,", "thanks", "thanks,", "thank you", "thank you,", "regards", "regards,",
    "best regards", "kind regards", "warm regards", "sincerely", "sincerely,", "cheers",
    "talk soon", "all the best", "many thanks", "saludos", "atentamente", "un saludo",
    "mit freundlichen grüßen", "viele grüße", "beste grüße", "cordialement", "au plaisir",
    "speak soon", "best wishes", "warm wishes", "warmly", "bien cordialement",
    "saludos cordiales", "freundliche grüße", "liebe grüße", "à très vite", "à bientôt",
    "bien à vous", "hasta pronto", "bis bald", "herzliche grüße",
];

/// Footer noise that ends a signature: legal notices, EEO statements, unsubscribe lines.
#[rustfmt::skip]
const FOOTER: &[&str] = &[
    "confidentiality notice", "equal opportunity", "this e-mail", "this email", "unsubscribe",
    "do not reply", "is an employment agency", "powered by", "sent from my",
];

/// The signature lines of `newest` (at most a dozen), footer removed.
pub fn lines(newest: &str) -> Vec<&str> {
    let all: Vec<&str> = newest.lines().map(str::trim).collect();
    let mut end = all.len();
    while end > 0 {
        let l = all[end - 1].to_lowercase();
        if l.is_empty() || FOOTER.iter().any(|f| l.contains(f)) || l == "--" {
            end -= 1;
        } else {
            break;
        }
    }
    let start_floor = end.saturating_sub(12);
    let sign_off = (start_floor..end).rev().find(|&i| {
        let l = all[i].to_lowercase();
        let l = l.trim_end_matches(['!', '.', ',']);
        l == "--"
            || SIGN_OFFS
                .iter()
                .any(|s| l == *s || (l.starts_with(s) && l.len() < s.len() + 3))
    });
    // Without a sign-off, the signature starts at the first line that is a name.
    let start = sign_off.map(|i| i + 1).unwrap_or_else(|| {
        (start_floor..end)
            .find(|&i| head_name(all[i]).is_some())
            .unwrap_or(end.saturating_sub(6).max(start_floor))
    });
    all[start..end]
        .iter()
        .copied()
        .filter(|l| !l.is_empty() && *l != "--")
        .collect()
}

/// The first line of the signature that is a person's name ("Lauren Fairchild, SHRM-CP",
/// "Gemma Saldana | Recruiter" count).
pub fn person(newest: &str) -> Option<String> {
    lines(newest).into_iter().find_map(head_name)
}

/// The name at the head of a signature line, if the line starts with one.
pub fn head_name(line: &str) -> Option<String> {
    let head = line.split([',', '|', '•']).next().unwrap_or("").trim();
    let head = head.split(" – ").next().unwrap_or(head).trim();
    let name = strip_honorific(head);
    looks_like_person(&name).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_signature_name_after_sign_off() {
        let body = "Hi Dana,\n\nLet's talk.\n\nBest,\nGemma\n\nGemma Saldana | Recruiter\nAcme Insurance\n816-555-0114\n";
        assert_eq!(person(body).as_deref(), Some("Gemma Saldana"));
        assert_eq!(lines(body)[0], "Gemma");
    }
}
