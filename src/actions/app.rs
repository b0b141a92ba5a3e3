//! What every action needs: the store, the configuration, the paths and the clock.

use super::{ActionError, Result};
use crate::clock::Clock;
use crate::config::{Config, Home};
use crate::store::Store;
use bowout_core::compose::{Style, TemplateName, Templates};
use bowout_core::model::{EmailAddress, Identity, Language, PersonName, Phone};

pub struct App {
    pub store: Store,
    pub config: Config,
    pub home: Home,
    pub clock: Clock,
    /// Coach mode: the user's own mail passwords, encrypted in the accounts.
    pub mail_passwords: Option<super::accounts::MailPasswords>,
}

impl App {
    /// The user's identity from `[identity]`; drafts cannot be signed without a name and
    /// an address.
    pub fn identity(&self) -> Result<Identity> {
        let id = &self.config.identity;
        let missing = |key: &str| {
            ActionError::Setup(format!(
                "no [identity] {key} in {}: set it there or in BOWOUT_IDENTITY_{}",
                self.home.config_file.display(),
                key.to_ascii_uppercase()
            ))
        };
        let name = id.name.as_deref().ok_or_else(|| missing("name"))?;
        let email = id.email.as_deref().ok_or_else(|| missing("email"))?;
        Ok(Identity {
            name: PersonName::parse(name)?,
            email: EmailAddress::parse(email)?,
            phone: id.phone.as_deref().map(Phone::parse).transpose()?,
            address: id.address.clone(),
        })
    }

    /// `[identity] language`: the language of invitations added by hand, English when unset.
    pub fn default_language(&self) -> Result<Language> {
        match self.config.identity.language.as_deref() {
            None => Ok(Language::default()),
            Some(given) => Language::parse(given).ok_or_else(|| {
                ActionError::Setup(format!(
                    "[identity] language = {given:?} is not a language bowout writes: use one of \
                     {}",
                    Language::codes()
                ))
            }),
        }
    }

    /// The built-in templates of `language` in `[compose] style`, each replaced by the user's
    /// file when that exists: `<home>/templates/<name>` for English,
    /// `<home>/templates/<lang>/<name>` for another language (`templates/de/decline.txt`).
    pub fn templates(&self, language: Language) -> Result<Templates> {
        let style = match self.config.compose.style.as_deref().map(str::trim) {
            None => Style::default(),
            Some(given) => Style::parse(given).ok_or_else(|| {
                let known: Vec<String> = Style::ALL
                    .iter()
                    .map(|s| format!("{:?}", s.as_str()))
                    .collect();
                ActionError::Setup(format!(
                    "[compose] style = {given:?} is not a style: use {}",
                    known.join(" or ")
                ))
            })?,
        };
        let mut templates = Templates::new(language, style);
        let folder = match language {
            Language::En => self.home.templates.clone(),
            other => self.home.templates.join(other.code()),
        };
        for name in TemplateName::ALL {
            let path = folder.join(name.file_name());
            match std::fs::read_to_string(&path) {
                Ok(source) => templates = templates.with_override(name, source)?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(ActionError::io(
                        format!("cannot read template {}", path.display()),
                        e,
                    ));
                }
            }
        }
        Ok(templates)
    }
}
