//! IMAP: the headers of the mail that arrived in one mailbox since the last sync.
//!
//! The mailbox is opened read-only (EXAMINE) and only headers are fetched with `BODY.PEEK`,
//! so syncing never marks anything read. What was read is remembered as a UIDVALIDITY and a
//! highest UID (the caller stores it): the next sync asks only for higher UIDs. When the
//! server's UIDVALIDITY changed, UIDs mean nothing any more and the mailbox is read again
//! from `since`; the caller's record of replies already seen keeps that free of duplicates.

use super::login::Login;
use futures_util::TryStreamExt;
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

/// Where to read. The password or token is passed separately so that this can be logged.
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

/// What one sync read.
#[derive(Debug)]
pub struct Fetched {
    /// The mark to store once the headers are recorded.
    pub mark: Mark,
    /// The UIDVALIDITY stored before, when the server's differs (the mailbox was re-read).
    pub validity_changed_from: Option<u32>,
    /// `(uid, header bytes)`, in UID order.
    pub headers: Vec<(u32, Vec<u8>)>,
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
         mailbox to an existing folder — nothing was recorded"
    )]
    NoMailbox {
        host: String,
        mailbox: String,
        reason: String,
    },
    #[error("IMAP server {host}: {reason}")]
    Protocol { host: String, reason: String },
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
const CHUNK: usize = 200;

/// Logs in, reads the headers of mail newer than `mark` (or, without a usable mark, received
/// since `since`, an IMAP date such as `27-Nov-2026`), and logs out.
pub async fn fetch_new(
    s: &Settings,
    login: &Login,
    mark: Option<Mark>,
    since: &str,
) -> Result<Fetched, ImapError> {
    let client = conn::connect(s).await?;
    let mut session = auth::log_in(s, client, login).await?;
    let mailbox = step(s, "examine", session.examine(&s.mailbox))
        .await?
        .map_err(|e| match e {
            async_imap::error::Error::No(reason) => ImapError::NoMailbox {
                host: s.host.clone(),
                mailbox: s.mailbox.clone(),
                reason,
            },
            other => protocol(s, other),
        })?;
    let validity = mailbox.uid_validity.ok_or_else(|| ImapError::Protocol {
        host: s.host.clone(),
        reason: format!("no UIDVALIDITY for mailbox {:?}", s.mailbox),
    })?;
    let kept = mark.filter(|m| m.uid_validity == validity);
    let floor = kept.map_or(0, |m| m.last_uid);
    let query = match kept {
        Some(m) => format!("UID {}:*", m.last_uid.saturating_add(1)),
        None => format!("SINCE {since}"),
    };
    let found = step(s, "search", session.uid_search(&query))
        .await?
        .map_err(|e| protocol(s, e))?;
    let mut uids: Vec<u32> = found.into_iter().filter(|u| *u > floor).collect();
    uids.sort_unstable();
    let mut headers = Vec::with_capacity(uids.len());
    for chunk in uids.chunks(CHUNK) {
        let set: Vec<String> = chunk.iter().map(u32::to_string).collect();
        let fetches = step(s, "fetch", async {
            let stream = session
                .uid_fetch(set.join(","), "(UID BODY.PEEK[HEADER])")
                .await?;
            stream.try_collect::<Vec<_>>().await
        })
        .await?
        .map_err(|e| protocol(s, e))?;
        for f in &fetches {
            if let (Some(uid), Some(h)) = (f.uid, f.header()) {
                headers.push((uid, h.to_vec()));
            }
        }
    }
    headers.sort_by_key(|(uid, _)| *uid);
    let seen_max = uids.last().copied().unwrap_or(0);
    let next_minus_one = mailbox.uid_next.map_or(0, |n| n.saturating_sub(1));
    // A failed LOGOUT changes nothing that was read.
    let _ = tokio::time::timeout(STEP, session.logout()).await;
    Ok(Fetched {
        mark: Mark {
            uid_validity: validity,
            last_uid: floor.max(seen_max).max(next_minus_one),
        },
        validity_changed_from: mark
            .filter(|m| m.uid_validity != validity)
            .map(|m| m.uid_validity),
        headers,
    })
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
}
