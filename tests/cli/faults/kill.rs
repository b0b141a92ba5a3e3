//! SIGKILL in the middle of the work, at steps named by the test hook: during an import of a
//! large mbox, a restore, `replies --imap`, `sync`, and at each step of the outbox. After
//! each kill the store opens, `list` and `verify` work, and running the command again gives
//! exactly what one clean run gives: no invitation twice, no reply lost, no message sent
//! twice.

use super::{Paused, declined, dump, rows, store_works, tally};
use crate::followup::imap::Mailbox;
use crate::followup::{SUBJECT, reply};
use crate::harness::{Env, message_to, show};
use crate::send::sink::{Sink, addresses, sha256_hex, sink};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// The alphabet of bowout's 12-character random ids.
const ID_ALPHABET: &str = "23456789abcdefghjkmnpqrstuvwxyz";

/// A dump with its random ids replaced: an invitation's by its Message-ID (what makes it the
/// same invitation in two homes), any other by `[id]`; every table's rows sorted. Two homes
/// that recorded the same mail give the same value.
fn normalized(dump: &Value) -> Value {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for inv in super::rows(dump, "invitations") {
        let key = inv["message_id"]
            .as_str()
            .or(inv["source"].as_str())
            .unwrap_or("?");
        names.insert(
            inv["id"].as_str().expect("id").to_string(),
            format!("inv<{key}>"),
        );
    }
    fn scrub(v: &Value, names: &BTreeMap<String, String>) -> Value {
        match v {
            Value::String(s) => match names.get(s) {
                Some(name) => Value::String(name.clone()),
                None if s.len() == 12 && s.chars().all(|c| ID_ALPHABET.contains(c)) => {
                    Value::String("[id]".into())
                }
                None => v.clone(),
            },
            Value::Array(items) => {
                let mut items: Vec<Value> = items.iter().map(|i| scrub(i, names)).collect();
                items.sort_by_key(|i| i.to_string());
                Value::Array(items)
            }
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), scrub(v, names)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }
    scrub(dump, &names)
}

/// A large mbox (about 30 MB of Takeout-like mail with a few dozen invitations), made by
/// the benchmark's generator.
fn large_mbox(dir: &Path) -> std::path::PathBuf {
    let out = dir.join("all-mail.mbox");
    let gen_mbox = format!("{}/scripts/bench/gen_mbox.py", env!("CARGO_MANIFEST_DIR"));
    let status = std::process::Command::new("python3")
        .args([gen_mbox.as_str(), arg(&out), "30", "17"])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run gen_mbox.py");
    assert!(status.success(), "gen_mbox.py failed");
    out
}

#[test]
fn sigkill_during_an_import_of_a_large_mbox_then_importing_again_gives_one_clean_import() {
    let mail = tempfile::tempdir().expect("tempdir");
    let mbox = large_mbox(mail.path());
    let clean = Env::new();
    let report = clean.run(["--json", "import", arg(&mbox)]).ok().json();
    let found = report["ids"].as_array().expect("ids").len();
    assert!(found >= 10, "the mbox holds invitations: {found}");
    let expected = normalized(&dump(&clean));

    let points = [
        "import:scanned".to_string(),
        "import:recorded#1".into(),
        format!("import:recorded#{}", found / 2),
        format!("import:recorded#{}", found - 1),
        format!("import:recorded#{found}"),
    ];
    let mut bad = 0;
    for point in &points {
        let env = Env::new();
        Paused::start(&env, &["import", arg(&mbox)], point).kill();
        store_works(&env);
        env.run(["import", arg(&mbox)]).ok();
        if normalized(&dump(&env)) != expected {
            bad += 1;
            eprintln!("import killed at {point}: the store differs from one clean import");
        }
    }
    tally(
        "SIGKILL during import of a 30 MB mbox",
        points.len(),
        bad,
        "(none: the process was killed)",
    );
    assert_eq!(
        bad, 0,
        "every import killed and run again equals one clean import"
    );
}

#[test]
fn sigkill_during_a_restore_then_restoring_again_gives_the_export_back() {
    let from = Env::new();
    let [ann, bo, cy] = addresses(["ann", "bo", "cy"]);
    let sent = declined(
        &from,
        &format!("Ann Lee <{ann}>"),
        &[&format!("Bo Chen <{bo}>")],
    );
    crate::followup::send(&from, &sent);
    let exported = declined(&from, &format!("Cy Diaz <{cy}>"), &[]);
    let dir = from.path("eml");
    from.run(["send", &exported, "--eml-dir", arg(&dir)]).ok();
    let backup = from.path("backup.json");
    from.run(["export", "--out", arg(&backup)]).ok();
    let original = dump(&from);
    let files = rows(&original, "archive").len();
    assert_eq!(files, 3, "three archived copies");

    let points = [
        "restore:file#1",
        "restore:file#2",
        "restore:file#3",
        "restore:loaded",
    ];
    let mut bad = 0;
    for point in points {
        let env = Env::new();
        Paused::start(&env, &["restore", arg(&backup)], point).kill();
        store_works(&env);
        env.run(["restore", arg(&backup)]).ok();
        env.run(["verify"]).ok();
        if dump(&env) != original {
            bad += 1;
            eprintln!("restore killed at {point}: the store differs from the export");
        }
    }
    tally(
        "SIGKILL during restore",
        points.len(),
        bad,
        "(none: the process was killed)",
    );
    assert_eq!(bad, 0);
}

