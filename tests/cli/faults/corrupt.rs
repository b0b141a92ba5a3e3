//! A damaged store: the database file cut short, garbled in its header or in a page, or
//! emptied, and an archived copy changed. bowout names the file, refuses to write over it,
//! and `bowout doctor` says what is damaged and how to restore from an export.

use super::{Paused, declined, tally};
use crate::harness::{Env, message_to, show};
use crate::send::sink::{addresses, sink};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A home with a decline sent (as `.eml`, confirmed), and an export of it outside the home.
fn home_with_export() -> (Env, String, tempfile::TempDir, PathBuf) {
    let env = Env::new();
    let [ann] = addresses(["ann"]);
    let id = declined(&env, &format!("Ann Lee <{ann}>"), &[]);
    crate::followup::send(&env, &id);
    let outside = tempfile::tempdir().expect("tempdir");
    let backup = outside.path().join("backup.json");
    env.run(["export", "--out", arg(&backup)]).ok();
    (env, id, outside, backup)
}

/// The database's files as they are: the file itself, and whether SQLite's `-wal` and
/// `-shm` files are there.
fn db_state(env: &Env) -> (Vec<u8>, bool, bool) {
    let db = env.path("bowout.db");
    (
        std::fs::read(&db).expect("db"),
        env.path("bowout.db-wal").exists(),
        env.path("bowout.db-shm").exists(),
    )
}

/// Damages the database with `damage`, then checks that commands name it, leave it exactly
/// as it is, and that `doctor` reports it with the way back; returns what the user saw.
fn refused_and_diagnosed(damage: impl FnOnce(&Path), why: &str) -> String {
    let (env, id, _outside, backup) = home_with_export();
    let db = env.path("bowout.db");
    assert!(
        !env.path("bowout.db-wal").exists(),
        "the log was checkpointed"
    );
    damage(&db);
    let before = db_state(&env);
    let listed = env.run(["list"]).fails_with(1, "is damaged");
    let said = listed.stderr();
    assert!(said.contains(arg(&db)), "names the file: {said}");
    assert!(said.contains(why), "says how ({why}): {said}");
    assert!(said.contains("bowout doctor"), "{said}");
    env.run(["decline", &id]).fails_with(1, "is damaged");
    env.run([
        "add",
        "--employer",
        "X",
        "--title",
        "Y",
        "--primary",
        "a@x.example",
    ])
    .fails_with(1, "is damaged");
    assert!(
        db_state(&env) == before,
        "the damaged file is left exactly as it was"
    );

    let doctor = env
        .run(["--json", "doctor"])
        .fails_with(1, "problem(s) found");
    let report: Value = doctor.json();
    assert_eq!(report["healthy"], false);
    assert_eq!(report["database"]["state"], "damaged", "{report}");
    assert_eq!(
        report["problems"][0]["kind"], "database-damaged",
        "{report}"
    );
    let steps = report["restore"].to_string();
    assert!(steps.contains("restore FILE.json"), "{steps}");
    assert!(db_state(&env) == before, "doctor writes nothing either");

    // Following the advice: the export restored into a new home has it all back.
    let new = Env::new();
    new.run(["restore", arg(&backup)]).ok();
    new.run(["verify"]).ok();
    assert_eq!(show(&new, &id)["status"], "sent");
    said.trim().to_string()
}

#[test]
fn a_database_cut_short_is_named_left_as_it_is_and_diagnosed() {
    let said = refused_and_diagnosed(
        |db| {
            let len = std::fs::metadata(db).expect("db").len();
            let f = std::fs::File::options().write(true).open(db).expect("open");
            f.set_len(len / 2 / 4096 * 4096).expect("truncate");
        },
        "cut short",
    );
    tally("database truncated", 1, 0, &said);
}

#[test]
fn a_database_garbled_in_its_header_or_a_page_is_named_left_as_it_is_and_diagnosed() {
    let header = refused_and_diagnosed(
        |db| {
            let mut bytes = std::fs::read(db).expect("db");
            bytes[..16].copy_from_slice(b"garbage garbage!");
            std::fs::write(db, bytes).expect("garble");
        },
        "does not start as a SQLite database",
    );
    let page = refused_and_diagnosed(
        |db| {
            let mut bytes = std::fs::read(db).expect("db");
            let pages = bytes.len() / 4096;
            for page in [pages / 2, pages - 1] {
                for (i, b) in bytes[page * 4096..(page + 1) * 4096].iter_mut().enumerate() {
                    *b = (i * 37 % 251) as u8;
                }
            }
            std::fs::write(db, bytes).expect("garble");
        },
        "check of its pages failed",
    );
    tally("database garbled (header)", 1, 0, &header);
    tally("database garbled (pages)", 1, 0, &page);
}

