//! Where the sign-in is kept: the OS keyring, or, where there is none (a server, a
//! container), a `refresh_token_command` of the user's (`pass`, a vault…) that bowout runs as
//! `COMMAND store` (the sign-in on standard input), `COMMAND get` (prints it, or nothing when
//! there is none) and `COMMAND erase`. Never the config file or the database.

use super::{OAuthError, Provider, SignIn, command};

#[derive(Debug, Clone)]
pub enum TokenStore {
    /// The OS keyring, service `bowout-oauth`, one entry per provider.
    Keyring(Provider),
    /// `[oauth] refresh_token_command`.
    Command(String),
}

const SERVICE: &str = "bowout-oauth";

impl TokenStore {
    pub fn new(refresh_token_command: Option<&str>, provider: Provider) -> Self {
        match refresh_token_command
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            Some(c) => Self::Command(c.to_string()),
            None => Self::Keyring(provider),
        }
    }

    /// Where, in words: `the OS keyring` or `refresh_token_command`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Keyring(_) => "the OS keyring",
            Self::Command(_) => "refresh_token_command",
        }
    }

    /// The sign-in kept, if any.
    pub async fn load(&self) -> Result<Option<SignIn>, OAuthError> {
        match self {
            Self::Keyring(p) => {
                let entry = entry(*p)?;
                match entry.get_password() {
                    Ok(text) => SignIn::from_json(text.as_bytes(), self.name()).map(Some),
                    Err(keyring_core::Error::NoEntry) => Ok(None),
                    Err(e) => Err(no_keyring(&e.to_string())),
                }
            }
            Self::Command(c) => {
                let out = command::run(c, Some("get"), None)
                    .await
                    .map_err(|e| command_error("get", &e))?;
                if out.iter().all(u8::is_ascii_whitespace) {
                    return Ok(None);
                }
                SignIn::from_json(&out, self.name()).map(Some)
            }
        }
    }

    pub async fn save(&self, sign_in: &SignIn) -> Result<(), OAuthError> {
        match self {
            Self::Keyring(p) => {
                let text = String::from_utf8(sign_in.to_json()).unwrap_or_default();
                entry(*p)?
                    .set_password(&text)
                    .map_err(|e| no_keyring(&e.to_string()))
            }
            Self::Command(c) => command::run(c, Some("store"), Some(&sign_in.to_json()))
                .await
                .map(drop)
                .map_err(|e| command_error("store", &e)),
        }
    }

    /// Removes the sign-in; false when there was none (as far as the keyring can tell).
    pub async fn erase(&self) -> Result<bool, OAuthError> {
        match self {
            Self::Keyring(p) => match entry(*p)?.delete_credential() {
                Ok(()) => Ok(true),
                Err(keyring_core::Error::NoEntry) => Ok(false),
                Err(e) => Err(no_keyring(&e.to_string())),
            },
            Self::Command(c) => command::run(c, Some("erase"), None)
                .await
                .map(|_| true)
                .map_err(|e| command_error("erase", &e)),
        }
    }
}

fn entry(p: Provider) -> Result<keyring_core::Entry, OAuthError> {
    crate::mail::password::keyring_entry(SERVICE, p.name()).map_err(|e| no_keyring(&e))
}

fn no_keyring(reason: &str) -> OAuthError {
    OAuthError::Store(format!(
        "the OS keyring cannot keep the sign-in here ({reason}): set [oauth] \
         refresh_token_command to a command that keeps it (see the README), or use \
         token_command or BOWOUT_OAUTH_TOKEN"
    ))
}

fn command_error(verb: &str, e: &str) -> OAuthError {
    OAuthError::Store(format!("[oauth] refresh_token_command ({verb}) {e}"))
}
