//! Renders letters and reads them back with poppler-utils.

mod bad_input;
mod layout;
mod poppler;

use bowout_letter::{LetterInput, Paper, Party};

/// A complete letter with accented names in every block.
pub fn sample() -> LetterInput {
    LetterInput {
        sender: Party {
            name: "Zoë Müller-Łukasiewicz".to_owned(),
            lines: vec![
                "Hauptstraße 5".to_owned(),
                "80331 München, Germany".to_owned(),
            ],
        },
        sender_phone: Some("+49 89 555 0100".to_owned()),
        sender_email: Some("zoe@example.net".to_owned()),
        date: "27 November 2026".to_owned(),
        recipient: Party {
            name: "Begoña Núñez".to_owned(),
            lines: vec![
                "Talent Acquisition Partner".to_owned(),
                "Crème Brûlée Analytics S.A.".to_owned(),
                "Calle de Alcalá 42".to_owned(),
                "28014 Madrid, Spain".to_owned(),
            ],
        },
        subject: "Interview invitation for Data Analyst R0034567".to_owned(),
        salutation: "Dear Ms. Núñez,".to_owned(),
        paragraphs: vec![
            "Thank you for inviting me to interview for the Data Analyst position. \
             I appreciate the time you and the team have taken to consider me."
                .to_owned(),
            "After careful thought, I have decided to withdraw from consideration. \
             This field is not a good fit for me at this point in my career."
                .to_owned(),
            "Perhaps the timing will be better at some point in the future.".to_owned(),
        ],
        closing: "Sincerely,".to_owned(),
        signature: "Zoë Müller-Łukasiewicz".to_owned(),
        footer_note: "Sent by registered mail, return receipt requested.".to_owned(),
        lang: "en".to_owned(),
        paper: Paper::Letter,
    }
}

/// Renders `input`, failing the test with the error's message.
pub fn render(input: &LetterInput) -> Vec<u8> {
    match bowout_letter::render(input) {
        Ok(pdf) => pdf,
        Err(err) => panic!("render failed: {err}"),
    }
}
