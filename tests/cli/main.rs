//! The one integration test binary: drives the real `bowout` binary end to end.
//!
//! Each test gets a fresh `--home` in a temporary directory and a pinned clock, through the
//! small fluent builder in [`harness`].

mod harness;

mod backup;
mod bad_input;
mod followup;
mod import;
mod letter;
mod oauth;
mod scan;
mod send;
mod shapes;
mod story;
