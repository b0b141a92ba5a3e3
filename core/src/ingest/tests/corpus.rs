//! Scores `analyze` on the labeled dev corpus and fails below the floors of the issue:
//! classification accuracy 0.95, each extracted field 0.90.

use super::fixtures;
use super::score::{FIELDS, report, score};

#[test]
fn corpus_meets_the_floors() {
    let s = score(&fixtures("corpus"));
    let failed = report("dev corpus", &s, 0.95, &[0.90; FIELDS.len()]);
    assert!(!failed, "corpus scores below the floors (see above)");
}
