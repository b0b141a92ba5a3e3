//! `bowout replies PATH…`: .eml files, mboxes and Maildirs matched to the messages sent.

use super::{
    MONDAY_9_RFC3339, SUBJECT, auto_notes, events, message_to, outcomes, reply, reply_file,
    sent_decline, show,
};

fn mbox(messages: &[String]) -> String {
    messages
        .iter()
        .map(|m| {
            format!(
                "From someone@example Mon Nov 30 09:15:00 2026\n{}\n",
                m.replace("\r\n", "\n")
            )
        })
        .collect()
}

#[test]
fn replies_in_eml_mbox_and_maildir_confirm_receipt_once() {
    let env = super::env();
    let id = sent_decline(&env);
    let shown = show(&env, &id);
    assert_eq!(shown["status"], "sent");
    let ann_msg = message_to(&shown, "ann@globex.example")["message_id"]
        .as_str()
        .expect("id")
        .to_string();

    // Ann answers in the thread (In-Reply-To), saved as an .eml file.
    let ann_reply = reply(
        "Ann Lee <ann@globex.example>",
        &format!("RE: {SUBJECT}"),
        "r1@globex.example",
        &[&format!("In-Reply-To: {ann_msg}")],
    );
    let eml = env.path("ann.eml");
    std::fs::write(&eml, &ann_reply).expect("write");
    let report = env
        .run(["--json", "replies", eml.to_str().expect("utf-8")])
        .ok()
        .json();
    assert_eq!(outcomes(&report), ["acknowledged"]);
    assert_eq!(report["replies"][0]["invitation_id"], id.as_str());
    let shown = show(&env, &id);
    let ann = message_to(&shown, "ann@globex.example");
    assert_eq!(ann["acknowledged_at"], MONDAY_9_RFC3339, "the reply's date");
    assert!(message_to(&shown, "bo@globex.example")["acknowledged_at"].is_null());
    assert_eq!(shown["status"], "sent", "Bo has not confirmed yet");
    assert_eq!(events(&shown, "acknowledged"), 1);

    // An mbox: Bo's out-of-office, a newsletter, then Bo's real answer with no threading
    // headers (matched by sender and subject).
    let ooo = reply(
        "Bo Chen <bo@globex.example>",
        &format!("Automatic reply: {SUBJECT}"),
        "ooo@globex.example",
        &["Auto-Submitted: auto-replied"],
    );
    let news = reply(
        "news@shop.example",
        "Deals of the week",
        "n1@shop.example",
        &[],
    );
    let bo = reply(
        "Bo Chen <BO@globex.example>",
        &format!("AW: {SUBJECT}"),
        "r2@globex.example",
        &[],
    );
    let mbox_path = env.path("replies.mbox");
    std::fs::write(&mbox_path, mbox(&[ooo, news, bo])).expect("write");
    let report = env
        .run(["--json", "replies", mbox_path.to_str().expect("utf-8")])
        .ok()
        .json();
    assert_eq!(
        outcomes(&report),
        ["auto-reply", "unmatched", "acknowledged"]
    );
    assert_eq!(report["unmatched"], 1);
    let shown = show(&env, &id);
    assert_eq!(shown["status"], "acknowledged", "every decline confirmed");
    assert_eq!(events(&shown, "acknowledged"), 2);
    assert_eq!(auto_notes(&shown), 1, "the auto-reply is noted");
    let note = shown["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .find(|e| {
            e["kind"] == "note"
                && e["detail"]
                    .as_str()
                    .is_some_and(|d| d.starts_with("automatic reply"))
        })
        .expect("note");
    assert!(
        note["detail"]
            .as_str()
            .expect("detail")
            .contains("not a receipt")
    );

    // A Maildir holding Ann's reply again: nothing is recorded twice.
    let maildir = env.path("Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).expect("mkdir");
    }
    std::fs::write(maildir.join("new/1.host"), &ann_reply).expect("write");
    let before = env.snapshot();
    let report = env
        .run([
            "--json",
            "replies",
            maildir.to_str().expect("utf-8"),
            mbox_path.to_str().expect("utf-8"),
        ])
        .ok()
        .json();
    assert_eq!(
        outcomes(&report),
        ["already-seen", "already-seen", "unmatched", "already-seen"]
    );
    assert_eq!(env.snapshot(), before, "reading again writes nothing");
}

