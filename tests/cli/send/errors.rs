//! What goes wrong at the server: a one-line reason, each message's state right, nothing lost.

use super::sink::{AnnAndBo, declined_to_ann, message_to, show, sink, tag};
use std::time::Instant;

#[test]
fn wrong_password_fails_with_535_then_the_right_one_sends() {
    let sink = sink();
    let mut env = sink.env();
    env.set("BOWOUT_SMTP_PASSWORD", "not-the-password");
    let (ann, id) = declined_to_ann(&env, "ann");
    env.run(["send", &id]).fails_with(1, "535");
    let stored = show(&env, &id);
    let m = message_to(&stored, &ann);
    assert_eq!(m["status"], "failed");
    assert!(
        m["last_error"].as_str().expect("error").contains("535"),
        "{m}"
    );
    assert_eq!(sink.count(&ann), 0);
    let message_id = m["message_id"].clone();

    env.set("BOWOUT_SMTP_PASSWORD", &sink.password);
    env.run(["send", &id]).ok();
    let stored = show(&env, &id);
    let m = message_to(&stored, &ann);
    assert_eq!(m["status"], "sent");
    assert_eq!(
        m["message_id"], message_id,
        "the Message-ID stored first is the one sent"
    );
    assert_eq!(sink.count(&ann), 1);
}

#[test]
fn a_refused_recipient_fails_alone_with_the_servers_words() {
    let sink = sink();
    let env = sink.env();
    let AnnAndBo { ann, bo: bad, id } = AnnAndBo::declined(&env, "refuse");
    env.run(["send", &id]).fails_with(1, "550 5.1.1");
    let shown = show(&env, &id);
    assert_eq!(message_to(&shown, &ann)["status"], "sent");
    let refused = message_to(&shown, &bad);
    assert_eq!(refused["status"], "failed");
    assert!(
        refused["last_error"]
            .as_str()
            .expect("error")
            .contains("Recipient address rejected")
    );
    assert_eq!(refused["attempts"], 1, "a permanent refusal is not retried");
    assert_eq!(shown["status"], "declined", "not every decline went out");
    assert_eq!((sink.count(&ann), sink.count(&bad)), (1, 0));
    // The next run tries only the failed one again; Ann is not sent twice.
    env.run(["send", &id]).fails_with(1, "550 5.1.1");
    assert_eq!(sink.count(&ann), 1);
}

#[test]
fn a_busy_server_is_retried_with_backoff_then_the_message_fails() {
    let sink = sink();
    let env = sink.env();
    let (busy, id) = declined_to_ann(&env, "busy");
    let start = Instant::now();
    env.run(["send", &id]).fails_with(1, "451 4.3.0");
    assert!(
        start.elapsed().as_secs_f64() >= 3.0,
        "backoff of 1 s then 2 s"
    );
    let stored = show(&env, &id);
    let m = message_to(&stored, &busy);
    assert_eq!(m["status"], "failed");
    assert_eq!(m["attempts"], 3);
}

#[test]
fn server_down_fails_every_message_with_the_reason() {
    let sink = sink();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let env = sink.env_on(port, "none");
    let AnnAndBo { ann, bo, id } = AnnAndBo::declined(&env, "bo");
    env.run(["send", &id])
        .fails_with(1, "cannot connect to 127.0.0.1");
    let shown = show(&env, &id);
    for address in [&ann, &bo] {
        let m = message_to(&shown, address);
        assert_eq!(m["status"], "failed");
        assert_eq!(m["attempts"], 0, "never handed to a server");
        assert!(
            m["message_id"]
                .as_str()
                .expect("id")
                .starts_with("<bowout.")
        );
        assert!(m["copy"].is_null());
    }
}

#[test]
fn a_message_too_large_for_the_server_fails_with_552() {
    let sink = sink();
    let env = sink.env_on(sink.small_port, "none");
    let (ann, id) = declined_to_ann(&env, "ann");
    env.run(["send", &id]).fails_with(1, "552");
    let stored = show(&env, &id);
    let m = message_to(&stored, &ann);
    assert_eq!(m["status"], "failed");
    let error = m["last_error"].as_str().expect("error");
    assert!(
        error.starts_with("552 ") && error.contains("Too much mail data"),
        "{m}"
    );
    assert_eq!(sink.count(&ann), 0);
}

#[test]
fn password_command_supplies_the_password_and_it_is_stored_nowhere() {
    let sink = sink();
    let mut env = sink.env();
    env.unset("BOWOUT_SMTP_PASSWORD");
    let (ann, id) = declined_to_ann(&env, "ann");
    // No password anywhere for this user (no variable, no command, none in the keyring,
    // or no keyring at all): a clear message naming the ways to give one.
    env.set(
        "BOWOUT_SMTP_USERNAME",
        &format!("nobody.{}@example.net", tag()),
    );
    env.run(["send", &id]).fails_with(1, "BOWOUT_SMTP_PASSWORD");
    assert_eq!(sink.count(&ann), 0);
    env.set("BOWOUT_SMTP_USERNAME", &sink.user);

    let script = env.path("pw.sh");
    std::fs::write(&script, format!("#!/bin/sh\necho '{}'\n", sink.password)).expect("script");
    let command = format!("sh '{}'", script.display());
    env.set("BOWOUT_SMTP_PASSWORD_COMMAND", &command);
    let run = env.run(["send", &id]).ok();
    assert_eq!(sink.count(&ann), 1);
    assert!(!run.stdout().contains(&sink.password) && !run.stderr().contains(&sink.password));
    std::fs::remove_file(&script).expect("rm");
    for entry in walk(env.home()) {
        let bytes = std::fs::read(&entry).expect("read");
        let found = bytes
            .windows(sink.password.len())
            .any(|w| w == sink.password.as_bytes());
        assert!(!found, "the password is stored in {}", entry.display());
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn the_keyring_holds_the_password_or_says_clearly_that_it_cannot() {
    let sink = sink();
    let mut env = sink.env();
    env.unset("BOWOUT_SMTP_PASSWORD");
    let stored = env.run_with_stdin(["password", "smtp"], &format!("{}\n", sink.password));
    let (ann, id) = declined_to_ann(&env, "ann");
    if stored.output.status.success() {
        // A keyring exists here: the password comes from it alone.
        env.run(["send", &id]).ok();
        assert_eq!(sink.count(&ann), 1);
    } else {
        // No usable keyring (a container, a headless box): one line that names the ways out.
        stored.fails_with(1, "use BOWOUT_SMTP_PASSWORD or a password_command instead");
        env.run(["send", &id])
            .fails_with(1, "the OS keyring cannot be used here");
        assert_eq!(sink.count(&ann), 0);
    }
}
