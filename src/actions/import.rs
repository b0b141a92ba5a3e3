//! `import`: scan mail and record every invitation found.
//!
//! Deduplicated by Message-ID (or, when a message has none, by a hash of its bytes, stored
//! in the same column as `sha256:…`). A later message in the thread of an invitation
//! already recorded (its In-Reply-To/References name that invitation's Message-ID), such as
//! the second-round invitation, is linked to it as a timeline event instead of becoming a
//! second invitation; so is a later message for the same requisition at the same employer,
//! since ATS mail for a later round often starts a new thread. Invitations that look like
//! one it recorded or linked (same employer and requisition, written another way, or a
//! second record of it) are listed as likely duplicates, with their ids.

use super::add::{NewContact, NewInvitation};
use super::duplicates::{Fingerprint, LikelyDuplicate, likely_duplicates, same_organisation};
use super::{ActionError, App, Result};
use crate::mail::message;
use crate::mail::scan::{self, Event, Found, Options};
use crate::store;
use bowout_core::ingest::Kind;
use bowout_core::model::{EmailAddress, EventKind, Invitation, JobTitle, Mailbox, OrgName, Role};
use serde::Serialize;
use std::path::PathBuf;

/// What `import` did with each invitation found, for the CLI to print.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    /// Every invitation the mail holds, newly recorded or already there, in mail order.
    pub ids: Vec<String>,
    /// Messages or files that could not be read, and invitations that could not be recorded.
    pub skipped: u64,
    #[serde(rename = "imported")]
    pub recorded: Vec<Imported>,
    pub scams: u64,
    /// Invitations already recorded that an invitation found likely duplicates, though
    /// import did not link them.
    pub likely_duplicates: Vec<ImportedDuplicate>,
    /// Messages the classifier was unsure about, kept for `bowout review` (new ones and
    /// those still unanswered).
    pub review: Vec<super::review::ToReview>,
}

/// An invitation `import` recorded or linked, and one recorded before that it likely
/// duplicates.
#[derive(Debug, Clone, Serialize)]
pub struct ImportedDuplicate {
    /// The invitation the message was recorded as, or linked to.
    pub id: String,
    pub source: String,
    /// The invitation recorded before.
    pub existing: String,
    /// `same employer and requisition`.
    pub why: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub id: String,
    pub source: String,
    /// `recorded`, `duplicate` or `linked` (a later message of a recorded thread, or for a
    /// recorded requisition).
    pub outcome: &'static str,
    /// Set when the mail does not say whom to answer (a forward without the hiring side's
    /// address, or one from your own address): what is missing and the command that adds
    /// it. No one is written to until then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub todo: Option<String>,
}

/// Scans `paths` and records what it finds, one transaction per invitation.
/// With `as_invitation`, every message read is recorded as an invitation whatever the
/// classifier says (`import --invitation FILE`).
pub async fn import(
    app: &App,
    paths: Vec<PathBuf>,
    progress: bool,
    as_invitation: bool,
) -> Result<ImportReport> {
    if let Some(missing) = scan::missing_path(&paths) {
        return Err(ActionError::BadInput(scan::missing_message(missing)));
    }
    let opts = Options {
        all: false,
        progress,
        as_invitation,
    };
    let (found, summary) = tokio::task::spawn_blocking(move || {
        let mut found: Vec<Found> = Vec::new();
        let summary = scan::scan(&paths, &opts, &mut |ev| {
            if let Event::Found(f) = ev {
                found.push(*f);
            }
            Ok(())
        });
        summary.map(|s| (found, s))
    })
    .await
    .map_err(|e| ActionError::Refused(format!("the scan stopped: {e}")))?
    .map_err(|e| ActionError::Refused(format!("the scan failed: {e:#}")))?;
    crate::testhook::pause("import:scanned");
    let mut report = ImportReport {
        ids: Vec::new(),
        skipped: summary.skipped,
        recorded: Vec::new(),
        scams: summary.scams,
        likely_duplicates: Vec::new(),
        review: Vec::new(),
    };
    for f in &found {
        if f.analysis.kind == Kind::Other && f.analysis.review {
            report.review.extend(super::review::keep(app, f).await?);
        }
    }
    for f in found
        .into_iter()
        .filter(|f| f.analysis.kind == Kind::Invitation)
    {
        let (imported, duplicates) = record(app, &f).await?;
        crate::testhook::pause("import:recorded");
        if !report.ids.contains(&imported.id) {
            report.ids.push(imported.id.clone());
        }
        report
            .likely_duplicates
            .extend(duplicates.into_iter().map(|d| ImportedDuplicate {
                id: imported.id.clone(),
                source: imported.source.clone(),
                existing: d.existing,
                why: d.why,
            }));
        report.recorded.push(imported);
    }
    Ok(report)
}

