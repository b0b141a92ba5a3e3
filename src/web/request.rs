//! Small readers and answers every check of a request shares: a cookie, a query value, a
//! form's CSRF field, a constant-time comparison, and a refusal.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

/// The largest url-encoded form read for its CSRF field.
const FORM_LIMIT: usize = 1024 * 1024;

pub(crate) fn refuse(status: StatusCode, why: &str) -> Response {
    (status, format!("bowout: {why}\n")).into_response()
}

pub(crate) fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

pub(crate) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub(crate) fn query_value(query: Option<&str>, key: &str) -> Option<String> {
    url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

/// Reads a url-encoded form's `_csrf` field and puts the body back for the handler.
pub(crate) async fn form_field(req: Request) -> Result<(Request, Option<String>), Response> {
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Ok((req, None));
    }
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, FORM_LIMIT)
        .await
        .map_err(|_| refuse(StatusCode::PAYLOAD_TOO_LARGE, "the form is too large"))?;
    let token = url::form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == "_csrf")
        .map(|(_, v)| v.into_owned());
    Ok((Request::from_parts(parts, Body::from(bytes)), token))
}

/// `req` if it carries the CSRF token `expected`: in the `x-csrf-token` header (the page's
/// script), `?_csrf=` (a file upload's form) or a url-encoded form's `_csrf` field; a 403
/// otherwise.
pub(crate) async fn csrf_checked(req: Request, expected: &str) -> Result<Request, Response> {
    let header_token = req
        .headers()
        .get("x-csrf-token")
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        .or_else(|| query_value(req.uri().query(), "_csrf"));
    let (req, form_token) = match header_token {
        Some(_) => (req, None),
        None => form_field(req).await?,
    };
    if header_token
        .or(form_token)
        .is_some_and(|t| same(&t, expected))
    {
        Ok(req)
    } else {
        Err(refuse(
            StatusCode::FORBIDDEN,
            "the form's CSRF token is missing or wrong",
        ))
    }
}

/// Whether `origin` (an `Origin` header) is a page of this server: `http://` and one of the
/// `hosts` it answers to.
pub(crate) fn own_origin(hosts: &[String], origin: &str) -> bool {
    origin
        .strip_prefix("http://")
        .is_some_and(|o| hosts.iter().any(|h| h.eq_ignore_ascii_case(o)))
}
