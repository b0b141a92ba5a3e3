//! Mail in and out: reading mailboxes ([`scan`]); sending with [`smtp`] through the
//! [`outbox`], each message built by [`message`] and kept in the [`archive`]; signing in with
//! a password or with OAuth2 ([`login`], [`oauth`]).

pub mod archive;
pub mod imap;
pub mod login;
pub mod message;
pub mod oauth;
pub mod outbox;
pub mod password;
pub mod replies;
pub mod scan;
pub mod smtp;
pub mod tls;
