//! The formal letter: render it as a PDF for registered mail, then record its mailing and
//! its return receipt.

mod record;
mod text;
mod view;
mod write;

pub use record::{letter_status, record_mailing, record_receipt};
pub use view::LetterView;
pub(crate) use view::letter_view;
pub use write::{WrittenLetter, write_letter};
