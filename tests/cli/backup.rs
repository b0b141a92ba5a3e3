//! A backup carries the archive: the copies of what was sent and the letter, restored into
//! another home, verify as intact there. A forged or conflicting file in an export is
//! refused with nothing kept.

use crate::followup::{message_to, sent_decline, show};
use crate::harness::Env;
use serde_json::{Value, json};

fn path_arg(path: &std::path::Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn restore_into_another_home_brings_the_copies_and_they_verify() {
    let env = crate::letter::env_with_address();
    let id = sent_decline(&env);
    env.run(["letter", &id, "--out", path_arg(&env.path("letter.pdf"))])
        .ok();
    let first = env.path("backup.json");
    let exported = env
        .run(["--json", "export", "--out", path_arg(&first)])
        .ok()
        .json();
    assert_eq!(exported["archive_files"], 3, "two copies and the letter");
    // The old home's archive is gone: the restore must not lean on it.
    std::fs::remove_dir_all(env.home().join("archive")).expect("remove archive");

    let other = Env::new();
    let restored = other
        .run(["--json", "restore", path_arg(&first)])
        .ok()
        .json();
    assert_eq!(restored["archive_files"], 3);
    let checks = other.run(["--json", "verify"]).ok().json();
    let checks = checks.as_array().expect("list");
    assert_eq!(checks.len(), 2);
    assert!(checks.iter().all(|c| c["result"] == "intact"), "{checks:?}");
    let copy = message_to(&show(&other, &id), "ann@globex.example")["copy"]
        .as_str()
        .expect("copy")
        .to_string();
    assert!(
        copy.starts_with(path_arg(other.home())),
        "{copy} is in the new home"
    );
    assert!(
        other
            .home()
            .join("archive")
            .join(&id)
            .join("letter.pdf")
            .is_file()
    );

    let second = other.path("again.json");
    other.run(["export", "--out", path_arg(&second)]).ok();
    assert_eq!(
        std::fs::read_to_string(&first).expect("first"),
        std::fs::read_to_string(&second).expect("second"),
        "export → restore → export is lossless, files included"
    );
}

/// An export of one invitation, with `archive` as its files.
fn export_with_files(archive: Value) -> Value {
    let source = Env::new();
    source.add(&[]);
    let mut dump = source.snapshot();
    dump["archive"] = archive;
    dump
}

fn restore(env: &Env, dump: &Value) -> crate::harness::Run {
    let file = env.path("edited.json");
    std::fs::write(&file, dump.to_string()).expect("write");
    env.run(["restore", path_arg(&file)])
}

#[test]
fn a_forged_or_conflicting_archive_file_is_refused_and_nothing_is_kept() {
    let env = Env::new();
    let escape = export_with_files(json!([{ "path": "../escape.eml", "base64": "eA==" }]));
    restore(&env, &escape).fails_with(1, "not a plain relative path");
    assert!(!env.home().join("escape.eml").exists());
    let garbage = export_with_files(json!([{ "path": "a/b.eml", "base64": "@@@" }]));
    restore(&env, &garbage).fails_with(1, "not valid base64");
    assert_eq!(env.snapshot()["invitations"], json!([]));

    // A file already in the archive with other bytes: the rows are rolled back and the
    // files written before it are taken back.
    let taken = env.home().join("archive/x/2.eml");
    std::fs::create_dir_all(taken.parent().expect("dir")).expect("dir");
    std::fs::write(&taken, b"mine").expect("write");
    let conflict = export_with_files(json!([
        { "path": "x/1.eml", "base64": "b25l" },
        { "path": "x/2.eml", "base64": "dHdv" },
    ]));
    restore(&env, &conflict).fails_with(1, "already exists with other contents");
    assert_eq!(env.snapshot()["invitations"], json!([]));
    assert!(!env.home().join("archive/x/1.eml").exists());
    assert_eq!(std::fs::read(&taken).expect("read"), b"mine");
}
