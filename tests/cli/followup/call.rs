//! `bowout call ID`: the call sheet, logging calls, rescheduling after no answer.

use super::{events, message_to, sent_decline, show};

#[test]
fn the_call_sheet_has_whom_the_script_the_voicemail_the_answers_and_the_referral() {
    let mut env = super::env();
    env.set("BOWOUT_IDENTITY_PHONE", "+1 555 0100");
    let id = sent_decline(&env);
    let sheet = env.run(["--json", "call", &id]).ok().json();
    assert_eq!(
        sheet["due"], "2026-11-30",
        "the next business day after Friday"
    );
    assert_eq!(sheet["overdue"], false);
    assert_eq!(sheet["call"]["name"], "Ann Lee");
    assert_eq!(sheet["call"]["email"], "ann@globex.example");
    assert_eq!(sheet["call"]["phone"], "+1 555 0142");
    let script = sheet["script"].to_string();
    assert!(
        script.contains(
            "Hello Ann Lee, this is Dana Whitfield. I'm calling about the interview invitation \
             for the Data Analyst position, requisition 4 4 7 1, at Globex."
        ),
        "the requisition as said aloud: {script}"
    );
    assert!(
        script.contains("I regret that I must decline because I have accepted a job."),
        "{script}"
    );
    assert!(
        script.contains("You can reach them at sam dot park at fastmail dot example, +1 555 0177."),
        "the referral, its address as said aloud: {script}"
    );
    assert!(!script.contains("Please reply"), "{script}");
    assert!(!script.contains("(4471)"), "{script}");
    let voicemail = sheet["voicemail"].as_str().expect("voicemail");
    assert!(
        voicemail
            .contains("At this time I regret that I must decline because I have accepted a job."),
        "{voicemail}"
    );
    assert!(voicemail.contains("+1 555 0100"), "{voicemail}");
    assert_eq!(
        sheet["if_pressed"],
        serde_json::json!([
            "I have accepted a position elsewhere.",
            "I've made a commitment there, and I intend to keep it."
        ]),
        "after \"I have accepted a job\", the answer if pressed says so"
    );
    assert_eq!(sheet["referral"]["name"], "Sam Park");
    assert_eq!(sheet["referral"]["email"], "sam.park@fastmail.example");
    assert_eq!(sheet["referral"]["phone"], "+1 555 0177");

    let text = env.run(["call", &id]).ok().stdout();
    for needle in [
        "Call: Ann Lee <ann@globex.example>, phone +1 555 0142",
        "Voicemail:",
        "1. \"I have accepted a position elsewhere.\"",
        "Referral to hand over: Sam Park <sam.park@fastmail.example>, +1 555 0177",
    ] {
        assert!(text.contains(needle), "{needle:?} in\n{text}");
    }
}

#[test]
fn the_answers_if_pressed_follow_the_reason_given() {
    for (reason, first, second, stated) in [
        (
            "none",
            "The timing is just wrong in this instance, given what else is going on in my job \
             search.",
            "I'm pursuing other opportunities.",
            "However, at this time I regret that I must decline.",
        ),
        (
            "field-fit",
            "I've concluded that this field is not a good fit for me at this point in my career.",
            "I'm focusing my search in a different direction.",
            "I must decline because I have concluded that this field is not a good fit",
        ),
    ] {
        let env = super::env();
        let id = env.add(&["--phone", "+1 555 0142"]);
        env.run(["decline", &id, "--reason", reason]).ok();
        super::send(&env, &id);
        let sheet = env.run(["--json", "call", &id]).ok().json();
        assert_eq!(
            sheet["if_pressed"],
            serde_json::json!([first, second]),
            "{reason}"
        );
        assert!(
            sheet["script"].to_string().contains(stated),
            "{reason}: {}",
            sheet["script"]
        );
    }
}

#[test]
fn the_call_greets_by_first_name_when_the_mail_did() {
    let env = super::env();
    let id = env.add(&["--phone", "+1 555 0142"]);
    env.run([
        "contact",
        "edit",
        &id,
        "--email",
        "ann@globex.example",
        "--greeting",
        "Ann",
        "--informal",
    ])
    .ok();
    env.run(["decline", &id]).ok();
    super::send(&env, &id);
    let sheet = env.run(["--json", "call", &id]).ok().json();
    assert_eq!(
        sheet["script"][0],
        "Hi Ann, this is Dana Whitfield. I'm calling about the interview invitation for the \
         Data Analyst position, requisition 4 4 7 1, at Globex."
    );
    assert!(
        sheet["voicemail"]
            .as_str()
            .expect("voicemail")
            .starts_with("Hi Ann, this is Dana Whitfield, calling about"),
        "{}",
        sheet["voicemail"]
    );
}

