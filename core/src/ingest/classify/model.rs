//! The learned weights (`core/model/classifier.tsv`, turned into constants at build time) and
//! inference: a dot product per kind, a softmax with the calibrating temperature, and the two
//! thresholds of the review tier. No single feature decides alone: training caps every weight.

use super::features::Words;
use super::rules::RULES;
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/model_data.rs"));

/// Index of each kind in the weight triples.
pub const INVITATION: usize = 0;
pub const SCAM: usize = 1;
pub const OTHER: usize = 2;

/// The rule weights in the order of the rule table (a rule the model does not know weighs 0).
static BY_RULE: LazyLock<Vec<[f32; 3]>> = LazyLock::new(|| {
    RULES
        .iter()
        .map(|r| {
            RULE_WEIGHTS
                .iter()
                .find(|(id, _)| *id == r.id)
                .map_or([0.0; 3], |(_, w)| *w)
        })
        .collect()
});

fn hash_weight(bucket: u32) -> [f32; 3] {
    HASH_WEIGHTS
        .binary_search_by_key(&bucket, |(b, _)| *b)
        .map_or([0.0; 3], |i| HASH_WEIGHTS[i].1)
}

/// One feature's part in the decision.
#[derive(Debug, Clone)]
pub struct Contribution {
    /// What fired.
    pub what: Feature,
    /// Its weights times its value, per kind.
    pub logits: [f64; 3],
}

/// A rule (its index in the table) or a word feature (its index among the message's words).
#[derive(Debug, Clone, Copy)]
pub enum Feature {
    Rule(usize),
    Word(usize),
}

impl Feature {
    /// What evidence says of it: a rule's id and description, or the word feature.
    pub fn describe(self, words: &Words) -> String {
        match self {
            Self::Rule(i) => RULES
                .get(i)
                .map_or_else(String::new, |r| format!("{} ({})", r.id, r.description)),
            Self::Word(i) => words
                .items
                .get(i)
                .map_or_else(String::new, |h| format!("word {}", words.token(h))),
        }
    }
}

pub struct Prediction {
    /// Calibrated probabilities of invitation, scam, other.
    pub p: [f64; 3],
    pub contributions: Vec<Contribution>,
}

pub fn predict(fired: &[usize], words: &Words) -> Prediction {
    let mut z = BIAS.map(f64::from);
    let mut contributions = Vec::with_capacity(fired.len() + words.items.len());
    for &i in fired {
        let Some(w) = BY_RULE.get(i) else {
            continue;
        };
        let logits = w.map(f64::from);
        for k in 0..3 {
            z[k] += logits[k];
        }
        contributions.push(Contribution {
            what: Feature::Rule(i),
            logits,
        });
    }
    for (i, h) in words.items.iter().enumerate() {
        let bucket = h.bucket % MODEL_BUCKETS;
        let logits = hash_weight(bucket).map(|w| f64::from(w) * f64::from(h.value));
        for k in 0..3 {
            z[k] += logits[k];
        }
        contributions.push(Contribution {
            what: Feature::Word(i),
            logits,
        });
    }
    Prediction {
        p: softmax(z, f64::from(TEMPERATURE)),
        contributions,
    }
}

fn softmax(z: [f64; 3], t: f64) -> [f64; 3] {
    let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e = z.map(|v| ((v - max) / t).exp());
    let sum: f64 = e.iter().sum();
    e.map(|v| v / sum)
}

/// The review band: below `REVIEW.0` a message is surely not an invitation, at or above
/// `REVIEW.1` surely one; in between the user is asked.
pub fn review_band() -> (f64, f64) {
    (f64::from(REVIEW.0), f64::from(REVIEW.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probabilities_sum_to_one() {
        let p = softmax([2.0, -1.0, 0.5], 1.3);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(p[0] > p[2] && p[2] > p[1]);
    }

    #[test]
    fn the_model_knows_every_rule_and_no_other() {
        if RULE_WEIGHTS.is_empty() {
            return; // an untrained placeholder model: nothing to compare
        }
        for r in RULES {
            assert!(
                RULE_WEIGHTS.iter().any(|(id, _)| *id == r.id),
                "rule {} has no weight: retrain the model",
                r.id
            );
        }
        for (id, _) in RULE_WEIGHTS {
            assert!(
                RULES.iter().any(|r| r.id == *id),
                "the model weighs {id}, which is not in the rule table: retrain"
            );
        }
    }

    #[test]
    fn no_single_feature_decides_alone() {
        let max = RULE_WEIGHTS
            .iter()
            .flat_map(|(_, w)| w.iter())
            .chain(HASH_WEIGHTS.iter().flat_map(|(_, w)| w.iter()))
            .fold(0.0f32, |m, w| m.max(w.abs()));
        assert!(
            max <= 4.0 + 1e-4,
            "a weight of {max} could decide a message alone"
        );
    }
}
