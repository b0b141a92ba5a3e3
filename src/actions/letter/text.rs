//! The formal letter laid out for the typesetter: the words come from `letter.txt` through
//! compose (the same phrases as the emailed decline), the parties and the date from here.

use crate::actions::Result;
use bowout_core::compose::{Templates, dates, letter_text};
use bowout_core::model::{Contact, DeclineReason, Identity, Invitation, Referral};
use bowout_letter::{LetterInput, Paper, Party};
use jiff::civil::Date;

/// What the letter says, gathered by the action from the store.
pub struct LetterFacts<'a> {
    pub invitation: &'a Invitation,
    pub recipient: &'a Contact,
    pub me: &'a Identity,
    /// The identity's postal address, one line each.
    pub my_address: Vec<String>,
    pub reason: DeclineReason,
    pub referral: Option<&'a Referral>,
    pub date: Date,
    pub paper: Paper,
}

pub fn letter_input(f: &LetterFacts<'_>, templates: &Templates) -> Result<LetterInput> {
    let text = letter_text(
        f.invitation,
        f.recipient,
        f.me,
        f.reason,
        f.referral,
        templates,
    )?;
    Ok(LetterInput {
        sender: Party {
            name: f.me.name.to_string(),
            lines: f.my_address.clone(),
        },
        sender_phone: f.me.phone.as_ref().map(ToString::to_string),
        sender_email: Some(f.me.email.to_string()),
        date: dates::long_date(f.invitation.language, f.date, f.paper == Paper::Letter),
        recipient: recipient(f.invitation, f.recipient),
        subject: text.subject,
        salutation: text.salutation,
        paragraphs: text.paragraphs,
        closing: text.closing,
        signature: f.me.name.to_string(),
        footer_note: text.notation,
        paper: f.paper,
        lang: f.invitation.language.code().to_string(),
    })
}

/// Name, role, employer, then the postal address when one is known.
fn recipient(inv: &Invitation, c: &Contact) -> Party {
    let name = c
        .name
        .as_ref()
        .map_or_else(|| "Hiring Team".to_string(), ToString::to_string);
    let mut lines: Vec<String> = c.role.iter().map(ToString::to_string).collect();
    lines.push(inv.employer.to_string());
    lines.extend(address_lines(c.postal_address.as_deref()));
    Party { name, lines }
}

/// A stored multi-line address as its non-empty lines.
pub fn address_lines(address: Option<&str>) -> Vec<String> {
    address
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}
