//! `bowout agenda`: what is owed today and what comes next, each with the command that
//! closes it, and how items leave it once dealt with.

use super::{reply_file, sent_decline, show};
use crate::harness::Env;
use serde_json::Value;

/// The kinds of `section`'s items ("owed" or "next") for invitation `id`, in order.
fn kinds(agenda: &Value, section: &str, id: &str) -> Vec<String> {
    items(agenda, section)
        .iter()
        .filter(|i| i["invitation_id"] == id)
        .map(|i| i["kind"].as_str().expect("kind").to_string())
        .collect()
}

fn items<'a>(agenda: &'a Value, section: &str) -> &'a Vec<Value> {
    agenda[section]
        .as_array()
        .unwrap_or_else(|| panic!("no {section} section: {agenda}"))
}

/// The item of `kind` for `id` in `section`.
fn find<'a>(agenda: &'a Value, section: &str, id: &str, kind: &str) -> &'a Value {
    items(agenda, section)
        .iter()
        .find(|i| i["invitation_id"] == id && i["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} for {id} in {section}: {agenda}"))
}

/// Every item names the full id of its invitation in a bowout command that closes it.
fn every_todo_is_a_command(agenda: &Value) {
    for section in ["owed", "next"] {
        for i in items(agenda, section) {
            let todo = i["todo"].as_str().expect("todo");
            let id = i["invitation_id"].as_str().expect("id");
            let names_it = todo.contains("bowout ") && todo.contains(id);
            let calendar = i["kind"] == "interview" && todo.starts_with("bowout calendar");
            assert!(names_it || calendar, "{i}");
        }
    }
}

#[test]
fn the_agenda_has_what_is_owed_today_and_what_comes_next() {
    let mut env = super::env();
    let empty = env.run(["agenda"]).ok().stdout();
    assert!(empty.contains("Nothing owed today (2026-11-27)"), "{empty}");
    let undecided = super::add(&env, "Initech", "Cy Dee <cy@initech.example>");
    let sent = sent_decline(&env);
    let exported = super::add(&env, "Umbrella", "Di Eve <di@umbrella.example>");
    env.run(["decline", &exported]).ok();
    let dir = env.path("eml-exported");
    env.run(["send", &exported, "--eml-dir", dir.to_str().expect("utf-8")])
        .ok();
    let (timed, untimed) = super::accepted_timed_and_untimed(&env);

    // The same Friday: only the export in doubt is owed; everything else comes next, each
    // with the day it becomes owed.
    let friday = env.run(["--json", "agenda"]).ok().json();
    assert_eq!(friday["today"], "2026-11-27");
    assert_eq!(kinds(&friday, "owed", &exported), ["send-in-doubt"]);
    let doubt = find(&friday, "owed", &exported, "send-in-doubt");
    assert!(
        doubt["todo"]
            .as_str()
            .expect("todo")
            .contains("--confirm-sent"),
        "{doubt}"
    );
    for id in [&undecided, &sent, &timed, &untimed] {
        assert!(kinds(&friday, "owed", id).is_empty(), "{id}: {friday}");
    }
    // The undecided invitation from the day it arrived: owed two business days later.
    assert_eq!(
        find(&friday, "next", &undecided, "undecided")["due"],
        "2026-12-01"
    );
    // The call on Monday, each receipt on Wednesday (three business days).
    assert_eq!(
        kinds(&friday, "next", &sent),
        ["call-due", "unacknowledged", "unacknowledged"]
    );
    assert_eq!(
        find(&friday, "next", &sent, "call-due")["due"],
        "2026-11-30"
    );
    assert_eq!(
        find(&friday, "next", &sent, "unacknowledged")["due"],
        "2026-12-02"
    );
    assert_eq!(
        find(&friday, "next", &timed, "interview")["due"],
        "2026-12-10"
    );
    // What has no date yet comes last.
    let last = items(&friday, "next").last().expect("items");
    assert_eq!(last["invitation_id"], untimed.as_str());
    assert!(last["due"].is_null());
    assert!(
        last["todo"]
            .as_str()
            .expect("todo")
            .starts_with(&format!("bowout accept {untimed} --at")),
        "{last}"
    );
    every_todo_is_a_command(&friday);
    let text = env.run(["agenda"]).ok().stdout();
    let (owed, next) = text.split_once("\nNext:").expect("a Next section");
    assert!(
        owed.contains("Owed today (overdue or due today):"),
        "{text}"
    );
    assert!(
        owed.contains(&exported) && !owed.contains(&undecided),
        "{text}"
    );
    assert!(
        next.contains(&format!("[2026-12-01] undecided {undecided}")),
        "{text}"
    );
    assert!(next.contains("[no date yet] interview"), "{text}");

    // Wednesday, three business days later: the answer, the call and the receipts are
    // owed, oldest first.
    env.set("BOWOUT_NOW", "2026-12-02T12:00:00Z");
    let wed = env.run(["--json", "agenda"]).ok().json();
    assert_eq!(kinds(&wed, "owed", &undecided), ["undecided"]);
    assert_eq!(
        kinds(&wed, "owed", &sent),
        ["call-due", "unacknowledged", "unacknowledged"]
    );
    let dues: Vec<&str> = items(&wed, "owed")
        .iter()
        .map(|i| i["due"].as_str().expect("due"))
        .collect();
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
    assert!(kinds(&wed, "next", &sent).is_empty(), "{wed}");
    every_todo_is_a_command(&wed);
    let call = find(&wed, "owed", &sent, "call-due");
    assert!(
        call["todo"].as_str().expect("todo").starts_with(&format!(
            "bowout call {sent} --outcome reached|voicemail|no-answer"
        )),
        "{call}"
    );
    let text = env.run(["agenda"]).ok().stdout();
    assert!(text.contains("no receipt from bo@globex.example"), "{text}");
    assert!(
        text.contains(&format!(
            "bowout call {sent} --outcome reached --confirmed --email bo@globex.example"
        )),
        "{text}"
    );

    // A longer patience setting moves the receipts back to what comes next.
    env.set("BOWOUT_AGENDA_ACK_DAYS", "5");
    let patient = env.run(["--json", "agenda"]).ok().json();
    assert_eq!(kinds(&patient, "owed", &sent), ["call-due"]);
    assert_eq!(
        find(&patient, "next", &sent, "unacknowledged")["due"],
        "2026-12-04"
    );
    env.unset("BOWOUT_AGENDA_ACK_DAYS");

    // Both contacts confirm, the call is made and the export is confirmed sent.
    let shown = show(&env, &sent);
    for email in ["ann@globex.example", "bo@globex.example"] {
        let path = reply_file(&env, &shown, email, "References");
        env.run(["replies", &path]).ok();
    }
    env.run(["call", &sent, "--outcome", "voicemail"]).ok();
    env.run(["send", &exported, "--confirm-sent", "all"]).ok();
    let done = env.run(["--json", "agenda"]).ok().json();
    for section in ["owed", "next"] {
        assert!(kinds(&done, section, &sent).is_empty(), "{done}");
    }
    // The export, now sent, is no longer in doubt: its call and receipt come next.
    assert!(kinds(&done, "owed", &exported).is_empty(), "{done}");
    assert_eq!(
        kinds(&done, "next", &exported),
        ["call-due", "unacknowledged"]
    );
    assert_eq!(kinds(&done, "owed", &undecided), ["undecided"]);
}

