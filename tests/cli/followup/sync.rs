//! `bowout sync` against the real Dovecot that ./scripts/test starts: invitations recorded
//! from INBOX and from `[imap] folders`, receipts matched, in one pass and one report; the
//! first sync reads the `--since` window only, later syncs only what is new; nothing is
//! marked read, and nothing read twice is recorded twice.

use super::imap::{Mailbox, ann_reply};
use super::{MONDAY_9_UNIX, SUBJECT, events, message_to, reply, sent_decline, show};
use crate::harness::Env;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn corpus(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus")
        .join(name);
    std::fs::read(path).expect("fixture")
}

fn sync(env: &Env, extra: &[&str]) -> Value {
    let mut args = vec!["--json", "sync"];
    args.extend_from_slice(extra);
    env.run(args).ok().json()
}

fn outcomes(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("list")
        .iter()
        .map(|x| x["outcome"].as_str().expect("outcome").to_string())
        .collect()
}

fn invitations(env: &Env) -> usize {
    env.run(["--json", "list"])
        .ok()
        .json()
        .as_array()
        .map_or(0, Vec::len)
}

/// Every message file of the Maildir folder, in `cur/` and `new/`.
fn files(dir: &Path) -> Vec<PathBuf> {
    ["cur", "new"]
        .iter()
        .flat_map(|sub| std::fs::read_dir(dir.join(sub)).expect("dir"))
        .map(|e| e.expect("entry").path())
        .collect()
}

/// Unix seconds of 2026-09-01, two months before the pinned clock's day.
const SEPTEMBER_1_UNIX: i64 = 1_788_220_800;

#[test]
fn a_sync_records_invitations_and_receipts_and_reads_nothing_twice() {
    let mb = Mailbox::new(9);
    let mut env = mb.env();
    env.set("BOWOUT_IMAP_FOLDERS", "Jobs");
    let id = sent_decline(&env);
    mb.deliver_at(None, "1.invitation", &corpus("002.eml"), MONDAY_9_UNIX);
    mb.deliver(None, "2.ann", &ann_reply(&env, &id));
    let news = reply("news@shop.example", "Deals", "deals@shop.example", &[]);
    mb.deliver(None, "3.news", &news);
    mb.deliver_at(Some("Jobs"), "1.filed", &corpus("020.eml"), MONDAY_9_UNIX);

    let first = sync(&env, &[]);
    assert_eq!(first["read"], 4, "{first}");
    assert_eq!(first["new_invitations"], 2, "{first}");
    assert_eq!(first["receipts"], 1, "{first}");
    assert_eq!(first["review"], serde_json::json!([]));
    assert_eq!(outcomes(&first["invitations"]), ["recorded", "recorded"]);
    assert_eq!(first["invitations"][0]["employer"], "Northwind Analytics");
    assert_eq!(first["invitations"][0]["source"], "imap:INBOX/1");
    assert_eq!(first["invitations"][1]["employer"], "Brightwater Health");
    assert_eq!(first["invitations"][1]["source"], "imap:Jobs/1");
    assert_eq!(outcomes(&first["replies"]), ["acknowledged"]);
    let folders: Vec<&str> = first["folders"]
        .as_array()
        .expect("folders")
        .iter()
        .map(|f| f["mailbox"].as_str().expect("name"))
        .collect();
    assert_eq!(folders, ["INBOX", "Jobs"]);
    assert_eq!(first["folders"][0]["since"], "2026-10-28", "30 days back");
    let mut shape = first.clone();
    for folder in shape["folders"].as_array_mut().expect("folders") {
        // Dovecot's UIDVALIDITY is the time the folder was made: pinned for the snapshot.
        folder["uid_validity"] = 1.into();
    }
    crate::shapes::assert_shape(&env, "sync", &shape);
    assert_eq!(invitations(&env), 3, "Globex and the two from the mail");
    let shown = show(&env, &id);
    assert_eq!(
        message_to(&shown, "ann@globex.example")["acknowledged_at"],
        super::MONDAY_9_RFC3339
    );
    for file in files(&mb.folder(None))
        .into_iter()
        .chain(files(&mb.folder(Some("Jobs"))))
    {
        let name = file
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let flags = name.split_once(":2,").map_or("", |(_, f)| f);
        assert!(!flags.contains('S'), "{name} was marked read");
    }

    // Nothing old is read again.
    let text = env.run(["sync"]).ok().stdout();
    assert!(
        text.ends_with("0 new invitations, 0 to review, 0 receipts\n"),
        "{text}"
    );
    assert!(
        text.contains("INBOX: 0 messages read, up to UID 3"),
        "{text}"
    );

    // Bo's receipt, the second round of the first invitation, and the same invitation filed
    // under Jobs too: one receipt, one later message, and no second invitation.
    let bo = reply(
        "Bo Chen <bo@globex.example>",
        &format!("AW: {SUBJECT}"),
        &format!("bo.{id}@globex.example"),
        &[],
    );
    mb.deliver(None, "4.bo", &bo);
    let round2 = "From: Maya Castellanos <maya.castellanos@northwind-analytics.example>\r\nTo: dana.whitfield@example.net\r\nSubject: Re: Northwind Analytics - next round\r\nMessage-ID: <round2@northwind-analytics.example>\r\nIn-Reply-To: <fc8216d2ec5671eccb9b8540.516043@greenhouse-mail-prod.example>\r\n\r\nHi Dana, we would like to invite you to a second round interview with the team. Which of these times works for you?\r\n\r\nMaya Castellanos\r\nRecruiter | Northwind Analytics\r\n";
    mb.deliver(None, "5.round2", round2);
    mb.deliver_at(Some("Jobs"), "2.copy", &corpus("002.eml"), MONDAY_9_UNIX);
    let text = env.run(["sync"]).ok().stdout();
    assert!(
        text.ends_with("0 new invitations, 1 later message, 0 to review, 1 receipt\n"),
        "{text}"
    );
    assert!(text.contains("receipt          "), "{text}");
    assert!(text.contains("recorded before  "), "{text}");
    assert_eq!(invitations(&env), 3);
    assert_eq!(show(&env, &id)["status"], "acknowledged");

    // Dovecot forgets its UIDs: everything is read again and nothing is recorded twice.
    mb.reset_uids(None);
    let again = sync(&env, &[]);
    assert_eq!(again["folders"][0]["read"], 5, "{again}");
    assert!(again["folders"][0]["uid_validity_was"].is_u64(), "{again}");
    assert_eq!(again["new_invitations"], 0);
    assert_eq!(again["receipts"], 0);
    assert_eq!(outcomes(&again["invitations"]), ["duplicate", "duplicate"]);
    assert_eq!(
        outcomes(&again["replies"]),
        ["already-seen", "already-seen"]
    );
    assert_eq!(invitations(&env), 3);
    assert_eq!(
        events(&show(&env, &id), "acknowledged"),
        2,
        "no receipt twice"
    );
}

