//! Deciding: the advisor as a checklist (the advice follows the boxes as they are ticked),
//! decline with a reason and a referral, accept with the interview time, the drafts (one per
//! contact, editable, linted as one types), and sending behind a confirmation that names
//! every recipient; the `.eml` files and the calendar as downloads.

use super::{detached, download, given, page, see, v};
use crate::actions::{self, AcceptInput, DeclineInput, SendInput, SendMode};
use crate::web::error::WebError;
use crate::web::state::{Acting, Shared};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use bowout_core::model::{Concern, DeclineReason, Facts, Gut, Review};
use serde::Deserialize;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/invitations/{id}/advise", get(advise_form).post(advise))
        .route("/invitations/{id}/decline", get(decline_form).post(decline))
        .route("/invitations/{id}/accept", get(accept_form).post(accept))
        .route("/invitations/{id}/drafts", get(drafts))
        .route("/invitations/{id}/drafts/{contact}", post(save_draft))
        .route("/invitations/{id}/send", get(confirm_send).post(send))
        .route("/invitations/{id}/eml", post(eml))
        .route("/calendar.ics", get(calendar))
}

/// The advisor's checklist: each of the six reasons, the exception, communication.
pub const REASONS: [(&str, &str); 8] = [
    (
        "started_new_job",
        "I accepted an offer and started the new job",
    ),
    (
        "current_job_at_risk",
        "My current job is acceptable, and attending is risky and difficult",
    ),
    (
        "poor_fit_after_interview",
        "A later round for a job I already judged a poor fit",
    ),
    (
        "bad_feel_earlier_interview",
        "An earlier interview there (for another job) felt wrong",
    ),
    (
        "insider_hates_it",
        "Someone who works there hates it, with good reason",
    ),
    (
        "worked_there_hated_it",
        "I worked there before, hated it, and won't repeat it",
    ),
    (
        "dream_job_sure_offer",
        "The exception: a dream job at a dream employer, with a sure offer",
    ),
    (
        "poor_communication",
        "They communicate poorly (late, vague, disorganised scheduling)",
    ),
];

/// Reviews the checklist takes at once.
const REVIEW_ROWS: usize = 3;

