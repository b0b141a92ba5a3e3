//! The checks of a coach-mode request, after the Host check: a session cookie (or under
//! `/api` an API token), the Origin and CSRF token of a change, whose records the request
//! reaches (a guessed id answers 404 before the handler runs), what a coach or an admin may
//! change, and the audit log of sends, deletions and exports.

use super::error::WebError;
use super::multi::{
    ClientAddress, Multi, PAGE, PageContext, SESSION_COOKIE, Who, client_address, not_found,
};
use super::request::{cookie, csrf_checked, refuse};
use super::state::Shared;
use crate::actions::accounts;
use crate::store::accounts::Role;
use axum::extract::{ConnectInfo, Request};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;

fn unavailable(e: &crate::actions::ActionError) -> Response {
    let err = WebError::from(crate::actions::ActionError::Refused(e.to_string()));
    let status = if super::error::is_unavailable(e) {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        err.status
    };
    refuse(
        status,
        if status == StatusCode::SERVICE_UNAVAILABLE {
            "the database cannot be reached; try again in a moment"
        } else {
            "cannot check the session"
        },
    )
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
}

/// The checks of a coach-mode request, after the Host check.
pub async fn guard(web: Shared, multi: &Multi, mut req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let reading = matches!(*req.method(), Method::GET | Method::HEAD);
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    let address = client_address(req.headers(), peer, multi);
    let now = web.app().clock.now();
    if reading && path.starts_with("/assets/") {
        return next.run(req).await;
    }
    let origin = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .to_string();
    if path == "/login" {
        if !reading && !multi.origin_ok(&web.hosts, &origin) {
            return refuse(
                StatusCode::FORBIDDEN,
                "a change must come from a page of this server (Origin)",
            );
        }
        req.extensions_mut().insert(ClientAddress(address));
        return next.run(req).await;
    }
    // An API token: for /api only, and never a browser's ambient credential.
    if let Some(token) = bearer(req.headers()) {
        if !path.starts_with("/api/") {
            return refuse(StatusCode::UNAUTHORIZED, "API tokens are for /api only");
        }
        let token = token.to_string();
        let user = match accounts::user_for_token(&multi.accounts, &token, &address, now).await {
            Ok(Some(user)) => user,
            Ok(None) => {
                return refuse(
                    StatusCode::UNAUTHORIZED,
                    "the API token is unknown, revoked, or its user was removed",
                );
            }
            Err(e) => return unavailable(&e),
        };
        let who = Who {
            user,
            viewing: None,
            session_hash: None,
        };
        if let Err(e) = check_record(&web, multi, &who, &path).await {
            return e.into_response();
        }
        req.extensions_mut().insert(who);
        let res = next.run(req).await;
        if !reading {
            web.changed();
        }
        return res;
    }
    let Some(cookie_value) = cookie(req.headers(), SESSION_COOKIE).map(str::to_string) else {
        if reading && path == "/" {
            return Redirect::to("/login").into_response();
        }
        return refuse(StatusCode::UNAUTHORIZED, "sign in first: /login");
    };
    let session = match accounts::session_for(&multi.accounts, &cookie_value, now).await {
        Ok(Some(s)) => s,
        Ok(None) => {
            if reading && path == "/" {
                return Redirect::to("/login").into_response();
            }
            return refuse(
                StatusCode::UNAUTHORIZED,
                "the session ended (or its user was removed): sign in again at /login",
            );
        }
        Err(e) => return unavailable(&e),
    };
    let viewing = match (&session.user.role, &session.viewing) {
        (Role::Coach, Some(seeker)) => {
            let mut conn = match multi.accounts.conn().await {
                Ok(c) => c,
                Err(e) => return unavailable(&e.into()),
            };
            match crate::store::accounts::assigned_seeker(&mut conn, &session.user.id, seeker).await
            {
                Ok(found) => found,
                Err(e) => return unavailable(&e.into()),
            }
        }
        _ => None,
    };
    if reading && path == "/" {
        match session.user.role {
            Role::Coach if viewing.is_none() => return Redirect::to("/coach").into_response(),
            Role::Admin => return Redirect::to("/admin").into_response(),
            _ => {}
        }
    }
    if !reading {
        if !multi.origin_ok(&web.hosts, &origin) {
            return refuse(
                StatusCode::FORBIDDEN,
                "a change must come from a page of this server (Origin)",
            );
        }
        req = match csrf_checked(req, &session.csrf).await {
            Ok(req) => req,
            Err(res) => return res,
        };
    }
    let context = PageContext {
        csrf: session.csrf.clone(),
        me: Some(session.user.name.clone()),
        role: Some(session.user.role.as_str()),
        viewing: viewing.as_ref().map(|v| v.name.clone()),
    };
    let who = Who {
        user: session.user,
        viewing,
        session_hash: Some(accounts::hash_secret(&cookie_value)),
    };
    if let Err(e) = check_record(&web, multi, &who, &path).await {
        return e.into_response();
    }
    // A coach looking at a seeker only reads (beside notes); an admin only manages accounts.
    if !reading {
        let allowed = match who.user.role {
            Role::Seeker => true,
            Role::Coach => {
                who.viewing.is_none() || path.starts_with("/coach/") || path == "/logout"
            }
            Role::Admin => path.starts_with("/admin/") || path == "/logout",
        };
        if !allowed {
            return refuse(
                StatusCode::FORBIDDEN,
                "read-only: a coach reads a seeker's pages, and may leave a note or suggest a \
                 draft",
            );
        }
    }
    let audited = (!reading).then(|| audited(&path)).flatten();
    let (user_id, actor) = (who.owner().to_string(), who.user.name.clone());
    req.extensions_mut().insert(who);
    req.extensions_mut().insert(ClientAddress(address.clone()));
    let res = PAGE.scope(context, next.run(req)).await;
    // Whatever a change touched, cached reads (the lists of invitations) are taken again.
    if !reading {
        web.changed();
    }
    if let Some(kind) = audited
        && (res.status().is_success() || res.status().is_redirection())
    {
        let done = async {
            let mut conn = multi
                .accounts
                .conn()
                .await
                .map_err(crate::actions::ActionError::from)?;
            accounts::audit(
                &mut conn,
                now,
                Some(&user_id),
                Some(&actor),
                kind,
                &path,
                Some(&address),
            )
            .await
        };
        if let Err(e) = done.await {
            eprintln!("bowout: cannot write the audit log: {e}");
        }
    }
    res
}

