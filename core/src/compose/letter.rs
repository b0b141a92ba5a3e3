//! The formal letter's words, from `letter.txt`: the same decline as the email, to the
//! primary contact, without the receipt request (the return receipt is the proof).

use super::context::{Person, decline_context, render_subject};
use super::{ComposeError, TemplateName, Templates};
use crate::model::{Contact, DeclineReason, Identity, Invitation, Referral};

/// The letter's text, part by part, for the typesetter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterText {
    pub subject: String,
    pub salutation: String,
    pub paragraphs: Vec<String>,
    pub closing: String,
    /// The notation under the signature ("Sent by registered mail…").
    pub notation: String,
}

/// Renders `letter.txt` for `recipient`. Its paragraphs are, in order: the salutation, the
/// body, the closing, and the notation; a user's template must keep at least those four.
pub fn letter_text(
    inv: &Invitation,
    recipient: &Contact,
    me: &Identity,
    reason: DeclineReason,
    referral: Option<&Referral>,
    templates: &Templates,
) -> Result<LetterText, ComposeError> {
    let ctx = decline_context(inv, Person::contact(recipient), me, reason, referral);
    let mut parts = templates.paragraphs(TemplateName::Letter, &ctx)?;
    if parts.len() < 4 {
        return Err(ComposeError::Template {
            name: TemplateName::Letter.file_name(),
            message: format!(
                "it gave {} paragraph(s); a letter needs a salutation, at least one paragraph, \
                 a closing and a notation, separated by blank lines",
                parts.len()
            ),
        });
    }
    let notation = parts.pop().unwrap_or_default();
    let closing = parts.pop().unwrap_or_default();
    let salutation = parts.remove(0);
    Ok(LetterText {
        subject: render_subject(templates, &ctx)?,
        salutation,
        paragraphs: parts,
        closing,
        notation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::fixtures::{invitation, me, referral};

    #[test]
    fn the_letter_says_the_decline_without_a_receipt_request() {
        let inv = invitation(Some("Req #4471"));
        let ann = inv.primary().expect("primary");
        let r = referral();
        let text = letter_text(
            &inv,
            ann,
            &me(),
            DeclineReason::AcceptedJob,
            Some(&r),
            &Templates::default(),
        )
        .expect("letter");
        assert_eq!(text.salutation, "Dear Ann Lee,");
        assert_eq!(text.subject, "Interview invitation for Data Analyst 4471");
        let body = text.paragraphs.join("\n");
        assert!(
            body.contains("I regret that I must decline because I have accepted a job."),
            "{body}"
        );
        assert!(body.contains("sam@fastmail.example, +1 555 0123"), "{body}");
        assert!(!body.contains("Please reply"), "{body}");
        assert_eq!(text.closing, "Sincerely,");
        assert!(
            text.notation.contains("registered mail"),
            "{}",
            text.notation
        );
    }

    #[test]
    fn a_letter_template_without_its_parts_is_refused_by_name() {
        let t = Templates::default()
            .with_override(TemplateName::Letter, "Dear all,\n\nNo.".into())
            .expect("compiles");
        let inv = invitation(None);
        let err = letter_text(
            &inv,
            inv.primary().expect("primary"),
            &me(),
            DeclineReason::None,
            None,
            &t,
        )
        .expect_err("too short");
        assert!(err.to_string().contains("letter.txt"), "{err}");
    }
}
