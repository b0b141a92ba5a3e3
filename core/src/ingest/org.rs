//! Employer and agency. The employer is the hiring organisation: never the ATS that sent the
//! mail, never the agency that forwarded it. Candidates come from the display name, the
//! signature, "at/with/join X" in the text and the subject; the sender's domain and repetition
//! decide between them.

use super::lexicon::{AGENCY_WORDS, ATS, DEPARTMENT_SUFFIXES, ROLE_WORDS};
use super::mail::MailView;
use super::orgtext::{cap_run_after, clean_org, group_key, is_org_like};
use super::people::person_from_display;
use super::scam::is_free_mail;
use super::signature;
use super::text::{has_any, has_word, tidy_case};
use crate::model::{OrgName, organisation_domain};

pub struct Orgs {
    pub employer: Option<OrgName>,
    pub agency: Option<OrgName>,
}

#[derive(Debug, Clone)]
struct Cand {
    name: String,
    weight: f64,
    /// The sender's own organisation (signature, display name or domain).
    sender: bool,
}

#[rustfmt::skip]
const CLIENT_CUES: &[&str] = &[
    "my client", "our client", "employment agency", "presented you", "submitted you",
    "sent your resume over", "resume over to", "submitting", "on behalf of our client",
    "confidential search", "unser kunde", "nuestro cliente", "unserem kunden",
];

pub fn find(view: &MailView) -> Orgs {
    let mut cands = Vec::new();
    collect(view, &mut cands);
    let domains = sender_domains(view);
    let mut groups = group(&cands, &domains);
    if let Some(fwd) = view.forwarded.as_ref().and_then(|f| f.from.as_ref()) {
        let label = organisation_domain(fwd.domain())
            .split('.')
            .next()
            .unwrap_or("")
            .replace('-', "");
        for g in groups.iter_mut().filter(|g| !g.sender) {
            let key = group_key(&g.name);
            if key.len() >= 3 && label.contains(key.as_str()) && !is_free_mail(fwd.domain()) {
                g.weight += 4.0;
            }
        }
    }
    let live = view.live_text().to_lowercase();
    let sender_org = groups
        .iter()
        .filter(|g| g.sender)
        .max_by(|a, b| a.weight.total_cmp(&b.weight));
    let agency_like = |g: &Cand| has_any(&g.name.to_lowercase(), AGENCY_WORDS);
    let is_agency = sender_org.is_some_and(|g| {
        agency_like(g)
            || (has_any(&live, CLIENT_CUES) && view.forwarded.is_none()
                || has_any(&live, &["my client", "our client"]))
    }) || (view.forwarded.is_some() && sender_org.is_some_and(agency_like));
    let best = |exclude: Option<&Cand>| {
        groups
            .iter()
            .filter(|g| {
                exclude.is_none_or(|e| group_key(&e.name) != group_key(&g.name) && !g.sender)
            })
            .max_by(|a, b| a.weight.total_cmp(&b.weight))
            .map(|g| g.name.clone())
    };
    let to_org = |s: Option<String>| s.and_then(|s| OrgName::parse(&tidy_case(&s)).ok());
    if is_agency {
        let agency = sender_org.cloned();
        let confidential = has_any(
            &live,
            &[
                "confidential search",
                "can't put the company name",
                "cannot share the name",
                "can't share the name",
                "confidential client",
            ],
        );
        let employer = if confidential {
            None
        } else {
            best(agency.as_ref())
        };
        return Orgs {
            employer: to_org(employer),
            agency: to_org(agency.map(|a| a.name)),
        };
    }
    Orgs {
        employer: to_org(best(None)),
        agency: None,
    }
}

fn collect(view: &MailView, out: &mut Vec<Cand>) {
    let people = person_words(view);
    let mut add = |name: &str, weight: f64, sender: bool| {
        let name = clean_org(name);
        let personal = name
            .split_whitespace()
            .all(|w| people.contains(&w.to_lowercase()));
        if is_org_like(&name) && !is_vendor(&name) && !personal {
            out.push(Cand {
                name,
                weight,
                sender,
            });
        }
    };
    let sender = super::contacts::sender_person(view);
    if let Some(display) = view.from.as_ref().and_then(|f| f.name.as_deref()) {
        let is_sender = sender.as_deref().is_some_and(|s| display.starts_with(s));
        let org_part = if is_sender {
            display_org(display)
        } else {
            display_org(display).or_else(|| Some(display.to_string()))
        };
        if let Some(o) = org_part {
            add(&o, 2.0, true);
        }
    }
    let sig = signature::lines(&view.newest);
    for l in sig.iter().take(12) {
        for seg in segments(l) {
            add(seg, 3.0, true);
        }
    }
    if let Some(f) = &view.forwarded {
        for l in signature::lines(&f.body).iter().take(8) {
            for seg in segments(l) {
                add(seg, 3.0, false);
            }
        }
    }
    let live = view.live_text();
    for cue in [
        " at ",
        " with ",
        " join ",
        " interest in ",
        " over to ",
        " client ",
        " here at ",
        " from ",
        " chez ",
        " bei ",
        " en ",
    ] {
        let mut rest = live.as_str();
        while let Some(i) = rest.find(cue) {
            let after = &rest[i + cue.len()..];
            if let Some(run) = cap_run_after(after) {
                add(&run, 1.5, false);
            }
            rest = after;
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
        if !seg.is_empty() && !has_any(&seg.to_lowercase(), super::lexicon::INTERVIEW) {
            add(seg, 1.0, false);
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
    for sep in [" on behalf of ", " at ", " | ", " - "] {
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
    if let Some(p) = super::contacts::sender_person(view) {
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

fn is_vendor(name: &str) -> bool {
    let l = name.to_lowercase();
    ATS.iter().any(|a| has_word(&l, a)) || DEPARTMENT_SUFFIXES.contains(&l.as_str())
}

/// Registrable labels of the sender's and reply-to domains, minus ATS and free-mail ones.
fn sender_domains(view: &MailView) -> Vec<String> {
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

/// Merges candidates naming the same organisation and scores each group. The name kept is
/// the fullest signature form ("Acme Insurance" over "Acme").
fn group(cands: &[Cand], domains: &[String]) -> Vec<Cand> {
    let mut groups: Vec<(String, Cand)> = Vec::new();
    for c in cands {
        let key = group_key(&c.name);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, g)) => {
                if c.weight > 2.5 && (g.weight < 2.5 || c.name.len() > g.name.len())
                    || c.weight >= 2.0 && g.name.len() < c.name.len() && c.name.starts_with(&g.name)
                {
                    g.name = c.name.clone();
                }
                g.weight += c.weight;
                g.sender |= c.sender;
            }
            None => groups.push((key, c.clone())),
        }
    }
    for (key, g) in groups.iter_mut() {
        if domains
            .iter()
            .any(|d| d.contains(key.as_str()) && key.len() >= 3)
        {
            g.weight += 4.0;
            g.sender = true;
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}
