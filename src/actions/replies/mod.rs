//! Receipt: replies matched to the messages that went out, from files or from IMAP.
//!
//! A reply is matched by In-Reply-To/References first, then by sender and subject. A human
//! reply acknowledges the message (at the reply's date); an automatic one (out of office) is
//! noted on the timeline but proves nothing. Every reply recorded is remembered by its key,
//! so reading the same mail again records nothing twice. A reply that matches nothing is
//! reported and nothing is written.

mod files;
mod imap;
mod matching;
mod record;
mod report;

pub(crate) use imap::{account, load_mark, save_mark};
pub(crate) use matching::{Match, Matcher};
pub(crate) use record::record_parsed;

pub use files::replies_from_files;
pub use imap::replies_from_imap;
pub use report::{ImapReport, Problem, RepliesReport, ReplyOutcome};
