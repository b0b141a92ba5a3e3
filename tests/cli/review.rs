//! The review tier through the binary: `scan` marks the messages the classifier is unsure
//! about, `import` keeps them, `bowout review` lists and answers them, the agenda counts them,
//! exports carry the answers; and `import --invitation` records what the classifier doubted.

use super::harness::Env;
use std::path::{Path, PathBuf};

/// Every labelled message of the corpus, sorted.
fn corpus_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("corpus")
        .map(|batch| batch.expect("batch").path())
        .filter(|batch| batch.is_dir())
        .flat_map(|batch| std::fs::read_dir(batch).expect("batch"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    files.sort();
    files
}

/// `scan --jsonl --all` over the corpus: the rows, one per message.
fn scan_corpus(env: &Env) -> Vec<serde_json::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = env
        .run(["scan", "--jsonl", "--all", root.to_str().expect("utf-8")])
        .ok()
        .stdout();
    out.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn every_scanned_line_carries_kind_score_and_review_and_the_unsure_come_last() {
    let env = Env::new();
    let rows = scan_corpus(&env);
    assert_eq!(rows.len(), corpus_files().len(), "one row per message");
    for row in &rows {
        assert!(
            ["invitation", "scam", "other"].contains(&row["kind"].as_str().expect("kind")),
            "{row}"
        );
        let score = row["score"].as_f64().expect("score");
        assert!((0.0..=1.0).contains(&score), "{row}");
        assert!(row["review"].is_boolean(), "{row}");
    }
    // Without --all, the messages to review come after the sure ones.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = env
        .run(["scan", "--jsonl", root.to_str().expect("utf-8")])
        .ok()
        .stdout();
    let reported: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let first_unsure = reported
        .iter()
        .position(|r| r["review"] == true)
        .expect("the corpus holds a message to review");
    assert!(
        reported[first_unsure..].iter().all(|r| r["review"] == true),
        "review items come after the sure ones"
    );
}

#[test]
fn review_lists_answers_and_records_the_messages_import_kept() {
    let env = Env::new();
    let unsure: Vec<PathBuf> = scan_corpus(&env)
        .iter()
        .filter(|r| r["review"] == true)
        .take(3)
        .map(|r| PathBuf::from(r["source"].as_str().expect("source")))
        .collect();
    assert_eq!(unsure.len(), 3, "three messages to review in the corpus");
    let dir = env.path("mail");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for (n, path) in unsure.iter().enumerate() {
        std::fs::copy(path, dir.join(format!("{n}.eml"))).expect("copy");
    }

    let imported = env
        .run(["--json", "import", dir.to_str().expect("utf-8")])
        .ok()
        .json();
    let kept = imported["review"].as_array().expect("review").clone();
    assert_eq!(kept.len(), 3, "{imported}");
    assert_eq!(
        imported["ids"],
        serde_json::json!([]),
        "nothing recorded yet"
    );
    let agenda = env.run(["--json", "agenda"]).ok().json();
    assert_eq!(agenda["to_review"], 3, "{agenda}");

    // Listed in order, once, however often the mail is imported.
    env.run(["import", dir.to_str().expect("utf-8")]).ok();
    let listed = env.run(["--json", "review"]).ok().json();
    let keys: Vec<&str> = listed
        .as_array()
        .expect("list")
        .iter()
        .map(|r| r["key"].as_str().expect("key"))
        .collect();
    assert_eq!(keys.len(), 3, "{listed}");
    let text = env.run(["review"]).ok().stdout();
    assert!(text.contains("3 to review"), "{text}");

    // One of each answer.
    let recorded = env
        .run(["--json", "review", keys[0], "--answer", "invitation"])
        .ok()
        .json();
    let id = recorded["invitation_id"]
        .as_str()
        .expect("an invitation id");
    env.run(["--json", "show", id]).ok();
    env.run(["review", keys[1], "--answer", "not"]).ok();
    env.run(["review", keys[2], "--answer", "scam"]).ok();
    let listed = env.run(["--json", "list"]).ok().json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    let agenda = env.run(["--json", "agenda"]).ok().json();
    assert_eq!(agenda["to_review"], 0, "{agenda}");
    assert_eq!(
        env.run(["review"]).ok().stdout().trim(),
        "Nothing to review."
    );

    // An answer is given once; an unknown key is an error naming it.
    env.run(["review", keys[1], "--answer", "invitation"])
        .fails_with(1, "already");
    env.run(["review", "no-such-message", "--answer", "not"])
        .fails_with(1, "no-such-message");
    env.run(["review", keys[1]]).fails_with(2, "--answer");

    // Importing the mail again asks nothing again, and the answers are exported.
    let again = env
        .run(["--json", "import", dir.to_str().expect("utf-8")])
        .ok()
        .json();
    assert_eq!(again["review"], serde_json::json!([]), "{again}");
    let export = env.path("export.json");
    env.run(["export", "--out", export.to_str().expect("utf-8")])
        .ok();
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&export).expect("export")).expect("json");
    let answers: Vec<&str> = exported["reviews"]
        .as_array()
        .expect("reviews")
        .iter()
        .map(|r| r["answer"].as_str().expect("answer"))
        .collect();
    assert_eq!(answers.len(), 3, "{}", exported["reviews"]);
    for a in ["invitation", "other", "scam"] {
        assert!(answers.contains(&a), "{answers:?}");
    }
}

