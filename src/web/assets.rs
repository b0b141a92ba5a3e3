//! The stylesheet, the script and the example invitation, embedded in the binary: nothing
//! is loaded from anywhere else.

use super::state::Shared;
use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

pub const CSS: &str = include_str!("assets/app.css");
pub const JS: &str = include_str!("assets/app.js");
pub const ICON: &str = include_str!("assets/icon.svg");
/// The invitation the first page offers to load, as the quick start does.
pub const EXAMPLE_INVITATION: &[u8] = include_bytes!("../../examples/invitation.eml");

pub fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/assets/app.css",
            get(|| async {
                ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS).into_response()
            }),
        )
        .route(
            "/assets/icon.svg",
            get(|| async { ([(header::CONTENT_TYPE, "image/svg+xml")], ICON).into_response() }),
        )
        .route(
            "/assets/app.js",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    JS,
                )
                    .into_response()
            }),
        )
}