/// Records one invitation unless it is already there, with the likely duplicates of what it
/// was recorded as or linked to. An invitation whose mail does not say whom to answer is
/// recorded without a primary contact, and its `todo` says so.
pub(crate) async fn record(app: &App, f: &Found) -> Result<(Imported, Vec<LikelyDuplicate>)> {
    let a = &f.analysis;
    let key = a
        .message_id
        .clone()
        .or_else(|| f.content_hash.as_ref().map(|h| format!("sha256:{h}")));
    let now = app.clock.now();
    let mut tx = app.store.begin().await?;
    if let Some(k) = &key
        && let Some(id) = store::find_thread(&mut tx, k).await?
    {
        tx.commit().await.map_err(store::StoreError::from)?;
        let imported = Imported {
            id,
            source: f.source.clone(),
            outcome: "duplicate",
            todo: None,
        };
        return Ok((imported, Vec::new()));
    }
    if let Some(id) = continued_invitation(&mut tx, f).await? {
        link(&mut tx, &id, f, key.as_deref(), now).await?;
        let duplicates = not_linked(&mut tx, f, &id).await?;
        tx.commit().await.map_err(store::StoreError::from)?;
        let imported = Imported {
            id,
            source: f.source.clone(),
            outcome: "linked",
            todo: None,
        };
        return Ok((imported, duplicates));
    }
    let new = to_new(f, key, app.config.identity.email.as_deref());
    let inv = new.into_invitation(now, app.default_language()?);
    store::insert_invitation(&mut tx, &inv).await?;
    let detail = format!(
        "captured from mail: {} at {} ({}, score {:.2})",
        inv.job_title, inv.employer, f.source, a.score
    );
    store::append_event(&mut tx, &inv.id, now, EventKind::Captured, &detail).await?;
    let todo = missing_contact(&inv);
    if let Some(todo) = &todo {
        store::append_event(&mut tx, &inv.id, now, EventKind::Note, todo).await?;
    }
    let duplicates = not_linked(&mut tx, f, &inv.id).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    let imported = Imported {
        id: inv.id,
        source: f.source.clone(),
        outcome: "recorded",
        todo,
    };
    Ok((imported, duplicates))
}

/// What to do about an invitation recorded without a primary contact: name one of its
/// contacts, or add the hiring side by hand.
fn missing_contact(inv: &Invitation) -> Option<String> {
    if inv.primary().is_some() {
        return None;
    }
    let id = &inv.id;
    Some(match inv.contacts.first() {
        Some(other) => format!(
            "the mail does not say whom to answer (no address of the hiring side, or only \
             yours): make the right contact primary with `bowout contact primary {id} --email \
             {}`, or add them with `bowout contact add {id} --name NAME --email EMAIL`",
            other.email
        ),
        None => format!(
            "the mail does not say whom to answer (no address of the hiring side, or only \
             yours): add them with `bowout contact add {id} --name NAME --email EMAIL`; \
             nothing is written to anyone until then"
        ),
    })
}

/// Invitations other than `id` (the one the message was recorded as or linked to) that the
/// message's invitation likely duplicates.
async fn not_linked(tx: &mut store::Tx, f: &Found, id: &str) -> Result<Vec<LikelyDuplicate>> {
    let a = &f.analysis;
    let Some(employer) = a.employer.as_ref().or(a.agency.as_ref()) else {
        return Ok(Vec::new());
    };
    let print = Fingerprint {
        employer: employer.as_str(),
        requisition: a.requisition.as_ref().map(|r| r.as_str()),
        message_id: None,
    };
    likely_duplicates(tx, print, Some(id)).await
}

