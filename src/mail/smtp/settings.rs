//! The `[smtp]` section, checked: where to connect and how to secure it. Plain text is
//! allowed only towards this machine.

use crate::config::ServerConfig;
use crate::mail::login::Auth;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// TLS from the first byte (port 465).
    Tls,
    /// Plain connection upgraded with STARTTLS before anything else (port 587).
    StartTls,
    /// No encryption: only towards this machine.
    None,
}

/// The `[smtp]` settings, checked.
#[derive(Debug, Clone)]
pub struct Settings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: Option<String>,
    pub ca_file: Option<String>,
    /// A password or an OAuth2 token.
    pub auth: Auth,
}

impl Settings {
    pub fn from_config(c: &ServerConfig) -> Result<Self, String> {
        let host = c
            .host
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .ok_or("no [smtp] host is configured: set it in config.toml or BOWOUT_SMTP_HOST")?;
        let security = match c.security.as_deref().map(str::trim) {
            None | Some("starttls") => Security::StartTls,
            Some("tls") => Security::Tls,
            Some("none") => Security::None,
            Some(other) => {
                return Err(format!(
                    "[smtp] security {other:?} is not one of \"tls\", \"starttls\", \"none\""
                ));
            }
        };
        if security == Security::None && !is_loopback(host) {
            return Err(format!(
                "[smtp] security = \"none\" is only allowed towards this machine, not {host:?}: \
                 use \"tls\" or \"starttls\""
            ));
        }
        let port = c.port.unwrap_or(match security {
            Security::Tls => 465,
            Security::StartTls => 587,
            Security::None => 25,
        });
        let username = c.username.clone().filter(|u| !u.trim().is_empty());
        let auth = Auth::parse(c.auth.as_deref(), "smtp")?;
        if auth == Auth::OAuth2 && username.is_none() {
            return Err(
                "[smtp] auth = \"oauth2\" needs [smtp] username: the address you sign \
                        in with"
                    .into(),
            );
        }
        Ok(Self {
            host: host.to_string(),
            port,
            security,
            username,
            ca_file: c.ca_file.clone(),
            auth,
        })
    }

    /// `host:port (security)`, for messages.
    pub fn describe(&self) -> String {
        let how = match self.security {
            Security::Tls => "TLS",
            Security::StartTls => "STARTTLS",
            Security::None => "no encryption",
        };
        format!("{}:{} ({how})", self.host, self.port)
    }
}

/// `localhost`, or an IP address on the loopback interface.
pub fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.eq_ignore_ascii_case("localhost")
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(host: &str, security: Option<&str>) -> ServerConfig {
        ServerConfig {
            host: Some(host.into()),
            security: security.map(Into::into),
            ..ServerConfig::default()
        }
    }

    #[test]
    fn plain_text_only_towards_loopback() {
        assert!(Settings::from_config(&config("127.0.0.1", Some("none"))).is_ok());
        assert!(Settings::from_config(&config("localhost", Some("none"))).is_ok());
        assert!(Settings::from_config(&config("[::1]", Some("none"))).is_ok());
        let err =
            Settings::from_config(&config("smtp.example.net", Some("none"))).expect_err("refused");
        assert!(err.contains("only allowed towards this machine"), "{err}");
        assert!(Settings::from_config(&config("10.0.0.1", Some("none"))).is_err());
    }

    #[test]
    fn defaults_and_bad_values() {
        let s = Settings::from_config(&config("smtp.example.net", None)).expect("ok");
        assert_eq!((s.security, s.port), (Security::StartTls, 587));
        let s = Settings::from_config(&config("smtp.example.net", Some("tls"))).expect("ok");
        assert_eq!(s.port, 465);
        assert!(Settings::from_config(&config("smtp.example.net", Some("ssl"))).is_err());
        assert!(Settings::from_config(&ServerConfig::default()).is_err());
    }
}
