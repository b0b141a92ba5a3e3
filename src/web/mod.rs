//! `bowout serve`: the whole workflow in a browser, on this machine, over the same actions
//! as the command line.
//!
//! - [`state`]: what the server keeps; [`state::Acting`] resolves who acts on a request.
//! - [`security`]: the host, token, Origin and CSRF checks, and the headers of every answer.
//! - [`pages`]: one file per page (server-rendered HTML, templates in `templates/`).
//! - [`api`]: the JSON API under `/api`, in the CLI's `--json` shapes.
//! - [`assets`]: the stylesheet, the script and the example invitation, embedded.
//!
//! Handlers only read the request, call one action and render what it returns.

mod api;
mod assets;
mod error;
pub mod multi;
mod overview;
mod pages;
mod render;
mod request;
mod security;
mod signed_in;
mod state;
mod upload;

#[cfg(test)]
mod tests;

pub use state::{Shared, Web};

use crate::actions::App;
use anyhow::Context;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use std::net::SocketAddr;
use std::sync::Arc;

/// The largest upload `serve` accepts (import, reply files): 256 MB.
pub const UPLOAD_LIMIT: usize = 256 * 1024 * 1024;

/// Every route, behind the security checks.
pub fn router(web: Shared) -> Router {
    let uploads = Router::new()
        .merge(pages::import::uploads())
        .merge(pages::followup::uploads())
        .layer(DefaultBodyLimit::max(web.upload_limit));
    Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .merge(assets::routes())
        .layer(DefaultBodyLimit::max(1024 * 1024))
        .merge(uploads)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&web),
            security::guard,
        ))
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(web)
}

/// Binds `addr`, prints the URL to open (with the access token) as the first line on
/// standard output, opens the browser when asked, and serves until Ctrl-C.
pub async fn serve(app: App, addr: SocketAddr, open: bool) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let bound = listener
        .local_addr()
        .context("cannot read the bound address")?;
    let web = Arc::new(Web::new(app, bound, UPLOAD_LIMIT)?);
    let url = web.url();
    {
        use std::io::Write as _;
        let mut out = std::io::stdout().lock();
        writeln!(out, "{url}").context("cannot write the address")?;
        out.flush().context("cannot write the address")?;
    }
    eprintln!("bowout: serving on http://{bound}/ (Ctrl-C stops)");
    // The browser is handed a private file that forwards to the URL, so that the token is
    // never on a command line; it is removed when the server stops.
    let _forward = if open {
        match open_browser(&url) {
            Ok(file) => Some(file),
            Err(e) => {
                eprintln!("bowout: cannot open a browser ({e:#}): open the address above");
                None
            }
        }
    } else {
        None
    };
    axum::serve(listener, router(web))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("the server stopped")
}

/// Coach mode: binds `addr`, prints the address to sign in at, and serves until Ctrl-C.
pub async fn serve_multi(app: App, multi: multi::Multi, addr: SocketAddr) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let bound = listener
        .local_addr()
        .context("cannot read the bound address")?;
    let public = multi.public.as_ref().map(url::Url::to_string);
    let web = Arc::new(Web::new_multi(app, bound, UPLOAD_LIMIT, multi)?);
    {
        use std::io::Write as _;
        let mut out = std::io::stdout().lock();
        writeln!(out, "http://{bound}/login").context("cannot write the address")?;
        out.flush().context("cannot write the address")?;
    }
    match public {
        Some(p) => eprintln!("bowout: coach mode on http://{bound}/, opened as {p} (Ctrl-C stops)"),
        None => eprintln!("bowout: coach mode on http://{bound}/ (Ctrl-C stops)"),
    }
    axum::serve(
        listener,
        router(web).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .context("the server stopped")
}

fn open_browser(url: &str) -> anyhow::Result<tempfile::NamedTempFile> {
    use std::io::Write as _;
    let mut file = tempfile::Builder::new()
        .prefix("bowout-open-")
        .suffix(".html")
        .tempfile()
        .context("cannot write the page that opens bowout")?;
    let page = format!(
        "<!doctype html><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url={}\"><title>bowout</title>",
        error::escape(url)
    );
    file.write_all(page.as_bytes())
        .and_then(|()| file.flush())
        .context("cannot write the page that opens bowout")?;
    open::that_detached(file.path()).context("no browser could be started")?;
    Ok(file)
}
