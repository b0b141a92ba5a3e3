//! The review tier: the messages the classifier was unsure about, one card each, with the
//! three answers (an invitation, not an invitation, a scam). An invitation is recorded and
//! opened; the other answers come back to the list.

use super::{page, see, v};
use crate::actions::{self, Answer};
use crate::web::error::WebError;
use crate::web::state::{Acting, Shared};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/review", get(list))
        .route("/review/{key}", post(answer))
}

/// The answer a review form posts, by its name.
pub fn parse_answer(given: &str) -> Result<Answer, WebError> {
    match given {
        "invitation" => Ok(Answer::Invitation),
        "not" => Ok(Answer::Not),
        "scam" => Ok(Answer::Scam),
        other => Err(WebError::bad(format!(
            "unknown answer {other:?}: invitation, not or scam"
        ))),
    }
}

async fn list(State(web): State<Shared>, acting: Acting) -> Result<Response, WebError> {
    let pending = actions::pending_reviews(&acting.app).await?;
    page(
        &web,
        "review.html",
        "review",
        minijinja::context! { pending => v(&(pending)) },
    )
}

#[derive(Debug, Deserialize)]
struct AnswerForm {
    answer: String,
}

async fn answer(
    State(web): State<Shared>,
    acting: Acting,
    Path(key): Path<String>,
    Form(f): Form<AnswerForm>,
) -> Result<Response, WebError> {
    let given = parse_answer(&f.answer)?;
    let answered = actions::answer_review(&acting.app, &key, given).await?;
    web.changed();
    Ok(match &answered.invitation_id {
        Some(id) => see(&format!("/invitations/{id}")),
        None => see("/review"),
    })
}
