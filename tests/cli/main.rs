//! The one integration test binary: drives the real `bowout` binary end to end.
//!
//! Each test gets a fresh `--home` in a temporary directory and a pinned clock, through the
//! small fluent builder in [`harness`].

mod harness;

mod advise;
mod backup;
mod bad_input;
mod browser;
mod coach;
mod correct;
mod faults;
mod followup;
mod import;
mod languages;
mod letter;
mod lint;
mod mistakes;
mod oauth;
mod readme;
mod review;
mod scan;
mod send;
mod serve;
mod shapes;
mod story;
mod words;
