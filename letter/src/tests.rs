//! The one-page rule, checked against the typesetter itself.

use crate::world::LetterWorld;
use crate::{LetterInput, Party, SIZES_PT, input, render, typeset};

/// A letter whose body is `sentences` sentences in three paragraphs.
fn letter(sentences: usize) -> LetterInput {
    let sentence = "I remain grateful for the opportunity and for your consideration. ";
    LetterInput {
        sender: Party {
            name: "Dana Whitfield".to_owned(),
            lines: vec!["12 Elm St".to_owned(), "Springfield, IL 62701".to_owned()],
        },
        date: "27 November 2026".to_owned(),
        recipient: Party {
            name: "Ana Lee".to_owned(),
            lines: vec!["Acme".to_owned()],
        },
        subject: "Interview invitation".to_owned(),
        salutation: "Dear Ms. Lee,".to_owned(),
        paragraphs: vec![sentence.repeat(sentences.div_ceil(3)); 3],
        closing: "Sincerely,".to_owned(),
        signature: "Dana Whitfield".to_owned(),
        ..LetterInput::default()
    }
}

fn pages_at(input: &LetterInput, size_pt: f64) -> usize {
    let checked = input::check(input).expect("valid letter");
    let document = typeset(&LetterWorld::new(checked.inputs(size_pt))).expect("typesets");
    document.pages().len()
}

#[test]
fn a_body_that_overflows_at_the_first_size_is_shrunk_onto_one_page() {
    let overflowing = (3..=90)
        .step_by(3)
        .map(letter)
        .find(|input| pages_at(input, SIZES_PT[0]) > 1)
        .expect("some body overflows one page at the first size");
    assert_eq!(pages_at(&overflowing, SIZES_PT[1]), 1);
    assert!(render(&overflowing).is_ok());
}

#[test]
fn a_body_that_overflows_at_every_size_is_refused() {
    let input = letter(75);
    assert!(pages_at(&input, SIZES_PT[1]) > 1);
    assert!(matches!(
        render(&input),
        Err(crate::LetterError::DoesNotFit { pages: 2, .. })
    ));
}
