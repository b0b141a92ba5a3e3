//! A good letter: one page, every part present, fonts embedded, data literal.

use std::time::Instant;

use bowout_letter::Paper;

use crate::{poppler, render, sample};

#[test]
fn is_a_pdf_and_reproducible() {
    let first = render(&sample());
    assert!(first.starts_with(b"%PDF-"), "no PDF header");
    assert_eq!(first, render(&sample()), "same input, different bytes");
}

#[test]
fn every_part_is_printed_with_accents_intact() {
    let input = sample();
    let pdf = render(&input);
    let Some(text) = poppler::text(&pdf) else {
        return;
    };
    let mut parts = vec![
        input.sender.name.clone(),
        input.date.clone(),
        input.recipient.name.clone(),
        input.subject.clone(),
        input.salutation.clone(),
        input.closing.clone(),
        input.footer_note.clone(),
    ];
    parts.extend(input.sender.lines.iter().cloned());
    parts.extend(input.recipient.lines.iter().cloned());
    parts.extend(input.paragraphs.iter().cloned());
    parts.extend(input.sender_phone.iter().cloned());
    parts.extend(input.sender_email.iter().cloned());
    for part in parts {
        assert!(text.contains(&part), "missing {part:?} in {text:?}");
    }
    // The signature name appears twice: letterhead and signature block.
    assert_eq!(text.matches(&input.signature).count(), 2, "{text:?}");
}

#[test]
fn exactly_one_page_in_the_chosen_paper() {
    for (paper, size) in [
        (Paper::Letter, "612 x 792 pts"),
        (Paper::A4, "595.276 x 841.89 pts"),
    ] {
        let pdf = render(&bowout_letter::LetterInput { paper, ..sample() });
        let Some(pages) = poppler::info(&pdf, "Pages") else {
            return;
        };
        assert_eq!(pages, "1");
        let found = poppler::info(&pdf, "Page size").unwrap_or_default();
        assert!(found.starts_with(size), "{paper:?}: page size {found}");
    }
}

#[test]
fn every_font_is_embedded() {
    let pdf = render(&sample());
    let Some(fonts) = poppler::fonts(&pdf) else {
        return;
    };
    assert!(!fonts.is_empty(), "no fonts listed");
    for (name, embedded) in fonts {
        assert!(embedded, "font {name} is not embedded");
    }
}

#[test]
fn markup_in_user_data_stays_literal() {
    let hostile = [
        "Zoë #Müller* [x]",
        "#panic(\"boom\") $x^2$ _under_ `raw`",
        "<label> @ref // not a comment \\ backslash",
        "= Not a heading",
        "- not a list #{1 + 1}",
    ];
    let mut input = sample();
    input.recipient.name = hostile[0].to_owned();
    input.sender.lines = hostile[1..3].iter().map(|s| (*s).to_owned()).collect();
    input.paragraphs = hostile[3..].iter().map(|s| (*s).to_owned()).collect();
    input.subject = "#set page(width: 1cm) ]] )".to_owned();
    let pdf = render(&input);
    let Some(text) = poppler::text(&pdf) else {
        return;
    };
    for part in hostile.iter().copied().chain([input.subject.as_str()]) {
        assert!(text.contains(part), "missing {part:?} in {text:?}");
    }
}

#[test]
fn line_breaks_inside_fields_become_spaces() {
    let mut input = sample();
    input.recipient.name = "Begoña\r\nNúñez".to_owned();
    let pdf = render(&input);
    let Some(text) = poppler::text(&pdf) else {
        return;
    };
    assert!(text.contains("Begoña Núñez"), "{text:?}");
}

/// Not a benchmark: prints the warm render time for the record, and fails
/// only when something is badly wrong.
#[test]
fn renders_quickly_once_fonts_are_loaded() {
    bowout_letter::warm_up();
    let input = sample();
    render(&input);
    let start = Instant::now();
    let runs = 5;
    for _ in 0..runs {
        render(&input);
    }
    let each = start.elapsed() / runs;
    eprintln!("warm render: {each:?} per letter");
    assert!(each.as_secs() < 5, "a render took {each:?}");
}
