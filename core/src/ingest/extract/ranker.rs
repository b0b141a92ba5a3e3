//! A learned field ranker: the candidates of a field (job title, employer) each get a
//! probability of being the answer from a binary logistic regression over named and hashed
//! features, and the best one is kept when it is likely enough. The weights are committed as
//! `core/model/<field>.tsv` (written by `train/fields.py`) and turned into constants at build
//! time; inference is a dot product.

use crate::fnv::Fnv;

/// One committed model, as the build script writes it.
pub struct RankerData {
    pub buckets: u32,
    pub bias: f32,
    pub threshold: f32,
    pub features: &'static [(&'static str, f32)],
    pub hashes: &'static [(u32, f32)],
}

include!(concat!(env!("OUT_DIR"), "/rankers.rs"));

/// A model laid out for one field's feature names: one weight per named feature (a name the
/// model does not know weighs 0), then one per hash bucket.
pub struct Ranker {
    data: &'static RankerData,
    weights: Vec<f32>,
}

impl Ranker {
    /// `names` are the field's named features, in the order of their indices.
    pub fn new(data: &'static RankerData, names: &[&str]) -> Self {
        let mut weights: Vec<f32> = names
            .iter()
            .map(|n| {
                data.features
                    .iter()
                    .find(|(id, _)| id == n)
                    .map_or(0.0, |(_, w)| *w)
            })
            .collect();
        weights.resize(names.len() + data.buckets as usize, 0.0);
        for &(b, v) in data.hashes {
            if let Some(slot) = weights.get_mut(names.len() + b as usize) {
                *slot = v;
            }
        }
        Self { data, weights }
    }

    /// The named features of the model that `names` lacks: a model trained for another
    /// layout (a test keeps this empty for every field).
    #[cfg(test)]
    pub fn unknown_features(data: &'static RankerData, names: &[&str]) -> Vec<&'static str> {
        data.features
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| !names.contains(n))
            .collect()
    }

    /// The probability that a candidate with these features is the answer.
    pub fn probability(&self, features: &[(u32, f32)]) -> f32 {
        let z = features.iter().fold(self.data.bias, |z, &(i, v)| {
            z + self.weights.get(i as usize).copied().unwrap_or(0.0) * v
        });
        1.0 / (1.0 + (-z).exp())
    }

    /// The most likely candidate, if it reaches the model's threshold; ties go to the first.
    pub fn best<T>(&self, cands: impl IntoIterator<Item = (T, Vec<(u32, f32)>)>) -> Option<T> {
        let mut best: Option<(f32, T)> = None;
        for (c, f) in cands {
            let p = self.probability(&f);
            if best.as_ref().is_none_or(|(q, _)| p > *q) {
                best = Some((p, c));
            }
        }
        best.filter(|(p, _)| *p >= self.data.threshold)
            .map(|(_, c)| c)
    }
}

/// Hash buckets of every ranker's hashed words.
pub const BUCKETS: u32 = 4096;

// A model trained for another bucket count is a build error.
const _: () = assert!(JOB_TITLE_MODEL.buckets == BUCKETS && EMPLOYER_MODEL.buckets == BUCKETS);

/// Sparse features: the named ones that are on (their index in `names`), then the buckets of
/// the hashed words after them, each once, in order.
pub fn encode(names: &[&str], on: &[&str], hashed: &[String]) -> Vec<(u32, f32)> {
    let mut idx: Vec<u32> = on
        .iter()
        .filter_map(|k| names.iter().position(|f| f == k))
        .map(|i| i as u32)
        .collect();
    let base = names.len() as u32;
    idx.extend(
        hashed
            .iter()
            .map(|h| base + (Fnv::new().bytes(h.as_bytes()).value() % u64::from(BUCKETS)) as u32),
    );
    idx.sort_unstable();
    idx.dedup();
    idx.into_iter().map(|i| (i, 1.0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_lists_each_feature_once_in_order() {
        let f = encode(&["a", "b"], &["b", "a", "b"], &["x".into(), "x".into()]);
        assert_eq!(f.len(), 3);
        assert!(f.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(&f[..2], &[(0, 1.0), (1, 1.0)]);
    }
}