/// Each step of the outbox at which a send can die, and whether the first message may have
/// reached the server by then (so that it must wait for the user's word).
const SEND_STEPS: [(&str, bool); 7] = [
    ("send:built", false),
    ("send:copied", false),
    ("send:recorded", false),
    ("send:envelope", false),
    ("send:claimed", true),
    ("send:accepted", true),
    ("send:settled", false),
];

/// What the user does about a message in doubt: looks in the Sent folder (the sink), then
/// confirms it or has it sent again.
fn settle_doubts(env: &Env, id: &str, sink: &Sink) -> usize {
    let shown = show(env, id);
    let mut doubts = 0;
    for m in shown["messages"].as_array().expect("messages") {
        if m["status"] != "unknown" {
            continue;
        }
        doubts += 1;
        let to = m["to"]["email"].as_str().expect("to");
        let mid = m["message_id"].as_str().expect("message id");
        if sink.count(to) > 0 {
            env.run(["send", id, "--confirm-sent", mid]).ok();
        } else {
            env.run(["send", id, "--resend", mid]).ok();
        }
    }
    doubts
}

#[test]
fn sigkill_at_each_step_of_the_outbox_never_sends_twice_and_loses_nothing() {
    let sink = sink();
    let mut bad = 0;
    let mut in_doubt = 0;
    for (step, may_be_delivered) in SEND_STEPS {
        let env = sink.env();
        let [ann, bo] = addresses(["ann", "bo"]);
        let id = declined(
            &env,
            &format!("Ann Lee <{ann}>"),
            &[&format!("Bo Chen <{bo}>")],
        );
        Paused::start(&env, &["send", &id], step).kill();
        store_works(&env);
        let m = message_to(&show(&env, &id), &ann).clone();
        let expected = match step {
            "send:claimed" | "send:accepted" => "sending",
            "send:settled" => "sent",
            _ => "queued",
        };
        assert_eq!(m["status"], expected, "killed at {step}: {m}");
        let _ = env.run(["send", &id]);
        let doubts = settle_doubts(&env, &id, &sink);
        assert_eq!(
            doubts > 0,
            may_be_delivered,
            "{step}: in doubt only once it may have gone out"
        );
        in_doubt += doubts;
        env.run(["send", &id]).ok();
        let shown = show(&env, &id);
        for who in [&ann, &bo] {
            let m = message_to(&shown, who);
            let delivered = sink.deliveries(who);
            let fine = m["status"] == "sent"
                && delivered.len() == 1
                && m["sha256"] == sha256_hex(&delivered[0].bytes).as_str();
            if !fine {
                bad += 1;
                eprintln!("{step}: {who} got {} message(s): {m}", delivered.len());
            }
        }
        assert_eq!(shown["status"], "sent", "{step}");
        env.run(["verify"]).ok();
    }
    tally(
        &format!(
            "SIGKILL at each of the {} steps of an SMTP send ({in_doubt} left in doubt for the \
             user, each settled from the Sent folder)",
            SEND_STEPS.len()
        ),
        SEND_STEPS.len(),
        bad,
        "(next send) … is unknown … it may have been delivered: look for it in your mail \
         provider's Sent folder, then run bowout send ID --confirm-sent MSG (or --resend MSG)",
    );
    assert_eq!(bad, 0);
}

#[test]
fn sigkill_at_each_step_of_an_eml_export_leaves_one_draft_per_message() {
    let steps = ["eml:built", "eml:copied", "eml:exported"];
    let mut bad = 0;
    for step in steps {
        let env = Env::new();
        let [ann, bo] = addresses(["ann", "bo"]);
        let id = declined(
            &env,
            &format!("Ann Lee <{ann}>"),
            &[&format!("Bo Chen <{bo}>")],
        );
        let dir = env.path("eml");
        let args = ["send", &id, "--eml-dir", arg(&dir)];
        Paused::start(&env, &args, step).kill();
        store_works(&env);
        env.run(args).ok();
        let drafts: Vec<String> = std::fs::read_dir(&dir)
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".eml"))
            .collect();
        let shown = show(&env, &id);
        let exported = [&ann, &bo]
            .iter()
            .all(|who| message_to(&shown, who)["status"] == "exported");
        if drafts.len() != 2 || !exported {
            bad += 1;
            eprintln!("{step}: drafts {drafts:?}, {shown}");
        }
        env.run(["verify"]).ok();
    }
    tally(
        "SIGKILL at each step of send --eml-dir",
        steps.len(),
        bad,
        "(none: the process was killed)",
    );
    assert_eq!(bad, 0);
}

