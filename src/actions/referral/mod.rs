//! Colleagues who agreed to be referred: added, listed, corrected and removed. A referral
//! named in a decline that was sent or exported is kept for the record; one named only in
//! drafts may change or go, and those drafts become stale.

mod add;
mod edit;
mod list;
mod permission;
mod remove;
mod uses;

pub use add::{NewReferral, add_referral};
pub use edit::{ReferralEdit, ReferralEdited, edit_referral};
pub use list::{ReferralItem, referrals};
pub use remove::{ReferralRemoved, remove_referral};
