//! Golden fixtures: each `.eml` beside a `.json` holding the keys that must match. Only the
//! keys present in the `.json` are compared, so a fixture states what it is about and nothing
//! more. `tests/fixtures/ingest` holds the classic ones; [`check_dir`] serves other folders.

use super::fixtures;
use crate::ingest::analyze;
use serde_json::Value;
use std::path::Path;

/// Compares every `.eml` in `dir` with its `.json` twin; returns how many were checked and
/// one line per mismatching key.
pub fn check_dir(dir: &Path) -> (usize, Vec<String>) {
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for eml in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
    {
        let want: Value =
            serde_json::from_slice(&std::fs::read(eml.with_extension("json")).expect("json twin"))
                .expect("json");
        let got =
            serde_json::to_value(analyze(&std::fs::read(eml).expect("eml"))).expect("serialise");
        for (k, v) in want.as_object().expect("object") {
            if &got[k] != v {
                failures.push(format!("{}: {k}: got {} want {v}", eml.display(), got[k]));
            }
        }
        checked += 1;
    }
    (checked, failures)
}

#[test]
fn golden_fixtures_match() {
    let (checked, failures) = check_dir(&fixtures("ingest"));
    assert!(checked >= 5, "too few golden fixtures");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