/// Six contacts declined and sent (as `.eml`, confirmed) in a fresh home on `mb`; each of
/// them replied into the INBOX. Returns the home and the invitation.
fn home_with_replies(mb: &Mailbox) -> (Env, String) {
    let env = mb.env();
    let people: Vec<String> = (0..6)
        .map(|i| format!("Person {i} <p{i}@globex.example>"))
        .collect();
    let others: Vec<&str> = people[1..].iter().map(String::as_str).collect();
    let id = declined(&env, &people[0], &others);
    crate::followup::send(&env, &id);
    (env, id)
}

fn deliver_replies(mb: &Mailbox) {
    for i in 0..6 {
        let text = reply(
            &format!("p{i}@globex.example"),
            &format!("Re: {SUBJECT}"),
            &format!("r{i}.{}@globex.example", mb.user),
            &[],
        );
        mb.deliver(None, &format!("reply-{i}"), &text);
    }
}

#[test]
fn sigkill_during_replies_imap_then_reading_again_counts_every_reply_once() {
    let mb = Mailbox::new(13);
    deliver_replies(&mb);
    let (clean, clean_id) = home_with_replies(&mb);
    clean.run(["replies", "--imap"]).ok();
    let expected = rows(&dump(&clean), "replies").len();
    assert_eq!(expected, 6);
    assert_eq!(show(&clean, &clean_id)["status"], "acknowledged");

    let points = [
        "replies:recorded#1",
        "replies:recorded#3",
        "replies:recorded#6",
    ];
    let mut bad = 0;
    for point in points {
        let (env, id) = home_with_replies(&mb);
        Paused::start(&env, &["replies", "--imap"], point).kill();
        store_works(&env);
        env.run(["replies", "--imap"]).ok();
        let after = dump(&env);
        let acknowledged = rows(&after, "events")
            .iter()
            .filter(|e| e["kind"] == "acknowledged")
            .count();
        if rows(&after, "replies").len() != expected
            || acknowledged != expected
            || show(&env, &id)["status"] != "acknowledged"
        {
            bad += 1;
            eprintln!("replies killed at {point}: {after}");
        }
    }
    tally(
        "SIGKILL during replies --imap",
        points.len(),
        bad,
        "(none: the process was killed)",
    );
    assert_eq!(bad, 0);
}

#[test]
fn sigkill_during_sync_then_syncing_again_records_each_invitation_and_receipt_once() {
    let mb = Mailbox::new(14);
    deliver_replies(&mb);
    let example = std::fs::read_to_string(format!(
        "{}/examples/invitation.eml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example");
    for i in 0..3 {
        let text = example
            .replace("Message-ID: <", &format!("Message-ID: <s{i}."))
            .replace("R0034567", &format!("S{i:07}"));
        mb.deliver(None, &format!("invitation-{i}"), &text);
    }
    let (clean, _) = home_with_replies(&mb);
    let report = clean.run(["--json", "sync"]).ok().json();
    assert_eq!(report["new_invitations"], 3, "{report}");
    assert_eq!(report["receipts"], 6, "{report}");
    let expected = dump(&clean);
    let invitations = |d: &Value| {
        let mut ids: Vec<String> = rows(d, "invitations")
            .iter()
            .filter_map(|i| i["message_id"].as_str().map(str::to_string))
            .collect();
        ids.sort();
        ids
    };

    let points = ["sync:recorded#1", "sync:recorded#5", "sync:recorded#9"];
    let mut bad = 0;
    for point in points {
        let (env, _) = home_with_replies(&mb);
        Paused::start(&env, &["sync"], point).kill();
        store_works(&env);
        env.run(["sync"]).ok();
        let after = dump(&env);
        if invitations(&after) != invitations(&expected)
            || rows(&after, "replies").len() != rows(&expected, "replies").len()
            || rows(&after, "events").len() != rows(&expected, "events").len()
        {
            bad += 1;
            eprintln!("sync killed at {point}: {after}");
        }
    }
    tally(
        "SIGKILL during sync",
        points.len(),
        bad,
        "(none: the process was killed)",
    );
    assert_eq!(bad, 0);
}
