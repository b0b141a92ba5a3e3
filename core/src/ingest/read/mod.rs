//! Reading a message into a view, the first stage: what every later rule reads, and the
//! helpers they use on it. Imports nothing of the other stages.
//!
//! - [`mail`]: the [`mail::MailView`], built once from the raw bytes: headers, the body text
//!   chosen among the MIME parts (plain, HTML or a calendar event), the links.
//! - [`sections`]: the body split into the newest text, a forwarded message and the quoted
//!   history.
//! - [`html`]: HTML to text, and the anchors of an HTML part.
//! - [`link`]: a link with the words next to it, and the URLs written in plain text.
//! - [`calendar`]: the text and attendees of an iCalendar event.
//! - [`addr`]: a mailbox (display name and address), and parsing one as written.
//! - [`signature`]: the signature block at the end of the newest text.
//! - [`person_name`]: telling a person's name from a company or a title, tying names to
//!   addresses.
//! - [`free_mail`]: free web-mail domains.
//! - [`text`]: small text helpers: capping, normalising, case folding, sentences, words.

pub mod addr;
pub mod calendar;
pub mod free_mail;
pub mod html;
pub mod link;
pub mod mail;
pub mod person_name;
pub mod sections;
pub mod signature;
pub mod text;
