//! Coach mode's accounts: users and their roles, API tokens, assignments of seekers to
//! coaches, signing in, the audit log, coaches' notes and per-user mail passwords.
//!
//! Everything here works on the accounts store (`Store::open_accounts`); a user's own
//! records are reached through `Store::as_user`, which the store scopes to that user.

mod audit;
mod auth;
mod notes;
mod secrets;
mod users;

pub use audit::{audit, audit_log};
pub use auth::{
    Login, LoginRefused, SESSION_SECONDS, hash_secret, login, logout, random_token, session_for,
    user_for_token,
};
pub use notes::{NewNote, add_note, notes};
pub use secrets::{
    Keys, KeysRotated, MailPasswords, SecretStored, load_password, rotate_keys, store_secret,
};
pub use users::{
    Assigned, RoleChanged, TokenIssued, TokensRevoked, UserAdded, UserRemoved, add_user, assign,
    change_role, find_user, issue_token, list_users, remove_user, revoke_tokens, user_app,
};
