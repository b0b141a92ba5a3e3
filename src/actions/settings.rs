//! Settings written from the web UI: keys of `config.toml` (identity, `[smtp]`, `[imap]`),
//! a mail password into the OS keyring, and the user's templates. The file keeps its
//! comments; every write is atomic. Passwords never reach the file.

use super::views::PasswordStored;
use super::{ActionError, App, Result};
use crate::config::Config;
use crate::mail::password::Source;
use bowout_core::compose::{TemplateName, Templates};
use serde::Serialize;

/// The keys the settings page may write, per section, and whether each is a number.
const KEYS: &[(&str, &[(&str, bool)])] = &[
    (
        "identity",
        &[
            ("name", false),
            ("email", false),
            ("phone", false),
            ("address", false),
        ],
    ),
    (
        "smtp",
        &[
            ("host", false),
            ("port", true),
            ("security", false),
            ("username", false),
        ],
    ),
    (
        "imap",
        &[
            ("host", false),
            ("port", true),
            ("security", false),
            ("username", false),
            ("mailbox", false),
        ],
    ),
];

/// Longest value a setting may have.
const MAX_VALUE: usize = 1000;

/// Sets the given keys of `section` in `config.toml` (an empty value removes the key),
/// checks that the result is a valid configuration, and writes it atomically.
pub fn save_settings(app: &App, section: &str, values: &[(String, String)]) -> Result<()> {
    let Some((_, keys)) = KEYS.iter().find(|(s, _)| *s == section) else {
        return Err(ActionError::BadInput(format!(
            "no settings section {section:?}"
        )));
    };
    let path = &app.home.config_file;
    let text = std::fs::read_to_string(path)
        .map_err(|e| ActionError::io(format!("cannot read {}", path.display()), e))?;
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e| ActionError::Setup(format!("{} is not valid TOML: {e}", path.display())))?;
    if !doc.contains_key(section) {
        doc[section] = toml_edit::table();
    }
    for (key, value) in values {
        let Some((_, number)) = keys.iter().find(|(k, _)| k == key) else {
            return Err(ActionError::BadInput(format!("no setting {section}.{key}")));
        };
        let value = value.trim();
        if value.len() > MAX_VALUE {
            return Err(ActionError::BadInput(format!(
                "{section}.{key} is too long"
            )));
        }
        // Only the postal address has lines.
        if *key != "address" && value.contains(['\r', '\n']) {
            return Err(ActionError::BadInput(format!(
                "{section}.{key} must be one line"
            )));
        }
        if value.is_empty() {
            if let Some(table) = doc[section].as_table_mut() {
                table.remove(key);
            }
        } else if *number {
            let n: i64 = value.parse().map_err(|_| {
                ActionError::BadInput(format!("{section}.{key} must be a number, not {value:?}"))
            })?;
            doc[section][key.as_str()] = toml_edit::value(n);
        } else {
            doc[section][key.as_str()] = toml_edit::value(value.replace("\r\n", "\n"));
        }
    }
    let text = doc.to_string();
    toml::from_str::<Config>(&text)
        .map_err(|e| ActionError::BadInput(format!("the settings would not be valid: {e}")))?;
    crate::fsutil::write_atomic(path, text.as_bytes())
        .map_err(|e| ActionError::io(format!("cannot write {}", path.display()), e))
}

/// Stores the password of `[smtp]` or `[imap]`'s user in the OS keyring; refused, with
/// the other ways to give it, when there is no keyring.
pub fn store_password(app: &App, server: &str, password: &str) -> Result<PasswordStored> {
    let (server, config) = match server {
        "smtp" => ("smtp", &app.config.smtp),
        "imap" => ("imap", &app.config.imap),
        other => return Err(ActionError::BadInput(format!("no server {other:?}"))),
    };
    let user = config
        .username
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .ok_or_else(|| {
            ActionError::Setup(format!(
                "no [{server}] username is set: the password is stored under it"
            ))
        })?;
    if password.is_empty() || password.contains(['\r', '\n']) {
        return Err(ActionError::BadInput(
            "give the password on one line".into(),
        ));
    }
    Source {
        server,
        user,
        command: None,
    }
    .store(password)
    .map_err(|e| {
        ActionError::Setup(format!(
            "{e}; the password was not stored: set BOWOUT_{}_PASSWORD or a password_command in [{server}] instead",
            server.to_ascii_uppercase()
        ))
    })?;
    Ok(PasswordStored {
        stored: true,
        server,
        user: user.to_string(),
    })
}

/// A template as the settings page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct TemplateSource {
    pub file: &'static str,
    pub source: String,
    /// The user's own version in `<home>/templates/` is used.
    pub overridden: bool,
}

fn template_name(file: &str) -> Result<TemplateName> {
    TemplateName::ALL
        .into_iter()
        .find(|n| n.file_name() == file)
        .ok_or_else(|| ActionError::BadInput(format!("no template {file:?}")))
}

/// Every template, the user's version where there is one.
pub fn template_sources(app: &App) -> Result<Vec<TemplateSource>> {
    TemplateName::ALL
        .into_iter()
        .map(|name| {
            let path = app.home.templates.join(name.file_name());
            match std::fs::read_to_string(&path) {
                Ok(source) => Ok(TemplateSource {
                    file: name.file_name(),
                    source,
                    overridden: true,
                }),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(TemplateSource {
                    file: name.file_name(),
                    source: name
                        .default_source(bowout_core::model::Language::En)
                        .to_string(),
                    overridden: false,
                }),
                Err(e) => Err(ActionError::io(
                    format!("cannot read {}", path.display()),
                    e,
                )),
            }
        })
        .collect()
}

/// Writes the user's version of a template, after checking that it compiles.
pub fn save_template(app: &App, file: &str, source: &str) -> Result<()> {
    let name = template_name(file)?;
    let source = source.replace("\r\n", "\n");
    Templates::default().with_override(name, source.clone())?;
    std::fs::create_dir_all(&app.home.templates).map_err(|e| {
        ActionError::io(format!("cannot create {}", app.home.templates.display()), e)
    })?;
    let path = app.home.templates.join(name.file_name());
    crate::fsutil::write_atomic(&path, source.as_bytes())
        .map_err(|e| ActionError::io(format!("cannot write {}", path.display()), e))
}

/// Goes back to the default template.
pub fn reset_template(app: &App, file: &str) -> Result<()> {
    let name = template_name(file)?;
    let path = app.home.templates.join(name.file_name());
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(ActionError::io(
            format!("cannot remove {}", path.display()),
            e,
        )),
    }
}
