//! Taking records away: `dismiss` takes an invitation off the list and the agenda with its
//! history kept (`undismiss` brings it back), `delete` erases a record that never had a
//! message leave. A record with evidence of contact (a message sent or exported, a letter
//! mailed) can only be dismissed.

mod delete;
mod dismiss;
mod undismiss;

pub use delete::{Deleted, ToDelete, check_delete, delete};
pub use dismiss::{DismissReason, Dismissed, dismiss};
pub use undismiss::{Undismissed, undismiss};
