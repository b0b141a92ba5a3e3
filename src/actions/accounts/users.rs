//! Accounts: adding, listing, roles, API tokens, assigning seekers to coaches, removing; and
//! the app a user acts through.

use super::audit::audit;
use super::auth::{hash_password, hash_secret, random_token};
use crate::actions::{ActionError, App, Result};
use crate::config::{Config, Home};
use crate::store::accounts::{self, NewUser, Role, User};
use crate::store::{Store, new_id};
use serde::Serialize;

/// What `user add` prints.
#[derive(Debug, Clone, Serialize)]
pub struct UserAdded {
    pub id: String,
    pub name: String,
    pub role: Role,
}

/// What `user token` prints: the token, shown this once.
#[derive(Debug, Clone, Serialize)]
pub struct TokenIssued {
    pub user: String,
    pub token: String,
}

/// What `user token --revoke` prints.
#[derive(Debug, Clone, Serialize)]
pub struct TokensRevoked {
    pub user: String,
    pub revoked: u64,
}

/// What `user assign` prints.
#[derive(Debug, Clone, Serialize)]
pub struct Assigned {
    pub coach: String,
    pub seeker: String,
    /// It was assigned before: nothing changed.
    pub already: bool,
}

/// What `user role` prints.
#[derive(Debug, Clone, Serialize)]
pub struct RoleChanged {
    pub user: String,
    pub from: Role,
    pub to: Role,
}

/// What `user remove` prints.
#[derive(Debug, Clone, Serialize)]
pub struct UserRemoved {
    pub user: String,
}

/// A name: 1 to 64 letters, digits, `.`, `_` or `-`.
fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(ActionError::BadInput(format!(
            "{name:?} is not a user name: use 1 to 64 letters, digits, '.', '_' or '-'"
        )))
    }
}

/// The password as given on standard input: its first line; at least 10 characters.
fn check_password(password: &str) -> Result<&str> {
    let line = password.lines().next().unwrap_or("");
    if line.chars().count() < 10 {
        return Err(ActionError::BadInput(
            "the password (the first line of standard input) needs at least 10 characters".into(),
        ));
    }
    Ok(line)
}

/// Adds an account and prepares its store.
#[allow(clippy::too_many_arguments)]
pub async fn add_user(
    accounts: &Store,
    name: &str,
    role: Role,
    password: &str,
    full_name: Option<&str>,
    email: Option<&str>,
    actor: &str,
    now: i64,
) -> Result<UserAdded> {
    check_name(name)?;
    let password = check_password(password)?;
    if let Some(email) = email {
        bowout_core::model::EmailAddress::parse(email)?;
    }
    if let Some(full_name) = full_name {
        bowout_core::model::PersonName::parse(full_name)?;
    }
    let password_hash = {
        let password = password.to_string();
        tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|e| ActionError::Refused(format!("cannot hash the password: {e}")))??
    };
    let id = new_id();
    let mut tx = accounts.begin().await?;
    let added = accounts::insert_user(
        &mut tx,
        &NewUser {
            id: &id,
            name,
            role,
            password_hash: &password_hash,
            full_name,
            email,
            created_at: now,
        },
    )
    .await?;
    if !added {
        return Err(ActionError::Refused(format!(
            "there is already a user called {name:?}"
        )));
    }
    audit(
        &mut tx,
        now,
        Some(&id),
        Some(actor),
        "user-added",
        &format!("{name} added as {}", role.as_str()),
        None,
    )
    .await?;
    tx.commit().await.map_err(crate::store::StoreError::from)?;
    accounts.prepare_user(&id).await?;
    Ok(UserAdded {
        id,
        name: name.to_string(),
        role,
    })
}

/// The account called `name`.
pub async fn find_user(accounts: &Store, name: &str) -> Result<User> {
    let mut conn = accounts.conn().await?;
    accounts::user_by_name(&mut conn, name)
        .await?
        .map(|(u, _)| u)
        .ok_or_else(|| ActionError::Refused(format!("no user called {name:?}")))
}

pub async fn list_users(accounts: &Store) -> Result<Vec<User>> {
    let mut conn = accounts.conn().await?;
    Ok(accounts::list_users(&mut conn).await?)
}

/// A new API token for the user; only its hash is kept.
pub async fn issue_token(
    accounts: &Store,
    name: &str,
    actor: &str,
    now: i64,
) -> Result<TokenIssued> {
    let user = find_user(accounts, name).await?;
    let token = random_token()?;
    let mut tx = accounts.begin().await?;
    accounts::insert_token(&mut tx, &user.id, &hash_secret(&token), now).await?;
    audit(
        &mut tx,
        now,
        Some(&user.id),
        Some(actor),
        "token-created",
        "API token issued",
        None,
    )
    .await?;
    tx.commit().await.map_err(crate::store::StoreError::from)?;
    Ok(TokenIssued {
        user: user.name,
        token,
    })
}