#[test]
fn a_first_sync_reads_only_its_window() {
    let mb = Mailbox::new(10);
    let env = mb.env();
    mb.deliver_at(None, "1.old", &corpus("005.eml"), SEPTEMBER_1_UNIX);
    mb.deliver_at(None, "2.recent", &corpus("007.eml"), MONDAY_9_UNIX);
    let first = sync(&env, &[]);
    assert_eq!(
        first["read"], 1,
        "the September mail is outside 30 days: {first}"
    );
    assert_eq!(first["invitations"][0]["employer"], "Halvorsen Mutual");
    assert_eq!(first["invitations"][0]["source"], "imap:INBOX/2");
    let second = sync(&env, &["--since", "2026-08-01"]);
    assert_eq!(
        second["read"], 0,
        "a later sync reads only what is new: {second}"
    );
    assert!(second["folders"][0]["since"].is_null());

    // Another home reading the same mailbox for the first time, with a wider window.
    let wide = mb.env();
    let report = sync(&wide, &["--since", "2026-08-01"]);
    assert_eq!(report["new_invitations"], 2, "{report}");
    assert_eq!(report["folders"][0]["since"], "2026-08-01");
    let weeks = mb.env();
    assert_eq!(
        sync(&weeks, &["--since", "2w"])["folders"][0]["since"],
        "2026-11-13"
    );

    // A window that is no window is refused before the server is asked.
    let before = env.snapshot();
    env.run(["sync", "--since", "3x"])
        .fails_with(2, "invalid --since \"3x\"");
    env.run(["sync", "--since", "3é"])
        .fails_with(2, "invalid --since \"3é\"");
    env.run(["sync", "--since", "2027-01-01"])
        .fails_with(2, "--since 2027-01-01 is in the future");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_refused_login_or_a_missing_folder_records_nothing() {
    let mb = Mailbox::new(11);
    let mut env = mb.env();
    mb.deliver(
        None,
        "1.invitation",
        &String::from_utf8(corpus("002.eml")).expect("utf-8"),
    );
    let before = env.snapshot();
    env.set("BOWOUT_IMAP_PASSWORD", "wrong-password-for-test");
    let run = env
        .run(["sync"])
        .fails_with(1, &format!("IMAP login to 127.0.0.1 as {} failed", mb.user));
    assert!(
        !run.stderr().contains("wrong-password"),
        "no secret in errors"
    );
    assert_eq!(env.snapshot(), before);

    env.set("BOWOUT_IMAP_PASSWORD", &mb.password)
        .set("BOWOUT_IMAP_FOLDERS", "Jobs, Nowhere");
    mb.folder(Some("Jobs"));
    env.run(["sync"]).fails_with(
        1,
        "mailbox \"Nowhere\" is not on 127.0.0.1 (deleted or renamed?)",
    );
    let run = env.run(["sync"]).fails_with(1, "set [imap] folders");
    assert!(run.stdout().is_empty());
    assert_eq!(env.snapshot(), before, "INBOX was not read either");
    env.set("BOWOUT_IMAP_FOLDERS", "Jobs\r\nx");
    env.run(["sync"]).fails_with(1, "not a folder name");
}

#[test]
fn a_message_too_large_is_skipped_with_a_warning_and_the_rest_is_read() {
    let mb = Mailbox::new(12);
    let env = mb.env();
    let mut huge = b"From: big@files.example\r\nSubject: the archive\r\nMessage-ID: <huge@files.example>\r\n\r\n".to_vec();
    let line = [b'x'; 998];
    while huge.len() < 26 * 1024 * 1024 {
        huge.extend_from_slice(&line);
        huge.extend_from_slice(b"\r\n");
    }
    mb.deliver_at(None, "1.huge", &huge, MONDAY_9_UNIX);
    drop(huge);
    mb.deliver_at(None, "2.invitation", &corpus("002.eml"), MONDAY_9_UNIX);
    let run = env.run(["--json", "sync"]);
    assert_eq!(run.code(), 3, "something was skipped: {}", run.stderr());
    let err = run.stderr();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(
            "bowout: warning: imap:INBOX/1: folder \"INBOX\", UID 1: a message of 27.3 MB"
        ),
        "{err}"
    );
    assert!(
        err.contains("larger than the 25 MB sync reads; skipped"),
        "{err}"
    );
    let report = run.json();
    assert_eq!(report["new_invitations"], 1, "{report}");
    assert_eq!(report["problems"].as_array().map(Vec::len), Some(1));
    // The mark moved past it: the next sync neither reads nor warns again.
    let next = env.run(["--json", "sync"]).ok().json();
    assert_eq!(next["read"], 0);
}

