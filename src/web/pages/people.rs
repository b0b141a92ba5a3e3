//! Coach mode's own pages: signing in and out, the coach's seekers with what each owes,
//! looking at a seeker (read-only), notes and suggested drafts, the admin's accounts and
//! the audit log. On a single-user server none of these exist (404).

use super::{page, see, v};
use crate::actions::{self, accounts};
use crate::store::accounts::{Role, User};
use crate::web::error::WebError;
use crate::web::multi::{ClientAddress, Multi, SESSION_COOKIE, Who, not_found, session_cookie};
use crate::web::overview::SeekerOverview;
use crate::web::state::Shared;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Json, Router};
use serde::Deserialize;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/coach", get(coach))
        .route("/coach/view/{seeker}", post(view))
        .route("/coach/leave", post(leave))
        .route("/coach/notes/{id}", post(add_note))
        .route("/admin", get(admin))
        .route("/admin/users", post(admin_add))
        .route("/admin/assign", post(admin_assign))
        .route("/admin/role", post(admin_role))
        .route("/audit", get(audit_page))
        .route("/api/audit", get(audit_api))
        .route("/api/coach/seekers", get(coach_api))
}

fn multi(web: &Shared) -> Result<&Multi, WebError> {
    web.multi.as_ref().ok_or_else(not_found)
}

fn who(w: Option<Extension<Who>>) -> Result<Who, WebError> {
    w.map(|Extension(w)| w).ok_or_else(not_found)
}

fn now(web: &Shared) -> i64 {
    web.app().clock.now()
}

async fn login_form(State(web): State<Shared>) -> Result<Response, WebError> {
    multi(&web)?;
    login_page(&web, StatusCode::OK, None)
}

fn login_page(web: &Shared, status: StatusCode, error: Option<&str>) -> Result<Response, WebError> {
    let mut res = page(
        web,
        "login.html",
        "login",
        minijinja::context! { error => v(&error) },
    )?;
    *res.status_mut() = status;
    Ok(res)
}

#[derive(Deserialize)]
struct LoginForm {
    name: String,
    password: String,
}

async fn login(
    State(web): State<Shared>,
    address: Option<Extension<ClientAddress>>,
    Form(f): Form<LoginForm>,
) -> Result<Response, WebError> {
    let multi = multi(&web)?;
    let address = address.map_or_else(|| "unknown".to_string(), |Extension(a)| a.0);
    let name = f.name.trim();
    if multi.limited(name, &address) {
        return login_page(
            &web,
            StatusCode::TOO_MANY_REQUESTS,
            Some("Too many failed attempts: wait 15 minutes and try again."),
        );
    }
    match accounts::login(&multi.accounts, name, &f.password, &address, now(&web)).await {
        Ok(done) => {
            let to = match done.user.role {
                Role::Seeker => "/",
                Role::Coach => "/coach",
                Role::Admin => "/admin",
            };
            let mut res = see(to);
            res.headers_mut().insert(
                header::SET_COOKIE,
                session_cookie(multi, &done.cookie, accounts::SESSION_SECONDS),
            );
            Ok(res)
        }
        Err(accounts::LoginRefused::Wrong) => {
            multi.failed(name, &address);
            login_page(
                &web,
                StatusCode::UNAUTHORIZED,
                Some("The name or the password is wrong."),
            )
        }
        Err(accounts::LoginRefused::Failed(e)) => Err(e.into()),
    }
}

async fn logout(
    State(web): State<Shared>,
    headers: axum::http::HeaderMap,
) -> Result<Response, WebError> {
    let multi = multi(&web)?;
    if let Some(value) = crate::web::request::cookie(&headers, SESSION_COOKIE) {
        accounts::logout(&multi.accounts, value, now(&web)).await?;
    }
    let mut res = see("/login");
    res.headers_mut()
        .insert(header::SET_COOKIE, session_cookie(multi, "", 0));
    Ok(res)
}

/// The coach's seekers with what each owes, read at most two seconds ago.
async fn seekers(
    web: &Shared,
    coach: &User,
) -> Result<std::sync::Arc<Vec<SeekerOverview>>, WebError> {
    let multi = multi(web)?;
    if coach.role != Role::Coach {
        return Err(not_found());
    }
    multi
        .overview(&coach.id, || read_seekers(web, multi, coach))
        .await
}