/// Revokes every API token of the user.
pub async fn revoke_tokens(
    accounts: &Store,
    name: &str,
    actor: &str,
    now: i64,
) -> Result<TokensRevoked> {
    let user = find_user(accounts, name).await?;
    let mut tx = accounts.begin().await?;
    let revoked = accounts::revoke_tokens(&mut tx, &user.id, now).await?;
    audit(
        &mut tx,
        now,
        Some(&user.id),
        Some(actor),
        "token-revoked",
        &format!("{revoked} API token(s) revoked"),
        None,
    )
    .await?;
    tx.commit().await.map_err(crate::store::StoreError::from)?;
    Ok(TokensRevoked {
        user: user.name,
        revoked,
    })
}

/// Assigns a seeker to a coach.
pub async fn assign(
    accounts: &Store,
    coach: &str,
    seeker: &str,
    actor: &str,
    now: i64,
) -> Result<Assigned> {
    let coach = find_user(accounts, coach).await?;
    let seeker = find_user(accounts, seeker).await?;
    if coach.role != Role::Coach {
        return Err(ActionError::Refused(format!(
            "{} is a {}, not a coach",
            coach.name,
            coach.role.as_str()
        )));
    }
    if seeker.role != Role::Seeker {
        return Err(ActionError::Refused(format!(
            "{} is a {}, not a seeker",
            seeker.name,
            seeker.role.as_str()
        )));
    }
    let mut tx = accounts.begin().await?;
    let added = accounts::assign(&mut tx, &coach.id, &seeker.id, now).await?;
    if added {
        audit(
            &mut tx,
            now,
            Some(&seeker.id),
            Some(actor),
            "assigned",
            &format!("{} assigned to coach {}", seeker.name, coach.name),
            None,
        )
        .await?;
    }
    tx.commit().await.map_err(crate::store::StoreError::from)?;
    Ok(Assigned {
        coach: coach.name,
        seeker: seeker.name,
        already: !added,
    })
}

/// Gives the user another role (a coach's assignments end when it stops being a coach,
/// a seeker's when it stops being a seeker).
pub async fn change_role(
    accounts: &Store,
    name: &str,
    role: Role,
    actor: &str,
    now: i64,
) -> Result<RoleChanged> {
    let user = find_user(accounts, name).await?;
    let mut tx = accounts.begin().await?;
    accounts::set_role(&mut tx, &user.id, role).await?;
    audit(
        &mut tx,
        now,
        Some(&user.id),
        Some(actor),
        "role-changed",
        &format!(
            "{} from {} to {}",
            user.name,
            user.role.as_str(),
            role.as_str()
        ),
        None,
    )
    .await?;
    tx.commit().await.map_err(crate::store::StoreError::from)?;
    Ok(RoleChanged {
        user: user.name,
        from: user.role,
        to: role,
    })
}

/// Removes the account: its sessions and tokens stop working at once.
pub async fn remove_user(
    accounts: &Store,
    name: &str,
    actor: &str,
    now: i64,
) -> Result<UserRemoved> {
    let user = find_user(accounts, name).await?;
    let mut tx = accounts.begin().await?;
    accounts::remove_user(&mut tx, &user.id, now).await?;
    audit(
        &mut tx,
        now,
        Some(&user.id),
        Some(actor),
        "user-removed",
        &format!("{} removed", user.name),
        None,
    )
    .await?;
    tx.commit().await.map_err(crate::store::StoreError::from)?;
    Ok(UserRemoved { user: user.name })
}

/// The app `user` acts through: their own store (read-only for a coach looking on), their
/// own directory under the server's home (configuration, templates, archive), and the
/// server's clock. The account's name and address sign their messages unless their
/// configuration says otherwise.
pub fn user_app(
    server: &App,
    accounts: &Store,
    user: &User,
    read_only: bool,
    keys: Option<&std::sync::Arc<super::Keys>>,
) -> Result<App> {
    let base = server
        .home
        .database
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let home = Home::single(&base.join("users").join(&user.id));
    home.create()
        .map_err(|e| ActionError::Setup(format!("{e:#}")))?;
    let mut config = Config::load(&home.config_file, std::env::vars())
        .map_err(|e| ActionError::Setup(format!("{e:#}")))?;
    if config.identity.name.is_none() {
        config.identity.name = user.full_name.clone();
    }
    if config.identity.email.is_none() {
        config.identity.email = user.email.clone();
    }
    Ok(App {
        store: accounts.as_user(&user.id, read_only)?,
        config,
        home,
        clock: server.clock.clone(),
        mail_passwords: Some(super::MailPasswords {
            accounts: accounts.clone(),
            keys: keys.cloned(),
            user: user.clone(),
        }),
    })
}
