//! The secret `send` and `replies --imap` log in with: the password, or an OAuth2 access
//! token from `BOWOUT_OAUTH_TOKEN`, `[oauth] token_command`, or the stored sign-in (refreshed
//! when it is about to run out, and stored again, since providers may rotate the refresh
//! token).

use crate::actions::{ActionError, App, Result};
use crate::config::ServerConfig;
use crate::mail::login::{Auth, Login};
use crate::mail::oauth::{self, OAuthError, TokenStore};
use crate::mail::password::{Secret, Source};

/// The login for `[smtp]`, when it has a username.
pub async fn smtp_login(app: &App, username: Option<&str>, auth: Auth) -> Result<Option<Login>> {
    match username {
        Some(user) => login(app, "smtp", &app.config.smtp, user, auth)
            .await
            .map(Some),
        None => Ok(None),
    }
}

/// The login for `[imap]` as `user`.
pub async fn imap_login(app: &App, user: &str) -> Result<Login> {
    let auth = Auth::parse(app.config.imap.auth.as_deref(), "imap").map_err(ActionError::Setup)?;
    login(app, "imap", &app.config.imap, user, auth).await
}

async fn login(
    app: &App,
    server: &'static str,
    c: &ServerConfig,
    user: &str,
    auth: Auth,
) -> Result<Login> {
    match auth {
        // Coach mode: the account's own password; never the server's environment, commands
        // or keyring, which belong to whoever runs the server.
        Auth::Password if app.mail_passwords.is_some() => match &app.mail_passwords {
            Some(own) => own.password(server).await.map(Login::Password),
            None => Err(ActionError::Setup(format!("no {server} password"))),
        },
        Auth::OAuth2 if app.mail_passwords.is_some() => Err(ActionError::Setup(format!(
            "[{server}] auth = \"oauth2\" is for a single-user home: in coach mode the mail \
             signs in with the password stored for the account"
        ))),
        Auth::Password => Source {
            server,
            user,
            command: c.password_command.as_deref(),
        }
        .password()
        .await
        .map(Login::Password)
        .map_err(|e| ActionError::Setup(e.to_string())),
        Auth::OAuth2 => Ok(Login::Bearer(access_token(app, server, user).await?)),
    }
}

async fn access_token(app: &App, server: &'static str, user: &str) -> Result<Secret> {
    if let Ok(token) = std::env::var("BOWOUT_OAUTH_TOKEN")
        && !token.trim().is_empty()
    {
        let token = token.trim().to_string();
        oauth::check_token(&token, "BOWOUT_OAUTH_TOKEN")?;
        return Ok(Secret::new(token));
    }
    let o = &app.config.oauth;
    if let Some(command) = o.token_command.as_deref().filter(|c| !c.trim().is_empty()) {
        return Ok(Secret::new(oauth::token_from_command(command).await?));
    }
    let settings = oauth::Settings::from_config(o, None).map_err(ActionError::Setup)?;
    let provider = settings.provider.name();
    let store = TokenStore::new(o.refresh_token_command.as_deref(), settings.provider);
    let sign_in = store
        .load()
        .await?
        .filter(|s| s.provider == provider)
        .ok_or(OAuthError::NotSignedIn { provider })?;
    if let Some(account) = &sign_in.account
        && !account.eq_ignore_ascii_case(user)
    {
        return Err(OAuthError::OtherAccount {
            provider,
            account: account.clone(),
            server,
            username: user.to_string(),
        }
        .into());
    }
    if sign_in.fresh_at(jiff::Timestamp::now().as_second()) {
        // What the store hands back goes onto the SASL line: it must be a token and no more.
        oauth::check_token(&sign_in.access_token, "the access token kept")?;
        return Ok(Secret::new(sign_in.access_token));
    }
    let renewed = oauth::refresh(&settings, &sign_in).await?;
    store.save(&renewed).await?;
    Ok(Secret::new(renewed.access_token))
}
