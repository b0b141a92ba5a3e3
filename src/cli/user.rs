//! `bowout user add|list|token|assign|role|remove|password|rotate-keys|audit`: coach mode's
//! accounts, in the PostgreSQL database given by `--database`.

use super::Output;
use crate::actions::accounts::{self, Keys};
use crate::clock::Clock;
use crate::exit::{Status, UsageError};
use crate::store::Store;
use crate::store::accounts::Role;
use anyhow::{Context, Result};
use std::fmt::Write as _;
use std::io::Read as _;

/// Who the audit log names for changes made from the command line.
const ACTOR: &str = "command line";

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add an account; its password is read from standard input (the first line).
    Add(AddArgs),
    /// Every account, with its role.
    List,
    /// Print a new API token for the user (only its hash is kept); --revoke ends them all.
    Token(TokenArgs),
    /// Assign a seeker to a coach: the coach may then read the seeker's records.
    Assign(AssignArgs),
    /// Give a user another role.
    Role(RoleArgs),
    /// Remove an account: its sessions and tokens stop working at once.
    Remove(NameArgs),
    /// Store the user's SMTP or IMAP password, encrypted (read from standard input).
    Password(PasswordArgs),
    /// Seal every stored password again under the first server key.
    RotateKeys,
    /// The audit log (of one user, or all of it).
    Audit(AuditArgs),
}

fn role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| format!("{s:?} is not a role: seeker, coach or admin"))
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The name to sign in with (letters, digits, '.', '_', '-').
    name: String,
    /// seeker, coach or admin.
    #[arg(long, value_parser = role)]
    role: Role,
    /// The person's full name (signs their messages unless their configuration says).
    #[arg(long, value_name = "NAME")]
    full_name: Option<String>,
    /// The person's address (signs their messages unless their configuration says).
    #[arg(long, value_name = "E")]
    email: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct TokenArgs {
    name: String,
    /// Revoke every token of the user instead.
    #[arg(long)]
    revoke: bool,
}

#[derive(Debug, clap::Args)]
pub struct AssignArgs {
    coach: String,
    seeker: String,
}

#[derive(Debug, clap::Args)]
pub struct RoleArgs {
    name: String,
    #[arg(value_parser = role)]
    role: Role,
}

#[derive(Debug, clap::Args)]
pub struct NameArgs {
    name: String,
}

#[derive(Debug, clap::Args)]
pub struct PasswordArgs {
    name: String,
    /// smtp or imap.
    which: String,
}

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// Only the entries that concern this user.
    name: Option<String>,
    /// At most this many entries, newest first.
    #[arg(long, default_value_t = 100)]
    limit: i64,
}

/// Opens the accounts in the database `--database` names.
pub async fn open(database: Option<&str>) -> Result<Store> {
    let Some(url) = database else {
        return Err(UsageError(
            "accounts live in a PostgreSQL database: give --database postgres://… (or \
             BOWOUT_DATABASE_URL)"
                .into(),
        )
        .into());
    };
    Store::open_accounts(url).await.map_err(|e| match e {
        crate::store::StoreError::NotPostgres => UsageError(e.to_string()).into(),
        e => anyhow::Error::from(e).context("cannot open the accounts"),
    })
}

fn stdin_password() -> Result<String> {
    let mut text = String::new();
    std::io::stdin()
        .take(4096)
        .read_to_string(&mut text)
        .context("cannot read the password from standard input")?;
    Ok(text)
}

pub async fn run(database: Option<&str>, cmd: Command, out: &Output) -> Result<Status> {
    let store = open(database).await?;
    let result = run_on(&store, cmd, out).await;
    store.close().await;
    result
}

