//! Passwords (argon2id), API tokens and sessions: only hashes are kept.

use super::audit::audit;
use crate::actions::{ActionError, Result};
use crate::store::Store;
use crate::store::accounts::{self, Session, User};
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use sha2::Digest as _;

/// How long a session lasts: 12 hours.
pub const SESSION_SECONDS: i64 = 12 * 60 * 60;

/// The argon2id PHC string of a password.
pub fn hash_password(password: &str) -> Result<String> {
    argon2::Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| ActionError::Refused(format!("cannot hash the password: {e}")))
}

fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash no password matches, checked for unknown names so that they take as long.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("no account has this password").unwrap_or_default())
}

/// The SHA-256 of a token or session cookie (hex): what the database keeps.
pub fn hash_secret(secret: &str) -> String {
    sha2::Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// 32 random bytes, base64url.
pub fn random_token() -> Result<String> {
    use base64::Engine as _;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| ActionError::Refused(format!("no randomness for a token: {e}")))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// A session begun: the cookie's value (given once) and its CSRF token.
#[derive(Debug)]
pub struct Login {
    pub user: User,
    pub cookie: String,
    pub csrf: String,
    pub expires_at: i64,
}

/// Why a sign-in was refused: one answer for a wrong name and a wrong password.
#[derive(Debug, thiserror::Error)]
pub enum LoginRefused {
    #[error("the name or the password is wrong")]
    Wrong,
    #[error(transparent)]
    Failed(#[from] ActionError),
}

/// Checks the password and begins a session; every attempt goes in the audit log.
pub async fn login(
    accounts: &Store,
    name: &str,
    password: &str,
    address: &str,
    now: i64,
) -> std::result::Result<Login, LoginRefused> {
    let mut conn = accounts.conn().await.map_err(ActionError::from)?;
    let found = accounts::user_by_name(&mut conn, name)
        .await
        .map_err(ActionError::from)?;
    let (user, hash) = match found {
        Some((user, hash)) => (Some(user), hash),
        None => (None, decoy_hash().to_string()),
    };
    let password = password.to_string();
    let matches = tokio::task::spawn_blocking(move || password_matches(&password, &hash))
        .await
        .unwrap_or(false);
    let Some(user) = user.filter(|_| matches) else {
        let detail = format!("sign-in refused for {name:?}");
        let id = match accounts::user_by_name(&mut conn, name).await {
            Ok(Some((u, _))) => Some(u.id),
            _ => None,
        };
        audit(
            &mut conn,
            now,
            id.as_deref(),
            None,
            "login-failed",
            &detail,
            Some(address),
        )
        .await?;
        return Err(LoginRefused::Wrong);
    };
    let cookie = random_token()?;
    let csrf = random_token()?;
    let expires_at = now + SESSION_SECONDS;
    accounts::delete_expired_sessions(&mut conn, now)
        .await
        .map_err(ActionError::from)?;
    accounts::insert_session(
        &mut conn,
        &hash_secret(&cookie),
        &user.id,
        &csrf,
        now,
        expires_at,
    )
    .await
    .map_err(ActionError::from)?;
    audit(
        &mut conn,
        now,
        Some(&user.id),
        Some(&user.name),
        "login",
        "signed in",
        Some(address),
    )
    .await?;
    Ok(Login {
        user,
        cookie,
        csrf,
        expires_at,
    })
}

/// Ends the session with this cookie.
pub async fn logout(accounts: &Store, cookie: &str, now: i64) -> Result<()> {
    let mut conn = accounts.conn().await?;
    if let Some(session) = accounts::session(&mut conn, &hash_secret(cookie), now).await? {
        accounts::delete_session(&mut conn, &hash_secret(cookie)).await?;
        audit(
            &mut conn,
            now,
            Some(&session.user.id),
            Some(&session.user.name),
            "logout",
            "signed out",
            None,
        )
        .await?;
    }
    Ok(())
}

/// The session in force for this cookie, if any (a removed user's sessions are gone).
pub async fn session_for(accounts: &Store, cookie: &str, now: i64) -> Result<Option<Session>> {
    let mut conn = accounts.conn().await?;
    Ok(accounts::session(&mut conn, &hash_secret(cookie), now).await?)
}

/// The user an API token in force belongs to; its use goes in the audit log (once a minute
/// at most for one token).
pub async fn user_for_token(
    accounts: &Store,
    token: &str,
    address: &str,
    now: i64,
) -> Result<Option<User>> {
    let mut conn = accounts.conn().await?;
    let found = accounts::user_by_token(&mut conn, &hash_secret(token), now).await?;
    if let Some((user, true)) = &found {
        audit(
            &mut conn,
            now,
            Some(&user.id),
            Some(&user.name),
            "token-used",
            "API token used",
            Some(address),
        )
        .await?;
    }
    Ok(found.map(|(user, _)| user))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_matches_its_argon2id_hash_only() {
        let hash = hash_password("correct horse").expect("hash");
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(password_matches("correct horse", &hash));
        assert!(!password_matches("correct horsE", &hash));
        assert!(!password_matches("correct horse", "not a hash"));
    }
}
