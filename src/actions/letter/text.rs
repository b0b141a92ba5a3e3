//! The words of the formal letter: the same decision as the emailed decline, to the primary
//! contact, laid out as a business letter.
//!
//! The email's "please reply so that I know you have received this message" has no place
//! here: the return receipt is the proof of delivery. Everything else follows the default
//! decline (DESIGN §1.4): appreciation, the chosen reason, the referral, "perhaps the
//! timing will be better".

use bowout_core::model::{Contact, DeclineReason, Identity, Invitation, Referral};
use bowout_letter::{LetterInput, Paper, Party};
use jiff::civil::Date;

/// The notation under the signature.
pub const FOOTER_NOTE: &str = "Sent by registered mail, return receipt requested.";

/// What the letter says, gathered by the action from the store.
pub struct LetterFacts<'a> {
    pub invitation: &'a Invitation,
    pub recipient: &'a Contact,
    pub me: &'a Identity,
    /// The identity's postal address, one line each.
    pub my_address: Vec<String>,
    pub reason: DeclineReason,
    pub referral: Option<&'a Referral>,
    /// The subject of the emailed decline, when drafted, so that both carry the same one.
    pub subject: Option<String>,
    pub date: Date,
    pub paper: Paper,
}

pub fn letter_input(f: &LetterFacts<'_>) -> LetterInput {
    let inv = f.invitation;
    let req = inv.requisition.as_ref().map(|r| r.as_str());
    let subject = f.subject.clone().unwrap_or_else(|| match req {
        Some(r) => format!("Interview invitation for {} {r}", inv.job_title),
        None => format!("Interview invitation for {}", inv.job_title),
    });
    let salutation = match &f.recipient.name {
        Some(name) => format!("Dear {name},"),
        None => "Dear Hiring Team,".to_string(),
    };
    LetterInput {
        sender: Party {
            name: f.me.name.to_string(),
            lines: f.my_address.clone(),
        },
        sender_phone: f.me.phone.as_ref().map(ToString::to_string),
        sender_email: Some(f.me.email.to_string()),
        date: letter_date(f.date, f.paper),
        recipient: recipient(inv, f.recipient),
        subject,
        salutation,
        paragraphs: paragraphs(inv, f.reason, f.referral),
        closing: "Sincerely,".to_string(),
        signature: f.me.name.to_string(),
        footer_note: FOOTER_NOTE.to_string(),
        paper: f.paper,
    }
}

/// "November 27, 2026" on US Letter, "27 November 2026" on A4.
fn letter_date(date: Date, paper: Paper) -> String {
    let format = match paper {
        Paper::Letter => "%B %-d, %Y",
        Paper::A4 => "%-d %B %Y",
    };
    date.strftime(format).to_string()
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

fn paragraphs(inv: &Invitation, reason: DeclineReason, referral: Option<&Referral>) -> Vec<String> {
    let req = inv
        .requisition
        .as_ref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    let mut out = vec![format!(
        "Thank you for the invitation to interview for the {} position{req} at {}. \
         I appreciate the time you took to consider me.",
        inv.job_title, inv.employer
    )];
    out.push(
        match reason {
            DeclineReason::AcceptedJob => {
                "I have accepted a position elsewhere, so I am withdrawing from consideration."
            }
            DeclineReason::FieldFit => {
                "After careful thought, I have concluded that this field is not a good fit for \
                 me at this point in my career, so I am withdrawing from consideration."
            }
            DeclineReason::None => {
                "After careful thought, I have decided to withdraw from consideration."
            }
        }
        .to_string(),
    );
    if let Some(r) = referral {
        let phone = r
            .phone
            .as_ref()
            .map(|p| format!(", {p}"))
            .unwrap_or_default();
        out.push(format!(
            "If it would help your search, my colleague {} may be interested in this \
             opportunity and has agreed that I pass on their contact details: {}{phone}.",
            r.name, r.email
        ));
    }
    out.push("Perhaps the timing will be better at some point in the future.".to_string());
    out
}
