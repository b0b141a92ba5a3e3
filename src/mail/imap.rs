//! IMAP: the mail that arrived in a mailbox since the last sync, its headers (replies) or
//! whole messages of bounded size (sync).
//!
//! Mailboxes are opened read-only (EXAMINE) and messages fetched with `BODY.PEEK`, so
//! reading never marks anything read. What was read is remembered as a UIDVALIDITY and a
//! highest UID (the caller stores it): the next sync asks only for higher UIDs. When the
//! server's UIDVALIDITY changed, UIDs mean nothing any more and the mailbox is read again
//! from `since`; the caller's record of replies already seen keeps that free of duplicates.

use super::login::Login;
use futures_util::StreamExt;
use std::time::Duration;

#[path = "imap_auth.rs"]
mod auth;
#[path = "imap_conn.rs"]
mod conn;

pub use conn::is_loopback;

/// How the connection is protected; `None` is allowed only to a loopback address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    Tls,
    StartTls,
    None,
}

impl Security {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "tls" | "ssl" => Some(Self::Tls),
            "starttls" => Some(Self::StartTls),
            "none" => Some(Self::None),
            _ => None,
        }
    }
}

/// Where to read. The password is passed separately so that this can be logged.
#[derive(Debug, Clone)]
pub struct Settings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: String,
    pub mailbox: String,
    /// Extra certificate authorities (PEM) to trust, for a server with its own CA.
    pub ca_file: Option<String>,
}

/// A high-water mark: everything up to `last_uid` under `uid_validity` was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub uid_validity: u32,
    pub last_uid: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum ImapError {
    #[error(
        "[imap] security = \"none\" would send the password unencrypted; it is allowed only \
         for a loopback host, not {0:?}: use \"tls\" or \"starttls\""
    )]
    Insecure(String),
    #[error("cannot connect to IMAP server {addr}: {reason}")]
    Connect { addr: String, reason: String },
    #[error("TLS with IMAP server {host} failed: {reason}")]
    Tls { host: String, reason: String },
    #[error("IMAP login to {host} as {user} failed: {reason}")]
    Login {
        host: String,
        user: String,
        reason: String,
    },
    #[error(
        "IMAP server {host} offers no OAuth2 sign-in (XOAUTH2 or OAUTHBEARER; it offers \
         {offered}): set [imap] auth = \"password\", or point [imap] at the provider's server"
    )]
    NoOAuth { host: String, offered: String },
    #[error(
        "mailbox {mailbox:?} is not on {host} (deleted or renamed?): {reason}; set [imap] \
         {key} to an existing folder — nothing was recorded"
    )]
    NoMailbox {
        host: String,
        mailbox: String,
        reason: String,
        /// The `[imap]` setting that named it: `mailbox` or `folders`.
        key: &'static str,
    },
    #[error("IMAP server {host}: {reason}")]
    Protocol { host: String, reason: String },
    /// The connection ended in the middle of a command: what was received before it ended
    /// is whole, the rest was not read.
    #[error("the connection to IMAP server {host} was lost in the middle of {step} ({reason})")]
    Lost {
        host: String,
        step: &'static str,
        reason: String,
    },
    #[error("IMAP server {host} did not answer within {secs} s ({step})")]
    Timeout {
        host: String,
        step: &'static str,
        secs: u64,
    },
}

/// Every network step gets this long.
const STEP: Duration = Duration::from_secs(60);
/// UIDs per FETCH command.
pub const CHUNK: usize = 200;
/// Declared bytes of whole messages per FETCH command: what one batch holds in memory.
const BATCH_BYTES: u64 = 32 * 1024 * 1024;
/// The slowest transfer a fetch of whole messages is given time for: on top of [`STEP`], a
/// second per this many bytes declared.
const SLOWEST_BYTES_PER_SEC: u64 = 100_000;

/// A mailbox opened read-only (EXAMINE).
#[derive(Debug, Clone)]
pub struct Opened {
    pub mailbox: String,
    pub uid_validity: u32,
    /// The UID the next message will get, when the server says.
    pub uid_next: Option<u32>,
}

/// The mail of a mailbox not read yet.
#[derive(Debug, Clone)]
pub struct NewMail {
    /// Their UIDs, ascending.
    pub uids: Vec<u32>,
    /// The mark to store once every one of them is recorded.
    pub mark: Mark,
    /// The UIDVALIDITY stored before, when the server's differs (the mailbox is re-read).
    pub validity_changed_from: Option<u32>,
}

