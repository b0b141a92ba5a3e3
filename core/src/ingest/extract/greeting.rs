//! How to greet the primary contact, as the mail shows it: by the title they sign with
//! ("Dr. Helen Whitcombe" → "Dr. Whitcombe"), or by their first name when they wrote
//! informally and signed with it ("Hi Dana, … Karen" → "Hi Karen,"). Nothing when the mail
//! shows neither: the drafts then greet formally by the full name.

use crate::ingest::analysis::ContactOut;
use crate::ingest::read::mail::MailView;
use crate::ingest::read::person_name::fold;
use crate::ingest::read::signature;
use crate::ingest::read::text::is_capitalized;
use crate::model::{Greeting, PersonName};

/// Titles a person signs with, as they may be written.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "dr.", "dr", "prof.", "prof", "professor", "mr.", "mr", "ms.", "ms", "mrs.", "mrs", "mx.",
    "mx",
];

/// Degrees written after a name that make its bearer "Dr.".
const DOCTORATES: &[&str] = &["phd", "ph.d.", "ph.d", "md", "m.d.", "dphil", "edd", "dsc"];

/// Words that open an informal message.
const INFORMAL_OPENINGS: &[&str] = &["hi", "hey", "hiya", "hello"];

/// Sign-offs a first name may follow on the same line ("Thanks, Karen").
#[rustfmt::skip]
const SIGN_OFFS: &[&str] = &[
    "thanks", "thank you", "many thanks", "best", "cheers", "regards", "best regards",
    "kind regards", "warm regards", "talk soon", "speak soon", "all the best", "warmly",
    "best wishes",
];

/// Surname particles that belong to the surname ("van Dijk", "Ní Dhúill").
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "de", "van", "von", "da", "del", "la", "le", "der", "di", "du", "bin", "al", "ó", "ní", "uí",
    "nic", "mac", "dos", "das", "do", "ten", "ter",
];

/// The greeting for `primary`, read from what they wrote: the forwarded message when they
/// wrote that, else the newest text when they sent it (or are its Reply-To).
pub fn find(view: &MailView, primary: Option<&ContactOut>) -> Option<Greeting> {
    let primary = primary?;
    let email = primary.email.as_str();
    let (text, display) = if let Some(f) = view
        .forwarded
        .as_ref()
        .filter(|f| f.from.as_ref().is_some_and(|a| a.email == email))
    {
        (
            f.body.as_str(),
            f.from.as_ref().and_then(|a| a.name.as_deref()),
        )
    } else if let Some(a) = [view.from.as_ref(), view.reply_to.as_ref()]
        .into_iter()
        .flatten()
        .find(|a| a.email == email)
    {
        (view.newest.as_str(), a.name.as_deref())
    } else {
        return None;
    };
    let name = primary.name.as_ref().map(|n| n.as_str());
    informal(text, name)
        .map(|first| greeting(&first, false))
        .or_else(|| titled(text, display, name).map(|t| greeting(&t, true)))
        .flatten()
}

fn greeting(name: &str, formal: bool) -> Option<Greeting> {
    Some(Greeting {
        name: PersonName::parse(name).ok()?,
        formal,
    })
}

/// The first name the author signed with, when the message opens informally ("Hi Dana,").
fn informal(text: &str, name: Option<&str>) -> Option<String> {
    let opening = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    if !opens_informally(opening) {
        return None;
    }
    let lines = signature::lines(text);
    let tail: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .rev()
        .take(12)
        .collect();
    if name.is_none() {
        // Without the contact's name, only the signature's first line can be their name.
        return lines.first().and_then(|l| signed_first_name(l));
    }
    lines
        .iter()
        .chain(tail.iter())
        .filter_map(|line| signed_first_name(line))
        .find(|signed| is_first_name_of(signed, name))
}

