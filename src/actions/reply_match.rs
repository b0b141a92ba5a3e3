//! Which outgoing message a reply answers.
//!
//! The threading headers decide when they name one of our messages. Otherwise the sender
//! must be the message's recipient and the subject the message's subject (reply prefixes
//! aside), and the reply must not predate the message: a mail that merely looks like a reply
//! cannot acknowledge something sent after it.

use super::{App, Result};
use crate::mail::replies::{Reply, base_subject, normalize_id};
use crate::store::{self, MessageRow};
use std::collections::HashMap;

/// Clock skew tolerated between our send time and the reply's Date header.
const SKEW_SECS: i64 = 15 * 60;

pub(super) enum Match {
    Message(Box<MessageRow>),
    /// One of the messages bowout sent (a Sent folder was read), not a reply to it.
    Own,
    None,
}

/// The messages a reply may answer, loaded once per run.
pub(super) struct Matcher {
    messages: Vec<MessageRow>,
    by_id: HashMap<String, usize>,
}

impl Matcher {
    pub(super) async fn load(app: &App) -> Result<Self> {
        let mut conn = app.store.conn().await?;
        Ok(Self::new(store::answerable_messages(&mut conn).await?))
    }

    pub(super) fn new(messages: Vec<MessageRow>) -> Self {
        let by_id = messages
            .iter()
            .enumerate()
            .map(|(i, m)| (normalize_id(&m.message_id), i))
            .collect();
        Self { messages, by_id }
    }

    /// The earliest time a message left, for bounding what a sync must read.
    pub(super) fn earliest_sent(&self) -> Option<i64> {
        self.messages
            .iter()
            .map(|m| m.sent_at.unwrap_or(m.created_at))
            .min()
    }

    pub(super) fn find(&self, reply: &Reply) -> Match {
        if reply
            .message_id
            .as_ref()
            .is_some_and(|id| self.by_id.contains_key(id))
        {
            return Match::Own;
        }
        if let Some(&i) = reply.refs.iter().find_map(|r| self.by_id.get(r)) {
            return Match::Message(Box::new(self.messages[i].clone()));
        }
        let (Some(from), subject) = (&reply.from, base_subject(&reply.subject)) else {
            return Match::None;
        };
        let mut candidates: Vec<&MessageRow> = self
            .messages
            .iter()
            .filter(|m| m.to_email.eq_ignore_ascii_case(from))
            .filter(|m| base_subject(&m.subject) == subject)
            .filter(|m| {
                let left = m.sent_at.unwrap_or(m.created_at);
                reply.date.is_none_or(|d| d + SKEW_SECS >= left)
            })
            .collect();
        // The unacknowledged one first, then the most recent.
        candidates.sort_by_key(|m| (m.acknowledged_at.is_none(), m.sent_at, m.created_at));
        candidates
            .last()
            .map_or(Match::None, |m| Match::Message(Box::new((*m).clone())))
    }

    /// Keeps this run's view in step after a reply acknowledged `id`.
    pub(super) fn mark_acknowledged(&mut self, id: &str, at: i64) {
        if let Some(m) = self.messages.iter_mut().find(|m| m.id == id) {
            m.acknowledged_at.get_or_insert(at);
        }
    }
}

#[cfg(test)]
#[path = "reply_match_tests.rs"]
mod tests;
