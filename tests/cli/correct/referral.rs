//! `bowout referral list|edit|remove`: a referral named only in drafts may change or go (the
//! drafts become stale); one named in a decline that went out is kept for the record.

use super::{details, drafts, export};
use crate::followup::sent_decline;
use crate::harness::{Env, show};

const CRLF: &str = "x\r\nBcc: victim@evil.example";

fn referrals(env: &Env) -> Vec<serde_json::Value> {
    env.run(["--json", "referral", "list"])
        .ok()
        .json()
        .as_array()
        .expect("list")
        .clone()
}

#[test]
fn a_referral_in_drafts_is_listed_edited_and_removed() {
    let env = Env::new();
    let sam = env.add_referral("sam.park@fastmail.example");
    let pat = env
        .run([
            "--json",
            "referral",
            "add",
            "--name",
            "Pat Quinn",
            "--email",
            "pat@proton.example",
            "--permission",
            "2026-11-21 text message",
        ])
        .ok()
        .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let id = env.add(&[]);
    env.run(["decline", &id, "--reason", "accepted-job", "--refer", &sam])
        .ok();

    let listed = referrals(&env);
    assert_eq!(listed.len(), 2);
    let of = |rid: &str| {
        listed
            .iter()
            .find(|r| r["id"] == rid)
            .unwrap_or_else(|| panic!("{rid} listed: {listed:?}"))
    };
    assert_eq!(of(&sam)["permission_date"], "2026-11-20");
    assert_eq!(of(&sam)["permission_how"], "phone call");
    assert_eq!(of(&sam)["named_in"], serde_json::json!([id]));
    assert_eq!(of(&sam)["sent"], false);
    assert_eq!(of(&pat)["named_in"], serde_json::json!([]));

    // A new phone: the drafts that name Sam are stale until declined again.
    let edited = env
        .run([
            "--json",
            "referral",
            "edit",
            &sam,
            "--phone",
            "+1 555 0123",
            "--work-domain",
            "Initech.example",
        ])
        .ok()
        .json();
    assert_eq!(edited["changes"][0]["field"], "phone");
    assert_eq!(edited["changes"][0]["from"], "+1 555 0177");
    assert_eq!(edited["changes"][1]["to"], "initech.example");
    assert_eq!(edited["stale_drafts"], serde_json::json!([id]));
    assert!(details(&show(&env, &id), "edited").contains(
        &"referral Sam Park: phone changed from \"+1 555 0177\" to \"+1 555 0123\"".to_string()
    ));
    export(&env, &id).fails_with(1, "referral Sam Park edited");
    env.run(["decline", &id, "--reason", "accepted-job", "--refer", &sam])
        .ok();
    assert!(
        drafts(&env, &id)[0]["body"]
            .as_str()
            .expect("body")
            .contains("+1 555 0123")
    );

    // Removed: the decision no longer names Sam, and the drafts that did are stale.
    let removed = env.run(["--json", "referral", "remove", &sam]).ok().json();
    assert_eq!(removed["name"], "Sam Park");
    assert_eq!(removed["stale_drafts"], serde_json::json!([id]));
    let shown = show(&env, &id);
    assert_eq!(shown["decision"]["referral"], serde_json::Value::Null);
    assert!(
        details(&shown, "edited")
            .contains(&"referral Sam Park removed: the decision no longer names them".to_string())
    );
    export(&env, &id).fails_with(1, "referral Sam Park removed");
    env.run(["decline", &id, "--reason", "accepted-job"]).ok();
    assert!(
        !drafts(&env, &id)[0]["body"]
            .as_str()
            .expect("body")
            .contains("Sam Park")
    );
    export(&env, &id).ok();

    // One named nowhere goes without a trace on any invitation.
    let removed = env.run(["--json", "referral", "remove", &pat]).ok().json();
    assert_eq!(removed["stale_drafts"], serde_json::json!([]));
    assert!(referrals(&env).is_empty());
    let text = env.run(["referral", "list"]).ok().stdout();
    assert!(text.contains("No referrals yet"), "{text}");
}

#[test]
fn a_referral_named_in_a_sent_decline_is_kept() {
    let env = Env::new();
    let id = sent_decline(&env);
    let listed = referrals(&env);
    assert_eq!(listed[0]["sent"], true);
    let rid = listed[0]["id"].as_str().expect("id").to_string();
    env.run(["referral", "remove", &rid])
        .fails_with(1, &format!("is named in a decline that was sent or exported (invitation {id}): it is kept for the record"));
    assert_eq!(referrals(&env).len(), 1);
    let text = env.run(["referral", "list"]).ok().stdout();
    assert!(text.contains("kept for the record"), "{text}");
}

#[test]
fn referral_edits_refuse_bad_input_and_write_nothing() {
    let env = Env::new();
    let rid = env.add_referral("sam.park@fastmail.example");
    let before = env.snapshot();
    env.run(["referral", "edit", &rid])
        .fails_with(2, "nothing to change");
    env.run(["referral", "edit", &rid, "--name", &format!("Sam{CRLF}")])
        .fails_with(2, "line break");
    env.run([
        "referral",
        "edit",
        &rid,
        "--email",
        &format!("s@x.example{CRLF}"),
    ])
    .fails_with(2, "line break");
    env.run(["referral", "edit", &rid, "--phone", &format!("555{CRLF}")])
        .fails_with(2, "line break");
    env.run([
        "referral",
        "edit",
        &rid,
        "--permission",
        &format!("2026-11-20 phone{CRLF}"),
    ])
    .fails_with(2, "line break");
    env.run([
        "referral",
        "edit",
        &rid,
        "--work-domain",
        &format!("initech.example{CRLF}"),
    ])
    .fails_with(2, "line break");
    env.run([
        "referral",
        "edit",
        &rid,
        "--permission",
        "2026-12-24 phone call",
    ])
    .fails_with(2, "in the future");
    env.run([
        "referral",
        "edit",
        &rid,
        "--work-domain",
        "fastmail.example",
    ])
    .fails_with(2, "personal (non-work) address");
    env.run(["referral", "edit", "zzzzzzzzzzzz", "--name", "Sam"])
        .fails_with(1, "no referral with id");
    env.run(["referral", "remove", "zzzzzzzzzzzz"])
        .fails_with(1, "no referral with id");
    assert_eq!(env.snapshot(), before, "nothing was written");
}
