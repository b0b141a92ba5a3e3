//! The requisition number, as written without its label (the round is in [`super::round`]).

use crate::ingest::read::mail::MailView;
use crate::ingest::read::text::lower_same_len;
use crate::model::Requisition;

/// Labels that introduce a requisition, as written before the number.
#[rustfmt::skip]
const REQ_LABELS: &[&str] = &[
    "req id", "req. id", "req #", "req.", "req ", "requisition", "job id", "job number", "job no",
    "job #", "job ref", "job reference", "posting id", "position id", "réf.", "réf :", "ref.",
    "ref:", "ref #", "ref no", "reference number", "reference:", "kennziffer", "referenznummer",
    "stellen-id", "referencia", "référence", "código de la oferta", "código de la vacante",
    "código de referencia", "job code", "folio", "id de la oferta", "id de la vacante",
    "vacancy no", "vacancy ref", "vacancy number", "vacancy id", "post number", "post no",
    "post ref", "position no", "position number", "our ref", "posting", "selection process",
    "processus de sélection", "numéro de concours", "concours", "program code", "job order",
];

/// Words between a label and its identifier: "Requisition Number 250031", "Requisition ID:",
/// "Referencia de la vacante:", "Réf. de l'offre :".
#[rustfmt::skip]
const FILLERS: &[&str] = &[
    "number", "no", "nr", "num", "id", "code", "de", "la", "del", "vacante", "oferta", "puesto",
    "l'offre", "l’offre", "offre", "poste", "der", "stelle", "of", "the", "posting", "vacancy",
    "for", "this", "one", "is",
];

/// The requisition: after a label in the newest text, a forwarded message, the subject or
/// the quoted history, else an identifier in parentheses.
pub fn find(view: &MailView) -> Option<Requisition> {
    let subject = view.subject.as_str();
    [
        view.newest.as_str(),
        view.forwarded.as_ref().map_or("", |f| f.body.as_str()),
        subject,
        view.quoted.as_str(),
    ]
    .iter()
    .find_map(|t| labeled(t))
    .or_else(|| parenthesised(subject))
    .or_else(|| parenthesised(&view.newest))
    .or_else(|| view.forwarded.as_ref().and_then(|f| parenthesised(&f.body)))
}

fn labeled(text: &str) -> Option<Requisition> {
    let lower = lower_same_len(text);
    for label in REQ_LABELS {
        let mut from = 0;
        while let Some(i) = lower[from..].find(label) {
            let at = from + i;
            from = at + label.len();
            // The same line only: "interview ref: X" is no requisition, but a line ending
            // in a link to /phone-interview says nothing about the next line's label.
            let before = lower[..at].rsplit('\n').next().unwrap_or("").trim_end();
            let bounded = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !bounded || before.ends_with("interview") || before.ends_with("order") {
                continue;
            }
            if let Some(r) = id_after(&text[at + label.len()..]) {
                return Some(r);
            }
        }
    }
    None
}

/// The identifier after a label, past a few filler words on the same line.
fn id_after(after: &str) -> Option<Requisition> {
    let mut rest = after;
    // "Our ref for this one is NHR-4471": up to five filler words.
    for _ in 0..6 {
        rest = rest.trim_start_matches([' ', ':', '#', '.', '\t', '|', '(']);
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/'))
            .collect();
        let id = word.trim_end_matches(['-', '/']);
        if is_id(id) {
            return Requisition::parse(id).ok();
        }
        let token = rest.split([' ', ':', '\n']).next().unwrap_or("");
        if token.is_empty() || !FILLERS.contains(&token.to_lowercase().trim_end_matches('.')) {
            return None;
        }
        rest = &rest[token.len()..];
    }
    None
}

/// An identifier has a digit, is 3–30 characters, and is not a year or a time.
fn is_id(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (3..=30).contains(&s.len())
        && digits >= 2
        && !(s.len() == 4 && s.starts_with("20") && digits == 4)
}

/// `(JR-00123)`, `(R0034567)`, `(REQ-2025-0412)`, `[RPS-2519]` in a subject: an id in
/// parentheses or brackets.
fn parenthesised(text: &str) -> Option<Requisition> {
    let mut rest = text;
    while let Some(i) = rest.find(['(', '[']) {
        let close = if rest[i..].starts_with('(') { ')' } else { ']' };
        let inner = &rest[i + 1..];
        let end = inner.find(close)?;
        let id = inner[..end].trim();
        // "(ID: 22914)", "(Req 4821)": a short label inside the parentheses.
        let id = ["id", "req", "ref"]
            .iter()
            .find_map(|l| {
                let rest = id.get(l.len()..)?;
                let labelled =
                    id[..l.len()].eq_ignore_ascii_case(l) && rest.starts_with([':', ' ', '.', '#']);
                labelled.then(|| rest.trim_start_matches([':', ' ', '.', '#']))
            })
            .unwrap_or(id);
        let shaped = id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && id
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if shaped && is_id(id) && id.chars().filter(char::is_ascii_digit).count() >= 4 {
            return Requisition::parse(id).ok();
        }
        rest = &inner[end..];
    }
    None
}
