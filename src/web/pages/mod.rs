//! The pages: one file per part of the workflow. Each handler reads the request, calls one
//! action, and renders what it returns; a form posts, then the browser is sent to the page
//! that shows the result.

pub mod decide;
pub mod followup;
pub mod import;
pub mod invitation;
pub mod invitations;
pub mod people;
pub mod review;
pub mod settings;

use super::error::WebError;
use super::state::Shared;
use axum::Router;
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::Value;

pub fn routes() -> Router<Shared> {
    Router::new()
        .merge(invitations::routes())
        .merge(import::routes())
        .merge(invitation::routes())
        .merge(decide::routes())
        .merge(followup::routes())
        .merge(settings::routes())
        .merge(review::routes())
        .merge(people::routes())
}

/// The page `name`, with what every page needs (the CSRF token, the section in the menu).
pub fn page(web: &Shared, name: &str, section: &str, ctx: Value) -> Result<Response, WebError> {
    // Coach mode: the session's CSRF token, who signed in and whom a coach is looking at.
    let ctx = match crate::web::multi::PAGE.try_with(Clone::clone) {
        Ok(p) => {
            minijinja::context! { csrf => v(&(p.csrf)), account => v(&p), section => v(&(section)), ..ctx }
        }
        Err(_) => minijinja::context! { csrf => v(&(web.csrf)), section => v(&(section)), ..ctx  },
    };
    Ok(Html(web.render.page(name, ctx)?).into_response())
}

/// Runs an action whose future the compiler cannot prove `Send` (the long ones that talk to
/// mail servers) on a blocking thread of the runtime, and waits for it.
pub async fn detached<T, Fut>(run: impl FnOnce() -> Fut + Send + 'static) -> Result<T, WebError>
where
    T: Send + 'static,
    Fut: std::future::Future<Output = T>,
{
    let handle = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || handle.block_on(run()))
        .await
        .map_err(|e| WebError::internal(format!("the action stopped: {e}")))
}

/// Any serialisable view as a template value.
pub fn v<T: serde::Serialize + ?Sized>(value: &T) -> Value {
    Value::from(minijinja::value::Serde(value))
}

/// After a form: show the page the change is seen on.
pub fn see(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// A text field: trimmed, and `None` when empty.
pub fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// A file to download.
pub fn download(bytes: Vec<u8>, content_type: &'static str, file_name: &str) -> Response {
    use axum::http::header;
    let name: String = file_name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}