#[test]
fn an_invitation_that_names_no_one_to_answer_is_recorded_and_the_sync_says_so() {
    // Dana forwarded the invitation to herself without the sender's address in it. (User 17:
    // 13 to 16 are the fault tests'.)
    let mb = Mailbox::new(17);
    let env = mb.env();
    let forwarded = "From: Dana Whitfield <dana@example.net>\r\nTo: dana@example.net\r\n\
        Subject: Fwd: Interview invitation - Research Analyst\r\n\
        Message-ID: <fwd-sync@example.net>\r\n\r\nFYI\r\n\r\n\
        ---------- Forwarded message ---------\r\nSubject: Interview invitation\r\n\r\n\
        Dear Dana,\r\n\r\nWe would like to invite you to a first-round interview for the \
        Research Analyst position. Please let me know which of these times works for you: \
        Monday 30 November at 10:00.\r\n";
    mb.deliver_at(None, "1.forwarded", forwarded.as_bytes(), MONDAY_9_UNIX);
    let report = sync(&env, &[]);
    assert_eq!(report["new_invitations"], 1, "{report}");
    assert_eq!(report["problems"], serde_json::json!([]));
    let todo = report["invitations"][0]["todo"]
        .as_str()
        .unwrap_or_default();
    assert!(todo.contains("bowout contact add"), "{report}");
    let id = report["invitations"][0]["id"].as_str().expect("id");
    assert_eq!(show(&env, id)["contacts"], serde_json::json!([]));
    // Another home reading the same mailbox: the text report says it too.
    let text = mb.env().run(["sync"]).ok().stdout();
    assert!(
        text.contains("needs you") && text.contains("bowout contact add"),
        "{text}"
    );
}
