//! `bowout add`: record an invitation by hand.

use super::{Output, prompt};
use crate::actions::{self, App, NewContact, NewInvitation};
use crate::exit::{Status, usage};
use anyhow::{Result, anyhow};
use bowout_core::model::{JobTitle, Language, Mailbox, OrgName, Phone, Requisition, Role, Round};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The hiring employer (not the agency or the applicant-tracking system).
    #[arg(long, value_name = "E")]
    employer: OrgName,
    /// The job title.
    #[arg(long, value_name = "T")]
    title: JobTitle,
    /// The requisition number, as written (a label like "Req #" is dropped).
    #[arg(long, value_name = "R")]
    req: Option<Requisition>,
    /// The round: 1 (first or phone screen), 2, or 3 (final).
    #[arg(long, value_name = "N")]
    round: Option<Round>,
    /// The primary contact, the person to answer: "Name <email>".
    #[arg(long, value_name = "\"Name <email>\"", value_parser = parse_mailbox)]
    primary: Mailbox,
    /// The primary contact's phone.
    #[arg(long, value_name = "P")]
    phone: Option<Phone>,
    /// The recruiting agency, if any.
    #[arg(long, value_name = "A")]
    agency: Option<OrgName>,
    /// The self-scheduling link.
    #[arg(long, value_name = "URL", value_parser = parse_link)]
    link: Option<String>,
    /// Another contact (hiring manager, panelist…); repeatable.
    #[arg(long, value_name = "\"Name <email>\"", value_parser = parse_mailbox)]
    other: Vec<Mailbox>,
    /// The role of the matching --other (the n-th role belongs to the n-th --other).
    #[arg(long, value_name = "ROLE")]
    other_role: Vec<Role>,
    /// Record it even when the same requisition at the same employer is recorded already.
    #[arg(long)]
    allow_duplicate: bool,
    /// The language to answer in: en, fr, de, es, pt or it (default: `[identity] language`,
    /// else en).
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    lang: Option<Language>,
}

/// `--lang`: one of the languages bowout writes.
pub(super) fn parse_language(s: &str) -> Result<Language, String> {
    Language::parse(s).ok_or_else(|| {
        format!(
            "{s:?} is not a language bowout writes: use one of {}",
            Language::codes()
        )
    })
}

pub(super) fn parse_mailbox(s: &str) -> Result<Mailbox, String> {
    Mailbox::parse(s).map_err(|e| e.to_string())
}

/// A scheduling link must be a plain http(s) URL on one line.
fn parse_link(link: &str) -> Result<String, String> {
    let link = link.trim();
    if link.contains(['\r', '\n']) || link.chars().any(char::is_whitespace) {
        return Err("the scheduling link contains whitespace or a line break".into());
    }
    if !(link.starts_with("https://") || link.starts_with("http://")) || link.len() > 2000 {
        return Err("the scheduling link must be an http(s) URL of at most 2000 characters".into());
    }
    Ok(link.to_string())
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    if args.other_role.len() > args.other.len() {
        return Err(usage(format!(
            "{} --other-role given for {} --other: each role belongs to the --other in the same position",
            args.other_role.len(),
            args.other.len()
        )));
    }
    let mut roles = args.other_role.into_iter();
    let others = args
        .other
        .into_iter()
        .map(|mailbox| NewContact {
            mailbox,
            role: roles.next(),
        })
        .collect();
    let new = NewInvitation {
        employer: args.employer,
        agency: args.agency,
        job_title: args.title,
        requisition: args.req,
        round: args.round,
        primary: Some(args.primary),
        greeting: None,
        phone: args.phone,
        scheduling_link: args.link,
        others,
        message_id: None,
        references: Vec::new(),
        source: None,
        red_flags: Vec::new(),
        received_at: None,
        language: args.lang,
    };
    let duplicates = actions::duplicates_of(app, &new).await?;
    if let Some(first) = duplicates.first() {
        let ids: Vec<&str> = duplicates.iter().map(|d| d.existing.as_str()).collect();
        let warning = format!(
            "likely duplicate of invitation {} ({})",
            ids.join(", "),
            first.why
        );
        if args.allow_duplicate {
            eprintln!("bowout: warning: {warning}; recorded anyway (--allow-duplicate)");
        } else {
            match prompt::confirm(&format!("bowout: {warning}: record it anyway?"))? {
                Some(true) => {}
                Some(false) => return Err(anyhow!("not recorded: {warning}")),
                None => {
                    return Err(anyhow!(
                        "not recorded: {warning}; see `bowout show {}`, or give \
                         --allow-duplicate to record it anyway",
                        first.existing
                    ));
                }
            }
        }
    }
    let id = actions::add_invitation(app, new).await?;
    out.either(&actions::Created { id: id.clone() }, || id.clone())?;
    Ok(Status::Success)
}