#[test]
fn a_later_call_after_no_answer_comes_next_then_is_owed_on_its_day() {
    let mut env = super::env();
    let id = sent_decline(&env);
    env.set("BOWOUT_NOW", "2026-11-30T16:00:00Z");
    env.run(["call", &id, "--outcome", "no-answer"]).ok();
    let same_day = env.run(["--json", "agenda"]).ok().json();
    assert!(kinds(&same_day, "owed", &id).is_empty(), "{same_day}");
    assert_eq!(
        find(&same_day, "next", &id, "call-due")["due"],
        "2026-12-01"
    );
    env.set("BOWOUT_NOW", "2026-12-01T08:00:00Z");
    let next = env.run(["--json", "agenda"]).ok().json();
    assert_eq!(kinds(&next, "owed", &id), ["call-due"], "{next}");
}

/// A week-old invitation imported today is already owed an answer: its age counts from the
/// date of its mail (Tuesday 24 November), not from the import (Friday 27).
#[test]
fn an_imported_invitation_ages_from_the_date_of_its_mail() {
    let env = Env::new();
    let eml = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/invitation.eml");
    let report = env
        .run(["--json", "import", eml.to_str().expect("utf-8")])
        .ok()
        .json();
    let imported = report["ids"][0].as_str().expect("id").to_string();
    let by_hand = env.add(&[]);

    let listed = env.run(["--json", "list"]).ok().json();
    let line = |id: &str| {
        listed
            .as_array()
            .expect("list")
            .iter()
            .find(|i| i["id"] == id)
            .cloned()
            .expect("listed")
    };
    assert_eq!(line(&imported)["age_business_days"], 3, "{listed}");
    assert_eq!(line(&imported)["overdue"], true);
    assert_eq!(line(&by_hand)["age_business_days"], 0);
    assert_eq!(line(&by_hand)["overdue"], false);
    let shown = show(&env, &imported);
    assert_eq!(shown["received_at"], "2026-11-24T16:02:11Z");
    assert_eq!(
        (shown["age_business_days"].clone(), shown["overdue"].clone()),
        (3.into(), true.into())
    );
    let text = env.run(["list"]).ok().stdout();
    let imported_line = text
        .lines()
        .find(|l| l.contains(&imported))
        .expect("listed");
    assert!(imported_line.contains("answer owed"), "{text}");

    let agenda = env.run(["--json", "agenda"]).ok().json();
    let owed = find(&agenda, "owed", &imported, "undecided");
    assert_eq!(owed["due"], "2026-11-26");
    assert!(
        owed["summary"]
            .as_str()
            .expect("summary")
            .starts_with("arrived 2026-11-24, undecided for 3 business days"),
        "{owed}"
    );
    assert_eq!(
        find(&agenda, "next", &by_hand, "undecided")["due"],
        "2026-12-01"
    );
}
