//! Signing in with OAuth2: `bowout login` (the browser, then the sign-in kept in the OS
//! keyring or by `refresh_token_command`), `login --status`, `logout`, and the access token
//! that `send` and `replies --imap` log in with, refreshed when it runs out.

mod credential;
mod report;
mod signin;
mod status;

pub use credential::{imap_login, smtp_login};
pub use report::{LoginStatus, SignedIn, SignedOut};
pub use signin::{LoginStarted, finish_login, logout, start_login};
pub use status::login_status;
