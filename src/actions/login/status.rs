//! `bowout login --status`: where tokens come from, who is signed in, when the access token
//! runs out, and whether a new one can be had now.

use super::report::LoginStatus;
use crate::actions::{ActionError, App, Result};
use crate::mail::oauth::{self, OAuthError, Settings, TokenStore};

pub async fn login_status(app: &App) -> Result<LoginStatus> {
    let o = &app.config.oauth;
    let mut status = LoginStatus {
        source: "sign-in",
        provider: None,
        signed_in: false,
        account: None,
        stored_in: None,
        expires_at: None,
        refresh_works: None,
        problem: None,
    };
    if std::env::var("BOWOUT_OAUTH_TOKEN").is_ok_and(|t| !t.trim().is_empty()) {
        status.source = "BOWOUT_OAUTH_TOKEN";
        status.signed_in = true;
        return Ok(status);
    }
    if let Some(command) = o.token_command.as_deref().filter(|c| !c.trim().is_empty()) {
        status.source = "token_command";
        match oauth::token_from_command(command).await {
            Ok(_) => status.signed_in = true,
            Err(e) => status.problem = Some(e.to_string()),
        }
        return Ok(status);
    }
    let settings = Settings::from_config(o, None).map_err(ActionError::Setup)?;
    let provider = settings.provider.name();
    let store = TokenStore::new(o.refresh_token_command.as_deref(), settings.provider);
    status.provider = Some(provider);
    status.stored_in = Some(store.name());
    let Some(sign_in) = store.load().await?.filter(|s| s.provider == provider) else {
        status.problem = Some(OAuthError::NotSignedIn { provider }.to_string());
        return Ok(status);
    };
    status.signed_in = true;
    status.account = sign_in.account.clone();
    let at = |s: &oauth::SignIn| {
        s.expires_at
            .and_then(|t| jiff::Timestamp::from_second(t).ok())
    };
    status.expires_at = at(&sign_in);
    match oauth::refresh(&settings, &sign_in).await {
        Ok(renewed) => {
            store.save(&renewed).await?;
            status.expires_at = at(&renewed);
            status.refresh_works = Some(true);
        }
        Err(e) => {
            status.refresh_works = Some(false);
            status.problem = Some(e.to_string());
        }
    }
    Ok(status)
}