/// "Hi Dana," "Hey Jordan -" "Hello Alex!" or "Hi there,": a greeting word, then one
/// capitalised name (or "there") closed by punctuation or the end of the line.
fn opens_informally(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let first = first.trim_end_matches([',', '!']).to_lowercase();
    if !INFORMAL_OPENINGS.contains(&first.as_str()) {
        return false;
    }
    let closed = second.ends_with([',', '!', ':', ';'])
        || words.next().is_none_or(|w| matches!(w, "-" | "–" | "—"));
    let bare = second.trim_end_matches([',', '!', ':', ';']);
    closed
        && (bare.eq_ignore_ascii_case("there")
            || is_capitalized(bare) && bare.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// A signature line that is a first name alone ("Karen", "- Karen") or after a sign-off
/// ("Thanks, Karen").
fn signed_first_name(line: &str) -> Option<String> {
    let mut rest = line.trim().trim_start_matches(['-', '–', '—', '~']).trim();
    let lower = rest.to_lowercase();
    if let Some(s) = SIGN_OFFS.iter().find(|s| {
        lower.starts_with(*s)
            && lower[s.len()..].starts_with([',', ' ', '!', '-'])
            && rest.is_char_boundary(s.len())
    }) {
        rest = rest[s.len()..]
            .trim_start_matches([',', '!', '-', '–', ' '])
            .trim();
    }
    let word = rest.trim_end_matches(['.', ',', '!']);
    let one_word = !word.is_empty() && !word.contains(char::is_whitespace);
    (one_word
        && is_capitalized(word)
        && word.chars().count() >= 2
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !SIGN_OFFS.contains(&word.to_lowercase().as_str()))
    .then(|| word.to_string())
}

/// The word signed is the contact's first name (or a short form of it: "Chris" for
/// "Christopher"); any name when the contact's is not known.
fn is_first_name_of(signed: &str, name: Option<&str>) -> bool {
    let Some(first) = name.and_then(|n| n.split_whitespace().next()) else {
        return true;
    };
    let (signed, first) = (fold(signed), fold(first));
    signed == first || (signed.chars().count() >= 3 && first.starts_with(&signed))
}

/// "Dr. Whitcombe" when the author's display name or a signature line gives them a title
/// ("Dr. Helen Whitcombe", "Helen Whitcombe, PhD") on their own name.
fn titled(text: &str, display: Option<&str>, name: Option<&str>) -> Option<String> {
    let lines = signature::lines(text);
    display
        .into_iter()
        .chain(lines.iter().copied())
        .find_map(|line| title_of(line, name))
}

fn title_of(line: &str, name: Option<&str>) -> Option<String> {
    let mut parts = line.split([',', '|', '•', '(']);
    let head = parts.next()?.trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    let (title, person): (String, &[&str]) = match words.split_first() {
        Some((t, rest)) if TITLES.contains(&t.to_lowercase().as_str()) && !rest.is_empty() => {
            ((*t).to_string(), rest)
        }
        _ if parts.any(|p| {
            let p = p.trim().to_lowercase();
            DOCTORATES.contains(&p.as_str())
        }) =>
        {
            ("Dr.".to_string(), words.as_slice())
        }
        _ => return None,
    };
    if person.len() > 4 || !person.iter().all(|w| is_capitalized(w) || is_particle(w)) {
        return None;
    }
    let surname = surname(person);
    let last = fold(surname.split_whitespace().last()?);
    let matches = name.is_none_or(|n| n.split_whitespace().last().is_some_and(|l| fold(l) == last));
    matches.then(|| format!("{title} {surname}"))
}

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
}

/// The last word with the particles before it: "Whitcombe", "van Dijk", "Ní Dhúill".
fn surname(person: &[&str]) -> String {
    let mut start = person.len().saturating_sub(1);
    while start > 1 && is_particle(person[start - 1]) {
        start -= 1;
    }
    person[start..].join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::primary_contact;
    use super::*;

    fn greet(raw: &str) -> Option<(String, bool)> {
        let view = MailView::parse(raw.as_bytes()).expect("parses");
        find(&view, primary_contact::find(&view).as_ref())
            .map(|g| (g.name.as_str().to_string(), g.formal))
    }

    const INVITE: &str = "We would like to invite you to a first-round interview for the \
                          Research Analyst position. Which of these times suits you?";

    #[test]
    fn a_titled_signature_is_greeted_by_title_and_surname() {
        let raw = format!(
            "From: Helen Whitcombe <h.whitcombe@ridgeway.example>\nTo: dana@example.net\n\
             Subject: Interview invitation\n\nDear Dana,\n\n{INVITE}\n\nKind regards,\n\
             Dr. Helen Whitcombe\nHead of Research, Ridgeway Institute\n"
        );
        assert_eq!(greet(&raw), Some(("Dr. Whitcombe".into(), true)));
        let phd = raw.replace("Dr. Helen Whitcombe", "Helen Whitcombe, PhD");
        assert_eq!(greet(&phd), Some(("Dr. Whitcombe".into(), true)));
        let display = raw
            .replace("From: Helen", "From: Dr Helen")
            .replace("Dr. Helen Whitcombe\n", "Helen\n");
        assert_eq!(greet(&display), Some(("Dr Whitcombe".into(), true)));
    }

    #[test]
    fn an_informal_mail_signed_with_a_first_name_is_answered_by_first_name() {
        let raw = format!(
            "From: Karen Boyd <karen.boyd@globex.example>\nTo: dana@example.net\n\
             Subject: Interview invitation\n\nHi Dana,\n\n{INVITE}\n\nThanks,\nKaren\n\n\
             Karen Boyd | Recruiter\nGlobex\n"
        );
        assert_eq!(greet(&raw), Some(("Karen".into(), false)));
        let same_line = raw.replace("Thanks,\nKaren\n", "Thanks, Karen\n");
        assert_eq!(greet(&same_line), Some(("Karen".into(), false)));
    }

    #[test]
    fn a_formal_mail_or_a_full_signature_gives_no_greeting() {
        let formal = format!(
            "From: Karen Boyd <karen.boyd@globex.example>\nTo: dana@example.net\n\
             Subject: Interview invitation\n\nDear Dana,\n\n{INVITE}\n\nBest regards,\nKaren\n"
        );
        assert_eq!(greet(&formal), None);
        let full = formal
            .replace("Dear Dana,", "Hi Dana,")
            .replace("regards,\nKaren\n", "regards,\nKaren Boyd\nRecruiter\n");
        assert_eq!(greet(&full), None);
        let other = formal
            .replace("Dear Dana,", "Hi Dana,")
            .replace("regards,\nKaren\n", "regards,\nMaria\n");
        assert_eq!(greet(&other), None, "signed by someone else");
    }

    #[test]
    fn openings() {
        assert!(opens_informally("Hi Dana,"));
        assert!(opens_informally("Hey Jordan - good news"));
        assert!(opens_informally(
            "Hi Dana, good news: my client wants to meet you."
        ));
        assert!(opens_informally("Hello there!"));
        assert!(!opens_informally("Hello Career Centre team,"));
        assert!(!opens_informally("Dear Dana,"));
        assert!(!opens_informally("Hi"));
    }
}
