//! What the user asked `send` to do.

use std::path::PathBuf;

/// What `send` does with the queued messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendMode {
    /// Hand them to the `[smtp]` server.
    Smtp,
    /// Show what would be sent; change nothing.
    DryRun,
    /// Write them as `.eml` files into this directory for the user's own mail client.
    EmlDir(PathBuf),
}

#[derive(Debug, Clone)]
pub struct SendInput {
    pub id: String,
    pub mode: SendMode,
    /// Send drafts even when the diplomacy linter found errors in them.
    pub force: bool,
    /// Messages (Message-ID, id, or `all`) the user found in their Sent folder.
    pub confirm_sent: Vec<String>,
    /// Messages (Message-ID, id, or `all`) in doubt that the user wants sent again.
    pub resend: Vec<String>,
}
