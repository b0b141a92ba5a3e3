//! Mail in and out: reading mailboxes ([`scan`]); sending with [`smtp`] through the
//! [`outbox`], each message built by [`message`] and kept in the [`archive`].

pub mod archive;
pub mod imap;
pub mod message;
pub mod outbox;
pub mod password;
pub mod replies;
pub mod scan;
pub mod smtp;
pub mod tls;
