//! Turns the committed models into Rust constants: the classifier (`model/classifier.tsv`,
//! written by `train/train.py`) and the field rankers (`model/job_title.tsv` and
//! `model/employer.tsv`, written by `train/fields.py`). A missing or malformed model is a build error naming the line, never a
//! run-time panic.

use std::fmt::Write as _;
use std::path::Path;

const CLASSES: &str = "invitation\tscam\tother";

fn main() {
    let path = Path::new("model/classifier.tsv");
    println!("cargo:rerun-if-changed=model/classifier.tsv");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())));
    let code = generate(&text).unwrap_or_else(|e| fail(&e));
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|e| fail(&e.to_string())))
        .join("model_data.rs");
    std::fs::write(&out, code)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
    let mut rankers = String::new();
    for (file, name) in [
        ("job_title", "JOB_TITLE_MODEL"),
        ("employer", "EMPLOYER_MODEL"),
    ] {
        let path = format!("model/{file}.tsv");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(&format!("cannot read {path}: {e}")));
        let code = ranker(&text).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
        let _ = writeln!(
            rankers,
            "#[allow(clippy::approx_constant)] // learned weights\npub static {name}: RankerData = {code};"
        );
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|e| fail(&e.to_string())))
        .join("rankers.rs");
    std::fs::write(&out, rankers)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

/// A field ranker: a binary logistic regression over named and hashed features of each
/// candidate, and the probability the best candidate needs to be kept.
fn ranker(text: &str) -> Result<String, String> {
    let (mut version, mut buckets, mut bias, mut threshold) = (false, None, None, None);
    let mut named = String::new();
    let mut hashes: Vec<(u32, f32)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = raw.split('\t').collect();
        match (f[0], f.len()) {
            ("version", 2) if f[1] == "1" => version = true,
            ("version", _) => return Err(format!("line {line}: unknown model version")),
            ("field", 2) => {}
            ("regularisation", 2) => {}
            ("buckets", 2) => {
                buckets = Some(
                    f[1].parse::<u32>()
                        .map_err(|_| format!("line {line}: buckets {:?}", f[1]))?,
                );
            }
            ("bias", 2) => bias = Some(num(f[1], line)?),
            ("threshold", 2) => {
                let t = num(f[1], line)?;
                if !(0.0..=1.0).contains(&t) {
                    return Err(format!("line {line}: the threshold must be in [0, 1]"));
                }
                threshold = Some(t);
            }
            ("feature", 3) => {
                let id = f[1];
                if id.is_empty()
                    || !id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                {
                    return Err(format!("line {line}: feature name {id:?}"));
                }
                let _ = writeln!(named, "        ({id:?}, {:?}f32),", num(f[2], line)?);
            }
            ("hash", 3) => {
                let b: u32 = f[1]
                    .parse()
                    .map_err(|_| format!("line {line}: bucket {:?}", f[1]))?;
                hashes.push((b, num(f[2], line)?));
            }
            (other, _) => return Err(format!("line {line}: unexpected {other:?}")),
        }
    }
    if !version {
        return Err("the version line is required".into());
    }
    let buckets = buckets.ok_or("no buckets line")?;
    hashes.sort_by_key(|(b, _)| *b);
    if hashes.windows(2).any(|w| w[0].0 == w[1].0) || hashes.iter().any(|(b, _)| *b >= buckets) {
        return Err("hash buckets must be distinct and below the bucket count".into());
    }
    let mut out = String::from("RankerData {\n");
    let _ = writeln!(out, "    buckets: {buckets},");
    let _ = writeln!(out, "    bias: {:?}f32,", bias.ok_or("no bias line")?);
    let _ = writeln!(
        out,
        "    threshold: {:?}f32,",
        threshold.ok_or("no threshold line")?
    );
    let _ = writeln!(out, "    features: &[\n{named}    ],");
    out.push_str("    hashes: &[\n");
    for (b, w) in &hashes {
        let _ = writeln!(out, "        ({b}, {w:?}f32),");
    }
    out.push_str("    ],\n}");
    Ok(out)
}

fn fail(why: &str) -> ! {
    eprintln!("error: the classifier model: {why}");
    std::process::exit(1)
}

fn num(field: &str, line: usize) -> Result<f32, String> {
    let v: f32 = field
        .parse()
        .map_err(|_| format!("line {line}: {field:?} is not a number"))?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(format!("line {line}: {field:?} is not finite"))
    }
}

