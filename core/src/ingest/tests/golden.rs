//! Golden fixtures: each `tests/fixtures/ingest/*.eml` beside a `.json` holding the keys that
//! must match. Only the keys present in the `.json` are compared, so a fixture states what
//! it is about and nothing more.

use super::fixtures;
use crate::ingest::analyze;
use serde_json::Value;

#[test]
fn golden_fixtures_match() {
    let dir = fixtures("ingest");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/ingest")
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
    assert!(checked >= 5, "too few golden fixtures");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
