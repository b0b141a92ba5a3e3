//! `edit`: corrects the fields captured from mail or typed in (employer, agency, title,
//! requisition, round) and an accepted interview's time. Each change goes on the timeline,
//! and drafts written before it become stale.

use super::changes::{self, Change};
use super::decide::{interview_time, recorded_interview_time};
use super::{ActionError, App, Result};
use crate::store;
use bowout_core::model::{JobTitle, Language, OrgName, Requisition, Round, Status};
use serde::Serialize;

/// What to change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct EditInput {
    /// Invitation id or unique prefix.
    pub id: String,
    pub employer: Option<OrgName>,
    /// `Some(None)` removes the agency.
    pub agency: Option<Option<OrgName>>,
    pub title: Option<JobTitle>,
    /// `Some(None)` removes the requisition.
    pub requisition: Option<Option<Requisition>>,
    pub round: Option<Round>,
    /// The interview time `YYYY-MM-DD HH:MM` (accepted invitations only), in `tz` or the
    /// user's zone.
    pub at: Option<String>,
    pub tz: Option<String>,
    /// The language to answer in.
    pub language: Option<Language>,
}

impl EditInput {
    fn is_empty(&self) -> bool {
        self.employer.is_none()
            && self.agency.is_none()
            && self.title.is_none()
            && self.requisition.is_none()
            && self.round.is_none()
            && self.at.is_none()
            && self.language.is_none()
    }
}

/// The `edit --json` document: what changed, and whether the drafts are now stale.
#[derive(Debug, Clone, Serialize)]
pub struct Edited {
    pub id: String,
    /// Empty when every value given was already the recorded one.
    pub changes: Vec<Change>,
    /// True when the invitation has drafts written before this change: `send` refuses them
    /// until `decline` or `accept` rewrites them.
    pub drafts_stale: bool,
}

pub async fn edit(app: &App, input: EditInput) -> Result<Edited> {
    if input.is_empty() {
        return Err(ActionError::BadInput(
            "nothing to change: give --employer, --agency/--no-agency, --title, --req/--no-req, \
             --round, --at or --lang"
                .into(),
        ));
    }
    let when = input
        .at
        .as_deref()
        .map(|at| interview_time(app, at, input.tz.as_deref()))
        .transpose()?;
    let now = app.clock.now();
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, &input.id).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    let mut new = inv.clone();
    let mut changes = Vec::new();
    if let Some(employer) = input.employer {
        changes.extend(Change::of("employer", Some(&inv.employer), Some(&employer)));
        new.employer = employer;
    }
    if let Some(agency) = input.agency {
        changes.extend(Change::of("agency", inv.agency.as_ref(), agency.as_ref()));
        new.agency = agency;
    }
    if let Some(title) = input.title {
        changes.extend(Change::of("job_title", Some(&inv.job_title), Some(&title)));
        new.job_title = title;
    }
    if let Some(req) = input.requisition {
        changes.extend(Change::of(
            "requisition",
            inv.requisition.as_ref(),
            req.as_ref(),
        ));
        new.requisition = req;
    }
    if let Some(round) = input.round {
        let number = |r: Option<Round>| r.map(Round::number);
        changes.extend(Change::of(
            "round",
            number(inv.round).as_ref(),
            Some(&round.number()),
        ));
        new.round = Some(round);
    }
    if let Some(language) = input.language {
        changes.extend(Change::of("language", Some(&inv.language), Some(&language)));
        new.language = language;
    }
    if !changes.is_empty() {
        store::update_captured_fields(&mut tx, &new).await?;
    }
    if let Some(when) = when {
        if inv.status != Status::Accepted {
            return Err(ActionError::Refused(format!(
                "invitation {id} is {}: only an accepted invitation has an interview time \
                 (run `bowout accept {id} --at …` to accept it)",
                inv.status.as_str()
            )));
        }
        let before = recorded_interview_time(&mut tx, &id).await?;
        let unchanged = before
            .as_ref()
            .is_some_and(|b| b.unix == when.unix && b.tz == when.tz);
        if !unchanged {
            store::set_interview_time(&mut tx, &id, when.unix, &when.tz).await?;
            changes.push(Change {
                field: "interview_at",
                from: before.map(|b| b.shown),
                to: Some(when.shown),
            });
        }
    }
    let details: Vec<String> = changes.iter().map(Change::describe).collect();
    let fields: Vec<String> = changes.iter().map(|c| c.field.replace('_', " ")).collect();
    let why = format!("{} edited", fields.join(", "));
    let drafts_stale = changes::record(&mut tx, &id, now, &why, &details).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(Edited {
        id,
        changes,
        drafts_stale,
    })
}
