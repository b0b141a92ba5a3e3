//! The analysis of every stored message as JSON lines, for comparing the classifier's output
//! before and after a change that must not alter it (a restructuring, a new word list shared
//! by two rules). Ignored by default; run it with
//!
//! ```text
//! INGEST_DUMP=/tmp/before.jsonl cargo test -p bowout-core dump_every_analysis -- --ignored
//! ```
//!
//! and compare two such files byte for byte. Without `INGEST_DUMP` the lines go to stdout
//! (add `--nocapture`). Each line is the file's path under `tests/fixtures` followed by every
//! key of the [`Analysis`](crate::ingest::Analysis): kind, score, each extracted field,
//! evidence, red flags, threading ids and warnings. After the stored messages come the
//! labeled ones cut and corrupted in a fixed, seeded way (`#cut3` after the name), so that
//! the odd paths of broken mail are compared too.

use super::fixtures;
use crate::ingest::analyze;
use serde_json::{Map, Value};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folders of `tests/fixtures` whose every message is analysed.
const FOLDERS: &[&str] = &[
    "corpus",
    "holdout",
    "ingest",
    "peer-mail",
    "fuzz-regressions",
];

/// Every message file under `dir`, sorted: expected-output twins, licences and notes aside.
fn messages(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for p in entries.flatten().map(|e| e.path()) {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        if p.is_dir() {
            messages(&p, out);
        } else if !(name.starts_with("LICENSE") || name.ends_with(".md") || name.ends_with(".json"))
        {
            out.push(p);
        }
    }
}

/// The labeled folders whose messages are also analysed cut and corrupted.
const LABELED: &[&str] = &["corpus", "holdout"];

/// How many corrupted copies of each labeled message are analysed.
const CUTS: usize = 4;

/// One JSON line: `name`, then every key of the analysis of `raw`.
fn line(name: &str, raw: &[u8]) -> String {
    let mut line = Map::new();
    line.insert("file".into(), Value::String(name.to_string()));
    if let Value::Object(fields) = serde_json::to_value(analyze(raw)).expect("serialise analysis") {
        line.extend(fields);
    }
    Value::Object(line).to_string()
}

/// `raw` truncated, with bytes inserted, or with one byte changed, as `next` decides.
fn corrupt(raw: &[u8], next: &mut impl FnMut() -> u64) -> Vec<u8> {
    const INSERTS: &[&[u8]] = &[
        b"(",
        b"\r\n ",
        b"=?utf-8?Q?=E2=80?=",
        b"<td></tr>",
        b"\xff\xfe",
    ];
    let mut bytes = raw.to_vec();
    let at = (next() % bytes.len().max(1) as u64) as usize;
    match next() % 3 {
        0 => bytes.truncate(at),
        1 => {
            let ins = INSERTS[(next() % INSERTS.len() as u64) as usize];
            bytes.splice(at..at, ins.iter().copied());
        }
        _ => {
            if let Some(b) = bytes.get_mut(at) {
                *b = (next() & 0xff) as u8;
            }
        }
    }
    bytes
}

/// One JSON line per message of [`FOLDERS`], then per corrupted copy of each message of
/// [`LABELED`], in a fixed order.
pub fn dump_lines() -> Vec<String> {
    let root = fixtures("");
    let name = |f: &Path| {
        f.strip_prefix(&root)
            .unwrap_or(f)
            .to_string_lossy()
            .into_owned()
    };
    let mut files = Vec::new();
    for folder in FOLDERS {
        messages(&root.join(folder), &mut files);
    }
    files.sort();
    let mut out: Vec<String> = files
        .iter()
        .map(|f| line(&name(f), &std::fs::read(f).expect("read fixture")))
        .collect();
    let mut seed: u64 = 0x853c_49e6_748f_ea9b;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let labeled = files.iter().filter(|f| {
        LABELED.iter().any(|l| f.starts_with(root.join(l)))
            && f.extension().is_some_and(|e| e == "eml")
    });
    for f in labeled {
        let raw = std::fs::read(f).expect("read fixture");
        for n in 0..CUTS {
            out.push(line(
                &format!("{}#cut{n}", name(f)),
                &corrupt(&raw, &mut next),
            ));
        }
    }
    out
}

#[test]
#[ignore = "writes the analysis of every fixture for a before/after comparison"]
fn dump_every_analysis() {
    let lines = dump_lines();
    assert!(lines.len() > 300, "fixtures missing");
    let text = lines.join("\n") + "\n";
    match std::env::var_os("INGEST_DUMP") {
        Some(path) => std::fs::write(path, text).expect("write dump"),
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .expect("stdout"),
    }
}
