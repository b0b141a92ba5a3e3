//! Writes the job-title candidates of every labelled invitation and scam, for
//! `train/fields.py`.
//!
//! usage: cargo run --release -p bowout-core --example fields -- DIR… > title.jsonl
//!
//! Each DIR holds `.eml` files beside a `labels.json` (the corpus format). The first line
//! names the features and the number of hash buckets; each other line is one message: its
//! file, its batch (the folder's name), its labelled title and its candidates, each with its
//! phrase and its sparse features.

use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dirs: Vec<String> = std::env::args().skip(1).collect();
    if dirs.is_empty() {
        eprintln!("usage: fields DIR… (each with labels.json)");
        return ExitCode::from(2);
    }
    match run(&dirs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fields: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(dirs: &[String]) -> Result<(), String> {
    let (features, buckets) = bowout_core::ingest::title_feature_layout();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut line = |v: Value| writeln!(out, "{v}").map_err(|e| e.to_string());
    line(json!({"features": features, "buckets": buckets}))?;
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
            if label["kind"].as_str().unwrap_or("other") == "other" {
                continue;
            }
            let file = label["file"]
                .as_str()
                .ok_or_else(|| format!("{}: a label without a file", labels_path.display()))?;
            let path = dir.join(file);
            let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let cands = bowout_core::ingest::training_title_candidates(&raw).unwrap_or_default();
            line(json!({
                "file": path.display().to_string(),
                "group": group,
                "title": label["job_title"],
                "candidates": cands
                    .iter()
                    .map(|c| json!({"text": c.text, "features": c.features}))
                    .collect::<Vec<_>>(),
            }))?;
        }
    }
    Ok(())
}
