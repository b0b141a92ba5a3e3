//! `bowout send` against a real SMTP server: the recording sink that ./scripts/test starts
//! (scripts/smtp_sink.py on loopback). Run without it, these tests fail and say so.

mod basics;
mod crash;
mod eml;
mod errors;
mod paths;
pub mod sink;
mod tls;
