//! Errors as answers: a page for the browser, `{"error": …}` for the API, each with the
//! status that says what went wrong.

use crate::actions::ActionError;
use crate::store::StoreError;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

/// What went wrong, and the status it answers with.
#[derive(Debug)]
pub struct WebError {
    pub status: StatusCode,
    pub message: String,
}

impl WebError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    pub fn bad(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn internal(e: impl std::fmt::Display) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

/// The database cannot be reached (it went away, or every connection is busy): the answer
/// is 503, and the next request tries again.
pub fn is_unavailable(e: &ActionError) -> bool {
    match e {
        ActionError::Store(StoreError::Connect(_)) => true,
        ActionError::Store(StoreError::Database(e)) => match e {
            sqlx::Error::Io(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Tls(_)
            | sqlx::Error::Protocol(_) => true,
            // The server shutting down (57P…) or a connection failure (08…).
            sqlx::Error::Database(d) => d
                .code()
                .is_some_and(|c| c.starts_with("57P") || c.starts_with("08")),
            _ => false,
        },
        _ => false,
    }
}

impl From<ActionError> for WebError {
    fn from(e: ActionError) -> Self {
        if is_unavailable(&e) {
            return Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("the database cannot be reached; try again in a moment ({e})"),
            );
        }
        let status = match &e {
            ActionError::BadInput(_) | ActionError::Invalid(_) => StatusCode::BAD_REQUEST,
            ActionError::Store(StoreError::NotFound { .. }) => StatusCode::NOT_FOUND,
            ActionError::Store(StoreError::Ambiguous { .. }) => StatusCode::BAD_REQUEST,
            ActionError::Refused(_) | ActionError::Setup(_) | ActionError::Compose(_) => {
                StatusCode::CONFLICT
            }
            ActionError::Imap(_) | ActionError::OAuth(_) => StatusCode::BAD_GATEWAY,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Self::new(status, e.to_string())
    }
}

impl From<bowout_core::model::ModelError> for WebError {
    fn from(e: bowout_core::model::ModelError) -> Self {
        Self::bad(e.to_string())
    }
}

impl From<minijinja::Error> for WebError {
    fn from(e: minijinja::Error) -> Self {
        Self::internal(format!("cannot render the page: {e}"))
    }
}

impl From<anyhow::Error> for WebError {
    fn from(e: anyhow::Error) -> Self {
        Self::internal(format!("{e:#}"))
    }
}

/// The page shown for an error: plain, escaped, with the way back.
impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let body = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>bowout: {code}</title><link rel=\"icon\" href=\"/assets/icon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/assets/app.css\"></head>\
             <body><main id=\"main\"><h1>{reason}</h1><p class=\"error\" role=\"alert\">{msg}</p>\
             <p><a href=\"/\">Back to the invitations</a></p></main></body></html>",
            code = self.status.as_u16(),
            reason = self.status.canonical_reason().unwrap_or("Error"),
            msg = escape(&self.message),
        );
        (self.status, Html(body)).into_response()
    }
}

/// An error of the JSON API.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        Self(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.0.status,
            Json(serde_json::json!({ "error": self.0.message })),
        )
            .into_response()
    }
}

/// Text for HTML outside a template.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
