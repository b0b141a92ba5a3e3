//! Writes the classifier's features of every labelled message, for `train/train.py`.
//!
//! usage: cargo run --release -p bowout-core --example features -- DIR… > features.jsonl
//!
//! Each DIR holds `.eml` files beside a `labels.json` (the corpus format). The first line
//! names the rules and the number of hash buckets; each other line is one message: its file,
//! its batch (the folder's name), its labelled kind and its sparse features.

use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;
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
    for dir in dirs {
        let dir = Path::new(dir);
        let group = dir
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("{}: not a folder name", dir.display()))?;
        let labels_path = dir.join("labels.json");
        let text = std::fs::read_to_string(&labels_path)
            .map_err(|e| format!("{}: {e}", labels_path.display()))?;
        let labels: Vec<Value> =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", labels_path.display()))?;
        for label in &labels {
            let file = label["file"]
                .as_str()
                .ok_or_else(|| format!("{}: a label without a file", labels_path.display()))?;
            let kind = label["kind"].as_str().unwrap_or("other");
            let path = dir.join(file);
            let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let features = bowout_core::ingest::training_features(&raw).unwrap_or_default();
            line(json!({
                "file": path.display().to_string(),
                "group": group,
                "kind": kind,
                "features": features,
            }))?;
        }
    }
    Ok(())
}
