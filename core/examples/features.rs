//! Writes the classifier's features of every labelled message, for `train/train.py`.
//!
//! usage: cargo run --release -p bowout-core --example features -- DIR… > features.jsonl
//!
//! Each DIR holds `.eml` files beside a `labels.json` (the corpus format). The first line
//! names the rules and the number of hash buckets; each other line is one message: its file,
//! its batch (the folder's name), its labelled kind and its sparse features.

#[path = "shared/labelled.rs"]
mod labelled;

use serde_json::{Value, json};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dirs: Vec<String> = std::env::args().skip(1).collect();
    if dirs.is_empty() {
        eprintln!("usage: features DIR… (each with labels.json)");
        return ExitCode::from(2);
    }
    match run(&dirs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("features: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(dirs: &[String]) -> Result<(), String> {
    let (rules, buckets) = bowout_core::ingest::feature_layout();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut line = |v: Value| writeln!(out, "{v}").map_err(|e| e.to_string());
    line(json!({"rules": rules, "buckets": buckets}))?;
    labelled::for_each(dirs, |m| {
        let features = bowout_core::ingest::training_features(&m.raw).unwrap_or_default();
        line(json!({
            "file": m.path,
            "group": m.group,
            "kind": m.label["kind"].as_str().unwrap_or("other"),
            "features": features,
        }))
    })
}
