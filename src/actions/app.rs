//! What every action needs: the store, the configuration, the paths and the clock.

use super::{ActionError, Result};
use crate::clock::Clock;
use crate::config::{Config, Home};
use crate::store::Store;
use bowout_core::compose::{Style, TemplateName, Templates};
use bowout_core::model::{EmailAddress, Identity, PersonName, Phone};

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

    /// The built-in templates of `[compose] style`, each replaced by
    /// `<home>/templates/<name>` when that exists.
    pub fn templates(&self) -> Result<Templates> {
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
        let mut templates = Templates::of_style(style);
        for name in TemplateName::ALL {
            let path = self.home.templates.join(name.file_name());
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
