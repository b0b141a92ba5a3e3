//! `bowout call ID`: the call sheet, logging calls, rescheduling after no answer.

use super::{events, sent_decline, show};

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
        script.contains("Hello Ann Lee, this is Dana Whitfield"),
        "{script}"
    );
    assert!(
        script.contains("I have accepted a position elsewhere"),
        "{script}"
    );
    assert!(
        script.contains("Sam Park"),
        "the referral paragraph: {script}"
    );
    assert!(!script.contains("Please reply"), "{script}");
    let voicemail = sheet["voicemail"].as_str().expect("voicemail");
    assert!(
        voicemail.contains("withdrawing from consideration"),
        "{voicemail}"
    );
    assert!(voicemail.contains("+1 555 0100"), "{voicemail}");
    assert_eq!(
        sheet["if_pressed"],
        serde_json::json!([
            "The timing is just wrong in this instance, given what else is going on in my job search.",
            "I'm pursuing other opportunities."
        ])
    );
    assert_eq!(sheet["referral"]["name"], "Sam Park");
    assert_eq!(sheet["referral"]["email"], "sam.park@fastmail.example");
    assert_eq!(sheet["referral"]["phone"], "+1 555 0177");

    let text = env.run(["call", &id]).ok().stdout();
    for needle in [
        "Call: Ann Lee <ann@globex.example>, phone +1 555 0142",
        "Voicemail:",
        "1. \"The timing is just wrong",
        "2. \"I'm pursuing other opportunities.\"",
        "Referral to hand over: Sam Park <sam.park@fastmail.example>, +1 555 0177",
    ] {
        assert!(text.contains(needle), "{needle:?} in\n{text}");
    }
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
