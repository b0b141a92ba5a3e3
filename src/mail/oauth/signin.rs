//! A sign-in as bowout keeps it (in the OS keyring or through `refresh_token_command`, never
//! in the database): the account, the refresh token, and the current access token with its
//! expiry, as one small JSON document.

use super::OAuthError;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// An access token is refreshed when less than this is left of it.
const MARGIN_SECS: i64 = 60;
/// The largest stored sign-in or ID token read.
const MAX_LEN: usize = 64 * 1024;

#[derive(Clone, Serialize, Deserialize)]
pub struct SignIn {
    /// `google`, `microsoft` or `custom`.
    pub provider: String,
    /// The account that signed in, when the provider said (the ID token's email).
    #[serde(default)]
    pub account: Option<String>,
    pub access_token: String,
    /// Unix seconds; none when the provider did not say.
    #[serde(default)]
    pub expires_at: Option<i64>,
    #[serde(default)]
    pub refresh_token: Option<String>,
}

impl std::fmt::Debug for SignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignIn")
            .field("provider", &self.provider)
            .field("account", &self.account)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl SignIn {
    /// Whether the access token is still good for a while at `now` (Unix seconds).
    pub fn fresh_at(&self, now: i64) -> bool {
        self.expires_at.is_some_and(|t| t - MARGIN_SECS > now)
    }

    pub fn to_json(&self) -> Vec<u8> {
        // A struct of strings and numbers always serialises.
        serde_json::to_vec(self).unwrap_or_default()
    }

    pub fn from_json(bytes: &[u8], whence: &str) -> Result<Self, OAuthError> {
        if bytes.len() > MAX_LEN {
            return Err(OAuthError::Store(format!(
                "the sign-in kept in {whence} is too large to be one"
            )));
        }
        let text = std::str::from_utf8(bytes).unwrap_or("").trim();
        serde_json::from_str(text).map_err(|_| {
            OAuthError::Store(format!(
                "what {whence} holds is not a sign-in bowout stored; run `bowout logout`, then \
                 `bowout login`"
            ))
        })
    }
}

/// The account an OpenID Connect ID token names (`email`, else `preferred_username`). The
/// token came straight from the token endpoint over TLS (or from this machine), so its claims
/// are read without checking the signature (OpenID Connect Core, section 3.1.3.7).
pub fn account_of(id_token: &str) -> Option<String> {
    if id_token.len() > MAX_LEN {
        return None;
    }
    let payload = id_token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    ["email", "preferred_username", "upn"]
        .iter()
        .find_map(|k| claims.get(*k).and_then(|v| v.as_str()))
        .map(str::trim)
        .filter(|s| !s.is_empty() && s.len() <= 320 && !s.chars().any(char::is_control))
        .map(str::to_string)
}

/// Refuses an access token a server could not take as a bearer token (RFC 6750's
/// `b64token`): above all, no spaces or line breaks that would end the SASL line early.
pub fn check_token(token: &str, whence: &str) -> Result<(), OAuthError> {
    let ok = !token.is_empty()
        && token.len() <= 16 * 1024
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~+/=".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(OAuthError::BadToken(format!(
            "{whence} is not an OAuth2 access token (empty, too long, or with characters a \
             bearer token cannot have)"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_token(claims: &str) -> String {
        let b = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!("{}.{}.sig", b.encode("{}"), b.encode(claims))
    }

    #[test]
    fn the_account_comes_from_email_or_preferred_username() {
        assert_eq!(
            account_of(&id_token(r#"{"sub":"1","email":"dana@example.net"}"#)).as_deref(),
            Some("dana@example.net")
        );
        assert_eq!(
            account_of(&id_token(r#"{"preferred_username":"dana@outlook.com"}"#)).as_deref(),
            Some("dana@outlook.com")
        );
        assert_eq!(account_of(&id_token(r#"{"sub":"1"}"#)), None);
        assert_eq!(account_of("not a token"), None);
        assert_eq!(account_of(&id_token(r#"{"email":"a\r\nb"}"#)), None);
    }

    #[test]
    fn debug_hides_the_tokens_and_freshness_keeps_a_margin() {
        let s = SignIn {
            provider: "custom".into(),
            account: Some("dana@example.net".into()),
            access_token: "at-secret".into(),
            expires_at: Some(1_000),
            refresh_token: Some("rt-secret".into()),
        };
        let shown = format!("{s:?}");
        assert!(!shown.contains("secret"), "{shown}");
        assert!(s.fresh_at(900));
        assert!(!s.fresh_at(960));
        let back = SignIn::from_json(&s.to_json(), "test").expect("round trip");
        assert_eq!(back.refresh_token.as_deref(), Some("rt-secret"));
        assert!(SignIn::from_json(b"hunter2", "test").is_err());
    }

    #[test]
    fn tokens_with_line_breaks_or_spaces_are_refused() {
        assert!(check_token("ya29.a0AfH6SM-x_y~z+/==", "t").is_ok());
        for bad in ["", "a b", "a\r\nA1 LOGOUT", "tök"] {
            assert!(check_token(bad, "t").is_err(), "{bad:?}");
        }
    }
}
