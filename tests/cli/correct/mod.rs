//! Correcting records: `edit` and `contact add|edit|remove|primary`. Every correction is on
//! the timeline, and drafts written before it are never sent.

mod contact;
mod edit;

use crate::harness::Env;
use serde_json::Value;

/// The details of the timeline events of `kind`.
pub fn details(shown: &Value, kind: &str) -> Vec<String> {
    shown["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter(|e| e["kind"] == kind)
        .map(|e| e["detail"].as_str().expect("detail").to_string())
        .collect()
}

/// `drafts --json` of the invitation.
pub fn drafts(env: &Env, id: &str) -> Vec<Value> {
    env.run(["--json", "drafts", id])
        .ok()
        .json()
        .as_array()
        .expect("drafts")
        .clone()
}

/// `send --eml-dir` into a fresh folder of the home; the run, to check.
pub fn export(env: &Env, id: &str) -> crate::harness::Run {
    let dir = env.path(&format!("eml-{}", crate::harness::unique_suffix()));
    env.run(["send", id, "--eml-dir", dir.to_str().expect("utf-8")])
}