/// The audit log's kind for a change the path makes: sends, deletions, exports.
fn audited(path: &str) -> Option<&'static str> {
    if path.ends_with("/send") {
        Some("send")
    } else if path.ends_with("/delete") {
        Some("delete")
    } else if path.ends_with("/eml") {
        Some("export")
    } else {
        None
    }
}

/// The invitation id a path names (`/invitations/ID…`, `/api/invitations/ID…`,
/// `/coach/notes/ID`).
fn invitation_in_path(path: &str) -> Option<&str> {
    ["/api/invitations/", "/invitations/", "/coach/notes/"]
        .iter()
        .find_map(|prefix| path.strip_prefix(prefix))
        .map(|rest| rest.split('/').next().unwrap_or(rest))
        .filter(|id| !id.is_empty())
}

/// A request naming an invitation the acting user cannot reach is answered 404 before its
/// body is read, so that writes and reads answer alike whatever they carry. (The store
/// would not find it either: this only makes the answer the same for every route.)
async fn check_record(web: &Shared, multi: &Multi, who: &Who, path: &str) -> Result<(), WebError> {
    let Some(given) = invitation_in_path(path) else {
        return Ok(());
    };
    let app = multi.app_for(&web.app(), who)?;
    let mut conn = app
        .store
        .conn()
        .await
        .map_err(crate::actions::ActionError::from)?;
    match crate::store::resolve_invitation_id(&mut conn, given).await {
        Ok(_) => Ok(()),
        Err(
            crate::store::StoreError::NotFound { .. }
            | crate::store::StoreError::ShortId { .. }
            | crate::store::StoreError::Ambiguous { .. },
        ) => Err(not_found()),
        Err(e) => Err(crate::actions::ActionError::from(e).into()),
    }
}
