//! Import: upload `.eml`, mbox (`.mbox`, `.mbox.gz`) or a zipped Maildir; the upload shows
//! its progress, then the page lists the invitations found.

use super::{page, v};
use crate::actions::{self, ListItem};
use crate::web::error::WebError;
use crate::web::state::{Acting, Finished, Shared};
use crate::web::upload;
use axum::Router;
use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use axum::routing::get;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/import", get(form))
        .route("/import/{key}", get(finished))
}

/// The upload route, under the upload size limit.
pub fn uploads() -> Router<Shared> {
    Router::new().route("/import", axum::routing::post(receive))
}

async fn form(State(web): State<Shared>) -> Result<Response, WebError> {
    page(
        &web,
        "import.html",
        "import",
        minijinja::context! { limit_mb => v(&(web.upload_limit / 1024 / 1024)) },
    )
}

async fn receive(
    State(web): State<Shared>,
    acting: Acting,
    form: Multipart,
) -> Result<Response, WebError> {
    let uploaded = upload::receive(form).await?;
    let report = actions::import(&acting.app, uploaded.paths.clone(), false, false).await?;
    drop(uploaded.dir);
    let key = web.keep_report(
        &acting.owner(),
        Finished {
            files: uploaded.names,
            report,
        },
    )?;
    web.changed();
    Ok(super::see(&format!("/import/{key}")))
}

async fn finished(
    State(web): State<Shared>,
    acting: Acting,
    Path(key): Path<String>,
) -> Result<Response, WebError> {
    let Some(done) = web.report(&acting.owner(), &key) else {
        return Err(WebError::new(
            axum::http::StatusCode::NOT_FOUND,
            "that import's result is no longer kept: see the invitations",
        ));
    };
    let all = web.invitations(&acting).await?;
    let found: Vec<&ListItem> = done
        .report
        .ids
        .iter()
        .filter_map(|id| all.iter().find(|i| &i.id == id))
        .collect();
    page(
        &web,
        "imported.html",
        "import",
        minijinja::context! { done => v(&(&*done)), found => v(&(found)) },
    )
}
