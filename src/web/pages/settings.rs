//! Settings: identity, SMTP and IMAP (with buttons that test the connection), the mail
//! password (written to the OS keyring, never shown back), and the templates.

use super::{detached, page, see, v};
use crate::actions;
use crate::web::error::WebError;
use crate::web::state::{Acting, Shared};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/settings", get(show))
        .route("/settings/{section}", post(save))
        .route("/settings/{section}/password", post(password))
        .route("/settings/{section}/test", post(test))
        .route("/settings/templates/{file}", post(save_template))
        .route("/settings/templates/{file}/reset", post(reset_template))
}

async fn render(
    web: &Shared,
    acting: &Acting,
    notice: Option<String>,
    problem: Option<String>,
) -> Result<Response, WebError> {
    let c = &acting.app.config;
    let templates = actions::template_sources(&acting.app)?;
    page(
        web,
        "settings.html",
        "settings",
        minijinja::context! {
        identity => minijinja::context! {
            name => c.identity.name.clone(), email => c.identity.email.clone(),
            phone => c.identity.phone.clone(), address => c.identity.address.clone(),
        },
        smtp => minijinja::context! {
            host => c.smtp.host.clone(), port => c.smtp.port, security => c.smtp.security.clone(),
            username => c.smtp.username.clone(), oauth => c.smtp.auth.as_deref() == Some("oauth2"),
        },
        imap => minijinja::context! {
            host => c.imap.host.clone(), port => c.imap.port, security => c.imap.security.clone(),
            username => c.imap.username.clone(), mailbox => c.imap.mailbox.clone(),
            oauth => c.imap.auth.as_deref() == Some("oauth2"),
        },
        config_file => v(&(acting.app.home.config_file.display().to_string())),
        templates => v(&(templates)),
        notice => v(&(notice)),
        problem => v(&(problem)) },
    )
}

async fn show(State(web): State<Shared>, acting: Acting) -> Result<Response, WebError> {
    render(&web, &acting, None, None).await
}

async fn save(
    State(web): State<Shared>,
    acting: Acting,
    Path(section): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let values: Vec<(String, String)> = form.into_iter().filter(|(k, _)| k != "_csrf").collect();
    actions::save_settings(&acting.app, &section, &values)?;
    web.reload_config()?;
    Ok(see(&format!("/settings#{section}")))
}

#[derive(Deserialize)]
struct PasswordForm {
    password: String,
}

impl std::fmt::Debug for PasswordForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordForm(…)")
    }
}

async fn password(
    State(web): State<Shared>,
    acting: Acting,
    Path(section): Path<String>,
    Form(f): Form<PasswordForm>,
) -> Result<Response, WebError> {
    let stored = match &acting.app.mail_passwords {
        Some(own) => own
            .store(&section, &f.password, acting.app.clock.now())
            .await
            .map(|s| {
                format!(
                    "The {} password is stored, encrypted.",
                    s.name.to_ascii_uppercase()
                )
            }),
        None => actions::store_password(&acting.app, &section, &f.password).map(|stored| {
            format!(
                "The {} password for {} is stored in the OS keyring.",
                stored.server.to_ascii_uppercase(),
                stored.user
            )
        }),
    };
    match stored {
        Ok(notice) => render(&web, &acting, Some(notice), None).await,
        Err(e @ (actions::ActionError::Setup(_) | actions::ActionError::BadInput(_))) => {
            let err = WebError::from(e);
            let mut res = render(&web, &acting, None, Some(err.message)).await?;
            *res.status_mut() = err.status;
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}

async fn test(
    State(web): State<Shared>,
    acting: Acting,
    Path(section): Path<String>,
) -> Result<Response, WebError> {
    let checked = match section.as_str() {
        "smtp" => {
            let app = std::sync::Arc::clone(&acting.app);
            detached(move || async move { actions::check_smtp(&app).await }).await?
        }
        "imap" => {
            let app = std::sync::Arc::clone(&acting.app);
            detached(move || async move { actions::check_imap(&app).await }).await?
        }
        other => return Err(WebError::bad(format!("no server {other:?}"))),
    };
    match checked {
        Ok(c) => {
            let notice = format!(
                "{}: connected to {}{}.",
                c.server.to_ascii_uppercase(),
                c.place,
                if c.logged_in { " and logged in" } else { "" }
            );
            render(&web, &acting, Some(notice), None).await
        }
        Err(e) => {
            let err = WebError::from(e);
            let text = format!("{}: {}", section.to_ascii_uppercase(), err.message);
            let mut res = render(&web, &acting, None, Some(text)).await?;
            *res.status_mut() = err.status;
            Ok(res)
        }
    }
}

#[derive(Debug, Deserialize)]
struct TemplateForm {
    source: String,
}

async fn save_template(
    acting: Acting,
    Path(file): Path<String>,
    Form(f): Form<TemplateForm>,
) -> Result<Response, WebError> {
    actions::save_template(&acting.app, &file, &f.source)?;
    Ok(see("/settings#templates"))
}

async fn reset_template(acting: Acting, Path(file): Path<String>) -> Result<Response, WebError> {
    actions::reset_template(&acting.app, &file)?;
    Ok(see("/settings#templates"))
}
