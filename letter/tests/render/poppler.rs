//! poppler-utils (`pdftotext`, `pdfinfo`, `pdffonts`) read the PDFs back, as
//! a person's viewer would. The project's test script installs them; without
//! them these tests fail rather than pass unchecked.

use std::io::Write;
use std::process::Command;

/// Runs `tool` on `pdf` and returns its standard output (always `Some`; a
/// missing tool fails the test).
pub fn run(tool: &str, args: &[&str], pdf: &[u8]) -> Option<String> {
    let mut file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("temp file");
    file.write_all(pdf).expect("write temp PDF");
    let path = file.path().to_str().expect("UTF-8 temp path").to_owned();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&path);
    if tool == "pdftotext" {
        all.push("-");
    }
    let output = match Command::new(tool).args(&all).output() {
        Ok(output) => output,
        Err(err) => {
            panic!("{tool} is required ({err}): run ./scripts/test, which installs poppler-utils")
        }
    };
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).expect("poppler prints UTF-8"))
}

/// The PDF's text with every run of whitespace as one space, so that
/// line wrapping does not matter.
pub fn text(pdf: &[u8]) -> Option<String> {
    let raw = run("pdftotext", &["-enc", "UTF-8"], pdf)?;
    Some(raw.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A `pdfinfo` field, e.g. `Pages` or `Page size`.
pub fn info(pdf: &[u8], key: &str) -> Option<String> {
    let out = run("pdfinfo", &[], pdf)?;
    let prefix = format!("{key}:");
    out.lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .map(|value| value.trim().to_owned())
}

/// One `pdffonts` row per font: (name, embedded?).
pub fn fonts(pdf: &[u8]) -> Option<Vec<(String, bool)>> {
    let out = run("pdffonts", &[], pdf)?;
    // Columns: name type… encoding emb sub uni object-number generation;
    // names and types may hold spaces, so count from the right.
    let rows = out
        .lines()
        .skip(2)
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let name = fields.first().copied().unwrap_or_default().to_owned();
            let emb = fields.len().checked_sub(5).map(|i| fields[i]);
            (name, emb == Some("yes"))
        })
        .collect();
    Some(rows)
}
