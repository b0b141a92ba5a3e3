//! The JSON API under `/api`: the CLI's `--json` shapes (the views in `src/actions/`), from
//! the same actions. Writes take url-encoded forms, like the pages, with the CSRF token in
//! the `x-csrf-token` header.

use super::error::ApiError;
use super::pages::decide::facts_from;
use super::pages::invitations::Filters;
use super::pages::{detached, given};
use super::state::{Acting, Shared};
use crate::actions::{
    self, AdviseOutcome, Agenda, CallInput, CallLogged, CallOutcome, CallSheet, DeclineInput,
    DismissReason, Dismissed, DraftView, InvitationView, ListItem, ReferralChoice, ReferralItem,
    RepliesReport, SendInput, SendMode, SendReport, SyncReport, Undismissed,
};
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use bowout_core::compose::lint::Finding;
use bowout_core::model::DeclineReason;
use serde::Deserialize;

type Api<T> = Result<Json<T>, ApiError>;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/invitations", get(list))
        .route("/api/invitations/{id}", get(show))
        .route("/api/invitations/{id}/drafts", get(drafts))
        .route("/api/invitations/{id}/referrals", get(referral_choices))
        .route("/api/invitations/{id}/call", get(call_sheet).post(log_call))
        .route("/api/invitations/{id}/advice", post(advice_preview))
        .route("/api/invitations/{id}/advise", post(advise))
        .route("/api/invitations/{id}/lint", post(lint_draft))
        .route("/api/invitations/{id}/decline", post(decline))
        .route("/api/invitations/{id}/dismiss", post(dismiss))
        .route("/api/invitations/{id}/undismiss", post(undismiss))
        .route("/api/invitations/{id}/send", get(send_dry_run).post(send))
        .route("/api/agenda", get(agenda))
        .route("/api/referrals", get(referrals))
        .route("/api/lint", post(lint))
        .route("/api/replies", post(replies))
        .route("/api/sync", post(sync))
        .route("/api/review", get(review_list))
        .route("/api/review/{key}", post(review_answer))
}

/// Invitations a page of `/api/invitations` holds unless `per_page` says otherwise.
const PER_PAGE: usize = 100;
const MAX_PER_PAGE: usize = 1000;

#[derive(Debug, Deserialize)]
struct ListQuery {
    status: Option<String>,
    q: Option<String>,
    owed: Option<String>,
    flagged: Option<String>,
    all: Option<String>,
    page: Option<usize>,
    per_page: Option<usize>,
}

/// `list --json` (with `all`), filtered like the page, a page at a time; the number of
/// invitations matching is in `x-total-count`.
async fn list(
    State(web): State<Shared>,
    acting: Acting,
    Query(q): Query<ListQuery>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let all = web.invitations(&acting).await?;
    // The JSON holds the list and the query only: the same for every session of its owner.
    let key = format!("{}\napi?{}", acting.owner(), raw.unwrap_or_default());
    let done = match web.rendered(&key, &all) {
        Some(done) => done,
        None => {
            let (bytes, total) = list_page(&all, q)?;
            web.keep_rendered(key, &all, bytes.clone(), total);
            crate::web::state::Rendered::new(&all, bytes, total)
        }
    };
    let mut res = (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        done.bytes,
    )
        .into_response();
    res.headers_mut()
        .insert("x-total-count", HeaderValue::from(done.total));
    Ok(res)
}

/// One page of the list as JSON, and how many invitations matched.
fn list_page(all: &[ListItem], q: ListQuery) -> Result<(axum::body::Bytes, usize), ApiError> {
    let per_page = q.per_page.unwrap_or(PER_PAGE).clamp(1, MAX_PER_PAGE);
    let page = q.page.unwrap_or(1).max(1);
    let filters = Filters {
        status: q.status,
        q: q.q,
        owed: q.owed,
        flagged: q.flagged,
        all: q.all,
        page: None,
    };
    let matching: Vec<&ListItem> = all.iter().filter(|i| filters.keep(i)).collect();
    let total = matching.len();
    let shown: Vec<&ListItem> = matching
        .into_iter()
        .skip((page - 1).saturating_mul(per_page))
        .take(per_page)
        .collect();
    let bytes = serde_json::to_vec(&shown).map_err(super::error::WebError::internal)?;
    Ok((bytes.into(), total))
}

async fn show(acting: Acting, Path(id): Path<String>) -> Api<InvitationView> {
    Ok(Json(actions::show(&acting.app, &id).await?))
}

async fn drafts(acting: Acting, Path(id): Path<String>) -> Api<Vec<DraftView>> {
    Ok(Json(actions::drafts(&acting.app, &id).await?))
}

async fn referral_choices(acting: Acting, Path(id): Path<String>) -> Api<Vec<ReferralChoice>> {
    Ok(Json(actions::referral_choices(&acting.app, &id).await?))
}

async fn call_sheet(acting: Acting, Path(id): Path<String>) -> Api<CallSheet> {
    Ok(Json(actions::call_sheet(&acting.app, &id).await?))
}

