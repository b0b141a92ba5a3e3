//! Reading a message into a view: mail parsing, MIME sections, HTML to text, calendar parts,
//! signatures, and the text helpers every rule uses.

pub mod addr;
pub mod calendar;
pub mod free_mail;
pub mod html;
pub mod link;
pub mod mail;
pub mod people;
pub mod sections;
pub mod signature;
pub mod text;
