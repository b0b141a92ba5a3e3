//! Which outgoing message a reply answers.
//!
//! The threading headers decide when they name one of our messages. Otherwise the sender
//! must be the message's recipient and the subject the message's subject (reply prefixes
//! aside), and the reply must not predate the message: a mail that merely looks like a reply
//! cannot acknowledge something sent after it.

use crate::actions::{App, Result};
use crate::mail::replies::{Reply, base_subject, normalize_id};
use crate::store::{self, MessageRow};
use std::collections::HashMap;

/// Clock skew tolerated between our send time and the reply's Date header.
const SKEW_SECS: i64 = 15 * 60;

pub(crate) enum Match {
    Message(Box<MessageRow>),
    /// One of the messages bowout sent (a Sent folder was read), not a reply to it.
    Own,
    None,
}

/// The messages a reply may answer, loaded once per run.
pub(crate) struct Matcher {
    messages: Vec<MessageRow>,
    by_id: HashMap<String, usize>,
}

impl Matcher {
    pub(crate) async fn load(app: &App) -> Result<Self> {
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

    pub(crate) fn find(&self, reply: &Reply) -> Match {
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
mod tests {
    use super::*;
    use crate::mail::replies::parse;

    fn sent(id: &str, to: &str, sent_at: i64) -> MessageRow {
        MessageRow {
            id: format!("row-{id}"),
            invitation_id: "inv1".into(),
            contact_id: "c1".into(),
            kind: "decline".into(),
            message_id: format!("<{id}@dana.example>"),
            to_name: None,
            to_email: to.into(),
            subject: "Interview invitation for Data Analyst 4471".into(),
            body: "…".into(),
            status: crate::mail::outbox::Status::Sent,
            attempts: 1,
            last_error: None,
            copy_path: None,
            sha256: None,
            created_at: sent_at,
            updated_at: sent_at,
            sent_at: Some(sent_at),
            acknowledged_at: None,
            ack_message_id: None,
            acknowledged_via: None,
        }
    }

    fn reply(headers: &str) -> Reply {
        parse(format!("{headers}\r\n\r\nok\r\n").as_bytes()).expect("header")
    }

    const SENT_AT: i64 = 1_795_771_200; // 2026-11-27 09:20 UTC

    fn matcher() -> Matcher {
        Matcher::new(vec![
            sent("m1", "ann@globex.example", SENT_AT),
            sent("m2", "bo@globex.example", SENT_AT),
        ])
    }

    fn matched(m: Match) -> Option<String> {
        match m {
            Match::Message(row) => Some(row.id),
            Match::Own | Match::None => None,
        }
    }

    #[test]
    fn threading_headers_win_over_sender() {
        let r = reply(
            "From: someone@else.example\r\nSubject: whatever\r\nIn-Reply-To: <m2@dana.example>",
        );
        assert_eq!(matched(matcher().find(&r)).as_deref(), Some("row-m2"));
    }

    #[test]
    fn sender_and_subject_match_without_threading_headers() {
        let r = reply(
            "From: Bo Chen <BO@globex.example>\r\nSubject: AW: Interview invitation for Data Analyst 4471\r\n\
         Date: Mon, 30 Nov 2026 09:15:00 +0000",
        );
        assert_eq!(matched(matcher().find(&r)).as_deref(), Some("row-m2"));
    }

    #[test]
    fn a_reply_older_than_the_message_or_from_a_stranger_matches_nothing() {
        let early = reply(
            "From: ann@globex.example\r\nSubject: Re: Interview invitation for Data Analyst 4471\r\n\
         Date: Mon, 02 Nov 2026 09:15:00 +0000",
        );
        assert!(matches!(matcher().find(&early), Match::None));
        let stranger = reply(
            "From: eve@globex.example\r\nSubject: Re: Interview invitation for Data Analyst 4471",
        );
        assert!(matches!(matcher().find(&stranger), Match::None));
        let other_subject = reply("From: ann@globex.example\r\nSubject: Re: Lunch?");
        assert!(matches!(matcher().find(&other_subject), Match::None));
    }

    #[test]
    fn our_own_sent_message_is_not_a_reply() {
        let own = reply("From: dana@example.net\r\nSubject: x\r\nMessage-ID: <m1@dana.example>");
        assert!(matches!(matcher().find(&own), Match::Own));
        assert_eq!(matcher().earliest_sent(), Some(SENT_AT));
    }
}
