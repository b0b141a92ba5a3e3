//! The shape of every `--json` output, as insta snapshots in `snapshots/`: a key renamed,
//! removed or added, or a value of another type, fails its test. Scripts read these
//! documents, so a change to one is a change to bowout's interface: review the new snapshot
//! (`INSTA_UPDATE=always cargo test --test cli shapes`, then the diff) before accepting it.
//!
//! The clock is pinned by the harness; what still changes between runs is redacted: ids,
//! Message-IDs, the temporary home, and hashes of content that holds random ids.

use crate::followup::{reply_file, send, sent_decline};
use crate::harness::{Env, show};
use insta::internals::Content;
use serde_json::Value;

/// Keys whose string values are random ids, or hashes and encodings of content holding
/// random ids; each is replaced by `[key]` (a null stays null).
const REDACTED_KEYS: &[&str] = &[
    "id",
    "ids",
    "invitation",
    "invitation_id",
    "contact_id",
    "referral_id",
    "message_id",
    "ack_message_id",
    "uid",
    "sha256",
    "actual",
    "base64",
];

/// The alphabet of bowout's 12-character random ids.
const ID_ALPHABET: &str = "23456789abcdefghjkmnpqrstuvwxyz";

/// Asserts that `value` matches the snapshot `name`, with what changes between runs in
/// `env` redacted.
#[track_caller]
pub(crate) fn assert_shape(env: &Env, name: &str, value: &Value) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    for key in REDACTED_KEYS {
        let placeholder = format!("[{key}]");
        settings.add_dynamic_redaction(&format!(".**.{key}"), move |value, _| {
            redact_strings(value, &placeholder)
        });
    }
    let places = [
        (env.home().display().to_string(), "[home]"),
        (env!("CARGO_MANIFEST_DIR").to_string(), "[repo]"),
    ];
    let ids = known_ids(value);
    settings.add_dynamic_redaction(".**", move |value, _| scrub(value, &places, &ids));
    settings.bind(|| insta::assert_json_snapshot!(name, value));
}

/// `value` with every string in it replaced by `placeholder`.
fn redact_strings(value: Content, placeholder: &str) -> Content {
    match value {
        Content::String(_) => Content::from(placeholder),
        Content::Seq(items) => Content::Seq(
            items
                .into_iter()
                .map(|v| redact_strings(v, placeholder))
                .collect(),
        ),
        other => other,
    }
}

/// The random values `value` holds under the keys that hold them (ids, Message-IDs,
/// hashes), longest first, so that text mentioning one (`run bowout send ID`, a copy's path
/// named after its Message-ID) can be redacted too.
fn known_ids(value: &Value) -> Vec<String> {
    let mut ids = Vec::new();
    collect_ids(value, &mut ids);
    ids.retain(|id| id.len() >= 8);
    ids.sort_by_key(|id| std::cmp::Reverse(id.len()));
    ids.dedup();
    ids
}

fn collect_ids(value: &Value, ids: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if key.ends_with("id") || REDACTED_KEYS.contains(&key.as_str()) {
                    let strings = match v {
                        Value::String(s) => vec![s.as_str()],
                        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
                        _ => Vec::new(),
                    };
                    for s in strings {
                        ids.push(s.to_string());
                        // A Message-ID also names files, without its angle brackets.
                        if let Some(inner) = s.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
                            ids.push(inner.to_string());
                        }
                    }
                }
                collect_ids(v, ids);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_ids(v, ids)),
        _ => {}
    }
}

/// True for a string that is one of bowout's random ids (12 characters of its alphabet).
fn is_random_id(s: &str) -> bool {
    s.len() == 12 && s.chars().all(|c| ID_ALPHABET.contains(c))
}

/// `value` with the `places` (directory, placeholder) and the known ids replaced in every
/// string, and every string that is a random id by itself (a message's id under `answers`).
fn scrub(value: Content, places: &[(String, &str)], ids: &[String]) -> Content {
    match value {
        Content::String(s) if is_random_id(&s) => Content::from("[id]"),
        Content::String(s) => {
            let mut s = s;
            for (dir, placeholder) in places {
                s = s.replace(dir.as_str(), placeholder);
            }
            for id in ids {
                s = s.replace(id.as_str(), "[id]");
            }
            Content::String(s)
        }
        Content::Seq(items) => {
            Content::Seq(items.into_iter().map(|v| scrub(v, places, ids)).collect())
        }
        Content::Map(entries) => Content::Map(
            entries
                .into_iter()
                .map(|(k, v)| (k, scrub(v, places, ids)))
                .collect(),
        ),
        other => other,
    }
}