#[test]
fn no_answer_reschedules_to_the_next_business_day_and_reached_ends_it() {
    let mut env = super::env();
    let id = sent_decline(&env);
    env.set("BOWOUT_NOW", "2026-12-04T15:00:00Z"); // a Friday
    let logged = env
        .run([
            "--json",
            "call",
            &id,
            "--outcome",
            "no-answer",
            "--note",
            "rang 6 times",
        ])
        .ok()
        .json();
    assert_eq!(logged["outcome"], "no-answer");
    assert_eq!(logged["next_due"], "2026-12-07", "Monday");
    let sheet = env.run(["--json", "call", &id]).ok().json();
    assert_eq!(sheet["due"], "2026-12-07");
    assert_eq!(sheet["calls"][0]["note"], "rang 6 times");

    env.set("BOWOUT_NOW", "2026-12-07T10:00:00Z");
    let out = env.run(["call", &id, "--outcome", "reached"]).ok().stdout();
    assert!(out.contains("the follow-up call is done"), "{out}");
    let sheet = env.run(["--json", "call", &id]).ok().json();
    assert!(sheet["due"].is_null());
    assert_eq!(sheet["calls"].as_array().expect("calls").len(), 2);
    let shown = show(&env, &id);
    assert_eq!(events(&shown, "called"), 2);
}

#[test]
fn holidays_from_the_config_are_skipped() {
    let env = super::env();
    std::fs::write(
        env.path("config.toml"),
        "[agenda]\nholidays = [\"2026-11-30\"]\n",
    )
    .expect("config");
    let id = sent_decline(&env);
    let sheet = env.run(["--json", "call", &id]).ok().json();
    assert_eq!(sheet["due"], "2026-12-01", "Monday is a holiday");
}

#[test]
fn a_call_for_an_invitation_with_nothing_sent_is_refused_and_records_nothing() {
    let env = super::env();
    let id = env.add(&[]);
    let before = env.snapshot();
    env.run(["call", &id]).fails_with(1, "decide first");
    env.run(["call", &id, "--outcome", "reached"])
        .fails_with(1, "decide first");
    env.run(["decline", &id]).ok();
    env.run(["call", &id, "--outcome", "voicemail"])
        .fails_with(1, &format!("bowout send {id}"));
    assert_eq!(
        show(&env, &id)["timeline"].as_array().expect("t").len(),
        before["events"].as_array().expect("e").len() + 2
    );
    env.run(["call", "zzzzzzzz"]).fails_with(1, "no invitation");
    env.run(["call", &id, "--outcome", "maybe"])
        .fails_with(2, "invalid value");
    env.run(["call", &id, "--note", "x"])
        .fails_with(2, "--outcome");
}

/// The kinds of the agenda's items (owed and next) for `id`.
fn agenda_kinds(env: &crate::harness::Env, id: &str) -> Vec<String> {
    let agenda = env.run(["--json", "agenda"]).ok().json();
    ["owed", "next"]
        .iter()
        .flat_map(|s| agenda[*s].as_array().expect("section").clone())
        .filter(|i| i["invitation_id"] == id)
        .map(|i| i["kind"].as_str().expect("kind").to_string())
        .collect()
}

#[test]
fn a_reached_call_closes_the_receipt_question() {
    let mut env = super::env();
    let id = sent_decline(&env);
    env.set("BOWOUT_NOW", "2026-12-02T12:00:00Z");
    let mut owed = agenda_kinds(&env, &id);
    owed.sort();
    assert_eq!(owed, ["call-due", "unacknowledged", "unacknowledged"]);
    env.run(["call", &id, "--outcome", "reached"]).ok();
    assert!(agenda_kinds(&env, &id).is_empty(), "nothing left to ask");
    let shown = show(&env, &id);
    assert_eq!(shown["status"], "sent", "no receipt was recorded");
    assert_eq!(events(&shown, "acknowledged"), 0);
    // A voicemail ends the call but leaves the receipts owed.
    let other = sent_decline(&env);
    env.run(["call", &other, "--outcome", "voicemail"]).ok();
    assert_eq!(
        agenda_kinds(&env, &other),
        ["unacknowledged", "unacknowledged"]
    );
}

