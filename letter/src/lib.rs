//! bowout-letter: the formal decline letter as a one-page PDF.
//!
//! The typesetter (typst, with its bundled fonts) is the heaviest dependency
//! of bowout, so it lives alone in this crate and compiles once. The API is
//! strings in, bytes out: the caller formats dates and chooses the words;
//! this crate only lays them out.
//!
//! - User data reaches the template through `sys.inputs`, never as markup, so
//!   `#`, `*`, `[`, `$` and friends print literally.
//! - Fonts (Libertinus Serif and friends) are embedded; any character the
//!   fonts cannot print is refused with [`LetterError::UnsupportedCharacter`]
//!   rather than printed as an empty box.
//! - The letter is always exactly one page. Body text is set at 11 pt; when
//!   that overflows, one retry at 10 pt, and if the letter still does not
//!   fit, [`LetterError::DoesNotFit`]. Never a second page.
//! - Output is reproducible: no clock, no creation date, so the same input
//!   gives the same bytes (and the same hash in the evidence record).

mod input;
#[cfg(test)]
mod tests;
mod world;

use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::world::LetterWorld;

/// Body text sizes tried in order, in points: the first that fits one page wins.
const SIZES_PT: [f64; 2] = [11.0, 10.0];

/// Who sends or receives the letter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Party {
    /// The person's name, the first line of the address block.
    pub name: String,
    /// The rest of the block: role, organisation, postal address lines.
    /// Empty lines are skipped.
    pub lines: Vec<String>,
}

/// The paper size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Paper {
    /// US Letter, 8.5 × 11 in.
    #[default]
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

/// Everything printed on the letter, already worded and formatted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterInput {
    /// Letterhead: the sender's name and postal address.
    pub sender: Party,
    /// Printed in the letterhead when given.
    pub sender_phone: Option<String>,
    /// Printed in the letterhead when given.
    pub sender_email: Option<String>,
    /// Already formatted, e.g. "27 November 2026".
    pub date: String,
    /// The inside address.
    pub recipient: Party,
    /// E.g. "Interview invitation for Data Analyst R0034567"; printed bold.
    pub subject: String,
    /// E.g. "Dear Ms. Lee,".
    pub salutation: String,
    /// Body paragraphs; empty ones are skipped, at least one is required.
    pub paragraphs: Vec<String>,
    /// E.g. "Sincerely,".
    pub closing: String,
    /// The sender's name under the space left for the handwritten signature.
    pub signature: String,
    /// A notation under the signature, e.g. "Sent by registered mail, return
    /// receipt requested."; nothing is printed when empty.
    pub footer_note: String,
    /// US Letter or A4.
    pub paper: Paper,
    /// The language's ISO 639-1 code (`en`, `fr`, `de`…), for the typesetter's language
    /// rules; English when empty.
    pub lang: String,
}

/// Why a letter could not be rendered. Each message names the field at fault.
#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    /// A required field is empty (after trimming).
    #[error("the letter's {field} is empty")]
    Missing { field: String },
    /// A field is longer than any sensible letter needs.
    #[error("the letter's {field} is too long: {len} characters, at most {max}")]
    TooLong {
        field: String,
        len: usize,
        max: usize,
    },
    /// A list (address lines, paragraphs) has too many entries.
    #[error("the letter's {field} has too many entries: {count}, at most {max}")]
    TooMany {
        field: String,
        count: usize,
        max: usize,
    },
    /// No bundled font can print this character.
    #[error("the letter's {field} contains {ch:?} (U+{:04X}), which its fonts cannot print", u32::from(*ch))]
    UnsupportedCharacter { field: String, ch: char },
    /// The content needs more than one page even at the smallest text size.
    #[error(
        "the letter does not fit on one page ({pages} pages at {size_pt} pt); shorten the body"
    )]
    DoesNotFit { pages: usize, size_pt: f64 },
    /// The typesetter reported errors; a bug in the template, not the input.
    #[error("typesetting the letter failed: {0}")]
    Typeset(String),
    /// Writing the PDF failed.
    #[error("writing the letter's PDF failed: {0}")]
    Pdf(String),
}

/// Renders the letter as a one-page PDF.
///
/// The first call in a process also loads the bundled fonts (see [`warm_up`]).
pub fn render(input: &LetterInput) -> Result<Vec<u8>, LetterError> {
    let checked = input::check(input)?;
    let mut pages = 0;
    let mut size_pt = SIZES_PT[0];
    for size in SIZES_PT {
        size_pt = size;
        let document = typeset(&LetterWorld::new(checked.inputs(size)))?;
        pages = document.pages().len();
        if pages == 1 {
            return export(&document);
        }
    }
    Err(LetterError::DoesNotFit { pages, size_pt })
}

/// Loads the fonts and parses the template ahead of the first [`render`],
/// e.g. on a background thread at start-up.
pub fn warm_up() {
    world::warm_up();
}

fn typeset(world: &LetterWorld) -> Result<PagedDocument, LetterError> {
    let result = typst::compile::<PagedDocument>(world).output;
    // Keep typst's memo cache from growing across many renders in a server.
    typst::comemo::evict(10);
    result.map_err(|errors| {
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        LetterError::Typeset(messages.join("; "))
    })
}

fn export(document: &PagedDocument) -> Result<Vec<u8>, LetterError> {
    let options = PdfOptions {
        creator: Smart::Custom(Some("bowout".to_owned())),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        LetterError::Pdf(messages.join("; "))
    })
}