/// A whole message, or why it was left on the server.
#[derive(Debug)]
pub enum Message {
    Whole { uid: u32, bytes: Vec<u8> },
    TooLarge { uid: u32, size: u64 },
}

impl Message {
    pub fn uid(&self) -> u32 {
        match self {
            Self::Whole { uid, .. } | Self::TooLarge { uid, .. } => *uid,
        }
    }
}

/// How the whole messages of a mailbox will be read: batches of UIDs, and those declared
/// too large to read at all, `(uid, size)`.
#[derive(Debug, Default)]
pub struct Batches {
    pub batches: Vec<Batch>,
    pub too_large: Vec<(u32, u64)>,
}

/// Messages fetched whole in one command.
#[derive(Debug, Default)]
pub struct Batch {
    pub uids: Vec<u32>,
    /// Their sizes as the server declared them, added up.
    pub bytes: u64,
}

/// A logged-in IMAP session. Mailboxes are only ever opened with EXAMINE and bodies only
/// fetched with `BODY.PEEK`, so nothing is marked read.
pub struct Session {
    inner: async_imap::Session<conn::Stream>,
    settings: Settings,
}

impl Session {
    /// Connects and logs in with a password or a token; a refused login is
    /// [`ImapError::Login`].
    pub async fn login(s: &Settings, login: &Login) -> Result<Self, ImapError> {
        let client = conn::connect(s).await?;
        let inner = auth::log_in(s, client, login).await?;
        Ok(Self {
            inner,
            settings: s.clone(),
        })
    }

    /// Opens `mailbox` read-only. `key` is the `[imap]` setting that named it, for the
    /// error when it does not exist.
    pub async fn open(&mut self, mailbox: &str, key: &'static str) -> Result<Opened, ImapError> {
        let s = &self.settings;
        let name = utf7_imap(mailbox);
        let opened = step(s, "examine", self.inner.examine(&name))
            .await?
            .map_err(|e| match e {
                async_imap::error::Error::No(reason) => ImapError::NoMailbox {
                    host: s.host.clone(),
                    mailbox: mailbox.to_string(),
                    reason,
                    key,
                },
                other => protocol(s, other),
            })?;
        let uid_validity = opened.uid_validity.ok_or_else(|| ImapError::Protocol {
            host: s.host.clone(),
            reason: format!("no UIDVALIDITY for mailbox {mailbox:?}"),
        })?;
        Ok(Opened {
            mailbox: mailbox.to_string(),
            uid_validity,
            uid_next: opened.uid_next,
        })
    }

    /// The UIDs of the open mailbox above `mark`, or, without a mark under the same
    /// UIDVALIDITY, of mail received since `since` (an IMAP date such as `27-Nov-2026`).
    pub async fn search_new(
        &mut self,
        opened: &Opened,
        mark: Option<Mark>,
        since: &str,
    ) -> Result<NewMail, ImapError> {
        let kept = mark.filter(|m| m.uid_validity == opened.uid_validity);
        let floor = kept.map_or(0, |m| m.last_uid);
        let query = match kept {
            Some(m) => format!("UID {}:*", m.last_uid.saturating_add(1)),
            None => format!("SINCE {since}"),
        };
        let s = &self.settings;
        let found = step(s, "search", self.inner.uid_search(&query))
            .await?
            .map_err(|e| protocol(s, e))?;
        let mut uids: Vec<u32> = found.into_iter().filter(|u| *u > floor).collect();
        uids.sort_unstable();
        let seen_max = uids.last().copied().unwrap_or(0);
        let next_minus_one = opened.uid_next.map_or(0, |n| n.saturating_sub(1));
        Ok(NewMail {
            mark: Mark {
                uid_validity: opened.uid_validity,
                last_uid: floor.max(seen_max).max(next_minus_one),
            },
            validity_changed_from: mark
                .filter(|m| m.uid_validity != opened.uid_validity)
                .map(|m| m.uid_validity),
            uids,
        })
    }

    /// The headers of these messages of the open mailbox, `(uid, bytes)`, in UID order.
    pub async fn headers(&mut self, uids: &[u32]) -> Result<Vec<(u32, Vec<u8>)>, ImapError> {
        let (headers, end) = self.headers_until_cut(uids).await;
        end.map(|()| headers)
    }

