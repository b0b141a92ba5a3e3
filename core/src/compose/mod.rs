//! Templates → drafts, and the diplomacy linter.
//!
//! Templates are minijinja text the user can edit at run time (the app loads overrides from
//! `<home>/templates/`). The defaults write a short, diplomatic decline in the words of the
//! well-known sample message (or, in the `warm` [`Style`], warmer ones): appreciation, the
//! decision with the reason chosen, an optional referral, "perhaps the timing will be better
//! at some point in the future", and a request to confirm receipt. Each contact is greeted as
//! the invitation did ("Dear Dr. Whitcombe,", "Hi Karen,"), and a later round thanks for the
//! conversations so far. The formal letter and the follow-up call say the same, from the same
//! phrases.

mod call;
mod context;
pub mod dates;
mod drafts;
#[cfg(test)]
mod fixtures;
mod letter;
pub mod lint;
mod referral;
mod templates;

pub use call::{CallFacts, CallWords, call_words};
pub use drafts::{Draft, DraftKind, accept_draft, decline_drafts};
pub use letter::{LetterText, letter_text};
pub use referral::referral_gate;
pub use templates::{Style, TemplateName, Templates};

/// Why a draft could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    #[error("template {name}: {message}")]
    Template { name: &'static str, message: String },
    #[error("the subject template produced {0}")]
    Subject(crate::model::ModelError),
    #[error("the invitation has no primary contact to write to")]
    NoPrimaryContact,
    #[error(
        "referral {name} <{email}> is a work address at {domain}, which belongs to {whose}; \
         use the colleague's personal (non-work) address instead"
    )]
    WorkAddressReferral {
        name: String,
        email: String,
        domain: String,
        whose: String,
    },
}
