//! Writes a sample letter to the path given (default `letter.pdf`) and
//! prints how long the first (cold) and a warm render took.

use std::time::Instant;

use bowout_letter::{LetterInput, Paper, Party, render};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "letter.pdf".to_owned());
    let input = LetterInput {
        sender: Party {
            name: "Dana Whitfield".to_owned(),
            lines: vec!["12 Elm St".to_owned(), "Springfield, IL 62701".to_owned()],
        },
        sender_phone: Some("+1 555 0100".to_owned()),
        sender_email: Some("dana@example.net".to_owned()),
        date: "27 November 2026".to_owned(),
        recipient: Party {
            name: "Zoë #Müller* [x]".to_owned(),
            lines: vec![
                "Recruiter".to_owned(),
                "Acme Analytics".to_owned(),
                "1 Main Street".to_owned(),
                "Chicago, IL 60601".to_owned(),
            ],
        },
        subject: "Interview invitation for Data Analyst R0034567".to_owned(),
        salutation: "Dear Ms. Müller,".to_owned(),
        paragraphs: vec![
            "Thank you for inviting me to interview for the Data Analyst position.".to_owned(),
            "I have accepted a position elsewhere, so I must decline.".to_owned(),
            "Perhaps the timing will be better at some point in the future.".to_owned(),
        ],
        closing: "Sincerely,".to_owned(),
        signature: "Dana Whitfield".to_owned(),
        footer_note: "Sent by registered mail, return receipt requested.".to_owned(),
        lang: "en".to_owned(),
        paper: Paper::Letter,
    };
    let start = Instant::now();
    let pdf = render(&input)?;
    let cold = start.elapsed();
    // Different dates, so typst's memo cache cannot replay an earlier render.
    let runs: u32 = 20;
    let start = Instant::now();
    for day in 1..=runs {
        render(&LetterInput {
            date: format!("{day} December 2026"),
            ..input.clone()
        })?;
    }
    let warm = start.elapsed() / runs;
    println!(
        "cold {cold:?}, warm {warm:?} per letter, {} bytes",
        pdf.len()
    );
    std::fs::write(&out, pdf)?;
    Ok(())
}