#[test]
fn an_emptied_database_beside_an_archive_is_not_taken_for_a_new_one() {
    let (env, _id, _outside, _backup) = home_with_export();
    std::fs::write(env.path("bowout.db"), b"").expect("empty");
    let run = env.run(["list"]).fails_with(1, "is empty (0 bytes)");
    assert_eq!(
        std::fs::metadata(env.path("bowout.db")).expect("db").len(),
        0
    );
    let report = env
        .run(["--json", "doctor"])
        .fails_with(1, "problem(s) found")
        .json();
    assert_eq!(report["problems"][0]["kind"], "database-lost", "{report}");
    tally("database emptied", 1, 0, run.stderr().trim());
}

/// Changes one byte of a file.
fn tamper(path: &Path) {
    let mut bytes = std::fs::read(path).expect("copy");
    let last = bytes.len() - 3;
    bytes[last] ^= 0x20;
    std::fs::write(path, bytes).expect("tamper");
}

#[test]
fn a_damaged_archived_copy_is_named_never_written_over_and_diagnosed() {
    let (env, id, _outside, backup) = home_with_export();
    let [bo] = addresses(["bo"]);
    let shown = show(&env, &id);
    let m = shown["messages"][0].clone();
    let copy = PathBuf::from(m["copy"].as_str().expect("copy"));
    tamper(&copy);
    let verified = env.run(["verify"]).fails_with(1, "changed");
    assert!(verified.stderr().contains(arg(&copy)), "names the copy");
    let report = env
        .run(["--json", "doctor"])
        .fails_with(1, "problem(s) found")
        .json();
    assert_eq!(report["database"]["state"], "whole");
    assert_eq!(report["problems"][0]["kind"], "copy-changed", "{report}");
    assert_eq!(report["problems"][0]["path"], arg(&copy));
    assert!(report["restore"].is_array());
    // The advice works: the copy as it was comes back from the export.
    let new = Env::new();
    new.run(["restore", arg(&backup)]).ok();
    let key = copy
        .strip_prefix(env.path("archive"))
        .expect("in the archive");
    std::fs::copy(new.path("archive").join(key), &copy).expect("put back");
    env.run(["verify"]).ok();
    env.run(["doctor"]).ok();

    // An exported copy that changed is not written out again as a draft.
    let other = declined(&env, &format!("Bo Chen <{bo}>"), &[]);
    let dir = env.path("eml");
    env.run(["send", &other, "--eml-dir", arg(&dir)]).ok();
    let exported = message_to(&show(&env, &other), &bo).clone();
    let copy = PathBuf::from(exported["copy"].as_str().expect("copy"));
    tamper(&copy);
    let tampered = std::fs::read(&copy).expect("copy");
    env.run(["send", &other, "--eml-dir", arg(&dir)])
        .fails_with(1, "changed since it was written");
    assert_eq!(
        std::fs::read(&copy).expect("copy"),
        tampered,
        "left as it is"
    );
    tally("archived copy changed", 2, 0, verified.stderr().trim());
}

#[test]
fn a_copy_changed_after_a_send_was_cut_off_keeps_the_hash_recorded_before_it_went_out() {
    let sink = sink();
    let env = sink.env();
    let [ann] = addresses(["ann"]);
    let id = declined(&env, &format!("Ann Lee <{ann}>"), &[]);
    Paused::start(&env, &["send", &id], "send:accepted").kill();
    let m = message_to(&show(&env, &id), &ann).clone();
    let recorded = m["sha256"]
        .as_str()
        .expect("hash recorded before the content went out");
    let delivered = &sink.deliveries(&ann)[0].bytes;
    assert_eq!(recorded, crate::send::sink::sha256_hex(delivered));
    let copy = PathBuf::from(m["copy"].as_str().expect("copy"));
    tamper(&copy);
    env.run(["send", &id]).fails_with(1, "--confirm-sent");
    let m = message_to(&show(&env, &id), &ann).clone();
    assert_eq!(m["status"], "unknown");
    assert_eq!(m["sha256"], recorded, "the hash of what went out is kept");
    env.run(["verify"]).fails_with(1, "changed");
    tally(
        "archived copy changed while its send was in doubt",
        1,
        0,
        "1 of 1 archived copy failed verification; first: the message to … is changed (…)",
    );
}

#[test]
fn files_left_by_an_interrupted_write_are_noted_as_harmless() {
    let (env, _id, _outside, _backup) = home_with_export();
    let left = env.path("archive").join(".bowout-Ab12Cd.tmp");
    std::fs::write(&left, b"half a copy").expect("leftover");
    let report = env.run(["--json", "doctor"]).ok().json();
    assert_eq!(report["healthy"], true);
    assert_eq!(report["notes"][0]["kind"], "temporary-file", "{report}");
    assert_eq!(report["notes"][0]["path"], arg(&left));
    let text = env.run(["doctor"]).ok().stdout();
    assert!(text.contains("Nothing is damaged."), "{text}");
}
