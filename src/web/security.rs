//! The checks every request passes before a handler sees it, and the headers every answer
//! carries.
//!
//! 1. `Host` must name the address the server is bound to (a page on another site that
//!    resolves its own name to 127.0.0.1, DNS rebinding, is refused).
//! 2. The access token: `?token=` on a first `GET` becomes an HttpOnly, SameSite=Strict
//!    cookie and the browser is sent to the same address without it; after that, every
//!    request must carry the cookie.
//! 3. A state-changing request (anything but GET and HEAD) must come from a page of this
//!    server (`Origin`) and carry the CSRF token: the `x-csrf-token` header, a `_csrf` field
//!    of a url-encoded form, or `?_csrf=` in the address a file upload's form posts to.

use super::request::{cookie, csrf_checked, own_origin, query_value, refuse, same};
use super::state::Shared;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

/// The Content-Security-Policy of every answer: nothing inline, nothing from elsewhere.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     connect-src 'self'; form-action 'self'; frame-src 'self'; frame-ancestors 'self'; \
     base-uri 'none'; object-src 'none'";

/// The cookie's name: one per port, so that two servers on one machine keep apart.
pub fn cookie_name(web: &Shared) -> String {
    let port = web.hosts[0].rsplit(':').next().unwrap_or("0");
    format!("bowout_{port}")
}

/// The address without `token=`, for the redirect that takes it out of the address bar.
fn without_token(path: &str, query: Option<&str>) -> String {
    let rest: Vec<(String, String)> = url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .filter(|(k, _)| k != "token")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if rest.is_empty() {
        return path.to_string();
    }
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(rest)
        .finish();
    format!("{path}?{query}")
}

pub async fn guard(State(web): State<Shared>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !web.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        return refuse(
            StatusCode::MISDIRECTED_REQUEST,
            "this server answers only to its own address",
        );
    }
    if let Some(multi) = &web.multi {
        return super::signed_in::guard(web.clone(), multi, req, next).await;
    }
    let name = cookie_name(&web);
    let query = req.uri().query();
    if let Some(given) = query_value(query, "token") {
        if req.method() != Method::GET || !same(&given, &web.token) {
            return refuse(StatusCode::UNAUTHORIZED, "the access token is wrong");
        }
        let target = without_token(req.uri().path(), query);
        let mut res = Redirect::to(&target).into_response();
        let cookie = format!("{name}={}; HttpOnly; SameSite=Strict; Path=/", web.token);
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().insert(header::SET_COOKIE, v);
        }
        return res;
    }
    if !cookie(req.headers(), &name).is_some_and(|c| same(c, &web.token)) {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "open the address `bowout serve` printed (it holds the access token)",
        );
    }
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        return next.run(req).await;
    }
    let origin = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !own_origin(&web.hosts, origin) {
        return refuse(
            StatusCode::FORBIDDEN,
            "a change must come from a page of this server (Origin)",
        );
    }
    let req = match csrf_checked(req, &web.csrf).await {
        Ok(req) => req,
        Err(res) => return res,
    };
    let res = next.run(req).await;
    web.changed();
    res
}

/// The headers of every answer, refusals included. The referrer policy is `same-origin`:
/// nothing leaves for other sites, and the browser keeps sending `Origin` on this server's
/// own forms (under `no-referrer` it would send `Origin: null`).
pub async fn headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("SAMEORIGIN"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
