//! Configuration: `config.toml` in the config directory, overlaid by `BOWOUT_<SECTION>_<KEY>`
//! environment variables. Parsed once at start-up and passed down.
//!
//! Secrets are not part of it: passwords and OAuth2 tokens come from the environment, a command
//! or the OS keyring when they are needed, and never pass through this struct. The one
//! exception, an OAuth2 `client_secret` (which Google gives installed apps and does not treat
//! as confidential), is kept in a [`Hidden`] that `Debug` does not print.

mod env;
mod home;

pub use home::Home;

use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::Path;

/// Who messages and letters come from.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityConfig {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    /// The language of invitations added by hand (and of mail whose language is not
    /// detected): en, fr, de, es, pt or it.
    pub language: Option<String>,
}

/// How to reach a mail server. `security` is `tls`, `starttls` or `none` (loopback only).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    pub host: Option<String>,
    #[serde(default, deserialize_with = "env::int_or_string")]
    pub port: Option<u16>,
    pub security: Option<String>,
    pub username: Option<String>,
    /// A command whose standard output is the password (e.g. `pass show mail/smtp`).
    pub password_command: Option<String>,
    /// A PEM file of extra certificate authorities to trust for this server (a private
    /// server's own CA), on top of the system's.
    pub ca_file: Option<String>,
    /// IMAP only: the folder to read replies from.
    pub mailbox: Option<String>,
    /// IMAP only: more folders `sync` reads besides `mailbox` (a label job mail is filed
    /// under). In the environment, a comma-separated list.
    #[serde(default, deserialize_with = "env::list_or_string")]
    pub folders: Vec<String>,
    /// How to sign in: `password` (the default) or `oauth2` (a token from `[oauth]`).
    pub auth: Option<String>,
}

/// Signing in with OAuth2 (`bowout login`): the provider, the client registered there, and
/// where tokens come from when not from `bowout login`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OAuthConfig {
    /// `google`, `microsoft` or `custom`.
    pub provider: Option<String>,
    pub client_id: Option<String>,
    /// Only where the provider gives installed apps one (Google).
    pub client_secret: Option<Hidden>,
    /// The provider's authorization and token endpoints (required for `custom`; they replace
    /// the built-in ones of `google` and `microsoft`).
    pub auth_url: Option<String>,
    pub token_url: Option<String>,
    /// Space-separated scopes (each provider has defaults).
    pub scopes: Option<String>,
    /// A command (run without a shell) whose output is a current access token.
    pub token_command: Option<String>,
    /// A command (run without a shell) that keeps the sign-in where there is no OS keyring:
    /// run with `store` (the sign-in on standard input), `get` (prints it) or `erase`.
    pub refresh_token_command: Option<String>,
}

/// A configuration value that `Debug` does not print.
#[derive(Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Hidden(String);

impl Hidden {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Hidden {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hidden(…)")
    }
}

/// Follow-up and agenda settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaConfig {
    /// Business days after sending before an unacknowledged decline is flagged (default 3).
    #[serde(default, deserialize_with = "env::int_or_string")]
    pub ack_days: Option<u16>,
    /// Holidays skipped when counting business days, `YYYY-MM-DD`.
    #[serde(default)]
    pub holidays: Vec<String>,
    /// The user's time zone for dates and calls (IANA name); default: the system's.
    pub timezone: Option<String>,
}

/// The formal letter.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterConfig {
    /// `letter` (US Letter) or `a4`.
    pub paper: Option<String>,
}

/// The words bowout writes.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComposeConfig {
    /// The built-in wording: `sample` (the default: the well-known sample decline) or
    /// `warm`. Templates in `<home>/templates/` replace either.
    pub style: Option<String>,
}

/// The whole configuration file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub identity: IdentityConfig,
    #[serde(default)]
    pub smtp: ServerConfig,
    #[serde(default)]
    pub imap: ServerConfig,
    #[serde(default)]
    pub agenda: AgendaConfig,
    #[serde(default)]
    pub letter: LetterConfig,
    #[serde(default)]
    pub oauth: OAuthConfig,
    #[serde(default)]
    pub compose: ComposeConfig,
}

/// Written on first run so that the user has a documented file to edit.
pub const EXAMPLE: &str = include_str!("example.toml");

