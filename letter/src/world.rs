//! The smallest `typst::World` that can typeset the letter.
//!
//! It sees exactly one source file (the template compiled into this crate),
//! the fonts bundled with `typst-assets`, and the inputs of one render. It has
//! no files, no packages, no network and no clock, so a render depends on its
//! input alone and the same input always gives the same bytes.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The letter template, parsed once per process.
static TEMPLATE: LazyLock<Source> = LazyLock::new(|| Source::detached(include_str!("letter.typ")));

/// The bundled fonts, parsed once per process: loading them is the slow part
/// of a first render, and they never change.
static FONTS: LazyLock<FontSet> = LazyLock::new(FontSet::load);

struct FontSet {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl FontSet {
    fn load() -> Self {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Self { book, fonts }
    }
}

/// Whether some bundled font has a glyph for `c`. Typst would otherwise print
/// an empty box silently; the caller turns `false` into a clear error.
pub(crate) fn printable(c: char) -> bool {
    FONTS
        .fonts
        .iter()
        .any(|font| font.info().coverage.contains(u32::from(c)))
}

/// Loads the fonts now, so that a caller can pay for it at start-up instead
/// of on the first render.
pub(crate) fn warm_up() {
    LazyLock::force(&FONTS);
    LazyLock::force(&TEMPLATE);
}

/// One render's world: the shared template and fonts plus this letter's data.
pub(crate) struct LetterWorld {
    library: LazyHash<Library>,
}

impl LetterWorld {
    /// A world whose `sys.inputs` is `inputs`.
    pub(crate) fn new(inputs: Dict) -> Self {
        let library = Library::builder().with_inputs(inputs).build();
        Self {
            library: LazyHash::new(library),
        }
    }
}

impl World for LetterWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        TEMPLATE.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == TEMPLATE.id() {
            Ok(TEMPLATE.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == TEMPLATE.id() {
            Ok(Bytes::from_string(TEMPLATE.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    /// No clock: the letter's date is text the caller supplies, which keeps
    /// renders reproducible.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}