#[derive(Debug, Deserialize)]
struct CallForm {
    outcome: String,
    note: Option<String>,
    confirmed: Option<String>,
    email: Option<String>,
}

async fn log_call(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<CallForm>,
) -> Api<CallLogged> {
    let outcome = match f.outcome.as_str() {
        "reached" => CallOutcome::Reached,
        "voicemail" => CallOutcome::Voicemail,
        "no-answer" => CallOutcome::NoAnswer,
        other => {
            return Err(super::error::WebError::bad(format!("unknown outcome {other:?}")).into());
        }
    };
    Ok(Json(
        actions::log_call(
            &acting.app,
            CallInput {
                id,
                outcome,
                note: given(&f.note),
                confirmed: given(&f.confirmed).is_some(),
                email: given(&f.email),
            },
        )
        .await?,
    ))
}

/// The advice the checklist's boxes would get; nothing is recorded.
async fn advice_preview(
    acting: Acting,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Api<AdviseOutcome> {
    let facts = facts_from(&form)?;
    Ok(Json(
        actions::advise_preview(&acting.app, &id, facts).await?,
    ))
}

async fn advise(
    acting: Acting,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Api<AdviseOutcome> {
    let facts = facts_from(&form)?;
    Ok(Json(actions::advise(&acting.app, &id, Some(facts)).await?))
}

#[derive(Debug, Deserialize)]
struct TextForm {
    body: String,
}

async fn lint_draft(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<TextForm>,
) -> Api<Vec<Finding>> {
    Ok(Json(actions::lint_draft(&acting.app, &id, &f.body).await?))
}

async fn lint(Form(f): Form<TextForm>) -> Api<Vec<Finding>> {
    Ok(Json(actions::lint_text(
        &f.body,
        bowout_core::model::Language::En,
    )))
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
) -> Api<Vec<DraftView>> {
    let reason = DeclineReason::parse(&f.reason)
        .ok_or_else(|| super::error::WebError::bad(format!("unknown reason {:?}", f.reason)))?;
    Ok(Json(
        actions::decline(
            &acting.app,
            DeclineInput {
                id,
                reason,
                referral: given(&f.referral),
                language: None,
            },
        )
        .await?,
    ))
}

#[derive(Debug, Deserialize)]
struct DismissForm {
    reason: String,
}

async fn dismiss(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<DismissForm>,
) -> Api<Dismissed> {
    let reason = DismissReason::parse(&f.reason)
        .ok_or_else(|| super::error::WebError::bad(format!("unknown reason {:?}", f.reason)))?;
    Ok(Json(actions::dismiss(&acting.app, &id, reason).await?))
}

async fn undismiss(acting: Acting, Path(id): Path<String>) -> Api<Undismissed> {
    Ok(Json(actions::undismiss(&acting.app, &id).await?))
}

fn send_input(id: String, mode: SendMode, force: bool) -> SendInput {
    SendInput {
        id,
        mode,
        force,
        confirm_sent: Vec::new(),
        resend: Vec::new(),
    }
}

/// `send --dry-run --json`.
async fn send_dry_run(acting: Acting, Path(id): Path<String>) -> Api<SendReport> {
    let app = acting.app;
    let input = send_input(id, SendMode::DryRun, false);
    Ok(Json(
        detached(move || async move { actions::send(&app, input).await }).await??,
    ))
}

#[derive(Debug, Deserialize)]
struct SendForm {
    force: Option<String>,
}

async fn send(acting: Acting, Path(id): Path<String>, Form(f): Form<SendForm>) -> Api<SendReport> {
    let force = given(&f.force).is_some();
    let app = acting.app;
    let input = send_input(id, SendMode::Smtp, force);
    Ok(Json(
        detached(move || async move { actions::send(&app, input).await }).await??,
    ))
}

async fn agenda(acting: Acting) -> Api<Agenda> {
    Ok(Json(actions::agenda(&acting.app).await?))
}

/// `review --json`: the messages waiting for an answer.
async fn review_list(acting: Acting) -> Api<Vec<actions::ToReview>> {
    Ok(Json(actions::pending_reviews(&acting.app).await?))
}

#[derive(Debug, Deserialize)]
struct ReviewForm {
    answer: String,
}

/// `review KEY --answer …`.
async fn review_answer(
    acting: Acting,
    Path(key): Path<String>,
    Form(f): Form<ReviewForm>,
) -> Api<actions::Answered> {
    let answer = super::pages::review::parse_answer(&f.answer)?;
    Ok(Json(
        actions::answer_review(&acting.app, &key, answer).await?,
    ))
}

async fn referrals(acting: Acting) -> Api<Vec<ReferralItem>> {
    Ok(Json(actions::referrals(&acting.app).await?))
}

/// `replies --imap --json`.
async fn replies(acting: Acting) -> Api<RepliesReport> {
    let app = acting.app;
    Ok(Json(
        detached(move || async move { actions::replies_from_imap(&app).await }).await??,
    ))
}

/// `sync --json`.
async fn sync(acting: Acting) -> Api<SyncReport> {
    let app = acting.app;
    Ok(Json(
        detached(move || async move { actions::sync(&app, None).await }).await??,
    ))
}
