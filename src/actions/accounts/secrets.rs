//! Per-user mail passwords, encrypted at rest with XChaCha20-Poly1305 under a server key.
//!
//! The keys come from `BOWOUT_SECRET_KEYS` or the file `BOWOUT_SECRET_KEY_FILE` names: one
//! key a line (or separated by `;`), `ID BASE64` with 32 bytes of key; the first is the key
//! new secrets are sealed with, the others are older keys still read. To rotate: put a new
//! key first, run `bowout user rotate-keys` (every secret is sealed again under it), then
//! drop the old lines. A password is never returned by the API, shown in a page, logged or
//! exported: only [`load_password`] opens it, for the mail code.

use super::audit::audit;
use crate::actions::{ActionError, Result};
use crate::store::Store;
use crate::store::accounts::{self, SealedSecret, User};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use serde::Serialize;

/// The server's keys: the current one first.
pub struct Keys {
    keys: Vec<(String, XChaCha20Poly1305)>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|(id, _)| id.as_str()).collect();
        f.debug_struct("Keys").field("ids", &ids).finish()
    }
}

impl Keys {
    /// The keys from `BOWOUT_SECRET_KEYS`, or from the file `BOWOUT_SECRET_KEY_FILE` names.
    pub fn from_env() -> Result<Self> {
        if let Ok(text) = std::env::var("BOWOUT_SECRET_KEYS") {
            return Self::parse(&text);
        }
        let Ok(path) = std::env::var("BOWOUT_SECRET_KEY_FILE") else {
            return Err(ActionError::Setup(
                "no server key for mail passwords: set BOWOUT_SECRET_KEY_FILE to a file with \
                 a line `ID BASE64` (32 random bytes, as `head -c32 /dev/urandom | base64`)"
                    .into(),
            ));
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| ActionError::io(format!("cannot read the key file {path}"), e))?;
        Self::parse(&text)
    }

    /// `ID BASE64` lines (or `;`-separated), the current key first.
    pub fn parse(text: &str) -> Result<Self> {
        let mut keys = Vec::new();
        for entry in text
            .split(['\n', ';'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            let bad = || {
                ActionError::Setup(
                    "a server key is not `ID BASE64` with 32 bytes of key (the key itself is \
                     not shown)"
                        .into(),
                )
            };
            let (id, key) = entry.split_once(char::is_whitespace).ok_or_else(bad)?;
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(bad());
            }
            let bytes = STANDARD.decode(key.trim()).map_err(|_| bad())?;
            let key = Key::try_from(bytes.as_slice()).map_err(|_| bad())?;
            keys.push((id.to_string(), XChaCha20Poly1305::new(&key)));
        }
        if keys.is_empty() {
            return Err(ActionError::Setup("the server key list is empty".into()));
        }
        Ok(Self { keys })
    }

    fn current(&self) -> &(String, XChaCha20Poly1305) {
        &self.keys[0]
    }

    /// Seals `plain` for `user_id`'s secret `name` (bound to both, so a sealed value moved to
    /// another user or name does not open).
    pub fn seal(&self, user_id: &str, name: &str, plain: &str) -> Result<SealedSecret> {
        let (key_id, cipher) = self.current();
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut nonce)
            .map_err(|e| ActionError::Refused(format!("no randomness for a nonce: {e}")))?;
        let aad = format!("{user_id}/{name}");
        let sealed = cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| ActionError::Refused("cannot encrypt the password".into()))?;
        Ok(SealedSecret {
            user_id: user_id.to_string(),
            name: name.to_string(),
            key_id: key_id.clone(),
            nonce: STANDARD.encode(nonce),
            ciphertext: STANDARD.encode(sealed),
        })
    }

    pub fn open(&self, secret: &SealedSecret) -> Result<String> {
        let refused = |why: &str| {
            ActionError::Refused(format!(
                "the stored {} password of this account cannot be read: {why}",
                secret.name
            ))
        };
        let (_, cipher) = self
            .keys
            .iter()
            .find(|(id, _)| *id == secret.key_id)
            .ok_or_else(|| refused(&format!("the server key {:?} is not given", secret.key_id)))?;
        let nonce = STANDARD
            .decode(&secret.nonce)
            .ok()
            .and_then(|n| XNonce::try_from(n.as_slice()).ok())
            .ok_or_else(|| refused("its nonce is damaged"))?;
        let sealed = STANDARD
            .decode(&secret.ciphertext)
            .map_err(|_| refused("it is damaged"))?;
        let aad = format!("{}/{}", secret.user_id, secret.name);
        let plain = cipher
            .decrypt(
                &nonce,
                Payload {
                    msg: &sealed,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| refused("it does not open with its key (damaged or moved)"))?;
        String::from_utf8(plain).map_err(|_| refused("it is not text"))
    }
}

/// Coach mode: where a user's mail passwords come from (instead of the server's environment,
/// command or keyring, which belong to whoever runs the server).
#[derive(Clone, Debug)]
pub struct MailPasswords {
    pub accounts: Store,
    /// The server's keys; `None` when none is configured (storing and reading then fail
    /// with the way to configure one).
    pub keys: Option<std::sync::Arc<Keys>>,
    pub user: User,
}

impl MailPasswords {
    fn keys(&self) -> Result<&Keys> {
        self.keys.as_deref().ok_or_else(|| {
            ActionError::Setup(
                "this server keeps no mail passwords: its operator sets BOWOUT_SECRET_KEY_FILE"
                    .into(),
            )
        })
    }

