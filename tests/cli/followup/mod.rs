//! Closing the loop after sending: receipts from replies (files and a real IMAP server), the
//! follow-up call, the agenda and the calendar — all through the binary.
//!
//! Declines are "sent" here the way a user without SMTP does it: `send --eml-dir`, then
//! `send --confirm-sent all`.

mod agenda;
mod calendar;
mod call;
pub(crate) mod imap;
mod replies;
mod sync;

use crate::harness::Env;
pub use crate::harness::{message_to, show};
use serde_json::Value;

/// A reply's Date: the Monday after.
pub const MONDAY_9: &str = "Mon, 30 Nov 2026 09:15:00 +0000";
/// `MONDAY_9` as Unix seconds.
pub const MONDAY_9_UNIX: i64 = 1_796_030_100;
/// `MONDAY_9` as `--json` output writes times (RFC 3339, UTC).
pub const MONDAY_9_RFC3339: &str = "2026-11-30T09:15:00Z";
pub const SUBJECT: &str = "Interview invitation for Data Analyst 4471";

/// A fresh home as in [`Env::new`], with no `[smtp]` section: the loop is driven with
/// `send --eml-dir` and `--confirm-sent`, which need no server.
pub fn env() -> Env {
    Env::new()
}

/// Another invitation, from `employer` with `primary` as its contact; returns its id.
pub fn add(env: &Env, employer: &str, primary: &str) -> String {
    let args = [
        "--json",
        "add",
        "--employer",
        employer,
        "--title",
        "Analyst",
        "--primary",
        primary,
    ];
    env.run(args).ok().json()["id"]
        .as_str()
        .expect("id")
        .to_string()
}

/// An invitation to Ann (primary, with a phone) and Bo, declined with a referral and sent.
/// Returns its id.
pub fn sent_decline(env: &Env) -> String {
    let id = env.add(&[
        "--phone",
        "+1 555 0142",
        "--other",
        "Bo Chen <bo@globex.example>",
        "--other-role",
        "hiring manager",
    ]);
    let rid = env.add_referral("sam.park@fastmail.example");
    env.run(["decline", &id, "--reason", "accepted-job", "--refer", &rid])
        .ok();
    send(env, &id);
    id
}

/// Sends the drafts of `id` without SMTP: exported, then confirmed sent.
pub fn send(env: &Env, id: &str) {
    let dir = env.path(&format!("eml-{id}"));
    env.run(["send", id, "--eml-dir", dir.to_str().expect("utf-8")])
        .ok();
    env.run(["send", id, "--confirm-sent", "all"]).ok();
}

/// How many timeline events of `kind` the invitation has.
pub fn events(shown: &Value, kind: &str) -> usize {
    shown["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter(|e| e["kind"] == kind)
        .count()
}

/// How many automatic replies the timeline notes.
pub fn auto_notes(shown: &Value) -> usize {
    shown["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter(|e| e["kind"] == "note")
        .filter(|e| {
            e["detail"]
                .as_str()
                .is_some_and(|d| d.starts_with("automatic reply"))
        })
        .count()
}

/// A reply as raw RFC 5322 text. `headers` are extra lines (`Name: value`).
pub fn reply(from: &str, subject: &str, message_id: &str, headers: &[&str]) -> String {
    let mut s = format!(
        "From: {from}\r\nTo: Dana Whitfield <dana@example.net>\r\nSubject: {subject}\r\n\
         Date: {MONDAY_9}\r\nMessage-ID: <{message_id}>\r\n"
    );
    for h in headers {
        s.push_str(h);
        s.push_str("\r\n");
    }
    s.push_str("Content-Type: text/plain; charset=utf-8\r\n\r\nThanks, received.\r\n");
    s
}

/// Two accepted interviews: Hooli's on 2026-12-10 14:00 Berlin time, Acme's with no time
/// yet. Returns (Hooli's id, Acme's id).
pub fn accepted_timed_and_untimed(env: &Env) -> (String, String) {
    let timed = add(env, "Hooli", "Flo Gee <flo@hooli.example>");
    env.run([
        "accept",
        &timed,
        "--at",
        "2026-12-10 14:00",
        "--tz",
        "Europe/Berlin",
    ])
    .ok();
    let untimed = add(env, "Acme", "Gus Hu <gus@acme.example>");
    env.run(["accept", &untimed]).ok();
    (timed, untimed)
}

/// Writes, as `<email>.eml` in the home, `email`'s reply to the decline bowout sent them,
/// naming its Message-ID in `header` ("In-Reply-To" or "References"); returns the path.
pub fn reply_file(env: &Env, shown: &Value, email: &str, header: &str) -> String {
    let mid = message_to(shown, email)["message_id"]
        .as_str()
        .expect("id")
        .to_string();
    let path = env.path(&format!("{email}.eml"));
    let text = reply(
        email,
        &format!("Re: {SUBJECT}"),
        &format!("r.{email}"),
        &[&format!("{header}: {mid}")],
    );
    std::fs::write(&path, text).expect("write");
    path.to_str().expect("utf-8").to_string()
}

/// The outcomes of a `replies --json` report, in order.
pub fn outcomes(report: &Value) -> Vec<String> {
    report["replies"]
        .as_array()
        .expect("replies")
        .iter()
        .map(|r| r["outcome"].as_str().expect("outcome").to_string())
        .collect()
}
