//! How bowout signs in to a mail server: `[smtp]`/`[imap]` `auth`, and the secret it uses.

use super::password::Secret;

/// `auth = "password"` (the default) or `auth = "oauth2"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    Password,
    OAuth2,
}

impl Auth {
    /// `server` is `smtp` or `imap`, for the message.
    pub fn parse(value: Option<&str>, server: &str) -> Result<Self, String> {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            None | Some("" | "password") => Ok(Self::Password),
            Some("oauth2") => Ok(Self::OAuth2),
            Some(other) => Err(format!(
                "[{server}] auth {other:?} is not one of \"password\", \"oauth2\""
            )),
        }
    }
}

/// The secret for one login; `Debug` shows neither.
#[derive(Debug, Clone)]
pub enum Login {
    /// PLAIN or LOGIN (SMTP), LOGIN (IMAP).
    Password(Secret),
    /// An OAuth2 access token, handed over with XOAUTH2 or OAUTHBEARER.
    Bearer(Secret),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_values() {
        assert_eq!(Auth::parse(None, "smtp"), Ok(Auth::Password));
        assert_eq!(Auth::parse(Some("OAuth2"), "smtp"), Ok(Auth::OAuth2));
        let err = Auth::parse(Some("xoauth2"), "imap").expect_err("refused");
        assert!(err.contains("[imap] auth \"xoauth2\""), "{err}");
        let shown = format!("{:?}", Login::Bearer(Secret::new("ya29.x".into())));
        assert!(!shown.contains("ya29"), "{shown}");
    }
}
