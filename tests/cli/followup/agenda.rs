//! `bowout agenda`: what is owed, and how items leave it once dealt with.

use super::{reply_file, sent_decline, show};
use serde_json::Value;

fn kinds(agenda: &Value, id: &str) -> Vec<String> {
    agenda["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["invitation_id"] == id)
        .map(|i| i["kind"].as_str().expect("kind").to_string())
        .collect()
}

#[test]
fn the_agenda_lists_what_is_owed_and_drops_what_was_done() {
    let mut env = super::env();
    assert!(env.run(["agenda"]).ok().stdout().contains("Nothing owed"));
    let undecided = super::add(&env, "Initech", "Cy Dee <cy@initech.example>");
    let sent = sent_decline(&env);
    let exported = super::add(&env, "Umbrella", "Di Eve <di@umbrella.example>");
    env.run(["decline", &exported]).ok();
    let dir = env.path("eml-exported");
    env.run(["send", &exported, "--eml-dir", dir.to_str().expect("utf-8")])
        .ok();
    let (timed, untimed) = super::accepted_timed_and_untimed(&env);

    // The same Friday: nothing is late yet, but the export is in doubt and interviews show.
    let today = env.run(["--json", "agenda"]).ok().json();
    assert_eq!(today["today"], "2026-11-27");
    assert!(kinds(&today, &undecided).is_empty());
    assert!(kinds(&today, &sent).is_empty());
    assert_eq!(kinds(&today, &exported), ["send-in-doubt"]);
    let doubt = today["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["invitation_id"] == exported.as_str())
        .expect("exported item");
    assert!(
        doubt["todo"]
            .as_str()
            .expect("todo")
            .contains("--confirm-sent"),
        "{doubt}"
    );
    assert_eq!(kinds(&today, &timed), ["interview"]);
    assert_eq!(kinds(&today, &untimed), ["interview"]);

    // Wednesday: three business days later.
    env.set("BOWOUT_NOW", "2026-12-02T12:00:00Z");
    let wed = env.run(["--json", "agenda"]).ok().json();
    assert_eq!(kinds(&wed, &undecided), ["undecided"]);
    let mut owed = kinds(&wed, &sent);
    owed.sort();
    assert_eq!(owed, ["call-due", "unacknowledged", "unacknowledged"]);
    let text = env.run(["agenda"]).ok().stdout();
    assert!(text.contains("no receipt from bo@globex.example"), "{text}");
    assert!(text.contains(&format!("bowout call {sent}")), "{text}");

    // A longer patience setting hides the missing receipts.
    env.set("BOWOUT_AGENDA_ACK_DAYS", "5");
    let patient = env.run(["--json", "agenda"]).ok().json();
    assert_eq!(kinds(&patient, &sent), ["call-due"]);
    env.unset("BOWOUT_AGENDA_ACK_DAYS");

    // Both contacts confirm and the call is made: nothing owed for that invitation.
    let shown = show(&env, &sent);
    for email in ["ann@globex.example", "bo@globex.example"] {
        let path = reply_file(&env, &shown, email, "References");
        env.run(["replies", &path]).ok();
    }
    env.run(["call", &sent, "--outcome", "voicemail"]).ok();
    env.run(["send", &exported, "--confirm-sent", "all"]).ok();
    let done = env.run(["--json", "agenda"]).ok().json();
    assert!(kinds(&done, &sent).is_empty(), "{done}");
    assert!(kinds(&done, &exported).is_empty(), "{done}");
    assert_eq!(kinds(&done, &undecided), ["undecided"]);
}

#[test]
fn a_later_call_after_no_answer_is_on_the_agenda_from_its_day() {
    let mut env = super::env();
    let id = sent_decline(&env);
    env.set("BOWOUT_NOW", "2026-11-30T16:00:00Z");
    env.run(["call", &id, "--outcome", "no-answer"]).ok();
    let same_day = env.run(["--json", "agenda"]).ok().json();
    assert!(!kinds(&same_day, &id).contains(&"call-due".to_string()));
    env.set("BOWOUT_NOW", "2026-12-01T08:00:00Z");
    let next = env.run(["--json", "agenda"]).ok().json();
    assert!(
        kinds(&next, &id).contains(&"call-due".to_string()),
        "{next}"
    );
}
