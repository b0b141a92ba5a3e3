//! Why signing in, or getting a token, failed: each message names what to do.

#[derive(Debug, thiserror::Error)]
pub enum OAuthError {
    /// `[oauth]` is missing something or holds a bad value.
    #[error("{0}")]
    Setup(String),
    /// No sign-in is stored and no other source of tokens is configured.
    #[error(
        "not signed in at {provider}: run `bowout login {provider}` (or set [oauth] \
         token_command or BOWOUT_OAUTH_TOKEN)"
    )]
    NotSignedIn { provider: &'static str },
    /// The provider no longer honours the refresh token (revoked, expired, password changed).
    #[error(
        "{provider} no longer accepts the stored sign-in ({reason}): sign in again: `bowout \
         login {provider}`; nothing was sent"
    )]
    SignInAgain {
        provider: &'static str,
        reason: String,
    },
    /// The provider's token endpoint could not be reached.
    #[error(
        "cannot reach the sign-in provider at {url} ({reason}): check the network connection \
         and [oauth] token_url, then try again; nothing was sent"
    )]
    Unreachable { url: String, reason: String },
    /// The provider answered, but not with tokens.
    #[error("the sign-in provider at {url} refused: {reason}")]
    Provider { url: String, reason: String },
    /// The user (or the provider) declined at the consent step.
    #[error(
        "the sign-in was not allowed at {provider} ({reason}); nothing was stored: run `bowout \
         login {provider}` again and allow bowout to read and send mail"
    )]
    Denied {
        provider: &'static str,
        reason: String,
    },
    /// The browser came back with a `state` this sign-in did not send.
    #[error(
        "refused a sign-in answer whose state does not match the request (a stale browser tab \
         or a forged redirect); nothing was stored: run `bowout login {provider}` again"
    )]
    WrongState { provider: &'static str },
    /// Nobody came back from the browser in time (the window was closed).
    #[error(
        "no answer from the browser within {secs} s (was the window closed?); nothing was \
         stored: run `bowout login {provider}` again"
    )]
    Timeout { provider: &'static str, secs: u64 },
    /// The provider signed in an account other than the one the mail servers expect.
    #[error(
        "signed in at {provider} as {account}, but [{server}] username is {username}: sign in \
         as {username} (`bowout login {provider}`) or set [{server}] username = \"{account}\""
    )]
    OtherAccount {
        provider: &'static str,
        account: String,
        server: &'static str,
        username: String,
    },
    /// The place the sign-in is kept failed (no keyring, or the command failed).
    #[error("{0}")]
    Store(String),
    /// `token_command` failed or printed something that is not a token.
    #[error("[oauth] token_command {0}")]
    TokenCommand(String),
    /// An access token with characters a bearer token cannot have.
    #[error("{0}")]
    BadToken(String),
    /// The loopback listener for the browser's redirect.
    #[error("cannot listen on the loopback address for the browser's answer: {0}")]
    Listen(String),
}
