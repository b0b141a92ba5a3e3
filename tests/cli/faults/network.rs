//! Dropped connections: a proxy between bowout and the real servers cuts the first
//! connection, in the middle of an IMAP fetch or right after an SMTP command. What was read
//! whole is recorded, the next run goes on from there reading nothing twice and missing
//! nothing, and a message whose content may have reached the server becomes `unknown`:
//! never `sent`, never `failed`.

use super::proxy::{Cut, Proxy};
use super::{declined, dump, rows, store_works, tally};
use crate::followup::imap::{Mailbox, var};
use crate::followup::{SUBJECT, reply};
use crate::harness::{Env, message_to, show};
use crate::send::sink::{addresses, sink};

const REPLIES: usize = 6;

/// Six contacts at Globex, declined and sent (as `.eml` files, confirmed), each of whom
/// replied (by sender and subject) into `mb`'s INBOX; the home reads it through `proxy`.
fn six_replies(mb: &Mailbox, proxy: &Proxy) -> (Env, String) {
    let mut env = mb.env();
    env.set("BOWOUT_IMAP_PORT", &proxy.port.to_string());
    let people: Vec<String> = (0..REPLIES)
        .map(|i| format!("Person {i} <p{i}@globex.example>"))
        .collect();
    let others: Vec<&str> = people[1..].iter().map(String::as_str).collect();
    let id = declined(&env, &people[0], &others);
    crate::followup::send(&env, &id);
    for i in 0..REPLIES {
        let text = reply(
            &format!("p{i}@globex.example"),
            &format!("Re: {SUBJECT}"),
            &format!("r{i}.{}@globex.example", mb.user),
            &[],
        );
        mb.deliver(None, &format!("reply-{i}"), &text);
    }
    (env, id)
}

/// The UIDs named by the `UID FETCH` commands the client sent.
fn fetched_uids(sent: &[u8]) -> Vec<u32> {
    let text = String::from_utf8_lossy(sent);
    text.split("\r\n")
        .filter_map(|line| line.split_once("UID FETCH ").map(|(_, rest)| rest))
        .filter_map(|rest| rest.split(' ').next())
        .flat_map(|set| set.split(',').filter_map(|u| u.parse().ok()))
        .collect()
}

/// Cuts the first `replies --imap` where `cut` says, after `whole` of the six replies went
/// through whole; then checks the second run reads only the rest, and every reply is
/// recorded once.
fn cut_fetch(user: u8, extra: usize, whole: usize) -> String {
    let mb = Mailbox::new(user);
    let port: u16 = var("BOWOUT_TEST_IMAP_PORT").parse().expect("port");
    let proxy = Proxy::start(
        port,
        Cut::ServerLine {
            after: b"UID FETCH",
            pattern: b" FETCH (",
            n: whole + 1,
            extra,
        },
    );
    let (env, id) = six_replies(&mb, &proxy);
    let first = env
        .run(["replies", "--imap"])
        .fails_with(1, "was lost in the middle of a fetch");
    let said = first.stderr();
    assert!(
        said.contains(&format!(
            "after {whole} of {REPLIES} new message(s), all recorded"
        )),
        "{said}"
    );
    assert_eq!(
        rows(&dump(&env), "replies").len(),
        whole,
        "what was read is kept"
    );
    store_works(&env);

    let second = env.run(["--json", "replies", "--imap"]).ok().json();
    assert_eq!(second["acknowledged"], REPLIES - whole, "{second}");
    let asked_first = fetched_uids(&proxy.client_bytes(0));
    let asked_then = fetched_uids(&proxy.client_bytes(proxy.connections() - 1));
    assert_eq!(asked_first.len(), REPLIES);
    assert_eq!(
        asked_then,
        asked_first[whole..],
        "the second run reads only what the first did not"
    );
    let after = dump(&env);
    assert_eq!(
        rows(&after, "replies").len(),
        REPLIES,
        "each reply once, none missing"
    );
    assert_eq!(show(&env, &id)["status"], "acknowledged");
    said.trim().to_string()
}

#[test]
fn imap_dropping_the_connection_in_the_middle_of_a_fetch_loses_nothing_and_reads_nothing_twice() {
    let said = cut_fetch(15, 24, 3);
    tally(
        "IMAP connection dropped inside a FETCH response",
        1,
        0,
        &said,
    );
}

#[test]
fn imap_dropping_the_connection_between_two_fetch_responses_is_not_taken_for_the_end() {
    let said = cut_fetch(16, 0, 2);
    tally(
        "IMAP connection dropped between two FETCH responses",
        1,
        0,
        &said,
    );
}

#[test]
fn smtp_dropping_the_connection_after_the_content_leaves_the_message_unknown_never_sent_or_failed()
{
    let sink = sink();
    let proxy = Proxy::start(
        sink.port,
        Cut::ClientSent {
            pattern: b"\r\n.\r\n",
        },
    );
    let mut env = sink.env_on(proxy.port, "none");
    env.set("BOWOUT_SMTP_PORT", &proxy.port.to_string());
    let [ann, bo] = addresses(["ann", "bo"]);
    let id = declined(
        &env,
        &format!("Ann Lee <{ann}>"),
        &[&format!("Bo Chen <{bo}>")],
    );
    let run = env.run(["send", &id]).fails_with(1, "--confirm-sent");
    let shown = show(&env, &id);
    let m = message_to(&shown, &ann);
    assert_eq!(m["status"], "unknown", "cut before the server's reply: {m}");
    assert!(
        m["last_error"]
            .as_str()
            .is_some_and(|e| e.contains("after the message went out")),
        "{m}"
    );
    assert_eq!(
        message_to(&shown, &bo)["status"],
        "sent",
        "a new connection for Bo"
    );
    assert_eq!((sink.count(&ann), sink.count(&bo)), (1, 1));
    store_works(&env);
    // Not resent by itself; settled by the user.
    env.run(["send", &id]).fails_with(1, "--confirm-sent");
    assert_eq!(sink.count(&ann), 1);
    env.run(["send", &id, "--confirm-sent", "all"]).ok();
    assert_eq!(show(&env, &id)["status"], "sent");
    assert_eq!((sink.count(&ann), sink.count(&bo)), (1, 1), "never twice");
    env.run(["verify"]).ok();
    tally(
        "SMTP connection dropped after DATA's content, before the reply",
        1,
        0,
        run.stderr().trim(),
    );
}

#[test]
fn smtp_dropping_the_connection_after_the_data_command_sends_the_message_once_on_a_new_one() {
    let sink = sink();
    let proxy = Proxy::start(
        sink.port,
        Cut::ClientSent {
            pattern: b"DATA\r\n",
        },
    );
    let env = sink.env_on(proxy.port, "none");
    let [ann] = addresses(["ann"]);
    let id = declined(&env, &format!("Ann Lee <{ann}>"), &[]);
    env.run(["send", &id]).ok();
    let m = message_to(&show(&env, &id), &ann).clone();
    assert_eq!(m["status"], "sent", "{m}");
    assert_eq!(m["attempts"], 2, "the first attempt never sent content");
    assert_eq!(sink.count(&ann), 1, "once");
    assert!(proxy.connections() >= 2);
    env.run(["verify"]).ok();
    tally(
        "SMTP connection dropped after the DATA command, before its reply",
        1,
        0,
        "(none: sent on a new connection)",
    );
}
