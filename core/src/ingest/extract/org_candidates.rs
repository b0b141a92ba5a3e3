//! Where employer and agency names come from: the From display name, the signature,
//! "at/with/join X" in the text and the subject. Each candidate carries a weight for
//! [`super::org`] to add up.

use super::org_name::{cap_run_after, clean_org, is_org_like};
use super::primary_contact::sender_person;
use crate::ingest::lexicon::{ATS, DEPARTMENT_SUFFIXES, INTERVIEW, ROLE_WORDS};
use crate::ingest::read::free_mail::is_free_mail;
use crate::ingest::read::mail::MailView;
use crate::ingest::read::person_name::{fold, person_from_display};
use crate::ingest::read::signature;
use crate::ingest::read::text::{has_any, has_word};
use crate::model::organisation_domain;

/// A name that may be the employer or the agency, weighted by where it was found.
#[derive(Debug, Clone)]
pub struct Cand {
    pub name: String,
    pub weight: f64,
    /// The sender's own organisation (signature, display name or domain).
    pub sender: bool,
    /// Where it was found, for the learned ranker: a name of [`super::org_features::FEATURES`].
    pub sources: Vec<&'static str>,
}

/// Every organisation name the mail offers, weighted by where it was found.
pub fn collect(view: &MailView, out: &mut Vec<Cand>) {
    let people = person_words(view);
    let domains = sender_domains(view);
    // The whole name spelled in the sender's domain ("Stonebridge Recruitment" at
    // stonebridge-recruitment): its last word is part of the name, not a department.
    let in_domain = |name: &str| {
        let compact: String = fold(name).chars().filter(|c| c.is_alphanumeric()).collect();
        compact.len() >= 4 && domains.iter().any(|d| d.contains(&compact))
    };
    let mut add = |name: &str, weight: f64, sender: bool, source: &'static str| {
        let name = if in_domain(name) {
            name.trim().to_string()
        } else {
            clean_org(name)
        };
        let personal = name
            .split_whitespace()
            .all(|w| people.contains(&w.to_lowercase()));
        if is_org_like(&name) && !is_vendor(&name) && !personal {
            out.push(Cand {
                name,
                weight,
                sender,
                sources: vec![source],
            });
        }
    };
    let sender = sender_person(view);
    if let Some(display) = view.from.as_ref().and_then(|f| f.name.as_deref()) {
        let is_sender = sender.as_deref().is_some_and(|s| display.starts_with(s));
        let org_part = if is_sender {
            display_org(display)
        } else {
            display_org(display).or_else(|| Some(display.to_string()))
        };
        if let Some(o) = org_part {
            add(&o, 2.0, true, "display");
        }
    }
    let sig = signature::lines(&view.newest);
    for l in sig.iter().take(12) {
        for seg in segments(l) {
            add(seg, 3.0, true, "signature");
        }
        if in_domain(l) {
            add(l, 3.0, true, "signature_domain");
        }
    }
    if let Some(f) = &view.forwarded {
        for l in signature::lines(&f.body).iter().take(8) {
            for seg in segments(l) {
                add(seg, 3.0, false, "forward_signature");
            }
        }
    }
    let live = view.live_text();
    // The rules weigh the cues they were written with (1.5); the ranker learns what the
    // others (0.0 to the rules) are worth.
    for (cue, source, weight) in [
        (" at ", "cue_at", 1.5),
        (" with ", "cue_with", 1.5),
        (" join ", "cue_join", 1.5),
        (" interest in ", "cue_interest", 1.5),
        (" over to ", "cue_over", 1.5),
        (" client ", "cue_client", 1.5),
        (" here at ", "cue_here_at", 1.5),
        (" from ", "cue_from", 1.5),
        (" chez ", "cue_chez", 1.5),
        (" bei ", "cue_bei", 1.5),
        (" en ", "cue_en", 1.5),
        (" bij ", "cue_bij", 0.0),
        (" na ", "cue_na", 0.0),
        (" da ", "cue_da", 0.0),
        (" presso ", "cue_presso", 0.0),
        (" por ", "cue_por", 0.0),
        (" von ", "cue_von", 0.0),
        (" de ", "cue_de", 0.0),
    ] {
        let mut rest = live.as_str();
        while let Some(i) = rest.find(cue) {
            let after = &rest[i + cue.len()..];
            if let Some(run) = cap_run_after(after) {
                add(&run, weight, false, source);
            }
            rest = after;
        }
    }
    // Capitalised runs anywhere in the text ("Hotel Tejo Bay"): the rules give them no
    // weight; the ranker learns what they are worth.
    for line in live.lines().take(200) {
        let mut prev_cap = false;
        for (at, w) in line
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        {
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            if cap
                && !prev_cap
                && let Some(run) = cap_run_after(&line[at..])
                && run.split_whitespace().count() >= 2
            {
                add(&run, 0.0, false, "text_run");
            }
            prev_cap = cap;
        }
    }
    for seg in view
        .subject
        .split([':', '|', '(', ')'])
        .flat_map(|s| s.split(" - "))
        .flat_map(|s| s.split(" – "))
        .flat_map(|s| s.split(" — "))
    {
        let seg = seg
            .trim()
            .trim_start_matches("Fwd")
            .trim_start_matches("RE")
            .trim_start_matches("Re")
            .trim();
        if !seg.is_empty() && !has_any(&seg.to_lowercase(), INTERVIEW) {
            add(seg, 1.0, false, "subject");
        } else if let Some(run) = [" with ", " w/ ", " at "]
            .iter()
            .find_map(|c| seg.find(c).and_then(|i| cap_run_after(&seg[i + c.len()..])))
        {
            // "Phone screen w/ Meadowvale Foods": the company after the interview words.
            add(&run, 1.0, false, "subject_after");
        }
    }
}