    /// Like [`Session::headers`], but when the fetch is cut short (the connection lost, a
    /// timeout) the headers received whole before it come back too, in UID order, with the
    /// error: so that they can be recorded, and the next read start after them.
    pub async fn headers_until_cut(
        &mut self,
        uids: &[u32],
    ) -> (Vec<(u32, Vec<u8>)>, Result<(), ImapError>) {
        let (fetches, end) = self.fetch(uids, "(UID BODY.PEEK[HEADER])").await;
        let mut headers: Vec<(u32, Vec<u8>)> = fetches
            .iter()
            .filter_map(|f| Some((f.uid?, f.header()?.to_vec())))
            .collect();
        headers.sort_by_key(|(uid, _)| *uid);
        (headers, end)
    }

    /// The declared sizes of these messages of the open mailbox, `(uid, bytes)`.
    pub async fn sizes(&mut self, uids: &[u32]) -> Result<Vec<(u32, u64)>, ImapError> {
        let mut sizes = Vec::with_capacity(uids.len());
        for chunk in uids.chunks(CHUNK) {
            let (fetches, end) = self.fetch(chunk, "(UID RFC822.SIZE)").await;
            end?;
            sizes.extend(
                fetches
                    .iter()
                    .filter_map(|f| Some((f.uid?, u64::from(f.size?)))),
            );
        }
        sizes.sort_unstable();
        Ok(sizes)
    }

    /// Plans reading whole messages of the open mailbox: batches of at most [`CHUNK`]
    /// messages and [`BATCH_BYTES`] declared bytes, in UID order, so that one batch at a
    /// time is held in memory. Messages declared larger than `limit` bytes go in no batch.
    pub async fn batches(&mut self, uids: &[u32], limit: u64) -> Result<Batches, ImapError> {
        let mut plan = Batches::default();
        for (uid, size) in self.sizes(uids).await? {
            if size > limit {
                plan.too_large.push((uid, size));
                continue;
            }
            let full = plan
                .batches
                .last()
                .is_none_or(|b| b.uids.len() >= CHUNK || b.bytes + size > BATCH_BYTES);
            if full {
                plan.batches.push(Batch::default());
            }
            if let Some(b) = plan.batches.last_mut() {
                b.uids.push(uid);
                b.bytes += size;
            }
        }
        Ok(plan)
    }

    /// The whole messages of one batch, in UID order. A server that sends more than `limit`
    /// bytes of one is cut off there, and the message is reported too large.
    pub async fn whole(&mut self, batch: &Batch, limit: u64) -> Result<Vec<Message>, ImapError> {
        let what = format!("(UID BODY.PEEK[]<0.{}>)", limit.saturating_add(1));
        let time = STEP + Duration::from_secs(batch.bytes / SLOWEST_BYTES_PER_SEC);
        let (fetches, end) = self.fetch_within(&batch.uids, &what, time).await;
        end?;
        let mut out: Vec<Message> = fetches
            .iter()
            .filter_map(|f| {
                let (uid, body) = (f.uid?, f.body()?);
                Some(if body.len() as u64 > limit {
                    Message::TooLarge {
                        uid,
                        size: body.len() as u64,
                    }
                } else {
                    Message::Whole {
                        uid,
                        bytes: body.to_vec(),
                    }
                })
            })
            .collect();
        out.sort_by_key(Message::uid);
        Ok(out)
    }

    async fn fetch(
        &mut self,
        uids: &[u32],
        what: &str,
    ) -> (Vec<async_imap::types::Fetch>, Result<(), ImapError>) {
        self.fetch_within(uids, what, STEP).await
    }

    /// Fetches `what` of these UIDs: everything received whole, and whether the fetch
    /// ended as it should. A connection that closes between two responses ends the
    /// server's stream as its tagged reply would; so when UIDs are missing, a NOOP asks the
    /// server whether it is still there (then they were expunged meanwhile) or the fetch
    /// was cut short, which is an error: no message is ever taken as read that was not.
    async fn fetch_within(
        &mut self,
        uids: &[u32],
        what: &str,
        time: Duration,
    ) -> (Vec<async_imap::types::Fetch>, Result<(), ImapError>) {
        let mut got = Vec::new();
        if uids.is_empty() {
            return (got, Ok(()));
        }
        let set: Vec<String> = uids.iter().map(u32::to_string).collect();
        let s = &self.settings;
        let inner = &mut self.inner;
        let read = tokio::time::timeout(time, async {
            let mut stream = inner.uid_fetch(set.join(","), what).await?;
            while let Some(item) = stream.next().await {
                got.push(item?);
            }
            Ok::<(), async_imap::error::Error>(())
        })
        .await;
        let end = match read {
            Err(_) => Err(ImapError::Timeout {
                host: s.host.clone(),
                step: "fetch",
                secs: time.as_secs(),
            }),
            Ok(Err(e)) => Err(cut_or_protocol(s, "a fetch", e)),
            Ok(Ok(())) => Ok(()),
        };
        if end.is_err() {
            return (got, end);
        }
        let received: std::collections::HashSet<u32> = got.iter().filter_map(|f| f.uid).collect();
        if uids.iter().all(|u| received.contains(u)) {
            return (got, Ok(()));
        }
        let still_there = step(s, "NOOP", inner.noop()).await;
        let end = match still_there {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(cut_or_protocol(s, "a fetch", e)),
            Err(e) => Err(e),
        };
        (got, end)
    }

