//! Correcting and removing records: `edit`, `contact add|edit|remove|primary`, `dismiss`,
//! `undismiss`, `delete`, likely duplicates in `add` and `import`, and `referral
//! list|edit|remove`. Every correction is on the timeline, and drafts written before it are
//! never sent.

mod contact;
mod duplicates;
mod edit;
mod referral;
mod removal;

use crate::harness::Env;
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

/// How a run on a terminal ended: its exit status and everything it wrote there (standard
/// output and error together, the question and the echoed answer included).
pub struct TerminalRun {
    pub code: i32,
    pub screen: String,
}

/// Runs `bowout --home <home> ARGS…` with a terminal as its standard input (through
/// util-linux `script`), typing `input`.
pub fn run_on_terminal(env: &Env, args: &[&str], input: &str) -> TerminalRun {
    let inner = env.command();
    let quote = |s: &std::ffi::OsStr| format!("'{}'", s.to_string_lossy().replace('\'', r"'\''"));
    let mut line = quote(inner.get_program());
    for a in inner.get_args() {
        line.push(' ');
        line.push_str(&quote(a));
    }
    for a in args {
        line.push(' ');
        line.push_str(&quote(std::ffi::OsStr::new(a)));
    }
    let mut cmd = Command::new("script");
    cmd.env_clear();
    for (k, v) in inner.get_envs() {
        if let Some(v) = v {
            cmd.env(k, v);
        }
    }
    let mut child = cmd
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run script (util-linux)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("type the answer");
    let out = child.wait_with_output().expect("wait for script");
    TerminalRun {
        code: out.status.code().unwrap_or(-1),
        screen: String::from_utf8_lossy(&out.stdout).replace('\r', ""),
    }
}

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

/// The ids `list --json` (or `list --all --json`) shows.
pub fn listed(env: &Env, all: bool) -> Vec<String> {
    let mut args = vec!["--json", "list"];
    if all {
        args.push("--all");
    }
    env.run(args)
        .ok()
        .json()
        .as_array()
        .expect("list")
        .iter()
        .map(|i| i["id"].as_str().expect("id").to_string())
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
