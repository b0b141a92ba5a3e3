//! `bowout import`: records invitations found in mail, deduplicated, threads linked.

use super::harness::Env;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// `import --json PATH` that must succeed; its report.
fn import(env: &Env, path: &Path) -> serde_json::Value {
    env.run(["--json", "import", path.to_str().expect("utf-8")])
        .ok()
        .json()
}

#[test]
fn import_records_invitations_once_and_links_a_later_round() {
    let env = Env::new();
    let dir = env.path("mail");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for n in ["002", "008", "020", "024"] {
        std::fs::copy(
            fixture(&format!("corpus/{n}.eml")),
            dir.join(format!("{n}.eml")),
        )
        .expect("copy");
    }
    let first = import(&env, &dir);
    let ids = first["ids"].as_array().expect("ids").clone();
    assert_eq!(ids.len(), 2, "two invitations among four messages: {first}");
    assert_eq!(first["skipped"], 0);

    // Importing again records nothing new.
    let again = import(&env, &dir);
    assert_eq!(again["ids"], serde_json::Value::Array(ids.clone()));
    let listed = env.run(["--json", "list"]).ok().json();
    assert_eq!(listed.as_array().map(Vec::len), Some(2));

    // A second-round invitation replying in the thread of 002 joins that invitation.
    let reply = "From: Maya Castellanos <maya.castellanos@northwind-analytics.example>\r\nTo: dana.whitfield@example.net\r\nSubject: Re: Northwind Analytics - next round\r\nMessage-ID: <round2@northwind-analytics.example>\r\nIn-Reply-To: <fc8216d2ec5671eccb9b8540.516043@greenhouse-mail-prod.example>\r\n\r\nHi Dana, we would like to invite you to a second round interview with the team. Which of these times works for you?\r\n\r\nMaya Castellanos\r\nRecruiter | Northwind Analytics\r\n";
    std::fs::write(env.path("round2.eml"), reply).expect("write");
    let linked = import(&env, &env.path("round2.eml"));
    assert_eq!(linked["imported"][0]["outcome"], "linked", "{linked}");
    assert!(ids.contains(&linked["ids"][0]));
    let listed = env.run(["--json", "list"]).ok().json();
    assert_eq!(
        listed.as_array().map(Vec::len),
        Some(2),
        "no third invitation"
    );
    let id = linked["ids"][0].as_str().expect("id");
    let shown = env.run(["--json", "show", id]).ok().json();
    assert_eq!(shown["round"], 2, "the thread moved on to round 2");
    assert!(shown["timeline"].to_string().contains("now round 2"));

    // Importing the later message again is a duplicate, not a second link.
    let again = import(&env, &env.path("round2.eml"));
    assert_eq!(again["imported"][0]["outcome"], "duplicate", "{again}");
    let notes = env.run(["--json", "show", id]).ok().json()["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter(|e| e["kind"] == "note")
        .count();
    assert_eq!(notes, 1, "one note for one later message");
}

#[test]
fn import_from_mbox_and_bad_paths() {
    let env = Env::new();
    let mut mbox = Vec::new();
    for n in ["005", "011"] {
        mbox.extend_from_slice(b"From x@y Mon Mar  3 16:14:25 2025\n");
        mbox.extend(std::fs::read(fixture(&format!("corpus/{n}.eml"))).expect("read"));
        mbox.extend_from_slice(b"\n");
    }
    std::fs::write(env.path("in.mbox"), mbox).expect("write");
    let mbox = env.path("in.mbox");
    let mbox = mbox.to_str().expect("utf-8");
    let missing = env.path("missing");
    env.run(["import", mbox, missing.to_str().expect("utf-8")])
        .fails_with(2, "missing: no such file or directory");
    assert_eq!(env.snapshot()["invitations"], serde_json::json!([]));
    let out = env.run(["--json", "import", mbox]).ok().json();
    assert_eq!(out["ids"].as_array().map(Vec::len), Some(2));
    assert_eq!(out["skipped"], 0);
}

#[test]
fn a_later_round_for_the_same_requisition_joins_without_thread_headers() {
    // Alderbrook's first-stage call (h096) and, weeks later in a new thread, its final
    // stage (h118): the same Job ID 10482, no In-Reply-To or References between them.
    let env = Env::new();
    let first = import(&env, &fixture("holdout/h096.eml"));
    let id = first["ids"][0].as_str().expect("id").to_string();
    let later = import(&env, &fixture("holdout/h118.eml"));
    assert_eq!(later["imported"][0]["outcome"], "linked", "{later}");
    assert_eq!(later["ids"][0], id.as_str());
    assert_eq!(
        env.run(["--json", "list"])
            .ok()
            .json()
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let shown = env.run(["--json", "show", &id]).ok().json();
    assert_eq!(shown["round"], 3, "the final stage raised the round");

    // Another employer's invitation with the same number is its own invitation.
    let other = std::fs::read_to_string(fixture("holdout/h096.eml"))
        .expect("read")
        .replace("Alderbrook", "Brightwater")
        .replace("alderbrook", "brightwater")
        .replace("LO2P265MB5120D4A7E93B0C11FA", "OTHERMESSAGE01");
    std::fs::write(env.path("other.eml"), other).expect("write");
    let other = import(&env, &env.path("other.eml"));
    assert_eq!(other["imported"][0]["outcome"], "recorded", "{other}");
}