    /// Logs out; a failed LOGOUT changes nothing that was read.
    pub async fn logout(mut self) {
        let _ = tokio::time::timeout(STEP, self.inner.logout()).await;
    }
}

/// A mailbox name as IMAP spells it (RFC 3501, 5.1.3: modified UTF-7): printable ASCII as
/// it is, `&` as `&-`, and any other run of characters as `&`, its UTF-16 in base64 with
/// `,` for `/`, and `-`.
pub fn utf7_imap(name: &str) -> String {
    use base64::Engine as _;
    let mut out = String::with_capacity(name.len());
    let mut run: Vec<u16> = Vec::new();
    let flush = |run: &mut Vec<u16>, out: &mut String| {
        if run.is_empty() {
            return;
        }
        let bytes: Vec<u8> = run.iter().flat_map(|u| u.to_be_bytes()).collect();
        let encoded = base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes);
        out.push('&');
        out.push_str(&encoded.replace('/', ","));
        out.push('-');
        run.clear();
    };
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut run, &mut out);
            out.push(c);
            if c == '&' {
                out.push('-');
            }
        } else {
            let mut units = [0u16; 2];
            run.extend_from_slice(c.encode_utf16(&mut units));
        }
    }
    flush(&mut run, &mut out);
    out
}

pub(super) async fn step<F: Future>(
    s: &Settings,
    what: &'static str,
    fut: F,
) -> Result<F::Output, ImapError> {
    tokio::time::timeout(STEP, fut)
        .await
        .map_err(|_| ImapError::Timeout {
            host: s.host.clone(),
            step: what,
            secs: STEP.as_secs(),
        })
}

/// A lost connection as [`ImapError::Lost`], anything else as [`ImapError::Protocol`].
fn cut_or_protocol(s: &Settings, step: &'static str, e: async_imap::error::Error) -> ImapError {
    use async_imap::error::Error;
    use std::io::ErrorKind;
    let lost = match &e {
        Error::ConnectionLost => true,
        Error::Io(io) => matches!(
            io.kind(),
            ErrorKind::UnexpectedEof
                | ErrorKind::ConnectionReset
                | ErrorKind::ConnectionAborted
                | ErrorKind::BrokenPipe
        ),
        _ => false,
    };
    if lost {
        ImapError::Lost {
            host: s.host.clone(),
            step,
            reason: e.to_string(),
        }
    } else {
        protocol(s, e)
    }
}

fn protocol(s: &Settings, e: async_imap::error::Error) -> ImapError {
    ImapError::Protocol {
        host: s.host.clone(),
        reason: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_names() {
        assert_eq!(Security::parse("TLS"), Some(Security::Tls));
        assert_eq!(Security::parse("starttls"), Some(Security::StartTls));
        assert_eq!(Security::parse("none"), Some(Security::None));
        assert_eq!(Security::parse("plain"), None);
    }

    #[test]
    fn mailbox_names_in_modified_utf7() {
        assert_eq!(utf7_imap("INBOX"), "INBOX");
        assert_eq!(utf7_imap("Jobs/Bewerbungen"), "Jobs/Bewerbungen");
        assert_eq!(utf7_imap("Tom & Jerry"), "Tom &- Jerry");
        // The examples of RFC 3501, 5.1.3.
        assert_eq!(
            utf7_imap("~peter/mail/台北/日本語"),
            "~peter/mail/&U,BTFw-/&ZeVnLIqe-"
        );
        assert_eq!(utf7_imap("Entwürfe"), "Entw&APw-rfe");
    }
}