fn three(fields: &[&str], line: usize) -> Result<String, String> {
    if fields.len() != 3 {
        return Err(format!(
            "line {line}: expected 3 weights, found {}",
            fields.len()
        ));
    }
    let w: Vec<String> = fields
        .iter()
        .map(|f| num(f, line).map(|v| format!("{v:?}f32")))
        .collect::<Result<_, _>>()?;
    Ok(format!("[{}]", w.join(", ")))
}

fn generate(text: &str) -> Result<String, String> {
    let (mut buckets, mut temperature, mut review, mut bias) = (None, None, None, None);
    let (mut version, mut classes) = (false, false);
    let mut rules = String::new();
    let mut hashes: Vec<(u32, String)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = raw.split('\t').collect();
        match f[0] {
            "version" if f.get(1) == Some(&"1") => version = true,
            "version" => return Err(format!("line {line}: unknown model version")),
            "classes" if f[1..].join("\t") == CLASSES => classes = true,
            "classes" => return Err(format!("line {line}: classes must be {CLASSES:?}")),
            "buckets" => {
                let b: u32 = f
                    .get(1)
                    .and_then(|v| v.parse().ok())
                    .filter(|b: &u32| b.is_power_of_two())
                    .ok_or(format!("line {line}: buckets must be a power of two"))?;
                buckets = Some(b);
            }
            "regularisation" => {}
            "temperature" => {
                let t = num(f.get(1).copied().unwrap_or(""), line)?;
                if t <= 0.0 {
                    return Err(format!("line {line}: the temperature must be positive"));
                }
                temperature = Some(t);
            }
            "review" if f.len() == 3 => {
                let (lo, hi) = (num(f[1], line)?, num(f[2], line)?);
                if !(0.0..=1.0).contains(&lo) || !(lo..=1.0).contains(&hi) {
                    return Err(format!(
                        "line {line}: review thresholds must be 0 ≤ low ≤ high ≤ 1"
                    ));
                }
                review = Some((lo, hi));
            }
            "bias" => bias = Some(three(&f[1..], line)?),
            "rule" if f.len() == 5 => {
                let id = f[1];
                if id.is_empty() || !id.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
                    return Err(format!("line {line}: rule id {id:?}"));
                }
                let _ = writeln!(rules, "    ({id:?}, {}),", three(&f[2..], line)?);
            }
            "hash" if f.len() == 5 => {
                let b: u32 = f[1]
                    .parse()
                    .map_err(|_| format!("line {line}: bucket {:?}", f[1]))?;
                hashes.push((b, three(&f[2..], line)?));
            }
            other => return Err(format!("line {line}: unexpected {other:?}")),
        }
    }
    let buckets = buckets.ok_or("no buckets line")?;
    if !(version && classes) {
        return Err("the version and classes lines are required".into());
    }
    hashes.sort_by_key(|(b, _)| *b);
    if hashes.windows(2).any(|w| w[0].0 == w[1].0) || hashes.iter().any(|(b, _)| *b >= buckets) {
        return Err("hash buckets must be distinct and below the bucket count".into());
    }
    let mut out = String::new();
    let _ = writeln!(out, "pub const MODEL_BUCKETS: u32 = {buckets};");
    let _ = writeln!(
        out,
        "pub const TEMPERATURE: f32 = {:?}f32;",
        temperature.ok_or("no temperature")?
    );
    let (lo, hi) = review.ok_or("no review line")?;
    let _ = writeln!(
        out,
        "pub const REVIEW: (f32, f32) = ({lo:?}f32, {hi:?}f32);"
    );
    let _ = writeln!(
        out,
        "pub const BIAS: [f32; 3] = {};",
        bias.ok_or("no bias line")?
    );
    let _ = writeln!(
        out,
        "#[allow(clippy::approx_constant)] // learned weights, not mathematical constants\npub static RULE_WEIGHTS: &[(&str, [f32; 3])] = &[\n{rules}];"
    );
    out.push_str("#[allow(clippy::approx_constant)]\n");
    out.push_str("pub static HASH_WEIGHTS: &[(u32, [f32; 3])] = &[\n");
    for (b, w) in &hashes {
        let _ = writeln!(out, "    ({b}, {w}),");
    }
    out.push_str("];\n");
    Ok(out)
}
