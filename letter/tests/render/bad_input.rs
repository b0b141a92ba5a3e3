//! Input the letter cannot take gets a clear error naming the field.

use bowout_letter::{LetterError, render};

use crate::sample;

fn error_of(input: &bowout_letter::LetterInput) -> LetterError {
    match render(input) {
        Ok(_) => panic!("rendered a letter that should have been refused"),
        Err(err) => err,
    }
}

#[test]
fn an_empty_required_field_is_named() {
    let mut input = sample();
    input.recipient.name = " \n ".to_owned();
    let err = error_of(&input);
    assert!(matches!(err, LetterError::Missing { .. }), "{err:?}");
    assert_eq!(err.to_string(), "the letter's recipient name is empty");

    let mut input = sample();
    input.paragraphs = vec![String::new()];
    assert!(matches!(error_of(&input), LetterError::Missing { .. }));
}

#[test]
fn absurd_sizes_are_refused_before_typesetting() {
    let mut input = sample();
    input.subject = "x".repeat(10_000_000);
    let err = error_of(&input);
    assert!(matches!(err, LetterError::TooLong { .. }), "{err:?}");
    assert!(err.to_string().contains("subject"), "{err}");

    let mut input = sample();
    input.recipient.lines = vec!["line".to_owned(); 1_000];
    assert!(matches!(error_of(&input), LetterError::TooMany { .. }));

    let mut input = sample();
    input.paragraphs = vec!["word ".repeat(399); 10];
    assert!(matches!(error_of(&input), LetterError::TooLong { .. }));
}

#[test]
fn a_body_too_long_for_one_page_is_an_error_not_a_second_page() {
    let mut input = sample();
    let sentence = "I remain grateful for the opportunity and for your consideration. ";
    input.paragraphs = vec![sentence.repeat(26); 3];
    let err = error_of(&input);
    assert!(matches!(err, LetterError::DoesNotFit { .. }), "{err:?}");
    assert!(err.to_string().contains("one page"), "{err}");
}

#[test]
fn characters_without_a_glyph_are_refused() {
    for name in ["Dana 🙂", "李小龍"] {
        let mut input = sample();
        input.sender.name = name.to_owned();
        let err = error_of(&input);
        assert!(
            matches!(err, LetterError::UnsupportedCharacter { .. }),
            "{name}: {err:?}"
        );
        assert!(err.to_string().contains("sender name"), "{err}");
    }
}