fn fixture(rel: &str) -> String {
    format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn arg(path: &std::path::Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// An invitation with every field given, declined with a referral; returns its id.
fn declined(env: &Env) -> String {
    let id = env.add(&[
        "--phone",
        "+1 555 0142",
        "--agency",
        "Hays",
        "--link",
        "https://sched.example/dana",
        "--other",
        "Bo Chen <bo@globex.example>",
        "--other-role",
        "hiring manager",
    ]);
    let rid = env.add_referral("sam.park@fastmail.example");
    env.run(["decline", &id, "--reason", "accepted-job", "--refer", &rid])
        .ok();
    id
}

/// An invitation to Ann alone (so that no two rows tie on a random id), declined with a
/// referral and sent as a user without SMTP does; returns its id.
fn sent_to_ann(env: &Env) -> String {
    let id = env.add(&["--phone", "+1 555 0142"]);
    let rid = env.add_referral("sam.park@fastmail.example");
    env.run(["decline", &id, "--reason", "accepted-job", "--refer", &rid])
        .ok();
    send(env, &id);
    id
}

/// An env whose identity has the postal address the letter needs.
fn env_with_address() -> Env {
    let mut env = Env::new();
    env.set(
        "BOWOUT_IDENTITY_ADDRESS",
        "1 Main St\nSpringfield, IL 62701",
    );
    env
}

#[test]
fn add_and_referral_add() {
    let env = Env::new();
    let added = env
        .run([
            "--json",
            "add",
            "--employer",
            "Globex",
            "--title",
            "Data Analyst",
            "--primary",
            "Ann Lee <ann@globex.example>",
        ])
        .ok()
        .json();
    assert_shape(&env, "add", &added);
    let referral = env
        .run([
            "--json",
            "referral",
            "add",
            "--name",
            "Sam Park",
            "--email",
            "sam.park@fastmail.example",
            "--permission",
            "2026-11-20 phone call",
        ])
        .ok()
        .json();
    assert_shape(&env, "referral_add", &referral);
}

#[test]
fn list_and_show() {
    let env = Env::new();
    let id = sent_decline(&env);
    assert_shape(&env, "list", &env.run(["--json", "list"]).ok().json());
    assert_shape(&env, "show", &show(&env, &id));
    let accepted = env.add(&[]);
    env.run([
        "accept",
        &accepted,
        "--at",
        "2026-12-10 14:00",
        "--duration",
        "45",
        "--location",
        "Globex HQ",
        "--video-link",
        "https://meet.example/globex",
    ])
    .ok();
    assert_shape(
        &env,
        "show_accepted_decision",
        &show(&env, &accepted)["decision"],
    );
}

#[test]
fn advise() {
    let env = Env::new();
    let id = env.add(&[]);
    let advice = env
        .run([
            "--json",
            "advise",
            &id,
            "--started-new-job",
            "--concern",
            "pay",
            "--gut",
            "negative",
            "--review",
            "2,2026-03-01,Chicago,management",
            "--location",
            "Chicago",
        ])
        .ok()
        .json();
    assert_shape(&env, "advise", &advice);
}

#[test]
fn decline_and_drafts() {
    let env = Env::new();
    let id = env.add(&["--other", "Bo Chen <bo@globex.example>"]);
    let rid = env.add_referral("sam.park@fastmail.example");
    let drafts = env
        .run([
            "--json",
            "decline",
            &id,
            "--reason",
            "accepted-job",
            "--refer",
            &rid,
        ])
        .ok()
        .json();
    assert_shape(&env, "decline", &drafts);
    assert_shape(
        &env,
        "drafts",
        &env.run(["--json", "drafts", &id]).ok().json(),
    );
}

#[test]
fn accept() {
    let env = Env::new();
    let id = env.add(&[]);
    let draft = env
        .run([
            "--json",
            "accept",
            &id,
            "--at",
            "2026-12-02 14:00",
            "--tz",
            "Europe/Berlin",
        ])
        .ok()
        .json();
    assert_shape(&env, "accept", &draft);
}

#[test]
fn send_dry_run_eml_dir_and_confirm_sent() {
    let env = Env::new();
    let id = declined(&env);
    let dry = env.run(["--json", "send", &id, "--dry-run"]).ok().json();
    assert_shape(&env, "send_dry_run", &dry);
    let dir = env.path("eml");
    let exported = env
        .run(["--json", "send", &id, "--eml-dir", arg(&dir)])
        .ok()
        .json();
    assert_shape(&env, "send_eml_dir", &exported);
    let confirmed = env
        .run(["--json", "send", &id, "--confirm-sent", "all"])
        .ok()
        .json();
    assert_shape(&env, "send_confirm_sent", &confirmed);
}

#[test]
fn verify() {
    let env = Env::new();
    sent_to_ann(&env);
    assert_shape(&env, "verify", &env.run(["--json", "verify"]).ok().json());
}

#[test]
fn doctor() {
    let env = Env::new();
    let id = sent_to_ann(&env);
    // The file's size follows the schema: only that it is a number is pinned.
    let sized = |mut v: Value| {
        assert!(v["database"]["bytes"].is_u64(), "{v}");
        v["database"]["bytes"] = 176_128.into();
        v
    };
    let healthy = env.run(["--json", "doctor"]).ok().json();
    assert_shape(&env, "doctor", &sized(healthy));
    // A copy changed since it was sent, and a file left by an interrupted write.
    let copy = show(&env, &id)["messages"][0]["copy"]
        .as_str()
        .expect("copy")
        .to_string();
    let mut bytes = std::fs::read(&copy).expect("copy");
    bytes.push(b'!');
    std::fs::write(&copy, bytes).expect("tamper");
    std::fs::write(env.path("archive").join(".bowout-Ab12Cd.tmp"), b"half").expect("write");
    let damaged = env.run(["--json", "doctor"]).exits(1).json();
    assert_shape(&env, "doctor_damaged", &sized(damaged));
}

#[test]
fn replies_from_files() {
    let env = Env::new();
    let id = sent_decline(&env);
    let eml = reply_file(&env, &show(&env, &id), "ann@globex.example", "In-Reply-To");
    let report = env.run(["--json", "replies", &eml]).ok().json();
    assert_shape(&env, "replies", &report);
}

#[test]
fn call_sheet_and_logging() {
    let env = Env::new();
    let id = sent_decline(&env);
    assert_shape(
        &env,
        "call_sheet",
        &env.run(["--json", "call", &id]).ok().json(),
    );
    let logged = env
        .run([
            "--json",
            "call",
            &id,
            "--outcome",
            "no-answer",
            "--note",
            "rang twice",
        ])
        .ok()
        .json();
    assert_shape(&env, "call_logged", &logged);
    let confirmed = env
        .run(["--json", "call", &id, "--outcome", "reached", "--confirmed"])
        .ok()
        .json();
    assert_shape(&env, "call_logged_confirmed", &confirmed);
}

#[test]
fn agenda_and_calendar() {
    let mut env = Env::new();
    env.set("BOWOUT_NOW", "2026-11-20T09:00:00Z");
    let sent = sent_to_ann(&env);
    env.set("BOWOUT_NOW", "2026-11-24T09:00:00Z");
    let undecided = env.add(&[]);
    let accepted = env.add(&[]);
    env.run([
        "accept",
        &accepted,
        "--at",
        "2026-12-10 14:00",
        "--duration",
        "45",
        "--location",
        "Globex HQ",
        "--video-link",
        "https://meet.example/globex",
    ])
    .ok();
    let called_off = env.add(&[]);
    env.run(["accept", &called_off, "--at", "2026-12-11 09:00"])
        .ok();
    env.run(["decline", &called_off]).ok();
    env.set("BOWOUT_NOW", "2026-11-27T12:00:00Z");
    let agenda = env.run(["--json", "agenda"]).ok().json();
    let owed = agenda["owed"].as_array().expect("owed");
    let next = agenda["next"].as_array().expect("next");
    assert!(
        owed.iter().any(|i| i["invitation_id"] == sent.as_str())
            && owed
                .iter()
                .any(|i| i["invitation_id"] == undecided.as_str()),
        "the call due and the undecided invitation: {agenda}"
    );
    assert!(
        next.iter().any(|i| i["invitation_id"] == accepted.as_str()),
        "the interview ahead: {agenda}"
    );
    assert_shape(&env, "agenda", &agenda);
    let ics = env.path("bowout.ics");
    let written = env
        .run(["--json", "calendar", "--out", arg(&ics)])
        .ok()
        .json();
    assert_eq!(written["cancelled"], 1, "{written}");
    assert_shape(&env, "calendar", &written);
}

#[test]
fn letter_write_mailed_receipt_and_record() {
    let env = env_with_address();
    let id = declined(&env);
    let contact = env
        .run([
            "--json",
            "contact",
            "set",
            &id,
            "--address",
            "Globex Corporation",
            "--address",
            "1 Lake St\nChicago, IL 60601",
        ])
        .ok()
        .json();
    assert_shape(&env, "contact_set", &contact);
    let pdf = env.path("letter.pdf");
    let written = env
        .run(["--json", "letter", &id, "--out", arg(&pdf)])
        .ok()
        .json();
    assert_shape(&env, "letter_write", &written);
    let mailed = env
        .run([
            "--json",
            "letter",
            &id,
            "--mailed",
            "2026-11-27",
            "--tracking",
            "RR 123 456 789 US",
        ])
        .ok()
        .json();
    assert_shape(&env, "letter_mailed", &mailed);
    let record = env.run(["--json", "letter", &id]).ok().json();
    assert_eq!(record, mailed, "the record is what --mailed printed");
    let receipt = env
        .run(["--json", "letter", &id, "--receipt", "2026-11-27"])
        .ok()
        .json();
    assert_shape(&env, "letter_receipt", &receipt);
}

#[test]
fn lint() {
    let env = Env::new();
    let findings = env
        .run_with_stdin(
            ["--json", "lint", "-"],
            "I hate the commute, and because the pay is low, no!",
        )
        .exits(1)
        .json();
    assert_shape(&env, "lint", &findings);
}

#[test]
fn export_file_and_summary_then_restore() {
    let env = Env::new();
    let id = sent_to_ann(&env);
    let eml = reply_file(&env, &show(&env, &id), "ann@globex.example", "In-Reply-To");
    env.run(["replies", &eml]).ok();
    env.run(["call", &id, "--outcome", "reached"]).ok();
    std::fs::create_dir_all(env.path("templates")).expect("templates");
    std::fs::write(env.path("templates/subject.txt"), "Re: {{ job_title }}\n").expect("template");
    let file = env.path("backup.json");
    let summary = env
        .run(["--json", "export", "--out", arg(&file)])
        .ok()
        .json();
    assert_shape(&env, "export", &summary);
    let mut dump: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("export")).expect("json");
    // The example config.toml as written: its text is the example's, not part of the shape.
    assert!(dump["config"].is_string(), "{}", dump["config"]);
    dump["config"] = "[config.toml]".into();
    assert_shape(&env, "export_file", &dump);
    let other = Env::new();
    let restored = other.run(["--json", "restore", arg(&file)]).ok().json();
    assert_shape(&other, "restore", &restored);
}

#[test]
fn import() {
    let env = Env::new();
    let report = env
        .run(["--json", "import", &fixture("corpus/002.eml")])
        .ok()
        .json();
    assert_shape(&env, "import", &report);
}

#[test]
fn import_of_an_invitation_that_names_no_one_to_answer() {
    let env = Env::new();
    let path = env.path("fwd.eml");
    let forwarded = "From: Dana Whitfield <dana@example.net>\r\nTo: dana@example.net\r\n\
        Subject: Fwd: Interview invitation - Research Analyst\r\n\r\nFYI\r\n\r\n\
        ---------- Forwarded message ---------\r\nSubject: Interview invitation\r\n\r\n\
        Dear Dana,\r\n\r\nWe would like to invite you to a first-round interview for the \
        Research Analyst position. Please let me know which of these times works for you: \
        Monday 30 November at 10:00.\r\n";
    std::fs::write(&path, forwarded).expect("write");
    let report = env
        .run(["--json", "import", path.to_str().expect("utf-8")])
        .ok()
        .json();
    assert_shape(&env, "import_no_one_to_answer", &report);
}

#[test]
fn scan_jsonl_line() {
    let env = Env::new();
    let run = env
        .run(["scan", "--jsonl", &fixture("corpus/002.eml")])
        .ok();
    let stdout = run.stdout();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one line per invitation: {stdout}");
    let line: Value = serde_json::from_str(lines[0]).expect("a JSON line");
    assert_shape(&env, "scan_jsonl", &line);
}

#[test]
fn edit_and_contact_changes() {
    let env = Env::new();
    let id = env.add(&["--agency", "Hays"]);
    env.run(["decline", &id]).ok();
    let edited = env
        .run([
            "--json",
            "edit",
            &id,
            "--title",
            "Senior Data Analyst",
            "--no-agency",
        ])
        .ok()
        .json();
    assert_shape(&env, "edit", &edited);
    let added = env
        .run([
            "--json",
            "contact",
            "add",
            &id,
            "--name",
            "Cy Diaz",
            "--email",
            "cy@globex.example",
            "--role",
            "panelist",
        ])
        .ok()
        .json();
    assert_shape(&env, "contact_add", &added);
    let edited = env
        .run([
            "--json",
            "contact",
            "edit",
            &id,
            "--email",
            "cy@globex.example",
            "--phone",
            "+1 555 0199",
        ])
        .ok()
        .json();
    assert_shape(&env, "contact_edit", &edited);
    let primary = env
        .run([
            "--json",
            "contact",
            "primary",
            &id,
            "--email",
            "cy@globex.example",
        ])
        .ok()
        .json();
    assert_shape(&env, "contact_primary", &primary);
    let removed = env
        .run([
            "--json",
            "contact",
            "remove",
            &id,
            "--email",
            "ann@globex.example",
        ])
        .ok()
        .json();
    assert_shape(&env, "contact_remove", &removed);
}

#[test]
fn dismiss_undismiss_and_delete() {
    let env = Env::new();
    let id = env.add(&[]);
    let dismissed = env
        .run(["--json", "dismiss", &id, "--reason", "not-an-invitation"])
        .ok()
        .json();
    assert_shape(&env, "dismiss", &dismissed);
    let back = env.run(["--json", "undismiss", &id]).ok().json();
    assert_shape(&env, "undismiss", &back);
    env.run(["decline", &id]).ok();
    let deleted = env.run(["--json", "delete", &id, "--yes"]).ok().json();
    assert_shape(&env, "delete", &deleted);
}

#[test]
fn referral_list_edit_and_remove() {
    let env = Env::new();
    let rid = env.add_referral("sam.park@fastmail.example");
    let id = env.add(&[]);
    env.run(["decline", &id, "--refer", &rid]).ok();
    assert_shape(
        &env,
        "referral_list",
        &env.run(["--json", "referral", "list"]).ok().json(),
    );
    let edited = env
        .run([
            "--json",
            "referral",
            "edit",
            &rid,
            "--permission",
            "2026-11-21 video call",
        ])
        .ok()
        .json();
    assert_shape(&env, "referral_edit", &edited);
    let removed = env.run(["--json", "referral", "remove", &rid]).ok().json();
    assert_shape(&env, "referral_remove", &removed);
}

#[test]
fn import_with_a_likely_duplicate() {
    let env = Env::new();
    env.run([
        "add",
        "--employer",
        "Alderbrook Pharmaceuticals",
        "--title",
        "Clinical Trial Project Manager",
        "--req",
        "10-482",
        "--primary",
        "Sophie Lindqvist <sophie.lindqvist@alderbrook-pharma.example>",
    ])
    .ok();
    let report = env
        .run(["--json", "import", &fixture("holdout/h096.eml")])
        .ok()
        .json();
    assert_shape(&env, "import_likely_duplicate", &report);
}

#[test]
fn login_status_and_logout() {
    let account = crate::oauth::Account::new(crate::oauth::Client::Hour);
    let env = &account.env;
    // The account is this run's own user, and the expiry real time: both vary.
    let steady = |mut v: Value| {
        for (key, placeholder) in [("account", "[account]"), ("expires_at", "[expires_at]")] {
            if v[key].is_string() {
                v[key] = Value::from(placeholder);
            }
        }
        v
    };
    assert_shape(env, "login", &steady(account.login()));
    let status = env.run(["--json", "login", "--status"]).ok().json();
    assert_shape(env, "login_status", &steady(status));
    assert_shape(env, "logout", &env.run(["--json", "logout"]).ok().json());
}

/// `review --json` (the list) and `review KEY --answer … --json`: which message lands in
/// review, and its score and evidence, move with every retrained model, so the list is
/// snapshotted as its keys and value types, and the answer with the message's key redacted.
#[test]
fn review_list_and_answer() {
    let env = Env::new();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let rows = env.run(["scan", "--jsonl", arg(&corpus)]).ok().stdout();
    let unsure: Value = rows
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("json"))
        .find(|r| r["review"] == true)
        .expect("a message to review in the corpus");
    let source = unsure["source"].as_str().expect("source").to_string();
    env.run(["import", &source]).ok();
    let listed = env.run(["--json", "review"]).ok().json();
    let first = &listed[0];
    let types: serde_json::Map<String, Value> = first
        .as_object()
        .expect("an object")
        .iter()
        .map(|(k, v)| {
            let t = match v {
                Value::Null => "null or string",
                Value::Bool(_) => "bool",
                Value::Number(_) => "number",
                Value::String(_)
                    if k == "employer" || k == "job_title" || k == "sender" || k == "subject" =>
                {
                    "null or string"
                }
                Value::String(_) => "string",
                Value::Array(_) => "array",
                Value::Object(_) => "object",
            };
            (k.clone(), Value::from(t))
        })
        .collect();
    assert_shape(&env, "review_list", &Value::Object(types));
    let key = first["key"].as_str().expect("key").to_string();
    let mut answered = env
        .run(["--json", "review", &key, "--answer", "not"])
        .ok()
        .json();
    answered["key"] = Value::from("[key]");
    assert_shape(&env, "review_answer", &answered);
}

