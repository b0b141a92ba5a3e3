//! Testing `[smtp]` and `[imap]` from the settings: connect, secure and log in exactly as
//! `send` and `replies --imap` would, then leave. Nothing is sent or read.

use super::credential::smtp_login;
use crate::actions::{ActionError, App, Result};
use crate::mail::smtp::{Session, Settings};
use serde::Serialize;

/// What a connection test found.
#[derive(Debug, Clone, Serialize)]
pub struct ConnectionChecked {
    /// `smtp` or `imap`.
    pub server: &'static str,
    /// Where it connected: host, port and security.
    pub place: String,
    /// Whether it logged in (a server without a username is only connected to).
    pub logged_in: bool,
}

/// Connects to `[smtp]` and logs in, as `send` would.
pub async fn check_smtp(app: &App) -> Result<ConnectionChecked> {
    let settings = Settings::from_config(&app.config.smtp).map_err(ActionError::Setup)?;
    let login = smtp_login(app, settings.username.as_deref(), settings.auth).await?;
    let session = Session::open(&settings, login.as_ref())
        .await
        .map_err(|e| ActionError::Refused(e.message))?;
    session.quit().await;
    Ok(ConnectionChecked {
        server: "smtp",
        place: settings.describe(),
        logged_in: login.is_some(),
    })
}

/// Connects to `[imap]` and logs in, as `replies --imap` would.
pub async fn check_imap(app: &App) -> Result<ConnectionChecked> {
    let account = crate::actions::replies::account(app).await?;
    let session = crate::mail::imap::Session::login(&account.settings, &account.login).await?;
    session.logout().await;
    Ok(ConnectionChecked {
        server: "imap",
        place: format!(
            "{}:{} ({:?})",
            account.settings.host, account.settings.port, account.settings.security
        ),
        logged_in: true,
    })
}