async fn run_on(store: &Store, cmd: Command, out: &Output) -> Result<Status> {
    let clock = Clock::new(std::env::var("BOWOUT_NOW").ok().as_deref(), None, &[])?;
    let now = clock.now();
    match cmd {
        Command::Add(a) => {
            let password = stdin_password()?;
            let added = accounts::add_user(
                store,
                &a.name,
                a.role,
                &password,
                a.full_name.as_deref(),
                a.email.as_deref(),
                ACTOR,
                now,
            )
            .await?;
            out.either(&added, || {
                format!(
                    "{} added as {} (id {})",
                    added.name,
                    added.role.as_str(),
                    added.id
                )
            })?;
        }
        Command::List => {
            let users = accounts::list_users(store).await?;
            out.either(&users, || {
                let mut s = String::new();
                for u in &users {
                    let _ = writeln!(s, "{:<24} {:<7} {}", u.name, u.role.as_str(), u.id);
                }
                if users.is_empty() {
                    s.push_str("no accounts yet: bowout user add NAME --role seeker|coach|admin");
                }
                s
            })?;
        }
        Command::Token(a) if a.revoke => {
            let done = accounts::revoke_tokens(store, &a.name, ACTOR, now).await?;
            out.either(&done, || {
                format!("{} API token(s) of {} revoked", done.revoked, done.user)
            })?;
        }
        Command::Token(a) => {
            let issued = accounts::issue_token(store, &a.name, ACTOR, now).await?;
            out.either(&issued, || issued.token.clone())?;
        }
        Command::Assign(a) => {
            let done = accounts::assign(store, &a.coach, &a.seeker, ACTOR, now).await?;
            out.either(&done, || {
                if done.already {
                    format!("{} was already assigned to {}", done.seeker, done.coach)
                } else {
                    format!("{} assigned to {}", done.seeker, done.coach)
                }
            })?;
        }
        Command::Role(a) => {
            let done = accounts::change_role(store, &a.name, a.role, ACTOR, now).await?;
            out.either(&done, || {
                format!(
                    "{}: {} → {}",
                    done.user,
                    done.from.as_str(),
                    done.to.as_str()
                )
            })?;
        }
        Command::Remove(a) => {
            let done = accounts::remove_user(store, &a.name, ACTOR, now).await?;
            out.either(&done, || format!("{} removed", done.user))?;
        }
        Command::Password(a) => {
            let keys = Keys::from_env()?;
            let user = accounts::find_user(store, &a.name).await?;
            let password = stdin_password()?;
            let done = accounts::store_secret(store, &keys, &user, &a.which, &password, ACTOR, now)
                .await?;
            out.either(&done, || {
                format!(
                    "the {} password of {} is stored, encrypted",
                    done.name, done.user
                )
            })?;
        }
        Command::RotateKeys => {
            let keys = Keys::from_env()?;
            let done = accounts::rotate_keys(store, &keys, ACTOR, now).await?;
            out.either(&done, || {
                format!(
                    "{} password(s) sealed again under key {}",
                    done.resealed, done.key_id
                )
            })?;
        }
        Command::Audit(a) => {
            let entries = match &a.name {
                Some(name) => {
                    let user = accounts::find_user(store, name).await?;
                    let mut conn = store.conn().await?;
                    crate::store::accounts::list_audit(&mut conn, Some(&user.id), a.limit).await?
                }
                None => {
                    let mut conn = store.conn().await?;
                    crate::store::accounts::list_audit(&mut conn, None, a.limit).await?
                }
            };
            out.either(&entries, || {
                let mut s = String::new();
                for e in &entries {
                    let _ = writeln!(
                        s,
                        "{} {:<13} {} ({})",
                        clock.display(e.at),
                        e.kind,
                        e.detail,
                        e.actor.as_deref().unwrap_or("-")
                    );
                }
                s
            })?;
        }
    }
    Ok(Status::Success)
}

/// The audit log's kind for a command run with `--user`: sends, deletions, exports.
pub fn audited(command: &super::Command) -> Option<&'static str> {
    match command {
        super::Command::Send(_) => Some("send"),
        super::Command::Delete(_) => Some("delete"),
        super::Command::Export(_) => Some("export"),
        _ => None,
    }
}

/// Records a command run with `--user` in the audit log.
pub async fn audit_cli(app: &crate::actions::App, kind: &str) -> Result<()> {
    let Some(own) = &app.mail_passwords else {
        return Ok(());
    };
    let mut conn = own.accounts.conn().await?;
    accounts::audit(
        &mut conn,
        app.clock.now(),
        Some(&own.user.id),
        Some(ACTOR),
        kind,
        &format!("bowout --user {} {kind}", own.user.name),
        None,
    )
    .await?;
    Ok(())
}
