//! After deciding: the agenda (owed today, and next), the follow-up call with its outcome
//! buttons, the formal letter (preview, PDF, mailing and receipt), replies (from IMAP or
//! uploaded files), `sync`, and the referrals a decline may name.

use super::{detached, download, given, page, see, v};
use crate::actions::{self, CallInput, CallOutcome, NewReferral};
use crate::web::error::WebError;
use crate::web::state::{Acting, Shared};
use crate::web::upload;
use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use bowout_core::model::{EmailAddress, PersonName, Phone};
use serde::Deserialize;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/agenda", get(agenda))
        .route("/invitations/{id}/call", get(call_sheet).post(log_call))
        .route("/invitations/{id}/letter", get(letter))
        .route("/invitations/{id}/letter.pdf", get(letter_pdf))
        .route("/invitations/{id}/letter/mailed", post(mailed))
        .route("/invitations/{id}/letter/receipt", post(receipt))
        .route("/replies", get(replies_page))
        .route("/replies/imap", post(replies_imap))
        .route("/sync", post(sync))
        .route("/referrals", get(referrals).post(add_referral))
}

/// The reply files' upload, under the upload size limit.
pub fn uploads() -> Router<Shared> {
    Router::new().route("/replies/upload", post(replies_upload))
}

async fn agenda(State(web): State<Shared>, acting: Acting) -> Result<Response, WebError> {
    let agenda = actions::agenda(&acting.app).await?;
    page(
        &web,
        "agenda.html",
        "agenda",
        minijinja::context! { agenda => v(&(agenda)) },
    )
}

async fn call_sheet(
    State(web): State<Shared>,
    acting: Acting,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let sheet = actions::call_sheet(&acting.app, &id).await?;
    let inv = actions::show(&acting.app, &sheet.invitation_id).await?;
    page(
        &web,
        "call.html",
        "agenda",
        minijinja::context! { sheet => v(&(sheet)), inv => v(&(inv)) },
    )
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
) -> Result<Response, WebError> {
    let outcome = match f.outcome.as_str() {
        "reached" => CallOutcome::Reached,
        "voicemail" => CallOutcome::Voicemail,
        "no-answer" => CallOutcome::NoAnswer,
        other => return Err(WebError::bad(format!("unknown outcome {other:?}"))),
    };
    let logged = actions::log_call(
        &acting.app,
        CallInput {
            id,
            outcome,
            note: given(&f.note),
            confirmed: given(&f.confirmed).is_some(),
            email: given(&f.email),
        },
    )
    .await?;
    Ok(see(&format!("/invitations/{}/call", logged.invitation_id)))
}

async fn letter(
    State(web): State<Shared>,
    acting: Acting,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let inv = actions::show(&acting.app, &id).await?;
    let status = actions::letter_status(&acting.app, &inv.id).await?;
    let me = &acting.app.config.identity;
    page(
        &web,
        "letter.html",
        "invitations",
        minijinja::context! {
        inv => v(&(inv)), letter => v(&(status)),
        sender_address => v(&(me.address.as_deref().is_some_and(|a| !a.trim().is_empty()))),
        today => v(&(acting.app.clock.today().to_string())) },
    )
}

/// The letter as a PDF: shown in the page, or downloaded.
async fn letter_pdf(acting: Acting, Path(id): Path<String>) -> Result<Response, WebError> {
    let dir = tempfile::tempdir().map_err(WebError::internal)?;
    let path = dir.path().join("letter.pdf");
    let written = actions::write_letter(&acting.app, &id, &path).await?;
    let bytes = std::fs::read(&written.path).map_err(WebError::internal)?;
    let mut res = download(bytes, "application/pdf", &format!("letter-{id}.pdf"));
    // Shown inline in the page's preview; the download link asks for a file.
    res.headers_mut().insert(
        axum::http::header::CONTENT_DISPOSITION,
        axum::http::HeaderValue::from_static("inline; filename=\"letter.pdf\""),
    );
    Ok(res)
}

#[derive(Debug, Deserialize)]
struct MailedForm {
    mailed: String,
    tracking: String,
}

async fn mailed(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<MailedForm>,
) -> Result<Response, WebError> {
    let inv = actions::show(&acting.app, &id).await?;
    actions::record_mailing(&acting.app, &inv.id, f.mailed.trim(), f.tracking.trim()).await?;
    Ok(see(&format!("/invitations/{}/letter", inv.id)))
}

#[derive(Debug, Deserialize)]
struct ReceiptForm {
    received: String,
}

async fn receipt(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<ReceiptForm>,
) -> Result<Response, WebError> {
    let inv = actions::show(&acting.app, &id).await?;
    actions::record_receipt(&acting.app, &inv.id, f.received.trim()).await?;
    Ok(see(&format!("/invitations/{}/letter", inv.id)))
}

async fn replies_page(State(web): State<Shared>, acting: Acting) -> Result<Response, WebError> {
    let imap = given(&acting.app.config.imap.host).is_some();
    page(
        &web,
        "replies.html",
        "replies",
        minijinja::context! { imap => v(&(imap)), limit_mb => v(&(web.upload_limit / 1024 / 1024)) },
    )
}

async fn replies_imap(State(web): State<Shared>, acting: Acting) -> Result<Response, WebError> {
    let app = acting.app;
    let report = detached(move || async move { actions::replies_from_imap(&app).await }).await??;
    page(
        &web,
        "replies.html",
        "replies",
        minijinja::context! { report => v(&(report)), imap => v(&(true)), limit_mb => v(&(web.upload_limit / 1024 / 1024)) },
    )
}

async fn replies_upload(
    State(web): State<Shared>,
    acting: Acting,
    form: Multipart,
) -> Result<Response, WebError> {
    let uploaded = upload::receive(form).await?;
    let imap = given(&acting.app.config.imap.host).is_some();
    let (app, paths) = (acting.app, uploaded.paths.clone());
    let report =
        detached(move || async move { actions::replies_from_files(&app, &paths).await }).await??;
    drop(uploaded.dir);
    web.changed();
    page(
        &web,
        "replies.html",
        "replies",
        minijinja::context! { report => v(&(report)), imap => v(&(imap)), limit_mb => v(&(web.upload_limit / 1024 / 1024)) },
    )
}

async fn sync(State(web): State<Shared>, acting: Acting) -> Result<Response, WebError> {
    let app = acting.app;
    let report = detached(move || async move { actions::sync(&app, None).await }).await??;
    page(
        &web,
        "synced.html",
        "replies",
        minijinja::context! { report => v(&(report)) },
    )
}

async fn referrals(State(web): State<Shared>, acting: Acting) -> Result<Response, WebError> {
    let items = actions::referrals(&acting.app).await?;
    page(
        &web,
        "referrals.html",
        "referrals",
        minijinja::context! { items => v(&(items)), today => v(&(acting.app.clock.today().to_string())) },
    )
}

#[derive(Debug, Deserialize)]
struct ReferralForm {
    name: String,
    email: String,
    phone: Option<String>,
    permission_date: String,
    permission_how: String,
    work_domain: Option<String>,
}

async fn add_referral(acting: Acting, Form(f): Form<ReferralForm>) -> Result<Response, WebError> {
    actions::add_referral(
        &acting.app,
        NewReferral {
            name: PersonName::parse(&f.name)?,
            email: EmailAddress::parse(&f.email)?,
            phone: given(&f.phone).map(|p| Phone::parse(&p)).transpose()?,
            permission: format!("{} {}", f.permission_date.trim(), f.permission_how.trim()),
            work_domain: given(&f.work_domain),
        },
    )
    .await?;
    Ok(see("/referrals"))
}
