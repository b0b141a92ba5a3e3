//! The `[oauth]` section, checked: which provider, its endpoints, the client registered there
//! and the scopes to ask for.

use crate::config::OAuthConfig;
use url::Url;

/// Where the user signs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    Google,
    Microsoft,
    Custom,
}

impl Provider {
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "google" => Some(Self::Google),
            "microsoft" => Some(Self::Microsoft),
            "custom" => Some(Self::Custom),
            _ => None,
        }
    }

    /// The name `bowout login` takes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Google => "google",
            Self::Microsoft => "microsoft",
            Self::Custom => "custom",
        }
    }

    fn endpoints(self) -> Option<(&'static str, &'static str)> {
        match self {
            Self::Google => Some((
                "https://accounts.google.com/o/oauth2/v2/auth",
                "https://oauth2.googleapis.com/token",
            )),
            Self::Microsoft => Some((
                "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                "https://login.microsoftonline.com/common/oauth2/v2.0/token",
            )),
            Self::Custom => None,
        }
    }

    /// The scopes for mail, plus `openid email` so that the provider says which account
    /// signed in.
    fn default_scopes(self) -> &'static str {
        match self {
            Self::Google => "https://mail.google.com/ openid email",
            Self::Microsoft => {
                "https://outlook.office.com/IMAP.AccessAsUser.All \
                 https://outlook.office.com/SMTP.Send offline_access openid email"
            }
            Self::Custom => "openid email offline_access",
        }
    }

    /// The host the browser is sent back to: Microsoft registers `http://localhost`, Google
    /// and most others the loopback address itself (RFC 8252, section 7.3).
    pub fn redirect_host(self) -> &'static str {
        match self {
            Self::Microsoft => "localhost",
            Self::Google | Self::Custom => "127.0.0.1",
        }
    }

    /// Parameters the authorization request needs for a refresh token to be issued.
    pub fn extra_auth_params(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Google => &[("access_type", "offline"), ("prompt", "consent")],
            Self::Microsoft | Self::Custom => &[("prompt", "consent")],
        }
    }
}

/// `[oauth]`, checked.
#[derive(Debug, Clone)]
pub struct Settings {
    pub provider: Provider,
    pub client_id: String,
    pub client_secret: Option<crate::config::Hidden>,
    pub auth_url: Url,
    pub token_url: Url,
    pub scopes: Vec<String>,
}

impl Settings {
    /// `provider` is the one named on the command line, if any; it must agree with the file.
    pub fn from_config(c: &OAuthConfig, provider: Option<Provider>) -> Result<Self, String> {
        let configured = match c.provider.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(name) => Some(Provider::parse(name).ok_or_else(|| {
                format!(
                    "[oauth] provider {name:?} is not one of \"google\", \"microsoft\", \"custom\""
                )
            })?),
        };
        let provider = match (provider, configured) {
            (Some(p), Some(q)) if p != q => {
                return Err(format!(
                    "[oauth] provider is {:?}, not {:?}: change it (or BOWOUT_OAUTH_PROVIDER) to sign in at {}",
                    q.name(),
                    p.name(),
                    p.name()
                ));
            }
            (Some(p), _) | (None, Some(p)) => p,
            (None, None) => {
                return Err(
                    "no [oauth] provider is configured: set it to \"google\", \"microsoft\" or \
                     \"custom\" (or run `bowout login PROVIDER`)"
                        .into(),
                );
            }
        };
        let client_id = c
            .client_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| {
                format!(
                    "no [oauth] client_id is configured: register bowout at {} (see the README's \
                     provider guide) and set client_id in config.toml or BOWOUT_OAUTH_CLIENT_ID",
                    provider.name()
                )
            })?;
        let endpoint = |key: &str, given: Option<&str>, builtin: Option<&str>| {
            let text = given
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .or(builtin)
                .ok_or_else(|| format!("[oauth] provider = \"custom\" needs {key}"))?;
            parse_endpoint(key, text)
        };
        let builtin = provider.endpoints();
        let auth_url = endpoint("auth_url", c.auth_url.as_deref(), builtin.map(|b| b.0))?;
        let token_url = endpoint("token_url", c.token_url.as_deref(), builtin.map(|b| b.1))?;
        let scopes = c
            .scopes
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(provider.default_scopes())
            .split_whitespace()
            .map(str::to_string)
            .collect();
        Ok(Self {
            provider,
            client_id: client_id.to_string(),
            client_secret: c
                .client_secret
                .clone()
                .filter(|s| !s.expose().trim().is_empty()),
            auth_url,
            token_url,
            scopes,
        })
    }
}

/// An endpoint URL: `https`, or plain `http` towards this machine only.
fn parse_endpoint(key: &str, text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|e| format!("[oauth] {key} {text:?} is not a URL: {e}"))?;
    match url.scheme() {
        "https" => Ok(url),
        "http" if url.host_str().is_some_and(crate::mail::smtp::is_loopback) => Ok(url),
        _ => Err(format!(
            "[oauth] {key} {text:?} must be an https:// address (plain http only towards this \
             machine)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(provider: &str) -> OAuthConfig {
        OAuthConfig {
            provider: Some(provider.into()),
            client_id: Some("id-123".into()),
            ..OAuthConfig::default()
        }
    }

    #[test]
    fn builtin_providers_have_endpoints_and_mail_scopes() {
        let g = Settings::from_config(&config("google"), None).expect("ok");
        assert_eq!(g.token_url.as_str(), "https://oauth2.googleapis.com/token");
        assert!(g.scopes.contains(&"https://mail.google.com/".to_string()));
        let m = Settings::from_config(&config("Microsoft"), None).expect("ok");
        assert!(m.scopes.contains(&"offline_access".to_string()));
        assert_eq!(m.provider.redirect_host(), "localhost");
    }

    #[test]
    fn custom_needs_its_endpoints_and_plain_http_only_to_loopback() {
        let err = Settings::from_config(&config("custom"), None).expect_err("refused");
        assert!(err.contains("auth_url"), "{err}");
        let mut c = config("custom");
        c.auth_url = Some("http://127.0.0.1:8080/auth".into());
        c.token_url = Some("http://idp.example.net/token".into());
        let err = Settings::from_config(&c, None).expect_err("refused");
        assert!(err.contains("https://"), "{err}");
        c.token_url = Some("http://localhost:8080/token".into());
        assert!(Settings::from_config(&c, None).is_ok());
    }

    #[test]
    fn the_provider_named_must_agree_with_the_file() {
        let err =
            Settings::from_config(&config("google"), Some(Provider::Microsoft)).expect_err("no");
        assert!(err.contains("not \"microsoft\""), "{err}");
        let mut c = config("google");
        c.provider = None;
        let s = Settings::from_config(&c, Some(Provider::Google)).expect("ok");
        assert_eq!(s.provider, Provider::Google);
        assert!(Settings::from_config(&config("yahoo"), None).is_err());
    }
}
