//! What the contact commands print with `--json`.

use crate::actions::changes::Change;
use crate::actions::views::ContactView;
use serde::Serialize;

/// The `contact add|edit|remove|primary --json` document.
#[derive(Debug, Clone, Serialize)]
pub struct ContactChanged {
    pub invitation_id: String,
    /// `added`, `edited`, `removed` or `primary`.
    pub action: &'static str,
    /// The contact as it is now (as it was, when removed).
    pub contact: ContactView,
    /// What changed; empty when the values given were already the recorded ones.
    pub changes: Vec<Change>,
    /// True when the invitation has drafts written before this change: `send` refuses them
    /// until `decline` or `accept` rewrites them.
    pub drafts_stale: bool,
}
