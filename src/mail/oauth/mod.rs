//! Signing in to mail with OAuth2 (Google, Microsoft, or any provider): the `[oauth]`
//! settings ([`provider`]), the authorization-code flow with PKCE and refreshing ([`flow`],
//! done by the `oauth2` crate over [`http`]), the loopback listener the browser comes back
//! to ([`loopback`]), where the sign-in is kept ([`store`]: the OS keyring or a command,
//! never the database), and the SASL mechanisms that hand the token to IMAP and SMTP
//! ([`sasl`]).

mod command;
mod error;
mod flow;
mod http;
mod loopback;
mod provider;
pub mod sasl;
mod signin;
mod store;

pub use error::OAuthError;
pub use flow::{Pending, finish, refresh, start};
pub use provider::{Provider, Settings};
pub use signin::{SignIn, check_token};
pub use store::TokenStore;

/// Runs `[oauth] token_command`; its output, trimmed, is an access token.
pub async fn token_from_command(command: &str) -> Result<String, OAuthError> {
    let out = command::run(command, None, None)
        .await
        .map_err(OAuthError::TokenCommand)?;
    let text = String::from_utf8(out)
        .map_err(|_| OAuthError::TokenCommand("printed bytes that are not UTF-8".into()))?;
    let token = text.trim().to_string();
    if token.is_empty() {
        return Err(OAuthError::TokenCommand("printed nothing".into()));
    }
    check_token(&token, "what [oauth] token_command printed")?;
    Ok(token)
}

/// Opens `url` in the user's browser; false when no browser could be started.
pub fn open_browser(url: &str) -> bool {
    let (program, args): (&str, &[&str]) = if cfg!(target_os = "macos") {
        ("open", &[])
    } else if cfg!(windows) {
        ("rundll32", &["url.dll,FileProtocolHandler"])
    } else {
        ("xdg-open", &[])
    };
    std::process::Command::new(program)
        .args(args)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}