/// The facts a checklist form gives.
pub fn facts_from(form: &[(String, String)]) -> Result<Facts, WebError> {
    let value = |key: &str| {
        form.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    let on = |key: &str| value(key).is_some();
    let mut facts = Facts {
        started_new_job: on("started_new_job"),
        current_job_at_risk: on("current_job_at_risk"),
        poor_fit_after_interview: on("poor_fit_after_interview"),
        bad_feel_earlier_interview: on("bad_feel_earlier_interview"),
        insider_hates_it: on("insider_hates_it"),
        worked_there_hated_it: on("worked_there_hated_it"),
        dream_job_sure_offer: on("dream_job_sure_offer"),
        poor_communication: on("poor_communication"),
        concerns: Concern::ALL
            .into_iter()
            .filter(|c| on(&format!("concern_{}", c.as_str())))
            .collect(),
        gut: match value("gut") {
            None => Gut::Neutral,
            Some(g) => Gut::parse(g).ok_or_else(|| WebError::bad(format!("unknown gut {g:?}")))?,
        },
        reviews: Vec::new(),
        job_location: value("job_location").map(str::to_string),
    };
    for n in 1..=REVIEW_ROWS {
        let stars = value(&format!("review{n}_stars"));
        let date = value(&format!("review{n}_date"));
        let (stars, date) = match (stars, date) {
            (None, None) => continue,
            (Some(s), Some(d)) => (s, d),
            _ => {
                return Err(WebError::bad(format!(
                    "review {n}: give both its stars and the day it was written"
                )));
            }
        };
        let stars: u8 = stars
            .parse()
            .ok()
            .filter(|s| (1..=5).contains(s))
            .ok_or_else(|| WebError::bad(format!("review {n}: stars are 1 to 5, not {stars:?}")))?;
        let date = date.parse().map_err(|_| {
            WebError::bad(format!("review {n}: the date {date:?} is not YYYY-MM-DD"))
        })?;
        facts.reviews.push(Review {
            stars,
            date,
            location: value(&format!("review{n}_location")).map(str::to_string),
            topic: value(&format!("review{n}_topic")).map(str::to_string),
        });
    }
    Ok(facts)
}

async fn advise_form(
    State(web): State<Shared>,
    acting: Acting,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let inv = actions::show(&acting.app, &id).await?;
    let outcome = actions::advise(&acting.app, &inv.id, None).await?;
    let reviews: Vec<Option<&Review>> = (0..REVIEW_ROWS)
        .map(|i| outcome.facts.reviews.get(i))
        .collect();
    page(
        &web,
        "advise.html",
        "invitations",
        minijinja::context! {
        inv => v(&(inv)), outcome => v(&(outcome)), reasons => v(&(REASONS)), reviews => v(&(reviews)),
        concerns => v(&(Concern::ALL.map(Concern::as_str))) },
    )
}

async fn advise(
    acting: Acting,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let facts = facts_from(&form)?;
    let outcome = actions::advise(&acting.app, &id, Some(facts)).await?;
    let next = match outcome.advice.verdict.as_str() {
        "decline" => "decline",
        "accept" => "accept",
        _ => "advise",
    };
    Ok(see(&format!(
        "/invitations/{}/{next}",
        outcome.invitation_id
    )))
}

const DECLINE_REASONS: [(&str, &str); 3] = [
    ("none", "Give no reason"),
    ("accepted-job", "I accepted another job"),
    ("field-fit", "It is not the right fit for my field"),
];

async fn decline_form(
    State(web): State<Shared>,
    acting: Acting,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let inv = actions::show(&acting.app, &id).await?;
    let choices = actions::referral_choices(&acting.app, &inv.id).await?;
    let (allowed, refused): (Vec<_>, Vec<_>) =
        choices.into_iter().partition(|c| c.refused.is_none());
    page(
        &web,
        "decline.html",
        "invitations",
        minijinja::context! { inv => v(&(inv)), allowed => v(&(allowed)), refused => v(&(refused)), reasons => v(&(DECLINE_REASONS)) },
    )
}

#[derive(Debug, Deserialize)]
struct DeclineForm {
    reason: String,
    referral: Option<String>,
}

async fn decline(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<DeclineForm>,
) -> Result<Response, WebError> {
    let reason = DeclineReason::parse(&f.reason)
        .ok_or_else(|| WebError::bad(format!("unknown reason {:?}", f.reason)))?;
    let inv = actions::show(&acting.app, &id).await?;
    actions::decline(
        &acting.app,
        DeclineInput {
            id: inv.id.clone(),
            reason,
            referral: given(&f.referral),
            language: None,
        },
    )
    .await?;
    Ok(see(&format!("/invitations/{}/drafts", inv.id)))
}

async fn accept_form(
    State(web): State<Shared>,
    acting: Acting,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let inv = actions::show(&acting.app, &id).await?;
    page(
        &web,
        "accept.html",
        "invitations",
        minijinja::context! { inv => v(&(inv)), tz => v(&(acting.app.clock.tz.iana_name())) },
    )
}

#[derive(Debug, Deserialize)]
struct AcceptForm {
    at: Option<String>,
    tz: Option<String>,
    duration: Option<String>,
    location: Option<String>,
    video_link: Option<String>,
    past: Option<String>,
}

async fn accept(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<AcceptForm>,
) -> Result<Response, WebError> {
    let minutes = given(&f.duration)
        .map(|d| {
            d.parse::<u16>()
                .map_err(|_| WebError::bad(format!("the duration is minutes, not {d:?}")))
        })
        .transpose()?;
    let inv = actions::show(&acting.app, &id).await?;
    actions::accept(
        &acting.app,
        AcceptInput {
            id: inv.id.clone(),
            // The browser's date-time field says 2026-12-02T14:00.
            at: given(&f.at).map(|a| a.replacen('T', " ", 1)),
            tz: given(&f.tz),
            minutes,
            location: given(&f.location),
            video_link: given(&f.video_link),
            past_confirmed: given(&f.past).is_some(),
            language: None,
        },
    )
    .await?;
    Ok(see(&format!("/invitations/{}/drafts", inv.id)))
}

async fn drafts(
    State(web): State<Shared>,
    acting: Acting,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let inv = actions::show(&acting.app, &id).await?;
    let drafts = actions::drafts(&acting.app, &inv.id).await?;
    page(
        &web,
        "drafts.html",
        "invitations",
        minijinja::context! { inv => v(&(inv)), drafts => v(&(drafts)) },
    )
}

#[derive(Debug, Deserialize)]
struct DraftForm {
    body: String,
}

async fn save_draft(
    acting: Acting,
    Path((id, contact)): Path<(String, String)>,
    Form(f): Form<DraftForm>,
) -> Result<Response, WebError> {
    let inv = actions::show(&acting.app, &id).await?;
    actions::save_draft(&acting.app, &inv.id, &contact, &f.body).await?;
    Ok(see(&format!(
        "/invitations/{}/drafts#draft-{contact}",
        inv.id
    )))
}

fn send_input(id: &str, mode: SendMode, force: bool) -> SendInput {
    SendInput {
        id: id.to_string(),
        mode,
        force,
        confirm_sent: Vec::new(),
        resend: Vec::new(),
    }
}

/// What would be sent, to whom: the confirmation before sending.
async fn confirm_send(
    State(web): State<Shared>,
    acting: Acting,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let inv = actions::show(&acting.app, &id).await?;
    let (app, input) = (acting.app, send_input(&inv.id, SendMode::DryRun, false));
    let report = detached(move || async move { actions::send(&app, input).await }).await??;
    page(
        &web,
        "send.html",
        "invitations",
        minijinja::context! { inv => v(&(inv)), report => v(&(report)) },
    )
}

#[derive(Debug, Deserialize)]
struct SendForm {
    force: Option<String>,
}

async fn send(
    State(web): State<Shared>,
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<SendForm>,
) -> Result<Response, WebError> {
    let inv = actions::show(&acting.app, &id).await?;
    let (app, input) = (
        acting.app,
        send_input(&inv.id, SendMode::Smtp, given(&f.force).is_some()),
    );
    let report = detached(move || async move { actions::send(&app, input).await }).await??;
    page(
        &web,
        "sent.html",
        "invitations",
        minijinja::context! { inv => v(&(inv)), report => v(&(report)) },
    )
}

/// `send --eml-dir`, as one zip file of `.eml` messages to send from one's own mail client.
async fn eml(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<SendForm>,
) -> Result<Response, WebError> {
    let inv = actions::show(&acting.app, &id).await?;
    let dir = tempfile::tempdir().map_err(WebError::internal)?;
    let (app, input) = (
        acting.app,
        send_input(
            &inv.id,
            SendMode::EmlDir(dir.path().to_path_buf()),
            given(&f.force).is_some(),
        ),
    );
    let report = detached(move || async move { actions::send(&app, input).await }).await??;
    let files: Vec<std::path::PathBuf> = report
        .messages
        .iter()
        .filter_map(|m| m.eml.as_ref().map(std::path::PathBuf::from))
        .collect();
    if files.is_empty() {
        return Err(WebError::new(
            axum::http::StatusCode::CONFLICT,
            "no message was written: every draft was already sent or exported",
        ));
    }
    let bytes = zip_files(&files)?;
    Ok(download(
        bytes,
        "application/zip",
        &format!("bowout-{}.zip", inv.id),
    ))
}

fn zip_files(files: &[std::path::PathBuf]) -> Result<Vec<u8>, WebError> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("message.eml");
        let bytes = std::fs::read(path).map_err(WebError::internal)?;
        zip.start_file(name, options).map_err(WebError::internal)?;
        zip.write_all(&bytes).map_err(WebError::internal)?;
    }
    Ok(zip.finish().map_err(WebError::internal)?.into_inner())
}

/// `calendar --out`: the calls and interviews as an iCalendar file.
async fn calendar(acting: Acting) -> Result<Response, WebError> {
    let dir = tempfile::tempdir().map_err(WebError::internal)?;
    let path = dir.path().join("bowout.ics");
    actions::calendar(&acting.app, &path).await?;
    let bytes = std::fs::read(&path).map_err(WebError::internal)?;
    Ok(download(
        bytes,
        "text/calendar; charset=utf-8",
        "bowout.ics",
    ))
}