#[test]
fn reached_and_confirmed_records_the_receipt_by_phone() {
    let mut env = super::env();
    let id = sent_decline(&env);
    env.set("BOWOUT_NOW", "2026-11-30T10:05:00Z");
    let logged = env
        .run(["--json", "call", &id, "--outcome", "reached", "--confirmed"])
        .ok()
        .json();
    assert_eq!(logged["confirmed"], "ann@globex.example");
    assert_eq!(logged["all_confirmed"], false);
    let shown = show(&env, &id);
    let ann = message_to(&shown, "ann@globex.example");
    assert_eq!(ann["acknowledged_at"], "2026-11-30T10:05:00Z");
    assert_eq!(ann["acknowledged_via"], "phone");
    assert!(message_to(&shown, "bo@globex.example")["acknowledged_at"].is_null());
    assert_eq!(shown["status"], "sent", "Bo has not confirmed yet");
    let timeline = shown["timeline"].to_string();
    assert!(
        timeline.contains("to ann@globex.example confirmed by phone on 2026-11-30 10:05"),
        "{timeline}"
    );
    let text = env.run(["show", &id]).ok().stdout();
    assert!(text.contains("receipt confirmed by phone"), "{text}");

    // Bo confirms on another call: every decline is acknowledged, so the invitation is.
    env.set("BOWOUT_NOW", "2026-11-30T11:00:00Z");
    let out = env
        .run([
            "call",
            &id,
            "--outcome",
            "reached",
            "--confirmed",
            "--email",
            "BO@globex.example",
        ])
        .ok()
        .stdout();
    assert!(
        out.contains("Receipt confirmed by phone: bo@globex.example"),
        "{out}"
    );
    assert!(
        out.contains("every contact has now confirmed receipt"),
        "{out}"
    );
    let shown = show(&env, &id);
    assert_eq!(shown["status"], "acknowledged");
    assert_eq!(
        message_to(&shown, "bo@globex.example")["acknowledged_via"],
        "phone"
    );
    assert_eq!(events(&shown, "acknowledged"), 2);
    assert!(agenda_kinds(&env, &id).is_empty());
}

#[test]
fn confirmed_is_refused_without_a_reached_call_or_with_a_stranger_and_records_nothing() {
    let env = super::env();
    let id = sent_decline(&env);
    let before = env.snapshot();
    env.run(["call", &id, "--outcome", "voicemail", "--confirmed"])
        .fails_with(2, "--confirmed needs --outcome reached");
    env.run(["call", &id, "--confirmed"])
        .fails_with(2, "--outcome");
    env.run([
        "call",
        &id,
        "--outcome",
        "reached",
        "--email",
        "bo@globex.example",
    ])
    .fails_with(2, "--confirmed");
    env.run([
        "call",
        &id,
        "--outcome",
        "reached",
        "--confirmed",
        "--email",
        "not an address",
    ])
    .fails_with(2, "invalid --email");
    env.run([
        "call",
        &id,
        "--outcome",
        "reached",
        "--confirmed",
        "--email",
        "cy@initech.example",
    ])
    .fails_with(1, "no decline to cy@initech.example");
    assert_eq!(env.snapshot(), before, "nothing recorded");
}

#[test]
fn when_every_contact_confirmed_by_email_no_call_is_needed() {
    let env = super::env();
    let id = sent_decline(&env);
    let shown = show(&env, &id);

    // Ann (the one to call) replied; Bo not yet: the call is still due, but the script
    // does not ask Ann whether the email reached her.
    let path = super::reply_file(&env, &shown, "ann@globex.example", "In-Reply-To");
    env.run(["replies", &path]).ok();
    let sheet = env.run(["--json", "call", &id]).ok().json();
    assert_eq!(sheet["due"], "2026-11-30");
    assert_eq!(sheet["confirmed"], true);
    assert_eq!(sheet["all_confirmed"], false);
    let script = sheet["script"].to_string();
    assert!(!script.contains("make sure it reached you"), "{script}");
    assert!(
        script.contains("thank you for letting me know it reached you"),
        "{script}"
    );

    // Bo replies too: no call item any more, and the sheet says why but still prints.
    let path = super::reply_file(&env, &shown, "bo@globex.example", "In-Reply-To");
    env.run(["replies", &path]).ok();
    assert!(agenda_kinds(&env, &id).is_empty());
    let sheet = env.run(["--json", "call", &id]).ok().json();
    assert!(sheet["due"].is_null(), "{sheet}");
    assert_eq!(sheet["all_confirmed"], true);
    let text = env.run(["call", &id]).ok().stdout();
    assert!(
        text.contains("When: every contact confirmed receipt: no call needed"),
        "{text}"
    );
    assert!(text.contains("Script:"), "{text}");
    assert!(!text.contains("make sure it reached you"), "{text}");

    // Before any reply the script asks.
    let other = sent_decline(&env);
    let asking = env.run(["--json", "call", &other]).ok().json();
    assert_eq!(asking["confirmed"], false);
    assert!(
        asking["script"]
            .to_string()
            .contains("I wanted to make sure it reached you"),
        "{asking}"
    );
}
