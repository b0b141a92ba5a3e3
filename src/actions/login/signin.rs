//! `bowout login` and `bowout logout`.

use super::report::{SignedIn, SignedOut};
use crate::actions::{ActionError, App, Result};
use crate::mail::login::Auth;
use crate::mail::oauth::{self, OAuthError, Pending, Provider, Settings, TokenStore};
use std::time::Duration;

/// A sign-in under way: the address for the browser; [`finish_login`] waits for its answer.
pub struct LoginStarted {
    pub url: String,
    pending: Pending,
    settings: Settings,
    store: TokenStore,
}

/// Checks `[oauth]` and that the sign-in can be kept (before the user is sent to the
/// browser), then starts the flow: a loopback listener and the authorization address.
pub async fn start_login(app: &App, provider: Option<Provider>) -> Result<LoginStarted> {
    let o = &app.config.oauth;
    let settings = Settings::from_config(o, provider).map_err(ActionError::Setup)?;
    let store = TokenStore::new(o.refresh_token_command.as_deref(), settings.provider);
    // A keyring that cannot be used fails here, before anything is asked of the provider.
    store.load().await?;
    let pending = oauth::start(&settings).await?;
    Ok(LoginStarted {
        url: pending.url.to_string(),
        pending,
        settings,
        store,
    })
}

/// Waits (up to `limit`) for the browser to come back, exchanges the code, checks the
/// account against the usernames of the servers that use OAuth2, and keeps the sign-in.
pub async fn finish_login(app: &App, started: LoginStarted, limit: Duration) -> Result<SignedIn> {
    let LoginStarted {
        pending,
        settings,
        store,
        ..
    } = started;
    let provider = settings.provider.name();
    let sign_in = oauth::finish(&settings, pending, limit).await?;
    if let Some(account) = &sign_in.account {
        for (server, c) in [("smtp", &app.config.smtp), ("imap", &app.config.imap)] {
            let oauth2 = Auth::parse(c.auth.as_deref(), server) == Ok(Auth::OAuth2);
            if let Some(user) = c.username.as_deref().map(str::trim)
                && oauth2
                && !user.eq_ignore_ascii_case(account)
            {
                return Err(OAuthError::OtherAccount {
                    provider,
                    account: account.clone(),
                    server,
                    username: user.to_string(),
                }
                .into());
            }
        }
    }
    store.save(&sign_in).await?;
    Ok(SignedIn {
        provider,
        account: sign_in.account.clone(),
        expires_at: sign_in
            .expires_at
            .and_then(|t| jiff::Timestamp::from_second(t).ok()),
        refresh_token: sign_in.refresh_token.is_some(),
        stored_in: store.name(),
    })
}

/// Removes the kept sign-in.
pub async fn logout(app: &App) -> Result<SignedOut> {
    let o = &app.config.oauth;
    let settings = Settings::from_config(o, None).map_err(ActionError::Setup)?;
    let store = TokenStore::new(o.refresh_token_command.as_deref(), settings.provider);
    let removed = store.erase().await?;
    Ok(SignedOut {
        provider: settings.provider.name(),
        removed,
        stored_in: store.name(),
    })
}
