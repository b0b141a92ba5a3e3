//! The review tier: messages the classifier was unsure about are kept (by `import` and
//! `sync`), listed, and answered by the user one by one: an invitation (recorded with the
//! fields the classifier extracted), not an invitation, or a scam. The answers stay in the
//! store and go into exports.

mod answer;
mod keep;

pub use answer::{Answer, Answered, answer, pending};
pub use keep::{ToReview, keep};
