//! The other ways through `send`: a dry run, `.eml` files, the lint gate, the acceptance.

use super::sink::{
    AnnAndBo, addresses, declined, declined_to_ann, message_to, sha256_hex, show, sink,
};

#[test]
fn dry_run_shows_the_messages_and_changes_nothing() {
    let sink = sink();
    let env = sink.env();
    let (ann, id) = declined_to_ann(&env, "ann");
    let before = env.snapshot();
    let run = env.run(["send", &id, "--dry-run"]).ok();
    let text = run.stdout();
    assert!(
        text.contains("Dry run: nothing is sent or recorded."),
        "{text}"
    );
    assert!(text.contains(&ann) && text.contains("would-send"), "{text}");
    assert!(
        text.contains("Interview invitation for Data Analyst"),
        "{text}"
    );
    let json = env.run(["--json", "send", &id, "--dry-run"]).ok().json();
    assert_eq!(json["messages"][0]["action"], "would-send");
    assert!(json["messages"][0]["message_id"].is_null());
    assert_eq!(env.snapshot(), before, "a dry run records nothing");
    assert_eq!(sink.count(&ann), 0);
    let archived = std::fs::read_dir(env.home().join("archive")).map_or(0, |d| d.count());
    assert_eq!(archived, 0, "a dry run writes no copy");
}

#[test]
fn lint_errors_block_sending_until_forced() {
    let sink = sink();
    let env = sink.env();
    let [ann] = addresses(["ann"]);
    std::fs::create_dir_all(env.home().join("templates")).expect("templates");
    std::fs::write(
        env.home().join("templates/decline.txt"),
        "Dear {{ contact.name }},\n\nThe pay is too low and the commute is awful, so no.\n\n\
         Please reply so that I know you have received this message.\n\n{{ me.name }}\n",
    )
    .expect("template");
    let id = declined(&env, &format!("Ann Lee <{ann}>"), &[]);
    env.run(["send", &id])
        .fails_with(1, "lint errors in the draft to");
    assert_eq!(sink.count(&ann), 0);
    assert_eq!(
        show(&env, &id)["messages"],
        serde_json::json!([]),
        "nothing queued"
    );
    env.run(["send", &id, "--force"]).ok();
    assert_eq!(sink.count(&ann), 1);
    assert!(
        sink.deliveries(&ann)[0]
            .text()
            .contains("The pay is too low")
    );
}

#[test]
fn eml_dir_exports_once_and_keeps_track_until_confirmed_or_resent() {
    let sink = sink();
    let env = sink.env();
    let AnnAndBo { ann, bo, id } = AnnAndBo::declined(&env, "bo");
    let dir = env.path("outbox");
    let dir_arg = dir.to_str().expect("utf-8");
    let report = env
        .run(["--json", "send", &id, "--eml-dir", dir_arg])
        .ok()
        .json();
    let shown = show(&env, &id);
    assert_eq!(shown["status"], "declined", "exported is not sent");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2);
    for address in [&ann, &bo] {
        let m = message_to(&shown, address);
        assert_eq!(m["status"], "exported");
        let copy = std::fs::read(m["copy"].as_str().expect("copy")).expect("copy");
        let eml = report["messages"]
            .as_array()
            .expect("messages")
            .iter()
            .find(|r| r["to"]["email"] == address.as_str())
            .expect("reported")["eml"]
            .clone();
        let mut draft = b"X-Unsent: 1\r\n".to_vec();
        draft.extend_from_slice(&copy);
        assert_eq!(
            std::fs::read(eml.as_str().expect("path")).expect("eml"),
            draft,
            "the archived copy, marked as a draft for the mail client"
        );
        assert_eq!(m["sha256"], sha256_hex(&copy).as_str());
        assert_eq!(sink.count(address), 0, "--eml-dir sends nothing");
    }
    // Exported messages are in doubt: a plain send leaves them alone and says so.
    env.run(["send", &id]).fails_with(1, "--confirm-sent");
    assert_eq!(sink.count(&ann) + sink.count(&bo), 0);
    // The user sent Ann's from their client, and wants bowout to send Bo's.
    let ann_id = message_to(&shown, &ann)["message_id"]
        .as_str()
        .expect("id")
        .to_string();
    let bo_id = message_to(&shown, &bo)["message_id"]
        .as_str()
        .expect("id")
        .to_string();
    env.run(["send", &id, "--confirm-sent", &ann_id, "--resend", &bo_id])
        .ok();
    assert_eq!(sink.count(&ann), 0);
    assert_eq!(sink.count(&bo), 1);
    assert_eq!(sink.deliveries(&bo)[0].header("Message-ID"), [bo_id]);
    let shown = show(&env, &id);
    assert_eq!(shown["status"], "sent");
    env.run(["send", &id, "--resend", &ann_id])
        .fails_with(1, "only messages in doubt");
}

#[test]
fn an_acceptance_goes_to_the_primary_only_and_a_later_decline_still_goes_out() {
    let sink = sink();
    let env = sink.env();
    let AnnAndBo { ann, bo, id } = AnnAndBo::invited(&env, "bo");
    env.run(["send", &id]).fails_with(1, "no decision yet");
    env.run(["accept", &id]).ok();
    env.run(["send", &id]).ok();
    assert_eq!((sink.count(&ann), sink.count(&bo)), (1, 0));
    let shown = show(&env, &id);
    assert_eq!(
        shown["status"], "accepted",
        "an accepted invitation stays on the agenda"
    );
    assert_eq!(message_to(&shown, &ann)["kind"], "accept");
    // Changing one's mind after accepting is allowed: the declines go to everyone.
    env.run(["decline", &id]).ok();
    env.run(["send", &id]).ok();
    assert_eq!((sink.count(&ann), sink.count(&bo)), (2, 1));
    assert!(sink.deliveries(&ann)[1].text().contains("regret"));
    assert_eq!(show(&env, &id)["status"], "sent");
}

#[test]
fn a_new_decision_cancels_messages_that_never_went_out() {
    let sink = sink();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let mut env = sink.env_on(port, "none");
    let AnnAndBo { ann, bo, id } = AnnAndBo::declined(&env, "bo");
    env.run(["send", &id]).fails_with(1, "cannot connect");
    // Nothing went out, so the user may still change their mind.
    env.run(["accept", &id]).ok();
    env.set("BOWOUT_SMTP_PORT", &sink.port.to_string());
    env.run(["send", &id]).ok();
    assert_eq!((sink.count(&ann), sink.count(&bo)), (1, 0));
    assert!(sink.deliveries(&ann)[0].text().contains("look forward"));
    let messages = show(&env, &id)["messages"].clone();
    let states: Vec<(String, String)> = messages
        .as_array()
        .expect("messages")
        .iter()
        .map(|m| (m["kind"].to_string(), m["status"].to_string()))
        .collect();
    assert_eq!(states.len(), 3, "{messages}");
    assert!(states.contains(&("\"accept\"".into(), "\"sent\"".into())));
    let cancelled = states
        .iter()
        .filter(|(k, s)| k == "\"decline\"" && s == "\"cancelled\"");
    assert_eq!(cancelled.count(), 2, "{messages}");
}
