//! bowout: answer every interview invitation — accept to learn, or bow out without burning
//! bridges.
//!
//! Architecture (see DESIGN.md §3):
//! - `bowout-core` (crate `core/`): the pure rules — model, advisor, compose + lint, ingest.
//! - [`config`]: `config.toml` + `BOWOUT_*` environment → [`config::Config`], parsed once.
//! - [`store`]: sqlx over SQLite or PostgreSQL; the only row ↔ model mapping.
//! - [`actions`]: one function per user action; the only place joining store, mail and core.
//!   The CLI and the web UI both call it.
//! - [`cli`]: clap, one subcommand per file; each calls one action and prints.
//! - [`exit`]: the exit statuses (0 success, 1 failure, 2 usage error, 3 something skipped).

pub mod actions;
pub mod cli;
pub mod clock;
pub mod config;
pub mod exit;
pub mod export;
pub mod fsutil;
pub mod mail;
pub mod store;
