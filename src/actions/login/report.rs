//! What `login`, `login --status` and `logout` print (never a token).

use jiff::Timestamp;
use serde::Serialize;

/// `bowout login`: who signed in, until when the access token holds, where it is kept.
#[derive(Debug, Clone, Serialize)]
pub struct SignedIn {
    pub provider: &'static str,
    /// The account the provider signed in, when it said.
    pub account: Option<String>,
    pub expires_at: Option<Timestamp>,
    pub refresh_token: bool,
    /// `the OS keyring` or `refresh_token_command`.
    pub stored_in: &'static str,
}

/// `bowout login --status`.
#[derive(Debug, Clone, Serialize)]
pub struct LoginStatus {
    /// Where access tokens come from: `BOWOUT_OAUTH_TOKEN`, `token_command` or `sign-in`.
    pub source: &'static str,
    pub provider: Option<&'static str>,
    pub signed_in: bool,
    pub account: Option<String>,
    pub stored_in: Option<&'static str>,
    /// When the access token kept runs out (after the refresh, when it worked).
    pub expires_at: Option<Timestamp>,
    /// Whether a new access token could be had just now.
    pub refresh_works: Option<bool>,
    /// What is wrong, in one line, naming what to do.
    pub problem: Option<String>,
}

/// `bowout logout`.
#[derive(Debug, Clone, Serialize)]
pub struct SignedOut {
    pub provider: &'static str,
    /// False when no sign-in was kept.
    pub removed: bool,
    pub stored_in: &'static str,
}