impl Config {
    /// Reads `path` (writing the documented example first if it does not exist) and applies
    /// `BOWOUT_<SECTION>_<KEY>` overrides from `vars`.
    pub fn load(path: &Path, vars: impl Iterator<Item = (String, String)>) -> Result<Self> {
        if !path.exists() {
            crate::fsutil::write_atomic(path, EXAMPLE.as_bytes())
                .with_context(|| format!("cannot write the example config {}", path.display()))?;
        }
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read config {}", path.display()))?;
        Self::parse(&text, vars).with_context(|| format!("invalid config {}", path.display()))
    }

    pub fn parse(text: &str, vars: impl Iterator<Item = (String, String)>) -> Result<Self> {
        // The file alone first, so that an error in it names its line and column.
        if let Err(e) = toml::from_str::<Config>(text) {
            anyhow::bail!("{}", located(text, &e));
        }
        let mut table: toml::Table = toml::from_str(text)?;
        env::overlay(&mut table, vars)?;
        Ok(toml::Value::Table(table).try_into()?)
    }
}

/// A TOML error on one line: `line 3, column 9: string values must be quoted…`.
fn located(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim().replace(['\r', '\n'], " ");
    let Some(before) = e.span().and_then(|span| text.get(..span.start)) else {
        return message;
    };
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("line {line}, column {column}: {message}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> impl Iterator<Item = (String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn example_parses() {
        let c = Config::parse(EXAMPLE, vars(&[])).expect("example is valid");
        assert!(c.identity.name.is_none());
    }

    #[test]
    fn environment_overrides_file() {
        let text = "[smtp]\nhost = \"a.example\"\nport = 25\n";
        let c = Config::parse(
            text,
            vars(&[
                ("BOWOUT_SMTP_PORT", "2525"),
                ("BOWOUT_IDENTITY_NAME", "Dana"),
            ]),
        )
        .expect("valid");
        assert_eq!(c.smtp.port, Some(2525));
        assert_eq!(c.smtp.host.as_deref(), Some("a.example"));
        assert_eq!(c.identity.name.as_deref(), Some("Dana"));
    }

    #[test]
    fn folders_are_a_list_in_the_file_and_commas_in_the_environment() {
        let c =
            Config::parse("[imap]\nfolders = [\"Jobs\", \"A, B\"]\n", vars(&[])).expect("valid");
        assert_eq!(c.imap.folders, ["Jobs", "A, B"]);
        let c = Config::parse("", vars(&[("BOWOUT_IMAP_FOLDERS", "Jobs, Recruiters,")]))
            .expect("valid");
        assert_eq!(c.imap.folders, ["Jobs", "Recruiters"]);
        assert!(
            Config::parse("", vars(&[]))
                .expect("valid")
                .imap
                .folders
                .is_empty()
        );
    }

    #[test]
    fn errors_name_their_line_and_column() {
        let err =
            Config::parse("[identity]\nname = \"x\"\nemail = \n", vars(&[])).expect_err("invalid");
        assert!(err.to_string().starts_with("line 3, column 9: "), "{err}");
        let err = Config::parse("\n[smtp]\nhots = \"x\"\n", vars(&[])).expect_err("unknown key");
        assert!(
            err.to_string()
                .starts_with("line 3, column 1: unknown field"),
            "{err}"
        );
    }

    #[test]
    fn debug_hides_the_client_secret() {
        let c = Config::parse(
            "[oauth]\nprovider = \"google\"\nclient_secret = \"GOCSPX-s3cret\"\n",
            vars(&[("BOWOUT_OAUTH_TOKEN", "ya29.token")]),
        )
        .expect("valid");
        assert_eq!(
            c.oauth.client_secret.as_ref().map(Hidden::expose),
            Some("GOCSPX-s3cret")
        );
        let shown = format!("{c:?}");
        assert!(
            !shown.contains("s3cret") && !shown.contains("ya29"),
            "{shown}"
        );
    }

    #[test]
    fn unknown_keys_are_errors() {
        assert!(Config::parse("[smtp]\nhots = \"x\"\n", vars(&[])).is_err());
        assert!(Config::parse("", vars(&[("BOWOUT_SMTP_HOTS", "x")])).is_err());
    }
}
