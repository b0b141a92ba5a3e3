//! `letter ID --out FILE.pdf`: the formal letter rendered, written, and kept with its hash.
//!
//! The letter goes to the primary contact and states the recorded decline. Its PDF is
//! written atomically to the path the user gives and kept, with its SHA-256, beside the
//! archived emails; mailing and receipt are timeline events like every other step.

use super::text::{LetterFacts, address_lines, letter_input};
use super::view::empty_row;
use crate::actions::{ActionError, App, Result};
use crate::store;
use bowout_core::model::{Decision, EventKind, Language};
use bowout_letter::Paper;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A letter written to disk.
#[derive(Debug, Clone, Serialize)]
pub struct WrittenLetter {
    pub path: PathBuf,
    pub sha256: String,
    pub bytes: usize,
    pub recipient: String,
    /// The recipient has no postal address recorded (`bowout contact set`).
    pub no_postal_address: bool,
}

/// Renders the letter for invitation `given_id` and writes it to `out`.
pub async fn write_letter(app: &App, given_id: &str, out: &Path) -> Result<WrittenLetter> {
    let now = app.clock.now();
    let me = app.identity()?;
    let my_address = address_lines(app.config.identity.address.as_deref());
    if my_address.is_empty() {
        return Err(ActionError::Setup(format!(
            "no [identity] address in {}: the letter needs your postal address; set it there \
             (lines separated by \\n) or in BOWOUT_IDENTITY_ADDRESS",
            app.home.config_file.display()
        )));
    }
    let mut tx = app.store.begin().await?;
    let id = store::resolve_invitation_id(&mut tx, given_id).await?;
    let inv = store::load_invitation(&mut tx, &id).await?;
    let paper = paper(app.config.letter.paper.as_deref(), inv.language)?;
    let (reason, referral_id) = match store::load_decision(&mut tx, &id).await? {
        Some((
            Decision::Decline {
                reason,
                referral_id,
            },
            _,
        )) => (reason, referral_id),
        _ => {
            return Err(ActionError::Refused(format!(
                "invitation {id} has no decline recorded: the letter states a decline, so run \
                 `bowout decline {id}` first"
            )));
        }
    };
    let referral = match referral_id {
        Some(rid) => Some(store::load_referral(&mut tx, &rid).await?),
        None => None,
    };
    let recipient = inv.primary().ok_or_else(|| {
        ActionError::Refused(format!(
            "invitation {id} has no primary contact to write to"
        ))
    })?;
    let input = letter_input(
        &LetterFacts {
            invitation: &inv,
            recipient,
            me: &me,
            my_address,
            reason,
            referral: referral.as_ref(),
            date: app.clock.today(),
            paper,
        },
        &app.templates(inv.language)?,
    )?;
    let pdf = tokio::task::spawn_blocking(move || bowout_letter::render(&input))
        .await
        .map_err(|e| ActionError::Refused(format!("the letter renderer stopped: {e}")))?
        .map_err(|e| ActionError::Refused(format!("cannot typeset the letter: {e}")))?;
    let sha256 = hex(&Sha256::digest(&pdf));
    crate::testhook::pause("letter:rendered");
    // The user's file first (the likeliest to fail), then bowout's own copy, then the
    // database: any failure leaves no partial file, and the files as they were before.
    let copy = app.home.archive.join(&id).join("letter.pdf");
    let mut written = Undo::default();
    written.write(out, &pdf, "cannot write")?;
    let kept = written.write(&copy, &pdf, "cannot keep a copy at");
    if let Err(e) = kept {
        written.undo();
        return Err(e);
    }
    crate::testhook::pause("letter:written");
    let recorded = async {
        let mut row = store::load_letter(&mut tx, &id)
            .await?
            .unwrap_or_else(|| empty_row(&id));
        row.rendered_at = Some(now);
        row.sha256 = Some(sha256.clone());
        row.updated_at = now;
        store::save_letter(&mut tx, &row).await?;
        let detail = format!("formal letter rendered, sha256 {sha256}");
        store::append_event(&mut tx, &id, now, EventKind::Note, &detail).await?;
        tx.commit().await.map_err(store::StoreError::from)
    }
    .await;
    if let Err(e) = recorded {
        written.undo();
        return Err(e.into());
    }
    Ok(WrittenLetter {
        path: out.to_path_buf(),
        sha256,
        bytes: pdf.len(),
        recipient: recipient.mailbox().to_string(),
        no_postal_address: recipient.postal_address.is_none(),
    })
}

/// The files a letter wrote, with what each replaced, to put back when the letter could not
/// be recorded: the archived letter must stay the one whose hash is recorded.
#[derive(Default)]
struct Undo(Vec<(PathBuf, Option<Vec<u8>>)>);

impl Undo {
    fn write(&mut self, path: &Path, bytes: &[u8], what: &str) -> Result<()> {
        let before = std::fs::read(path).ok();
        crate::fsutil::write_atomic(path, bytes)
            .map_err(|e| ActionError::io(format!("{what} {}", path.display()), e))?;
        self.0.push((path.to_path_buf(), before));
        Ok(())
    }

    /// Puts back what each file held, or removes it (best effort).
    fn undo(self) {
        for (path, before) in self.0.into_iter().rev() {
            let _ = match before {
                Some(bytes) => crate::fsutil::write_atomic(&path, &bytes),
                None => std::fs::remove_file(&path),
            };
        }
    }
}

/// `[letter] paper`, else the size the letter's language expects: US Letter for English,
/// A4 everywhere else.
fn paper(configured: Option<&str>, language: Language) -> Result<Paper> {
    match configured.map(str::trim) {
        None if language != Language::En => Ok(Paper::A4),
        None | Some("letter" | "us-letter") => Ok(Paper::Letter),
        Some("a4" | "A4") => Ok(Paper::A4),
        Some(other) => Err(ActionError::Setup(format!(
            "[letter] paper = {other:?} is not a paper size: use \"letter\" or \"a4\""
        ))),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
