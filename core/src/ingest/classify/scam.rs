//! Scam red flags, each with a stable name that ends up in `red_flags`.
//!
//! One flag proves nothing (a small company may well write from a free-mail address); each is
//! a feature of the classifier with a learned weight, and the names are what the user reads.

use super::look_alike::{is_look_alike, url_host};
use crate::ingest::read::free_mail::is_free_mail;
use crate::ingest::read::mail::MailView;
use crate::lexicon::{Classes, WordClass as W};

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

/// The red flags of a message. `sentences` are the classes of each sentence of the live
/// text, `live` the classes of the whole of it.
pub fn red_flags(
    view: &MailView,
    subject: &str,
    live: Classes,
    sentences: &[Classes],
) -> Vec<&'static str> {
    let mut flags = Vec::new();
    let mut flag = |on: bool, name: &'static str| {
        if on && !flags.contains(&name) {
            flags.push(name);
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
    flag(live.has(W::ChatApp), CHAT_APP_INTERVIEW);
    for s in sentences.iter().filter(|s| !s.has(W::Negation)) {
        flag(s.has(W::Cheque), EQUIPMENT_CHEQUE);
        flag(s.has(W::Fee) && s.has(W::PayMethod), UPFRONT_FEE);
        flag(
            s.has(W::Fee) && s.any(&[W::Interview, W::Job, W::Conversation]),
            UPFRONT_FEE,
        );
        flag(s.has(W::PersonalData), PERSONAL_DATA_UPFRONT);
    }
    flag(live.has(W::EasyMoney), PAY_TOO_GOOD);
    flag(live.has(W::Urgency), URGENCY);
    flag(
        live.has(W::GenericGreeting) || view.to.is_empty(),
        GENERIC_GREETING,
    );
    let reply_subject = ["re:", "re :", "aw:", "rv:", "sv:", "antw:"]
        .iter()
        .any(|p| subject.starts_with(p));
    flag(
        reply_subject && view.in_reply_to.is_empty() && view.references.is_empty(),
        FAKE_REPLY,
    );
    flags
}
