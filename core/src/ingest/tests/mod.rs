//! Ingest tests over files: the labeled corpus (scored against floors), golden fixtures
//! (`.eml` beside the expected `.json`), and mail written by others that must not panic.

mod corpus;
mod golden;
mod holdout;
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
