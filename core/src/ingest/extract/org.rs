//! Employer and agency. The employer is the hiring organisation: never the ATS that sent the
//! mail, never the agency that forwarded it. Candidates come from the display name, the
//! signature, "at/with/join X" in the text and the subject; the sender's domain and repetition
//! decide between them.

use super::org_candidates::{self, Cand, sender_domains};
use super::org_features::{self, Context};
use super::org_name::group_key;
use super::ranker::{EMPLOYER_MODEL, Ranker};
use crate::ingest::lexicon::AGENCY_WORDS;
use crate::ingest::read::free_mail::is_free_mail;
use crate::ingest::read::mail::MailView;
use crate::ingest::read::text::{has_any, tidy_case};
use crate::model::{OrgName, legal_form, organisation_domain};
use std::sync::LazyLock;

/// The learned employer ranker.
static EMPLOYER: LazyLock<Ranker> =
    LazyLock::new(|| Ranker::new(&EMPLOYER_MODEL, org_features::FEATURES));

pub struct Orgs {
    pub employer: Option<OrgName>,
    pub agency: Option<OrgName>,
}

/// The employer's candidates, each with its features, and the agency that wrote, if any.
pub struct Found {
    pub candidates: Vec<(OrgName, Vec<(u32, f32)>)>,
    pub agency: Option<OrgName>,
}

#[rustfmt::skip]
const CLIENT_CUES: &[&str] = &[
    "my client", "our client", "employment agency", "presented you", "submitted you",
    "sent your resume over", "resume over to", "submitting", "on behalf of our client",
    "confidential search", "unser kunde", "nuestro cliente", "unserem kunden",
];

pub fn candidates(view: &MailView) -> Found {
    let mut cands = Vec::new();
    org_candidates::collect(view, &mut cands);
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
                g.sources.push("forward_domain");
            }
        }
    }
    let text = view.live_text();
    let live = text.to_lowercase();
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
    let subject_lower = view.subject.to_lowercase();
    let ctx = Context {
        live_lower: &live,
        subject_lower: &subject_lower,
        agency_mail: is_agency,
        forwarded: view.forwarded.is_some(),
    };
    let to_org = |s: &str| OrgName::parse(&tidy_case(brand_in_use(s, &text))).ok();
    // The employer's candidates: every group but the agency's own when an agency wrote.
    let agency = is_agency.then(|| sender_org.cloned()).flatten();
    let rivals: Vec<&Cand> = groups
        .iter()
        .filter(|g| {
            agency
                .as_ref()
                .is_none_or(|e| group_key(&e.name) != group_key(&g.name) && !g.sender)
        })
        .collect();
    let confidential = is_agency
        && has_any(
            &live,
            &[
                "confidential search",
                "can't put the company name",
                "cannot share the name",
                "can't share the name",
                "confidential client",
            ],
        );
    let candidates = if confidential {
        Vec::new()
    } else {
        let pick = rivals
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.weight.total_cmp(&b.1.weight))
            .map(|(i, _)| i);
        let mut out = Vec::new();
        for (i, g) in rivals.iter().enumerate() {
            let spellings = std::iter::once((g.name.clone(), None)).chain(
                org_features::variants(&g.name)
                    .into_iter()
                    .map(|(n, v)| (n, Some(v))),
            );
            for (name, variant) in spellings {
                if let Some(o) = to_org(&name) {
                    out.push((o, org_features::of(g, variant, pick == Some(i), &ctx)));
                }
            }
        }
        out
    };
    Found {
        candidates,
        agency: agency.and_then(|a| to_org(&a.name)),
    }
}

/// Employer and agency: the learned ranker picks the employer among the candidates.
pub fn find(view: &MailView) -> Orgs {
    let found = candidates(view);
    Orgs {
        employer: EMPLOYER.best(found.candidates),
        agency: found.agency,
    }
}

/// "Alderbrook Pharmaceuticals UK Ltd" when the text also says "Alderbrook Pharmaceuticals
/// will never ask…": the name as the company uses it in running text, without the legal
/// form. Kept whole when the short form only ever heads a longer name ("Tailspin Toys
/// Careers") or never appears alone.
fn brand_in_use<'a>(name: &'a str, text: &str) -> &'a str {
    let Some(short) = legal_form::strip(name) else {
        return name;
    };
    let short = short.trim_end_matches(',');
    if short.split_whitespace().count() < 2 {
        return name;
    }
    let alone = text.match_indices(short).any(|(at, _)| {
        let after = &text[at + short.len()..];
        let next = after.chars().next();
        let next_word = after.trim_start().chars().next();
        next.is_none_or(|c| !c.is_alphanumeric())
            && !after.trim_start().starts_with([',', '('])
            && next_word.is_none_or(|c| !c.is_uppercase())
            && !legal_form::starts_with_form(after)
    });
    if alone { short } else { name }
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
                g.sources.extend_from_slice(&c.sources);
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
            g.sources.push("in_domain");
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_names_only_features_the_candidates_have() {
        assert!(Ranker::unknown_features(&EMPLOYER_MODEL, org_features::FEATURES).is_empty());
    }

    #[test]
    fn the_legal_form_goes_only_when_the_brand_stands_alone() {
        let text = "Alderbrook Pharmaceuticals will never ask for payment.";
        assert_eq!(
            brand_in_use("Alderbrook Pharmaceuticals UK Ltd", text),
            "Alderbrook Pharmaceuticals"
        );
        assert_eq!(
            brand_in_use(
                "Tailspin Toys Inc.",
                "From Tailspin Toys Careers at Tailspin Toys Inc."
            ),
            "Tailspin Toys Inc."
        );
        assert_eq!(
            brand_in_use("Blue Heron Brewing Co.", "Blue Heron Brewing Co. is hiring"),
            "Blue Heron Brewing Co."
        );
        assert_eq!(
            brand_in_use("Litware Inc.", "Litware is hiring"),
            "Litware Inc."
        );
        assert_eq!(
            brand_in_use("Contoso Robotics GmbH", "Contoso Robotics is hiring"),
            "Contoso Robotics"
        );
    }
}
