//! One function per user action: the only place that joins store, mail and core.
//!
//! Nothing here prints or parses command lines: the CLI and the web UI both call these
//! functions and render what they return. Every action that writes does so in one
//! transaction and appends its timeline event in the same transaction.

mod add;
mod advise;
mod app;
mod decide;
mod drafts;
mod error;
mod export;
mod list;
mod referral;
mod show;

pub use add::{add_invitation, NewContact, NewInvitation};
pub use advise::{advise, AdviseOutcome};
pub use app::App;
pub use decide::{accept, decline, AcceptInput, DeclineInput};
pub use drafts::{drafts, lint_text, DraftView};
pub use error::ActionError;
pub use export::{export, restore};
pub use list::{list, ListItem};
pub use referral::{add_referral, NewReferral};
pub use show::{show, InvitationView};

/// What actions return.
pub type Result<T, E = ActionError> = std::result::Result<T, E>;