async fn read_seekers(
    web: &Shared,
    multi: &Multi,
    coach: &User,
) -> Result<Vec<SeekerOverview>, WebError> {
    let list = {
        let mut conn = multi
            .accounts
            .conn()
            .await
            .map_err(actions::ActionError::from)?;
        crate::store::accounts::seekers_of(&mut conn, &coach.id)
            .await
            .map_err(actions::ActionError::from)?
    };
    let server = web.app();
    let mut out = Vec::with_capacity(list.len());
    for seeker in list {
        let app = accounts::user_app(&server, &multi.accounts, &seeker, true, None)?;
        let agenda = actions::agenda(&app).await?;
        let count = |kind: actions::AgendaKind| {
            agenda
                .owed
                .iter()
                .chain(agenda.next.iter())
                .filter(|i| i.kind == kind)
                .count()
        };
        let calls_due = agenda
            .owed
            .iter()
            .filter(|i| i.kind == actions::AgendaKind::CallDue)
            .count();
        out.push(SeekerOverview {
            undecided: count(actions::AgendaKind::Undecided),
            unconfirmed: count(actions::AgendaKind::Unacknowledged),
            calls_due,
            owed: agenda.owed.len(),
            id: seeker.id,
            name: seeker.name,
            full_name: seeker.full_name,
        });
    }
    Ok(out)
}

async fn coach(State(web): State<Shared>, w: Option<Extension<Who>>) -> Result<Response, WebError> {
    let who = who(w)?;
    let list = seekers(&web, &who.user).await?;
    page(
        &web,
        "coach.html",
        "coach",
        minijinja::context! { seekers => v(&*list) },
    )
}

async fn coach_api(
    State(web): State<Shared>,
    w: Option<Extension<Who>>,
) -> Result<Response, WebError> {
    let who = who(w)?;
    Ok(Json(&*seekers(&web, &who.user).await?).into_response())
}

/// A coach starts looking at an assigned seeker: their pages, read-only.
async fn view(
    State(web): State<Shared>,
    w: Option<Extension<Who>>,
    Path(seeker): Path<String>,
) -> Result<Response, WebError> {
    let multi = multi(&web)?;
    let who = who(w)?;
    let Some(session) = who.session_hash.as_deref() else {
        return Err(not_found());
    };
    if who.user.role != Role::Coach {
        return Err(not_found());
    }
    let mut conn = multi
        .accounts
        .conn()
        .await
        .map_err(actions::ActionError::from)?;
    let found = crate::store::accounts::assigned_seeker(&mut conn, &who.user.id, &seeker)
        .await
        .map_err(actions::ActionError::from)?;
    let Some(found) = found else {
        return Err(not_found());
    };
    crate::store::accounts::set_viewing(&mut conn, session, Some(&found.id))
        .await
        .map_err(actions::ActionError::from)?;
    Ok(see("/"))
}

async fn leave(State(web): State<Shared>, w: Option<Extension<Who>>) -> Result<Response, WebError> {
    let multi = multi(&web)?;
    let who = who(w)?;
    let Some(session) = who.session_hash.as_deref() else {
        return Err(not_found());
    };
    let mut conn = multi
        .accounts
        .conn()
        .await
        .map_err(actions::ActionError::from)?;
    crate::store::accounts::set_viewing(&mut conn, session, None)
        .await
        .map_err(actions::ActionError::from)?;
    Ok(see("/coach"))
}

#[derive(Deserialize)]
struct NoteForm {
    body: String,
    /// A suggested draft for this contact; empty for a note.
    to_email: Option<String>,
}

/// A coach's note, or suggested draft, on the seeker being looked at.
async fn add_note(
    State(web): State<Shared>,
    w: Option<Extension<Who>>,
    Path(id): Path<String>,
    Form(f): Form<NoteForm>,
) -> Result<Response, WebError> {
    let multi = multi(&web)?;
    let who = who(w)?;
    let Some(seeker) = &who.viewing else {
        return Err(not_found());
    };
    let to = f
        .to_email
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let note = accounts::add_note(
        &multi.accounts,
        &who.user,
        &seeker.id,
        accounts::NewNote {
            invitation: &id,
            to_email: to,
            body: &f.body,
        },
        now(&web),
    )
    .await?;
    Ok(see(&format!("/invitations/{}", note.invitation_id)))
}

