//! The learned job-title ranker (`core/model/job_title.tsv`, turned into constants at build
//! time): every candidate of [`super::title_candidates`] gets a probability of being the
//! title (a dot product and a logistic); the best one is kept when it is likely enough.

use super::title_candidates::{BUCKETS, FEATURES, TitleCand};
use crate::model::JobTitle;
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/title_model.rs"));

// A model trained for another bucket count is a build error.
const _: () = assert!(RANKER_BUCKETS == BUCKETS);

/// The weights of the named features in the order of [`FEATURES`] (unknown ones weigh 0),
/// then one per hash bucket.
static WEIGHTS: LazyLock<Vec<f32>> = LazyLock::new(|| {
    let mut w: Vec<f32> = FEATURES
        .iter()
        .map(|f| {
            RANKER_FEATURES
                .iter()
                .find(|(id, _)| id == f)
                .map_or(0.0, |(_, w)| *w)
        })
        .collect();
    w.resize(FEATURES.len() + BUCKETS as usize, 0.0);
    for &(b, v) in RANKER_HASHES {
        if let Some(slot) = w.get_mut(FEATURES.len() + b as usize) {
            *slot = v;
        }
    }
    w
});

/// The probability that `cand` is the title.
pub fn probability(cand: &TitleCand) -> f32 {
    let z = cand.features.iter().fold(RANKER_BIAS, |z, &(i, v)| {
        z + WEIGHTS.get(i as usize).copied().unwrap_or(0.0) * v
    });
    1.0 / (1.0 + (-z).exp())
}

/// The most likely candidate, if it reaches the model's threshold; ties go to the first.
pub fn best(cands: Vec<TitleCand>) -> Option<JobTitle> {
    let mut best: Option<(f32, JobTitle)> = None;
    for c in cands {
        let p = probability(&c);
        if best.as_ref().is_none_or(|(q, _)| p > *q) {
            best = Some((p, c.title));
        }
    }
    best.filter(|(p, _)| *p >= RANKER_THRESHOLD).map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_is_laid_out_as_the_candidates_are() {
        for (name, _) in RANKER_FEATURES {
            assert!(
                FEATURES.contains(name),
                "the model names an unknown feature {name}"
            );
        }
    }
}
