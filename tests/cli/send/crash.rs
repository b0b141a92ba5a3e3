//! The crash test: bowout killed with SIGKILL while the server holds a message it has not
//! acknowledged. No recipient may get two messages, and nothing may be marked sent silently.
//!
//! The sink stores a message to a `hang…` recipient and then never answers the final dot,
//! like a server that queued the mail just as the connection died: the worst case for
//! at-most-once, because the message *was* delivered but bowout cannot know it.

use super::sink::{declined, message_to, sha256_hex, show, sink, tag};
use std::process::Stdio;
use std::time::Duration;

#[test]
fn sigkill_in_the_middle_of_sending_never_sends_twice_nor_marks_sent_silently() {
    let sink = sink();
    let env = sink.env();
    let t = tag();
    let ann = format!("ann.{t}@globex.example");
    let bo = format!("hang.bo.{t}@globex.example");
    let cy = format!("cy.{t}@globex.example");
    let id = declined(
        &env,
        &format!("Ann Lee <{ann}>"),
        &[&format!("Bo Chen <{bo}>"), &format!("Cy Diaz <{cy}>")],
    );

    // Run 1: Ann's message goes through, Bo's hangs after the server stored it; kill -9.
    let mut child = env
        .command()
        .args(["send", &id])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start bowout send");
    let in_flight = sink.wait_for(&bo, 1, Duration::from_secs(60));
    // While it runs, a second send on the same home is refused and touches nothing.
    let second = env.run(["send", &id]);
    let second_status = show(&env, &id);
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("wait");
    assert!(in_flight, "the sink never received the message to {bo}");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(
        status.signal(),
        Some(9),
        "bowout was killed, not finished: {status:?}"
    );
    second.fails_with(1, "another `bowout send` is running");
    assert_eq!(message_to(&second_status, &bo)["status"], "sending");

    let shown = show(&env, &id);
    assert_eq!(message_to(&shown, &ann)["status"], "sent");
    assert_eq!(
        message_to(&shown, &bo)["status"],
        "sending",
        "killed mid-hand-over"
    );
    assert_eq!(
        message_to(&shown, &cy)["status"],
        "queued",
        "not reached yet"
    );
    assert_eq!(
        (sink.count(&ann), sink.count(&bo), sink.count(&cy)),
        (1, 1, 0)
    );

    // Run 2: Bo's message is in doubt and is not resent; Cy's goes; the run says what to do.
    let run = env.run(["send", &id]).fails_with(1, "--confirm-sent");
    assert!(run.stderr().contains(&bo), "{}", run.stderr());
    let shown = show(&env, &id);
    let bo_msg = message_to(&shown, &bo);
    assert_eq!(bo_msg["status"], "unknown");
    assert_eq!(message_to(&shown, &cy)["status"], "sent");
    assert_eq!(
        shown["status"], "declined",
        "not marked sent while one is in doubt"
    );
    assert_eq!(
        (sink.count(&ann), sink.count(&bo), sink.count(&cy)),
        (1, 1, 1)
    );
    // The copy of the message in doubt is exactly what the server got.
    let delivered = &sink.deliveries(&bo)[0];
    assert_eq!(bo_msg["sha256"], sha256_hex(&delivered.bytes).as_str());
    assert_eq!(
        delivered.header("Message-ID"),
        [bo_msg["message_id"].as_str().expect("id")]
    );
    let timeline = shown["timeline"].to_string();
    assert!(timeline.contains("state unknown"), "{timeline}");
    let text = env.run(["send", &id]).fails_with(1, "unknown").stdout();
    assert!(
        text.contains("Sent folder"),
        "the output says what to do: {text}"
    );

    // Run 3 and 4: still nothing resent; the user confirms from their Sent folder.
    let bo_id = bo_msg["message_id"].as_str().expect("id").to_string();
    env.run(["send", &id, "--confirm-sent", &bo_id]).ok();
    let shown = show(&env, &id);
    assert_eq!(message_to(&shown, &bo)["status"], "sent");
    assert_eq!(shown["status"], "sent");
    env.run(["send", &id]).ok();
    for (address, n) in [(&ann, 1), (&bo, 1), (&cy, 1)] {
        assert_eq!(sink.count(address), n, "{address}: one message, never two");
    }
}
