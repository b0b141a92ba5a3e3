//! The home's own files in an export and back: `config.toml` (without its secrets) and the
//! user's templates, so that a home restored elsewhere keeps its identity and its wording.
//!
//! Secrets never leave: keys that name a password, secret or token are dropped from the
//! configuration (a `password_command` is kept, never run), and passwords were never in the
//! file anyway. On restore, a configuration or template already in the new home is left
//! alone when it has the same text and refused when it differs, except the example
//! `config.toml` a new home starts with, which the exported one replaces.

use super::archive::{Incoming, is_plain_name};
use crate::actions::{ActionError, App, Result};
use crate::config::{Config, EXAMPLE};
use crate::store::export::TemplateFile;

/// Longest template accepted from an export file, as for any text bowout reads.
const MAX_TEMPLATE: usize = 1024 * 1024;

/// `config.toml` as it is, less every key that could hold a secret; `None` when the home
/// has no configuration file.
pub fn config_without_secrets(app: &App) -> Result<Option<String>> {
    let path = &app.home.config_file;
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(ActionError::io(
                format!("cannot read {}", path.display()),
                e,
            ));
        }
    };
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e| ActionError::Refused(format!("{} is not valid TOML: {e}", path.display())))?;
    strip_secrets(doc.as_table_mut());
    Ok(Some(doc.to_string()))
}

/// True for a key that may hold a secret: `password`, `smtp_password`, `api_token`,
/// `client_secret`… (`password_command` names a command, not a secret).
fn is_secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k != "password_command"
        && [
            "password",
            "passwd",
            "secret",
            "token",
            "passphrase",
            "api_key",
            "apikey",
        ]
        .iter()
        .any(|word| k.contains(word))
}

fn strip_secrets(table: &mut toml_edit::Table) {
    table.retain(|key, _| !is_secret_key(key));
    for (_, item) in table.iter_mut() {
        strip_item(item);
    }
}

fn strip_item(item: &mut toml_edit::Item) {
    match item {
        toml_edit::Item::Table(t) => strip_secrets(t),
        toml_edit::Item::ArrayOfTables(tables) => tables.iter_mut().for_each(strip_secrets),
        toml_edit::Item::Value(toml_edit::Value::InlineTable(t)) => strip_inline(t),
        _ => {}
    }
}

fn strip_inline(table: &mut toml_edit::InlineTable) {
    table.retain(|key, _| !is_secret_key(key));
    for (_, value) in table.iter_mut() {
        if let toml_edit::Value::InlineTable(inner) = value {
            strip_inline(inner);
        }
    }
}

/// Every template file in `<home>/templates/` (regular, not hidden), by name.
pub fn templates(app: &App) -> Result<Vec<TemplateFile>> {
    let dir = &app.home.templates;
    let read_error = |e| ActionError::io(format!("cannot read {}", dir.display()), e);
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(read_error(e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(read_error)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !entry.file_type().map_err(read_error)?.is_file() {
            continue;
        }
        let path = entry.path();
        let text = std::fs::read_to_string(&path).map_err(|e| {
            ActionError::io(
                format!(
                    "cannot export the template {} (not UTF-8 text?)",
                    path.display()
                ),
                e,
            )
        })?;
        out.push(TemplateFile { name, text });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The configuration and templates of an export, checked before anything is written: a
/// configuration bowout can read, templates with plain names, each named once.
pub fn check(app: &App, config: Option<&str>, templates: &[TemplateFile]) -> Result<Vec<Incoming>> {
    let mut files = Vec::new();
    if let Some(text) = config {
        Config::parse(text, std::iter::empty()).map_err(|e| {
            ActionError::Refused(format!("the configuration in the export is invalid: {e:#}"))
        })?;
        files.push(Incoming {
            path: app.home.config_file.clone(),
            bytes: text.as_bytes().to_vec(),
            replaceable: Some(EXAMPLE.as_bytes()),
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    for t in templates {
        if !is_plain_name(&t.name) || t.name.starts_with('.') || t.name.contains('\0') {
            return Err(ActionError::Refused(format!(
                "the export names a template {:?}, which is not a plain file name",
                t.name
            )));
        }
        if !seen.insert(t.name.as_str()) {
            return Err(ActionError::Refused(format!(
                "the export names the template {:?} twice",
                t.name
            )));
        }
        if t.text.len() > MAX_TEMPLATE {
            return Err(ActionError::Refused(format!(
                "the template {:?} in the export is larger than 1 MiB",
                t.name
            )));
        }
        files.push(Incoming {
            path: app.home.templates.join(&t.name),
            bytes: t.text.as_bytes().to_vec(),
            replaceable: None,
        });
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(text: &str) -> String {
        let mut doc: toml_edit::DocumentMut = text.parse().expect("toml");
        strip_secrets(doc.as_table_mut());
        doc.to_string()
    }

    #[test]
    fn secrets_go_and_everything_else_stays_as_written() {
        let text = "# mine\n[identity]\nname = \"Dana\" # me\n\n[smtp]\nhost = \"h\"\n\
                    password = \"hunter2\"\npassword_command = \"pass show smtp\"\n\
                    [imap]\noauth = { client_secret = \"s\", client_id = \"c\" }\n\
                    api_token = \"t\"\n";
        let out = stripped(text);
        assert!(
            out.starts_with("# mine\n[identity]\nname = \"Dana\" # me\n"),
            "{out}"
        );
        assert!(
            out.contains("password_command = \"pass show smtp\""),
            "{out}"
        );
        assert!(out.contains("client_id"), "{out}");
        for secret in ["hunter2", "client_secret", "api_token"] {
            assert!(!out.contains(secret), "{secret} in {out}");
        }
    }
}
