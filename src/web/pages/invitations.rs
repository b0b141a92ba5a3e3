//! The first page: the invitations with status, age, the answer-owed marker and scam flags,
//! filtered and a page at a time; on an empty store, the way in (import mail, or load the
//! example invitation).

use super::{page, see, v};
use crate::actions::{self, ListItem};
use crate::web::assets::EXAMPLE_INVITATION;
use crate::web::error::WebError;
use crate::web::state::{Acting, Shared};
use axum::extract::{Query, RawQuery, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/", get(list))
        .route("/example", post(load_example))
}

/// Invitations on one page.
pub const PER_PAGE: usize = 50;

/// The filters of the list, from the query string.
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    /// One status (`undecided`, `declined`…).
    pub status: Option<String>,
    /// Words to find in employer, title, requisition or contact.
    pub q: Option<String>,
    /// Only those an answer is owed on.
    pub owed: Option<String>,
    /// Only those with scam flags.
    pub flagged: Option<String>,
    /// Dismissed ones too.
    pub all: Option<String>,
    pub page: Option<usize>,
}

impl Filters {
    pub fn keep(&self, item: &ListItem) -> bool {
        let on = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.is_empty());
        if !on(&self.all) && item.status == "dismissed" {
            return false;
        }
        if on(&self.owed) && !item.overdue {
            return false;
        }
        if on(&self.flagged) && item.red_flags.is_empty() {
            return false;
        }
        match self.status.as_deref().unwrap_or("") {
            "" => {}
            s => {
                if item.status != s {
                    return false;
                }
            }
        }
        match self.q.as_deref().map(str::trim).unwrap_or("") {
            "" => true,
            q => {
                let q = q.to_lowercase();
                let contact = item
                    .primary_contact
                    .as_ref()
                    .map(|c| format!("{} {}", c.name.as_deref().unwrap_or(""), c.email))
                    .unwrap_or_default();
                [
                    item.employer.as_str(),
                    item.job_title.as_str(),
                    item.requisition.as_deref().unwrap_or(""),
                    item.agency.as_deref().unwrap_or(""),
                    contact.as_str(),
                    item.id.as_str(),
                ]
                .iter()
                .any(|f| f.to_lowercase().contains(&q))
            }
        }
    }
}

/// The statuses an invitation can have, for the filter.
const STATUSES: [&str; 6] = [
    "undecided",
    "declined",
    "accepted",
    "sent",
    "acknowledged",
    "dismissed",
];

async fn list(
    State(web): State<Shared>,
    acting: Acting,
    Query(filters): Query<Filters>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let all = web.invitations(&acting).await?;
    // The same list and query give the same page: rendered once. Not in coach mode, where a
    // page carries the session's own CSRF token and who is looking.
    let key = format!("page?{}", raw.unwrap_or_default());
    let keep = web.multi.is_none();
    if keep && let Some(done) = web.rendered(&key, &all) {
        return Ok(Html(done.bytes).into_response());
    }
    let matching: Vec<&ListItem> = all.iter().filter(|i| filters.keep(i)).collect();
    let pages = matching.len().div_ceil(PER_PAGE).max(1);
    let current = filters.page.unwrap_or(1).clamp(1, pages);
    let shown: Vec<&ListItem> = matching
        .iter()
        .skip((current - 1) * PER_PAGE)
        .take(PER_PAGE)
        .copied()
        .collect();
    let query = |p: usize| {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("status", &filters.status),
            ("q", &filters.q),
            ("owed", &filters.owed),
            ("flagged", &filters.flagged),
            ("all", &filters.all),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                s.append_pair(k, v);
            }
        }
        s.append_pair("page", &p.to_string());
        format!("/?{}", s.finish())
    };
    let res = page(
        &web,
        "invitations.html",
        "invitations",
        minijinja::context! {
        empty => v(&(all.is_empty())),
        items => v(&(shown)),
        total => v(&(all.len())),
        matching => v(&(matching.len())),
        owed_count => v(&(all.iter().filter(|i| i.overdue).count())),
        filters => minijinja::context! {
            status => filters.status.clone(), q => filters.q.clone(), owed => filters.owed.is_some(),
            flagged => filters.flagged.is_some(), all => filters.all.is_some(),
        },
        statuses => v(&(STATUSES)),
        page => v(&(current)),
        pages => v(&(pages)),
        prev => v(&((current > 1).then(|| query(current - 1)))),
        next => v(&((current < pages).then(|| query(current + 1)))) },
    )?;
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .map_err(WebError::internal)?;
    if keep {
        web.keep_rendered(key, &all, bytes.clone(), 0);
    }
    Ok(Html(bytes).into_response())
}

#[derive(Debug, Deserialize)]
struct Nothing {}

/// Records the example invitation (examples/invitation.eml) and opens it.
async fn load_example(acting: Acting, Form(_): Form<Nothing>) -> Result<Response, WebError> {
    let dir = tempfile::tempdir().map_err(WebError::internal)?;
    let path = dir.path().join("invitation.eml");
    std::fs::write(&path, EXAMPLE_INVITATION).map_err(WebError::internal)?;
    let report = actions::import(&acting.app, vec![path], false, false).await?;
    match report.ids.first() {
        Some(id) => Ok(see(&format!("/invitations/{id}"))),
        None => Err(WebError::internal(
            "the example invitation was not recognised",
        )),
    }
}