/// The organisation in a From display name: `Maya (Acme)`, `Sunniva at Acme`,
/// `X on behalf of Acme`, or the whole name when it is not a person (`Acme Careers`).
fn display_org(display: &str) -> Option<String> {
    if let (Some(a), Some(b)) = (display.find('('), display.rfind(')'))
        && a < b
    {
        return Some(display[a + 1..b].to_string());
    }
    for sep in [" on behalf of ", " at ", " from ", " | ", " - "] {
        if let Some(i) = display.find(sep) {
            return Some(display[i + sep.len()..].to_string());
        }
    }
    if display.contains(" via ") || person_from_display(display).is_some() {
        return None;
    }
    Some(display.to_string())
}

/// Parts of a signature line that may be a company: `Title | Company`, `Title, Company`,
/// `Company • slogan`, `Company — City`.
fn segments(line: &str) -> Vec<&str> {
    if line.contains('@')
        || line.contains("http")
        || line.chars().filter(char::is_ascii_digit).count() >= 3
    {
        return Vec::new();
    }
    let first = line.split([' ']).next().unwrap_or("");
    if first.ends_with(':') {
        return Vec::new();
    }
    let mut out = Vec::new();
    for part in line.split(" | ") {
        let part = part.split(" • ").next().unwrap_or(part);
        let part = part.split(" — ").next().unwrap_or(part);
        let part = part.split(" – ").next().unwrap_or(part);
        let pieces: Vec<&str> = part.splitn(2, ", ").collect();
        for p in pieces {
            let p = p.trim();
            let lower = p.to_lowercase();
            let words: Vec<&str> = lower
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
                .filter(|w| !w.is_empty() && !matches!(*w, "ii" | "iii" | "iv" | "i"))
                .collect();
            let role = words.first().is_some_and(|w| ROLE_WORDS.contains(w))
                || words.last().is_some_and(|w| ROLE_WORDS.contains(w));
            if !role && p.split_whitespace().count() <= 6 {
                out.push(p);
            }
        }
    }
    out
}

/// Words of the people's names in the headers: "Jonah" on a line of its own is the sender
/// signing, not a company.
fn person_words(view: &MailView) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(p) = sender_person(view) {
        out.extend(p.split_whitespace().map(str::to_lowercase));
    }
    let addrs = view
        .reply_to
        .iter()
        .chain(view.to.iter())
        .chain(view.cc.iter());
    for a in addrs {
        if let Some(p) = a.name.as_deref().and_then(person_from_display) {
            out.extend(p.split_whitespace().map(str::to_lowercase));
        }
    }
    if let Some(p) = signature::person(&view.newest) {
        out.extend(p.split_whitespace().map(str::to_lowercase));
    }
    out
}

/// Registrable labels of the sender's and reply-to domains, minus ATS and free-mail ones.
pub fn sender_domains(view: &MailView) -> Vec<String> {
    let mut out = Vec::new();
    let addrs = view.from.iter().chain(view.reply_to.iter());
    for a in addrs {
        let org = organisation_domain(a.domain());
        let label = org.split('.').next().unwrap_or("").replace('-', "");
        if !label.is_empty() && !is_free_mail(a.domain()) && !ATS.iter().any(|x| label.contains(x))
        {
            out.push(label);
        }
    }
    out
}

/// An ATS or a bare department ("Recruiting"): a sender, never the employer.
fn is_vendor(name: &str) -> bool {
    let l = name.to_lowercase();
    ATS.iter().any(|a| has_word(&l, a)) || DEPARTMENT_SUFFIXES.contains(&l.as_str())
}