async fn admin(State(web): State<Shared>, w: Option<Extension<Who>>) -> Result<Response, WebError> {
    let multi = multi(&web)?;
    let who = who(w)?;
    if who.user.role != Role::Admin {
        return Err(not_found());
    }
    let users = accounts::list_users(&multi.accounts).await?;
    let log = accounts::audit_log(&multi.accounts, &who.user, 50).await?;
    page(
        &web,
        "admin.html",
        "admin",
        minijinja::context! { users => v(&users), log => v(&log) },
    )
}

#[derive(Deserialize)]
struct AddUserForm {
    name: String,
    role: String,
    password: String,
    full_name: Option<String>,
    email: Option<String>,
}

fn admin_only(who: &Who) -> Result<(), WebError> {
    if who.user.role == Role::Admin {
        Ok(())
    } else {
        Err(not_found())
    }
}

fn role(given: &str) -> Result<Role, WebError> {
    Role::parse(given.trim()).ok_or_else(|| WebError::bad("the role is seeker, coach or admin"))
}

async fn admin_add(
    State(web): State<Shared>,
    w: Option<Extension<Who>>,
    Form(f): Form<AddUserForm>,
) -> Result<Response, WebError> {
    let multi = multi(&web)?;
    let who = who(w)?;
    admin_only(&who)?;
    let role = role(&f.role)?;
    let (accounts, now) = (multi.accounts.clone(), now(&web));
    // Preparing the new user's schema runs the migrator, whose future is not `Send`.
    super::detached(move || async move {
        accounts::add_user(
            &accounts,
            f.name.trim(),
            role,
            &f.password,
            super::given(&f.full_name).as_deref(),
            super::given(&f.email).as_deref(),
            &who.user.name,
            now,
        )
        .await
    })
    .await??;
    Ok(see("/admin"))
}

#[derive(Deserialize)]
struct AssignForm {
    coach: String,
    seeker: String,
}

async fn admin_assign(
    State(web): State<Shared>,
    w: Option<Extension<Who>>,
    Form(f): Form<AssignForm>,
) -> Result<Response, WebError> {
    let multi = multi(&web)?;
    let who = who(w)?;
    admin_only(&who)?;
    accounts::assign(
        &multi.accounts,
        f.coach.trim(),
        f.seeker.trim(),
        &who.user.name,
        now(&web),
    )
    .await?;
    multi.forget_overviews();
    Ok(see("/admin"))
}

#[derive(Deserialize)]
struct RoleForm {
    name: String,
    role: String,
}

async fn admin_role(
    State(web): State<Shared>,
    w: Option<Extension<Who>>,
    Form(f): Form<RoleForm>,
) -> Result<Response, WebError> {
    let multi = multi(&web)?;
    let who = who(w)?;
    admin_only(&who)?;
    accounts::change_role(
        &multi.accounts,
        f.name.trim(),
        role(&f.role)?,
        &who.user.name,
        now(&web),
    )
    .await?;
    multi.forget_overviews();
    Ok(see("/admin"))
}

/// The audit log as the signed-in user may read it: their own entries (all for the admin).
async fn audit_page(
    State(web): State<Shared>,
    w: Option<Extension<Who>>,
) -> Result<Response, WebError> {
    let multi = multi(&web)?;
    let who = who(w)?;
    let log = accounts::audit_log(&multi.accounts, &who.user, 200).await?;
    page(
        &web,
        "audit.html",
        "audit",
        minijinja::context! { log => v(&log) },
    )
}

async fn audit_api(
    State(web): State<Shared>,
    w: Option<Extension<Who>>,
) -> Result<Response, WebError> {
    let multi = multi(&web)?;
    let who = who(w)?;
    Ok(Json(accounts::audit_log(&multi.accounts, &who.user, 200).await?).into_response())
}