#[test]
fn user_commands() {
    let env = Env::postgres();
    let password = "correct horse battery\n";
    let added = env
        .run_with_stdin(
            [
                "--json",
                "user",
                "add",
                "bob",
                "--role",
                "seeker",
                "--full-name",
                "Bo Chen",
                "--email",
                "bo@example.net",
            ],
            password,
        )
        .ok()
        .json();
    assert_shape(&env, "user_add", &added);
    env.run_with_stdin(["user", "add", "carol", "--role", "coach"], password)
        .ok();
    let list = env.run(["--json", "user", "list"]).ok().json();
    assert_shape(&env, "user_list", &list);
    let mut token = env.run(["--json", "user", "token", "bob"]).ok().json();
    assert!(token["token"].as_str().is_some_and(|t| t.len() >= 40));
    token["token"] = Value::from("[token]");
    assert_shape(&env, "user_token", &token);
    let revoked = env
        .run(["--json", "user", "token", "bob", "--revoke"])
        .ok()
        .json();
    assert_shape(&env, "user_token_revoke", &revoked);
    let assigned = env
        .run(["--json", "user", "assign", "carol", "bob"])
        .ok()
        .json();
    assert_shape(&env, "user_assign", &assigned);
    let role = env
        .run(["--json", "user", "role", "carol", "admin"])
        .ok()
        .json();
    assert_shape(&env, "user_role", &role);
    let mut keyed = Env::postgres();
    keyed.set(
        "BOWOUT_SECRET_KEYS",
        "k1 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    );
    keyed
        .run_with_stdin(["user", "add", "bob", "--role", "seeker"], password)
        .ok();
    let stored = keyed
        .run_with_stdin(["--json", "user", "password", "bob", "imap"], "secret\n")
        .ok()
        .json();
    assert_shape(&keyed, "user_password", &stored);
    let rotated = keyed.run(["--json", "user", "rotate-keys"]).ok().json();
    assert_shape(&keyed, "user_rotate_keys", &rotated);
    let removed = env.run(["--json", "user", "remove", "bob"]).ok().json();
    assert_shape(&env, "user_remove", &removed);
    let audit = env.run(["--json", "user", "audit"]).ok().json();
    assert_shape(&env, "user_audit", &audit);
}
