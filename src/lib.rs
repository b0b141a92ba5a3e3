//! bowout: answer every interview invitation — accept to learn, or bow out without burning
//! bridges.
//!
//! The map of the whole project is `docs/architecture.md`. In this crate:
//! - `bowout-core` (crate `core/`): the pure rules — model, advisor, compose + lint, ingest.
//! - [`config`]: `config.toml` + `BOWOUT_*` environment → [`config::Config`], parsed once.
//! - [`store`]: sqlx over SQLite or PostgreSQL; the only row ↔ model mapping.
//! - [`mail`]: reading mailboxes, building, sending and archiving messages, IMAP.
//! - [`actions`]: one function per user action; the only place joining store, mail and core.
//! - [`cli`]: clap, one subcommand per file; each calls one action and prints.
//! - [`exit`]: the exit statuses (0 success, 1 failure, 2 usage error, 3 something skipped).
//! - [`clock`], [`ics`], [`ids`], [`fsutil`]: time and business days, the calendar file,
//!   record ids, atomic file writes.

pub mod actions;
pub mod cli;
pub mod clock;
pub mod config;
pub mod exit;
pub mod fsutil;
pub mod ics;
pub mod ids;
pub mod mail;
pub mod store;
pub mod testhook;
