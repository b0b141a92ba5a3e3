//! An invitation's contacts after it was recorded: added, corrected, removed, made primary,
//! and details only the user knows (the postal address the letter goes to). Every change is
//! logged on the timeline and makes drafts written before it stale.

mod add;
mod address;
mod edit;
mod find;
mod primary;
mod remove;
mod view;

pub use add::{NewContactInput, add_contact};
pub use address::{ContactAddress, ContactAddressView, set_contact_address};
pub use edit::{ContactEdit, GreetingEdit, edit_contact};
pub use primary::make_primary;
pub use remove::remove_contact;
pub use view::ContactChanged;