    /// The user's password for `server` (`smtp` or `imap`).
    pub async fn password(&self, server: &str) -> Result<crate::mail::password::Secret> {
        load_password(&self.accounts, self.keys()?, &self.user.id, server)
            .await?
            .map(crate::mail::password::Secret::new)
            .ok_or_else(|| {
                ActionError::Setup(format!(
                    "no {server} password is stored for this account: set it in Settings"
                ))
            })
    }

    /// Stores the user's password for `server`, encrypted.
    pub async fn store(&self, server: &str, password: &str, now: i64) -> Result<SecretStored> {
        store_secret(
            &self.accounts,
            self.keys()?,
            &self.user,
            server,
            password,
            &self.user.name,
            now,
        )
        .await
    }
}

/// What storing a password prints (never the password).
#[derive(Debug, Clone, Serialize)]
pub struct SecretStored {
    pub user: String,
    pub name: String,
    pub key_id: String,
}

/// What `user rotate-keys` prints.
#[derive(Debug, Clone, Serialize)]
pub struct KeysRotated {
    pub key_id: String,
    pub resealed: usize,
}

fn check_secret_name(name: &str) -> Result<()> {
    if matches!(name, "smtp" | "imap") {
        Ok(())
    } else {
        Err(ActionError::BadInput(format!(
            "{name:?} is not a mail password: smtp or imap"
        )))
    }
}

/// Stores the user's `smtp` or `imap` password, sealed under the current key.
pub async fn store_secret(
    accounts: &Store,
    keys: &Keys,
    user: &User,
    name: &str,
    password: &str,
    actor: &str,
    now: i64,
) -> Result<SecretStored> {
    check_secret_name(name)?;
    let password = password.lines().next().unwrap_or("");
    if password.is_empty() || password.len() > 1024 {
        return Err(ActionError::BadInput(
            "give the password on the first line of standard input (at most 1024 bytes)".into(),
        ));
    }
    let sealed = keys.seal(&user.id, name, password)?;
    let mut tx = accounts.begin().await?;
    accounts::save_secret(&mut tx, &sealed, now).await?;
    audit(
        &mut tx,
        now,
        Some(&user.id),
        Some(actor),
        "secret-set",
        &format!("{name} password stored"),
        None,
    )
    .await?;
    tx.commit().await.map_err(crate::store::StoreError::from)?;
    Ok(SecretStored {
        user: user.name.clone(),
        name: name.to_string(),
        key_id: sealed.key_id,
    })
}

/// The user's `smtp` or `imap` password, if one is stored.
pub async fn load_password(
    accounts: &Store,
    keys: &Keys,
    user_id: &str,
    name: &str,
) -> Result<Option<String>> {
    check_secret_name(name)?;
    let mut conn = accounts.conn().await?;
    match accounts::load_secret(&mut conn, user_id, name).await? {
        Some(sealed) => Ok(Some(keys.open(&sealed)?)),
        None => Ok(None),
    }
}

/// Seals every stored secret again under the current key, in one transaction.
pub async fn rotate_keys(
    accounts: &Store,
    keys: &Keys,
    actor: &str,
    now: i64,
) -> Result<KeysRotated> {
    let mut tx = accounts.begin().await?;
    let all = accounts::all_secrets(&mut tx).await?;
    let mut resealed = 0;
    for sealed in &all {
        if sealed.key_id == keys.current().0 {
            continue;
        }
        let plain = keys.open(sealed)?;
        accounts::save_secret(
            &mut tx,
            &keys.seal(&sealed.user_id, &sealed.name, &plain)?,
            now,
        )
        .await?;
        resealed += 1;
    }
    audit(
        &mut tx,
        now,
        None,
        Some(actor),
        "keys-rotated",
        &format!(
            "{resealed} secret(s) sealed again under key {}",
            keys.current().0
        ),
        None,
    )
    .await?;
    tx.commit().await.map_err(crate::store::StoreError::from)?;
    Ok(KeysRotated {
        key_id: keys.current().0.clone(),
        resealed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY_A: &str = "a AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    const KEY_B: &str = "b AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

    #[test]
    fn a_sealed_password_opens_only_for_its_user_and_name() {
        let keys = Keys::parse(KEY_A).expect("keys");
        let sealed = keys.seal("u1", "smtp", "hunter2-secret").expect("seal");
        assert!(!sealed.ciphertext.contains("hunter2"));
        assert_eq!(keys.open(&sealed).expect("open"), "hunter2-secret");
        let moved = SealedSecret {
            user_id: "u2".into(),
            ..sealed.clone()
        };
        assert!(keys.open(&moved).is_err());
    }

    #[test]
    fn an_older_key_still_opens_and_the_first_seals() {
        let old = Keys::parse(KEY_A).expect("keys");
        let sealed = old.seal("u1", "imap", "pw").expect("seal");
        let both = Keys::parse(&format!("{KEY_B}\n{KEY_A}")).expect("keys");
        assert_eq!(both.open(&sealed).expect("open"), "pw");
        assert_eq!(both.seal("u1", "imap", "pw").expect("seal").key_id, "b");
        assert!(Keys::parse(KEY_B).expect("keys").open(&sealed).is_err());
        assert!(Keys::parse("x notbase64").is_err());
    }
}
