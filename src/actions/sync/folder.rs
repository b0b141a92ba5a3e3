//! One folder of a sync: its new mail, message by message, then its mark.

use super::report::{FolderReport, SyncReport, SyncedInvitation};
use crate::actions::replies::{self, Match, Matcher, Problem, RepliesReport};
use crate::actions::{App, Result, import};
use crate::mail::imap::{Message, Session};
use crate::mail::scan::Analyser;
use bowout_core::ingest::Kind;
use jiff::civil::Date;

/// The largest message a sync reads; larger ones are left on the server with a warning.
pub(super) const MAX_MESSAGE: u64 = 25 * 1024 * 1024;

/// What one sync carries from folder to folder.
pub(super) struct State {
    pub matcher: Matcher,
    pub analyser: Analyser,
    pub report: SyncReport,
}

/// Reads the new mail of `mailbox` (named by the `[imap]` setting `key`): everything above
/// its mark, or, on a first sync, since `window` (a date, and the same as an IMAP date).
pub(super) async fn sync_folder(
    app: &App,
    session: &mut Session,
    account: &str,
    mailbox: &str,
    key: &'static str,
    window: (Date, &str),
    state: &mut State,
) -> Result<()> {
    let opened = session.open(mailbox, key).await?;
    let mark = replies::load_mark(app, account, mailbox).await?;
    let first = mark.is_none_or(|m| m.uid_validity != opened.uid_validity);
    let new = session.search_new(&opened, mark, window.1).await?;
    let plan = session.batches(&new.uids, MAX_MESSAGE).await?;
    let mut read = 0;
    let mut too_large = plan.too_large;
    for batch in &plan.batches {
        for message in session.whole(batch, MAX_MESSAGE).await? {
            match message {
                Message::Whole { uid, bytes } => {
                    read += 1;
                    one(app, state, mailbox, uid, &bytes).await?;
                    crate::testhook::pause("sync:recorded");
                }
                Message::TooLarge { uid, size } => too_large.push((uid, size)),
            }
        }
    }
    too_large.sort_unstable();
    for (uid, size) in too_large {
        state.report.problems.push(Problem {
            location: format!("imap:{mailbox}/{uid}"),
            message: format!(
                "folder {mailbox:?}, UID {uid}: a message of {:.1} MB, larger than the {} MB \
                 sync reads; skipped (it stays on the server)",
                size as f64 / 1e6,
                MAX_MESSAGE >> 20
            ),
        });
    }
    // Everything read is recorded: only now may the next sync start after it.
    replies::save_mark(app, account, mailbox, new.mark).await?;
    state.report.folders.push(FolderReport {
        mailbox: mailbox.to_string(),
        read,
        uid_validity: new.mark.uid_validity,
        last_uid: new.mark.last_uid,
        uid_validity_was: new.validity_changed_from,
        since: first.then_some(window.0),
    });
    Ok(())
}

/// One message: a reply to a message bowout sent (a receipt), else an invitation to record
/// (or a scam to count), else nothing.
async fn one(app: &App, state: &mut State, mailbox: &str, uid: u32, bytes: &[u8]) -> Result<()> {
    let source = format!("imap:{mailbox}/{uid}");
    let reply = crate::mail::replies::parse(bytes);
    match reply.as_ref().map(|r| state.matcher.find(r)) {
        Some(Match::Message(_)) => {
            let mut replies = RepliesReport::default();
            replies::record_parsed(app, &mut state.matcher, reply, source, &mut replies).await?;
            state.report.replies.extend(replies.replies);
            return Ok(());
        }
        // One of bowout's own messages (a Sent folder): neither a reply nor an invitation.
        Some(Match::Own) => return Ok(()),
        Some(Match::None) | None => {}
    }
    let (found, _) = state.analyser.analyse(bytes, source.clone());
    let Some(found) = found else {
        return Ok(());
    };
    match found.analysis.kind {
        Kind::Scam => state.report.scams += 1,
        Kind::Invitation => {
            let (imported, _likely_duplicates) = import::record(app, &found).await?;
            let a = &found.analysis;
            let synced = SyncedInvitation::new(
                imported,
                a.employer.as_ref().map(|o| o.as_str().to_string()),
                a.job_title.as_ref().map(|t| t.as_str().to_string()),
                a.score,
            );
            state.report.invitations.push(synced);
        }
        Kind::Other if found.analysis.review => {
            state
                .report
                .review
                .extend(crate::actions::review::keep(app, &found).await?);
        }
        Kind::Other => {}
    }
    Ok(())
}
