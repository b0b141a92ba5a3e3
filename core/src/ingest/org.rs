//! Employer and agency. The employer is the hiring organisation: never the ATS that sent the
//! mail, never the agency that forwarded it. Candidates come from the display name, the
//! signature, "at/with/join X" in the text and the subject; the sender's domain and repetition
//! decide between them.

use super::lexicon::{AGENCY_WORDS, ATS};
use super::mail::MailView;
use super::orgtext::group_key;
use super::scam::is_free_mail;
use super::text::{has_any, tidy_case};
use crate::model::{OrgName, organisation_domain};

pub struct Orgs {
    pub employer: Option<OrgName>,
    pub agency: Option<OrgName>,
}

#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub(super) name: String,
    pub(super) weight: f64,
    /// The sender's own organisation (signature, display name or domain).
    pub(super) sender: bool,
}

#[rustfmt::skip]
const CLIENT_CUES: &[&str] = &[
    "my client", "our client", "employment agency", "presented you", "submitted you",
    "sent your resume over", "resume over to", "submitting", "on behalf of our client",
    "confidential search", "unser kunde", "nuestro cliente", "unserem kunden",
];

pub fn find(view: &MailView) -> Orgs {
    let mut cands = Vec::new();
    super::orgcands::collect(view, &mut cands);
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

/// Registrable labels of the sender's and reply-to domains, minus ATS and free-mail ones.
pub(super) fn sender_domains(view: &MailView) -> Vec<String> {
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
