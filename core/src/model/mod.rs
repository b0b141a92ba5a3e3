//! The domain model: validated values that cannot hold what would break a mail header.

mod decision;
mod email;
mod error;
mod event;
mod facts;
mod invitation;
mod language;
pub mod legal_form;
mod requisition;
pub mod text;

pub use decision::{DEFAULT_INTERVIEW_MINUTES, Decision, DeclineReason, Identity, Referral};
pub use email::{EmailAddress, Mailbox, organisation_domain};
pub use error::ModelError;
pub use event::{Event, EventKind};
pub use facts::{Concern, Facts, Gut, Review};
pub use invitation::{Contact, Greeting, Invitation, Status};
pub use language::Language;
pub use requisition::{Requisition, Round};
pub use text::{JobTitle, OrgName, PersonName, Phone, Role};
