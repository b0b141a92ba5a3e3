//! Power loss cannot be pulled in a test, but what survives it can be checked: the store
//! commits in WAL mode with `synchronous = FULL` (every commit synced before bowout goes
//! on), and every file bowout writes goes through the one helper that writes a temporary
//! file, syncs it, renames it into place and syncs the directory (`src/fsutil.rs`).

use super::tally;
use crate::harness::Env;
use std::path::Path;

#[test]
fn the_store_commits_in_wal_mode_and_syncs_every_commit() {
    let env = Env::new();
    env.add(&[]);
    let doctor = env.run(["--json", "doctor"]).ok().json();
    let db = &doctor["database"];
    assert_eq!(db["journal_mode"], "wal", "{doctor}");
    assert_eq!(db["synchronous"], "full", "{doctor}");
    tally(
        "power loss: SQLite pragmas",
        1,
        0,
        "journal_mode wal, synchronous full",
    );
}

/// What may write a file outside `src/fsutil.rs`, and why.
const ALLOWED: &[(&str, &str, &str)] = &[(
    "src/actions/send/lock.rs",
    "File::options(",
    "the send lock: an empty file that is only locked, never written",
)];

/// Ways to write a file without the helper.
const WRITES: &[&str] = &[
    "fs::write(",
    "File::create(",
    "File::options(",
    "OpenOptions",
    "fs::copy(",
    ".persist(",
    "persist_noclobber(",
    "NamedTempFile",
    "tempfile_in(",
    "write_all_at(",
];

#[test]
fn every_file_bowout_writes_goes_through_the_atomic_write_helper() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let mut scanned = 0;
    for dir in ["src", "core/src", "letter/src"] {
        scan(root, &root.join(dir), &mut found, &mut scanned);
    }
    assert!(scanned > 100, "the sources were found: {scanned} files");
    assert!(
        found.is_empty(),
        "files written outside fsutil::write_atomic / write_new / stage:\n{}",
        found.join("\n")
    );
}

/// Every line of non-test code under `dir` that writes a file some other way.
fn scan(root: &Path, dir: &Path, found: &mut Vec<String>, scanned: &mut usize) {
    for entry in std::fs::read_dir(dir).expect("read the sources") {
        let path = entry.expect("entry").path();
        let rel = path
            .strip_prefix(root)
            .expect("under the repository")
            .to_string_lossy()
            .replace('\\', "/");
        if path.is_dir() {
            if !rel.ends_with("/tests") {
                scan(root, &path, found, scanned);
            }
            continue;
        }
        if !rel.ends_with(".rs") || rel == "src/fsutil.rs" {
            continue;
        }
        *scanned += 1;
        let text = std::fs::read_to_string(&path).expect("read");
        for (n, line) in text.lines().enumerate() {
            // Unit tests sit at the bottom of each file, after `#[cfg(test)]`.
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            let code = line.split("//").next().unwrap_or("");
            for write in WRITES {
                let allowed = ALLOWED
                    .iter()
                    .any(|(file, what, _)| *file == rel && what == write);
                if code.contains(write) && !allowed {
                    found.push(format!("{rel}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
}
