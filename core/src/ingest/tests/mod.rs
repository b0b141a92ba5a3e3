//! Ingest tests over files: every labelled folder (scored against floors, with rule hits),
//! golden fixtures (`.eml` beside the expected `.json`), long realistic mail, mail written by
//! others or corrupted on purpose that must not panic, and the shape of the ingest source's
//! imports.

mod golden;
mod labelled;
mod layers;
mod long;
mod robustness;
mod score;

use std::path::PathBuf;

/// `tests/fixtures/<sub>` at the workspace root.
pub fn fixtures(sub: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join("fixtures")
        .join(sub)
}
