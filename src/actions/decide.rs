//! The user's decision: decline (one draft per contact) or accept (one acceptance draft).

use super::drafts::{DraftView, draft_views};
use super::{ActionError, App, Result};
use crate::store;
use bowout_core::compose;
use bowout_core::model::{
    DEFAULT_INTERVIEW_MINUTES, Decision, DeclineReason, EventKind, Invitation, Language, Status,
};

#[derive(Debug, Clone)]
pub struct DeclineInput {
    pub id: String,
    pub reason: DeclineReason,
    /// A referral id (or unique prefix) to name in the decline.
    pub referral: Option<String>,
    /// Write in this language, and keep it as the invitation's (`--lang`).
    pub language: Option<Language>,
}

#[derive(Debug, Clone)]
pub struct AcceptInput {
    pub id: String,
    /// Interview time as `YYYY-MM-DD HH:MM`, in `tz` (or the user's zone).
    pub at: Option<String>,
    pub tz: Option<String>,
    /// How long the interview lasts, in minutes (default 60).
    pub minutes: Option<u16>,
    /// Where it happens, one line.
    pub location: Option<String>,
    /// The video call's link: http(s), one line, at most 2000 characters.
    pub video_link: Option<String>,
    /// The user confirmed an interview time in the past (`--yes`, or yes at the prompt).
    pub past_confirmed: bool,
    /// Write in this language, and keep it as the invitation's (`--lang`).
    pub language: Option<Language>,
}

/// The longest interview `--duration` takes: a day.
const MAX_INTERVIEW_MINUTES: u16 = 24 * 60;

/// Once declines have gone out, a new decision would mean sending a second, different answer.
/// A dismissed invitation is off the list until it is brought back.
fn refuse_after_sending(inv: &Invitation) -> Result<()> {
    if inv.status == Status::Dismissed {
        return Err(ActionError::Refused(format!(
            "invitation {0} is dismissed: run `bowout undismiss {0}` first",
            inv.id
        )));
    }
    if matches!(inv.status, Status::Sent | Status::Acknowledged) {
        return Err(ActionError::Refused(format!(
            "invitation {} already has its declines sent; a new decision would contradict them",
            inv.id
        )));
    }
    Ok(())
}

/// An invitation recorded without a primary contact (its mail did not say whom to answer)
/// has no one to write to until the user names them.
fn refuse_without_primary(inv: &Invitation) -> Result<()> {
    if inv.primary().is_some() {
        return Ok(());
    }
    let id = &inv.id;
    let other = match inv.contacts.first() {
        Some(c) => format!(" (or `bowout contact primary {id} --email {}`)", c.email),
        None => String::new(),
    };
    Err(ActionError::Refused(format!(
        "invitation {id} has no primary contact to write to: add the hiring side with \
         `bowout contact add {id} --name NAME --email EMAIL`{other}"
    )))
}

/// Some declines may already be with their recipients (sent, or in doubt): a new decision
/// would then contradict what they read.
async fn refuse_if_maybe_delivered(conn: &mut store::Conn, id: &str) -> Result<()> {
    if store::any_decline_maybe_delivered(conn, id).await? {
        return Err(ActionError::Refused(format!(
            "invitation {id} already has declines sent (or possibly sent); a new decision would contradict them"
        )));
    }
    Ok(())
}

pub async fn decline(app: &App, input: DeclineInput) -> Result<Vec<DraftView>> {
    let now = app.clock.now();
    let me = app.identity()?;
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, &input.id).await?;
    let mut inv = store::load_invitation(&mut tx, &id).await?;
    refuse_after_sending(&inv)?;
    refuse_without_primary(&inv)?;
    set_language(&mut tx, &mut inv, input.language, now).await?;
    let templates = app.templates(inv.language)?;
    let referral = match &input.referral {
        Some(given) => {
            let rid = store::resolve_referral_id(&mut tx, given).await?;
            Some(store::load_referral(&mut tx, &rid).await?)
        }
        None => None,
    };
    let drafts = compose::decline_drafts(&inv, &me, input.reason, referral.as_ref(), &templates)?;
    let decision = Decision::Decline {
        reason: input.reason,
        referral_id: referral.as_ref().map(|r| r.id.clone()),
    };
    if !rewrites_stale_drafts(&mut tx, &id, &decision).await? {
        refuse_if_maybe_delivered(&mut tx, &id).await?;
    }
    call_off_interview(&mut tx, &id, &decision, now).await?;
    store::replace_decision(&mut tx, &id, &decision, now).await?;
    store::replace_drafts(&mut tx, &id, &drafts, now).await?;
    store::set_status(&mut tx, &id, Status::Declined).await?;
    let referral_note = referral
        .as_ref()
        .map(|r| format!(", referring {}", r.name))
        .unwrap_or_default();
    let decided = format!("decline (reason: {}{referral_note})", input.reason.as_str());
    store::append_event(&mut tx, &id, now, EventKind::Decided, &decided).await?;
    let drafted = format!("{} decline draft(s), one per contact", drafts.len());
    store::append_event(&mut tx, &id, now, EventKind::Drafted, &drafted).await?;
    let facts = store::load_facts(&mut tx, &id).await?;
    crate::testhook::pause("decline:composed");
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(draft_views(
        drafts,
        Some(&decision),
        facts.as_ref(),
        inv.language,
    ))
}