/// The recorded invitation this message continues: by its thread, else by the same
/// requisition at the same employer (a later round's ATS mail often starts a new thread).
async fn continued_invitation(tx: &mut store::Tx, f: &Found) -> Result<Option<String>> {
    let a = &f.analysis;
    for earlier in a.in_reply_to.iter().chain(a.references.iter()) {
        if let Some(id) = store::find_thread(tx, earlier).await? {
            return Ok(Some(id));
        }
    }
    let (Some(employer), Some(req)) = (&a.employer, &a.requisition) else {
        return Ok(None);
    };
    Ok(store::invitations_with_requisition(tx, req.as_str())
        .await?
        .into_iter()
        .find(|(_, recorded)| same_organisation(recorded, employer.as_str()))
        .map(|(id, _)| id))
}

/// Records a later message of invitation `id`'s thread: remembered by its key (so a
/// re-import is a duplicate), the invitation moved to the later round it announces, and a
/// note on the timeline.
async fn link(tx: &mut store::Tx, id: &str, f: &Found, key: Option<&str>, now: i64) -> Result<()> {
    let a = &f.analysis;
    if let Some(k) = key {
        let row = store::ThreadMessageRow {
            message_id: k.to_string(),
            invitation_id: id.to_string(),
            round: a.round.map(|r| i64::from(r.number())),
            source: Some(f.source.clone()),
            linked_at: now,
        };
        store::link_thread_message(tx, &row).await?;
    }
    let raised = match a.round {
        Some(r) => store::raise_round(tx, id, r).await?,
        None => false,
    };
    let round = match (a.round, raised) {
        (Some(r), true) => format!(", now round {}", r.number()),
        (Some(r), false) => format!(" (round {})", r.number()),
        (None, _) => String::new(),
    };
    let detail = format!(
        "later message for this invitation{round}: {}",
        key.unwrap_or(&f.source)
    );
    store::append_event(tx, id, now, EventKind::Note, &detail).await?;
    Ok(())
}

/// The analysis as a new invitation. Contacts named without an address cannot be written to,
/// so only those with one are kept; nor is the user (`me`, their `[identity] email`), who
/// may have forwarded the invitation to themselves.
fn to_new(f: &Found, key: Option<String>, me: Option<&str>) -> NewInvitation {
    let a = &f.analysis;
    let not_me =
        |email: &EmailAddress| me.is_none_or(|me| !email.as_str().eq_ignore_ascii_case(me.trim()));
    let primary = a.primary_contact.as_ref().filter(|p| not_me(&p.email));
    let employer = a
        .employer
        .clone()
        .or_else(|| a.agency.clone())
        .unwrap_or_else(|| OrgName::parse("Unknown employer").expect("a valid name"));
    let job_title = a
        .job_title
        .clone()
        .unwrap_or_else(|| JobTitle::parse("Position not named").expect("a valid title"));
    let others = a
        .other_contacts
        .iter()
        .filter_map(|c| {
            let email = c.email.clone().filter(not_me)?;
            Some(NewContact {
                mailbox: Mailbox {
                    name: Some(c.name.clone()),
                    email,
                },
                role: Role::parse(&c.role).ok(),
            })
        })
        .collect();
    NewInvitation {
        employer,
        agency: a.agency.clone(),
        job_title,
        requisition: a.requisition.clone(),
        round: a.round,
        primary: primary.map(|p| Mailbox {
            name: p.name.clone(),
            email: p.email.clone(),
        }),
        greeting: primary.and(a.greeting.clone()),
        phone: a.phone.clone(),
        scheduling_link: a.scheduling_link.clone(),
        others,
        message_id: key,
        references: message::thread_references(&a.references),
        source: Some(f.source.clone()),
        red_flags: a.red_flags.clone(),
        received_at: a.date,
        language: a.language,
    }
}
