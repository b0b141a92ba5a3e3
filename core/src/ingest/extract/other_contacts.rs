//! Other contacts: interviewers, panelists, Cc'd hiring managers, the employer's coordinator
//! of a forwarded invitation. Names are read only where the mail is talking about people
//! (a list of interviewers, "with …", "hiring manager, …", a Cc), so that company and team
//! names are not taken for people.

use super::addresses::{emails_in, is_no_reply, person_for_email};
use super::roles::{is_list_item, is_role, role_after, role_before, role_near, role_span};
use crate::ingest::analysis::{ContactOut, OtherContact};
use crate::ingest::read::mail::MailView;
use crate::ingest::read::person_name::{
    fold, looks_like_person, name_matches_local, names_in, person_from_display, strip_honorific,
};
use crate::ingest::read::signature;
use crate::model::{EmailAddress, PersonName};

/// Words just before a name that say the name is a person taking part.
#[rustfmt::skip]
const LEAD_INS: &[&str] = &[
    "with", "manager,", "manager", "interviewer", "interviewers:", "panel:", "mr.", "ms.", "mrs.",
    "dr.", "cto", "ceo", "copying", "engineers,", "coordinator", "(", "meet", "panelists:", "mit",
    "con", "avec", "sr.", "sra.", "frau", "herr", "herrn", "mme", "mr", "ms", "mrs", "dr",
    "prof", "will be", "will be:", "board:", "panel is", "panel includes", "interview:",
    "rencontrerez m.", "rencontrerez mme", "rencontrerez",
];

pub fn find(view: &MailView, primary: Option<&ContactOut>) -> Vec<OtherContact> {
    let mut out: Vec<OtherContact> = Vec::new();
    let skip = Skip::new(view, primary);
    let live = view.live_text();
    for cc in &view.cc {
        if skip.email(&cc.email) || is_no_reply(cc) {
            continue;
        }
        let name = cc
            .name
            .as_deref()
            .and_then(person_from_display)
            .or_else(|| person_for_email(&live, cc.local()));
        if let Some(name) = name.filter(|n| !skip.name(n)) {
            let role = role_near(&live, &name).unwrap_or_else(|| "cc".to_string());
            push(&mut out, &name, Some(&cc.email), format!("{role} (cc)"));
        }
    }
    // The colleague who forwarded a recruiter's message and handed it over: named, but not
    // the one to answer.
    if let (Some(from), Some(p)) = (&view.from, primary)
        && view.forwarded.is_some()
        && from.email != p.email.as_str()
        && !is_no_reply(from)
        && let Some(name) = from.name.as_deref().and_then(person_from_display)
    {
        push(
            &mut out,
            &name,
            Some(&from.email),
            "forwarded this message".into(),
        );
    }
    if let Some(f) = &view.forwarded
        && let Some(from) = f.from.as_ref().filter(|a| !skip.email(&a.email))
        && let Some(name) = from
            .name
            .as_deref()
            .and_then(person_from_display)
            .filter(|n| !skip.name(n))
    {
        let role = signature::lines(&f.body)
            .get(1)
            .map_or("employer contact", |l| l)
            .to_string();
        push(
            &mut out,
            &name,
            Some(&from.email),
            format!("{role} (author of forwarded mail)"),
        );
    }
    // Signatures name the writer's own title and company, not people taking part.
    let mut sig: Vec<&str> = signature::lines(&view.newest);
    if let Some(f) = &view.forwarded {
        sig.extend(signature::lines(&f.body));
    }
    for line in live.lines() {
        if sig.contains(&line.trim()) {
            continue;
        }
        let mut accepted_in_line = false;
        // End of the last accepted name's role: names inside it are part of the role.
        let mut covered = 0;
        for (span, raw) in names_in(line) {
            let at = span.start;
            let name = strip_honorific(&raw);
            if at < covered || skip.name(&name) || !looks_like_person(&name) {
                continue;
            }
            let before = line[..at].trim_end().to_lowercase();
            let list_item = is_list_item(&line[..at]);
            let continued = accepted_in_line
                && (before.ends_with(',') || before.ends_with(" and") || before.ends_with(", and"));
            // An honorific ("Sra. Carmen Ruiz", "Dr. Omar Said") marks a person taking part.
            let lead = LEAD_INS.iter().any(|w| before.ends_with(w))
                || continued
                || raw != name
                || role_before(&line[..at]);
            let name_end = span.end;
            let after = &line[name_end..];
            let span = role_span(after).filter(|(r, _)| is_role(r));
            // "Bram de Wit (Head of Design)" reads as a person with a role anywhere.
            let paren = span.is_some() && after.trim_start().starts_with('(');
            if !(lead || paren || (list_item && span.is_some())) {
                continue;
            }
            accepted_in_line = true;
            covered = name_end + span.as_ref().map_or(0, |(_, n)| *n);
            let email = emails_in(line)
                .into_iter()
                .chain(
                    view.attendees
                        .iter()
                        .chain(&view.cc)
                        .map(|a| a.email.clone()),
                )
                .find(|e| name_matches_local(&name, e.split('@').next().unwrap_or("")));
            let role = role_after(after)
                .or_else(|| role_near(&live, &name))
                .unwrap_or_else(|| "interviewer".to_string());
            let role = if line.to_lowercase().contains("hiring manager")
                && !role.contains("hiring manager")
            {
                format!("hiring manager, {role}")
            } else {
                role
            };
            push(&mut out, &name, email.as_deref(), role);
        }
    }
    out
}

struct Skip {
    emails: Vec<String>,
    names: Vec<String>,
}

impl Skip {
    fn new(view: &MailView, primary: Option<&ContactOut>) -> Self {
        let mut emails: Vec<String> = view.to.iter().map(|a| a.email.clone()).collect();
        let mut names: Vec<String> = view.to.iter().filter_map(|a| a.name.clone()).collect();
        if let Some(p) = primary {
            emails.push(p.email.as_str().to_string());
            if let Some(n) = &p.name {
                names.push(n.as_str().to_string());
            }
        }
        if let Some(f) = &view.from {
            emails.push(f.email.clone());
            names.extend(f.name.as_deref().and_then(person_from_display));
        }
        Self {
            emails,
            names: names.iter().map(|n| fold(n)).collect(),
        }
    }
    fn email(&self, e: &str) -> bool {
        self.emails.iter().any(|x| x == e)
    }
    fn name(&self, n: &str) -> bool {
        let f = fold(n);
        let first = f.split_whitespace().next().unwrap_or("");
        self.names.iter().any(|x| {
            *x == f
                || (x.split_whitespace().last() == f.split_whitespace().last()
                    && x.starts_with(first))
        })
    }
}

fn push(out: &mut Vec<OtherContact>, name: &str, email: Option<&str>, role: String) {
    let Ok(name) = PersonName::parse(name) else {
        return;
    };
    if out
        .iter()
        .any(|o| fold(o.name.as_str()) == fold(name.as_str()))
    {
        return;
    }
    let email = email.and_then(|e| EmailAddress::parse(e).ok());
    let role = role
        .trim()
        .trim_matches([',', '–', '—', '-', ' '])
        .to_string();
    out.push(OtherContact {
        name,
        email,
        role: if role.is_empty() {
            "interviewer".into()
        } else {
            role
        },
    });
}
