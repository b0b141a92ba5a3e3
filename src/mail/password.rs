//! Where a mail password comes from: `BOWOUT_<SERVER>_PASSWORD`, a `password_command`, or
//! the OS keyring, in that order. Never the config file, the database, a log or argv.
//!
//! The password lives in a [`Secret`], whose `Debug` hides it, and is handed straight to
//! the SMTP client.

pub(crate) mod words;

use std::time::Duration;
use words::split_words;

/// A password; `Debug` prints nothing of it.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(secret: String) -> Self {
        Self(secret)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("password_command {0}")]
    Command(String),
    #[error(
        "no {server} password for {user}: set {env}, a password_command in [{server}], or store one with `bowout password {server}`"
    )]
    Missing {
        server: &'static str,
        user: String,
        env: String,
    },
    #[error(
        "no {server} password: {env} is not set, there is no password_command in [{server}], and the OS keyring cannot be used here ({reason})"
    )]
    NoKeyring {
        server: &'static str,
        env: String,
        reason: String,
    },
    #[error(
        "the OS keyring cannot store the password ({0}); use BOWOUT_SMTP_PASSWORD or a password_command instead"
    )]
    KeyringStore(String),
}

/// Which server the password is for: `smtp` or `imap` (the keyring service name and the
/// environment variable follow from it).
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub server: &'static str,
    pub user: &'a str,
    pub command: Option<&'a str>,
}

impl Source<'_> {
    fn env_name(&self) -> String {
        format!("BOWOUT_{}_PASSWORD", self.server.to_ascii_uppercase())
    }

    fn service(&self) -> String {
        format!("bowout-{}", self.server)
    }

    /// The password: environment, then command, then keyring.
    pub async fn password(&self) -> Result<Secret, PasswordError> {
        if let Ok(value) = std::env::var(self.env_name())
            && !value.is_empty()
        {
            return Ok(Secret(value));
        }
        if let Some(command) = self.command.filter(|c| !c.trim().is_empty()) {
            return run_command(command).await;
        }
        self.keyring_password()
    }

    fn keyring_password(&self) -> Result<Secret, PasswordError> {
        let no_keyring = |reason: String| PasswordError::NoKeyring {
            server: self.server,
            env: self.env_name(),
            reason,
        };
        let entry = keyring_entry(&self.service(), self.user).map_err(no_keyring)?;
        match entry.get_password() {
            Ok(p) => Ok(Secret(p)),
            Err(keyring_core::Error::NoEntry) => Err(PasswordError::Missing {
                server: self.server,
                user: self.user.to_string(),
                env: self.env_name(),
            }),
            Err(e) => Err(no_keyring(e.to_string())),
        }
    }

    /// Stores `password` in the OS keyring for this server and user.
    pub fn store(&self, password: &str) -> Result<(), PasswordError> {
        keyring_entry(&self.service(), self.user)
            .and_then(|e| e.set_password(password).map_err(|e| e.to_string()))
            .map_err(PasswordError::KeyringStore)
    }
}

#[cfg(target_os = "linux")]
pub(crate) fn keyring_entry(service: &str, user: &str) -> Result<keyring_core::Entry, String> {
    let store = linux_keyutils_keyring_store::Store::new().map_err(|e| e.to_string())?;
    keyring_core::set_default_store(store);
    keyring_core::Entry::new(service, user).map_err(|e| e.to_string())
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn keyring_entry(_service: &str, _user: &str) -> Result<keyring_core::Entry, String> {
    Err("no keyring store is built in for this platform".to_string())
}

/// Runs the command without a shell and takes its standard output, trimmed, as the password.
async fn run_command(command: &str) -> Result<Secret, PasswordError> {
    let words = split_words(command).map_err(|e| PasswordError::Command(e.to_string()))?;
    let Some((program, args)) = words.split_first() else {
        return Err(PasswordError::Command("is empty".into()));
    };
    let child = tokio::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(Duration::from_secs(120), child)
        .await
        .map_err(|_| PasswordError::Command(format!("{program:?} did not finish in 2 minutes")))?
        .map_err(|e| PasswordError::Command(format!("{program:?} cannot be run: {e}")))?;
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        let first = why.lines().next().unwrap_or("").trim();
        return Err(PasswordError::Command(format!(
            "{program:?} failed ({}){}",
            output.status,
            if first.is_empty() {
                String::new()
            } else {
                format!(": {first}")
            }
        )));
    }
    let text = String::from_utf8(output.stdout).map_err(|_| {
        PasswordError::Command(format!("{program:?} printed bytes that are not UTF-8"))
    })?;
    let password = text.trim_end_matches(['\r', '\n']).trim();
    if password.is_empty() {
        return Err(PasswordError::Command(format!(
            "{program:?} printed nothing"
        )));
    }
    Ok(Secret(password.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_secret() {
        assert_eq!(format!("{:?}", Secret("hunter2".into())), "Secret(…)");
    }

    #[tokio::test]
    async fn command_output_is_trimmed_and_failures_are_named() {
        let ok = run_command("printf 's3cret\\n'").await.expect("runs");
        assert_eq!(ok.expose(), "s3cret");
        let err = run_command("false").await.expect_err("fails");
        assert!(err.to_string().contains("\"false\" failed"), "{err}");
        let err = run_command("/nonexistent/pw").await.expect_err("fails");
        assert!(err.to_string().contains("cannot be run"), "{err}");
    }
}
