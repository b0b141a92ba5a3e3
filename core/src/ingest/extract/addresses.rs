//! Addresses and the people behind them: mailboxes nobody reads, addresses written in the
//! text, and the person named in the text whom an address belongs to.

use crate::ingest::read::addr::Addr;
use crate::ingest::read::person_name::{
    looks_like_person, name_matches_local, names_in, strip_honorific,
};
use crate::model::EmailAddress;

/// Addresses nobody reads: `no-reply@`, notification senders, ATS relays.
pub fn is_no_reply(a: &Addr) -> bool {
    let local = a.local();
    let words = [
        "noreply",
        "no-reply",
        "no_reply",
        "donotreply",
        "do-not-reply",
        "do_not_reply",
        "notification",
        "mailer",
        "bounce",
        "alerts",
        "automated",
        "unmonitored",
        "invites",
        "messages-",
    ];
    words.iter().any(|w| local.contains(w))
}

/// A person named in the text whose name the address is built from.
pub fn person_for_email(text: &str, local: &str) -> Option<String> {
    text.lines()
        .flat_map(names_in)
        .map(|(_, n)| strip_honorific(&n))
        .find(|n| looks_like_person(n) && name_matches_local(n, local))
}

/// Addresses written in the text, lowercased, in order.
pub fn emails_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '<' | '>' | '(' | ')' | ',' | ';' | '"' | '\'' | '[' | ']'
            )
    }) {
        let w = word
            .trim_start_matches("mailto:")
            .trim_end_matches(['.', ':']);
        if w.contains('@') && EmailAddress::parse(w).is_ok() {
            let w = w.to_lowercase();
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}
