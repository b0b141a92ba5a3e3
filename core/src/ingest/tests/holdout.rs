//! Scores `analyze` on the held-out set (`tests/fixtures/holdout`), written apart from the
//! rules to measure how they generalise. Its floors sit just under what the extractor
//! reaches (0.989 classification, 0.96–1.00 per field), so a change that trades held-out
//! accuracy for dev-corpus accuracy shows up here.
//!
//! These numbers are after fixing the failures the set exposed, so they overstate accuracy
//! on unseen mail: each batch written after a round of fixes scored 0.75–0.80 on
//! classification at its first run (see the set's README). Add fresh messages rather than
//! reading these floors as a forecast.

use super::fixtures;
use super::score::{FIELDS, report, score};

/// Classification accuracy floor on the held-out set.
const ACCURACY: f64 = 0.97;
/// Per-field floor, the same for every field of `score::FIELDS`.
const FIELD_FLOOR: f64 = 0.95;

#[test]
fn holdout_meets_its_floors() {
    let s = score(&fixtures("holdout"));
    let failed = report("held-out", &s, ACCURACY, &[FIELD_FLOOR; FIELDS.len()]);
    assert!(!failed, "held-out scores below the floors (see above)");
}

/// The fourth batch (`holdout-batch4`, a UK nurse's mailbox), scored at 0.700 on
/// classification before any rule changed for it; the floors sit under what it reaches now.
#[test]
fn batch4_meets_its_floors() {
    let s = score(&fixtures("holdout-batch4"));
    let failed = report("held-out batch 4", &s, 0.92, &[0.5; FIELDS.len()]);
    assert!(!failed, "held-out batch 4 below its floors (see above)");
}
