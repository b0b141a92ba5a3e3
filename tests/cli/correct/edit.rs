//! `bowout edit`: captured fields and an accepted interview's time corrected, each change on
//! the timeline, drafts written before it stale until decided again.

use super::{details, drafts, export};
use crate::harness::{Env, show};

const CRLF: &str = "x\r\nBcc: victim@evil.example";

#[test]
fn edit_corrects_fields_logs_them_and_stales_the_drafts() {
    let env = Env::new();
    let id = env.add(&["--agency", "Hays"]);
    env.run(["decline", &id, "--reason", "accepted-job"]).ok();
    let edited = env
        .run([
            "--json",
            "edit",
            &id,
            "--employer",
            "Globex Corporation",
            "--no-agency",
            "--title",
            "Senior Data Analyst",
            "--req",
            "JR-9",
            "--round",
            "2",
        ])
        .ok()
        .json();
    let fields: Vec<&str> = edited["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| c["field"].as_str().expect("field"))
        .collect();
    assert_eq!(
        fields,
        ["employer", "agency", "job_title", "requisition", "round"]
    );
    assert_eq!(edited["changes"][0]["from"], "Globex");
    assert_eq!(edited["changes"][0]["to"], "Globex Corporation");
    assert_eq!(edited["changes"][1]["to"], serde_json::Value::Null);
    assert_eq!(edited["drafts_stale"], true);

    let shown = show(&env, &id);
    assert_eq!(shown["employer"], "Globex Corporation");
    assert_eq!(shown["agency"], serde_json::Value::Null);
    assert_eq!(shown["job_title"], "Senior Data Analyst");
    assert_eq!(shown["requisition"], "JR-9");
    assert_eq!(shown["round"], 2);
    let edits = details(&shown, "edited");
    assert_eq!(edits.len(), 5, "one event per change: {edits:?}");
    assert!(
        edits.contains(&"employer changed from \"Globex\" to \"Globex Corporation\"".to_string()),
        "{edits:?}"
    );
    assert!(edits.contains(&"agency changed from \"Hays\" to none".to_string()));

    // The drafts still say "Data Analyst" at "Globex": never sent like that.
    let stale = drafts(&env, &id);
    assert!(stale.iter().all(|d| d["stale"] == true), "{stale:?}");
    assert!(
        stale[0]["subject"]
            .as_str()
            .expect("subject")
            .ends_with("Data Analyst 4471")
    );
    let dry = env.run(["--json", "send", &id, "--dry-run"]).ok().json();
    assert!(
        dry["blocked"]
            .as_str()
            .is_some_and(|b| b.contains("written before you edited")),
        "{dry}"
    );
    export(&env, &id).fails_with(
        1,
        &format!(
            "the drafts were written before you edited the invitation (employer, agency, job \
             title, requisition, round edited); run `bowout decline {id}` (or accept) again"
        ),
    );
    assert!(
        show(&env, &id)["messages"]
            .as_array()
            .expect("messages")
            .is_empty()
    );

    // Deciding again writes them with the corrected fields.
    env.run(["decline", &id, "--reason", "accepted-job"]).ok();
    let fresh = drafts(&env, &id);
    assert_eq!(fresh[0]["stale"], false);
    assert_eq!(
        fresh[0]["subject"],
        "Interview invitation for Senior Data Analyst JR-9"
    );
    assert!(
        fresh[0]["body"]
            .as_str()
            .expect("body")
            .contains("for the Senior Data Analyst position (JR-9)")
    );
    export(&env, &id).ok();

    // The same values again change nothing and log nothing.
    let same = env
        .run(["--json", "edit", &id, "--employer", "Globex Corporation"])
        .ok()
        .json();
    assert_eq!(same["changes"], serde_json::json!([]));
    assert_eq!(same["drafts_stale"], false);
    assert_eq!(details(&show(&env, &id), "edited").len(), 5);
}

#[test]
fn the_interview_time_is_edited_only_on_an_accepted_invitation() {
    let env = Env::new();
    let id = env.add(&[]);
    env.run(["edit", &id, "--at", "2026-12-03 10:00"])
        .fails_with(1, "only an accepted invitation has an interview time");
    env.run([
        "accept",
        &id,
        "--at",
        "2026-12-02 14:00",
        "--tz",
        "Europe/Berlin",
    ])
    .ok();
    let edited = env
        .run([
            "--json",
            "edit",
            &id,
            "--at",
            "2026-12-03 10:00",
            "--tz",
            "Europe/Berlin",
        ])
        .ok()
        .json();
    assert_eq!(edited["changes"][0]["field"], "interview_at");
    assert_eq!(
        edited["changes"][0]["from"],
        "Wednesday 2 December 2026 at 14:00 (Europe/Berlin)"
    );
    assert_eq!(
        edited["changes"][0]["to"],
        "Thursday 3 December 2026 at 10:00 (Europe/Berlin)"
    );
    assert_eq!(edited["drafts_stale"], true);
    let shown = show(&env, &id);
    assert_eq!(shown["decision"]["interview_at"], "2026-12-03T09:00:00Z");
    assert_eq!(shown["decision"]["interview_tz"], "Europe/Berlin");
    export(&env, &id).fails_with(1, &format!("run `bowout accept {id}` (or decline) again"));

    // Accepting again without --at keeps the corrected time and rewrites the draft.
    let draft = env.run(["--json", "accept", &id]).ok().json();
    assert!(
        draft[0]["body"]
            .as_str()
            .expect("body")
            .contains("Thursday 3 December 2026 at 10:00"),
        "{draft}"
    );
    assert_eq!(
        show(&env, &id)["decision"]["interview_at"],
        "2026-12-03T09:00:00Z"
    );
    export(&env, &id).ok();
}

#[test]
fn edit_refuses_bad_input_and_writes_nothing() {
    let env = Env::new();
    let id = env.add(&[]);
    let before = env.snapshot();
    env.run(["edit", &id]).fails_with(2, "nothing to change");
    for flag in ["--employer", "--agency", "--title", "--req"] {
        env.run(["edit", &id, flag, &format!("Globex{CRLF}")])
            .fails_with(2, "line break");
    }
    env.run(["edit", &id, "--round", "4"])
        .fails_with(2, "--round");
    env.run(["edit", &id, "--agency", "Hays", "--no-agency"])
        .fails_with(2, "--no-agency");
    env.run(["edit", &id, "--at", "next tuesday"])
        .fails_with(2, "YYYY-MM-DD HH:MM");
    env.run(["edit", &id, "--at", &format!("2026-12-03 10:00{CRLF}")])
        .fails_with(2, "--at");
    env.run([
        "edit",
        &id,
        "--at",
        "2026-12-03 10:00",
        "--tz",
        "Mars/Olympus",
    ])
    .fails_with(2, "unknown time zone");
    env.run(["edit", "zzzzzzzzzzzz", "--title", "Analyst"])
        .fails_with(1, "no invitation with id");
    // A refusal after a first change leaves that change unwritten too.
    env.run([
        "edit",
        &id,
        "--title",
        "Analyst",
        "--at",
        "2026-12-03 10:00",
    ])
    .fails_with(1, "only an accepted invitation");
    assert_eq!(env.snapshot(), before, "nothing was written");
}

#[test]
fn after_a_partial_send_only_the_messages_still_to_send_are_rewritten() {
    let env = Env::new();
    let id = env.add(&["--other", "Bo Chen <bo@globex.example>"]);
    env.run(["decline", &id, "--reason", "accepted-job"]).ok();
    export(&env, &id).ok();
    env.run([
        "contact",
        "add",
        &id,
        "--name",
        "Cy Diaz",
        "--email",
        "cy@globex.example",
    ])
    .ok();
    // Two declines are out (exported): a new decision would contradict them…
    env.run(["decline", &id, "--reason", "field-fit"])
        .fails_with(1, "already has declines sent");
    // …but the same decision rewrites the stale drafts, and only Cy's is new.
    env.run(["decline", &id, "--reason", "accepted-job"]).ok();
    let run = export(&env, &id).ok();
    let shown = show(&env, &id);
    let messages = shown["messages"].as_array().expect("messages");
    assert_eq!(messages.len(), 3, "{shown}");
    assert!(
        messages.iter().all(|m| m["status"] == "exported"),
        "{shown}"
    );
    assert!(
        run.stdout().contains("cy@globex.example"),
        "{}",
        run.stdout()
    );
}
