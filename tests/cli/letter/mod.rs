//! The formal letter through the binary: contact address, PDF, mailing, receipt, agenda
//! flag, export; and what bad input gets. The PDFs are read back with poppler-utils,
//! which `scripts/test` installs.

mod bad_input;
mod story;

use crate::harness::Env;
use std::path::Path;
use std::process::Command;

/// An env whose identity has a postal address and a phone.
pub fn env_with_address() -> Env {
    let mut env = Env::new();
    env.set("BOWOUT_IDENTITY_NAME", "Zoë Łukasiewicz");
    env.set("BOWOUT_IDENTITY_ADDRESS", "Hauptstraße 5\n80331 München");
    env.set("BOWOUT_IDENTITY_PHONE", "+49 89 555 0100");
    env
}

/// Records an invitation from Begoña Núñez at Crème Analytics; returns its id.
pub fn add_invitation(env: &Env) -> String {
    env.run([
        "--json",
        "add",
        "--allow-duplicate",
        "--employer",
        "Crème Analytics",
        "--title",
        "Data Analyst",
        "--req",
        "R0034567",
        "--primary",
        "Begoña Núñez <bnunez@creme.example>",
        "--other",
        "Bo Chen <bo@creme.example>",
        "--other-role",
        "hiring manager",
    ])
    .ok()
    .json()["id"]
        .as_str()
        .expect("id")
        .to_string()
}

/// Runs a poppler tool on `pdf` and returns its output; a missing tool fails the test, since
/// `scripts/test` installs poppler-utils.
pub fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(pdf);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let output = match cmd.output() {
        Ok(output) => output,
        Err(e) => {
            panic!("{tool} is required ({e}): run ./scripts/test, which installs poppler-utils")
        }
    };
    assert!(
        output.status.success(),
        "{tool} failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The PDF's text with whitespace runs folded to one space.
pub fn pdf_text(pdf: &Path) -> String {
    let raw = poppler("pdftotext", &["-enc", "UTF-8"], pdf);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that running the failed command left no file (or temp file) behind in `dir`
/// besides the ones listed.
pub fn only_files(dir: &Path, expected: &[&str]) {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(names, want, "unexpected files in {}", dir.display());
}