#[test]
fn a_reply_that_matches_nothing_is_reported_and_nothing_is_written() {
    let env = super::env();
    let id = sent_decline(&env);
    let stranger = reply(
        "Eve <eve@elsewhere.example>",
        &format!("Re: {SUBJECT}"),
        "e1@elsewhere.example",
        &["In-Reply-To: <not-ours@example.net>"],
    );
    let path = env.path("eve.eml");
    std::fs::write(&path, stranger).expect("write");
    let before = env.snapshot();
    let run = env.run(["replies", path.to_str().expect("utf-8")]).ok();
    assert!(
        run.stdout().contains("matches no sent message"),
        "{}",
        run.stdout()
    );
    assert!(
        run.stdout().contains("1 matched nothing"),
        "{}",
        run.stdout()
    );
    assert_eq!(env.snapshot(), before);
    assert_eq!(show(&env, &id)["status"], "sent");
}

#[test]
fn unreadable_paths_are_named_and_the_rest_is_read() {
    let env = super::env();
    sent_decline(&env);
    let junk = env.path("junk.bin");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 1]).expect("write");
    let run = env.run(["replies", junk.to_str().expect("utf-8")]);
    assert_eq!(run.code(), 3, "something was skipped: {}", run.stderr());
    let err = run.stderr();
    assert!(err.contains("junk.bin: not a mail message"), "{err}");
    // A path that does not exist is a mistake to correct, not something to skip.
    let missing = env.path("nowhere.mbox");
    env.run(["replies", missing.to_str().expect("utf-8")])
        .fails_with(2, "nowhere.mbox: no such file or directory");
    env.run(["replies"]).fails_with(2, "<PATH>");
    env.run(["replies", "--imap", "x.eml"])
        .fails_with(2, "cannot be used with");
}

#[test]
fn the_loop_runs_on_postgresql_too() {
    let env = crate::harness::Env::postgres();
    let id = sent_decline(&env);
    let shown = show(&env, &id);
    let files = ["ann@globex.example", "bo@globex.example"]
        .map(|email| reply_file(&env, &shown, email, "In-Reply-To"));
    let mut args = vec!["--json".to_string(), "replies".to_string()];
    args.extend(files.iter().cloned());
    let report = env.run(&args).ok().json();
    assert_eq!(outcomes(&report), ["acknowledged", "acknowledged"]);
    assert_eq!(env.run(&args).ok().json()["acknowledged"], 0, "not twice");
    assert_eq!(show(&env, &id)["status"], "acknowledged");
    env.run(["call", &id, "--outcome", "no-answer"]).ok();
    let sheet = env.run(["--json", "call", &id]).ok().json();
    assert!(sheet["due"].is_null(), "every contact confirmed: {sheet}");
    assert_eq!(sheet["all_confirmed"], true);
    let agenda = env.run(["--json", "agenda"]).ok().json();
    for section in ["owed", "next"] {
        assert!(
            agenda[section].as_array().expect("section").is_empty(),
            "{agenda}"
        );
    }
    let ics = env.path("pg.ics");
    env.run(["calendar", "--out", ics.to_str().expect("utf-8")])
        .ok();
    let text = std::fs::read_to_string(&ics).expect("ics");
    assert!(text.contains(&format!("UID:call-{id}@bowout")), "{text}");
    assert!(
        text.contains("STATUS:CANCELLED"),
        "no call is needed: {text}"
    );
    let dump = env.snapshot();
    assert_eq!(dump["calls"].as_array().expect("calls").len(), 1);
    assert_eq!(dump["replies"].as_array().expect("replies").len(), 2);
}
