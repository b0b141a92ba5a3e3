//! The scorer shared by the labeled sets (dev corpus, held-out set): one `labels.json` in
//! the corpus format beside its `.eml` files, scored field by field.
//!
//! A field is scored on every message that is an invitation or scam by its label *or* by the
//! prediction, so a wrong classification costs every field too. Strings compare trimmed and
//! case-folded; contacts compare by name and email (roles are free text and not scored).

use crate::ingest::{Analysis, analyze};
use serde_json::Value;
use std::path::Path;

/// The extracted fields, in `labels.json` order.
pub const FIELDS: &[&str] = &[
    "employer",
    "agency",
    "job_title",
    "requisition",
    "round",
    "primary_contact",
    "other_contacts",
    "phone",
    "scheduling_link",
];

/// The result of scoring one labeled set.
pub struct Scores {
    pub accuracy: f64,
    /// Messages in the set, and those scored field by field (invitations and scams by their
    /// label or by the prediction).
    pub messages: usize,
    pub scored: usize,
    /// Per field of [`FIELDS`], the share of scored messages that match.
    pub fields: Vec<f64>,
    pub misses: Vec<String>,
}

fn norm(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(s.trim().to_lowercase()),
        other => other.clone(),
    }
}

fn field(a: &Analysis, name: &str) -> Value {
    let v = serde_json::to_value(a).unwrap_or(Value::Null);
    v.get(name).cloned().unwrap_or(Value::Null)
}

fn same(name: &str, got: &Value, want: &Value) -> bool {
    match name {
        "primary_contact" => match (got, want) {
            (Value::Null, Value::Null) => true,
            (Value::Object(g), Value::Object(w)) => {
                norm(&g["name"]) == norm(&w["name"]) && norm(&g["email"]) == norm(&w["email"])
            }
            _ => false,
        },
        "other_contacts" => {
            let key = |v: &Value| -> Vec<(Value, Value)> {
                let mut k: Vec<(Value, Value)> = v
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .map(|c| (norm(&c["name"]), norm(&c["email"])))
                            .collect()
                    })
                    .unwrap_or_default();
                k.sort_by_key(|(n, e)| format!("{n}{e}"));
                k
            };
            key(got) == key(want)
        }
        _ => norm(got) == norm(want),
    }
}

/// Scores `analyze` on every message listed in `dir/labels.json`.
pub fn score(dir: &Path) -> Scores {
    let labels: Vec<Value> =
        serde_json::from_slice(&std::fs::read(dir.join("labels.json")).expect("labels.json"))
            .expect("labels parse");
    let (mut right, mut scored) = (0usize, 0usize);
    let mut hits = vec![0usize; FIELDS.len()];
    let mut misses = Vec::new();
    for label in &labels {
        let file = label["file"].as_str().expect("file");
        let raw = std::fs::read(dir.join(file)).expect("eml");
        let got = analyze(&raw);
        let want_kind = label["kind"].as_str().unwrap_or("");
        if got.kind.as_str() == want_kind {
            right += 1;
        } else {
            misses.push(format!(
                "{file} kind: got {} want {want_kind} | {:?}",
                got.kind.as_str(),
                got.evidence
            ));
        }
        if want_kind == "other" && got.kind.as_str() == "other" {
            continue;
        }
        scored += 1;
        for (i, f) in FIELDS.iter().enumerate() {
            let g = field(&got, f);
            if same(f, &g, &label[*f]) {
                hits[i] += 1;
            } else {
                misses.push(format!("{file} {f}: got {g} want {}", label[*f]));
            }
        }
    }
    Scores {
        accuracy: right as f64 / labels.len().max(1) as f64,
        messages: labels.len(),
        scored,
        fields: hits
            .iter()
            .map(|h| *h as f64 / scored.max(1) as f64)
            .collect(),
        misses,
    }
}
