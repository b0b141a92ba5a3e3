//! Writes one field's candidates (`job_title` or `employer`) of every labelled invitation and
//! scam, for `train/fields.py`.
//!
//! usage: cargo run --release -p bowout-core --example fields -- FIELD DIR… > FIELD.jsonl
//!
//! Each DIR holds `.eml` files beside a `labels.json` (the corpus format). The first line
//! names the field, its features and the number of hash buckets; each other line is one
//! message: its file, its batch (the folder's name), its labelled value and its candidates,
//! each with its phrase and its sparse features.

#[path = "shared/labelled.rs"]
mod labelled;

use serde_json::{Value, json};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((field, dirs)) = args.split_first().filter(|(_, d)| !d.is_empty()) else {
        eprintln!("usage: fields job_title|employer DIR… (each with labels.json)");
        return ExitCode::from(2);
    };
    match run(field, dirs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fields: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(field: &str, dirs: &[String]) -> Result<(), String> {
    type Candidates = fn(&[u8]) -> Option<Vec<bowout_core::ingest::FieldCandidate>>;
    let ((features, buckets), candidates): (_, Candidates) = match field {
        "job_title" => (
            bowout_core::ingest::title_feature_layout(),
            bowout_core::ingest::training_title_candidates,
        ),
        "employer" => (
            bowout_core::ingest::employer_feature_layout(),
            bowout_core::ingest::training_employer_candidates,
        ),
        other => return Err(format!("unknown field {other:?}: job_title or employer")),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut line = |v: Value| writeln!(out, "{v}").map_err(|e| e.to_string());
    line(json!({"field": field, "features": features, "buckets": buckets}))?;
    labelled::for_each(dirs, |m| {
        if m.label["kind"].as_str().unwrap_or("other") == "other" {
            return Ok(());
        }
        let cands = candidates(&m.raw).unwrap_or_default();
        line(json!({
            "file": m.path,
            "group": m.group,
            "value": m.label[field],
            "candidates": cands
                .iter()
                .map(|c| json!({"text": c.text, "features": c.features}))
                .collect::<Vec<_>>(),
        }))
    })
}
