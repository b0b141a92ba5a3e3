//! Scam red flags, each with a stable name that ends up in `red_flags`.
//!
//! One flag proves nothing (a small company may well write from a free-mail address); the
//! weights add up, and a message that talks about an interview with enough weight is a scam.

use super::look_alike::{is_look_alike, url_host};
use super::scam_words::*;
use crate::ingest::read::free_mail::is_free_mail;
use crate::ingest::read::mail::MailView;
use crate::ingest::read::text::{has_any, has_word, sentences};

pub const FREE_MAIL_DOMAIN: &str = "free-mail-domain";
pub const REPLY_TO_FREE_MAIL: &str = "reply-to-free-mail";
pub const LOOK_ALIKE_DOMAIN: &str = "look-alike-domain";
pub const CHAT_APP_INTERVIEW: &str = "chat-app-interview";
pub const EQUIPMENT_CHEQUE: &str = "equipment-cheque";
pub const UPFRONT_FEE: &str = "upfront-fee";
pub const PERSONAL_DATA_UPFRONT: &str = "personal-data-upfront";
pub const PAY_TOO_GOOD: &str = "pay-too-good";
pub const URGENCY: &str = "urgency-pressure";
pub const GENERIC_GREETING: &str = "generic-greeting";
pub const FAKE_REPLY: &str = "fake-reply";

/// How much each flag weighs towards calling the message a scam.
pub fn weight(flags: &[String]) -> u32 {
    flags
        .iter()
        .map(|f| match f.as_str() {
            CHAT_APP_INTERVIEW
            | UPFRONT_FEE
            | PERSONAL_DATA_UPFRONT
            | EQUIPMENT_CHEQUE
            | FREE_MAIL_DOMAIN => 3,
            REPLY_TO_FREE_MAIL | LOOK_ALIKE_DOMAIN => 2,
            _ => 1,
        })
        .sum()
}

pub fn red_flags(view: &MailView, subject: &str, live: &str) -> Vec<String> {
    let mut flags = Vec::new();
    let mut flag = |on: bool, name: &str| {
        if on && !flags.iter().any(|f: &String| f == name) {
            flags.push(name.to_string());
        }
    };
    let from_free = view.from.as_ref().is_some_and(|a| is_free_mail(a.domain()));
    let reply_free = view
        .reply_to
        .as_ref()
        .is_some_and(|a| is_free_mail(a.domain()));
    flag(from_free, FREE_MAIL_DOMAIN);
    flag(reply_free && !from_free, REPLY_TO_FREE_MAIL);
    let domains = view
        .from
        .iter()
        .chain(view.reply_to.iter())
        .map(|a| a.domain().to_string());
    let link_domains = view.links.iter().filter_map(|l| url_host(&l.url));
    flag(
        domains.chain(link_domains).any(|d| is_look_alike(&d)),
        LOOK_ALIKE_DOMAIN,
    );
    let signal = has_word(live, "signal") && has_any(live, SIGNAL_APP);
    flag(has_any(live, CHAT_APPS) || signal, CHAT_APP_INTERVIEW);
    for s in sentences(live) {
        if has_any(s, NEGATED) {
            continue;
        }
        flag(
            has_any(s, CHEQUE) && has_any(s, CHEQUE_USE),
            EQUIPMENT_CHEQUE,
        );
        // "a $65 fee via Bitcoin", or a purchase paid in gift cards without the word "fee".
        flag(
            has_word(s, "fee") && (has_any(s, FEE_CONTEXT) || has_any(s, PAY_METHODS))
                || has_any(s, PAY_METHODS) && has_any(s, PAYING),
            UPFRONT_FEE,
        );
        flag(has_any(s, PERSONAL_DATA), PERSONAL_DATA_UPFRONT);
    }
    let money = live.contains('$') || live.contains('€') || live.contains('£');
    let hourly = has_any(live, &["/hr", "/hour", "per hour", "an hour", "hourly"]) && money;
    let no_experience = has_any(live, NO_EXPERIENCE);
    let easy = has_any(live, EASY);
    flag((hourly && easy) || (money && no_experience), PAY_TOO_GOOD);
    flag(has_any(live, URGENT) || subject.contains("urgent"), URGENCY);
    let no_to = view.to.is_empty();
    flag(has_any(live, GENERIC_GREETINGS) || no_to, GENERIC_GREETING);
    flag(
        (subject.starts_with("re:") || subject.starts_with("re :"))
            && view.in_reply_to.is_empty()
            && view.references.is_empty(),
        FAKE_REPLY,
    );
    flags
}