#[test]
fn walking_the_review_asks_on_standard_input_and_stops_at_quit() {
    let env = Env::new();
    let unsure: Vec<PathBuf> = scan_corpus(&env)
        .iter()
        .filter(|r| r["review"] == true)
        .take(2)
        .map(|r| PathBuf::from(r["source"].as_str().expect("source")))
        .collect();
    let dir = env.path("mail");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for (n, path) in unsure.iter().enumerate() {
        std::fs::copy(path, dir.join(format!("{n}.eml"))).expect("copy");
    }
    env.run(["import", dir.to_str().expect("utf-8")]).ok();
    let run = env
        .run_with_stdin(["review", "--interactive"], "maybe\nn\nq\n")
        .ok();
    assert!(
        run.stderr().contains("\"maybe\" is not an answer"),
        "{}",
        run.stderr()
    );
    assert!(run.stderr().contains("noted: other"), "{}", run.stderr());
    let left = env.run(["--json", "review"]).ok().json();
    assert_eq!(left.as_array().map(Vec::len), Some(1), "one left: {left}");
}

#[test]
fn import_invitation_records_a_message_the_classifier_calls_ordinary() {
    let env = Env::new();
    let mail = env.path("note.eml");
    std::fs::write(
        &mail,
        "From: Sam Okafor <sam@lumen-labs.example>\r\nTo: dana@example.net\r\nSubject: Thursday\r\nMessage-ID: <thursday@lumen-labs.example>\r\nDate: Tue, 24 Nov 2026 09:00:00 +0000\r\n\r\nHi Dana, Thursday 3pm at our office works. Sam\r\n",
    )
    .expect("write");
    let plain = env
        .run(["--json", "import", mail.to_str().expect("utf-8")])
        .ok()
        .json();
    assert_eq!(plain["ids"], serde_json::json!([]), "{plain}");
    let forced = env
        .run([
            "--json",
            "import",
            "--invitation",
            mail.to_str().expect("utf-8"),
        ])
        .ok()
        .json();
    let id = forced["ids"][0].as_str().expect("recorded").to_string();
    let shown = env.run(["--json", "show", &id]).ok().json();
    assert_eq!(
        shown["primary_contact"]["email"], "sam@lumen-labs.example",
        "{shown}"
    );
    // A second time: the same invitation, not a second one.
    env.run(["import", "--invitation", mail.to_str().expect("utf-8")])
        .ok();
    let listed = env.run(["--json", "list"]).ok().json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    // A file that is not there is an error naming it.
    env.run(["import", "--invitation", "missing.eml"])
        .fails_with(2, "missing.eml");
}
