//! `replies --imap`: the new mail of the `[imap]` mailbox, read from the last high-water mark.
//!
//! Each reply is recorded in its own transaction as it is read; the mark moves only after all
//! of them are, so an interrupted sync reads the same mail again next time, and the record
//! of replies already seen keeps that from counting anything twice.

use super::matching::Matcher;
use super::record::record;
use super::report::{ImapReport, RepliesReport};
use crate::actions::login::imap_login;
use crate::actions::{ActionError, App, Result};
use crate::mail::imap::{self, Mark, Security, Settings};
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
    let fetched = imap::fetch_new(&settings, &login, mark, &since).await?;
    let mut report = RepliesReport::default();
    for (uid, header) in &fetched.headers {
        let source = format!("imap:{}/{uid}", settings.mailbox);
        record(app, &mut matcher, header, source, &mut report).await?;
    }
    save_mark(app, &account, &settings.mailbox, fetched.mark).await?;
    report.imap = Some(ImapReport {
        account,
        mailbox: settings.mailbox,
        uid_validity: fetched.mark.uid_validity,
        last_uid: fetched.mark.last_uid,
        uid_validity_was: fetched.validity_changed_from,
    });
    Ok(report)
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
