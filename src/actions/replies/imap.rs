//! `replies --imap`: the new mail of the `[imap]` mailbox, read from the last high-water mark.
//!
//! Headers are fetched in chunks and each reply is recorded in its own transaction as soon
//! as it is read; the mark moves after each chunk, to the highest UID up to which every
//! message was recorded. A run cut short (the connection lost, a timeout) keeps what it
//! recorded and moves the mark that far, so the next run goes on from there and reads no
//! message twice; a run killed before the mark moved reads the same mail again, and the
//! record of replies already seen keeps that from counting anything twice.

use super::matching::Matcher;
use super::record::record;
use super::report::{ImapReport, RepliesReport};
use crate::actions::login::imap_login;
use crate::actions::{ActionError, App, Result};
use crate::mail::imap::{self, Mark, Security, Session, Settings};
use crate::mail::login::Login;
use crate::store::{self, ImapSyncRow};

pub async fn replies_from_imap(app: &App) -> Result<RepliesReport> {
    let Account {
        settings,
        login,
        name: account,
    } = account(app).await?;
    let mut matcher = Matcher::load(app).await?;
    let mark = load_mark(app, &account, &settings.mailbox).await?;
    let since = imap_date(
        app,
        matcher.earliest_sent().unwrap_or_else(|| app.clock.now()),
    );
    let mut session = Session::login(&settings, &login).await?;
    let opened = session.open(&settings.mailbox, "mailbox").await?;
    let new = session.search_new(&opened, mark, &since).await?;
    let mut report = RepliesReport::default();
    let mut progress = Progress::new(&new.uids);
    for chunk in new.uids.chunks(imap::CHUNK) {
        let (headers, end) = session.headers_until_cut(chunk).await;
        for (uid, header) in &headers {
            let source = format!("imap:{}/{uid}", settings.mailbox);
            record(app, &mut matcher, header, source, &mut report).await?;
        }
        progress.read(chunk, headers.iter().map(|(uid, _)| *uid), end.is_ok());
        if let Some(last_uid) = progress.upto {
            let reached = Mark {
                uid_validity: new.mark.uid_validity,
                last_uid,
            };
            save_mark(app, &account, &settings.mailbox, reached).await?;
        }
        if let Err(e) = end {
            return Err(ActionError::Partly {
                done: progress.said(),
                source: Box::new(e.into()),
            });
        }
    }
    session.logout().await;
    save_mark(app, &account, &settings.mailbox, new.mark).await?;
    report.imap = Some(ImapReport {
        account,
        mailbox: settings.mailbox,
        uid_validity: new.mark.uid_validity,
        last_uid: new.mark.last_uid,
        uid_validity_was: new.validity_changed_from,
    });
    Ok(report)
}

/// How far a read got: the highest UID up to which every new message was recorded.
struct Progress {
    total: usize,
    recorded: usize,
    upto: Option<u32>,
}

impl Progress {
    fn new(uids: &[u32]) -> Self {
        Self {
            total: uids.len(),
            recorded: 0,
            upto: None,
        }
    }

    /// After a chunk: the UIDs received whole (all recorded). When the fetch `ended` as it
    /// should, a UID not received was expunged meanwhile and counts as read; otherwise the
    /// mark stops before the first one missing.
    fn read(&mut self, chunk: &[u32], received: impl Iterator<Item = u32>, ended: bool) {
        let received: std::collections::HashSet<u32> = received.collect();
        self.recorded += received.len();
        for uid in chunk {
            if !ended && !received.contains(uid) {
                break;
            }
            self.upto = Some(*uid);
        }
    }

    fn said(&self) -> String {
        match self.upto {
            Some(uid) => format!(
                "reading new mail stopped after {} of {} new message(s), all recorded; the \
                 next `bowout replies --imap` goes on after UID {uid}",
                self.recorded, self.total
            ),
            None => format!(
                "reading new mail stopped before any of {} new message(s) was read whole; the \
                 next `bowout replies --imap` reads them again",
                self.total
            ),
        }
    }
}

/// The `[imap]` server, the password or token for it, and the name its high-water marks are
/// stored under.
pub(crate) struct Account {
    pub settings: Settings,
    pub login: Login,
    /// `user@host`: UIDs belong to the mailbox, not to the port or security used to reach it.
    pub name: String,
}

/// `[imap]` and its password or token, checked before anything is sent to the server.
pub(crate) async fn account(app: &App) -> Result<Account> {
    let settings = settings(app)?;
    let login = imap_login(app, &settings.username).await?;
    let name = format!(
        "{}@{}",
        settings.username,
        settings.host.to_ascii_lowercase()
    );
    Ok(Account {
        settings,
        login,
        name,
    })
}

/// The high-water mark stored for `account` and `mailbox`, if any.
pub(crate) async fn load_mark(app: &App, account: &str, mailbox: &str) -> Result<Option<Mark>> {
    let mut conn = app.store.conn().await?;
    let row = store::load_mark(&mut conn, account, mailbox).await?;
    Ok(row.and_then(|row| {
        Some(Mark {
            uid_validity: u32::try_from(row.uid_validity).ok()?,
            last_uid: u32::try_from(row.last_uid).ok()?,
        })
    }))
}

/// Stores the high-water mark of `account` and `mailbox`: call once everything read up to
/// it is recorded.
pub(crate) async fn save_mark(app: &App, account: &str, mailbox: &str, mark: Mark) -> Result<()> {
    let mut tx = app.store.begin().await?;
    let row = ImapSyncRow {
        account: account.to_string(),
        mailbox: mailbox.to_string(),
        uid_validity: i64::from(mark.uid_validity),
        last_uid: i64::from(mark.last_uid),
        synced_at: app.clock.now(),
    };
    store::save_mark(&mut tx, &row).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(())
}

/// `[imap]` as connection settings, with clear errors for what is missing or wrong.
fn settings(app: &App) -> Result<Settings> {
    let c = &app.config.imap;
    let file = app.home.config_file.display();
    let missing = |key: &str| {
        ActionError::Setup(format!(
            "no [imap] {key} in {file}: set it there or in BOWOUT_IMAP_{}",
            key.to_ascii_uppercase()
        ))
    };
    let host = c.host.clone().filter(|h| !h.trim().is_empty());
    let host = host.ok_or_else(|| missing("host"))?;
    let username = c.username.clone().filter(|u| !u.trim().is_empty());
    let username = username.ok_or_else(|| missing("username"))?;
    let security = match c.security.as_deref() {
        None => Security::Tls,
        Some(s) => Security::parse(s).ok_or_else(|| {
            ActionError::Setup(format!(
                "[imap] security {s:?} in {file} is not one of \"tls\", \"starttls\", \"none\""
            ))
        })?,
    };
    let port = c.port.unwrap_or(match security {
        Security::Tls => 993,
        Security::StartTls | Security::None => 143,
    });
    Ok(Settings {
        host: host.trim().to_string(),
        port,
        security,
        username,
        mailbox: c.mailbox.clone().unwrap_or_else(|| "INBOX".into()),
        ca_file: c.ca_file.clone(),
    })
}

/// The day before `unix` as an IMAP SEARCH date (`26-Nov-2026`): servers compare dates in
/// their own zone, so a day's margin keeps the first reply in.
pub(crate) fn imap_date(app: &App, unix: i64) -> String {
    let day = app.clock.date_of(unix);
    let day = day.yesterday().unwrap_or(day);
    day.strftime("%-d-%b-%Y").to_string()
}