/// `--lang`: the drafts are written in `language`, and it stays the invitation's.
async fn set_language(
    tx: &mut store::Tx,
    inv: &mut Invitation,
    language: Option<Language>,
    now: i64,
) -> Result<()> {
    let Some(language) = language.filter(|l| *l != inv.language) else {
        return Ok(());
    };
    let detail = format!(
        "language changed from {} to {}",
        inv.language.code(),
        language.code()
    );
    inv.language = language;
    store::update_captured_fields(tx, inv).await?;
    store::append_event(tx, &inv.id, now, EventKind::Edited, &detail).await?;
    Ok(())
}

/// True when `decision` is the one recorded and only rewrites drafts made stale by a
/// correction: the declines already sent said the same, so the ones still to send may get
/// the corrected text.
async fn rewrites_stale_drafts(
    conn: &mut store::Conn,
    id: &str,
    decision: &Decision,
) -> Result<bool> {
    if store::drafts_stale(conn, id).await?.is_none() {
        return Ok(false);
    }
    let recorded = store::load_decision(conn, id).await?.map(|(d, _)| d);
    Ok(recorded.as_ref() == Some(decision))
}

pub async fn accept(app: &App, input: AcceptInput) -> Result<DraftView> {
    let now = app.clock.now();
    let me = app.identity()?;
    let when = input
        .at
        .as_deref()
        .map(|at| interview_time(app, at, input.tz.as_deref()))
        .transpose()?;
    let minutes = input.minutes.unwrap_or(DEFAULT_INTERVIEW_MINUTES);
    if !(1..=MAX_INTERVIEW_MINUTES).contains(&minutes) {
        return Err(ActionError::BadInput(format!(
            "--duration must be 1 to {MAX_INTERVIEW_MINUTES} minutes, not {minutes}"
        )));
    }
    let location = input
        .location
        .as_deref()
        .map(|l| {
            bowout_core::model::text::single_line("--location", l, 200)
                .map_err(|e| ActionError::BadInput(e.to_string()))
        })
        .transpose()?;
    let video_link = input.video_link.as_deref().map(video_link).transpose()?;
    if let Some(w) = &when
        && w.unix < now
        && !input.past_confirmed
    {
        return Err(ActionError::BadInput(format!(
            "the interview time {} is in the past; pass --yes to record it anyway",
            w.shown
        )));
    }
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, &input.id).await?;
    let mut inv = store::load_invitation(&mut tx, &id).await?;
    refuse_after_sending(&inv)?;
    refuse_if_maybe_delivered(&mut tx, &id).await?;
    set_language(&mut tx, &mut inv, input.language, now).await?;
    let templates = app.templates(inv.language)?;
    // Accepting again (say, to rewrite drafts after a correction) keeps the time agreed.
    let when = match when {
        Some(w) => Some(w),
        None => recorded_interview_time(&mut tx, &id).await?,
    };
    let shown = when.as_ref().map(|w| w.shown.as_str());
    let written = when.as_ref().map(|w| w.shown_in(inv.language));
    refuse_without_primary(&inv)?;
    let draft = compose::accept_draft(&inv, &me, written.as_deref(), &templates)?;
    let decision = Decision::Accept {
        at: when.as_ref().map(|w| w.unix),
        tz: when.as_ref().map(|w| w.tz.clone()),
        minutes,
        location,
        video_link,
    };
    call_off_interview(&mut tx, &id, &decision, now).await?;
    store::replace_decision(&mut tx, &id, &decision, now).await?;
    store::replace_drafts(&mut tx, &id, std::slice::from_ref(&draft), now).await?;
    store::set_status(&mut tx, &id, Status::Accepted).await?;
    let detail = match shown {
        Some(s) => format!("accept; interview {s}"),
        None => "accept".to_string(),
    };
    store::append_event(&mut tx, &id, now, EventKind::Decided, &detail).await?;
    store::append_event(&mut tx, &id, now, EventKind::Drafted, "acceptance draft").await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    let mut views = draft_views(vec![draft], Some(&decision), None, inv.language);
    views
        .pop()
        .ok_or_else(|| ActionError::Refused("no draft was produced".into()))
}

/// The interview time as the user reads it when `at` (in `tz`, or the user's zone) is in the
/// past, so that the CLI can ask before recording it; `None` when it is not.
pub fn interview_in_past(app: &App, at: &str, tz: Option<&str>) -> Result<Option<String>> {
    let when = interview_time(app, at, tz)?;
    Ok((when.unix < app.clock.now()).then_some(when.shown))
}

pub(super) struct InterviewTime {
    pub unix: i64,
    pub tz: String,
    pub shown: String,
}

impl InterviewTime {
    /// The time as the acceptance writes it in `language`, with its zone:
    /// "Dienstag, 2. Dezember 2026 um 14:00 Uhr (Europe/Berlin)".
    fn shown_in(&self, language: Language) -> String {
        let zone = jiff::tz::TimeZone::get(&self.tz).unwrap_or(jiff::tz::TimeZone::UTC);
        let local = crate::clock::timestamp(self.unix)
            .to_zoned_datetime(zone)
            .datetime();
        let day = bowout_core::compose::dates::date_time(language, local);
        format!("{day} ({})", self.tz)
    }
}

/// The interview time of the invitation's acceptance, if it is accepted with a time.
pub(super) async fn recorded_interview_time(
    conn: &mut store::Conn,
    id: &str,
) -> Result<Option<InterviewTime>> {
    let Some((
        Decision::Accept {
            at: Some(unix), tz, ..
        },
        _,
    )) = store::load_decision(conn, id).await?
    else {
        return Ok(None);
    };
    let zone = tz
        .as_deref()
        .and_then(|name| jiff::tz::TimeZone::get(name).ok())
        .unwrap_or(jiff::tz::TimeZone::UTC);
    let zoned = crate::clock::timestamp(unix).to_zoned_datetime(zone.clone());
    let tz_name = zone.iana_name().unwrap_or("UTC").to_string();
    Ok(Some(InterviewTime {
        unix,
        shown: format!("{} ({tz_name})", zoned.strftime("%A %-d %B %Y at %H:%M")),
        tz: tz_name,
    }))
}

/// `YYYY-MM-DD HH:MM` in the given zone (or the user's) → an instant and a readable line.
pub(super) fn interview_time(app: &App, at: &str, tz: Option<&str>) -> Result<InterviewTime> {
    let civil: jiff::civil::DateTime = at.trim().parse().map_err(|_| {
        ActionError::BadInput(format!(
            "invalid --at {at:?}: give the interview time as \"YYYY-MM-DD HH:MM\""
        ))
    })?;
    let zone = match tz {
        Some(name) => {
            crate::clock::zone(name).map_err(|e| ActionError::BadInput(format!("{e} (--tz)")))?
        }
        None => app.clock.tz.clone(),
    };
    let zoned = civil.to_zoned_datetime(zone.clone()).map_err(|e| {
        ActionError::BadInput(format!("{at:?} does not exist in that time zone: {e}"))
    })?;
    let tz_name = zone.iana_name().unwrap_or("local time").to_string();
    Ok(InterviewTime {
        unix: zoned.timestamp().as_second(),
        shown: format!("{} ({tz_name})", zoned.strftime("%A %-d %B %Y at %H:%M")),
        tz: tz_name,
    })
}

/// A video link: one line of at most 2000 characters, an absolute http(s) URL with a host.
fn video_link(raw: &str) -> Result<String> {
    let bad = |why: &str| ActionError::BadInput(format!("invalid --video-link: {why}"));
    let link = bowout_core::model::text::single_line("--video-link", raw, 2000)
        .map_err(|e| ActionError::BadInput(e.to_string()))?;
    let url = url::Url::parse(&link).map_err(|e| bad(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err(bad("give an http:// or https:// address"));
    }
    if link.chars().any(char::is_whitespace) {
        return Err(bad("it contains a space"));
    }
    Ok(link)
}

/// When the decision that replaces the current one no longer holds an interview at a known
/// time, records the interview as called off, so that the calendar cancels it. The
/// cancellation's SEQUENCE is above every one the interview was written with.
async fn call_off_interview(tx: &mut store::Tx, id: &str, next: &Decision, now: i64) -> Result<()> {
    let Some((
        Decision::Accept {
            at: Some(at),
            minutes,
            location,
            video_link,
            ..
        },
        _,
    )) = store::load_decision(tx, id).await?
    else {
        return Ok(());
    };
    if matches!(next, Decision::Accept { at: Some(_), .. }) {
        return Ok(());
    }
    let earlier = store::load_cancelled_interview(tx, id).await?;
    store::save_cancelled_interview(
        tx,
        &store::CancelledInterviewRow {
            invitation_id: id.to_string(),
            interview_at: at,
            interview_minutes: i64::from(minutes),
            interview_location: location,
            interview_video_link: video_link,
            // Written before: 0, or one above an earlier cancellation.
            sequence: earlier.map_or(1, |e| e.sequence + 2),
            cancelled_at: now,
        },
    )
    .await?;
    Ok(())
}
